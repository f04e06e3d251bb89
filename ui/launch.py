"""Start the dashboard with the two server fixes this stack needs (DESIGN.md §7).

    python -m ui.launch [--port N] [--app PATH] [--dev] [extra streamlit flags]

Plain ``streamlit run`` spends most of a bare page's server time per slider move on two
avoidable things (stack-notes.md; measured here by benchmarks/load_test.py and
browser_speed.py, numbers in benchmarks/README.md):

1. After every script run Streamlit does a full ``gc.collect(2)`` while holding the GIL.
   With pandas, plotly and scipy loaded that walks ~160 000 long-lived objects (≈ 46 ms)
   and stalls every session. Importing the heavy modules here and ``gc.freeze()``-ing
   them (and the server's own modules, once it is up) moves them out of the collector's
   sight. That alone is not enough: with 30 sessions open on the Jämför page the forced
   collection still took 8–33 ms of CPU per run (benchmarks/README.md), so we also turn
   ``runner.postScriptGC`` off. Python's own generational collector still runs; thanks
   to the freeze its rare full passes are cheap too.
2. Streamlit creates its listening socket with protocol 0, so asyncio's transport does
   not recognise it as TCP and never sets TCP_NODELAY on accepted connections; small
   websocket frames then wait for the browser's delayed ACK (40 ms stalls). We hand
   uvicorn the same listening socket re-wrapped as IPPROTO_TCP, which makes asyncio set
   TCP_NODELAY on every connection it accepts (and we set it on the listener as well;
   Linux copies it to accepted sockets).

Serving the dashboard (app.py), each process also warms itself up once it listens: in
a background thread it imports the pages' modules, loads the dataset and evaluates the
default view (ui.data.warm_up), so the first visitor of every process gets a page as
quick as the next one. With several processes behind a proxy a warm-up request would
reach only one of them.

``VAGVAL_LAUNCH_DIAGNOSTICS=1`` adds ``GET /_vagval/diagnostics``: a JSON report of
what the server process really runs with (tests/test_launch.py). Never on by default.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import importlib.util
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any

from ui.labels.numbers import LABELS
from ui.style import page_css

ROOT = Path(__file__).resolve().parent.parent
MAX_UPLOAD_MB = 20  # engine.dataset.upload.MAX_UPLOAD_MB (tests/test_hostile_input.py checks): not imported
# here, so the launcher stays importable before the heavy modules are loaded and frozen
DIAGNOSTICS_PATH = "/_vagval/diagnostics"
# In the page's HTML, so that it holds from the first paint (the page's own style arrives with the
# script's first messages, after it): the sidebar's room until the sidebar arrives, and the page's
# style (ui/style.py, for the mode the link asks for) until the page's own copy is in force, so
# that neither arrival moves the page (layout shift: benchmarks/layout_shift.py,
# tests/test_browser_numbers.py). A script takes each away at its moment: the sidebar's room at
# the latest a second after the first run has ended (a page without a sidebar, such as the bare
# benchmark page; Streamlit draws the last elements after the run's end), the page's style at the
# latest ten seconds after (a first visit on a busy server can take that long to draw it). A CSS
# `:has()` on the whole document would need no script, but Chrome then re-checks every element's
# style on every change, which cost each slider move ≈ 10 ms.
_FIRST_PAINT_SIDE = (
    "<style id=vv-first-side>@media (min-width:768px){html:not(.vv-present) "
    "[data-testid=stAppViewContainer]{padding-left:300px}}</style>"
)
# The page's rules go after the head: Streamlit's own, added to the head later, must not win over
# them. (No // comments inside: the lines are joined into one.)
_FIRST_PAINT_SCRIPT = """<script>(function(){
var d=document,h=d.documentElement,present=/[?&]present=(1|true|ja)(&|$)/.test(location.search);
if(present)h.classList.add('vv-present');
var first=d.createElement('style');first.id='vv-first-page';first.textContent=present?%(present)s:%(base)s;
h.appendChild(first);
var side=present,page=false,ran=false,timer=null;
function drop(id){var s=d.getElementById(id);if(s)s.remove();}
function ours(s){return s.textContent.indexOf('.vv-board')>=0;}
if(side)drop('vv-first-side');
var watch=new MutationObserver(function(changes){
  var ended=false;
  for(var i=0;i<changes.length;i++){var c=changes[i];
    if(c.type==='attributes'){var state=c.target.getAttribute('data-test-script-state');if(state==='running')ran=true;else if(state==='notRunning'&&ran)ended=true;}
    else if(!page)for(var j=0;j<c.addedNodes.length;j++){var n=c.addedNodes[j];
      if(n.nodeType===1&&[].some.call(n.tagName==='STYLE'?[n]:n.getElementsByTagName('style'),ours))page=true;}}
  if(!side&&d.querySelector('[data-testid=stSidebar]')){side=true;drop('vv-first-side');}
  if(page)drop('vv-first-page');
  if(side&&page)watch.disconnect();
  if(ended&&!timer)timer=setTimeout(done,1000);
});
function done(){side=true;drop('vv-first-side');if(page)watch.disconnect();else setTimeout(gone,9000);}
function gone(){page=true;drop('vv-first-page');watch.disconnect();}
watch.observe(h,{subtree:true,childList:true,attributes:true,attributeFilter:['data-test-script-state']});
})();</script>"""

# Streamlit's and plotly's own English on buttons and in tooltips (a table's toolbar, a chart's
# buttons, the link that skips to the content), written in Swedish unless the link asks for
# English (lang=en). Where a word stands decides when: a button's label (aria-label, plotly's
# data-title) when the pointer or the focus comes near it (only its toolbar or the element itself
# is looked at, never a whole container the pointer crosses), a tooltip's text when Streamlit
# adds it to its overlay, the running icon's label (for a screen reader) when it appears in the
# header. Text nodes keep their identity (nodeValue), so React can still update them. Only the
# header is watched on a slider move (its status icon comes and goes), never the page itself.
_CHROME_WORDS_SCRIPT = """<script>(function(){
var d=document,words=%(words)s;
function sv(){return !/[?&]lang=en(&|$)/.test(location.search);}
function label(e){['aria-label','data-title'].forEach(function(a){var w=words[e.getAttribute(a)];if(w)e.setAttribute(a,w);});}
function text(root){var walk=d.createTreeWalker(root,NodeFilter.SHOW_TEXT),n;
  while((n=walk.nextNode())){var w=words[n.nodeValue.trim()];if(w)n.nodeValue=w;}}
function near(ev){var t=ev.target;if(!sv()||!t||t.nodeType!==1)return;
  var bar=t.closest('[data-testid=stElementToolbar],.modebar');
  if(bar)[].forEach.call(bar.querySelectorAll('[aria-label],[data-title]'),label);
  label(t);if(!t.firstElementChild)text(t);}
d.addEventListener('pointerover',near,true);d.addEventListener('focusin',near,true);
var overlay=null;
function tips(changes){if(!sv())return;
  changes.forEach(function(c){[].forEach.call(c.addedNodes,function(n){if(n.nodeType===1)text(n);else if(n.nodeType===3)text(n.parentNode);});});}
function watch(){var o=d.getElementById('stFloatingOverlayPortal');
  if(o&&o!==overlay){overlay=o;new MutationObserver(tips).observe(o,{subtree:true,childList:true});}}
d.addEventListener('DOMContentLoaded',function(){watch();new MutationObserver(watch).observe(d.body,{childList:true});});
var tries=0;
function header(){var hd=d.querySelector('[data-testid=stHeader]');
  if(!hd){if(tries++<60)setTimeout(header,500);return;}
  new MutationObserver(function(){if(sv())[].forEach.call(hd.querySelectorAll('[aria-label]'),label);}).observe(hd,{subtree:true,childList:true});}
header();
})();</script>"""


def chrome_words() -> dict[str, str]:
    """English → Swedish for Streamlit's and plotly's own words (the ``chrome.`` labels)."""
    return {english: swedish for key, (swedish, english) in LABELS.items() if key.startswith("chrome.")}


def _font_preloads() -> str:
    """``<link rel=preload>`` for the icon font Streamlit's widgets use. Streamlit asks for it only once
    React draws the first icon (≈ 0,5 s); until it is there an icon's name shows as text
    ("keyboard_arrow_down"), wider than the icon, and the page moves when the font arrives."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        return ""
    media = Path(spec.origin).parent / "static" / "static" / "media"
    return "".join(
        f'<link rel=preload href="./static/media/{font.name}" as=font type=font/woff2 crossorigin>'
        for font in sorted(media.glob("MaterialSymbols-Rounded.*.woff2"))
    )


