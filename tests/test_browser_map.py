"""Jämför's map in a real browser (Debian's chromium): the names are on it and legible at
1280×720 without overlapping, a hover gives the numbers, a phone gets one map, and nothing
is fetched from another host (no tiles, no fonts: the map works offline).

Skipped like tests/test_browser.py when /usr/bin/chromium is missing.
"""

from __future__ import annotations

import itertools
from urllib.parse import urlparse

import pytest
from test_browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _wait_idle, server  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser

DEMO_SCHOOLS = {"Vålbergaskolan", "Norrby skola", "Åsby skola", "Lövnäs skola", "Backa skola"}
DEMO_NAMES = {"Vålbergaskolan", "Norrby skola", "Åsby skola", "Lövnäs skola", "Backa skola", "Fäbodarna", "Rörsjön"}
NAMES_JS = """
() => [...document.querySelectorAll('.js-plotly-plot g.textpoint text')]
  .map((t) => { const r = t.getBoundingClientRect();
                return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize),
                        x0: r.left, x1: r.right, y0: r.top, y1: r.bottom}; })
  .filter((n) => n.text.trim() !== '' && n.x1 > n.x0)
"""


def _open_map(page, url: str) -> None:
    page.goto(f"{url}/jamfor?alt=merge-a-b,merge-b-c")
    _wait_idle(page, ".js-plotly-plot")
    page.get_by_text("Geografi och resor", exact=True).first.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot g.textpoint text')].some(t => t.textContent === 'Vålbergaskolan')",
        timeout=30_000,
    )
    _wait_idle(page, ".js-plotly-plot")


def test_the_map_shows_legible_names_a_hover_and_one_map_on_a_phone(server: str) -> None:  # noqa: F811
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    foreign: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height, name in ((1280, 720, "desktop"), (390, 844, "phone")):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on(
                "request",
                lambda r: (
                    foreign.append(r.url)
                    if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith(("data:", "blob:"))
                    else None
                ),
            )
            _open_map(page, server)
            plots = page.locator(".js-plotly-plot")
            assert plots.count() == 1, name  # one map, whichever alternative: never two side by side
            box = plots.first.bounding_box()
            assert box is not None and box["width"] <= width
            names = page.evaluate(NAMES_JS)  # the names on screen (a phone hides the wide map's extra ones)
            assert {n["text"] for n in names} >= (DEMO_NAMES if name == "desktop" else DEMO_SCHOOLS), (name, names)
            plots.first.screenshot(path=str(ARTIFACTS / f"jamfor-map-{name}.png"))  # the map itself, to look at
            assert all(n["size"] >= 13 for n in names)  # legible on a projector and a phone
            for a, b in itertools.combinations(names, 2):  # thinned: no two names overlap (1 px slack)
                overlap_x = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                overlap_y = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
                assert overlap_x <= 1 or overlap_y <= 1, (name, a, b)
            if name == "desktop":
                assert box["width"] >= 540  # the map takes the main column at 1280×720, not a third of it
                # The hover: the school's symbol sits under its name; its numbers appear beside it.
                page.get_by_text("Norrby skola", exact=True).first.scroll_into_view_if_needed()
                norrby = next(n for n in page.evaluate(NAMES_JS) if n["text"] == "Norrby skola")
                page.mouse.move((norrby["x0"] + norrby["x1"]) / 2, norrby["y1"] + 6)
                page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
                hover = page.evaluate("() => document.querySelector('.hoverlayer').textContent")
                assert "Norrby skola" in hover and "elever" in hover and "om alla skolor behålls" in hover, hover
            page.close()
        browser.close()
    assert not foreign, f"requests left the machine: {foreign[:5]}"
