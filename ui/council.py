"""The council paper (tjänsteskrivelse): every part a decision needs, as Word and as PDF.

The paper is built once as a list of plain-text blocks (ui.documents) — headings,
paragraphs, bullet lists and tables — from the engine's measures and the officials' saved
documents (ui.decision, ui.dialog); ui.documents lays them out as Word, PDF or on the page.
"""

from __future__ import annotations

import datetime as dt

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures import ranking
from engine.measures.compare import key_figures
from engine.measures.council import consequences, scenario_outlooks
from engine.measures.dialog import OTHER, THEMES, summarise
from engine.measures.transition import timeline
from ui import data, decision, memo, safe
from ui import dialog as dialogs
from ui.documents import Block
from ui.i18n import t
from ui.state import ViewState


def _weights_text(weights: dict[str, float]) -> str:
    return ", ".join(f"{t(f'ws.crit.{c}')} {fmt.number(weights.get(c, 0.0), 1)}" for c in ranking.CRITERIA)


def paper(view: ViewState, proposed: str) -> list[Block]:
    """The whole paper for ``proposed`` against keep-all in the view's scenario, with the view's alternatives beside it."""
    ds = data.dataset()
    known = data.alternatives()
    names = {a: safe.text(known[a].name) for a in known}
    unit_names = dict(zip(ds.units["unit_id"], ds.units["name"], strict=True))
    area_names = dict(zip(ds.areas["area_id"], ds.areas["name"], strict=True))
    compared = [KEEP_ALL, *dict.fromkeys([proposed, *(a for a in view.alternatives if a in known and a != KEEP_ALL)])]
    results = {a: data.result(view, a) for a in compared}
    first, last = int(results[KEEP_ALL].years["year"].iloc[0]), int(results[KEEP_ALL].years["year"].iloc[-1])
    scenario = data.scenario(view)
    blocks = [
        Block(kind="heading", level=0, text=t("council.heading", alternative=names[proposed])),
        Block(
            kind="paragraph",
            text=t(
                "council.meta",
                municipality=safe.text(ds.name),
                scenario=safe.text(scenario.name),
                first=first,
                last=last,
                date=dt.date.today().isoformat(),
            ),
        ),
    ]
    facts = decision.impact(view, proposed)
    moved_year = facts.first_year_moved()
    follow_year = min(last, (moved_year or first) + 1)
    blocks += [
        Block(kind="heading", text=t("council.proposal")),
        Block(
            kind="bullets",
            items=(
                t("council.proposal.do", alternative=names[proposed]),
                t("council.proposal.plan"),
                t("council.proposal.follow", year=follow_year),
            ),
        ),
    ]
    blocks += _background(view, first, last)
    figures = key_figures(results)
    rows = tuple((t(f"measure.{m}"), *(show(figures.at[m, a]) for a in compared)) for m, show in memo.MEASURES.items())
    blocks += [
        Block(kind="heading", text=t("council.alternatives", year=last)),
        Block(kind="table", header=(t("measure.measure"), *(names[a] for a in compared)), rows=rows),
    ]
    blocks.append(Block(kind="heading", text=t("council.consequences")))
    for alt in compared[1:]:  # the proposal first, then the other alternatives compared
        blocks += _consequences(view, alt, names[alt], unit_names, area_names, first, last)
    blocks += _legal()
    blocks += _child(proposed, facts, moved_year)
    blocks += _dialogue(area_names)
    blocks += _strategy(view, proposed, unit_names, first, last)
    blocks += _analysis(view, compared, names)
    return blocks


def _background(view: ViewState, first: int, last: int) -> list[Block]:
    ds = data.dataset()
    keep = {sid: data.result(view, KEEP_ALL, sid) for sid in ds.scenarios}
    rows = tuple(
        (
            safe.text(ds.scenarios[o.scenario_id].name),
            f"{fmt.number(o.pupils_first)} → {fmt.number(o.pupils_last)}",
            f"{fmt.number(o.population_first)} → {fmt.number(o.population_last)}",
        )
        for o in scenario_outlooks(keep)
    )
    header = (
        t("council.col.scenario"),
        t("council.col.pupils", first=first, last=last),
        t("council.col.population", first=first, last=last),
    )
    return [
        Block(kind="heading", text=t("council.background")),
        Block(kind="paragraph", text=t("council.background.text")),
        Block(kind="table", header=header, rows=rows),
    ]


