"""A live workshop in the dashboard: kept in the Store, a participant known by a cookie.

A workshop is a JSON document in the Store (keyed by dataset and code) that fixes
what everyone ranks when the facilitator starts it: scenario, changed scenario
assumptions, parameter overrides, horizon and alternatives. So thirty phones rank
the same results whatever their own sidebars say, and a restarted server finds the
workshop and its input where they were. Participants are anonymous: a random id
kept in a cookie of the browser, no name.

Who sees what: a participant (anyone with the code or the join link) sees only the
participant view. The room, the leader's controls and the list of earlier workshops are
for the workshop's leader — the session that started it or gave its leader code, kept
across reloads and visits by a signed cookie — and for the administrator, who leads
every workshop.

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
import time
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
    is_blank,
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
LEAD_COOKIE = "vagval_lead"
LEAD_COOKIE_SECONDS = 30 * 24 * 3600  # a leader comes back to an earlier workshop within a month
LEAD_COOKIE_ENTRIES = 20  # workshops one browser remembers leading: 20 × ≈ 90 bytes fits a cookie's 4 kB


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
    _lead_entries().pop(f"{_dataset_key()}~{workshop.id}", None)
    st.session_state.get(_leading_key(), set()).discard(workshop.id)


# --- who leads -------------------------------------------------------------------------
#
# The leader cookie holds one entry per led workshop, "<dataset>~<code>~<expires>~<signature>",
# joined by "."; every part is digits, an id (letters, digits, - and _) or hex, so it needs no
# escaping. The signature (ui.roles.sign) covers the workshop's leader code too: a workshop
# deleted and started again under the same code is not led by an old cookie.


def _lead_signature(workshop: Workshop, expires: int) -> str:
    return roles.sign(f"lead:{_dataset_key()}:{workshop.id}:{workshop.pin}:{expires}")


def _lead_cookie() -> str:
    """The leader cookie as the browser sent it ("" without one, or without a browser, as in a test)."""
    kept = st.context.cookies.get(LEAD_COOKIE)
    return kept if isinstance(kept, str) else ""


def _lead_entries() -> dict[str, str]:
    """Cookie entry by "<dataset>~<code>": what the browser brought (unexpired, well formed) and what this
    session has added since; checked against the signature only when it is used."""
    if "ws.lead.entries" not in st.session_state:
        entries = {}
        for entry in _lead_cookie().split(".")[-LEAD_COOKIE_ENTRIES:]:
            parts = entry.split("~")
            well_formed = len(parts) == 4 and valid_id(parts[0]) and valid_id(parts[1]) and parts[2].isdigit()
            if well_formed and int(parts[2]) > time.time():
                entries[f"{parts[0]}~{parts[1]}"] = entry
        st.session_state["ws.lead.entries"] = entries
    return st.session_state["ws.lead.entries"]


def _leading_key() -> str:
    return f"ws.lead.{_dataset_key()}"


def leading() -> set[str]:
    """Codes of this dataset's workshops this browser leads: started here, the leader code given, or a
    valid signed entry in its leader cookie."""
    key = _leading_key()
    if key not in st.session_state:
        led = set()
        for name, entry in _lead_entries().items():
            dataset, code = name.split("~")
            expires, signature = entry.split("~")[2:]
            found = load(code) if dataset == _dataset_key() else None
            if found is not None and hmac.compare_digest(signature, _lead_signature(found, int(expires))):
                led.add(code)
        st.session_state[key] = led
    return st.session_state[key]


def leads(workshop: Workshop) -> bool:
    """Whether this session may see the room and lead: the workshop's leader, or the administrator."""
    return workshop.id in leading() or roles.is_admin()


def become_leader(workshop: Workshop) -> None:
    """This browser leads ``workshop`` from now on, and after a reload (the cookie is written by
    :func:`remember_leading` in the next run that draws the page)."""
    leading().add(workshop.id)
    expires = int(time.time()) + LEAD_COOKIE_SECONDS
    entries = _lead_entries()
    name = f"{_dataset_key()}~{workshop.id}"
    entries.pop(name, None)  # re-added last: the newest entries are the ones kept when the cookie is full
    entries[name] = f"{name}~{expires}~{_lead_signature(workshop, expires)}"


def remember_leading() -> None:
    """Write the leader cookie when this session's entries differ from what the browser holds."""
    value = ".".join(list(_lead_entries().values())[-LEAD_COOKIE_ENTRIES:])
    if value == st.session_state.get("ws.lead.written", _lead_cookie()):
        return
    st.html(  # ids, digits and hex made here (see above): nothing to escape
        f"<script>document.cookie = '{LEAD_COOKIE}={value}; path=/; "
        f"max-age={LEAD_COOKIE_SECONDS if value else 0}; SameSite=Lax';</script>",
        unsafe_allow_javascript=True,
    )
    st.session_state["ws.lead.written"] = value


def led_workshops() -> list[tuple[str, bool]]:
    """(code, open) of the earlier workshops this session may open as leader: every one for the
    administrator, its own for a leader, none for anyone else."""
    if roles.is_admin():
        return workshops()
    mine = leading()
    return [(code, is_open) for code, is_open in workshops() if code in mine] if mine else []


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
    """One row per participant: weights, the alternative(s) their own weights put first (a blank response
    says it weighted nothing: engine.measures.workshop), preference, comment."""

    def named(ids: Sequence[str]) -> str:
        return ", ".join(names.get(a, a) for a in ids)

    return pd.DataFrame(
        {
            # Numbered 1, 2, 3 … in the order of their latest input: no cookie id leaves the server.
            t("ws.col.participant"): list(range(1, len(found) + 1)),
            t("ws.col.saved"): [r.saved_at.strftime("%Y-%m-%d %H:%M") for r in found],
            **{t(f"ws.crit.{c}"): [r.weights[c] for r in found] for c in ranking.CRITERIA},
            t("ws.col.first"): [
                t("ws.col.first.blank") if is_blank(r) else named(ranking.leaders(q, r.weights)) for r in found
            ],
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
