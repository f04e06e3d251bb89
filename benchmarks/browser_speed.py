"""What a person sees, in a real browser: first load and slider → chart (DESIGN.md §7).

    python benchmarks/browser_speed.py [--presses 30] [--loads 5]
    python benchmarks/browser_speed.py --real-app benchmarks/bare_app.py --real-path ""   # before the app exists

Starts three servers and drives Debian's chromium (never a downloaded one) through
Playwright, all in the same run so they share the machine's load:

* the bare page (benchmarks/bare_app.py) through ui/launch.py — the floor of the stack;
* the same bare page with plain ``streamlit run`` — what the launcher's fixes buy;
* the real app (app.py) through ui/launch.py.

Measures (a) the real app's first load in fresh browser contexts (empty cache):
navigation start → the main content (``--content-selector``) and a chart
(``--chart-selector``) are both visible; and (b) slider → chart: focus the first slider
whose label matches ``--slider-text`` (main area or sidebar) and press ArrowRight
(ArrowLeft back from the end of the range); latency = the keydown event → the animation
frame after the last change inside the charts (quiet for ``--quiet`` ms after it): the
new figure complete on screen. The time to the first change inside a chart is printed
too. A press whose run ends with every figure as it was (a class-size cap above every
class changes nothing) is counted as "unchanged" and pressed again, so each page gives
``--presses`` real updates. Presses are spread over ``--rounds`` rounds that alternate
between the pages, so the machine's background load hits them alike.

Budgets: first load < 3 s; slider median < 300 ms and ≤ 1.5 × the bare page (with fixes).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from benchmarks.load_test import BARE_APP, REAL_APP, cpu_seconds, free_port, pct, start_server, stop, wait_healthy

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FIRST_LOAD_BUDGET_MS = 3000.0
SLIDER_BUDGET_MS = 300.0
RATIO_BUDGET = 1.5
BARE_SLIDER_TEXT = "klass"  # benchmarks/bare_app.py's one slider

# Records, relative to navigation start, when the content and a chart are first both visible.
FIRST_VIEW_JS = """
(([content, chart]) => {
  const shown = (sel) => { const el = document.querySelector(sel); if (!el) return false;
                           const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const obs = new MutationObserver(() => {
    if (window.__vvLoaded === undefined && shown(content) && shown(chart)) {
      window.__vvLoaded = performance.now(); obs.disconnect();
    }
  });
  obs.observe(document, {subtree: true, childList: true, attributes: true});
})(%s);
"""

# Armed before each press: the keydown time, the first DOM change inside a chart (or a
# new chart), and the animation frame after the last such change. Streamlit may empty a
# plot and draw it anew, and plotly draws in steps (titles and grid last), so a press
# ends only when the charts have been quiet for a while: "painted" is the new figure
# complete on screen, "first" merely the chart starting to change.
ARM_JS = """
(chartSel) => {
  const s = window.__vv = {pressAt: null, firstAt: null, lastAt: null, paintedAt: null, ran: false, endedAt: null,
                           search: location.search, urlAt: null};
  document.addEventListener('keydown', (e) => { if (s.pressAt === null) s.pressAt = e.timeStamp; },
                            {capture: true, once: true});
  // Inside a chart, or a new chart; not Streamlit marking the chart's container stale.
  const inside = (n) => { const el = n.nodeType === 1 ? n : n.parentElement; return !!el && el.closest(chartSel) !== null; };
  const isNew = (n) => n.nodeType === 1 && (n.matches(chartSel) || n.querySelector(chartSel) !== null);
  const obs = new MutationObserver((muts) => {
    if (s.pressAt === null) return;
    for (const m of muts) {  // Streamlit's run state: running/rerunRequested → notRunning
      if (m.attributeName !== 'data-test-script-state') continue;
      const state = m.target.getAttribute('data-test-script-state');
      if (state === 'notRunning') { if (s.ran) s.endedAt = performance.now(); } else s.ran = true;
    }
    if (!muts.some((m) => inside(m.target) || [...m.addedNodes].some(isNew))) return;
    const at = s.lastAt = performance.now();
    if (s.firstAt === null) s.firstAt = at;
    requestAnimationFrame(() => { if (s.lastAt === at) s.paintedAt = performance.now(); });
  });
  s.stop = () => obs.disconnect();
  obs.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
}
"""
# "changed": the run is over (or its state unseen for long) and the charts quiet;
# "unchanged": the run is over (or the URL has taken the new value for long) and no chart
# changed — this value draws the same figure.
DONE_JS = """
(ms) => {
  const s = window.__vv, now = performance.now();
  // A page that writes its state into the URL has run once the URL changes, even when a
  // quick fragment run never shows Streamlit's running state.
  if (s.urlAt === null && location.search !== s.search) s.urlAt = now;
  if (s.paintedAt !== null && now - s.lastAt > ms && (s.endedAt !== null || now - s.lastAt > 4 * ms)) return 'changed';
  if (s.firstAt === null && s.endedAt !== null && now - s.endedAt > ms) return 'unchanged';
  if (s.firstAt === null && s.urlAt !== null && now - s.urlAt > 4 * ms) return 'unchanged';
  return false;
}
"""


@dataclass
class Target:
    name: str
    url: str
    samples: list[float] = field(default_factory=list)  # keydown → new figure painted
    first: list[float] = field(default_factory=list)  # keydown → a chart starts changing
    misses: int = 0  # no end within --timeout
    unchanged: int = 0  # the run ended and no chart changed: not a sample
    pid: int = 0
    cpu_s: float = 0.0  # server CPU during this page's presses
    direction: int = 1  # +1 ArrowRight, -1 ArrowLeft; turns at the ends of the range
    page: Page | None = None


def summary(values: list[float]) -> str:
    if not values:
        return "no samples"
    return f"n {len(values):3d}  median {statistics.median(values):7.1f} ms  p95 {pct(values, 0.95):7.1f} ms"


def first_loads(browser: Browser, url: str, content: str, chart: str, loads: int, timeout_ms: float) -> list[float]:
    """Navigation start → content and chart visible, each in a fresh context; the first (cold server) load is extra."""
    times = []
    for _ in range(loads + 1):
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(FIRST_VIEW_JS % json.dumps([content, chart]))
        page = context.new_page()
        try:
            page.goto(url, wait_until="commit")
            page.wait_for_function("() => window.__vvLoaded !== undefined", timeout=timeout_ms)
            times.append(page.evaluate("() => window.__vvLoaded"))
        except Exception as exc:  # a page that never shows a chart is a result, not a crash
            print(f"  first load of {url} failed: {str(exc).splitlines()[0]}")
        finally:
            context.close()
    return times


def open_target(browser: Browser, target: Target, slider_text: str, chart: str, clicks: tuple[str, ...] = ()) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(target.url)
    page.locator(chart).first.wait_for(state="visible", timeout=60_000)
    idle = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"  # no script running
    for text in clicks:  # a section, chart or group of sliders chosen the way a person does (once: a
        page.wait_for_function(idle, timeout=60_000)  # second click on a segmented control unselects it)
        page.get_by_text(text, exact=True).first.click()
        page.wait_for_timeout(1500)
    thumb(page, slider_text).wait_for(state="attached", timeout=60_000)
    page.locator(chart).first.wait_for(state="visible", timeout=60_000)
    target.page = page


def thumb(page: Page, slider_text: str):
    box = page.locator('[data-testid="stSlider"]').filter(has_text=re.compile(slider_text, re.IGNORECASE))
    # streamlit 1.67 (react-aria): a visually hidden <input type=range>; older: a div role=slider
    return box.first.locator('input[type="range"], [role="slider"]').first


def press_once(target: Target, slider_text: str, chart: str, timeout_ms: float, quiet_ms: float) -> bool:
    """One key press on the slider; True if it gave a sample (the figure changed)."""
    page = target.page
    knob = thumb(page, slider_text)
    low, now, high = knob.evaluate(
        """el => [el.min || el.getAttribute('aria-valuemin'), el.value ?? el.getAttribute('aria-valuenow'),
                  el.max || el.getAttribute('aria-valuemax')].map(Number)"""
    )
    if (target.direction > 0 and now >= high) or (target.direction < 0 and now <= low):
        target.direction = -target.direction
    page.evaluate(ARM_JS, chart)
    knob.press("ArrowRight" if target.direction > 0 else "ArrowLeft")
    try:
        outcome = page.wait_for_function(DONE_JS, arg=quiet_ms, timeout=timeout_ms, polling=20).json_value()
    except PlaywrightTimeoutError:
        target.misses += 1
        return False
    finally:
        page.evaluate("() => window.__vv.stop()")
    if outcome == "unchanged":
        target.unchanged += 1
        return False
    s = page.evaluate("() => window.__vv")
    target.samples.append(s["paintedAt"] - s["pressAt"])
    target.first.append(s["firstAt"] - s["pressAt"])
    return True


def slider_of(target: Target, real: Target, slider_text: str) -> str:
    """The real app's slider is chosen by --slider-text; the bare page has one, on class size."""
    return slider_text if target is real else BARE_SLIDER_TEXT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--presses", type=int, default=30, help="slider presses per page")
    # Ten rounds, not three: this machine's speed drifts by ±15 % within minutes (the bare
    # page's median moved 87 → 117 ms between runs), and short rounds spread it over both pages.
    parser.add_argument("--rounds", type=int, default=10, help="rounds alternating between the pages")
    parser.add_argument("--loads", type=int, default=5, help="fresh-context first loads of the real app")
    parser.add_argument("--real-app", type=Path, default=REAL_APP)
    parser.add_argument("--real-path", default="jamfor", help="URL path of the real app's slider page")
    parser.add_argument("--first-load-path", default="", help="URL path for the first-load measurement")
    parser.add_argument("--slider-text", default="klass", help="regex on the slider's label (case-insensitive)")
    parser.add_argument(
        "--chart-selector", default=".js-plotly-plot", help="CSS of the charts whose change ends a press"
    )
    parser.add_argument(
        "--content-selector", default='[data-testid="stMain"] h1', help="CSS of the main content for first load"
    )
    parser.add_argument(
        "--start-direction", choices=("right", "left"), default="right", help="first key: ArrowRight or ArrowLeft"
    )
    parser.add_argument("--timeout", type=float, default=5.0, help="seconds before a press counts as missed")
    parser.add_argument("--quiet", type=float, default=150.0, help="ms without chart changes that end a press")
    parser.add_argument("--settle", type=float, default=0.3, help="seconds after each press")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain `streamlit run` bare page")
    parser.add_argument(
        "--click",
        action="append",
        default=[],
        help="on the real app's page, click the element with this exact text before pressing (repeatable, in order; "
        "e.g. --click 'Geografi och resor' --click 'Skolskjuts och avstånd' --slider-text skolskjuts for the map)",
    )
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print("Debian's chromium is missing: apt-get install -y chromium (never `playwright install`)")
        return 2

    servers = {
        "bare (launcher)": (BARE_APP, True, ""),
        "real app (launcher)": (args.real_app.resolve(), True, args.real_path),
    }
    if not args.no_plain:
        servers["bare (plain streamlit run)"] = (BARE_APP, False, "")
    procs, targets = [], []
    print(
        f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} before the run (other work shares the machine)"
    )
    try:
        for name, (app, fixes, path) in servers.items():
            port = free_port()
            procs.append(start_server(app, port, fixes=fixes))
            pid = procs[-1].pid
            targets.append(
                Target(
                    name,
                    f"http://127.0.0.1:{port}/{path}",
                    pid=pid,
                    direction=1 if args.start_direction == "right" else -1,
                )
            )
        for proc, target in zip(procs, targets, strict=True):
            wait_healthy(int(target.url.split(":")[2].split("/")[0]), proc)

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            real = targets[1]
            real_root = real.url.rsplit("/", 1)[0] + "/" + args.first_load_path
            loads = first_loads(browser, real_root, args.content_selector, args.chart_selector, args.loads, 60_000)
            bare_loads = first_loads(
                browser, targets[0].url, args.content_selector, args.chart_selector, args.loads, 60_000
            )

            for target in targets:
                clicks = tuple(args.click) if target is real else ()
                open_target(browser, target, slider_of(target, real, args.slider_text), args.chart_selector, clicks)
            per_round = max(1, args.presses // args.rounds)
            for _ in range(args.rounds):
                for target in targets:
                    # Presses that leave the figure as it was do not count; give up after 5× as many.
                    wanted = len(target.samples) + per_round
                    cpu = cpu_seconds(target.pid)
                    for _ in range(5 * per_round):
                        if len(target.samples) >= wanted:
                            break
                        press_once(
                            target,
                            slider_of(target, real, args.slider_text),
                            args.chart_selector,
                            args.timeout * 1000,
                            args.quiet,
                        )
                        time.sleep(args.settle)  # the participant looks before the next press
                    target.cpu_s += cpu_seconds(target.pid) - cpu
            browser.close()
    finally:
        for proc in procs:
            stop(proc)

    print(f"\nFirst load of {real_root} (navigation start → content and chart visible)")
    if loads:
        print(f"  cold server (first ever) {loads[0]:7.1f} ms")
        warm = loads[1:]
        ok_load = bool(warm) and statistics.median(warm) < FIRST_LOAD_BUDGET_MS
        print(
            f"  fresh contexts           {summary(warm)}   budget < {FIRST_LOAD_BUDGET_MS:.0f} ms: {'OK' if ok_load else 'OVER'}"
        )
    else:
        ok_load = False
        print("  no successful load")
    print(f"  bare page, for reference {summary(bare_loads[1:])}")

    print(
        f"\nSlider → new figure painted (keydown → frame after the charts' last change), {args.presses} presses per page"
    )
    for target in targets:
        print(f"  {target.name:<28} {summary(target.samples)}   missed {target.misses}  unchanged {target.unchanged}")
    print("Slider → a chart starts changing (keydown → first change inside a chart)")
    for target in targets:
        print(f"  {target.name:<28} {summary(target.first)}")
    bare, real_t = targets[0], targets[1]
    ok_slider = False
    if bare.samples and real_t.samples:
        b, r = statistics.median(bare.samples), statistics.median(real_t.samples)
        ok_slider = r < SLIDER_BUDGET_MS and r <= RATIO_BUDGET * b and real_t.misses == 0
        print(
            f"  ratio real/bare (painted medians) {r / b:.2f}   budget median < {SLIDER_BUDGET_MS:.0f} ms and ≤ {RATIO_BUDGET} × bare: {'OK' if ok_slider else 'OVER'}"
        )
        if len(targets) > 2 and targets[2].samples:
            p = statistics.median(targets[2].samples)
            print(
                f"  launcher fixes on the bare page: median {p:.1f} → {b:.1f} ms, p95 {pct(targets[2].samples, 0.95):.1f} → {pct(bare.samples, 0.95):.1f} ms"
            )
    print("Server CPU per press (independent of how much of the machine other work took)")
    for target in targets:
        presses = len(target.samples) + target.misses + target.unchanged
        if presses:
            print(f"  {target.name:<28} {1000 * target.cpu_s / presses:7.1f} ms")
    return 0 if ok_load and ok_slider else 1


if __name__ == "__main__":
    sys.exit(main())
