"""The page's style, in a module of its own: the launcher puts it into the page's HTML so that it
holds from the first paint (ui/launch.py), and every page applies it again (ui.frame.apply_style),
also under plain ``streamlit run`` and when presentation mode is switched on in a session.

Plain strings only: the launcher imports this before the heavy modules are loaded.
"""

# The big numbers of a comparison (scoreboard): one HTML block instead of a dozen metric
# elements, because every element costs the browser time on each slider move.
SCOREBOARD_CSS = """
.vv-board {display: grid; grid-template-columns: repeat(var(--vv-columns), minmax(0, 1fr)); gap: 1rem 1.5rem;
           margin-bottom: 1rem}
@media (max-width: 640px) {.vv-board {grid-template-columns: repeat(2, minmax(0, 1fr))}}
.vv-alt {border-top: 8px solid var(--vv-colour); padding-top: 6px}
.vv-name {font-weight: 600; min-height: 3.2em}
.vv-number {margin: 0.4rem 0 0.9rem 0}
.vv-label {font-size: 0.875rem}
.vv-help {display: inline-block; margin-left: 0.3em; width: 1.1em; height: 1.1em; line-height: 1.1em;
          border: 1px solid #999; border-radius: 50%; text-align: center; font-size: 0.7em; cursor: help}
.vv-value {font-size: 1.9rem; line-height: 1.3}
.vv-change {display: inline-block; border-radius: 1rem; padding: 0 0.55rem; font-size: 0.85rem}
.vv-good {background: #e6f4ea; color: #17663a}
.vv-bad {background: #fdeaea; color: #a3211b}
.vv-off {background: #eef0f4; color: #4a4f5c}
"""
# A chart's title on a phone: a line of ui.charts.TITLE_CHARS characters fits its width at this size.
# The map's names placed for a wider map than a phone's are drawn in a colour of their own
# (ui.geo: Streamlit gives traces new uids, so a class cannot name the trace), hidden on a phone.
# In the page's style, not beside the map: a style element drawn again on every move of the
# map's slider made the browser restyle the whole page each time.
MAP_WIDE_ONLY_FILL = "rgb(52, 52, 52)"  # as plotly writes it in the text's style; #333 to the eye
CHART_CSS = f"""
@media (max-width: 640px) {{.js-plotly-plot .gtitle {{font-size: 13px !important}}
  .js-plotly-plot .textpoint text[style*="fill: {MAP_WIDE_ONLY_FILL}"] {{display: none}}}}
"""
# The block beside the map: its key (ui.geo.legend_html) and the travel distances (ui.geo.bands_html),
# numbers right-aligned in equal widths, the last row (beyond the transport threshold) set apart.
BANDS_CSS = """
.vv-bands-title {font-weight: 600; margin-bottom: 0.4rem}
table.vv-bands {border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 0.95rem}
table.vv-bands th, table.vv-bands td {padding: 0.35rem 0.5rem; text-align: right; vertical-align: top; line-height: 1.35;
  border-bottom: 1px solid rgba(49, 51, 63, 0.12)}
table.vv-bands th {font-weight: 600; border-bottom-color: rgba(49, 51, 63, 0.35)}
table.vv-bands th:first-child, table.vv-bands td:first-child {text-align: left}
table.vv-bands tbody tr:last-child td {font-weight: 600; border-bottom: none}
.vv-note {color: rgba(49, 51, 63, 0.7); font-size: 0.875rem; margin: 0.6rem 0 0 0}
.vv-legend {display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0 0 1rem 0; font-size: 0.95rem}
.vv-key {display: inline-flex; align-items: center; gap: 0.45rem}
.vv-key-glyph {font-size: 1.15rem; font-weight: 700; line-height: 1; width: 1.1rem; text-align: center}
.vv-key-open {font-size: 1.6rem}  /* the square glyph runs small beside the stars */
.vv-key-arrow {position: relative; display: inline-block; width: 16px; height: 6px; margin-right: 9px;
  background: currentColor}
.vv-key-arrow::after {content: ""; position: absolute; left: 16px; top: -5px; border-left: 9px solid currentColor;
  border-top: 8px solid transparent; border-bottom: 8px solid transparent}
"""
PRESENTATION_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
html, body, [data-testid="stAppViewContainer"] {font-size: 22px;}
[data-testid="stMetricValue"] {font-size: 2.6rem !important;}
[data-testid="stMetricLabel"] p {font-size: 1.3rem !important;}
h1 {font-size: 2.2rem !important; padding: 0.5rem 0 0.75rem 0 !important;}
.vv-value {font-size: 2.2rem !important; display: inline-block; margin-right: 0.6rem;}
.vv-value + div {display: inline-block;}
.vv-number {margin: 0.2rem 0 0.5rem 0 !important;}
.vv-name {min-height: 2.6em !important;}
.vv-label {font-size: 1.1rem !important;}
.st-key-vv-board-compare [data-testid="stSkeleton"] {height: 25rem !important}
.block-container {padding-top: 1rem; max-width: 100% !important;}
@media (min-width: 768px) {[data-testid="stMainBlockContainer"] {padding-top: 1rem !important}}
"""
BASE_CSS = """
[data-testid="stMetricValue"] {font-size: 1.9rem;}
"""


# The wide layout as Streamlit draws it, stated outright: the launcher
# draws the first paint with these rules before Streamlit's own have arrived, so they must be the
# same before and after.
LAYOUT_CSS = """
@media (min-width: 768px) {
  [data-testid="stMainBlockContainer"] {max-width: none !important; padding-left: 5rem !important;
                                        padding-right: 5rem !important}
}
"""

# Streamlit draws a grey placeholder 2,5 rem high where a widget will be until the widget's code
# has loaded, and the page moved when the widget arrived: a widget as wide as its column (a
# select box, a multiselect, a text field or a slider, each with its label above it) is 4,25 rem
# high, a link to a page in the sidebar 2 rem (and 0,75 rem closer to the next). Our widgets'
# keys start with "w-"; the sidebar's links have none; Jämför's big numbers are ≈ 30 rem high
# (25 rem on a projector, twice as many rows on a phone; "!important" over the first rule, whose
# four attribute selectors weigh more and gave them 4,25 rem). (Attribute selectors only: a
# `:has()` would cost every change its time.)
PLACEHOLDER_CSS = """
[data-testid="stMain"] [data-testid="stElementContainer"][width="100%"][height="auto"] > [data-testid="stSkeleton"],
[data-testid="stSidebar"] [data-testid="stElementContainer"][class*="st-key-w-"][width="100%"] > [data-testid="stSkeleton"]
  {height: 4.25rem}
[data-testid="stSidebar"] [data-testid="stElementContainer"]:not([class*="st-key-"])[width="100%"] > [data-testid="stSkeleton"]
  {height: 2rem; margin-bottom: -0.75rem}
.st-key-vv-board-compare [data-testid="stSkeleton"] {height: 30rem !important}
@media (max-width: 640px) {.st-key-vv-board-compare [data-testid="stSkeleton"] {height: 60rem !important}}
"""


def page_css(present: bool) -> str:
    """The rules of a page in normal or presentation mode (without the ``<style>`` element)."""
    return (
        LAYOUT_CSS
        + PLACEHOLDER_CSS
        + (PRESENTATION_CSS if present else BASE_CSS)
        + SCOREBOARD_CSS
        + CHART_CSS
        + BANDS_CSS
    )
