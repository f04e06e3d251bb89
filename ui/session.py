"""The view state inside a Streamlit session, kept in step with the URL.

Widgets own their values under ``w.<name>`` keys; after the widgets of a run have
been drawn the page calls :func:`commit` with the new view, which records it for
undo and writes the URL. A link therefore always reopens what is on screen.
"""

from __future__ import annotations

import streamlit as st

from engine.model_types import KEEP_ALL
from ui import data
from ui.i18n import use_language
from ui.state import ViewState, default_view, from_query, to_query

HISTORY_LIMIT = 30


def _defaults() -> ViewState:
    ds = data.dataset()
    return default_view(list(ds.scenarios), list(data.alternatives()))


def view() -> ViewState:
    """The session's view; on the first run it is read from the URL."""
    if "view" not in st.session_state:
        ds = data.dataset()
        parsed, ignored = from_query(dict(st.query_params), _defaults(), list(ds.scenarios), list(data.alternatives()))
        st.session_state["view"] = parsed
        st.session_state["ignored_query"] = ignored
        st.session_state["history"] = []
    current = st.session_state["view"]
    use_language(current.lang)
    return current


def commit(new: ViewState) -> None:
    """Record ``new`` as the view (for undo) and write it into the URL."""
    old = view()
    if new != old:
        history: list[ViewState] = st.session_state["history"]
        history.append(old)
        del history[:-HISTORY_LIMIT]
        st.session_state["view"] = new
    use_language(new.lang)
    query = to_query(new, _defaults())
    if dict(st.query_params) != query:
        st.query_params.from_dict(query)


def undo() -> None:
    """Callback: go back to the previous view and put every widget back."""
    history: list[ViewState] = st.session_state.get("history", [])
    if not history:
        return
    previous = history.pop()
    st.session_state["view"] = previous
    use_language(previous.lang)
    for key in [k for k in st.session_state if str(k).startswith("w.")]:
        del st.session_state[key]  # widgets re-read their value from the view


def share_url(new: ViewState) -> str:
    query = to_query(new, _defaults())
    base = st.context.url.split("?")[0] if st.context.url else ""
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def compared(new: ViewState) -> list[str]:
    """keep-all first, then the chosen alternatives that still exist."""
    known = data.alternatives()
    return [KEEP_ALL, *[a for a in new.alternatives if a in known]]
