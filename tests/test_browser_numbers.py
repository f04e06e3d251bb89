"""The link, the room and the projector in a real browser (issue 13 §3): Debian's chromium through Playwright.

* "Dela länk" reopens what is on screen: the part, the chart, the group of sliders and the year.
* Presentation mode at 1280×720: every big number above the fold, and a way to the next page.
* Streamlit's own English texts are gone from the Swedish view where we use them.
* Nothing jumps while a page loads: cumulative layout shift under 0.1 on every page, in normal
  and presentation mode (benchmarks/layout_shift.py measures it the same way).

Skipped like tests/test_browser.py when /usr/bin/chromium is missing (unless VAGVAL_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from pages_support import ADMIN_CODE
from test_browser import CHROMIUM, CHROMIUM_ARGS, _serve, _wait_idle

from benchmarks.layout_shift import LIMIT, layout_shift
from ui.frame import NAVIGATION
from ui.labels import LABELS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard as `make run` starts it (a fresh server: every page is a first visit), with the
    tests' administrator's code (the uploader is shown to the administrator only)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VAGVAL_ADMIN_CODE", ADMIN_CODE)
        yield from _serve([sys.executable, "-m", "ui.launch"], tmp_path_factory.mktemp("store"))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser, url: str):
    """A fresh visitor at 1280×720 (a new context: no session, no cookie) on ``url``, once it is idle."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(url)
    _wait_idle(page, ".vv-value")
    return context, page


def test_a_shared_link_reopens_the_part_chart_group_and_year(server: str, browser) -> None:
    context, page = _open(browser, f"{server}/jamfor")
    page.locator('[data-testid="stRadio"]').get_by_text("Kostnader", exact=True).click()
    page.wait_for_function("() => location.search.includes('group=costs')", timeout=30_000)
    page.locator('[data-testid="stButtonGroup"]').get_by_text("Geografi och resor", exact=True).click()
    page.wait_for_function("() => location.search.includes('tab=geography')", timeout=30_000)
    page.locator('[data-testid="stRadio"]').get_by_text("Hur långt eleverna reser", exact=True).click()
    page.wait_for_function("() => location.search.includes('chart=bands')", timeout=30_000)
    year = page.locator('[data-testid="stSlider"]').filter(has_text="Visa kartan för år").get_by_role("slider").first
    year.focus()
    page.keyboard.press("ArrowLeft")  # 2035 → 2034
    page.wait_for_function("() => location.search.includes('year=2034')", timeout=30_000)
    _wait_idle(page, ".vv-value")
    page.get_by_role("button", name="Dela länk").click()
    link = page.locator('[role="dialog"] code').first.inner_text().strip()
    context.close()
    asked = parse_qs(urlparse(link).query)
    assert {k: asked[k] for k in ("tab", "chart", "group", "year")} == {
        "tab": ["geography"], "chart": ["bands"], "group": ["costs"], "year": ["2034"],
    }  # fmt: skip

    # A fresh visitor (new context: no session, no cookie) opens exactly that.
    fresh, page = _open(browser, link)
    page.wait_for_timeout(1000)
    assert parse_qs(urlparse(page.url).query) == asked  # nothing dropped on the way in
    assert page.get_by_role("radio", name="Kostnader").is_checked()
    assert page.get_by_role("radio", name="Hur långt eleverna reser").is_checked()
    assert page.get_by_text("Elever efter avstånd till skolan 2034").count() >= 1  # the chart, for that year
    fresh.close()


def test_the_address_bar_follows_every_slider_move_without_a_history_entry_each(server: str, browser) -> None:
    """A slider on Jämför reruns only its fragment, which writes the address bar itself (not through
    st.query_params: session._write_url); back at the default the parameter leaves it again, a whole
    run afterwards keeps it, and a reload reopens the value."""
    context, page = _open(browser, f"{server}/jamfor")
    entries = page.evaluate("history.length")
    slider = page.locator('[data-testid="stSlider"]').filter(has_text="Största klass").get_by_role("slider").first
    slider.focus()
    page.keyboard.press("ArrowLeft")  # 25 → 24
    page.wait_for_function("() => location.search.includes('max_class_size=24')", timeout=30_000)
    page.keyboard.press("ArrowRight")  # back to the default: nothing to carry
    page.wait_for_function("() => !location.search.includes('max_class_size')", timeout=30_000)
    for _ in range(2):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => location.search.includes('max_class_size=23')", timeout=30_000)
    assert page.evaluate("history.length") == entries  # the steps replace the address, they add no entries
    # A run of the whole app ("Dela länk" is one) writes the address through Streamlit and keeps the value.
    page.get_by_role("button", name="Dela länk").click()
    assert "max_class_size=23" in page.locator('[role="dialog"] code').first.inner_text()
    page.keyboard.press("Escape")
    _wait_idle(page, ".vv-value")
    assert "max_class_size=23" in page.url
    page.reload()
    _wait_idle(page, ".vv-value")
    assert "max_class_size=23" in page.url
    assert "Största klass: 23" in page.locator('[data-testid="stMain"]').inner_text()
    context.close()


