"""A live workshop in the dashboard: kept in the Store, a participant known by a cookie.

A workshop is a JSON document in the Store (keyed by dataset and code) that fixes
what everyone ranks when the facilitator starts it: scenario, changed scenario
assumptions, parameter overrides, horizon and alternatives. So thirty phones rank
the same results whatever their own sidebars say, and a restarted server finds the
workshop and its input where they were. Participants are anonymous: a random id
kept in a cookie of the browser, no name.

What the documents mean and what the room's input adds up to is pure logic in
:mod:`engine.measures.workshop`; this module reads and writes the Store, the cookie and
the session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hmac
import io
import os
import secrets
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

import pandas as pd
import segno
import streamlit as st

from engine.core.parameters import PARAMETER_NAMES
from engine.measures import ranking
from engine.measures.workshop import (
    Response,
    Workshop,
    new_workshop,
    read_response,
    read_workshop,
    response_document,
    workshop_document,
)
from ui import data, roles
from ui.i18n import t
from ui.state import SCENARIO_FIELDS, ViewState, valid_id

# The leader code: 10 characters of 32 unambiguous ones (2⁵⁰ ≈ 1,1 · 10¹⁵ codes). At most
# LEADER_TRIES_PER_MINUTE tries a minute for a workshop from every session together, so half
# the codes take ≈ 5 · 10⁷ years; a workshop lives for days.
LEADER_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
LEADER_CODE_LENGTH = 10
LEADER_TRIES_PER_MINUTE = 20
COOKIE = "vagval_participant"
COOKIE_SECONDS = 2 * 24 * 3600  # a workshop day with margin; then the phone is someone new
TOKEN_BYTES = 6
PUBLIC_URL = os.environ.get("VAGVAL_PUBLIC_URL", "").rstrip("/")


def view_of(workshop: Workshop, base: ViewState) -> ViewState:
    """The view the room's results come from (the participant's language and mode kept)."""
    return base.with_(
        scenario=workshop.scenario,
        alternatives=workshop.alternatives[1:],
        overrides=dict(workshop.overrides),
        scenario_changes={k: dict(v) for k, v in workshop.scenario_changes.items()},
        years=workshop.years,
    )


def _dataset_key() -> str:
    return data.dataset().code


def start(view: ViewState, code: str) -> Workshop:
    """A new open workshop on what ``view`` shows (keep-all and the compared alternatives)."""
    known = data.alternatives()
    workshop = new_workshop(
        code,
        view.scenario,
        [a for a in view.alternatives if a in known],
        view.overrides,
        view.scenario_changes,
        view.years,
        pin="".join(secrets.choice(LEADER_ALPHABET) for _ in range(LEADER_CODE_LENGTH)),
        created=dt.datetime.now().isoformat(timespec="minutes"),
    )
    save(workshop)
    return workshop


def save(workshop: Workshop) -> None:
    data.store().save_workshop(_dataset_key(), workshop.id, workshop_document(workshop))


def find(code: str) -> str | None:
    """The stored code matching what someone typed (case does not matter), or None."""
    code = code.strip()
    if not valid_id(code):
        return None
    ids = [w for w, _ in data.store().workshops(_dataset_key())]
    if code in ids:
        return code
    return next((w for w in ids if w.lower() == code.lower()), None)


def load(code: str) -> Workshop | None:
    """The workshop, with anything the dataset no longer has dropped; None if unknown or unreadable."""
    document = data.store().workshop(_dataset_key(), code) if valid_id(code) else None
    if document is None:
        return None  # a document this version cannot read is treated as an unknown workshop too
    return read_workshop(document, list(data.dataset().scenarios), PARAMETER_NAMES, SCENARIO_FIELDS)


def workshops() -> list[tuple[str, bool]]:
    """(code, open) of the dataset's workshops, the latest first."""
    out = []
    for code, _ in data.store().workshops(_dataset_key()):
        found = load(code)
        if found is not None:
            out.append((code, found.open))
    return out


def set_open(workshop: Workshop, is_open: bool) -> None:
    save(dataclasses.replace(workshop, open=is_open))


def clear(workshop: Workshop) -> None:
    data.store().clear_workshop_input(_dataset_key(), workshop.id)


def delete(workshop: Workshop) -> None:
    data.store().delete_workshop(_dataset_key(), workshop.id)