def _consequences(view, proposed, name, unit_names, area_names, first, last) -> list[Block]:
    """One alternative's consequences against keep-all, under its own sub-heading."""
    ds = data.dataset()
    facts = decision.impact(view, proposed)
    pairs = {sid: (data.result(view, proposed, sid), data.result(view, KEEP_ALL, sid)) for sid in ds.scenarios}
    found = consequences(data.result(view, proposed), data.result(view, KEEP_ALL), pairs)

    def direction(value: float, *, counted: bool = False) -> str:
        """'mer'/'mindre' for an amount, 'fler'/'färre' for something counted."""
        if counted:
            return t("council.more_count") if value > 0 else t("council.fewer")
        return t("council.more") if value > 0 else t("council.less")

    closed = ", ".join(safe.text(unit_names.get(u, u)) for u in found.closed_schools)
    items = [
        t("council.cons.closed", schools=closed) if closed else t("council.cons.closed.none"),
        t("council.cons.premises", amount=fmt.mnkr(found.vacated_premises_sek), first=first, last=last),
        t(
            "council.cons.transport",
            amount=fmt.kr(abs(found.transport_diff_sek)),
            direction=direction(found.transport_diff_sek),
            year=last,
        ),
        t(
            "council.cons.staff",
            amount=fmt.number(abs(found.teachers_diff_fte), 1),
            direction=direction(found.teachers_diff_fte, counted=True),
            year=last,
        ),
        t("council.cons.meals"),
        t(
            "council.cons.total",
            amount=fmt.mnkr(abs(found.total_diff_sek)),
            direction=direction(found.total_diff_sek),
            first=first,
            last=last,
        ),
        t("council.cons.risk", k=found.scenarios_saving, count=found.scenarios),
    ]
    blocks = [Block(kind="heading", level=2, text=name), Block(kind="bullets", items=tuple(items))]
    year = facts.first_year_moved() or last
    areas = facts.areas_in(year)
    if not areas.empty:
        blocks += [
            Block(kind="paragraph", text=t("council.cons.areas", year=year)),
            Block(
                kind="table",
                header=(
                    t("child.col.area"),
                    t("child.col.band"),
                    t("child.col.moved"),
                    t("child.col.km_base"),
                    t("child.col.km_alt"),
                ),
                rows=tuple(
                    (
                        safe.text(area_names.get(r.area_id, r.area_id)),
                        str(r.band),
                        fmt.number(r.moved),
                        fmt.km(r.km_base),
                        fmt.km(r.km_alt),
                    )
                    for r in areas.itertuples()
                ),
            ),
        ]
    return blocks


def _legal() -> list[Block]:
    state = decision.legal_checklist()
    rows = tuple(
        (
            t(f"council.legal.{item}"),
            t("council.legal.yes") if state[item].done else t("council.legal.no"),
            state[item].comment,
        )
        for item in decision.LEGAL_ITEMS
    )
    header = (t("council.legal.col.item"), t("council.legal.col.done"), t("council.legal.col.comment"))
    return [Block(kind="heading", text=t("council.legal")), Block(kind="table", header=header, rows=rows)]


def _child(proposed: str, facts, moved_year: int | None) -> list[Block]:
    blocks = [Block(kind="heading", text=t("council.child"))]
    if moved_year is None:
        blocks.append(Block(kind="paragraph", text=t("council.child.nobody")))
    else:
        year = facts.in_year(moved_year)
        blocks.append(
            Block(
                kind="paragraph",
                text=t(
                    "council.child.facts",
                    year=moved_year,
                    moved=fmt.number(year.moved),
                    longer=fmt.number(year.longer),
                    km=fmt.km(year.extra_km_per_moved),
                    newly=fmt.number(year.newly_over),
                ),
            )
        )
    notes = decision.notes(proposed)
    for field, step in zip(
        decision.NOTE_FIELDS, ("child.step3", "child.step4", "child.step5", "child.step6"), strict=True
    ):
        blocks += [
            Block(kind="heading", level=2, text=t(step)),
            Block(kind="paragraph", text=getattr(notes, field) or t("council.child.empty")),
        ]
    return blocks


