"""The frame around every page: sidebar controls, presentation mode, source lines."""

from __future__ import annotations

import contextlib
import io
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from engine.core import formatting as fmt
from engine.core.parameters import Parameters
from engine.core.scenario_fields import field_of
from engine.core.types import KEEP_ALL, MAX_YEARS
from engine.dataset import DatasetError
from engine.measures.effects import Effect
from engine.store import StoreBusy
from ui import data, numbers, safe, session
from ui.charts import PLOTLY_CONFIG, source_line
from ui.i18n import share_suffix, t
from ui.i18n import unit as i18n_unit
from ui.session import session_seed
from ui.state import ViewState
from ui.style import page_css
from ui.widgets import changes_list

_panel = threading.local()  # one script run per thread: did the page draw the list of changes itself?


@dataclass(frozen=True)
class NavPage:
    script: str  # the page's file; Streamlit serves it at /<file name>, so the name is the link
    label: str  # label key
    icon: str  # an emoji: a :material/…: icon would make the browser fetch a font from the internet


# The method step by step (DESIGN.md §1), in the order the sidebar lists it.
NAVIGATION: tuple[NavPage, ...] = (
    NavPage("pages/oversikt.py", "nav.overview", "📊"),
    NavPage("pages/scenarier.py", "nav.scenarios", "👪"),
    NavPage("pages/kapacitet.py", "nav.capacity", "🏫"),
    NavPage("pages/ekonomi.py", "nav.economy", "💰"),
    NavPage("pages/investeringar.py", "nav.investments", "🏗️"),
    NavPage("pages/jamfor.py", "nav.compare", "⚖️"),
    NavPage("pages/foresla.py", "propose.nav", "💡"),
    NavPage("pages/barnkonsekvenser.py", "child.nav", "🧒"),
    NavPage("pages/omstallning.py", "strategy.nav", "🧭"),
    NavPage("pages/workshop.py", "ws.title", "🗳️"),
    NavPage("pages/dialog.py", "dialog.nav", "💬"),
    NavPage("pages/beslutsunderlag.py", "council.nav", "📄"),
    NavPage("pages/bygg.py", "nav.build", "🛠️"),
    NavPage("pages/om-modellen.py", "nav.about", "ℹ️"),
    NavPage("pages/kalibrering.py", "calib.nav", "🔎"),
    NavPage("pages/data.py", "data.nav", "📂"),
)


def open_page() -> ViewState:
    """What every page draws before its own content: the data check, the sidebar with the
    method's navigation, the view (from the URL on a session's first run) and the style.

    Each page is a script in pages/ (Streamlit's pages-directory convention, so a deep link
    such as /jamfor works on a fresh server and under plain ``streamlit run app.py``); it
    calls this first and :func:`close_page` last.
    """
    st.set_page_config(page_title="Vägval", layout="wide")
    try:
        data.dataset()
    except DatasetError as exc:
        st.error(t("error.data"))
        st.code("\n".join(str(p) for p in exc.problems), language=None)
        st.stop()
    except StoreBusy:  # the first store read of every run: out of reach, a calm word and not the database's
        st.warning(t("store.busy.page"))
        st.stop()
    # Streamlit ties a widget's state to the page script that drew it, so a switch of page
    # would reset the sidebar's (and shared sliders') values; claiming them for the session,
    # Streamlit's documented way, keeps them.
    for key in [k for k in st.session_state if str(k).startswith("w.")]:
        st.session_state[key] = st.session_state[key]
    # The style first, before anything it lays out arrives: a rule that came later moved what was drawn.
    view = session.view()
    apply_style(view.with_(present=bool(st.session_state.get("w.present", view.present))))
    view = sidebar(view)
    session.commit(view)
    return view


def close_page() -> None:
    """What every page draws after its own content: the sidebar's link, changes and undo."""
    sidebar_footer(session.view())


def navigation(view: ViewState) -> None:
    """The pages in the method's order; hidden in presentation mode, like the rest of the sidebar."""
    if view.present:
        return
    st.sidebar.caption(t("nav.section.method"))
    for page in NAVIGATION:
        st.sidebar.page_link(page.script, label=t(page.label), icon=page.icon)


def current_script() -> str | None:
    """The page this run draws ('pages/jamfor.py'), or None outside a page."""
    ctx = get_script_run_ctx()
    page = ctx.pages_manager.get_pages().get(ctx.page_script_hash) if ctx is not None else None
    if not page:
        return None
    path = Path(page["script_path"])
    return f"{path.parent.name}/{path.name}"


