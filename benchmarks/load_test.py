"""Many workshop participants moving a slider, at the protocol level (DESIGN.md §7).

    python benchmarks/load_test.py                       # 30 users on the real app's /jamfor page, 1 and 2 processes
    python benchmarks/load_test.py --bare                # the same against benchmarks/bare_app.py
    python benchmarks/load_test.py --users 10 --processes 1 --plain   # plain `streamlit run`, no fixes
    python benchmarks/load_test.py --url ws://127.0.0.1:8501 --page jamfor   # a server you started
    python benchmarks/load_test.py --processes 2 --postgres   # 2 processes sharing one PostgreSQL store

Real browsers cannot be the load on 2 cores, so each participant is a websocket client
speaking Streamlit's own protocol: it connects to /_stcore/stream (subprotocol
"streamlit"), sends the BackMsg ``rerun_script`` a browser sends on page load, waits for
``script_finished``, finds the slider whose label contains ``--label`` in the deltas, and
then sends ``--presses`` slider changes (one step each, as an arrow key does, in a
random first direction, turning at the ends of the range) with 0.25–0.75 s think time. Only the slider's state is sent; other widgets keep their
defaults, as for a participant who only touches that slider.

Latency of a press = send → ``script_finished`` (the whole page re-sent); "chart" =
send → the first plotly delta whose figure differs from the previous run's, which is
when a browser can repaint. A press whose run has no changed chart is counted as
"unchanged": on the bare page that means the slider did not reach the page (it must be
0); on a real page it can also be a value that draws the same figures (a class-size
cap above every class). Errors are
exceptions shown by the page, page-not-found, lost connections and timeouts.

With ``--processes 2`` the script starts two server processes behind nginx (Debian's
package, if installed) with cookie-sticky sessions, exactly as benchmarks/README.md
describes for production; each simulated participant carries its own cookie. Without
nginx, participants are spread over the processes client-side (user i → process i mod n)
and the output says so.

Each server process has a DuckDB store file of its own, unless ``--store LOCATION`` (a file
or ``postgresql://…``) gives all of them one, or ``--postgres`` starts a throwaway PostgreSQL
server (Debian's package, fsync on; benchmarks/postgres_server.py) for all of them to share,
as a deployment over several hosts has it.

Budget: 30 users, 95th percentile < 1 s on one process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.postgres_server import throwaway_server

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BARE_APP = ROOT / "benchmarks" / "bare_app.py"
REAL_APP = ROOT / "app.py"
P95_BUDGET_MS = 1000.0

# --- servers (also used by browser_speed.py) ---------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    app: Path, port: int, *, fixes: bool = True, extra: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> subprocess.Popen:
    """Serve ``app`` on 127.0.0.1:port, through ui/launch.py (fixes) or plain `streamlit run`."""
    common = ["--server.port", str(port), "--server.address", "127.0.0.1", *extra]
    if fixes:
        cmd = [PY, "-m", "ui.launch", "--app", str(app), *common]
    else:  # what `streamlit run` does out of the box, minus the browser and telemetry
        cmd = [PY, "-m", "streamlit", "run", str(app), "--server.headless", "true"]
        cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", *common]
    tmp = Path(tempfile.gettempdir())
    # A DuckDB file takes one writer process: each server gets its own store, so a
    # benchmark neither collides with a running dashboard nor with its sibling process.
    env = {**os.environ, "VAGVAL_STORE": str(tmp / f"vagval-bench-{port}.duckdb"), **(env or {})}
    log = open(tmp / f"vagval-bench-{port}.log", "w")  # noqa: SIM115 (lives with the process)
    return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def wait_healthy(port: int, proc: subprocess.Popen | None = None, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(
                f"server on port {port} exited ({proc.returncode}); see {tempfile.gettempdir()}/vagval-bench-{port}.log"
            )
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"server on port {port} not healthy after {timeout:.0f} s")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far; Linux only, else 0."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format upstream '$upstream_addr $uri';
    access_log {dir}/access.log upstream;
    client_body_temp_path {dir}; proxy_temp_path {dir}; fastcgi_temp_path {dir};
    uwsgi_temp_path {dir}; scgi_temp_path {dir};
    # Sticky sessions in open-source nginx: a browser without our cookie gets a random
    # key (and the cookie); the key picks the process, so every request and the
    # websocket of one browser go to the same Streamlit process.
    map $cookie_vagval_node $vagval_node {{ "" $request_id; default $cookie_vagval_node; }}
    map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
    upstream vagval {{
        hash $vagval_node consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://vagval;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Host $host;
            proxy_read_timeout 1d;
            proxy_buffering off;
            add_header Set-Cookie "vagval_node=$vagval_node; Path=/; HttpOnly; SameSite=Lax" always;
        }}
    }}
}}
"""


