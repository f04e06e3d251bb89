"""Vägval: the Streamlit entry point — navigation, shared view state, frame.

Run with `make run` (which uses ui/launch.py); every page is a thin view in pages/.
"""

import streamlit as st

from engine.dataset import DatasetError
from ui import data, frame, session
from ui.i18n import t

st.set_page_config(
    page_title="Vägval", layout="wide"
)  # emoji icons only: a :material/…: icon makes the browser fetch its favicon from the internet

try:
    data.dataset()
except DatasetError as exc:
    st.error(t("error.data"))
    st.code("\n".join(str(p) for p in exc.problems), language=None)
    st.stop()

view = frame.sidebar(session.view())
session.commit(view)
frame.apply_style(view)

pages = [
    st.Page("pages/oversikt.py", title=t("nav.overview"), url_path="oversikt", icon="📊", default=True),
    st.Page("pages/scenarier.py", title=t("nav.scenarios"), url_path="scenarier", icon="👪"),
    st.Page("pages/kapacitet.py", title=t("nav.capacity"), url_path="kapacitet", icon="🏫"),
    st.Page("pages/ekonomi.py", title=t("nav.economy"), url_path="ekonomi", icon="💰"),
    st.Page("pages/investeringar.py", title=t("nav.investments"), url_path="investeringar", icon="🏗️"),
    st.Page("pages/jamfor.py", title=t("nav.compare"), url_path="jamfor", icon="⚖️"),
    st.Page("pages/workshop.py", title=t("ws.title"), url_path="workshop", icon="🗳️"),
    st.Page("pages/bygg.py", title=t("nav.build"), url_path="bygg", icon="🛠️"),
    st.Page("pages/om_modellen.py", title=t("nav.about"), url_path="om-modellen", icon="ℹ️"),
    st.Page("pages/data.py", title=t("data.nav"), url_path="data", icon="📂"),
]
page = st.navigation({t("nav.section.method"): pages}, position="hidden" if view.present else "sidebar")
page.run()
frame.sidebar_footer(session.view())
