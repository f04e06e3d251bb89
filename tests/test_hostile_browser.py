"""Hostile names in a real browser: Debian's chromium driven by Playwright (as tests/test_browser.py).

The app is started with the project's launcher on the hostile municipality and store of
tests/hostile_support.py. Every page (and every section of Översikt and Jämför, the
workshop's room and participant view) is opened; the test fails if a script from a name
ran (the document's title changed, a dialog opened, a page error), or if the DOM holds a
link to evil.example or an element of the injected HTML (iframe, img with onerror).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from hostile_support import DIALOG, SAVED, WORKSHOP, fill_store, hostile_dataset
from test_browser import CHROMIUM, CHROMIUM_ARGS, _serve, _wait_idle
from test_workshop_browser import lead_from_lobby

pytestmark = pytest.mark.browser

VISITS = (
    "oversikt",
    "scenarier",
    "kapacitet",
    f"ekonomi?alt={SAVED},merge-a-b",
    "investeringar",
    f"jamfor?alt={SAVED},merge-a-b",
    f"barnkonsekvenser?alt={SAVED},merge-a-b",
    f"omstallning?alt={SAVED},merge-a-b",
    "dialog",
    f"dialog?dialog={DIALOG}",
    f"beslutsunderlag?alt={SAVED},merge-a-b",
    f"workshop?ws={WORKSHOP}",
    f"workshop?ws={WORKSHOP}&present=1",
    "bygg",
    "om-modellen",
    "kalibrering",
    "data",
    "oversikt?%5Bx%5D(https%3A%2F%2Fevil.example)%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1",
)
SECTIONS = ("oversikt", "jamfor")  # pages whose sections are buttons: each is clicked

INJECTED = """() => {
    const links = [...document.querySelectorAll('a')]
        .map(a => a.getAttribute('href') || a.getAttribute('xlink:href') || '')
        .filter(h => h.includes('evil') && !h.startsWith('#'));  // a heading's own anchor is no link out
    const frames = [...document.querySelectorAll('iframe')].filter(f => f.hasAttribute('srcdoc')).length;
    const images = [...document.querySelectorAll('img')]
        .filter(i => i.hasAttribute('onerror') || i.getAttribute('src') === 'x').length;
    const scripts = [...document.querySelectorAll('script')].filter(s => s.textContent.includes('XSS')).length;
    const emoji = document.body.innerText.includes('😄');  // ":smile:" in a name read as an emoji
    return {links, frames, images, scripts, emoji};
}"""

# The surroundings of a link out, for the failure message.
WHERE = """() => [...document.querySelectorAll('a')].filter(a => (a.getAttribute('href') || '').match(/^[^#].*evil/))
    .map(a => a.parentElement.parentElement.outerHTML.slice(0, 600))"""


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The launcher on the hostile dataset and store."""
    tmp = tmp_path_factory.mktemp("hostile-browser")
    folder, _ = hostile_dataset(tmp)
    store = tmp / "store"
    store.mkdir()
    fill_store(store / "vagval.duckdb", "2099")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VAGVAL_DATASET", str(folder))
        yield from _serve([sys.executable, "-m", "ui.launch"], store)


def _check(page, where: str, dialogs: list[str], errors: list[str]) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, f"exception on {where}"
    assert "XSS" not in page.title(), (where, page.title())
    assert page.evaluate("() => document.title") != "XSS", where
    found = page.evaluate(INJECTED)
    assert found == {"links": [], "frames": 0, "images": 0, "scripts": 0, "emoji": False}, (
        where,
        found,
        page.evaluate(WHERE),
    )
    assert not dialogs, (where, dialogs)
    assert not errors, (where, errors)


def test_no_name_runs_a_script_or_makes_a_link(hostile_server: str) -> None:
    from playwright.sync_api import sync_playwright

    dialogs: list[str] = []
    errors: list[str] = []
    shown_as_text = clicked = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        for visit in VISITS:
            if visit.endswith("present=1"):  # the room is the leader's: lead it from here first
                lead_from_lobby(page, hostile_server, WORKSHOP, "1234")
            page.goto(f"{hostile_server}/{visit}")
            _wait_idle(page)
            page.wait_for_timeout(600)  # an onerror or a srcdoc would have run by now
            _check(page, visit, dialogs, errors)
            shown_as_text += page.get_by_text("<script>document.title='XSS'</script>", exact=False).count()
            if visit.split("?")[0] in SECTIONS:
                buttons = page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button')
                buttons.first.wait_for(timeout=30_000)  # drawn once the page's script has run, however busy the server
                for i in range(buttons.count()):
                    buttons.nth(i).click()
                    clicked += 1
                    _wait_idle(page)
                    page.wait_for_timeout(400)
                    _check(page, f"{visit} section {i}", dialogs, errors)
        browser.close()
    assert shown_as_text, "the hostile names should be on the pages, as text"
    assert clicked >= 4 * 2 + 5, clicked  # Översikt's four sections (two visits), Jämför's five
