"""What the AppTest page tests share: opening a page and reading what it shows.

Use it with the ``app_store`` fixture (tests/conftest.py), which gives each test its own
store file.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ABOUT = "pages/om-modellen.py"
# A number in ui.frame.scoreboard's HTML: its label and its value.
SCOREBOARD_NUMBER = re.compile(r'class="vv-number" data-label="([^"]*)">.*?<div class="vv-value">([^<]*)</div>')


def open_page(page: str, **query: str) -> AppTest:
    """A fresh session of app.py on ``page`` with ``query`` in the URL, run once without an exception."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, list[str]]:
    """The page's big numbers by label, in the order shown: st.metric and scoreboard numbers."""
    out: dict[str, list[str]] = {}
    for m in at.metric:
        out.setdefault(m.label, []).append(m.value)
    for block in at.get("html"):
        for label, value in SCOREBOARD_NUMBER.findall(block.proto.body):
            out.setdefault(html.unescape(label), []).append(html.unescape(value))
    return out


class _TableReader(HTMLParser):
    """The cells of an HTML table, row by row, as the browser shows them (entities read)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_table(body: str) -> list[list[str]]:
    """The rows of the first table in an ``st.html`` body, header first, each a list of cell texts."""
    reader = _TableReader()
    reader.feed(body[body.index("<table") : body.index("</table>") + len("</table>")])
    return reader.rows


def texts(at: AppTest) -> str:
    """The page's markdown, one element a line."""
    return "\n".join(m.value for m in at.markdown)


def figures(at: AppTest) -> dict[str, dict]:
    """Plotly figures by their widget key (the element id ends with it)."""
    return {el.proto.id.split("-", 2)[2]: json.loads(el.proto.spec) for el in at.get("plotly_chart")}


ADMIN_CODE = "test-administratör-1234"  # the tests' VAGVAL_ADMIN_CODE (the admin_code fixture)


def as_admin(at: AppTest, place: str = "data") -> AppTest:
    """Log the session in as the administrator through ``place``'s login form (once; a no-op after)."""
    fields = [i for i in at.text_input if i.key == f"{place}.admin.code"]
    if fields:
        fields[0].input(ADMIN_CODE)
        at = next(b for b in at.button if b.proto.label in ("Logga in", "Log in")).click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def swedish_numbers(cells) -> list[float]:
    """A table column written the Swedish way ('1 234,5', '−4', '12 %') read back as numbers."""
    out = []
    for cell in cells:
        text = re.sub(r"[^\d,−-]", "", str(cell)).replace("−", "-").replace(",", ".")
        out.append(float(text))
    return out
