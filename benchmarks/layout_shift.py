"""Cumulative layout shift while each page loads, in Debian's chromium (issue 13 §3: < 0.1).

    python benchmarks/layout_shift.py [--runs 3]

Chrome's measure, as Lighthouse takes it: the sum of the ``layout-shift`` entries
(``PerformanceObserver({type: 'layout-shift', buffered: true})``) without ``hadRecentInput``,
from navigation until the page is idle (the script finished, then a quiet second), at
1280×720, on a fresh launcher server (each page's first visit first), for every page of
NAVIGATION in normal and presentation mode (``?present=1``). Prints each page's median over
``--runs`` fresh browser contexts, its largest single shift and the elements it moved.

Budget: < 0.1 on every page and mode (tests/test_browser_numbers.py checks it too). On 2026-12-07,
one run each: 0.24–0.60 before the launcher's first-paint style (ui/launch.py), then normal mode
0.00–0.13 and presentation 0.00–0.54; with the page's own style in the first paint, placeholders as
high as their widgets and the answer drawn before what folds away below it, normal 0.000–0.014 and
presentation 0.000–0.060 (benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.browser_speed import CHROMIUM, CHROMIUM_ARGS
from benchmarks.load_test import REAL_APP, free_port, start_server, stop, wait_healthy
from ui.frame import NAVIGATION

LIMIT = 0.1
# Registered before the page's own scripts; ``buffered`` also hands over shifts from before it.
OBSERVE = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shifts.push({value: e.value, nodes: (e.sources || []).map((s) => {
      const n = s.node; if (!n || !n.getAttribute) return '?';
      return String(n.getAttribute('data-testid') || n.nodeName).slice(0, 40);
    })});
  }
}).observe({type: 'layout-shift', buffered: true});
"""


def layout_shift(browser, url: str) -> tuple[float, dict]:
    """The page's cumulative layout shift over its load, and its largest single shift."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.add_init_script(OBSERVE)
    page.goto(url)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    page.wait_for_timeout(1000)  # idle: late charts and fonts have arrived
    shifts = page.evaluate("window.__shifts")
    context.close()
    largest = max(shifts, key=lambda s: s["value"], default={"value": 0.0, "nodes": []})
    return sum(s["value"] for s in shifts), largest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh browser contexts per page and mode")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} before the run")
    port = free_port()
    proc = start_server(REAL_APP, port)
    over = 0
    try:
        wait_healthy(port, proc)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for mode, query in (("normal", ""), ("present", "?present=1")):
                for nav in NAVIGATION:
                    url = f"http://127.0.0.1:{port}/{Path(nav.script).stem}{query}"
                    runs = [layout_shift(browser, url) for _ in range(args.runs)]
                    cls = statistics.median(r[0] for r in runs)
                    largest = max((r[1] for r in runs), key=lambda s: s["value"])
                    over += cls >= LIMIT
                    nodes = ",".join(dict.fromkeys(largest["nodes"]))
                    print(f"  {mode:8} {nav.script:28} CLS median {cls:.3f}  largest {largest['value']:.3f} ({nodes})")
            browser.close()
    finally:
        stop(proc)
    print(f"{over} of {2 * len(NAVIGATION)} page views at or over {LIMIT} (budget: 0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
