"""One real-browser walk through the dashboard: Debian's chromium driven by Playwright.

It starts the app with the project's launcher, opens every page, moves a slider on
"Jämför alternativ" and checks that the numbers change, and saves screenshots in
tests/artifacts/. Any request to a host other than 127.0.0.1 fails the test: the
dashboard must work with no internet (maps included).

Skipped when /usr/bin/chromium is missing, unless VAGVAL_REQUIRE_BROWSER=1 (as in
CI, which installs it), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from benchmarks.browser_speed import CHROMIUM, CHROMIUM_ARGS  # Debian's chromium and its headless flags
from benchmarks.load_test import free_port

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
# "" = Översikt
PAGES = ("", "scenarier", "kapacitet", "ekonomi", "investeringar", "jamfor", "workshop", "bygg", "om-modellen", "data")

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists():
    if os.environ.get("VAGVAL_REQUIRE_BROWSER") == "1":
        pytest.fail("chromium is required here (VAGVAL_REQUIRE_BROWSER=1) but /usr/bin/chromium is missing")
    pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)", allow_module_level=True)


def _serve(command: list[str], store: Path) -> Iterator[str]:
    """A fresh server process from ``command`` (given the port), until the module's tests are done."""
    port = free_port()
    env = {**os.environ, "VAGVAL_STORE": str(store / "vagval.duckdb")}
    proc = subprocess.Popen(
        [*command, "--server.port", str(port), "--server.address", "127.0.0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail(f"the app did not start: {proc.communicate()[0].decode(errors='replace')[-2000:]}")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard as `make run` starts it: the project's launcher."""
    yield from _serve([sys.executable, "-m", "ui.launch"], tmp_path_factory.mktemp("store"))


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard as every Streamlit user first starts it: plain `streamlit run app.py`."""
    plain = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    yield from _serve([*plain, "--browser.gatherUsageStats", "false"], tmp_path_factory.mktemp("plain-store"))


def _wait_idle(page, selector: str = "h1") -> None:
    """Until ``selector`` has appeared and the script has finished (no 'running' indicator)."""
    page.wait_for_selector(selector, timeout=30_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)
    page.wait_for_timeout(400)


def _settled(page, locator, before: list[str], timeout_s: float = 30.0) -> list[str]:
    """The texts once they differ from ``before`` and have stayed the same for a second.

    Intermediate reruns (one per key press) may be cut short, and the last run's
    numbers arrive a little after the URL changes, so one reading is not enough.
    """
    deadline = time.monotonic() + timeout_s
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        texts = locator.all_inner_texts()
        if texts != last:
            last, stable_since = texts, time.monotonic()
        elif texts != before and time.monotonic() - stable_since >= 1.0:
            return texts
        page.wait_for_timeout(200)
    return last or []


def test_walk_every_page_and_move_a_slider(server: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    foreign: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on(
            "request",
            lambda r: (
                foreign.append(r.url)
                if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith("data:")
                else None
            ),
        )
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        for path in PAGES:
            page.goto(f"{server}/{path}")
            _wait_idle(page)
            assert page.locator('[data-testid="stException"]').count() == 0, f"exception on /{path}"
            assert page.locator("h1").count() >= 1, f"no title on /{path}"
            page.screenshot(path=str(ARTIFACTS / f"{path or 'oversikt'}.png"), full_page=True)

        page.goto(f"{server}/jamfor?alt=merge-a-b,merge-b-c")
        _wait_idle(page, ".vv-value")
        metrics = page.locator(".vv-value")
        before = metrics.all_inner_texts()
        assert len(before) >= 8, before  # four numbers for keep-all and each alternative
        slider = page.locator('[data-testid="stSlider"]').filter(has_text="Största klass").get_by_role("slider").first
        slider.focus()
        for _ in range(5):
            page.keyboard.press("ArrowLeft")
        # The URL carries the slider (25 → 20) once the server has run with the new value.
        page.wait_for_function("() => location.search.includes('max_class_size=20')", timeout=30_000)
        after = _settled(page, metrics, before)
        assert after != before, (page.url, after[:6])
        assert len(after) == len(before)
        # The slider reran only the page's fragment; the list of changes beside the sliders
        # follows it, and the sidebar's own panel is not drawn on this page (it would be stale).
        main = page.locator('[data-testid="stMain"]')
        assert "Största klass: 20" in main.inner_text()
        assert page.locator('[data-testid="stSidebar"]').get_by_text("Ändrat från standard").count() == 0
        page.screenshot(path=str(ARTIFACTS / "jamfor-slider.png"), full_page=True)
        browser.close()
    assert not foreign, f"requests left the machine: {foreign[:5]}"
    assert not errors, errors


# Deep links first: on a fresh server the first visitor may arrive on any page.
FIRST_VISITS = ("jamfor", "oversikt", "om-modellen", "", "data")
NAVIGATION_LABELS = [
    "Översikt", "Scenarier", "Kapacitet", "Ekonomi", "Investeringar",
    "Jämför alternativ", "Föreslå alternativ", "Barnkonsekvenser", "Omställningsstrategi", "Workshop", "Medborgardialog", "Beslutsunderlag", "Bygg alternativ", "Om modellen", "Jämfört med officiell statistik", "Data",
]  # fmt: skip


def _nav_labels(page) -> list[str]:
    """The sidebar's page links (labels, not icons) once they have stayed the same for a second:
    the status widget shows only after a run has taken a moment, so a quick run may still be
    drawing the sidebar when it looks idle."""

    def read() -> list[str]:
        return [n.strip().splitlines()[-1] for n in page.locator('[data-testid="stSidebar"] a').all_inner_texts()]

    last, since = read(), time.monotonic()
    deadline = since + 15
    while time.monotonic() - since < 1.0 and time.monotonic() < deadline:
        page.wait_for_timeout(200)
        now = read()
        if now != last:
            last, since = now, time.monotonic()
    return last


def _first_paint(url: str) -> list[tuple[str, str, list[str]]]:
    """For each deep link, opened first in a new browser: the page's title, its path and the navigation."""
    from playwright.sync_api import sync_playwright

    seen = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in FIRST_VISITS:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"{url}/{path}")
            if not path:  # "/" hands over to Översikt in a second run: read the page after it, not between
                page.wait_for_url("**/oversikt*", timeout=30_000)
            _wait_idle(page)
            page.wait_for_selector('[data-testid="stSidebar"] a', timeout=30_000)
            assert page.get_by_text("Page not found").count() == 0, f"/{path}"
            assert page.locator('[data-testid="stException"]').count() == 0, f"exception on /{path}"
            labels = _nav_labels(page)
            seen.append((page.locator("h1").first.inner_text(), urlparse(page.url).path, labels))
            page.close()
        browser.close()
    return seen


def test_plain_streamlit_run_gives_what_make_run_gives(server: str, plain_server: str) -> None:
    launched, plain = _first_paint(server), _first_paint(plain_server)
    assert plain == launched
    for (title, path, nav), asked in zip(plain, FIRST_VISITS, strict=True):
        assert nav == NAVIGATION_LABELS, (asked, nav)  # the method's names from the first paint, no file names
        assert path == "/" + (asked or "oversikt"), (asked, path)  # "/" hands over to Översikt
        assert title, asked
