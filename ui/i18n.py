"""Texts in the session's language, from the label catalogue (ui/labels/).

``t("key", name=...)`` returns the text in the session's language, formatted with
the keyword arguments; a label with plural forms takes ``count=`` (a number), which
picks the form and is written into ``{count}`` the Swedish way (1 234). Parameter and
scenario texts come from the engine's documented tree (engine.core.parameters) so they
are written once; their units are translated by :func:`unit`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

import streamlit as st

from engine.core import formatting as fmt
from ui.labels import LABELS
from ui.labels.forms import choose
from ui.labels.units import SHARE_SUFFIXES, UNITS

_run = threading.local()  # Streamlit runs each script run in its own thread


def use_language(code: str) -> None:
    """Set the language for the rest of this script run (session.view() does it)."""
    _run.lang = code


def lang() -> str:
    # A thread-local read: t() is called hundreds of times a run, session state is slower.
    code = getattr(_run, "lang", None)
    if code is None:
        code = getattr(st.session_state.get("view"), "lang", "sv")
    return code


def t(key: str, **values: object) -> str:
    """The label in the session's language; raises KeyError for a missing key."""
    code = lang()
    sv, en = LABELS[key]
    text = en if code == "en" else sv
    count = values.get("count") if values else None
    if not isinstance(text, str):  # plural forms: the count picks one
        text = choose(text, code, count if isinstance(count, int | float) else None)
    if not values:
        return text
    if isinstance(count, int | float):
        values["count"] = fmt.number(count, 0 if float(count).is_integer() else 1)
    return text.format(**values)


def unit(name: str, count: float | None = None) -> str:
    """A unit of the engine's tree ("elever", "kr per elev och år") in the session's language;
    with ``count``, in the plural form that count takes. An unknown unit is shown as it is."""
    if name not in UNITS:
        return name
    code = lang()
    sv, en = UNITS[name]
    return choose(en if code == "en" else sv, code, 2 if count is None else count)


def share_suffix(name: str) -> str:
    """What follows the percentage of a share unit ("andel av invånarna" → "av invånarna")."""
    sv, en = SHARE_SUFFIXES[name]
    return str(en if lang() == "en" else sv)


def tree_text(source: Mapping[str, Any] | object, field: str) -> str:
    """A text of the engine's documented trees (a parameter's row, a scenario field) in the
    session's language: ``tree_text(meta, "label")`` is ``label_en`` in English, else ``label_sv``."""
    key = f"{field}_{'en' if lang() == 'en' else 'sv'}"
    return str(source[key] if isinstance(source, Mapping) else getattr(source, key))
