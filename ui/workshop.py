"""A live workshop: what the room compares, each participant's input, the room's summary.

A workshop is a JSON document in the Store (keyed by dataset and code) that fixes
what everyone ranks when the facilitator starts it: scenario, changed scenario
assumptions, parameter overrides, horizon and alternatives. So thirty phones rank
the same results whatever their own sidebars say, and a restarted server finds the
workshop and its input where they were. Participants are anonymous: a random id
kept in a cookie of the browser, no name.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import io
import json
import os
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from urllib.parse import urlsplit

import pandas as pd
import segno
import streamlit as st

from engine.core.parameters import PARAMETER_NAMES
from engine.core.types import KEEP_ALL
from engine.measures import ranking
from ui import data
from ui.i18n import t
from ui.state import SCENARIO_FIELDS, ViewState, valid_id

MAX_COMMENT = 280  # characters: a comment is read aloud from the projector, not an essay
PIN_DIGITS = 4
COOKIE = "vagval_participant"
COOKIE_SECONDS = 2 * 24 * 3600  # a workshop day with margin; then the phone is someone new
TOKEN_BYTES = 6
PUBLIC_URL = os.environ.get("VAGVAL_PUBLIC_URL", "").rstrip("/")


@dataclass(frozen=True, kw_only=True)
class Workshop:
    id: str
    scenario: str
    alternatives: tuple[str, ...]  # keep-all first
    overrides: Mapping[str, float] = field(default_factory=dict)
    scenario_changes: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    years: int
    open: bool = True
    pin: str  # lets the facilitator lead from another device; shown only in the leader's panel
    created: str

    def view(self, base: ViewState) -> ViewState:
        """The view the room's results come from (the participant's language and mode kept)."""
        return base.with_(
            scenario=self.scenario,
            alternatives=self.alternatives[1:],
            overrides=dict(self.overrides),
            scenario_changes={k: dict(v) for k, v in self.scenario_changes.items()},
            years=self.years,
        )


@dataclass(frozen=True)
class Response:
    participant: str
    weights: dict[str, float]
    preferred: str  # an alternative id, or "" for no preference
    comment: str
    saved_at: dt.datetime


def _dataset_key() -> str:
    return data.dataset().code


def start(view: ViewState, code: str) -> Workshop:
    """A new open workshop on what ``view`` shows (keep-all and the compared alternatives)."""
    known = data.alternatives()
    workshop = Workshop(
        id=code,
        scenario=view.scenario,
        alternatives=(KEEP_ALL, *[a for a in view.alternatives if a in known and a != KEEP_ALL]),
        overrides=dict(view.overrides),
        scenario_changes={k: dict(v) for k, v in view.scenario_changes.items()},
        years=view.years,
        pin=f"{secrets.randbelow(10**PIN_DIGITS):0{PIN_DIGITS}d}",
        created=dt.datetime.now().isoformat(timespec="minutes"),
    )
    save(workshop)
    return workshop


def save(workshop: Workshop) -> None:
    document = {**asdict(workshop), "alternatives": list(workshop.alternatives)}
    data.store().save_workshop(_dataset_key(), workshop.id, json.dumps(document))


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
        return None
    try:
        raw = json.loads(document)
        ds = data.dataset()
        changes = {
            sid: {f: float(v) for f, v in fields.items() if f in SCENARIO_FIELDS}
            for sid, fields in raw.get("scenario_changes", {}).items()
            if sid in ds.scenarios
        }
        return Workshop(
            id=str(raw["id"]),
            scenario=raw["scenario"] if raw["scenario"] in ds.scenarios else next(iter(ds.scenarios)),
            alternatives=tuple(str(a) for a in raw["alternatives"]),
            overrides={k: float(v) for k, v in raw.get("overrides", {}).items() if k in PARAMETER_NAMES},
            scenario_changes=changes,
            years=int(raw["years"]),
            open=bool(raw["open"]),
            pin=str(raw["pin"]),
            created=str(raw.get("created", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # a document this version cannot read is treated as an unknown workshop


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
    document = {
        "weights": {c: float(weights.get(c, 0)) for c in ranking.CRITERIA},
        "preferred": preferred,
        "comment": comment.strip()[:MAX_COMMENT],
    }
    data.store().save_workshop_input(_dataset_key(), workshop.id, participant(), json.dumps(document))


def responses(workshop: Workshop) -> list[Response]:
    """Every participant's latest input, oldest first; unreadable rows are skipped."""
    out = []
    for pid, document, saved_at in data.store().workshop_input(_dataset_key(), workshop.id):
        try:
            raw = json.loads(document)
            weights = {c: float(raw["weights"].get(c, 0)) for c in ranking.CRITERIA}
            if any(not 0 <= w <= 5 for w in weights.values()):
                continue
            out.append(Response(pid, weights, str(raw.get("preferred", "")), str(raw.get("comment", "")), saved_at))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return out