def test_presentation_mode_has_every_big_number_above_the_fold_and_a_way_on(server: str, browser) -> None:
    context, page = _open(browser, f"{server}/jamfor?present=1")
    page.wait_for_timeout(1000)
    values = page.locator(".vv-value")
    assert values.count() == 12  # four numbers for keep-all and each of two alternatives
    bottoms = [box["y"] + box["height"] for box in (values.nth(i).bounding_box() for i in range(values.count()))]
    assert max(bottoms) <= 720, bottoms
    assert page.locator('[data-testid="stSidebar"]').count() == 0  # nothing drawn in the hidden sidebar
    page.screenshot(path=str(Path(__file__).parent / "artifacts" / "jamfor-presentation-1280.png"))
    # The way on: the next page of the method, still in presentation mode.
    here = [p.script for p in NAVIGATION].index("pages/jamfor.py")
    after = NAVIGATION[here + 1]
    page.get_by_role("link", name=re.compile(f"{LABELS[after.label][0]} →")).click()
    page.wait_for_url(f"**/{Path(after.script).stem}?**", timeout=30_000)
    _wait_idle(page)
    assert "present=1" in page.url
    assert page.get_by_role("link", name=re.compile("← Jämför alternativ")).count() == 1
    context.close()


def test_no_english_from_streamlit_in_the_swedish_view(server: str, browser) -> None:
    context, page = _open(browser, f"{server}/jamfor")
    assert page.locator('[data-testid="stMainMenu"]').count() == 0  # the ⋮ menu (Rerun, Settings, Print…)
    page.locator('[data-testid="stMultiSelect"] input').first.click()  # opens the list of alternatives
    page.wait_for_timeout(500)
    menu = page.locator('[role="listbox"]').first.inner_text()
    assert "Select all" not in menu and "You can only select" not in menu, menu
    # Streamlit's Stop button (top right during a slow run) is written by the page's style: an
    # element of its shape shows "Avbryt" and hides the English word.
    stop = page.evaluate(
        """() => { const w = document.createElement('div'); w.setAttribute('data-testid', 'stStatusWidget');
                   const b = document.createElement('button'); b.textContent = 'Stop'; w.append(b);
                   document.body.append(w);
                   const shown = [getComputedStyle(b, '::after').content, getComputedStyle(b).fontSize];
                   w.remove(); return shown; }"""
    )
    assert stop == ['"Avbryt"', "0px"], stop
    # The running icon's label, for a screen reader, as the header shows it during a run.
    running = page.evaluate(
        """async () => { const i = document.createElement('div'); i.setAttribute('aria-label', 'Running...');
                         document.querySelector('[data-testid=stHeader]').append(i);
                         await new Promise(r => setTimeout(r, 50)); const label = i.getAttribute('aria-label');
                         i.remove(); return label; }"""
    )
    assert running == "Räknar …", running
    # A chart's buttons (plotly's own tooltips, from data-title) when the pointer comes near them.
    page.locator(".js-plotly-plot").first.hover()
    page.locator(".js-plotly-plot .modebar-btn").first.hover()  # the pointer on a button, as its tooltip needs
    titles = page.locator(".js-plotly-plot .modebar-btn").evaluate_all("bs => bs.map(b => b.dataset.title)")
    assert "Ladda ner diagrammet som PNG" in titles and "Återställ axlarna" in titles, titles
    assert not {"Download plot as a PNG", "Zoom", "Pan", "Reset axes"} & set(titles), titles
    # A table's toolbar: its buttons' names and the tooltip that names one.
    page.goto(f"{server}/jamfor?tab=table")
    table = page.locator('[data-testid="stDataFrame"]').first
    table.wait_for(timeout=30_000)
    table.hover()
    buttons = page.locator('[data-testid="stElementToolbar"] button')
    buttons.first.wait_for(timeout=10_000)
    buttons.first.hover()  # the pointer near the toolbar names all its buttons
    names = buttons.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert "Ladda ner som CSV" in names and "Sök" in names and "Helskärm" in names, names
    tip = page.locator('[data-testid="stTooltipContent"]').first
    tip.wait_for(timeout=10_000)
    assert tip.inner_text().strip() == "Visa eller dölj kolumner", tip.inner_text()
    # The English view keeps plotly's own English.
    page.goto(f"{server}/jamfor?lang=en")
    page.locator(".js-plotly-plot").first.hover()
    page.locator(".js-plotly-plot .modebar-btn").first.hover()
    titles = page.locator(".js-plotly-plot .modebar-btn").evaluate_all("bs => bs.map(b => b.dataset.title)")
    assert "Download plot as a PNG" in titles, titles
    # The uploader's own words, drawn by CSS in place of Streamlit's "Upload" and "20MB per file".
    page.goto(f"{server}/data")
    _wait_idle(page)
    page.locator("input[type=password]").first.fill(ADMIN_CODE)
    page.get_by_role("button", name="Logga in").click()
    zone = page.locator('[data-testid="stFileUploaderDropzone"]')
    zone.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    shown = zone.evaluate(
        """z => [...z.querySelectorAll('p, span')].filter(e => !e.children.length)
                 .map(e => getComputedStyle(e).fontSize === '0px' ? getComputedStyle(e, '::after').content : e.innerText)"""
    )
    assert '"Välj fil"' in shown and '"Högst 20 MB per fil"' in shown, shown
    context.close()


def test_nothing_jumps_while_any_page_loads(server: str, browser) -> None:
    """Each page's first visit on a fresh server, in normal and presentation mode at 1280×720:
    Chrome's cumulative layout shift stays under 0.1. A page over it is measured twice more and
    judged by the median, as benchmarks/layout_shift.py does (a load can land on a busy moment)."""
    over = {}
    for query in ("", "?present=1"):
        for nav in NAVIGATION:
            url = f"{server}/{Path(nav.script).stem}{query}"
            shifts = [layout_shift(browser, url)[0]]
            if shifts[0] >= LIMIT:
                shifts += [layout_shift(browser, url)[0] for _ in range(2)]
            if sorted(shifts)[len(shifts) // 2] >= LIMIT:
                over[url.removeprefix(server)] = [round(v, 3) for v in shifts]
    assert not over, over
