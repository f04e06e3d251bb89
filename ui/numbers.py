"""Numbers on screen the Swedish way where Streamlit would print them itself: tables, metrics, sliders.

Streamlit writes a float in a table as ``797.603``, a slider's value as ``1.45`` and a
metric's negative delta with a hyphen; none of its number formats has a decimal comma.
So every number reaches Streamlit as text already written by engine/core/formatting.py:
a table is a frame of strings (numbers right-aligned), a slider picks among values it
shows through ``format_func``, and a metric gets its arrow and colour from the sign.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from ui.i18n import t

Formatter = Callable[[Any], str]
MINUS = "−"


def cell(value: Any, decimals: int | None = None) -> str:
    """One cell as text: a number the Swedish way (whole numbers without decimals, others with one
    unless ``decimals`` says), nothing as '–', text as it is."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float) or hasattr(value, "dtype"):
        number = float(value)
        if decimals is None:
            decimals = 0 if number.is_integer() else 1
        return fmt.number(number, decimals)
    return str(value)


def swedish_frame(
    frame: pd.DataFrame, formats: Mapping[str, Formatter] | None = None, *, years: Sequence[str] = ()
) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` with every cell as text, and the names of its number columns (to right-align).

    A column in ``formats`` is written by its formatter, a column named in ``years`` as a
    plain year (2035, not 2 035); any other number column by :func:`cell`.
    """
    formats = formats or {}
    out = pd.DataFrame(index=frame.index.map(lambda v: cell(v, 0) if isinstance(v, int | float) else str(v)))
    numeric: list[str] = []
    for name in frame.columns:
        values = frame[name]
        is_number = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        if name in formats:
            written = [("–" if _missing(v) else formats[name](v)) for v in values]
        elif name in years:
            written = ["–" if _missing(v) else str(int(v)) for v in values]
        else:
            written = [cell(v) for v in values]
        out[str(name)] = written
        if is_number or name in formats:
            numeric.append(str(name))
    out.index.name = frame.index.name
    return out, numeric


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def table(
    frame: pd.DataFrame,
    formats: Mapping[str, Formatter] | None = None,
    *,
    years: Sequence[str] = (),
    hide_index: bool = True,
    container: Any = st,
    column_config: Mapping[str, Any] | None = None,
) -> None:
    """``frame`` in ``st.dataframe`` with every number written the Swedish way (see :func:`swedish_frame`)."""
    shown, numeric = swedish_frame(frame, formats, years=years)
    config: dict[str, Any] = {name: st.column_config.TextColumn(alignment="right") for name in numeric}
    config.update(column_config or {})
    container.dataframe(shown, width="stretch", hide_index=hide_index, column_config=config)


def metric(
    target: Any,
    label: str,
    value: str,
    delta: str | None = None,
    *,
    delta_color: str = "normal",
    delta_arrow: str = "auto",
    help: str | None = None,
) -> None:
    """``st.metric`` in ``target`` with a true minus in the delta.

    Streamlit reads a delta's sign from a leading hyphen and prints the hyphen; here the
    sign decides the arrow and the colour (``delta_color`` as in ``st.metric``) and the text
    shows '−'. A delta that is words (a school's name) gets no arrow and stays grey.
    """
    if not delta:
        target.metric(label, value, help=help)
        return
    negative = delta.startswith(("-", MINUS))
    signed = delta.startswith(("-", MINUS, "+"))
    text = MINUS + delta[1:] if delta.startswith("-") else delta
    arrow = delta_arrow if delta_arrow != "auto" else ("down" if negative else "up") if signed else "off"
    if delta_color == "off" or not signed:
        colour = "gray"
    else:
        good = not negative if delta_color == "normal" else negative
        colour = "green" if good else "red"
    target.metric(label, value, text, delta_color=colour, delta_arrow=arrow, help=help)


def steps(low: float, high: float, step: float) -> list[float]:
    """The values a slider from ``low`` to ``high`` stops at, ``step`` apart, each rounded so that a
    value typed in a link (1.45) is one of them exactly."""
    count = round((high - low) / step)
    digits = max(0, -math.floor(math.log10(step))) + 2 if step < 1 else 0
    return [round(low + i * step, digits) if digits else low + i * step for i in range(count + 1)]


def nearest(options: Sequence[float], value: float) -> float:
    """The option closest to ``value``: a slider's value must be one of its stops."""
    return min(options, key=lambda o: abs(o - value))


def slider(
    container: Any,
    label: str,
    *,
    options: Sequence[float],
    key: str,
    decimals: int,
    help: str | None = None,
    prefix_plus: bool = False,
) -> float:
    """A slider that shows its values the Swedish way ('1,45', '−4,0', '230 000').

    ``st.slider`` formats with printf, which has no decimal comma, so this is a
    ``select_slider`` over the slider's stops; the value kept under ``key`` must be one of
    ``options`` (see :func:`nearest`).
    """

    def shown(v: float) -> str:
        return ("+" if prefix_plus and v > 0 else "") + fmt.number(v, decimals)

    return container.select_slider(label, options=list(options), key=key, format_func=shown, help=help)


def against_keep_all(cost_diff_sek: float) -> tuple[str, str]:
    """An alternative's total cost against keeping all (alternative − keep-all, kr) in words and its tone:
    ('sparar 23,4 mnkr', 'good'), ('kostar 23,4 mnkr mer', 'bad') or ('kostar lika mycket', 'off') when it
    rounds to nothing. The same words on Jämför, Ekonomi, Bygg alternativ and in the memo."""
    amount = fmt.mnkr(abs(cost_diff_sek))
    if amount == fmt.mnkr(0):
        return t("effect.even"), "off"
    if cost_diff_sek < 0:
        return t("effect.saves", amount=amount), "good"
    return t("effect.costs", amount=amount), "bad"


def against_keep_all_parts(cost_diff_sek: float) -> tuple[str, str, str]:
    """:func:`against_keep_all` for a big number: the amount, the verb and the tone
    ('23,4 mnkr', 'sparar', 'good'); the verb stands where a big number shows its change."""
    words, tone = against_keep_all(cost_diff_sek)
    verb = {"good": t("effect.tag.saves"), "bad": t("effect.tag.costs")}.get(tone, words)
    return fmt.mnkr(abs(cost_diff_sek)), verb, tone


def against_keep_all_metric(target: Any, label: str, cost_diff_sek: float, *, help: str | None = None) -> None:
    """:func:`against_keep_all_parts` as a metric: the amount as its value, the verb green or red below it."""
    amount, verb, tone = against_keep_all_parts(cost_diff_sek)
    colour = {"good": "green", "bad": "red"}.get(tone, "gray")
    target.metric(label, amount, verb, delta_color=colour, delta_arrow="off", help=help)


def _css_words(key: str, **values: object) -> str:
    """A label as the text of a CSS ``content``: no backslash or double quote can end it early."""
    return t(key, **values).replace("\\", "").replace('"', "'")


def status_words() -> str:
    """CSS that writes the Stop button of Streamlit's status widget (top right while a page is
    being computed, on a slow first visit) in the view's language, as :func:`uploader_words` does."""
    button = '[data-testid="stStatusWidget"] button'
    return (
        f"{button} {{font-size: 0}}"
        f'{button}::after {{content: "{_css_words("status.stop")}"; font-size: 0.875rem}}'
        f'{button}:disabled::after {{content: "{_css_words("status.stopping")}"}}'
    )


def uploader_words(mb: int) -> str:
    """CSS that writes ``st.file_uploader``'s own texts ('Upload', '20MB per file') in the view's language.

    Streamlit has no setting for them, so the text is hidden and the label's words drawn in its
    place (tests/test_browser_numbers.py reads what the browser shows).
    """

    button = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    limit = '[data-testid="stFileUploaderDropzoneInstructions"] span'
    return (
        f"<style>{button}, {limit} {{font-size: 0}}"
        f'{button}::after {{content: "{_css_words("upload.button")}"; font-size: 1rem}}'
        f'{limit}::after {{content: "{_css_words("upload.limit", mb=mb)}"; font-size: 0.875rem}}</style>'
    )
