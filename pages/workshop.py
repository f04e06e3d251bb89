"""Workshop — everyone weights the criteria on their own phone; the room sees the ranking live.

One workshop (its code travels in the URL: ?ws=KS-mars) has three views:

* Ditt svar (a phone): weights 0–5 per criterion, the alternative one prefers and a
  comment; the ranking under one's own weights answers at once.
* Rummet (the projector; the only view in presentation mode): responses, the room's
  mean weights and the ranking under them, how many participants' own weights put each
  alternative first, when the first place would change, preferences and comments —
  redrawn every few seconds from the Store's read cache.
* Leda: close and reopen, export, clear, delete; the leader code that lets the
  facilitator lead from another device (given in the lobby).

Only the workshop's leader and the administrator see the room, the leader's panel and
earlier workshops (ui/workshop.py: who leads); everyone else, a phone that came by the QR
code included, sees only Ditt svar.

Scores come from engine/ranking.py; the workshop and its input live in the Store, so
they survive a restart of the server.
"""

import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import ParameterError
from engine.measures import ranking
from engine.measures.workshop import MAX_COMMENT, MAX_WEIGHT, Workshop
from engine.measures.workshop import room as room_input
from engine.model.evaluate import EvaluationError
from engine.store import StoreBusy
from ui import charts, data, frame, safe, session
from ui import workshop as ws
from ui.i18n import t
from ui.state import ViewState, valid_id
from ui.widgets import alternative_picker

frame.open_page()

REFRESH_SECONDS = 4  # the room redraws itself; a read is a stat() of the store file until someone answers
COMMENTS_SHOWN = 12

view = session.view()
alts = data.alternatives()
names = {a: alt.name for a, alt in alts.items()}
styles = charts.style(list(alts))


def go_to(code: str) -> None:
    session.commit(session.view().with_(workshop=code))
    for key in ("ws.mode", *[k for k in st.session_state if str(k).startswith(("ws.w.", "ws.pref", "ws.comment"))]):
        st.session_state.pop(key, None)  # the next workshop's widgets start from its own input


def bars(rows: list[tuple[str, str, float, str]], big: bool) -> None:
    """Labelled horizontal bars (label, colour, share 0–1, value text): light enough for a phone."""
    size = "1.25em" if big else "1em"
    parts = [
        f"<div style='margin:.45em 0;font-size:{size}'><div style='display:flex;justify-content:space-between;"
        f"gap:1em'><span>{label}</span><b style='white-space:nowrap'>{value}</b></div><div style='background:#e8e8e8;height:.7em;"
        f"border-radius:4px'><div style='width:{max(share, 0.0) * 100:.1f}%;background:{colour};height:100%;"
        f"border-radius:4px'></div></div></div>"
        for label, colour, share, value in rows
    ]
    st.markdown("".join(parts), unsafe_allow_html=True)


def ranking_bars(ranked, big: bool, extra: dict[str, str] | None = None) -> None:
    rows = []
    for alt, row in ranked.iterrows():
        label = f"<b>{row['rank']}.</b> {safe.html(names[alt])}"
        if extra:
            label += f" <span style='color:#555'>· {extra[alt]}</span>"
        rows.append(
            (
                label,
                styles[alt]["color"],
                float(row["score"]),
                t("ws.points", points=fmt.number(fmt.in_percent(row["score"]))),
            )
        )
    bars(rows, big)


def leader_names(leaders: tuple[str, ...]) -> str:
    return t("ws.and").join(f"**{safe.md(names[a])}**" for a in leaders)


def change_lines(q, weights: dict[str, float]) -> list[str]:
    """When the first place would change: one sentence per criterion and range of weights."""
    lines = []
    for change in ranking.leader_changes(q, weights):
        lo, hi = change.levels[0], change.levels[-1]
        lines.append(
            t(
                "ws.change.tie" if len(change.leaders) > 1 else "ws.change",
                criterion=t(f"ws.crit.{change.criterion}"),
                now=fmt.number(weights[change.criterion], 0 if float(weights[change.criterion]).is_integer() else 1),
                levels=fmt.number(lo) if lo == hi else f"{fmt.number(lo)}–{fmt.number(hi)}",
                leaders=leader_names(change.leaders),
            )
        )
    return lines


