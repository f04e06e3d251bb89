"""Vägval's entry point: ``streamlit run app.py`` (or ``make run``, which adds the server fixes).

The pages are the scripts in pages/, Streamlit's own pages-directory convention: each opens
with ``frame.open_page`` (data check, sidebar with the method's navigation, the view from the
URL) and ends with ``frame.close_page``. This script is Streamlit's root page ("/"); Vägval's
first page is Översikt, so it hands over at once, link and all.
"""

import streamlit as st

st.switch_page("pages/oversikt.py", query_params=st.query_params.to_dict())
