"""Any municipality as a starting point on the Data page: the prefilled workbook of
``python -m engine start`` (engine/sources/start.py), made when the analyst downloads it."""

from __future__ import annotations

import streamlit as st

from engine.sources import public, start


@st.cache_data(show_spinner=False)
def municipalities() -> dict[str, str]:
    """Code → name of Sweden's 290 municipalities, in code order."""
    return {code: m.name for code, m in public.municipalities().items()}


@st.cache_data(show_spinner=False, max_entries=8)
def prefilled_workbook(code: str) -> bytes:
    """The workbook `start` writes for the municipality: public figures filled in, the cells
    the analyst must fill coloured and listed on the sheet ``att_fylla_i``."""
    return start.workbook_bytes(code)[0]


def file_name(code: str) -> str:
    return f"vagval-start-{code}.xlsx"