def start_nginx(port: int, backends: list[int]) -> tuple[subprocess.Popen, Path] | None:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if nginx is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="vagval-nginx-"))
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in backends)
    (folder / "nginx.conf").write_text(NGINX_CONF.format(dir=folder, port=port, servers=servers))
    cmd = [nginx, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    return proc, folder


def sessions_per_backend(folder: Path) -> dict[str, int]:
    """Websocket sessions each backend served, from nginx's log (proof that the load was shared)."""
    counts: dict[str, int] = {}
    for line in (folder / "access.log").read_text().splitlines():
        upstream, _, uri = line.partition(" ")
        if uri.endswith("/_stcore/stream"):
            counts[upstream] = counts.get(upstream, 0) + 1
    return counts


# --- one participant ---------------------------------------------------------------


@dataclass
class Stats:
    finish_ms: list[float] = field(default_factory=list)
    chart_ms: list[float] = field(default_factory=list)
    first_run_ms: list[float] = field(default_factory=list)
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class Run:
    finished: bool = False
    error: str | None = None
    chart_at: float | None = None
    charts: list[str] = field(default_factory=list)
    slider: object | None = None  # the Slider proto
    fragment_id: str = ""  # the fragment the slider is drawn in ("" if none)
    page_hash: str = ""


class Participant:
    def __init__(self, url: str, page: str, label: str, cookie: str, timeout: float):
        self.url, self.page, self.label, self.cookie, self.timeout = url, page, label.lower(), cookie, timeout
        self.page_hash = ""
        self.previous_charts: list[str] = []

    def rerun_msg(
        self,
        widget_id: str | None = None,
        value: float | None = None,
        fragment_id: str = "",
        options: tuple[str, ...] = (),
    ) -> bytes:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = ""
        state.page_name = self.page
        state.page_script_hash = self.page_hash
        info = state.context_info
        info.timezone, info.timezone_offset, info.locale = "Europe/Stockholm", -60, "sv-SE"
        info.url = f"{self.url.replace('ws', 'http', 1)}/{self.page}"
        if widget_id is not None:
            w = state.widget_states.widgets.add()
            w.id = widget_id
            if options:  # a select_slider (ui/numbers.py): the browser sends the option as shown
                w.string_array_value.data.append(options[int(value)])
            else:
                w.double_array_value.data.append(value)
            state.fragment_id = fragment_id  # as a browser does: a widget in a fragment reruns only that
        return msg.SerializeToString()

    async def run(self, ws, payload: bytes) -> tuple[Run, float]:
        """Send one rerun and read ForwardMsgs until script_finished."""
        run = Run()
        sent = time.perf_counter()
        await ws.send(payload)
        async with asyncio.timeout(self.timeout):
            while not run.finished:
                fwd = ForwardMsg()
                fwd.ParseFromString(await ws.recv())
                kind = fwd.WhichOneof("type")
                if kind == "new_session":  # the main script's hash: right for a single-page app
                    run.page_hash = run.page_hash or fwd.new_session.page_script_hash
                elif kind == "navigation":  # st.navigation: the hash of the page actually shown
                    run.page_hash = fwd.navigation.page_script_hash
                elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                    el = fwd.delta.new_element
                    what = el.WhichOneof("type")
                    if what == "plotly_chart":
                        spec = el.plotly_chart.spec
                        if run.chart_at is None and spec not in self.previous_charts:
                            run.chart_at = time.perf_counter()
                        run.charts.append(spec)
                    elif what == "slider" and run.slider is None and self.label in el.slider.label.lower():
                        run.slider, run.fragment_id = el.slider, fwd.delta.fragment_id
                    elif what == "exception":
                        run.error = run.error or f"exception: {el.exception.type}: {el.exception.message[:80]}"
                elif kind == "page_not_found":
                    run.error = f"page not found: {self.page!r}"
                elif kind == "script_finished":
                    if fwd.script_finished in (
                        ForwardMsg.FINISHED_SUCCESSFULLY,
                        ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
                    ):
                        run.finished = True
                    elif fwd.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        run.error, run.finished = "compile error", True
        return run, sent

    async def session(self, presses: int, think: tuple[float, float], rng: random.Random, stats: Stats) -> None:
        headers = {"Cookie": f"vagval_node={self.cookie}"}
        try:
            async with websockets.connect(
                f"{self.url}/_stcore/stream",
                subprotocols=["streamlit"],
                additional_headers=headers,
                max_size=None,
                compression=None,
                open_timeout=self.timeout,
            ) as ws:
                run, sent = await self.run(ws, self.rerun_msg())
                stats.first_run_ms.append((time.perf_counter() - sent) * 1000)
                if run.error or run.slider is None:
                    stats.errors.append(
                        run.error or f"no slider with {self.label!r} in its label on page {self.page!r}"
                    )
                    return
                self.page_hash = run.page_hash
                self.previous_charts = run.charts
                slider, fragment_id = run.slider, run.fragment_id
                value = (slider.value or slider.default)[0]
                step = slider.step or 1
                direction = rng.choice((-1, 1))  # participants move the slider both ways
                for _ in range(presses):
                    await asyncio.sleep(rng.uniform(*think))
                    if not slider.min <= value + direction * step <= slider.max:
                        direction = -direction
                    value += direction * step
                    run, sent = await self.run(ws, self.rerun_msg(slider.id, value, fragment_id, tuple(slider.options)))
                    now_ms = (time.perf_counter() - sent) * 1000
                    if run.error:
                        stats.errors.append(run.error)
                        continue
                    stats.finish_ms.append(now_ms)
                    if run.chart_at is None:
                        stats.unchanged += 1
                    else:
                        stats.chart_ms.append((run.chart_at - sent) * 1000)
                    self.previous_charts = run.charts
        except (TimeoutError, OSError, websockets.WebSocketException) as exc:
            stats.errors.append(f"{type(exc).__name__}: {exc}"[:120])


async def load(
    urls: list[str], users: int, page: str, label: str, presses: int, think, ramp: float, timeout: float
) -> Stats:
    stats = Stats()
    rng = random.Random(7)

    async def one(i: int) -> None:
        await asyncio.sleep(ramp * i / max(users, 1))  # participants arrive over `ramp` seconds
        p = Participant(urls[i % len(urls)], page, label, uuid.uuid4().hex, timeout)
        await p.session(presses, think, random.Random(rng.random()), stats)

    await asyncio.gather(*(one(i) for i in range(users)))
    return stats


# --- reporting ---------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(values: list[float]) -> str:
    if not values:
        return "no samples"
    return f"n {len(values):4d}  median {statistics.median(values):7.1f} ms  p95 {pct(values, 0.95):7.1f} ms  max {max(values):7.1f} ms"


def report(title: str, stats: Stats) -> bool:
    print(f"\n{title}")
    print(f"  press → script_finished  {summary(stats.finish_ms)}")
    print(f"  press → changed chart    {summary(stats.chart_ms)}")
    print(f"  first run (page load)    {summary(stats.first_run_ms)}")
    print(f"  errors {len(stats.errors)}   presses with no changed chart {stats.unchanged}")
    for err in sorted(set(stats.errors))[:5]:
        print(f"    {stats.errors.count(err)} × {err}")
    p95 = pct(stats.finish_ms, 0.95)
    ok = bool(stats.finish_ms) and p95 < P95_BUDGET_MS and not stats.errors
    print(
        f"  budget p95 < {P95_BUDGET_MS:.0f} ms: {'OK' if ok else 'OVER' if stats.finish_ms else 'NO DATA'} (p95 {p95:.0f} ms)"
    )
    return ok


def run_config(args, processes: int) -> bool:
    procs: list[subprocess.Popen] = []
    nginx_dir: Path | None = None
    try:
        ports = [free_port() for _ in range(processes)]
        # One cookie secret for all processes, so a browser's cookies hold on each of them
        # (Streamlit takes it from the environment or config, not from a flag).
        env = {"STREAMLIT_SERVER_COOKIE_SECRET": uuid.uuid4().hex} if processes > 1 else {}
        if args.store:
            env["VAGVAL_STORE"] = args.store
        extra = tuple(shlex.split(args.server_args))
        procs = [start_server(args.app, p, fixes=not args.plain, extra=extra, env=env) for p in ports]
        for proc, port in zip(procs, ports, strict=True):
            wait_healthy(port, proc)
        how = ("ui/launch.py (fixes)" if not args.plain else "plain streamlit run") + f" {args.server_args}".rstrip()
        how += ", one PostgreSQL store" if args.store and args.store.startswith("postgresql://") else ""
        if processes == 1:
            urls, via = [f"ws://127.0.0.1:{ports[0]}"], f"1 process, {how}"
        else:
            proxy_port = free_port()
            nginx = start_nginx(proxy_port, ports)
            if nginx is not None:
                procs.append(nginx[0])
                nginx_dir = nginx[1]
                wait_healthy(proxy_port, nginx[0])
                urls, via = (
                    [f"ws://127.0.0.1:{proxy_port}"],
                    f"{processes} processes behind nginx (sticky cookie), {how}",
                )
            else:
                urls = [f"ws://127.0.0.1:{p}" for p in ports]
                via = f"{processes} processes, users spread client-side (nginx not installed), {how}"
        # Warm the page once (imports, caches) as the presenter's own browser would.
        asyncio.run(load(urls, 1, args.page, args.label, 1, (0, 0), 0, args.timeout))
        servers = procs[:processes]
        cpu_before = sum(cpu_seconds(p.pid) for p in servers)
        start = time.perf_counter()
        stats = asyncio.run(
            load(urls, args.users, args.page, args.label, args.presses, args.think, args.ramp, args.timeout)
        )
        elapsed = time.perf_counter() - start
        title = f"{args.users} users × {args.presses} presses on {args.app.name} page {args.page or '(main)'!r}: {via}; {elapsed:.1f} s"
        cpu = sum(cpu_seconds(p.pid) for p in servers) - cpu_before
        ok = report(title, stats)
        runs = len(stats.finish_ms) + len(stats.first_run_ms)
        if runs:  # independent of how much of the machine other work took
            print(
                f"  server CPU {cpu:.1f} s in {elapsed:.1f} s = {1000 * cpu / runs:.1f} ms per script run ({runs} runs)"
            )
        if nginx_dir is not None:
            time.sleep(0.5)  # nginx logs a websocket when it closes
            print(f"  sessions per process (nginx log, incl. the warm-up): {sessions_per_backend(nginx_dir)}")
        return ok
    finally:
        for proc in procs:
            stop(proc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--presses", type=int, default=15, help="slider changes per user")
    parser.add_argument(
        "--think", type=float, nargs=2, default=(0.25, 0.75), metavar=("MIN", "MAX"), help="seconds between presses"
    )
    parser.add_argument("--ramp", type=float, default=3.0, help="seconds over which the users arrive")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a run counts as an error")
    parser.add_argument("--app", type=Path, default=REAL_APP, help="script to serve (default: app.py)")
    parser.add_argument("--page", default="jamfor", help="URL path of the page (empty = main page)")
    parser.add_argument("--label", default="klass", help="text in the slider's label (case-insensitive)")
    parser.add_argument("--bare", action="store_true", help="shorthand for --app benchmarks/bare_app.py --page ''")
    parser.add_argument(
        "--processes", type=int, nargs="+", default=[1, 2], help="server processes per run (default: 1 2)"
    )
    parser.add_argument("--plain", action="store_true", help="plain `streamlit run` instead of ui/launch.py")
    parser.add_argument(
        "--server-args", default="", help='extra streamlit flags, e.g. "--runner.postScriptGC true" (they win)'
    )
    parser.add_argument("--url", help="ws://host:port of a running server: no servers are started")
    parser.add_argument("--store", help="VAGVAL_STORE for every server process (default: a file each)")
    parser.add_argument(
        "--postgres", action="store_true", help="a throwaway PostgreSQL server as every process's store"
    )
    args = parser.parse_args()
    if args.postgres:
        with throwaway_server() as dsn:
            args.store = dsn
            return run(args)
    return run(args)


def run(args: argparse.Namespace) -> int:
    if args.bare:
        args.app, args.page = BARE_APP, ""
    args.app = args.app.resolve()

    print(
        f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} before the run (other work shares the machine)"
    )
    if args.url:
        stats = asyncio.run(
            load(
                [args.url.rstrip("/")],
                args.users,
                args.page,
                args.label,
                args.presses,
                args.think,
                args.ramp,
                args.timeout,
            )
        )
        return 0 if report(f"{args.users} users against {args.url} page {args.page or '(main)'!r}", stats) else 1
    results = [run_config(args, n) for n in args.processes]
    return 0 if results[0] else 1


if __name__ == "__main__":
    sys.exit(main())