def robustness(q, weights: dict[str, float]) -> None:
    lines = change_lines(q, weights)
    if lines:
        st.markdown(t("ws.changes.intro") + "\n" + "\n".join(f"- {line}" for line in lines))
    else:
        st.markdown(t("ws.robust"))


def join_box(workshop: Workshop, left, right, *, large: bool, below=None) -> None:
    """How to join, in two cells (QR code, code and link): large while the room is still joining, then
    small beside the numbers; with ``below``, the link goes there (a narrow column's full width)."""
    link = ws.join_link(workshop.id, view.lang)
    left.image(ws.qr_png(link), width=300 if large else 110)
    with right:
        if large:
            st.markdown(t("ws.join.how"))
        st.markdown(
            f"<div style='font-size:{'3.6rem' if large else '1.8rem'};font-weight:700;line-height:1.1;"
            f"overflow-wrap:anywhere'>{safe.html(workshop.id)}</div>",
            unsafe_allow_html=True,
        )
    with below or right:
        st.code(link, language=None, wrap_lines=True)
        if ws.only_this_computer(link):
            st.warning(t("ws.local_link"))
        if not workshop.open:
            st.warning(t("ws.closed"))


def how(measures) -> None:
    """The measures behind the scores, and the maths."""
    with st.expander(t("how")):
        st.markdown(t("ws.how"))
        table = measures.set_index("alternative")
        shown = {
            t("ws.m.cost_diff_sek"): table["cost_diff_sek"].map(fmt.mnkr),
            t("ws.m.combined_grade_share"): table["combined_grade_share"].map(lambda v: fmt.percent(v, 0)),
            t("ws.m.fragile_teams"): table["fragile_teams"].map(fmt.number),
            t("ws.m.mean_distance_km"): table["mean_distance_km"].map(fmt.km),
            t("ws.m.pupils_over_threshold"): table["pupils_over_threshold"].map(fmt.number),
            t("ws.m.pupils_changing_school"): table["pupils_changing_school"].map(fmt.number),
        }
        st.table(
            {
                t("measure.alternative"): [safe.md(names[a]) for a in table.index],
                **{k: v.tolist() for k, v in shown.items()},
            }
        )


@st.fragment
def answer(code: str, compared: list[str], q, measures) -> None:
    """A participant's weights, ranking, preference and comment (a fragment: a slider redraws only this)."""
    session.view()  # the session's language for this thread
    workshop = ws.load(code)
    if workshop is None:
        st.warning(t("ws.unknown", code=safe.md(code)))
        return
    mine = ws.mine(workshop)
    if not workshop.open:
        st.info(t("ws.closed"))
    st.markdown(t("ws.answer.intro"))
    weights = {}
    for criterion in ranking.CRITERIA:
        session.session_seed(f"ws.w.{criterion}", int(mine.weights[criterion]) if mine else 0)
        weights[criterion] = st.slider(
            t(f"ws.crit.{criterion}"), 0, 5, key=f"ws.w.{criterion}", help=t(f"ws.crit.{criterion}.help")
        )
    st.subheader(t("ws.yours"))
    ranked = ranking.scores(q, weights)
    if ranked["rank"].isna().all():
        st.info(t("ws.no_weights"))
    else:
        ranking_bars(ranked, view.present)
        robustness(q, weights)
    how(measures)

    st.subheader(t("ws.send.title"))
    session.session_seed("ws.pref", mine.preferred if mine and mine.preferred in compared else "")
    st.selectbox(
        t("ws.preferred"),
        ["", *compared],
        key="ws.pref",
        format_func={"": t("ws.no_preference"), **names}.get,  # labels fixed now, not when formatted
        help=t("ws.preferred.help"),
    )
    session.session_seed("ws.comment", mine.comment if mine else "")
    st.text_area(t("ws.comment"), key="ws.comment", max_chars=MAX_COMMENT, help=t("ws.comment.help"), height=90)
    st.button(
        t("ws.resend" if mine else "ws.send"),
        type="primary",
        disabled=not workshop.open,
        width="stretch",
        key="ws.send_button",
        on_click=send,
        args=(code,),
    )
    ws.remember_participant()
    sent = st.session_state.pop("ws.sent", None)
    if sent == "ok":
        st.success(t("ws.thanks"))
    elif sent == "closed":
        st.error(t("ws.closed"))
    elif sent == "busy":
        st.warning(t("store.busy"))
    elif mine:
        st.caption(t("ws.sent_before", time=mine.saved_at.strftime("%H:%M")))


