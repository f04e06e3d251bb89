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
.block-container {padding-top: 1rem; max-width: 100% !important;}
"""
BASE_CSS = """
[data-testid="stMetricValue"] {font-size: 1.9rem;}
"""


def page_css(present: bool) -> str:
    """The rules of a page in normal or presentation mode (without the ``<style>`` element)."""
    return (PRESENTATION_CSS if present else BASE_CSS) + SCOREBOARD_CSS
