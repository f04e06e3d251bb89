"""Föreslå alternativ — the school structures worth discussing, found by the optimiser.

The politician sets the conditions in plain widgets; engine.measures.propose searches
(with a progress bar) and returns the frontier, memoised on the dataset per conditions,
scenario and parameters. The page draws the frontier as a chart beside the
municipality's own alternatives, then one card per proposal with its big numbers; "Ta
till Jämför" saves a proposal as an alternative (as Bygg alternativ does) and opens
Jämför alternativ with it selected.
"""

from dataclasses import replace

import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import resolve
from engine.dataset.drafts import alternative_id
from engine.measures.propose import (
    ENUMERATION_LIMIT,
    Constraints,
    Frontier,
    Proposal,
    against_keep_all,
    frontier_table,
    propose,
    search_space,
)
from ui import charts, data, frame, safe, session
from ui.i18n import t
from ui.widgets import MAX_COMPARED

frame.open_page()

PROPOSAL_COLOUR = "#0072B2"
REFERENCE_COLOUR = "#888888"
KEEP_ALL_COLOUR = "#000000"
KM_LIMITS = (0, 5, 10, 15, 20, 25, 30, 40, 50)  # 0: no limit
MINUTE_LIMITS = (0, 10, 15, 20, 30, 40, 45, 60)

view = session.view()
session.commit(view)
ds = data.dataset()
big = view.present
schools = ds.schools
school_name = dict(zip(schools["unit_id"], schools["name"], strict=True))
last_year = ds.base_year + view.years
params = resolve(ds.parameter_overrides, dict(view.overrides))
has_minutes = ds.distances is not None and "minutes" in ds.distances and ds.distances["minutes"].notna().any()

st.title(t("propose.title"))
st.markdown(t("propose.intro"))


def limit_label(value: int) -> str:
    return t("propose.limit.none") if value == 0 else fmt.number(value)


with st.form("propose.form", border=True):
    st.markdown(f"#### {t('propose.conditions')}")
    left, middle, right = st.columns(3) if not big else (st.container(), st.container(), st.container())
    with left:
        if has_minutes:
            limit = st.select_slider(
                t("propose.max_minutes"), MINUTE_LIMITS, value=0, format_func=limit_label,
                help=t("propose.limit.help"), key="w.propose.minutes",
            )  # fmt: skip
        else:
            limit = st.select_slider(
                t("propose.max_km"), KM_LIMITS, value=0, format_func=limit_label,
                help=t("propose.limit.help"), key="w.propose.km",
            )  # fmt: skip
        keep = st.multiselect(
            t("propose.keep"),
            list(schools["unit_id"]),
            format_func=lambda u: school_name[u],
            placeholder=t("propose.keep.placeholder"),
            key="w.propose.keep",
        )
    with middle:
        closures = st.slider(t("propose.max_closures"), 1, max(1, min(6, len(schools) - 1)), 3, key="w.propose.k")
        cap = st.slider(
            t("propose.class_cap"), 10, 35, int(params.max_class_size), help=t("propose.class_cap.help"),
            key="w.propose.cap",
        )  # fmt: skip
    with right:
        earliest = st.select_slider(
            t("propose.earliest"),
            list(range(ds.base_year + 1, last_year + 1)),
            value=min(ds.base_year + 2, last_year),
            key="w.propose.earliest",
        )
        within = st.toggle(t("propose.capacity"), True, help=t("propose.capacity.help"), key="w.propose.capacity")
    asked = st.form_submit_button(t("propose.run"), type="primary", icon=":material/auto_awesome:")

constraints = Constraints(
    max_km=float(limit) if limit and not has_minutes else None,
    max_minutes=float(limit) if limit and has_minutes else None,
    keep=frozenset(keep),
    max_closures=closures,
    max_class_size=cap if cap != params.max_class_size else None,
    within_capacity=within,
    earliest_year=earliest,
)
scenario = data.scenario(view)
key = ("propose", scenario, constraints, tuple(sorted(view.overrides.items())), view.years)
# A small municipality's frontier takes seconds: it is shown at once. A large one waits for the button.
small = search_space(ds, constraints) <= ENUMERATION_LIMIT
frontier: Frontier | None = None
if key in ds.cache:  # a Memo, not a dict: no .get
    frontier = ds.cache[key]
