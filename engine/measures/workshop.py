"""A live workshop's pure logic: the stored documents, a participant's input, the room's sums.

A workshop fixes what everyone ranks (scenario, changed scenario assumptions, parameter
overrides, horizon, alternatives) in one JSON document; each participant's input (weights
0–5 per criterion of :mod:`engine.measures.ranking`, the alternative they prefer, a comment)
is another. Where the documents are kept (the store) and who the participant is (a cookie)
is the dashboard's business (``ui/workshop.py``); what they mean, and what the room's input
adds up to, is here:

    R                the responses (each participant's latest input)
    weighted         V = {r : Σ_c w_{r,c} > 0}          (responses that weight anything)
    mean weight      w̄_c = Σ_{r ∈ V} w_{r,c} / |V|      (0 for every c when V is empty)
    firsts(a)        #{r ∈ V : a comes first under w_r} (:func:`ranking.first_choices`)
    same first       max over the room's leaders a of firsts(a), out of |V|
    preferred(a)     #{r : r named a};  no preference = #{r : r named none}
    bar of a count   n / R ∈ [0, 1]   (every preference bar on one scale: the whole room)

**A blank response** (every weight 0: the sliders start at 0, so it is someone who only
sent a preference or a comment) weights nothing, and is treated so in every figure: it
counts among the responses, its preference and comment count, and it is left out of
everything about weights — the mean weights (so it does not pull them towards 0), the
ranking under them, firsts and same first, and the export's "first" column, which says
that it weighted nothing. The same mean reaches the transition strategy, the council
paper and the residents' dialogue.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, field

import pandas as pd

from engine.core.types import KEEP_ALL
from engine.measures import ranking

MAX_COMMENT = 280  # characters: a comment is read aloud from the projector, not an essay
MAX_WEIGHT = ranking.WEIGHT_LEVELS[-1]


@dataclass(frozen=True, kw_only=True)
class Workshop:
    """What the room ranks, fixed when the facilitator starts the workshop."""

    id: str
    scenario: str
    alternatives: tuple[str, ...]  # keep-all first
    overrides: Mapping[str, float] = field(default_factory=dict)
    scenario_changes: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    years: int
    open: bool = True
    pin: str  # lets the facilitator lead from another device; shown only in the leader's panel
    created: str


def new_workshop(
    code: str,
    scenario: str,
    alternatives: Sequence[str],
    overrides: Mapping[str, float],
    scenario_changes: Mapping[str, Mapping[str, float]],
    years: int,
    *,
    pin: str,
    created: str,
) -> Workshop:
    """An open workshop on keep-all and ``alternatives`` (keep-all is put first, once)."""
    return Workshop(
        id=code,
        scenario=scenario,
        alternatives=(KEEP_ALL, *[a for a in alternatives if a != KEEP_ALL]),
        overrides=dict(overrides),
        scenario_changes={k: dict(v) for k, v in scenario_changes.items()},
        years=years,
        pin=pin,
        created=created,
    )


def workshop_document(workshop: Workshop) -> str:
    """The workshop as the JSON document the store keeps."""
    return json.dumps({**asdict(workshop), "alternatives": list(workshop.alternatives)})


def read_workshop(
    document: str, scenarios: Sequence[str], parameters: Collection[str], scenario_fields: Collection[str]
) -> Workshop | None:
    """The workshop of a stored document, with anything the dataset no longer has dropped.

    A scenario the dataset lacks falls back to its first (``scenarios``); overrides of
    unknown parameters and changes of unknown scenarios or fields are left out. None when
    the document cannot be read (made by another version, or damaged).
    """
    try:
        raw = json.loads(document)
        changes = {
            sid: {f: float(v) for f, v in fields.items() if f in scenario_fields}
            for sid, fields in raw.get("scenario_changes", {}).items()
            if sid in scenarios
        }
        return Workshop(
            id=str(raw["id"]),
            scenario=raw["scenario"] if raw["scenario"] in scenarios else scenarios[0],
            alternatives=tuple(str(a) for a in raw["alternatives"]),
            overrides={k: float(v) for k, v in raw.get("overrides", {}).items() if k in parameters},
            scenario_changes=changes,
            years=int(raw["years"]),
            open=bool(raw["open"]),
            pin=str(raw["pin"]),
            created=str(raw.get("created", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


@dataclass(frozen=True)
class Response:
    """One participant's latest input."""

    participant: str
    weights: dict[str, float]
    preferred: str  # an alternative id, or "" for no preference
    comment: str
    saved_at: dt.datetime