def send(code: str) -> None:
    """Callback: store the input before the run that shows it (so the button already says "send again")."""
    fresh = ws.load(code)  # the facilitator may have closed it since the page was drawn
    if fresh is None or not fresh.open:
        st.session_state["ws.sent"] = "closed"
        return
    weights = {c: st.session_state[f"ws.w.{c}"] for c in ranking.CRITERIA}
    try:
        ws.submit(fresh, weights, st.session_state.get("ws.pref", ""), st.session_state.get("ws.comment", ""))
    except StoreBusy:
        st.session_state["ws.sent"] = "busy"
        return
    st.session_state["ws.sent"] = "ok"


def numbers(cells: list, sums) -> None:
    """The room's two numbers: responses, and how many own weightings agree on the first place."""
    cells[0].metric(t("ws.responses"), fmt.number(sums.responses))
    cells[1].metric(
        t("ws.same_first"),
        t("ws.of", part=fmt.number(sums.same_first), whole=fmt.number(sums.weighted)),
        help=t("ws.same_first.help"),
    )


@st.fragment(run_every=REFRESH_SECONDS)
def room(code: str, compared: list[str], q, measures) -> None:
    """What the room has said so far; redraws itself so the facilitator touches nothing."""
    current = session.view()
    big = current.present
    workshop = ws.load(code)
    if workshop is None:
        st.warning(t("ws.unknown", code=safe.md(code)))
        return
    found = ws.responses(workshop)
    sums = room_input(q, found, compared)
    ranked, firsts, weights = sums.ranked, sums.firsts, sums.weights
    if not found:  # joining is what matters: large on the projector, a strip beside the numbers elsewhere
        if big:
            join_box(workshop, *st.columns([1, 2], vertical_alignment="center"), large=True)
            cells = frame.number_grid(big, 2)
        else:
            qr, text, *cells = st.columns([1, 3, 1.6, 1.6], vertical_alignment="center")
            join_box(workshop, qr, text, large=False)
        numbers(cells, sums)
        st.info(t("ws.waiting"))
        return

    # Answers have arrived: the ranking takes the top of the screen, the numbers and a small QR code
    # (late joiners) go beside it, so the whole ranking is above the fold on a 1280×720 projector.
    main, side = st.columns([2.3, 1], gap="large")
    with main:
        st.subheader(t("ws.room.ranking"))
        if ranked["rank"].isna().all():
            st.info(t("ws.room.no_weights"))
        else:
            ranking_bars(ranked, big, {a: t("ws.first_for", n=fmt.number(firsts[a])) for a in ranked.index})
        if sums.leaders:
            st.markdown(
                t(
                    "ws.room.summary.tie" if len(sums.leaders) > 1 else "ws.room.summary",
                    leaders=leader_names(sums.leaders),
                    part=fmt.number(sums.same_first),
                    whole=fmt.number(sums.weighted),
                )
            )
    with side:
        numbers(st.columns(2) if not big else [st.container(), st.container()], sums)
        join_box(workshop, *st.columns([1, 1.6], vertical_alignment="center"), large=False, below=st.container())
    left, right = (st.container(), st.container()) if big else st.columns([3, 2], gap="large")
    with left:
        if not ranked["rank"].isna().all():
            st.caption(t("ws.room.summary.help"))
            robustness(q, weights)
        if sums.blank:
            st.caption(t("ws.room.blank", count=sums.blank))
        st.subheader(t("ws.room.weights"))
        bars(
            [
                (t(f"ws.crit.{c}"), charts.SERIES_COLOURS[0], w / MAX_WEIGHT, t("ws.of_five", value=fmt.number(w, 1)))
                for c, w in weights.items()
            ],
            big,
        )
    with right:
        st.subheader(t("ws.room.preferred"))
        bars(  # one scale, the whole room: engine.measures.workshop.room
            [
                (safe.html(names[a]), styles[a]["color"], sums.preferred_bar[a], fmt.number(n))
                for a, n in sums.preferred.items()
            ]
            + [(t("ws.no_preference"), "#bbbbbb", sums.no_preference_bar, fmt.number(sums.no_preference))],
            big,
        )
        comments = [r for r in reversed(found) if r.comment]
        st.subheader(t("ws.room.comments", n=fmt.number(len(comments))))
        for r in comments[:COMMENTS_SHOWN]:
            st.markdown(f"> {safe.md(r.comment)}")
        if len(comments) > COMMENTS_SHOWN:
            st.caption(t("ws.room.more_comments", n=fmt.number(len(comments) - COMMENTS_SHOWN)))
    how(measures)
    st.caption(safe.md(frame.source(ws.view_of(workshop, current))))


