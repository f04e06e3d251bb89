"""The decision track's documents: what officials write beside the model's facts.

A child impact assessment (barnkonsekvensanalys) has six steps; the model fills the
first two (engine.measures.child_impact) and officials write the other four, kept in the
store per dataset and alternative so that they survive restarts and reach the memo.

The transition strategy (omställningsstrategi) is one document per dataset: principles,
criteria with weights (a workshop's when one was held), the chosen alternative's timeline
(engine.measures.transition) and a communication plan; it downloads as a Word document.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict, dataclass, fields, replace

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.child_impact import ChildImpact, child_impact
from engine.measures.transition import Milestone
from engine.measures.workshop import mean_weights, weighted_responses
from ui import data
from ui import workshop as workshops
from ui.documents import Block, to_docx
from ui.i18n import t
from ui.state import ViewState

CHILD_IMPACT = "child_impact"
MAX_TEXT = 20_000  # characters per field: pages of text, not a file


@dataclass(frozen=True, kw_only=True)
class ChildImpactNotes:
    """The assessment's own texts for one alternative (steps 3–6 of Barnombudsmannen's guidance)."""

    views: str = ""  # the children's own views: how they were heard, what they said
    assessment: str = ""  # the assessment of the child's best interest
    measures: str = ""  # how negative consequences are met
    follow_up: str = ""  # how and when the decision's effect on children is followed up
    saved_at: datetime.datetime | None = None


NOTE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ChildImpactNotes) if f.name != "saved_at")


def notes(alternative_id: str) -> ChildImpactNotes:
    """The saved texts of ``alternative_id``'s assessment; empty ones if none are saved."""
    found = data.store().document(data.dataset().code, CHILD_IMPACT, alternative_id)
    if found is None:
        return ChildImpactNotes()
    document, saved_at = found
    stored = json.loads(document)
    return ChildImpactNotes(**{k: str(stored.get(k, "")) for k in NOTE_FIELDS}, saved_at=saved_at)


def save_notes(alternative_id: str, texts: ChildImpactNotes) -> None:
    """Keep the texts (each cut to MAX_TEXT characters) for everyone who opens this alternative."""
    kept = {k: str(v)[:MAX_TEXT] for k, v in asdict(replace(texts, saved_at=None)).items() if k in NOTE_FIELDS}
    data.store().save_document(data.dataset().code, CHILD_IMPACT, alternative_id, json.dumps(kept, ensure_ascii=False))


def impact(view: ViewState, alternative_id: str) -> ChildImpact:
    """The model's facts for the alternative against keep-all in the view's scenario, memoised with the results."""
    ds = data.dataset()
    key = (
        "child_impact",
        data.scenario(view),
        data.alternatives(ds)[alternative_id],
        tuple(sorted(view.overrides.items())),
        view.years,
    )
    return ds.cache.get_or_compute(
        key, lambda: child_impact(data.result(view, alternative_id), data.result(view, KEEP_ALL), ds)
    )


# --- the transition strategy (omställningsstrategi): one document per dataset ---------------

STRATEGY = "strategy"
STRATEGY_ID = "current"
PLAN_COLUMNS: tuple[str, ...] = ("audience", "message", "channel", "when", "who")
MAX_ROWS = 100  # principles or rows of the communication plan


@dataclass(frozen=True, kw_only=True)
class Strategy:
    """The municipality's transition strategy as it edits it in Vägval."""

    alternative: str = ""  # the chosen alternative's id
    principles: tuple[str, ...] = ()
    weights: dict[str, float] | None = None  # criterion → 0–5; None: not set (a workshop's or the defaults)
    plan: tuple[dict[str, str], ...] = ()  # the communication plan: PLAN_COLUMNS per row
    saved_at: datetime.datetime | None = None


def strategy() -> Strategy:
    """The saved strategy of the dataset in use, or an empty one."""
    found = data.store().document(data.dataset().code, STRATEGY, STRATEGY_ID)
    if found is None:
        return Strategy()
    document, saved_at = found
    stored = json.loads(document)
    weights = stored.get("weights")
    return Strategy(
        alternative=str(stored.get("alternative", "")),
        principles=tuple(str(p) for p in stored.get("principles", [])),
        weights={str(k): float(v) for k, v in weights.items()} if isinstance(weights, dict) else None,
        plan=tuple({c: str(row.get(c, "")) for c in PLAN_COLUMNS} for row in stored.get("plan", [])),
        saved_at=saved_at,
    )


