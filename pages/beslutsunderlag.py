"""Beslutsunderlag — the council paper (tjänsteskrivelse), in Word to edit and as PDF.

The proposal is chosen here (the transition strategy's alternative by default); the legal
checklist is ticked and commented here and saved for everyone; everything else comes from
the other pages' saved work and the model (ui.council builds it, once, as plain blocks).
"""

import streamlit as st

from ui import council, data, decision, documents, frame
from ui.decision import LegalItem
from ui.i18n import t

view = frame.open_page()
ds = data.dataset()
alternatives = data.alternatives()

st.title(t("council.title"))
st.markdown(t("council.intro"))

proposed = frame.one_alternative(
    alternatives,
    key="w.council.alternative",
    label=t("council.pick"),
    none=t("council.none"),
    preferred=(decision.strategy().alternative, *view.alternatives),
)

st.header(t("council.legal"))
st.caption(t("council.legal.help"))
state = decision.legal_checklist()
with st.form("council.legal"):
    ticked: dict[str, LegalItem] = {}
    for item in decision.LEGAL_ITEMS:
        done = st.checkbox(t(f"council.legal.{item}"), value=state[item].done, key=f"council.legal.{item}")
        comment = st.text_input(
            t("council.legal.col.comment"),
            value=state[item].comment,
            max_chars=2000,
            key=f"council.legal.{item}.comment",
            label_visibility="collapsed",
            placeholder=t("council.legal.col.comment"),
        )
        ticked[item] = LegalItem(done=done, comment=comment)
    if st.form_submit_button(t("council.legal.save"), type="primary"):
        decision.save_legal_checklist(ticked)
        st.success(t("council.legal.saved"))

blocks = council.paper(view, proposed)
left, right = st.columns(2)
left.download_button(
    t("council.download.docx"),
    documents.to_docx(blocks),
    f"{t('council.file')}.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="council.docx",
    type="primary",
)
right.download_button(
    t("council.download.pdf"),
    documents.to_pdf(blocks, frame.source(view)),
    f"{t('council.file')}.pdf",
    "application/pdf",
    key="council.pdf",
)
with st.container(border=True):
    documents.show(blocks)

frame.close_page()
