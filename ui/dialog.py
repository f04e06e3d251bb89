"""Medborgardialog in the dashboard: dialogues kept in the store, residents' answers, moderation.

A dialogue is started by the administrator on what the view compares; residents open its
link (``/dialog?dialog=CODE``) on their phones. A device answers anonymously with the
random id the workshop uses too (ui.workshop.participant); the id only lets it change its
answer and is never shown or exported. One answer per device, at most one save every
:data:`MIN_SECONDS`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass

from engine.core.types import KEEP_ALL
from engine.measures.dialog import Answer, answer_document, read_answer
from ui import data
from ui import workshop as workshops
from ui.state import ViewState, valid_id

MIN_SECONDS = 3.0  # between two saves from one device: a double tap is one answer, a script is slowed


@dataclass(frozen=True, kw_only=True)
class Dialog:
    """What residents are asked about, fixed when the dialogue starts."""

    id: str
    scenario: str
    alternatives: tuple[str, ...]  # keep-all first
    years: int
    open: bool = True
    created: str


def _key() -> str:
    return data.dataset().code


def start(view: ViewState, code: str) -> Dialog:
    """A new open dialogue on keep-all and what ``view`` compares."""
    known = data.alternatives()
    dialog = Dialog(
        id=code,
        scenario=view.scenario,
        alternatives=(KEEP_ALL, *[a for a in view.alternatives if a in known and a != KEEP_ALL]),
        years=view.years,
        created=dt.datetime.now().isoformat(timespec="minutes"),
    )
    save(dialog)
    return dialog


def save(dialog: Dialog) -> None:
    data.store().save_dialog(
        _key(), dialog.id, json.dumps({**asdict(dialog), "alternatives": list(dialog.alternatives)})
    )


def load(code: str) -> Dialog | None:
    """The dialogue, with alternatives the dataset no longer has dropped; None if unknown or unreadable."""
    document = data.store().dialog(_key(), code) if valid_id(code) else None
    if document is None:
        return None
    try:
        raw = json.loads(document)
        known = data.alternatives()
        return Dialog(
            id=str(raw["id"]),
            scenario=raw["scenario"]
            if raw["scenario"] in data.dataset().scenarios
            else next(iter(data.dataset().scenarios)),
            alternatives=tuple(a for a in raw["alternatives"] if a in known),
            years=int(raw["years"]),
            open=bool(raw.get("open", True)),
            created=str(raw.get("created", "")),
        )
    except (ValueError, TypeError, KeyError):
        return None


def dialogs() -> list[Dialog]:
    """The dataset's dialogues, the latest first."""
    return [d for code, _ in data.store().dialogs(_key()) if (d := load(code)) is not None]


def submit(dialog: Dialog, weights: Mapping[str, float], preferred: str, comment: str, area: str) -> bool:
    """Keep this device's answer; False if it saved one less than MIN_SECONDS ago (nothing kept)."""
    document = answer_document(weights, preferred if preferred in dialog.alternatives else "", comment, area)
    kept_comment = json.loads(document)["comment"]
    return data.store().save_dialog_answer(
        _key(), dialog.id, workshops.participant(), document, kept_comment, MIN_SECONDS
    )


def answers(dialog: Dialog) -> list[tuple[str, Answer]]:
    """(device id, answer) of every device, oldest first — the ids only for moderating, never shown."""
    rows = data.store().dialog_answers(_key(), dialog.id)
    return [(pid, a) for pid, document, status, saved_at in rows if (a := read_answer(document, status, saved_at))]


def mine(dialog: Dialog) -> Answer | None:
    me = workshops.participant()
    return next((a for pid, a in answers(dialog) if pid == me), None)


def moderate(dialog: Dialog, device: str, status: str) -> None:
    data.store().set_dialog_status(_key(), dialog.id, device, status)


def join_link(code: str, lang: str) -> str:
    """The address residents open: this server's dialogue page with the code."""
    return workshops.join_link(code, lang, page="dialog", key="dialog")