def present_bar():
    """Presentation mode's one line at the top: the previous page, the next page (NAVIGATION's order) and
    the cell for the mode's switch, which it returns. The sidebar is hidden, so this is the way on."""
    scripts = [p.script for p in NAVIGATION]
    here = current_script()
    switch, back, forward = st.columns([2, 3, 3], vertical_alignment="center")
    if here in scripts:
        i = scripts.index(here)
        if i > 0:
            before = NAVIGATION[i - 1]
            back.page_link(before.script, label=t("present.previous", page=t(before.label)), icon=before.icon)
        if i + 1 < len(NAVIGATION):
            after = NAVIGATION[i + 1]
            forward.page_link(after.script, label=t("present.next", page=t(after.label)), icon=after.icon)
    return switch


def _pick_municipality() -> None:
    """Callback: show the municipality picked in the sidebar (the view starts from its defaults)."""
    session.use_dataset(st.session_state["w.municipality"])


def municipality_picker(view: ViewState) -> None:
    """The sidebar's choice of municipality: the server's own data (the demo), the real
    municipalities built in, and the session's upload; the choice is the view's dataset, so
    it survives page switches and is in the shared link (``data=``)."""
    options = data.choices(view.dataset)
    current = "" if view.dataset == data.SERVER else view.dataset
    if st.session_state.get("w.municipality") not in options:
        st.session_state.pop("w.municipality", None)
    session_seed("w.municipality", current)
    st.sidebar.selectbox(
        t("side.municipality"),
        options,
        key="w.municipality",
        format_func=lambda d: data.load(d).name,
        on_change=_pick_municipality,
        help=t("side.municipality.help"),
    )


def sidebar(view: ViewState) -> ViewState:
    """Global controls: scenario, horizon, language, presentation mode, link, changes."""
    _panel.in_page = False  # a page that draws the list of changes says so anew in every run
    if view.present:
        # The sidebar is hidden on a projector; with nothing drawn in it, it never appears and then
        # vanishes (the page would jump sideways). Its widgets keep their values (open_page claims them).
        session_seed("w.present", view.present)
        present_bar().toggle(t("side.present"), key="w.present", help=t("side.present.help"))
        scenario = st.session_state.get("w.scenario", view.scenario)  # Scenarier's "use" sets it here too
        return view.with_(
            present=st.session_state["w.present"],
            scenario=scenario if scenario in data.dataset().scenarios else view.scenario,
        )
    ds = data.dataset()
    navigation(view)
    side = st.sidebar
    side.markdown(f"**{safe.md(ds.name)}** · {t('app.tagline')}")
    municipality_picker(view)
    ids = list(ds.scenarios)
    session_seed("w.scenario", view.scenario)
    scenario = side.selectbox(
        t("side.scenario"),
        ids,
        key="w.scenario",
        format_func=lambda s: ds.scenarios[s].name,
        help=t("side.scenario.help"),
    )
    session_seed("w.years", view.years)
    years = side.slider(t("side.years"), 5, MAX_YEARS, key="w.years")
    session_seed("w.lang", view.lang)
    lang = side.segmented_control(
        t("side.language"), ["sv", "en"], key="w.lang", format_func=lambda x: {"sv": "Svenska", "en": "English"}[x]
    )
    # In presentation mode this switch stands at the top of the page instead (present_bar).
    session_seed("w.present", view.present)
    side.toggle(t("side.present"), key="w.present", help=t("side.present.help"))
    return view.with_(scenario=scenario, years=years, lang=lang or view.lang, present=st.session_state["w.present"])


def changes_in_page() -> None:
    """Called by a page that draws :func:`changes` inside its own fragment.

    A fragment's reruns do not redraw the sidebar, so a list there would be stale after
    a slider move in the fragment; such a page draws the list beside its sliders.
    """
    _panel.in_page = True


def changes(view: ViewState, box) -> None:
    """What differs from the defaults, always open: an expander that opened and closed as
    the first change came and went made the browser lay out the whole column again."""
    lines = changes_list(view)
    box.markdown(
        f"**{t('state.changes')}**\n\n" + ("\n".join(f"- {line}" for line in lines) if lines else t("state.no_changes"))
    )


def _share_link(view: ViewState) -> None:
    st.caption(t("side.share.copy"))
    st.code(session.share_url(view), language=None, wrap_lines=True)