FIRST_PAINT_STYLE = (
    _font_preloads()
    + _FIRST_PAINT_SIDE
    + "".join(line.strip() for line in _FIRST_PAINT_SCRIPT.splitlines())
    % {
        # JSON strings are JavaScript strings; '<' written out so no '</style>' or '</script>' can end the script
        mode: json.dumps(page_css(present=mode == "present")).replace("<", "\\u003c")
        for mode in ("present", "base")
    }
    + "".join(line.strip() for line in _CHROME_WORDS_SCRIPT.splitlines())
    % {"words": json.dumps(chrome_words()).replace("<", "\\u003c")}
).encode()

# Everything a page imports that is big and lives for the whole process. Anything not
# imported before the freeze is walked by every post-script collection.
HEAVY_MODULES = (
    "numpy",
    "pandas",
    "pyarrow",
    "scipy.optimize",
    "scipy.sparse",
    "duckdb",
    "plotly.graph_objects",
    "plotly.express",
    "plotly.io",
    "streamlit",
    "streamlit.web.bootstrap",
    "streamlit.web.server.starlette.starlette_server",
    "uvicorn",
    "engine",
)


def preload_and_freeze() -> list[str]:
    """Import the heavy modules, then freeze everything alive into the permanent generation."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # `engine` is importable whatever the working directory
    loaded = []
    for name in HEAVY_MODULES:
        try:
            importlib.import_module(name)
            loaded.append(name)
        except ImportError:  # an optional extra (e.g. pyarrow) missing must not stop the app
            pass
    gc.collect()  # collect import-time garbage first so it is not frozen for ever
    gc.freeze()
    return loaded


def _bind_tcp_socket(bind):
    @functools.wraps(bind)
    def bind_socket(address: str, port: int, backlog: int) -> socket.socket:
        sock = bind(address, port, backlog)
        # Same fd, now declared as TCP: asyncio's _set_nodelay() checks sock.proto.
        tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, sock.detach())
        tcp.setblocking(False)
        tcp.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return tcp

    return bind_socket


def enable_tcp_nodelay() -> None:
    """Patch Streamlit's socket binding (Starlette/uvicorn server, streamlit 1.67)."""
    from streamlit.web.server.starlette import starlette_server

    # Fail loudly on a Streamlit upgrade that renames this, rather than silently losing the fix.
    if not hasattr(starlette_server, "_bind_socket"):
        raise RuntimeError("streamlit changed: starlette_server._bind_socket is gone; revisit ui/launch.py")
    starlette_server._bind_socket = _bind_tcp_socket(starlette_server._bind_socket)


