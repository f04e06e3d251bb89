"""The decision track's documents: what officials write beside the model's facts.

A child impact assessment (barnkonsekvensanalys) has six steps; the model fills the
first two (engine.measures.child_impact) and officials write the other four, kept in the
store per dataset and alternative so that they survive restarts and reach the memo.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import asdict, dataclass, fields, replace

from engine.core.types import KEEP_ALL
from engine.measures.child_impact import ChildImpact, child_impact
from ui import data
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