if frontier is None and (asked or small):
    bar = st.progress(0.0, text=t("propose.running"))
    frontier = ds.cache.get_or_compute(
        key,
        lambda: propose(
            ds,
            scenario,
            constraints,
            dict(view.overrides),
            years=view.years,
            progress=lambda share, _: bar.progress(min(share, 1.0), text=t("propose.running")),
        ),
    )
    bar.empty()


def take(proposal: Proposal) -> None:
    """Save the proposal as an alternative, select it on Jämför and go there."""
    alternatives = data.alternatives()
    saved = next((a for a in alternatives.values() if a.actions == proposal.alternative.actions), None)
    if saved is None:  # not taken before
        closures = ", ".join(f"{c.name} ({c.year})" for c in proposal.closures)
        saved = replace(
            proposal.alternative,
            id=alternative_id(proposal.alternative.name, alternatives),
            description=t("propose.description", scenario=scenario.name, closures=closures),
        )
        data.save_alternative(saved)
    chosen = [a for a in view.alternatives if a != saved.id][: MAX_COMPARED - 1]
    session.commit(view.with_(alternatives=(*chosen, saved.id)))
    st.switch_page("pages/jamfor.py")


def chart(frontier: Frontier) -> None:
    table = frontier_table(frontier)
    names = {p.alternative.id: t("propose.card", n=n) for n, p in enumerate(frontier.proposals, 1)}
    names |= {r.alternative_id: r.name for r in frontier.references}
    names["keep-all"] = t("propose.chart.keep_all")
    traces = []
    # The proposals last, drawn on top: one may coincide with an own alternative.
    for kind, colour, symbol, legend in (
        ("keep-all", KEEP_ALL_COLOUR, "square", t("propose.chart.keep_all")),
        ("reference", REFERENCE_COLOUR, "diamond-open", t("propose.chart.references")),
        ("proposal", PROPOSAL_COLOUR, "circle", t("propose.chart.proposals")),
    ):
        part = table[table["kind"] == kind]
        if part.empty:
            continue
        hover = [
            safe.plot(
                t(
                    "propose.chart.hover",
                    name=names[row.id],
                    saving=fmt.mnkr(row.saving_sek),
                    km=fmt.km(row.mean_km),
                    over=fmt.number(row.over_threshold),
                    combined=fmt.number(row.combined_pupils),
                    fragile=fmt.number(row.fragile_teams),
                )
            ).replace("&lt;br&gt;", "<br>")
            for row in part.itertuples()
        ]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text" if kind == "proposal" else "markers",
                "name": legend,
                "x": fmt.in_mnkr(part["saving_sek"]).tolist(),
                "y": part["mean_km"].tolist(),
                "text": [str(n) for n in range(1, len(part) + 1)] if kind == "proposal" else None,
                "textposition": "middle center",
                "textfont": {"color": "white", "size": 16 if big else 12},
                "marker": {
                    "color": colour,
                    "symbol": symbol,
                    "size": (30 if big else 22) if kind != "reference" else (22 if big else 16),
                    "line": {"width": 2, "color": colour},
                },
                "hovertext": hover,
                "hoverinfo": "text",
            }
        )
    fig = charts.page_figure(
        traces,
        t("propose.chart.title"),
        source=frame.source(view),
        big=big,
        y_title=t("propose.chart.y", year=last_year),
        layout={
            "hovermode": "closest",
            "xaxis": {
                "title": {"text": t("propose.chart.x")},
                "dtick": None,
                "zeroline": True,
                "zerolinecolor": "#999",
            },
        },
    )
    frame.show(fig, key="propose.chart")