def sidebar_footer(view: ViewState) -> None:
    """Share link, the list of changes (unless the page draws it), undo, warnings about the link.

    The link and undo act when pressed, each with a run of the whole app, so they are
    right on every page even when a fragment has changed the view since the sidebar was drawn.
    """
    if view.present:  # nothing in the hidden sidebar (see sidebar)
        return
    side = st.sidebar
    if side.button(t("side.share"), key="state.share", help=t("side.share.help"), width="stretch"):
        st.dialog(t("side.share"))(_share_link)(view)  # drawn on request: the link as it is now
    if not getattr(_panel, "in_page", False):
        changes(view, side)
    # Never disabled: after a move inside a fragment the sidebar does not know there is history.
    if side.button(t("state.undo"), key="state.undo"):
        if st.session_state.get("history"):
            session.undo()
            st.rerun()
        st.toast(t("state.nothing_to_undo"))
    ignored = st.session_state.get("ignored_query")
    if ignored:
        side.warning(t("state.ignored", keys=safe.md(", ".join(ignored))))


def apply_style(view: ViewState) -> None:
    """The page's style. Style-only ``st.html`` goes to Streamlit's event container: unlike a markdown
    element it takes no room, so nothing below it moves when it arrives (cumulative layout shift)."""
    st.html(f"<style>{page_css(view.present)}{numbers.status_words()}</style>")


@dataclass(frozen=True, kw_only=True)
class Number:
    """One big number: its label, value, and the change against a reference in words."""

    label: str
    value: str
    change: str | None = None  # "+3 912 kr": the sign gives the arrow
    tone: str = "off"  # "good", "bad" or "off": the colour of the change, never its only sign
    help: str | None = None


def scoreboard(columns: list[tuple[str, str, list[Number]]], *, key: str | None = None) -> None:
    """Big numbers side by side: one column per (name, colour, numbers), as one block.

    With ``key`` the block stands in the container ``vv-board-<key>``, which ui/style.py gives its
    height before Streamlit has loaded the code that draws it (layout shift)."""
    with st.container(key=f"vv-board-{key}") if key else contextlib.nullcontext():
        st.html(scoreboard_html(columns))  # raw HTML: no markdown parser in the browser


def scoreboard_html(columns: list[tuple[str, str, list[Number]]]) -> str:
    """The scoreboard's HTML. Names come from the dataset (an upload), so every text is escaped."""
    cells = []
    for name, colour, shown in columns:
        rows = []
        for n in shown:
            help_mark = f'<span class="vv-help" title="{safe.html(n.help)}">?</span>' if n.help else ""
            change = ""
            if n.change is not None:
                arrow = {"+": "↑ ", "-": "↓ "}.get(n.change[:1], "")
                text = n.change.replace("-", "−", 1) if n.change.startswith("-") else n.change
                change = f'<div><span class="vv-change vv-{n.tone}">{arrow}{safe.html(text)}</span></div>'
            rows.append(
                f'<div class="vv-number" data-label="{safe.html(n.label)}">'
                f'<div class="vv-label">{safe.html(n.label)}{help_mark}</div>'
                f'<div class="vv-value">{safe.html(n.value)}</div>{change}</div>'
            )
        cells.append(
            f'<div class="vv-alt" style="--vv-colour: {colour}">'
            f'<div class="vv-name">{safe.html(name)}</div>{"".join(rows)}</div>'
        )
    return f'<div class="vv-board" style="--vv-columns: {len(columns)}">{"".join(cells)}</div>'


def source(view: ViewState) -> str:
    ds = data.dataset()
    return source_line(t("source.line"), ds.name, data.scenario(view).name)


def download_table(frame: pd.DataFrame, name: str, key: str) -> None:
    """CSV (semicolon, decimal comma: what Swedish Excel opens) and Excel buttons for a table."""
    left, right = st.columns(2)
    frame = safe.table(frame)  # no cell starts a formula, none holds a character Excel refuses
    csv = frame.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    left.download_button(t("download.csv"), csv, f"{name}.csv", "text/csv", key=f"{key}.csv")
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False, sheet_name=name[:31])
    right.download_button(
        t("download.xlsx"),
        buffer.getvalue(),
        f"{name}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"{key}.xlsx",
    )


def show(fig, key: str) -> None:
    """A chart at full width with the project's plotly settings (PNG download, no logo).

    Without Streamlit's chart theme: the figure carries its own look (ui.charts.figure), and the
    theme's merge into every figure in the browser took ≈ 13 ms of each slider move (DESIGN.md §7;
    benchmarks/README.md)."""
    st.plotly_chart(fig, width="stretch", config=PLOTLY_CONFIG, theme=None, key=key)


def how(*paragraphs: str) -> None:
    """The "Hur räknas detta?" expander under a figure."""
    with st.expander(t("how")):
        for text in paragraphs:
            st.markdown(text)