# --- the ASGI app: freeze once the server is up; opt-in diagnostics ------------------


def _peer_nodelay(peer_port: int) -> int | None:
    """TCP_NODELAY of this process's socket connected to the client's port (Linux only)."""
    if not os.path.isdir("/proc/self/fd"):
        return None
    for fd in os.listdir("/proc/self/fd"):
        try:
            s = socket.socket(fileno=os.dup(int(fd)))
        except OSError:
            continue  # not a socket
        with s:
            try:
                if s.type == socket.SOCK_STREAM and s.getpeername()[1] == peer_port:
                    return s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
            except (OSError, IndexError, TypeError):
                continue
    return None


def diagnostics(client_port: int) -> dict[str, Any]:
    from streamlit import config

    start, cpu = time.perf_counter(), time.thread_time()
    gc.collect(2)  # what runner.postScriptGC costs after each run, right now
    wall_ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
    return {
        "pid": os.getpid(),
        "gc_collect_ms": round(wall_ms, 2),
        "gc_collect_cpu_ms": round(cpu_ms, 2),  # the same without the time other processes took the core
        "gc_frozen_objects": gc.get_freeze_count(),
        "gc_tracked_objects": len(gc.get_objects()),
        "post_script_gc": config.get_option("runner.postScriptGC"),
        "preloaded": [m for m in HEAVY_MODULES if m in sys.modules],
        "tcp_nodelay": _peer_nodelay(client_port),
        "warm_up": dict(warm_up_report),
    }


# The dashboard's own modules, imported by the warm-up rather than by the first visitor.
DASHBOARD_MODULES = ("ui.frame", "ui.charts", "ui.geo", "ui.widgets", "ui.memo", "ui.workshop", "engine.dataset.upload")
warm_up_report: dict[str, Any] = {}  # filled by the warm-up thread: results, seconds or error


