"""The decision memo ("beslutsunderlag"): the Jämför view as a PDF that stands alone.

It is attached to a council paper, so it carries everything needed to read it without
the dashboard: municipality, date, scenario and its assumptions, horizon, the
alternatives against "if we do not act", a plain-words summary first, the key figures,
the dashboard's own charts, the result under every scenario, every changed assumption
with its source, and the link that reopens the exact view. Every number comes from the
engine through ui.data, exactly as on the page.

Charts are drawn by kaleido in a headless Chromium kept open for the whole process: a
browser start costs ≈ 2 s, a chart ≈ 0.3 s after that. Without a browser the memo is
still made, with a one-line note where the charts would be.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import datetime as dt
import io
import logging
import re
import threading
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import kaleido
import pandas as pd
import streamlit as st
from choreographer.browsers.chromium import Chromium
from fpdf import FPDF, FontFace

from engine.core import formatting as fmt
from engine.core.scenario_fields import field_of
from engine.core.types import KEEP_ALL, Scenario
from engine.measures.assumptions import parameter_rows
from engine.measures.change import over_years
from engine.measures.compare import (
    KEY_FIGURES,
    accumulated_difference,
    by_scenario,
    compare,
    key_figures,
    scenarios_below_zero,
)
from engine.measures.effects import Effect, effect, merge_shortfalls
from engine.model.evaluate import Result
from ui import charts, data, frame, numbers, safe, session
from ui.i18n import t, tree_text, use_language
from ui.state import SCENARIO_FIELDS, ViewState

log = logging.getLogger(__name__)

STATE_KEY = "memo.pdf"  # session state: (view, compared, PDF bytes) of the last memo built
START_TIMEOUT_S = 30.0
CHART_TIMEOUT_S = 30.0
CHART_WIDTH_PX = 900  # the dashboard's chart at a laptop's width; drawn at twice the pixels for print
MARGIN_MM = 18.0
FAMILY = "memo"

# The measures of the page's key-figure table (engine.measures.compare.KEY_FIGURES), each with its Swedish format.
MEASURES: dict[str, Callable[[float], str]] = {
    "pupils": fmt.number,
    "schools_open": fmt.number,
    "cost_sek": fmt.mnkr,
    "cost_per_pupil_sek": fmt.kr,
    "one_off_cost_sek": fmt.mnkr,
    "mean_class_size": lambda v: fmt.number(v, 1),
    "combined_grade_share": fmt.percent,
    "teachers_fte": lambda v: fmt.number(v, 1),
    "fragile_teams": fmt.number,
    "mean_distance_km": fmt.km,
    "max_distance_km": fmt.km,
    "pupils_over_threshold": fmt.number,
    "pupils_changing_school": fmt.number,
    "overcrowded_pupils": fmt.number,
}
assert tuple(MEASURES) == KEY_FIGURES


# --- the page's button ---------------------------------------------------------------


def shortfall_sentences(result: Result, *, mark: Callable[[str], str] = safe.md) -> list[str]:
    """One sentence per merge whose receiving school cannot hold its pupils ("Norrby räcker inte: 6 elever
    får gå till Åsby (2028)."), the same on Jämför, Bygg alternativ and in the memo (``mark=safe.pdf``)."""
    sentences = []
    for short in merge_shortfalls(result):
        places = short.destinations
        to = (
            mark(places[0][0])
            if len(places) == 1
            else ", ".join(t("compare.merge_short.place", school=mark(n), pupils=fmt.number(p)) for n, p in places)
        )
        count = round(short.pupils)
        sentences.append(
            t("compare.merge_short", school=f"**{mark(short.name)}**", count=count, to=to, year=short.year)
        )
    return sentences


def memo_button(view: ViewState, compared: list[str]) -> None:
    """A "Skapa beslutsunderlag (PDF)" button that becomes the download of the memo of this view.

    The memo is built only on request (charts take a browser), never on a slider move;
    a memo built for another view is not offered. One element in one place: on the
    Jämför page every element costs the browser time on each slider move.
    """
    slot = st.empty()
    built = st.session_state.get(STATE_KEY)
    if not (built and built[0] == view and built[1] == list(compared)):
        if not slot.button(t("memo.build"), key="memo.build", help=t("memo.build.help")):
            return
        with slot, st.spinner(t("memo.building")):
            built = st.session_state[STATE_KEY] = (view, list(compared), build_memo(view, compared))
    slot.download_button(
        t("memo.download"),
        built[2],
        f"{t('memo.file')}-{data.dataset().code}-{dt.date.today().isoformat()}.pdf",
        "application/pdf",
        key="memo.download",
        on_click="ignore",  # downloading changes nothing on the page
    )


# --- the memo ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Facts:
    """What every section of the memo reads: the engine's results for the view, computed once."""

    view: ViewState
    compared: list[str]
    names: dict[str, str]
    styles: dict[str, dict[str, str]]
    results: dict[str, Result]
    effects: dict[str, Effect]  # each against keep-all (keep-all against itself)
    scenarios: dict[str, Scenario]  # every scenario, with the assumptions changed in the view
    robust: pd.DataFrame  # total cost against keep-all: alternatives × scenarios
    source: str

    @property
    def years(self) -> dict[str, pd.DataFrame]:
        return {a: r.years for a, r in self.results.items()}

    @property
    def first(self) -> int:
        return int(self.results[KEEP_ALL].years["year"].iloc[0])

    @property
    def last(self) -> int:
        return int(self.results[KEEP_ALL].years["year"].iloc[-1])


def build_memo(view: ViewState, compared: Sequence[str]) -> bytes:
    """The decision memo of ``view`` (keep-all first in ``compared``) as PDF bytes, in the view's language."""
    use_language(view.lang)
    ds = data.dataset()
    alts = data.alternatives()
    scenarios = {sid: data.scenario(view, sid) for sid in ds.scenarios}
    robust = compare(
        ds,
        list(scenarios.values()),
        dict(view.overrides),
        years=view.years,
        alternatives=[alts[a] for a in compared],
    )
    results = {a: data.result(view, a) for a in compared}
    facts = _Facts(
        view=view,
        compared=list(compared),
        names={a: alts[a].name for a in compared},
        styles=charts.style(list(alts)),
        results=results,
        effects={a: effect(r, results[KEEP_ALL]) for a, r in results.items()},
        scenarios=scenarios,
        robust=by_scenario(robust, "diff_total_cost_sek", list(compared), list(scenarios)),
        source=frame.source(view),
    )
    pdf = PdfDocument(facts.source)
    pdf.set_title(f"{t('memo.title')}: {ds.name}")
    pdf.set_author("Vägval")
    pdf.set_lang(view.lang)
    pdf.add_page()
    _title(pdf, facts)
    _summary(pdf, facts)
    _alternatives(pdf, facts)
    _key_figures(pdf, facts)
    _charts(pdf, facts)
    _robustness(pdf, facts)
    _assumptions(pdf, facts)
    _traceability(pdf, facts)
    return bytes(pdf.output())


def _title(pdf: PdfDocument, f: _Facts) -> None:
    """Title, municipality, date, scenario with its assumptions, horizon and the alternatives compared."""
    ds = data.dataset()
    pdf.set_font(size=22, style="B")
    pdf.multi_cell(0, 10, t("memo.title"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(size=13)
    pdf.multi_cell(0, 6, f"{ds.name}: {t('memo.subtitle')}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    chosen = f.scenarios[f.view.scenario]
    scenario_text = _scenario_values(chosen)
    if changed := _scenario_changes(chosen, ds.scenarios[chosen.id]):
        scenario_text += f" {t('sc.changed')} {changed}"
    compared = "; ".join(
        f"{safe.pdf(f.names[a])} ({t('memo.baseline.tag')})" if a == KEEP_ALL else safe.pdf(f.names[a])
        for a in f.compared
    )
    for label, value in (
        (t("memo.meta.municipality"), safe.pdf(ds.name)),
        (t("memo.meta.date"), dt.date.today().isoformat()),
        (t("measure.scenario"), scenario_text),
        (t("memo.meta.horizon"), t("memo.horizon", first=f.first, last=f.last, count=f.view.years)),
        (t("memo.meta.alternatives"), compared),
    ):
        pdf.paragraph(f"**{label}:** {value}", size=10, after=1)


def _summary(pdf: PdfDocument, f: _Facts) -> None:
    """The answer before the detail: what not acting costs, then each alternative against it in plain words."""
    pdf.heading(t("memo.summary"))
    pdf.paragraph(t("memo.summary.intro"))
    keep = f.effects[KEEP_ALL]
    cpp = over_years(f.results[KEEP_ALL].years, "cost_per_pupil_sek")
    saving_in = scenarios_below_zero(f.robust)
    pdf.paragraph(
        t(
            "memo.baseline",
            name=safe.pdf(f.names[KEEP_ALL]),
            cpp=fmt.kr(cpp.last),
            last=f.last,
            change=_signed(cpp.relative, fmt.percent),
            first=f.first,
            cost=fmt.mnkr(keep.cost_sek),
        )
    )
    for alt in f.compared[1:]:
        accumulated = f.effects[alt].total_diff_sek
        sentences = [
            frame.summary(f.names[alt], f.effects[alt], mark=safe.pdf),  # the page's own sentence
            t(
                "memo.total.saves" if accumulated <= 0 else "memo.total.costs",
                first=f.first,
                last=f.last,
                amount=fmt.mnkr(abs(accumulated)),
            ),
            t("memo.robust.count", k=int(saving_in[alt]), count=len(f.scenarios)),
            *shortfall_sentences(f.results[alt], mark=safe.pdf),
        ]
        pdf.paragraph(" ".join(sentences))
    if len(f.compared) == 1:
        pdf.paragraph(t("memo.none"))


def _alternatives(pdf: PdfDocument, f: _Facts) -> None:
    """Each alternative in the dataset's own words."""
    alts = data.alternatives()
    pdf.heading(t("memo.alternatives"))
    for alt in f.compared:
        tag = f" ({t('memo.baseline.tag')})" if alt == KEEP_ALL else ""
        description = f": {safe.pdf(alts[alt].description)}" if alts[alt].description else ""
        pdf.paragraph(f"**{safe.pdf(f.names[alt])}**{tag}{description}", size=10)


def _key_figures(pdf: PdfDocument, f: _Facts) -> None:
    """The last year's measures, alternatives as columns, plus the totals over the horizon."""
    pdf.heading(t("compare.table", year=f.last), keep=110)  # the table whole, not split after two rows
    figures = key_figures(f.results)
    rows = [[t(f"measure.{m}"), *(show(figures.at[m, a]) for a in f.compared)] for m, show in MEASURES.items()]
    totals = [fmt.mnkr(f.effects[a].total_cost_sek) for a in f.compared]
    rows.append([t("memo.row.total", first=f.first, last=f.last), *totals])
    rows.append(
        [
            t("kpi.total_diff", first=f.first, last=f.last),
            *("–" if a == KEEP_ALL else numbers.against_keep_all(f.effects[a].total_diff_sek)[0] for a in f.compared),
        ]
    )
    header = [t("measure.measure"), *(f.names[a] for a in f.compared)]
    pdf.grid(header, rows, colours=[f.styles[a]["color"] for a in f.compared])


def _charts(pdf: PdfDocument, f: _Facts) -> None:
    """The page's cost charts, each alternative in its own colour; a note when no browser can draw them."""
    pdf.heading(t("memo.charts"))
    accumulated = {a: accumulated_difference(r, f.results[KEEP_ALL]) for a, r in f.results.items()}
    figures = [
        _lines(f, f.years, "cost_sek", t("measure.cost_sek"), y_title="mnkr", scale=1e-6),
        _lines(
            f,
            accumulated,
            "diff_sek",
            t("chart.accumulated", first=f.first),
            y_title="mnkr",
            scale=1e-6,
            layout={"yaxis": {"rangemode": "normal"}},
        ),
        _lines(f, f.years, "cost_per_pupil_sek", t("measure.cost_per_pupil_sek"), y_title="kr"),
    ]
    images = chart_images(figures)
    if images is None:
        pdf.paragraph(t("memo.charts.missing"), size=10)
        return
    for png, figure in zip(images, figures, strict=True):
        height = pdf.epw * figure["layout"]["height"] / CHART_WIDTH_PX
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.image(io.BytesIO(png), w=pdf.epw, h=height)
        pdf.ln(3)


def _robustness(pdf: PdfDocument, f: _Facts) -> None:
    """Does the conclusion hold in every scenario? Total cost against keep-all, alternatives × scenarios."""
    pdf.heading(t("compare.section.robust"), keep=40 + 8 * len(f.compared))
    pdf.paragraph(t("compare.robust.intro", first=f.first, last=f.last), size=10)
    pdf.grid(
        [t("measure.alternative"), *(s.name for s in f.scenarios.values())],
        [[f.names[a], *(fmt.mnkr(float(v)) for v in f.robust.loc[a])] for a in f.compared],
    )


def _assumptions(pdf: PdfDocument, f: _Facts) -> None:
    """Every parameter that differs from its documented default, with its source; then scenario changes."""
    ds = data.dataset()
    view, scenarios = f.view, f.scenarios
    pdf.heading(t("memo.assumptions"))
    changed = [r for r in parameter_rows(ds.parameter_overrides, view.overrides) if r["changed"]]
    if changed:
        pdf.paragraph(t("memo.assumptions.changed"), size=10)
        pdf.grid(
            [t("about.col.parameter"), t("about.col.value"), t("about.col.default"), t("about.col.source")],
            [
                [
                    f"{tree_text(r, 'label')}\n({t('about.origin.' + r['origin'])})",
                    frame.parameter_amount(r["value"], r),
                    frame.parameter_amount(r["default"], r),
                    r["source"],
                ]
                for r in changed
            ],
            widths=(52, 36, 30, 56),
            numbers=False,
        )
    else:
        pdf.paragraph(t("about.params.none_changed"), size=10)
    pdf.paragraph(t("memo.assumptions.others"), size=10)
    lines = [
        f"**{safe.pdf(s.name)}**: {text}"
        for sid, s in scenarios.items()
        if (text := _scenario_changes(s, ds.scenarios[sid]))
    ]
    if lines:
        pdf.paragraph(f"**{t('memo.scenario_changes')}**", size=10, after=1)
        for line in lines:
            pdf.paragraph(line, size=10, after=1)


def _traceability(pdf: PdfDocument, f: _Facts) -> None:
    """The link that reopens exactly this view (the "Källa" line is in every page's footer)."""
    pdf.heading(t("memo.trace"))
    pdf.paragraph(t("memo.link"), size=10, after=1)
    link = session.share_url(f.view)
    pdf.set_font(size=9)
    pdf.set_text_color(0, 80, 160)
    pdf.multi_cell(0, 4.5, link, link=link, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)


# --- words and numbers ---------------------------------------------------------------


def _signed(value: float, formatter: Callable[[float], str]) -> str:
    """A difference with its sign in text: '+1,2 mnkr', '−0,4 km' (a difference that rounds to nothing: '±0')."""
    return frame.signed(value, formatter, prose=True, even="±")


def _scenario_values(scenario: Scenario) -> str:
    return t(
        "explain.scenario.values",
        name=safe.pdf(scenario.name),
        tfr=frame.assumption("tfr", scenario.tfr),
        migration=frame.assumption("net_migration_per_1000", scenario.net_migration_per_1000),
        mortality=frame.assumption("mortality_change", scenario.mortality_change),
    )


def _scenario_changes(scenario: Scenario, original: Scenario) -> str:
    """'barnafödande 1,30 (standard 1,45), …' for the assumptions moved on the Scenarier page; '' if none."""
    return ", ".join(
        f"{tree_text(field_of(name), 'short')} {frame.assumption(name, getattr(scenario, name))} "
        f"({t('param.default', value=frame.assumption(name, getattr(original, name)))})"
        for name in SCENARIO_FIELDS
        if getattr(scenario, name) != getattr(original, name)
    )


def _lines(
    f: _Facts,
    series: dict[str, pd.DataFrame],
    column: str,
    title: str,
    *,
    y_title: str,
    scale: float = 1.0,
    layout: dict | None = None,
) -> dict:
    """The page's line chart (ui.charts) as a plain figure dict for kaleido."""
    traces = charts.lines(series, column=column, names=f.names, styles=f.styles, scale=scale)
    spec = charts.figure(traces, title=title, source=f.source, y_title=y_title, layout=layout).to_dict()
    # On the page Streamlit's theme makes room for the axis labels; kaleido draws the bare figure, so the
    # memo asks for that room itself, and for whole Swedish numbers (150 000, not 150k) on paper.
    spec["layout"]["xaxis"]["automargin"] = True
    spec["layout"]["margin"]["r"] = 30  # room for the last year's label
    spec["layout"]["yaxis"].update(automargin=True, tickformat=",.1~f")
    return spec


# --- the PDF -------------------------------------------------------------------------


def _font_files() -> dict[str, Path] | None:
    """Regular, bold, italic and bold italic of a Unicode face (å ä ö and '−'); italics so that
    a "__" in a dataset's text, which markdown paragraphs read as italics, cannot fail the memo.

    Source Sans Pro from its pinned pip package, the face of the charts and of
    Streamlit itself; else Debian's DejaVu Sans; else None, and the PDF's own
    Helvetica (Latin-1 only) is used.
    """
    try:
        files = resources.files("font_source_sans_pro") / "files"
        faces = {"": "Regular", "B": "Bold", "I": "It", "BI": "BoldIt"}
        found = {style: Path(str(files / f"SourceSansPro-{face}.ttf")) for style, face in faces.items()}
    except ModuleNotFoundError:
        dejavu = Path("/usr/share/fonts/truetype/dejavu")
        faces = {"": "", "B": "-Bold", "I": "-Oblique", "BI": "-BoldOblique"}
        found = {style: dejavu / f"DejaVuSans{face}.ttf" for style, face in faces.items()}
    return found if all(p.is_file() for p in found.values()) else None


# Helvetica in a PDF knows Latin-1 only: the typographic signs the formats use become their plain cousins.
LATIN1 = str.maketrans({"−": "-", "–": "-", "—": "-", "…": "...", "≈": "~"})


class PdfDocument(FPDF):
    """A4 with the memo's headings, paragraphs and tables, and a "Källa" line and page number on every page.

    Its paragraphs are fpdf2's markdown for the memo's own bold; a name in one goes through
    ui.safe.pdf. fpdf2 has no escape for a link, so markdown links are off altogether: the
    memo's one link (the view's address) is added as a link, not written as markdown.
    """

    MARKDOWN_LINK_REGEX = re.compile(r"(?!)")  # matches nothing: "[text](url)" in a name stays text

    def __init__(self, source: str) -> None:
        super().__init__(format="A4")
        self.source = source
        self.set_margins(MARGIN_MM, 16, MARGIN_MM)
        self.set_auto_page_break(True, margin=20)
        fonts = _font_files()
        if fonts:
            for style, path in fonts.items():
                self.add_font(FAMILY, style, path)
        self.set_font(FAMILY if fonts else "helvetica", size=11)

    def normalize_text(self, text: str) -> str:
        if not self.is_ttf_font:
            text = text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")
        return super().normalize_text(text)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font(size=8, style="")
        self.set_text_color(90)
        self.cell(self.epw - 25, 5, self.source)
        self.cell(25, 5, t("memo.page", page=self.page_no(), total=self.str_alias_nb_pages), align="R")
        self.set_text_color(0)

    def heading(self, text: str, *, keep: float = 30) -> None:
        """A section heading, on a new page unless ``keep`` mm of what follows fit below it."""
        if self.will_page_break(keep):
            self.add_page()
        self.ln(4)
        self.set_font(size=14, style="B")
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text: str, *, size: float = 11, after: float = 3) -> None:
        self.set_font(size=size, style="")
        self.multi_cell(0, size * 0.5, text, align="L", markdown=True, new_x="LMARGIN", new_y="NEXT")
        self.ln(after)

    def grid(
        self,
        header: list[str],
        rows: list[list[str]],
        *,
        colours: list[str] | None = None,
        widths: Sequence[float] | None = None,
        numbers: bool = True,
    ) -> None:
        """A table; a column's heading in its alternative's colour when ``colours`` are given."""
        self.set_font(size=9, style="")
        n = len(header) - 1
        if widths is None:  # value columns of 30 mm (narrower when there are many); the labels take the rest
            each = min(30.0, (self.epw - 50) / n)
            widths = (self.epw - each * n, *[each] * n)
        with self.table(
            col_widths=widths,
            text_align=("LEFT", *["RIGHT" if numbers else "LEFT"] * n),
            line_height=4.5,
            padding=1.2,
            borders_layout="HORIZONTAL_LINES",
            headings_style=FontFace(emphasis="BOLD", fill_color="#EEEEEE"),
        ) as table:
            head = table.row()
            head.cell(header[0])
            for i, text in enumerate(header[1:]):
                colour = colours[i] if colours else None
                head.cell(text, style=_heading_style(colour) if colour else None)
            for cells in rows:
                row = table.row()
                for text in cells:
                    row.cell(text)
        self.ln(2)


def _heading_style(colour: str) -> FontFace:
    """The alternative's colour as the heading's background, with text that stays readable on it."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    dark = 0.299 * r + 0.587 * g + 0.114 * b < 150
    return FontFace(emphasis="BOLD", color="#FFFFFF" if dark else "#000000", fill_color=colour)


# --- charts as PNG -------------------------------------------------------------------


def browser_path() -> str | None:
    """The Chromium kaleido would use (Debian's /usr/bin/chromium here), or None."""
    return Chromium.find_browser(skip_local=False)


class _Renderer:
    """kaleido on one headless Chromium, kept open on an event loop of its own.

    It does what kaleido.start_sync_server() does, but every call has a timeout: the
    sync server waits for ever on a browser that never started, and a memo must not.
    """

    def __init__(self, path: str) -> None:
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="memo-charts", daemon=True).start()
        try:
            self._kaleido = self._run(self._open(path), START_TIMEOUT_S)
        except BaseException:
            self._loop.call_soon_threadsafe(self._loop.stop)
            raise

    @staticmethod
    async def _open(path: str) -> kaleido.Kaleido:
        browser = kaleido.Kaleido(path=path, mathjax=False, timeout=CHART_TIMEOUT_S)  # MathJax would come from a CDN
        await browser.open()
        return browser

    def _run(self, coroutine: Coroutine[Any, Any, Any], timeout: float) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def png(self, figure: dict) -> bytes:
        opts = {"format": "png", "width": CHART_WIDTH_PX, "height": figure["layout"]["height"], "scale": 2}
        return self._run(self._kaleido.calc_fig(figure, opts=opts), CHART_TIMEOUT_S)

    def close(self) -> None:
        if not self._loop.is_running():
            return
        with contextlib.suppress(Exception):  # best effort: the process is ending or the browser is already gone
            self._run(self._kaleido.close(), START_TIMEOUT_S)
        self._loop.call_soon_threadsafe(self._loop.stop)


_renderer: _Renderer | None = None
_renderer_lock = threading.Lock()


def chart_images(figures: list[dict]) -> list[bytes] | None:
    """PNGs of the figures, or None when no browser could draw them (the memo says so instead)."""
    global _renderer
    with _renderer_lock:
        if _renderer is None:
            path = browser_path()
            if path is None:
                log.warning("No Chromium found: the decision memo is made without charts.")
                return None
            try:
                _renderer = _Renderer(path)
            except Exception:
                log.warning(
                    "Chromium at %s did not start: the decision memo is made without charts.", path, exc_info=True
                )
                return None
            atexit.register(_renderer.close)
        renderer = _renderer
    try:
        return [renderer.png(figure) for figure in figures]
    except Exception:
        log.warning("Chart export failed: the decision memo is made without charts.", exc_info=True)
        with _renderer_lock:
            if _renderer is renderer:
                _renderer = None  # the next memo starts a fresh browser
        renderer.close()
        return None