def response_document(weights: Mapping[str, float], preferred: str, comment: str) -> str:
    """A participant's input as the JSON document the store keeps (every criterion, the comment cut short)."""
    return json.dumps(
        {
            "weights": {c: float(weights.get(c, 0)) for c in ranking.CRITERIA},
            "preferred": preferred,
            "comment": comment.strip()[:MAX_COMMENT],
        }
    )


def read_response(participant: str, document: str, saved_at: dt.datetime) -> Response | None:
    """The input of a stored document; None when it cannot be read or a weight lies outside 0–5."""
    try:
        raw = json.loads(document)
        weights = {c: float(raw["weights"].get(c, 0)) for c in ranking.CRITERIA}
        if any(not 0 <= w <= MAX_WEIGHT for w in weights.values()):
            return None
        return Response(participant, weights, str(raw.get("preferred", "")), str(raw.get("comment", "")), saved_at)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def is_blank(response: Response) -> bool:
    """Every weight 0: a response that weights nothing (see the module docstring)."""
    return not any(w > 0 for w in response.weights.values())


def weighted_responses(found: Sequence[Response]) -> list[Response]:
    """The responses that weight something (V in the module docstring), in their order."""
    return [r for r in found if not is_blank(r)]


def mean_weights(found: Sequence[Response]) -> dict[str, float]:
    """The room's weights: each criterion's mean over the weighted responses (0 with none); blanks left out."""
    weighted = weighted_responses(found)
    if not weighted:
        return dict.fromkeys(ranking.CRITERIA, 0.0)
    return {c: sum(r.weights[c] for r in weighted) / len(weighted) for c in ranking.CRITERIA}


def preferred_tally(found: Sequence[Response], alternatives: Sequence[str]) -> dict[str, int]:
    """How many named each compared alternative as the one they prefer."""
    return {a: sum(r.preferred == a for r in found) for a in alternatives}


@dataclass(frozen=True)
class Room:
    """What the room's input adds up to (see the module docstring)."""

    responses: int
    weights: dict[str, float]  # the mean weights
    ranked: pd.DataFrame  # ranking.scores under the mean weights
    firsts: pd.Series  # per alternative: how many responses' own weights put it first
    weighted: int  # responses with some weight above 0 (|V|)
    blank: int  # responses that weight nothing (R − |V|)
    leaders: tuple[str, ...]  # first under the mean weights
    same_first: int  # responses whose own weights put the (a) leader first
    preferred: dict[str, int]  # per compared alternative: how many prefer it
    no_preference: int
    preferred_bar: dict[str, float]  # preferred(a) / R: the bars' lengths, 0 with no responses
    no_preference_bar: float  # no preference / R


def room(q: pd.DataFrame, found: Sequence[Response], alternatives: Sequence[str]) -> Room:
    """The room's sums for the quality table ``q`` (:func:`ranking.quality`) and the responses."""
    weighted = weighted_responses(found)
    weights = mean_weights(found)
    firsts = ranking.first_choices(q, [r.weights for r in weighted])
    leaders = ranking.leaders(q, weights)
    preferred = preferred_tally(found, alternatives)
    no_preference = sum(not r.preferred for r in found)
    scale = max(len(found), 1)  # one scale for every bar: a bar is the share of the whole room
    return Room(
        responses=len(found),
        weights=weights,
        ranked=ranking.scores(q, weights),
        firsts=firsts,
        weighted=len(weighted),
        blank=len(found) - len(weighted),
        leaders=leaders,
        same_first=max((int(firsts[a]) for a in leaders), default=0),
        preferred=preferred,
        no_preference=no_preference,
        preferred_bar={a: n / scale for a, n in preferred.items()},
        no_preference_bar=no_preference / scale,
    )