def card(n: int, proposal: Proposal, frontier: Frontier) -> None:
    s, change = proposal.scores, against_keep_all(frontier, proposal.scores)
    scenario_names = {sid: data.scenario(view, sid).name for sid in ds.scenarios}

    with st.container(border=True):
        st.markdown(f"### {t('propose.card', n=n)}: {safe.md(proposal.alternative.name)}")
        for c in proposal.closures:
            places = [t("propose.where", name=safe.md(name), pupils=fmt.number(p)) for name, p in c.destinations]
            where = t("propose.and").join([", ".join(places[:-1]), places[-1]] if len(places) > 1 else places)
            if c.merged_into_name is None:
                key = "propose.closure" if where else "propose.closure.nowhere"
                st.markdown(t(key, name=safe.md(c.name), year=c.year, where=where))
            else:
                key = "propose.merge" if where else "propose.merge.nowhere"
                st.markdown(t(key, name=safe.md(c.name), target=safe.md(c.merged_into_name), year=c.year, where=where))
        year = str(last_year)
        numbers = [
            (
                t("propose.saving"),
                t("propose.period", first=ds.base_year, last=last_year),
                fmt.mnkr(change["saving_sek"]),
                None,
                None,
            ),
            (t("propose.mean_km"), year, fmt.km(s.mean_km), change["mean_km"], fmt.km),
            (t("propose.over"), year, fmt.number(s.over_threshold), change["over_threshold"], fmt.number),
            (t("propose.combined"), year, fmt.number(s.combined_pupils), change["combined_pupils"], fmt.number),
            (t("propose.fragile"), year, fmt.number(s.fragile_teams), change["fragile_teams"], fmt.number),
        ]
        columns = []
        for name, when, value, diff, formatter in numbers:
            if diff is None:
                columns.append((name, PROPOSAL_COLOUR, [frame.Number(label=when, value=value)]))
                continue
            text = frame.signed(diff, formatter, even="±")  # ASCII sign: the scoreboard draws the arrow
            # Every number but the saving is better lower: an increase is bad.
            tone = "off" if text.startswith("±") else ("bad" if text.startswith("+") else "good")
            columns.append((name, PROPOSAL_COLOUR, [frame.Number(label=when, value=value, change=text, tone=tone)]))
        frame.scoreboard(columns)
        st.caption(t("propose.against", year=last_year))
        if proposal.future_proof:
            st.markdown(t("propose.future_proof"))
        else:
            ok = [safe.md(scenario_names[sid]) for sid, good in proposal.acceptable.items() if good]
            st.markdown(t("propose.acceptable_in", scenarios=", ".join(ok)) if ok else t("propose.acceptable_in.none"))
        if st.button(t("propose.take"), key=f"propose.take.{n}", help=t("propose.take.help"), type="primary"):
            take(proposal)


if frontier is None:
    st.info(t("propose.ask", count=search_space(ds, constraints)), icon=":material/hourglass_top:")
else:
    st.caption(t("propose.scenario", name=safe.md(scenario.name)))
    seconds = fmt.number(frontier.seconds, 1)
    if frontier.method == "enumeration":
        st.markdown(
            t(
                "propose.searched.enumeration",
                count=frontier.space,
                seconds=seconds,
                efficient=fmt.number(frontier.efficient),
            )
            + " "
            + t("propose.searched.merges", count=frontier.structures)
        )
    else:
        proof = t("propose.proven") if frontier.proven else t("propose.best_found")
        st.markdown(
            t(
                "propose.searched.programme",
                count=fmt.number(frontier.space),
                evaluated=fmt.number(frontier.evaluated),
                seconds=seconds,
                proof=proof,
            )
            + " "
            + t("propose.searched.closures_only")
        )
    if not frontier.proposals:
        st.info(t("propose.none"), icon=":material/search_off:")
    else:
        chart(frontier)
        for n, proposal in enumerate(frontier.proposals, 1):
            card(n, proposal, frontier)
    if frontier.references:
        st.markdown(f"#### {t('propose.references')}")
        lines = []
        for r in frontier.references:
            verdict = (
                t("propose.reference.infeasible")
                if not r.feasible
                else t("propose.reference.behind" if r.dominated else "propose.reference.on")
            )
            lines.append(
                "- "
                + t(
                    "propose.reference.line",
                    name=safe.md(r.name),
                    saving=fmt.mnkr(against_keep_all(frontier, r.scores)["saving_sek"]),
                    km=fmt.km(r.scores.mean_km),
                    verdict=verdict,
                )
            )
        st.markdown("\n".join(lines))
    frame.how(t("propose.how.1"), t("propose.how.2"), t("propose.how.3"))

frame.close_page()
