"""Widgets bound to the view state: parameter sliders by group, alternative pickers.

Each widget keeps its value under ``w.<name>``; its starting value comes from the
view (and so from the URL). Every slider names its unit and its default, and each
group has a reset button.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import describe
from engine.core.types import KEEP_ALL
from ui import numbers, safe
from ui.i18n import t, tree_text, unit
from ui.session import session_seed
from ui.state import ViewState


def _step(meta: dict) -> float:
    if meta["integer"]:
        return 1
    span = meta["max"] - meta["min"]
    exponent = math.floor(math.log10(span / 100)) if span > 0 else 0
    return 10.0**exponent


def _format(value: float, meta: dict) -> str:
    if meta["integer"] or abs(value) >= 1000:
        return fmt.number(value, 0)
    return fmt.number(value, 2 if value < 10 else 1)


def _seed(key: str, value: object) -> None:
    if key not in st.session_state:
        st.session_state[key] = value


def parameter_sliders(view: ViewState, groups: Iterable[str], *, container=st, framed: bool = True) -> dict[str, float]:
    """Sliders for every parameter in ``groups``; returns the overrides that differ from the defaults.

    Parameters of groups not drawn keep the values the view has. ``framed`` puts each
    group in its own expander; without it the sliders stand in ``container`` as they are.
    """
    overrides = dict(view.overrides)
    rows = describe()
    for group in groups:
        members = [r for r in rows if r["group"] == group]
        box = (
            container.expander(t(f"group.{group}"), expanded=group in ("classes", "transport")) if framed else container
        )
        keys = [f"w.{r['name']}" for r in members]

        def reset(keys: list[str] = keys, members: list[dict] = members) -> None:
            for key, meta in zip(keys, members, strict=True):
                st.session_state[key] = meta["default"]

        for key, meta in zip(keys, members, strict=True):
            default = meta["default"]
            step = _step(meta)
            options = [type(default)(v) for v in numbers.steps(meta["min"], meta["max"], step)]
            _seed(key, numbers.nearest(options, view.overrides.get(meta["name"], default)))
            value = numbers.slider(
                box,
                f"{tree_text(meta, 'label')} ({unit(meta['unit'])})",
                options=options,
                key=key,
                decimals=0 if meta["integer"] or step >= 1 else -math.floor(math.log10(step)),
                help=f"{tree_text(meta, 'description')} {t('param.default', value=_format(default, meta))}.",
            )
            if value != default:
                overrides[meta["name"]] = float(value)
            else:
                overrides.pop(meta["name"], None)
        box.button(t("state.reset"), key=f"reset.{group}", on_click=reset)
    return overrides


def slider_overrides(view: ViewState, groups: Iterable[str]) -> dict[str, float]:
    """What :func:`parameter_sliders` will return for ``groups``, before they are drawn: each slider's value
    in the session (moved, or reset by its button), else the view's. A page that shows its answer above its
    sliders draws it first with these, so the sliders do not jump down when it arrives."""
    overrides = dict(view.overrides)
    for meta in (r for r in describe() if r["group"] in set(groups)):
        value = st.session_state.get(f"w.{meta['name']}", view.overrides.get(meta["name"], meta["default"]))
        if value != meta["default"]:
            overrides[meta["name"]] = float(value)
        else:
            overrides.pop(meta["name"], None)
    return overrides


def picked_alternatives(view: ViewState, alternatives: dict) -> list[str]:
    """What :func:`alternative_picker` will return, before it is drawn (see :func:`slider_overrides`)."""
    chosen = st.session_state.get("w.alternatives", [a for a in view.alternatives if a in alternatives])
    return [a for a in chosen if a in alternatives][:MAX_COMPARED]


def changes_list(view: ViewState) -> list[str]:
    """Plain-words list of what differs from the defaults, for the 'what have we changed' box."""
    rows = {r["name"]: r for r in describe()}
    out = []
    for name, value in sorted(view.overrides.items()):
        meta = rows[name]
        out.append(
            f"{tree_text(meta, 'label')}: {_format(value, meta)} {unit(meta['unit'], value)} ({t('param.default', value=_format(meta['default'], meta))})"
        )
    return out


MAX_COMPARED = 3


def _at_most_compared() -> None:
    """Callback: keep the first MAX_COMPARED alternatives picked and say which were dropped.

    Streamlit's own ``max_selections`` answers in English ("You can only select up to 3
    options"), so the limit is kept here and told in the view's language.
    """
    chosen = st.session_state["w.alternatives"]
    if len(chosen) > MAX_COMPARED:
        st.session_state["w.alternatives"] = chosen[:MAX_COMPARED]
        st.session_state["pick.dropped"] = chosen[MAX_COMPARED:]


def alternative_picker(view: ViewState, alternatives: dict, *, help: str | None = None) -> list[str]:
    """Up to three alternatives to set against keep-all (shared by every page that compares)."""
    session_seed("w.alternatives", [a for a in view.alternatives if a in alternatives])
    picked = st.multiselect(
        t("compare.pick"),
        [a for a in alternatives if a != KEEP_ALL],
        key="w.alternatives",
        format_func=lambda a: alternatives[a].name,
        on_change=_at_most_compared,
        select_all=False,  # "Select all" is English, and all would be more than MAX_COMPARED
        placeholder=t("pick.placeholder"),
        help=help,
    )
    if dropped := st.session_state.pop("pick.dropped", None):
        names = ", ".join(alternatives[a].name for a in dropped if a in alternatives)
        st.toast(t("pick.limit", count=MAX_COMPARED, dropped=safe.md(names)))
    return picked[:MAX_COMPARED]
