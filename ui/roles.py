"""The administrator (the municipality's analyst): who may moderate what residents write.

The administrator's code is set at deployment (``VAGVAL_ADMIN_CODE``) or, if not, made at
first use and written once to the server's log — never shown in the app. Only its
SHA-256 is kept (in the store's settings, so every process behind a proxy agrees). A
session that gives the code is the administrator until the browser forgets a signed,
first-party cookie (eight hours). Tries are limited per session and per process, so the
code cannot be guessed: 16 random URL-safe characters are 96 bits, and at
:data:`TRIES_PER_MINUTE` = 30 tries a minute (1,6 · 10⁷ a year) per process, half of the
2⁹⁶ codes (4 · 10²⁸) take ≈ 2,5 · 10²¹ years.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import threading
import time

import streamlit as st

from ui import data
from ui.i18n import t

ADMIN_ENV = "VAGVAL_ADMIN_CODE"
SETTING = "admin_code_sha256"
COOKIE = "vagval_admin"
COOKIE_SECONDS = 8 * 3600  # a working day
PENDING = "vv.admin.cookie"  # the cookie to write in the next run that draws the login (value, max-age)
TRIES_PER_SESSION = 5  # per minute
TRIES_PER_MINUTE = 30  # per process, every session together
LOG = logging.getLogger("vagval")

_tries_lock = threading.Lock()
_process_tries: dict[str, list[float]] = {}  # what was tried → when, every session of this process


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def _expected() -> str:
    """The SHA-256 of the administrator's code; made (and logged once) if there is none yet."""
    configured = os.environ.get(ADMIN_ENV, "")
    if configured:
        return _digest(configured)
    store = data.store()
    kept = store.setting(SETTING)
    if kept:
        return kept
    code = secrets.token_urlsafe(12)
    store.set_setting(SETTING, _digest(code))
    kept = store.setting(SETTING) or ""
    if kept == _digest(code):  # another process may have made one at the same moment: only the kept one is told
        LOG.warning("Vägval: administratörens kod är %s (sätt %s för att välja en egen).", code, ADMIN_ENV)
    return kept


def ensure_code() -> None:
    """Make the administrator's code now if there is none, so that it is in the log before anyone asks."""
    _expected()


def sign(message: str) -> str:
    """An HMAC-SHA-256 of ``message`` under this deployment's secret (the digest of the administrator's
    code, known only to the server): what a signed cookie carries, here and for workshop leaders."""
    return hmac.new(_expected().encode(), message.encode(), hashlib.sha256).hexdigest()


def _signature(expires: int) -> str:
    return sign(f"admin:{expires}")


def is_admin() -> bool:
    """True for a session that gave the administrator's code (or carries its signed cookie)."""
    said = st.session_state.get("vv.admin")
    if said is not None:
        return bool(said)  # logged in, or out, in this session: the cookie it opened with no longer counts
    kept = st.context.cookies.get(COOKIE)
    if not isinstance(kept, str):  # no cookie (or no browser, as in a test)
        return False
    expires, _, signature = kept.partition(".")
    if expires.isdigit() and int(expires) > time.time() and hmac.compare_digest(signature, _signature(int(expires))):
        st.session_state["vv.admin"] = True
        return True
    return False


def allowed(what: str, *, per_session: int = TRIES_PER_SESSION, per_minute: int = TRIES_PER_MINUTE) -> bool:
    """Whether one more try at ``what`` (the administrator's code, a workshop's leader code) fits the
    limits over the last minute: ``per_session`` from this session, ``per_minute`` from every session."""
    now = time.monotonic()
    key = f"vv.tries.{what}"
    mine = [t for t in st.session_state.get(key, []) if now - t < 60]
    with _tries_lock:
        everyone = [t for t in _process_tries.get(what, []) if now - t < 60]
        if len(mine) >= per_session or len(everyone) >= per_minute:
            _process_tries[what] = everyone
            return False
        _process_tries[what] = [*everyone, now]
    st.session_state[key] = [*mine, now]
    return True


def log_in(code: str) -> str:
    """Try ``code``: "ok", "wrong" or "wait" (too many tries in the last minute)."""
    if not allowed("admin"):
        return "wait"
    if not hmac.compare_digest(_digest(code), _expected()):
        return "wrong"
    st.session_state["vv.admin"] = True
    expires = int(time.time()) + COOKIE_SECONDS
    st.session_state[PENDING] = (f"{expires}.{_signature(expires)}", COOKIE_SECONDS)
    return "ok"


def log_out() -> None:
    st.session_state["vv.admin"] = False
    st.session_state[PENDING] = ("", 0)


def _write_cookie() -> None:
    """Write the cookie a log in or out asked for. Not in the run that logs in: that run ends in
    st.rerun(), which drops what it drew before the browser runs it (the cookie was never set)."""
    pending = st.session_state.pop(PENDING, None)
    if pending is None:
        return
    value, max_age = pending
    st.html(  # the value is digits and a hex signature made here, never user input
        f"<script>document.cookie = '{COOKIE}={value}; path=/; max-age={max_age}; SameSite=Strict';</script>",
        unsafe_allow_javascript=True,
    )


def login_form(place: str) -> bool:
    """The administrator's login where ``place`` needs it (or, logged in, a way out); True for the administrator."""
    ensure_code()  # so that the code is in the server's log before anyone asks for it
    _write_cookie()
    if is_admin():
        if st.button(t("admin.logout"), key=f"{place}.logout"):
            log_out()
            st.rerun()
        return True
    with st.form(f"{place}.login"):
        code = st.text_input(t("admin.code"), type="password", help=t("admin.code.help"), key=f"{place}.admin.code")
        if st.form_submit_button(t("admin.login")):
            outcome = log_in(code)
            if outcome == "ok":
                st.rerun()
            st.error(t("admin.wrong") if outcome == "wrong" else t("admin.wait"))
    return False