def number_grid(present: bool, n: int = 4) -> list:
    """Cells for n big numbers: side by side, or two by two on a projector (readable from the back)."""
    return [c for _ in range((n + 1) // 2) for c in st.columns(2)] if present else st.columns(n)


def row(n: int, present: bool) -> list:
    """n columns side by side, or n full-width rows in presentation mode (one chart per row)."""
    return [st.container() for _ in range(n)] if present else st.columns(n)


def signed(diff: float, formatter, *, prose: bool = False, even: str | None = None) -> str:
    """A difference with its sign first.

    ASCII by default ("+0,3", "-3 912 kr"): st.metric and the scoreboard read the sign for
    their arrow. ``prose=True`` writes a true minus for text ("−27 %", "+12,3 mnkr"). With
    ``even`` (e.g. "±"), a difference that rounds to nothing gets that sign instead ("±0,0").
    """
    text = formatter(abs(diff))
    if even is not None and text == formatter(0):
        return even + text
    return ("+" if diff >= 0 else "−" if prose else "-") + text


def points(share_diff: float, decimals: int = 0) -> str:
    """A difference of two shares in percentage points, unsigned ("3 procentenheter")."""
    return t("unit.points", value=fmt.number(fmt.in_percent(share_diff), decimals))


def parameter_amount(value: float, meta: dict) -> str:
    """A parameter's value with its unit (a row of engine.core.parameters.describe); a share
    ("andel …") as a percentage: 0,012 andel av invånarna → 1,2 % av invånarna."""
    unit = str(meta["unit"])
    if unit.startswith("andel"):
        decimals = 0 if abs(round(value * 100, 1) - round(value * 100)) < 1e-9 else 1
        return f"{fmt.percent(value, decimals)} {share_suffix(unit)}".strip()
    if meta["integer"] or abs(value) >= 1000:
        return f"{fmt.number(value, 0)} {i18n_unit(unit, value)}"
    return f"{fmt.number(value, 2).rstrip('0').rstrip(',')} {i18n_unit(unit, value)}"


def assumption(field: str, value: float) -> str:
    """A scenario assumption the Swedish way, with its field's decimals: '1,45', '−4,0', '+5 %', '−5 %'."""
    spec = field_of(field)
    if spec.percent:
        return ("+" if value > 0 else "") + fmt.percent(value, spec.decimals)
    return fmt.number(value, spec.decimals)


def summary(name: str, e: Effect, *, mark: Callable[[str], str] = safe.md) -> str:
    """An alternative against keep-all in one plain sentence (markdown): the same on every page and in the memo
    (which passes ``mark=safe.pdf``: the name is shown as written in either markdown)."""
    saving = -e.cost_diff_sek
    return t(
        "compare.summary",
        name=f"**{mark(name)}**",
        saving_word=t("word.saves") if saving >= 0 else t("word.costs_more"),
        amount=fmt.mnkr(abs(saving)),
        year=e.last_year,
        class_size=fmt.number(e.mean_class_size, 1),
        class_delta=signed(e.mean_class_size_diff, lambda v: fmt.number(v, 1), prose=True),
        combined=fmt.percent(e.combined_grade_share, 0),
        combined_delta=signed(e.combined_grade_share_diff, points, prose=True),
        distance=fmt.km(e.mean_distance_km),
        distance_delta=signed(e.mean_distance_diff_km, fmt.km, prose=True),
        transport=fmt.number(e.pupils_over_threshold),
        moved=fmt.number(e.pupils_changing_school),
    )


def cost_explanation(params: Parameters) -> str:
    """How a year's school cost is computed, with the parameter values in force."""
    return t(
        "explain.cost_sek",
        teacher_cost=fmt.kr(params.teacher_cost_sek),
        other_teaching=fmt.kr(params.other_teaching_cost_per_pupil_sek),
        per_pupil=fmt.kr(params.cost_per_pupil_sek),
        transport=fmt.kr(params.transport_cost_per_pupil_sek),
        closed_share=fmt.percent(params.closed_premises_share, 0),
        closed_years=params.closed_premises_years,
    )


def one_alternative(alternatives: dict, *, key: str, label: str, none: str, preferred: Iterable[str] = ()) -> str:
    """One alternative other than keep-all, kept for the session under ``key``: the first of
    ``preferred`` the dataset has (a saved choice, then the view's), else the first one. With no
    alternative but keep-all the page says ``none`` and ends there."""
    choices = [a for a in alternatives if a != KEEP_ALL]
    if not choices:
        st.info(none)
        close_page()
        st.stop()
    first = next((a for a in preferred if a in choices), choices[0])
    session_seed(key, first)
    if st.session_state[key] not in choices:  # deleted meanwhile, or another dataset's
        st.session_state[key] = first
    return st.selectbox(label, choices, key=key, format_func=lambda a: safe.text(alternatives[a].name))
