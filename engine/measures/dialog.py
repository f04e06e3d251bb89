"""Medborgardialog: residents' answers summed up for politicians.

A resident weighs the same criteria as the politicians' workshop
(:data:`engine.measures.ranking.CRITERIA`, 0–5 each), may name the alternative they
prefer and why, and may give their home area. Nothing else is kept: no name, no
address, no contact; the device's random id only makes an answer changeable and is
never shown or exported.

Comments are shown to no one but the administrator until approved. Approved comments
are grouped by theme: a comment belongs to every theme one of whose words starts one
of its words (case-insensitive; a theme word of three letters or fewer must be the whole
word, so "by" is a village but "byta" is not); one with no such word is "other".

Figures, for the answers A (or those from one area):

* n = |A|; mean weight of criterion c = Σ_{a ∈ A} w_a(c) / n;
* preferred count of alternative x = #{a ∈ A : a prefers x};
* the difference to a workshop = residents' mean weight − the workshop's, per criterion.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from engine.measures.ranking import CRITERIA

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
MAX_COMMENT = 2_000  # characters: a view, not a letter
NO_AREA = ""  # the resident did not say

# Themes and the starts of words that put a comment in them (Swedish and English).
THEMES: dict[str, tuple[str, ...]] = {
    "travel": (
        "skolväg",
        "skjuts",
        "buss",
        "resa",
        "resor",
        "restid",
        "väg",
        "avstånd",
        "km",
        "travel",
        "bus",
        "distance",
        "journey",
    ),
    "quality": ("kvalitet", "lärare", "klass", "undervisning", "elev", "quality", "teacher", "class", "pupil"),
    "economy": ("kostnad", "pengar", "skatt", "spar", "budget", "ekonomi", "cost", "money", "tax", "saving"),
    "community": (
        "by",
        "byn",
        "byar",
        "bygd",
        "landsbygd",
        "nära",
        "lokal",
        "samhälle",
        "village",
        "local",
        "community",
        "rural",
    ),
    "children": ("barn", "trygg", "trivsel", "kompis", "vän", "vänner", "children", "child", "safe", "friend"),
}
OTHER = "other"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, kw_only=True)
class Answer:
    """One device's latest answer."""

    weights: Mapping[str, float]  # criterion → 0–5
    preferred: str  # an alternative id, or "" for none
    comment: str
    area: str  # an area id, or NO_AREA
    status: str  # of the comment: pending, approved or rejected
    saved_at: dt.datetime


def answer_document(weights: Mapping[str, float], preferred: str, comment: str, area: str) -> str:
    """The JSON document the store keeps: only what the resident chose to give."""
    return json.dumps(
        {
            "weights": {c: float(min(5.0, max(0.0, float(weights.get(c, 0))))) for c in CRITERIA},
            "preferred": preferred,
            "comment": comment.strip()[:MAX_COMMENT],
            "area": area,
        },
        ensure_ascii=False,
    )


def read_answer(document: str, status: str, saved_at: dt.datetime) -> Answer | None:
    """An answer from the store; None for a document this version cannot read."""
    try:
        raw = json.loads(document)
        weights = {c: float(raw["weights"].get(c, 0)) for c in CRITERIA}
        return Answer(
            weights=weights,
            preferred=str(raw.get("preferred", "")),
            comment=str(raw.get("comment", "")),
            area=str(raw.get("area", NO_AREA)),
            status=status if status in (PENDING, APPROVED, REJECTED) else PENDING,
            saved_at=saved_at,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def themes_of(comment: str) -> tuple[str, ...]:
    """The themes a comment speaks of, in :data:`THEMES`' order; ("other",) when none."""
    words = [w.lower() for w in _WORD.findall(comment)]

    def speaks_of(start: str) -> bool:
        return any(w == start if len(start) <= 3 else w.startswith(start) for w in words)

    found = tuple(theme for theme, starts in THEMES.items() if any(speaks_of(s) for s in starts))
    return found or (OTHER,)


@dataclass(frozen=True, kw_only=True)
class DialogSummary:
    """What politicians see of a dialogue."""

    answers: int
    weights: pd.DataFrame  # one row per criterion: criterion, residents (mean), workshop (mean or NaN), difference
    by_area: pd.DataFrame  # one row per area given (NO_AREA last): area_id, answers, one column per criterion (mean)
    areas: int  # areas that answered (NO_AREA not counted)
    preferred: dict[str, int]  # alternative id → count, in the order asked
    comments: dict[str, tuple[str, ...]]  # theme → approved comments, newest first
    pending: int  # comments waiting for the administrator


def summarise(
    answers: Sequence[Answer], alternatives: Sequence[str], workshop: Mapping[str, float] | None = None
) -> DialogSummary:
    """The answers in total, by area, against a workshop's mean weights, and approved comments by theme."""
    n = len(answers)
    criteria = list(CRITERIA)
    table = pd.DataFrame([{**a.weights, "area_id": a.area} for a in answers], columns=[*criteria, "area_id"])
    means = table[criteria].mean() if n else pd.Series(0.0, index=criteria)
    weights = pd.DataFrame({"criterion": criteria, "residents": [float(means[c]) for c in criteria]})
    weights["workshop"] = [float(workshop[c]) if workshop and c in workshop else float("nan") for c in criteria]
    weights["difference"] = weights["residents"] - weights["workshop"]
    by_area = table.groupby("area_id", sort=True)[criteria].mean().reset_index()
    by_area.insert(1, "answers", table.groupby("area_id", sort=True).size().to_numpy())
    by_area = pd.concat([by_area[by_area["area_id"] != NO_AREA], by_area[by_area["area_id"] == NO_AREA]])
    preferred = {alt: sum(1 for a in answers if a.preferred == alt) for alt in alternatives}
    comments: dict[str, list[str]] = {}
    for a in sorted(answers, key=lambda a: a.saved_at, reverse=True):
        if a.status == APPROVED and a.comment:
            for theme in themes_of(a.comment):
                comments.setdefault(theme, []).append(a.comment)
    return DialogSummary(
        answers=n,
        weights=weights,
        by_area=by_area.reset_index(drop=True),
        areas=int((by_area["area_id"] != NO_AREA).sum()),
        preferred=preferred,
        comments={k: tuple(v) for k, v in comments.items()},
        pending=sum(1 for a in answers if a.status == PENDING and a.comment),
    )
