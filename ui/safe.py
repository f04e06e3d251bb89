"""Texts from a dataset, the store or a visitor, made safe where they are put into markup.

A name of a municipality, area, unit, scenario or alternative, a description, a saved
alternative, a workshop comment: each may come from an upload or a visitor, so each is
hostile until it is shown. Nothing here changes what is stored; each helper is applied at
the point where such a text goes into one kind of markup, and shows it as the text it is:

* :func:`md` for Streamlit's markdown (``st.markdown``, captions, alerts, widget and metric
  labels, ``help``, labels of ``t()`` whose placeholders receive names): no link, image,
  emphasis, code, ``:colour[...]`` directive, ``$math$``, HTML or block; :func:`code` inside
  a label's `…` code span;
* :func:`html` for HTML (``unsafe_allow_html`` blocks, ``st.html``): entities, one line;
* :func:`plot` for plotly's titles, trace names, hover and tick texts, which plotly reads
  as a small HTML (``<a href>``, ``<b>``, ``<br>``);
* :func:`pdf` for the memo's markdown paragraphs (fpdf2: ``**``, ``__``, ``~~``, ``--``);
* :func:`cell` and :func:`table` for every CSV and Excel download: no formula.

A normal name reads as before: "Norrby skola", "Skola & fritid", "Ängsgården (f.d.
Ängsskolan)" and "Slå samman Åsby och Norrby (2027)" pass :func:`md` unchanged.
"""

from __future__ import annotations

import html as _html
import re
from typing import Any

import pandas as pd

# C0 controls and DEL, which no screen or spreadsheet shows; tab, line feed and carriage return
# are handled by each helper (one line on screen, kept inside an exported cell).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]+")

# Markdown that is live anywhere in a line: links and images ([ ]), emphasis (* _ ~), code (`),
# HTML and autolinks (< >), math ($), table cells (|) and the escape character itself.
_MD_INLINE = re.compile(r"([\\`*\[\]<>~$|]|(?<![^\W_])_|_(?![^\W_]))")  # "_" inside a word is inert: max_class_size
# A character reference ("&lt;") would be read as the character it names.
_MD_REFERENCE = re.compile(r"(?i)&(?=#?[0-9a-z]+;)")
# GFM's literal autolinks ("https://…", "www.…", "name@host") are found in the text after
# escapes are read, so a backslash does not stop them: an invisible word joiner does.
# Streamlit's icon and emoji codes (":material/delete:", ":smile:") are read from the text the same way.
_MD_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)|(?<=:)(?=(?:material/)?[a-z0-9_+-]+:)")
WORD_JOINER = "\u2060"
# What starts a block at the start of a text: heading, list, quote, setext line, ordered list.
_MD_BLOCK = re.compile(r"^(\s*)(?:([#>+=-])|(\d+)([.)]))")


def text(value: object) -> str:
    """The value as one line of plain text: control characters removed, line breaks as spaces."""
    return _LINE_BREAKS.sub(" ", _CONTROL.sub("", str(value)))


def md(value: object) -> str:
    """A text for Streamlit's markdown, shown exactly as written (no markup of its own is live)."""
    escaped = _MD_INLINE.sub(r"\\\1", text(value))
    escaped = _MD_AUTOLINK.sub(WORD_JOINER, _MD_REFERENCE.sub(r"\\&", escaped))
    return _MD_BLOCK.sub(_unblock, escaped, count=1)


def _unblock(match: re.Match[str]) -> str:
    """ "# x", "- x", "> x" or "2028. x" at the start: the escaped sign keeps it text, not a block."""
    space, sign, digits, dot = match.groups()
    return f"{space}\\{sign}" if sign else f"{space}{digits}\\{dot}"


def code(value: object) -> str:
    """A text for inside a label's `…` code span (a file name), shown as written: a code span
    reads no markup, so only a backtick, which would end it, is shown as its look-alike ˋ."""
    return text(value).replace("`", "\u02cb")


def html(value: object) -> str:
    """A text for HTML, shown as written: <, >, &, quotes as entities, on one line."""
    return _html.escape(text(value), quote=True)


def plot(value: object) -> str:
    """A text for a plotly title, trace name, hover or tick: its HTML subset shown as written."""
    return _html.escape(text(value), quote=False)


# fpdf2's markdown markers, and its escape character.
_PDF_MARKUP = re.compile(r"(\\|\*\*|__|~~|--)")


def pdf(value: object) -> str:
    """A text for the memo's markdown paragraphs (fpdf2), shown as written: its markers escaped.

    fpdf2 has no escape for a link; the memo's PDF class turns markdown links off instead."""
    return _PDF_MARKUP.sub(r"\\\1", text(value))


# A cell that begins with one of these is read as a formula by Excel, LibreOffice or Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A value for a CSV or Excel download: a text that could start a formula gets a leading
    apostrophe, and characters a spreadsheet cannot hold are removed; numbers, dates and
    empty cells are kept as they are."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(FORMULA_START) else value


def table(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table for download: every text cell and column heading through :func:`cell`."""
    out = frame.copy()
    out.columns = [cell(c) for c in out.columns]
    for column in range(out.shape[1]):
        series = out.iloc[:, column]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            out.isetitem(column, series.map(cell))
    return out
