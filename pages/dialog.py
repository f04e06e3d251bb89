"""Medborgardialog — residents heard, apart from the politicians' workshop.

With ``?dialog=CODE`` the page is a resident's: the alternatives in plain words with their
main effects, the criteria to weigh, a preference, why, and (if they like) their home area.
Without it, it is the politicians': the result in total, by area and against the latest
workshop, approved comments by theme; and, for the administrator, starting dialogues,
opening and closing them and reviewing comments before anyone else sees them.
"""

import dataclasses

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.dialog import APPROVED, NO_AREA, OTHER, PENDING, REJECTED, THEMES, summarise
from engine.measures.effects import effect
from engine.measures.ranking import CRITERIA, WEIGHT_LEVELS
from engine.store import StoreBusy
from ui import data, decision, frame, roles, safe, session
from ui import dialog as dialogs
from ui import workshop as workshops
from ui.i18n import t
from ui.state import valid_id

view = frame.open_page()
ds = data.dataset()
alternatives = data.alternatives()
area_names = dict(zip(ds.areas["area_id"], ds.areas["name"], strict=True))


def ask(dialog: dialogs.Dialog) -> None:
    """The resident's view: read, weigh, prefer, say why, send."""
    asked = view.with_(scenario=dialog.scenario, years=dialog.years, alternatives=dialog.alternatives[1:])
    st.title(t("dialog.ask.title"))
    st.markdown(t("dialog.ask.intro"))
    if not dialog.open:
        st.info(t("dialog.ask.closed"))
        return
    workshops.remember_participant()
    st.header(t("dialog.ask.alternatives"))
    baseline = data.result(asked, KEEP_ALL)
    for alt in dialog.alternatives:
        with st.container(border=True):
            st.markdown(f"**{safe.md(alternatives[alt].name)}**")
            if alternatives[alt].description:
                st.markdown(safe.md(alternatives[alt].description))
            if alt != KEEP_ALL:
                st.markdown(frame.summary(alternatives[alt].name, effect(data.result(asked, alt), baseline)))
    mine = dialogs.mine(dialog)
    choices = ["", *dialog.alternatives]
    with st.form("dialog.answer"):
        st.subheader(t("dialog.ask.weights"))
        st.caption(t("dialog.ask.weights.help"))
        weights = {
            c: st.select_slider(
                t(f"ws.crit.{c}"),
                options=list(WEIGHT_LEVELS),
                value=int(mine.weights[c]) if mine else 3,
                help=t(f"ws.crit.{c}.help"),
                key=f"dialog.w.{c}",
            )
            for c in CRITERIA
        }
        preferred = st.radio(
            t("dialog.ask.preferred"),
            choices,
            index=choices.index(mine.preferred) if mine and mine.preferred in choices else 0,
            format_func=lambda a: (
                safe.md(alternatives[a].name) if a else t("dialog.ask.preferred.none")
            ),  # radio options are markdown
            key="dialog.preferred",
        )
        comment = st.text_area(
            t("dialog.ask.comment"),
            value=mine.comment if mine else "",
            max_chars=2000,
            help=t("dialog.ask.comment.help"),
            placeholder=t("dialog.ask.comment.help"),
            key="dialog.comment",
        )
        areas = [NO_AREA, *area_names]
        area = st.selectbox(
            t("dialog.ask.area"),
            areas,
            index=areas.index(mine.area) if mine and mine.area in areas else 0,
            format_func=lambda a: safe.text(area_names[a]) if a else t("dialog.area.unsaid"),
            key="dialog.area",
        )
        sent = st.form_submit_button(t("dialog.ask.send"), type="primary", width="stretch")
    if sent:
        try:
            kept = dialogs.submit(dialog, weights, preferred, comment, area)
        except StoreBusy:
            st.warning(t("store.busy"))
        else:
            if kept:
                st.success(t("dialog.ask.thanks"))
            else:
                st.warning(t("dialog.ask.slow"))
    st.caption(t("dialog.ask.privacy"))


