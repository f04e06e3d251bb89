"""ui/launch.py really runs the server with its two fixes (DESIGN.md §7, stack-notes.md).

The launcher is started in a subprocess on the bare benchmark page with
``VAGVAL_LAUNCH_DIAGNOSTICS=1``; its diagnostics report, from inside the server
process, the TCP_NODELAY flag of the very socket that carries the request and how many
objects the post-script garbage collection still has to walk. In-process controls show
that the check can fail: a socket bound the way Streamlit binds it does not get
TCP_NODELAY from asyncio, and the same socket through the launcher's binding does.
No timing assertions: the machine is shared.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from benchmarks.load_test import free_port, load
from engine import load_dataset
from ui import launch

ROOT = Path(__file__).resolve().parents[1]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the diagnostics read /proc/self/fd")


def get_json(port: int, path: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
        return json.loads(response.read())


def serve(app: str, log: Path, env: dict[str, str] | None = None):
    """Start the launcher on ``app`` with diagnostics on; yields its port, then stops it."""
    port = free_port()
    env = {**os.environ, "VAGVAL_LAUNCH_DIAGNOSTICS": "1", **(env or {})}
    cmd = [sys.executable, "-m", "ui.launch", "--app", app, "--port", str(port)]
    cmd += ["--server.address", "127.0.0.1"]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"launcher exited with {proc.returncode}:\n{log.read_text()}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, OSError):
                pass
            assert time.monotonic() < deadline, f"no /_stcore/health after 120 s:\n{log.read_text()}"
            time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve("benchmarks/bare_app.py", tmp_path_factory.mktemp("launch") / "server.log")


@linux_only
def test_the_servers_socket_for_this_request_has_tcp_nodelay(server):
    assert get_json(server, launch.DIAGNOSTICS_PATH)["tcp_nodelay"] == 1


def test_heavy_modules_are_loaded_and_frozen_before_any_session(server):
    report = get_json(server, launch.DIAGNOSTICS_PATH)
    assert report["post_script_gc"] is False
    for module in ("numpy", "pandas", "scipy.optimize", "plotly.graph_objects", "duckdb", "streamlit", "engine"):
        assert module in report["preloaded"]
    # ≈ 160 000 objects frozen here; without the freeze the count is 0.
    assert report["gc_frozen_objects"] > 100_000


@linux_only
def test_sessions_run_and_the_post_script_collection_walks_little(server):
    """A protocol client moves the slider; afterwards most of the heap is still frozen."""
    stats = asyncio.run(load([f"ws://127.0.0.1:{server}"], 2, "", "klass", 3, (0.0, 0.05), 0.0, 60.0))
    assert stats.errors == []
    assert len(stats.finish_ms) == 6
    assert stats.unchanged == 0  # every press reached the chart
    report = get_json(server, launch.DIAGNOSTICS_PATH)
    assert report["tcp_nodelay"] == 1
    assert report["gc_tracked_objects"] < report["gc_frozen_objects"] / 4


# --- in-process controls: the check can fail, and the fix is what makes it pass ----


def _accepted_nodelay(listener: socket.socket) -> int:
    """TCP_NODELAY of a connection accepted by asyncio's server on ``listener`` (as uvicorn does)."""

    async def run() -> int:
        accepted: asyncio.Future = asyncio.get_running_loop().create_future()

        class Protocol(asyncio.Protocol):
            def connection_made(self, transport):
                sock = transport.get_extra_info("socket")
                accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Protocol, sock=listener)
        port = listener.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):
            value = await asyncio.wait_for(accepted, 10)
        server.close()
        await server.wait_closed()
        return value

    return asyncio.run(run())


def test_streamlits_own_binding_leaves_nodelay_off_and_the_launchers_turns_it_on():
    from streamlit.web.server.starlette import starlette_server

    original = getattr(starlette_server._bind_socket, "__wrapped__", starlette_server._bind_socket)
    assert _accepted_nodelay(original("127.0.0.1", 0, 8)) == 0  # the bug the launcher fixes
    assert _accepted_nodelay(launch._bind_tcp_socket(original)("127.0.0.1", 0, 8)) == 1