def save_strategy(chosen: Strategy) -> None:
    """Keep the strategy for everyone: empty principles and plan rows dropped, texts cut to MAX_TEXT."""
    principles = [p.strip()[:MAX_TEXT] for p in chosen.principles if p.strip()][:MAX_ROWS]
    plan = [
        {c: str(row.get(c, "")).strip()[:MAX_TEXT] for c in PLAN_COLUMNS}
        for row in chosen.plan
        if any(str(row.get(c, "")).strip() for c in PLAN_COLUMNS)
    ][:MAX_ROWS]
    document = {"alternative": chosen.alternative, "principles": principles, "weights": chosen.weights, "plan": plan}
    data.store().save_document(data.dataset().code, STRATEGY, STRATEGY_ID, json.dumps(document, ensure_ascii=False))


SUGGESTED_PRINCIPLES: tuple[str, ...] = tuple(f"strategy.principle.{i}" for i in range(1, 6))
SUGGESTED_PLAN: tuple[str, ...] = tuple(f"strategy.plan.{g}" for g in ("staff", "guardians", "pupils", "residents"))


def suggested_principles() -> tuple[str, ...]:
    """The method's examples, in the session's language: what the list shows until one is saved."""
    return tuple(t(key) for key in SUGGESTED_PRINCIPLES)


def suggested_plan() -> tuple[dict[str, str], ...]:
    """Suggested rows of the communication plan, in the session's language."""
    return tuple(dict(zip(PLAN_COLUMNS, t(key).split("|"), strict=True)) for key in SUGGESTED_PLAN)


def workshop_weights() -> tuple[str, int, dict[str, float]] | None:
    """(code, weighted responses, mean weights) of the latest workshop where someone weighted anything,
    or None; blank responses are left out of both (engine.measures.workshop)."""
    for code, _ in workshops.workshops():
        found = workshops.load(code)
        answers = weighted_responses(workshops.responses(found)) if found else []
        if answers:
            return code, len(answers), mean_weights(answers)
    return None


def milestone_text(step: Milestone, names: dict[str, str]) -> str:
    """A step of the timeline in words (plain text: units' names as they are)."""
    if step.action is None:
        return t(f"strategy.step.{step.kind}", year=step.for_year)
    a = step.action
    unit = a.new_unit.name if a.action == "build" and a.new_unit else names.get(a.unit, a.unit)
    to = a.new_unit.name if a.action == "convert" and a.new_unit else names.get(a.to or "", a.to or "")
    capacity = fmt.number(a.capacity) if a.capacity is not None else "–"
    return t(f"strategy.action.{a.action}", unit=unit, to=to, capacity=capacity)


def strategy_docx(
    chosen: Strategy, framing: str, steps: list[tuple[int, str]], criteria: list[tuple[str, float]], title: str
) -> bytes:
    """The strategy as a Word document the officials edit further: every text goes in as plain text."""
    blocks = [
        Block(kind="heading", level=0, text=title),
        Block(kind="paragraph", text=framing.replace("**", "")),
        Block(kind="heading", text=t("strategy.principles")),
        Block(kind="bullets", items=chosen.principles),
        Block(kind="heading", text=t("strategy.criteria")),
        Block(
            kind="table", header=(t("strategy.criteria"), "0–5"), rows=tuple((n, fmt.number(w)) for n, w in criteria)
        ),
        Block(kind="heading", text=t("strategy.timeline")),
        Block(
            kind="table",
            header=(t("strategy.col.year"), t("strategy.col.step")),
            rows=tuple((str(y), s) for y, s in steps),
        ),
        Block(kind="heading", text=t("strategy.plan")),
        Block(
            kind="table",
            header=tuple(t(f"strategy.col.{c}") for c in PLAN_COLUMNS),
            rows=tuple(tuple(row.get(c, "") for c in PLAN_COLUMNS) for row in chosen.plan),
        ),
    ]
    return to_docx(blocks)


# --- the legal checklist of the council paper: one per dataset --------------------------------

LEGAL = "legal"
LEGAL_ITEMS: tuple[str, ...] = ("placement", "transport", "equal", "best_interest", "heard", "mbl")


@dataclass(frozen=True, kw_only=True)
class LegalItem:
    done: bool = False
    comment: str = ""


def legal_checklist() -> dict[str, LegalItem]:
    """Each requirement's state as the officials left it (unticked and empty if never saved)."""
    found = data.store().document(data.dataset().code, LEGAL, STRATEGY_ID)
    stored = json.loads(found[0]) if found else {}
    return {
        item: LegalItem(
            done=bool(stored.get(item, {}).get("done")), comment=str(stored.get(item, {}).get("comment", ""))
        )
        for item in LEGAL_ITEMS
    }


def save_legal_checklist(items: dict[str, LegalItem]) -> None:
    document = {
        k: {"done": v.done, "comment": v.comment.strip()[:MAX_TEXT]} for k, v in items.items() if k in LEGAL_ITEMS
    }
    data.store().save_document(data.dataset().code, LEGAL, STRATEGY_ID, json.dumps(document, ensure_ascii=False))