def results(dialog: dialogs.Dialog) -> None:
    """What politicians see: totals, by area, against the workshop, approved comments by theme."""
    link = dialogs.join_link(dialog.id, view.lang)
    qr, text = st.columns([1, 3], vertical_alignment="center")
    qr.image(workshops.qr_png(link), width=160)
    with text:
        st.markdown(t("dialog.link"))
        st.code(link, language=None, wrap_lines=True)
        if not dialog.open:
            st.warning(t("dialog.closed.badge"))
    held = decision.workshop_weights()
    found = [a for _, a in dialogs.answers(dialog)]
    summary = summarise(found, dialog.alternatives, held[2] if held else None)
    grid = frame.number_grid(view.present, 3)
    grid[0].metric(t("dialog.kpi.answers"), fmt.number(summary.answers))
    grid[1].metric(t("dialog.kpi.areas"), fmt.number(summary.areas))
    grid[2].metric(t("dialog.kpi.pending"), fmt.number(summary.pending))

    st.subheader(t("dialog.weights.title"))
    st.caption(t("dialog.weights.workshop", code=safe.md(held[0])) if held else t("dialog.weights.no_workshop"))
    weights = summary.weights
    st.dataframe(
        pd.DataFrame(
            {
                t("dialog.col.criterion"): [t(f"ws.crit.{c}") for c in weights["criterion"]],
                t("dialog.col.residents"): [fmt.number(v, 1) for v in weights["residents"]],
                t("dialog.col.workshop"): [fmt.number(v, 1) for v in weights["workshop"]],
                t("dialog.col.difference"): [
                    "–" if pd.isna(v) else frame.signed(v, lambda x: fmt.number(x, 1), prose=True)
                    for v in weights["difference"]
                ],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.subheader(t("dialog.by_area"))
    by_area = summary.by_area
    st.dataframe(
        pd.DataFrame(
            {
                t("dialog.col.area"): [
                    safe.text(area_names.get(a, a)) if a else t("dialog.area.unsaid") for a in by_area["area_id"]
                ],
                t("dialog.col.answers"): [fmt.number(v) for v in by_area["answers"]],
                **{t(f"ws.crit.{c}"): [fmt.number(v, 1) for v in by_area[c]] for c in CRITERIA},
            }
        ),
        hide_index=True,
        width="stretch",
    )
    st.subheader(t("dialog.preferred"))
    st.markdown(
        "\n".join(
            f"- {t('dialog.preferred.line', name=safe.md(alternatives[a].name), count=n)}"
            for a, n in summary.preferred.items()
        )
    )
    st.subheader(t("dialog.comments"))
    if not summary.comments:
        st.caption(t("dialog.comments.none"))
    for theme in [*THEMES, OTHER]:
        said = summary.comments.get(theme, ())
        if said:
            with st.expander(f"{t(f'dialog.theme.{theme}')} ({fmt.number(len(said))})"):
                for comment in said:
                    st.markdown(f"> {safe.md(comment)}")


def administer(dialog: dialogs.Dialog | None) -> None:
    """Starting dialogues, opening and closing them, reviewing comments: the administrator's alone."""
    st.header(t("admin"))
    if not roles.login_form("dialog"):
        return
    with st.form("dialog.start"):
        st.subheader(t("dialog.start"))
        st.caption(t("dialog.start.help", scenario=safe.md(data.scenario(view).name)))
        code = st.text_input(t("dialog.code"), max_chars=64, placeholder="skolan-2026", key="dialog.new_code")
        if st.form_submit_button(t("dialog.start.button"), type="primary"):
            if not valid_id(code):
                st.error(t("dialog.code.bad"))
            elif dialogs.load(code) is not None:
                st.error(t("dialog.code.taken"))
            else:
                dialogs.start(view, code)
                st.session_state["w.dialog.pick"] = code
                st.rerun()
    if dialog is None:
        return
    is_open = st.toggle(t("dialog.open.toggle"), value=dialog.open, key=f"dialog.open.{dialog.id}")
    if is_open != dialog.open:
        dialogs.save(dataclasses.replace(dialog, open=is_open))
        st.rerun()
    st.subheader(t("dialog.moderate"))
    waiting = [(device, a) for device, a in dialogs.answers(dialog) if a.status == PENDING and a.comment]
    if not waiting:
        st.caption(t("dialog.moderate.none"))
    for i, (device, answer) in enumerate(waiting):
        with st.container(border=True):
            st.markdown(f"> {safe.md(answer.comment)}")
            keep, drop = st.columns(2)
            if keep.button(t("dialog.approve"), key=f"dialog.ok.{i}", type="primary"):
                dialogs.moderate(dialog, device, APPROVED)
                st.rerun()
            if drop.button(t("dialog.reject"), key=f"dialog.no.{i}"):
                dialogs.moderate(dialog, device, REJECTED)
                st.rerun()


if view.dialog:
    asked_dialog = dialogs.load(view.dialog)
    if asked_dialog is None:
        st.info(t("dialog.ask.gone"))
    else:
        ask(asked_dialog)
else:
    st.title(t("dialog.title"))
    st.markdown(t("dialog.intro"))
    known = dialogs.dialogs()
    chosen = None
    if not known:
        st.info(t("dialog.none"))
    else:
        ids = [d.id for d in known]
        session.session_seed("w.dialog.pick", ids[0])
        if st.session_state["w.dialog.pick"] not in ids:
            st.session_state["w.dialog.pick"] = ids[0]
        picked = st.selectbox(t("dialog.pick"), ids, key="w.dialog.pick")
        chosen = next(d for d in known if d.id == picked)
        results(chosen)
    administer(chosen)

frame.close_page()