def test_lifespan_startup_freezes_the_servers_modules():
    messages = []

    async def app(scope, receive, send):
        await send({"type": "lifespan.startup.complete"})

    async def send(message):
        messages.append((message["type"], gc.get_freeze_count()))

    gc.unfreeze()
    try:
        asyncio.run(launch._wrap_app(app, with_diagnostics=False)({"type": "lifespan"}, None, send))
        assert messages[0][0] == "lifespan.startup.complete"
        assert messages[0][1] > 0  # frozen before uvicorn hears that startup is complete
    finally:
        gc.unfreeze()


def test_diagnostics_are_off_unless_asked_for():
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["path"])

    scope = {"type": "http", "path": launch.DIAGNOSTICS_PATH, "client": ("127.0.0.1", 1)}
    asyncio.run(launch._wrap_app(app, with_diagnostics=False)(scope, None, None))
    assert seen == [launch.DIAGNOSTICS_PATH]  # passed on to Streamlit (a 404 there), not answered


def test_the_page_html_holds_the_first_paint_style_and_nothing_else_changes():
    def serve(content_type: bytes, chunks: list[bytes]):
        async def app(scope, receive, send):
            assert all(k != b"accept-encoding" for k, _ in scope["headers"])  # asked uncompressed
            length = str(sum(map(len, chunks))).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", content_type), (b"content-length", length)],
                }
            )
            for i, chunk in enumerate(chunks):
                await send({"type": "http.response.body", "body": chunk, "more_body": i < len(chunks) - 1})

        sent: list[dict] = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/jamfor", "headers": [(b"accept-encoding", b"gzip")]}
        asyncio.run(launch._wrap_app(app, with_diagnostics=False)(scope, None, send))
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        return dict(sent[0]["headers"])[b"content-length"], body

    length, body = serve(b"text/html; charset=UTF-8", [b"<html><head><title>x</tit", b"le></head><body></body></html>"])
    assert body == b"<html><head><title>x</title>" + launch.FIRST_PAINT_STYLE + b"</head><body></body></html>"
    assert length == str(len(body)).encode()
    assert serve(b"application/javascript", [b"</head>"]) == (b"7", b"</head>")  # only the page's HTML


def test_server_flags():
    app = ROOT / "app.py"
    argv = launch.streamlit_argv(app, 8600, dev=False, extra=["--server.headless", "false"])
    assert argv[:3] == ["streamlit", "run", str(app)]
    joined = " ".join(argv)
    assert "--server.headless true" in joined
    assert "--browser.gatherUsageStats false" in joined
    assert "--server.fileWatcherType none" in joined
    assert "--runner.postScriptGC false" in joined
    assert "--server.port 8600" in joined
    assert argv[-2:] == ["--server.headless", "false"]  # the caller's flags come last and win
    assert "--server.fileWatcherType" not in launch.streamlit_argv(app, None, dev=True, extra=[])


# --- the dashboard warms each process up -------------------------------------------


def test_each_dashboard_process_warms_itself_up_before_its_first_visitor(tmp_path):
    """No page is opened here: the default view's results are computed by the process itself."""
    env = {"VAGVAL_STORE": str(tmp_path / "vagval.duckdb")}
    for port in serve("app.py", tmp_path / "server.log", env):
        deadline = time.monotonic() + 120
        while not (report := get_json(port, launch.DIAGNOSTICS_PATH)["warm_up"]):
            assert time.monotonic() < deadline, "no warm-up after 120 s"
            time.sleep(0.5)
        assert "error" not in report, report["error"]
        assert report["results"] == len(load_dataset(ROOT / "data" / "demo").alternatives)
        assert report["seconds"] > 0


def test_the_bare_page_is_not_warmed_up(server):
    assert get_json(server, launch.DIAGNOSTICS_PATH)["warm_up"] == {}