def mine(workshop: Workshop) -> Response | None:
    return next((r for r in responses(workshop) if r.participant == participant()), None)


def measures(workshop: Workshop, view: ViewState, alternatives: Sequence[str]) -> pd.DataFrame:
    """The ranking measures of ``alternatives`` from the engine's results for the workshop's view."""
    wview = workshop.view(view)
    results = {a: data.result(wview, a) for a in alternatives}
    return ranking.measures_from_results(results, data.baseline(wview))


def mean_weights(found: Sequence[Response]) -> dict[str, float]:
    """The room's weights: each criterion's mean over the responses (0 with none)."""
    if not found:
        return dict.fromkeys(ranking.CRITERIA, 0.0)
    return {c: sum(r.weights[c] for r in found) / len(found) for c in ranking.CRITERIA}


def preferred_tally(found: Sequence[Response], alternatives: Sequence[str]) -> dict[str, int]:
    """How many named each compared alternative as the one they prefer."""
    return {a: sum(r.preferred == a for r in found) for a in alternatives}


def export_table(found: Sequence[Response], q: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """One row per participant: weights, the alternative(s) their own weights put first, preference, comment."""

    def named(ids: Sequence[str]) -> str:
        return ", ".join(names.get(a, a) for a in ids)

    return pd.DataFrame(
        {
            t("ws.col.participant"): [r.participant for r in found],
            t("ws.col.saved"): [r.saved_at.strftime("%Y-%m-%d %H:%M") for r in found],
            **{t(f"ws.crit.{c}"): [r.weights[c] for r in found] for c in ranking.CRITERIA},
            t("ws.col.first"): [named(ranking.leaders(q, r.weights)) for r in found],
            t("ws.col.preferred"): [named([r.preferred]) if r.preferred else "" for r in found],
            t("ws.col.comment"): [r.comment for r in found],
        }
    )


def join_link(code: str, lang: str) -> str:
    """The address that takes a phone straight into the workshop.

    It is this page's address as the browser sees it, unless ``VAGVAL_PUBLIC_URL`` names
    the address participants reach (the server behind a proxy, or a laptop whose
    facilitator opened it as localhost).
    """
    base = f"{PUBLIC_URL}/workshop" if PUBLIC_URL else (st.context.url or "").split("?")[0]
    return f"{base}?ws={code}" + ("&lang=en" if lang == "en" else "")


def only_this_computer(link: str) -> bool:
    """True when the link names this machine itself, which nobody else's phone can reach."""
    return urlsplit(link).hostname in ("localhost", "127.0.0.1", "::1")


@functools.lru_cache(maxsize=64)
def qr_png(link: str) -> bytes:
    """The join link as a QR code (PNG): made once per link, not on every redraw of the room (≈ 8 ms)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def plain(text: str) -> str:
    """A participant's text shown as written: markdown (links, images, icons) escaped."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", text).replace("\n", " ")