def lead(workshop: Workshop, q) -> None:
    """The facilitator's controls (drawn only for the workshop's leader and the administrator)."""
    found = ws.responses(workshop)
    st.markdown(t("ws.status.open" if workshop.open else "ws.status.closed", count=len(found)))
    st.markdown(t("ws.pin.yours", pin=workshop.pin))
    st.caption(t("ws.lead.present"))
    if workshop.open:
        if st.button(t("ws.close"), help=t("ws.close.help"), key="ws.close_button"):
            ws.set_open(workshop, False)
            st.rerun()
    elif st.button(t("ws.reopen"), key="ws.reopen_button"):
        ws.set_open(workshop, True)
        st.rerun()
    st.subheader(t("ws.export"))
    frame.download_table(ws.export_table(found, q, names), f"workshop-{workshop.id}", "ws.export")
    with st.expander(t("ws.danger")):
        sure = st.checkbox(t("ws.confirm"), key="ws.confirm")
        if st.button(t("ws.clear"), disabled=not sure, key="ws.clear_button"):
            ws.clear(workshop)
            st.rerun()
        if st.button(t("ws.delete"), disabled=not sure, key="ws.delete_button"):
            ws.delete(workshop)
            go_to("")
            st.rerun()


def lead_elsewhere() -> None:
    """The facilitator on another device: the workshop's code and its leader code make this browser lead it."""
    with st.expander(t("ws.pin.title")), st.form("ws.lead_form", border=False):
        st.caption(t("ws.pin.help"))
        typed = st.text_input(t("ws.code"), max_chars=64, placeholder="KS-mars", key="ws.lead_code")
        pin = st.text_input(t("ws.pin"), type="password", max_chars=32, key="ws.pin_input")
        if st.form_submit_button(t("ws.pin.button"), key="ws.pin_button"):
            code = ws.find(typed)
            workshop = ws.load(code) if code else None
            if workshop is None:
                st.error(t("ws.unknown", code=safe.md(typed.strip())))
                return
            outcome = ws.try_leader_code(workshop, pin)
            if outcome == "ok":
                ws.become_leader(workshop)
                go_to(workshop.id)
                st.session_state["ws.mode"] = "room"
                st.rerun()
            st.error(t("ws.pin.wrong") if outcome == "wrong" else t("admin.wait"))


