"""The view state inside a Streamlit session, kept in step with the URL.

Widgets own their values under ``w.<name>`` keys; after the widgets of a run have
been drawn the page calls :func:`commit` with the new view, which records it for
undo and writes the URL. A link therefore always reopens what is on screen.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from engine.core.types import KEEP_ALL
from ui import data, safe
from ui.i18n import t, use_language
from ui.state import ViewState, default_view, from_query, to_query, valid_id

HISTORY_LIMIT = 30
URL_KEY = "vv.url"  # the query this session last put in the browser's address bar


def session_seed(key: str, value: object) -> None:
    """A widget's starting value, set once: afterwards the widget owns its key."""
    if key not in st.session_state:
        st.session_state[key] = value


def _defaults() -> ViewState:
    ds = data.dataset()
    return default_view(list(ds.scenarios), list(data.alternatives()))


def view() -> ViewState:
    """The session's view; on the first run it is read from the URL.

    The dataset comes first, since the scenario and alternative ids in the link are
    its own: ``data=`` names it, no ``data=`` means what new visitors get, and an id
    this server does not know is reported and replaced by that default.
    """
    if "view" not in st.session_state:
        wanted = st.query_params.get("data", "")
        chosen, found = data.resolve(wanted)
        ds = data.load(chosen)
        alternatives = list(data.alternatives(ds))
        defaults = default_view(list(ds.scenarios), alternatives)
        parsed, ignored = from_query(dict(st.query_params), defaults, list(ds.scenarios), alternatives)
        broken = data.broken_default() if not wanted else None
        if broken:  # everyone's default is refused by this version: the built-in data instead, and why
            use_language(parsed.lang)
            st.warning(t("check.default_broken", upload=safe.md(data.upload_name(broken[0])), name=safe.md(ds.name)))
        if not found:
            use_language(parsed.lang)
            shown = wanted if valid_id(wanted) else "?"  # the id is shown as code: nothing odd from a hand-edited link
            st.warning(t("data.link_unknown", id=shown, name=safe.md(ds.name)), icon=":material/folder_off:")
            ignored = [*ignored, "data"] if "data" not in ignored else ignored
        st.session_state["view"] = parsed.with_(dataset=chosen)
        st.session_state["ignored_query"] = ignored
        st.session_state["history"] = []
    current = st.session_state["view"]
    use_language(current.lang)
    return current


def commit(new: ViewState) -> None:
    """Record ``new`` as the view (for undo) and write it into the URL."""
    old = view()
    if new.dataset == "" and data.default_id():
        # An upload became everyone's default during this session: the link must name the server's own data.
        new = new.with_(dataset=data.SERVER)
        old = st.session_state["view"] = old.with_(dataset=data.SERVER)
    if new != old:
        history: list[ViewState] = st.session_state["history"]
        history.append(old)
        del history[:-HISTORY_LIMIT]
        st.session_state["view"] = new
    use_language(new.lang)
    _write_url(to_query(new, _defaults()))


def _write_url(query: dict[str, str]) -> None:
    """Put ``query`` in the browser's address bar, so that a reload or a copied address reopens the view.

    In a run of the whole page through ``st.query_params``. In a fragment's own run (a slider
    on Jämför) through ``history.replaceState`` in a script element instead: Streamlit answers a
    change of ``st.query_params`` by redrawing the whole app in the browser, which made every
    slider move ≈ 20 ms slower (benchmarks/README.md), and a slider's steps need no entries in
    the browser's history. Streamlit's own record of the query is then behind; the next whole
    run writes it again, whatever it holds.
    """
    ctx = get_script_run_ctx()
    if ctx is not None and ctx.fragment_ids_this_run:
        if st.session_state.get(URL_KEY) != query:
            st.session_state[URL_KEY] = query
            # JSON is JavaScript; '<' written out so that no text in the query can end the script
            search = json.dumps("?" + urlencode(query) if query else "").replace("<", "\\u003c")
            st.html(
                f"<script>history.replaceState(history.state, '', location.pathname + {search})</script>",
                unsafe_allow_javascript=True,
            )
        return
    if dict(st.query_params) != query or st.session_state.get(URL_KEY, query) != query:
        st.query_params.from_dict(query)
    st.session_state[URL_KEY] = query


def choice(name: str, key: str, options: list, default: object) -> None:
    """Seed the widget ``key`` with the link's choice ``name`` (state.CHOICE_KEYS) when it is one of
    ``options`` (compared as text: a year arrives as '2030'), else with ``default``."""
    wanted = view().choices.get(name)
    by_text = {str(o): o for o in options}
    session_seed(key, by_text.get(wanted, default) if wanted is not None else default)


def commit_choices(**shown: tuple[object, object]) -> None:
    """Record what the page shows (name → (value, default)) in the view and the link; defaults left out."""
    current = view()
    choices = {name: str(value) for name, (value, default) in shown.items() if value != default}
    if dict(current.choices) != choices:
        commit(current.with_(choices=choices))


def commit_choice(name: str, value: object, default: object) -> None:
    """Record one choice (name → value, left out at its default) and keep the others: a fragment
    that reruns alone (the map's year) cannot see what the rest of the page shows."""
    current = view()
    choices = {k: v for k, v in current.choices.items() if k != name}
    if value != default:
        choices[name] = str(value)
    if dict(current.choices) != choices:
        commit(current.with_(choices=choices))


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


def use_dataset(dataset_id: str) -> None:
    """Callback: show another dataset, starting from its defaults.

    Scenario and alternative ids, widget values and drafts belong to the old dataset,
    so they go, and undo does not cross datasets; language, presentation mode and
    horizon stay.
    """
    old = view()
    ds = data.load(dataset_id)
    if ds is data.load(old.dataset):  # the same data ("" and SERVER both name the server's own): keep the view
        st.session_state["view"] = old.with_(dataset=data.link_id(dataset_id))
        return
    fresh = default_view(list(ds.scenarios), list(data.alternatives(ds)))
    st.session_state["view"] = fresh.with_(
        dataset=data.link_id(dataset_id), lang=old.lang, present=old.present, years=old.years
    )
    st.session_state["history"] = []
    for key in [k for k in st.session_state if str(k).startswith(("w.", "build."))]:
        del st.session_state[key]  # widgets re-read their value from the new view


def share_url(new: ViewState) -> str:
    query = to_query(new, _defaults())
    base = st.context.url.split("?")[0] if st.context.url else ""
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def compared(new: ViewState) -> list[str]:
    """keep-all first, then the chosen alternatives that still exist."""
    known = data.alternatives()
    return [KEEP_ALL, *[a for a in new.alternatives if a in known]]