def _dialogue(area_names: dict[str, str]) -> list[Block]:
    blocks = [Block(kind="heading", text=t("council.dialogue"))]
    held = decision.workshop_weights()
    if held:
        code, count, weights = held
        blocks.append(
            Block(
                kind="paragraph",
                text=t("council.dialogue.workshop", code=code, count=count, weights=_weights_text(weights)),
            )
        )
    else:
        blocks.append(Block(kind="paragraph", text=t("council.dialogue.no_workshop")))
    asked = dialogs.dialogs()
    if not asked:
        blocks.append(Block(kind="paragraph", text=t("council.dialogue.no_citizens")))
        return blocks
    latest = asked[0]
    summary = summarise([a for _, a in dialogs.answers(latest)], latest.alternatives, held[2] if held else None)
    residents = dict(zip(summary.weights["criterion"], summary.weights["residents"], strict=True))
    blocks.append(
        Block(
            kind="paragraph",
            text=t(
                "council.dialogue.citizens",
                code=latest.id,
                count=summary.answers,
                areas=fmt.number(summary.areas),
                weights=_weights_text(residents),
            ),
        )
    )
    said = [
        f"{t(f'dialog.theme.{theme}')}: {comment}"
        for theme in [*THEMES, OTHER]
        for comment in summary.comments.get(theme, ())
    ]
    if said:
        blocks += [
            Block(kind="paragraph", text=t("council.dialogue.comments")),
            Block(kind="bullets", items=tuple(safe.text(s) for s in said)),
        ]
    return blocks


def _strategy(view: ViewState, proposed: str, unit_names: dict[str, str], first: int, last: int) -> list[Block]:
    chosen = decision.strategy()
    blocks = [Block(kind="heading", text=t("council.strategy"))]
    if chosen.saved_at is None:
        return [*blocks, Block(kind="paragraph", text=t("council.strategy.none"))]
    alternative = data.alternatives().get(chosen.alternative or proposed) or data.alternatives()[proposed]
    steps = tuple((str(m.year), decision.milestone_text(m, unit_names)) for m in timeline(alternative, first, last))
    return [
        *blocks,
        Block(kind="heading", level=2, text=t("strategy.principles")),
        Block(kind="bullets", items=chosen.principles),
        Block(kind="heading", level=2, text=t("strategy.timeline")),
        Block(kind="table", header=(t("strategy.col.year"), t("strategy.col.step")), rows=steps),
        Block(kind="heading", level=2, text=t("strategy.plan")),
        Block(
            kind="table",
            header=tuple(t(f"strategy.col.{c}") for c in decision.PLAN_COLUMNS),
            rows=tuple(tuple(row.get(c, "") for c in decision.PLAN_COLUMNS) for row in chosen.plan),
        ),
    ]


def _analysis(view: ViewState, compared: list[str], names: dict[str, str]) -> list[Block]:
    held = decision.workshop_weights()
    weights = held[2] if held else dict.fromkeys(ranking.CRITERIA, 3.0)
    measures = ranking.measures_from_results({a: data.result(view, a) for a in compared}, data.result(view, KEEP_ALL))
    ranked = ranking.rank(measures, weights)
    q = ranking.quality(measures)
    changes = ranking.leader_changes(q, weights)
    source = t("council.analysis.source.workshop") if held else t("council.analysis.source.equal")
    lines = [
        t(
            "council.analysis.change",
            criterion=t(f"ws.crit.{c.criterion}"),
            levels=fmt.number(c.levels[0])
            if len(c.levels) == 1
            else f"{fmt.number(c.levels[0])}–{fmt.number(c.levels[-1])}",
            now=fmt.number(weights.get(c.criterion, 0.0), 1),
            leaders=" / ".join(names[a] for a in c.leaders),
        )
        for c in changes
    ]
    return [
        Block(kind="heading", text=t("council.analysis")),
        Block(kind="paragraph", text=t("council.analysis.weights", weights=_weights_text(weights), source=source)),
        Block(
            kind="table",
            header=(t("measure.alternative"), t("council.analysis.col.rank"), t("council.analysis.col.score")),
            rows=tuple(
                (names[a], fmt.number(row["rank"]), fmt.number(row["score"], 2)) for a, row in ranked.iterrows()
            ),
        ),
        Block(kind="bullets", items=tuple(lines))
        if lines
        else Block(kind="paragraph", text=t("council.analysis.stable")),
    ]