def warm_up() -> None:
    """Import the dashboard's modules and compute its default view; runs once per process."""
    start = time.perf_counter()
    try:
        for name in DASHBOARD_MODULES:
            importlib.import_module(name)
        from ui import data

        warm_up_report["results"] = data.warm_up()
        warm_up_report["seconds"] = round(time.perf_counter() - start, 3)
    except Exception as exc:  # a broken dataset is reported by the page itself, in Swedish
        warm_up_report["error"] = repr(exc)


def _wrap_app(app, with_diagnostics: bool, warm: bool = False):
    async def asgi(scope, receive, send):
        if scope["type"] == "lifespan":

            async def send_after_freeze(message):
                if message["type"] == "lifespan.startup.complete":
                    # The server's own modules (click, uvicorn, starlette, anyio, requests…)
                    # and config are loaded by now: ~18 000 more objects no session owns.
                    gc.collect()
                    gc.freeze()
                    if warm:
                        threading.Thread(target=warm_up, name="vagval-warm-up", daemon=True).start()
                await send(message)

            return await app(scope, receive, send_after_freeze)
        if with_diagnostics and scope["type"] == "http" and scope["path"] == DIAGNOSTICS_PATH:
            body = json.dumps(diagnostics(scope["client"][1])).encode()
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return None
        if (
            scope["type"] == "http"
            and scope.get("method") == "GET"
            and not scope["path"].startswith(("/_stcore", "/static"))
        ):
            return await _with_first_paint_style(app, scope, receive, send)
        return await app(scope, receive, send)

    return asgi


async def _with_first_paint_style(app, scope, receive, send):
    """The response, with FIRST_PAINT_STYLE in its head when it is the page's HTML (asked uncompressed)."""
    scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
    held: dict[str, Any] = {}

    async def edit(message):
        if message["type"] == "http.response.start":
            if not dict(message["headers"]).get(b"content-type", b"").startswith(b"text/html"):
                return await send(message)
            held["start"], held["body"] = message, b""
            return None
        if "start" not in held:
            return await send(message)
        held["body"] += message.get("body", b"")
        if message.get("more_body"):
            return None
        body = held["body"].replace(b"</head>", FIRST_PAINT_STYLE + b"</head>", 1)
        start = held["start"]
        headers = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
        return await send({"type": "http.response.body", "body": body})

    return await app(scope, receive, edit)


def wrap_server_app(with_diagnostics: bool, warm: bool = False) -> None:
    from streamlit.web.server.starlette import starlette_server

    create = starlette_server.create_starlette_app
    starlette_server.create_starlette_app = lambda runtime: _wrap_app(create(runtime), with_diagnostics, warm)


# --- command line ------------------------------------------------------------------


def streamlit_argv(app: Path, port: int | None, dev: bool, extra: list[str]) -> list[str]:
    argv = ["streamlit", "run", str(app), "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    argv += ["--runner.postScriptGC", "false"]  # see fix 1 above
    # Safe on a shared network whatever the working directory (.streamlit/config.toml is read
    # from it): the server refuses an upload over the engine's limit, and an uncaught exception
    # shows visitors a generic message while its details go to the server's log.
    argv += ["--server.maxUploadSize", str(MAX_UPLOAD_MB), "--client.showErrorDetails", "none"]
    if not dev:
        argv += ["--server.fileWatcherType", "none"]  # no reloads mid-workshop; saves a thread and inotify
    if port is not None:
        argv += ["--server.port", str(port)]
    return argv + extra  # later flags win, so the caller can override any of ours


def main(args: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.launch", description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, help="port to serve on (streamlit's default 8501)")
    parser.add_argument("--app", type=Path, default=ROOT / "app.py", help="script to serve (default: app.py)")
    parser.add_argument("--dev", action="store_true", help="watch files and rerun on save")
    opts, extra = parser.parse_known_args(args)

    enable_tcp_nodelay()
    dashboard = opts.app.resolve() == (ROOT / "app.py").resolve()
    wrap_server_app(with_diagnostics=os.environ.get("VAGVAL_LAUNCH_DIAGNOSTICS") == "1", warm=dashboard)
    preload_and_freeze()  # last, so the patches above are frozen too

    from streamlit.web import cli

    sys.argv = streamlit_argv(opts.app.resolve(), opts.port, opts.dev, extra)
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