def lobby(view: ViewState) -> None:
    """No workshop yet: join one by its code, or start one on what the view compares."""
    st.caption(t("ws.intro"))
    join, start = (st.container(), st.container()) if view.present else st.columns(2, gap="large")
    with join:
        st.subheader(t("ws.join"))
        with st.form("ws.join_form", border=False):
            typed = st.text_input(t("ws.code"), max_chars=64, placeholder="KS-mars", key="ws.join_code")
            if st.form_submit_button(t("ws.join.button"), type="primary", key="ws.join_button"):
                found = ws.find(typed)
                if found:
                    go_to(found)
                    st.rerun()
                st.error(t("ws.unknown", code=safe.md(typed.strip())))
        earlier = ws.led_workshops()  # a leader's own, every one for the administrator, none for others
        if earlier:
            chosen = st.selectbox(
                t("ws.earlier"),
                [code for code, _ in earlier],
                format_func={c: c if is_open else f"{c} ({t('ws.closed.short')})" for c, is_open in earlier}.get,
                key="ws.earlier",
            )
            if st.button(t("ws.open_earlier"), key="ws.open_button"):
                go_to(chosen)
                st.rerun()
        lead_elsewhere()
    with start:
        st.subheader(t("ws.start"))
        st.caption(t("ws.start.help", scenario=safe.md(data.scenario(view).name), years=view.years))
        picked = alternative_picker(view, alts, help=t("ws.start.pick"))
        view = view.with_(alternatives=tuple(picked))
        session.commit(view)
        code = st.text_input(t("ws.start.code"), max_chars=32, placeholder="KS-mars", key="ws.new_code")
        if st.button(t("ws.start.button"), type="primary", disabled=not picked, key="ws.start_button"):
            code = code.strip()
            if not valid_id(code):
                st.error(t("ws.start.bad_code"))
            elif ws.find(code):
                st.error(t("ws.start.exists", code=safe.md(code)))
            else:
                ws.become_leader(ws.start(view, code))
                go_to(code)
                st.session_state["ws.mode"] = "room"
                st.rerun()


def page() -> None:
    st.title(t("ws.title"))
    ws.remember_leading()
    if not view.workshop:
        lobby(view)
        return
    workshop = ws.load(view.workshop)
    if workshop is None:
        st.warning(t("ws.unknown", code=safe.md(view.workshop)))
        st.button(t("ws.leave"), on_click=go_to, args=("",), key="ws.leave_button")
        return
    compared = [a for a in workshop.alternatives if a in alts]
    gone = [a for a in workshop.alternatives if a not in alts]
    if gone:
        st.warning(t("ws.gone", ids=safe.md(", ".join(gone))))
    if len(compared) < 2:
        st.error(t("ws.too_few"))
        st.button(t("ws.leave"), on_click=go_to, args=("",), key="ws.leave_button")
        return
    try:
        measures = ws.measures(workshop, view, compared)
    except (EvaluationError, ParameterError, ValueError) as exc:  # a stored setting this dataset cannot evaluate
        st.error(t("error.value", message=safe.md(exc)))
        return
    q = ranking.quality(measures)
    st.markdown(
        t(
            "ws.header",
            code=safe.md(workshop.id),
            scenario=safe.md(data.scenario(ws.view_of(workshop, view)).name),
            first=data.dataset().base_year,
            last=data.dataset().base_year + workshop.years,
            count=len(compared),
        )
    )
    if not ws.leads(workshop):  # a participant: the phone's view and nothing else, whatever the link says
        answer(workshop.id, compared, q, measures)
        st.button(t("ws.leave"), on_click=go_to, args=("",), key="ws.leave_button")
        return
    if view.present:
        room(workshop.id, compared, q, measures)
        return
    modes = {"answer": t("ws.mode.answer"), "room": t("ws.mode.room"), "lead": t("ws.mode.lead")}
    session.session_seed("ws.mode", "room")
    mode = st.segmented_control(t("ws.mode"), list(modes), key="ws.mode", format_func=modes.get) or "answer"
    if mode == "answer":
        answer(workshop.id, compared, q, measures)
    elif mode == "room":
        room(workshop.id, compared, q, measures)
    else:
        lead(workshop, q)
    st.button(t("ws.leave"), on_click=go_to, args=("",), key="ws.leave_button")


page()
frame.close_page()
