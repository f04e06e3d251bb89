"""Omställningsstrategi: the chosen alternative's timeline, year by year.

An alternative's actions take effect at the start of their year, as in the model. Around
each year *Y* in which the alternative acts, a transition needs the same steps, in this
order (the method: decide in time, consult first, speak with one voice, follow up):

* consultation (samråd) in Y − 1: pupils, guardians and staff are heard before the decision;
* decision (beslut) in Y − 1: the council decides, in time for the school year's planning;
* communication (kommunikation) in Y − 1: staff and guardians are told, in one voice,
  right after the decision;
* the actions of year Y (close, merge, new capacity, build, convert);
* follow-up (uppföljning) in Y + 1, within the horizon: what the change did to children,
  staff and costs.

A step that would fall before the base year is set in the base year: nothing can be
decided earlier than now.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.core.types import Action, Alternative
from engine.model.evaluate import Result

STEPS_BEFORE: tuple[str, ...] = ("consultation", "decision", "communication")
KIND_ORDER: dict[str, int] = {"consultation": 0, "decision": 1, "communication": 2, "action": 3, "follow_up": 4}


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """One step of the transition: its year, its kind, and for an action the action itself."""

    year: int
    kind: str  # consultation, decision, communication, action, follow_up
    action: Action | None = None
    for_year: int  # the year whose actions this step prepares or follows up


def timeline(alternative: Alternative, base_year: int, last_year: int) -> tuple[Milestone, ...]:
    """The transition's steps for ``alternative`` between ``base_year`` and ``last_year``, in order."""
    steps: list[Milestone] = []
    for year in sorted({a.year for a in alternative.actions}):
        before = max(year - 1, base_year)
        steps += [Milestone(year=before, kind=kind, for_year=year) for kind in STEPS_BEFORE]
        steps += [
            Milestone(year=year, kind="action", action=a, for_year=year) for a in alternative.actions if a.year == year
        ]
        if year + 1 <= last_year:
            steps.append(Milestone(year=year + 1, kind="follow_up", for_year=year))
    return tuple(sorted(steps, key=lambda m: (m.year, m.for_year, KIND_ORDER[m.kind])))


@dataclass(frozen=True, kw_only=True)
class Outlook:
    """What the strategy's opening says: the pupils' change, and the chosen alternative against keep-all in the last year."""

    first_year: int
    last_year: int
    pupils_first: float
    pupils_last: float
    mean_class_size: float
    mean_class_size_base: float
    combined_grade_share: float
    combined_grade_share_base: float
    cost_diff_sek: float  # running cost in the last year − keep-all's (negative: the alternative costs less)


def outlook(result: Result, baseline: Result) -> Outlook:
    """The chosen alternative (``result``) against keep-all (``baseline``, same scenario) for the strategy's text."""
    y, b = result.years, baseline.years
    return Outlook(
        first_year=int(y["year"].iloc[0]),
        last_year=int(y["year"].iloc[-1]),
        pupils_first=float(y["pupils"].iloc[0]),
        pupils_last=float(y["pupils"].iloc[-1]),
        mean_class_size=float(y["mean_class_size"].iloc[-1]),
        mean_class_size_base=float(b["mean_class_size"].iloc[-1]),
        combined_grade_share=float(y["combined_grade_share"].iloc[-1]),
        combined_grade_share_base=float(b["combined_grade_share"].iloc[-1]),
        cost_diff_sek=float(y["cost_sek"].iloc[-1] - b["cost_sek"].iloc[-1]),
    )