def participant() -> str:
    """This browser's anonymous id: random, and kept in a cookie so a reload stays the same participant."""
    if "ws.participant" not in st.session_state:
        kept = st.context.cookies.get(COOKIE, "")
        fits = len(kept) == 2 * TOKEN_BYTES and all(c in "0123456789abcdef" for c in kept)
        st.session_state["ws.participant"] = kept if fits else secrets.token_hex(TOKEN_BYTES)
    return st.session_state["ws.participant"]


def remember_participant() -> None:
    """Put the id in a first-party cookie (no personal data), read when the page is next opened.

    Phones reload pages they have put to sleep; without it a reloaded phone would be a
    new participant and its earlier input would count twice.
    """
    pid = participant()
    if st.context.cookies.get(COOKIE) == pid or st.session_state.get("ws.remembered"):
        return
    st.html(
        f"<script>document.cookie = '{COOKIE}={pid}; path=/; max-age={COOKIE_SECONDS}; SameSite=Lax';</script>",
        unsafe_allow_javascript=True,  # pid is hex digits made here, never user input
    )
    st.session_state["ws.remembered"] = True


def submit(workshop: Workshop, weights: Mapping[str, float], preferred: str, comment: str) -> None:
    document = response_document(weights, preferred, comment)
    data.store().save_workshop_input(_dataset_key(), workshop.id, participant(), document)


def responses(workshop: Workshop) -> list[Response]:
    """Every participant's latest input, oldest first; unreadable rows are skipped."""
    rows = data.store().workshop_input(_dataset_key(), workshop.id)
    return [r for pid, document, saved_at in rows if (r := read_response(pid, document, saved_at)) is not None]


def mine(workshop: Workshop) -> Response | None:
    return next((r for r in responses(workshop) if r.participant == participant()), None)


def measures(workshop: Workshop, view: ViewState, alternatives: Sequence[str]) -> pd.DataFrame:
    """The ranking measures of ``alternatives`` from the engine's results for the workshop's view."""
    wview = view_of(workshop, view)
    results = {a: data.result(wview, a) for a in alternatives}
    return ranking.measures_from_results(results, data.baseline(wview))


def export_table(found: Sequence[Response], q: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """One row per participant: weights, the alternative(s) their own weights put first, preference, comment."""

    def named(ids: Sequence[str]) -> str:
        return ", ".join(names.get(a, a) for a in ids)

    return pd.DataFrame(
        {
            # Numbered 1, 2, 3 … in the order of their latest input: no cookie id leaves the server.
            t("ws.col.participant"): list(range(1, len(found) + 1)),
            t("ws.col.saved"): [r.saved_at.strftime("%Y-%m-%d %H:%M") for r in found],
            **{t(f"ws.crit.{c}"): [r.weights[c] for r in found] for c in ranking.CRITERIA},
            t("ws.col.first"): [named(ranking.leaders(q, r.weights)) for r in found],
            t("ws.col.preferred"): [named([r.preferred]) if r.preferred else "" for r in found],
            t("ws.col.comment"): [r.comment for r in found],
        }
    )


def join_link(code: str, lang: str, *, page: str = "workshop", key: str = "ws") -> str:
    """The address that takes a phone straight into the workshop (or another ``page``'s ``key``).

    It is this page's address as the browser sees it, unless ``VAGVAL_PUBLIC_URL`` names
    the address participants reach (the server behind a proxy, or a laptop whose
    facilitator opened it as localhost).
    """
    base = f"{PUBLIC_URL}/{page}" if PUBLIC_URL else (st.context.url or "").split("?")[0]
    return f"{base}?{key}={code}" + ("&lang=en" if lang == "en" else "")


def only_this_computer(link: str) -> bool:
    """True when the link names this machine itself, which nobody else's phone can reach."""
    return urlsplit(link).hostname in ("localhost", "127.0.0.1", "::1")


@functools.lru_cache(maxsize=64)
def qr_png(link: str) -> bytes:
    """The join link as a QR code (PNG): made once per link, not on every redraw of the room (≈ 8 ms)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def try_leader_code(workshop: Workshop, typed: str) -> str:
    """ "ok", "wrong" or "wait" (too many tries in the last minute, for this session or this workshop)."""
    if not roles.allowed(f"leader.{workshop.id}", per_minute=LEADER_TRIES_PER_MINUTE):
        return "wait"
    given = typed.strip().upper().replace(" ", "").replace("-", "")
    return "ok" if hmac.compare_digest(given.encode(), workshop.pin.upper().encode()) else "wrong"
