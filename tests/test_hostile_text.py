"""Hostile names are shown as text everywhere: every page, the memo and every export.

The municipality of tests/hostile_support.py has a script, an image with onerror, an
iframe, a markdown link, emphasis, formulas and math in every name, and a store with an
alternative saved under an iframe and a workshop whose comments are formulas, HTML and
control characters. Each page is opened (AppTest) and every element that Streamlit renders
as markdown or HTML is read: no tag, link or emphasis from a name may be live. The memo is
read back as text; every CSV and Excel download is read back cell by cell. The real-browser
test is in tests/test_hostile_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from google.protobuf.json_format import MessageToDict
from hostile_support import (
    BOLD,
    COMMENTS,
    DIALOG,
    IFRAME,
    PARTICIPANTS,
    SAVED,
    SCRIPT,
    WORKSHOP,
    fill_store,
    hostile_dataset,
)
from pages_support import ABOUT, open_page
from pypdf import PdfReader
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from engine.core.types import KEEP_ALL
from ui import data, memo, safe
from ui.state import ViewState

COMPARED = f"{SAVED},merge-a-b"
# Each page with the query that shows the hostile saved alternative, and the sections to visit.
PAGES: list[tuple[str, dict[str, str], tuple[str, list[str]] | None]] = [
    ("pages/oversikt.py", {}, ("w.ov_section", ["schools", "population", "quality", "table"])),
    ("pages/scenarier.py", {}, None),
    ("pages/kapacitet.py", {}, None),
    ("pages/ekonomi.py", {"alt": COMPARED}, None),
    ("pages/investeringar.py", {}, None),
    ("pages/jamfor.py", {"alt": COMPARED}, ("w.section", ["cost", "quality", "geography", "robust", "table"])),
    ("pages/foresla.py", {}, None),
    ("pages/barnkonsekvenser.py", {"alt": COMPARED}, None),
    ("pages/omstallning.py", {"alt": COMPARED}, None),
    ("pages/dialog.py", {}, None),
    ("pages/dialog.py", {"dialog": DIALOG}, None),
    ("pages/beslutsunderlag.py", {"alt": COMPARED}, None),
    ("pages/workshop.py", {"ws": WORKSHOP}, None),
    ("pages/workshop.py", {"ws": WORKSHOP, "present": "1"}, None),
    ("pages/bygg.py", {}, None),
    (ABOUT, {}, None),
    ("pages/kalibrering.py", {}, None),
    ("pages/data.py", {}, None),
]

# Markdown that would be live: a tag, a link or emphasis not escaped by a backslash.
LIVE_MARKDOWN = (
    re.compile(r"(?<!\\)<\s*/?\s*(script|iframe|img)\b", re.I),
    re.compile(r"(?<!\\)\]\(\s*https?\\?:"),  # [text](https://…)
    # GFM's autolinks are found after escapes are read: "https\://" is a link too (a word joiner stops it).
    re.compile(r"https?\\?://evil"),
    re.compile(r"www\\?\.evil"),
    re.compile(r"(?<![\\*])\*\*fet"),
    re.compile(r"(?<!\\)\$x\^2"),
    re.compile(r":smile:"),  # an emoji code (shown as text: ":\u2060smile:")
)
LIVE_HTML = (re.compile(r"<\s*(script|iframe|img)\b", re.I), re.compile(r"href\s*=\s*[\"']?https?://evil", re.I))
OWN_SCRIPT = re.compile(r"<script>document\.cookie = 'vagval_participant=[0-9a-f]+; [^<'\\]*';</script>")
NUMBER = re.compile(r"-?\d+(,\d+)?(E[+-]?\d+)?")  # as pandas writes a number with a decimal comma
# Fields of an element's message that Streamlit shows as plain text, never as markdown.
PLAIN_FIELDS = {"default", "value", "rawValues", "data", "spec", "codeText", "placeholder", "url", "id", "formId"}
PLAIN_ELEMENTS = {
    "selectbox",
    "multiselect",
    "select_slider",
    "text_input",
    "text_area",
    "code",
    "dataframe",
    "plotly_chart",
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, list[str]]]]:
    """The hostile dataset served by the app, with the hostile store (one for the module)."""
    tmp = tmp_path_factory.mktemp("hostile")
    folder, refused = hostile_dataset(tmp)
    store = tmp / "vagval.duckdb"
    fill_store(store, "2099")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VAGVAL_STORE", str(store))
        mp.setattr(data, "STORE_PATH", store)
        mp.setattr(data, "DATASET_DIR", folder)
        data.store.clear()
        data.clear()
        yield folder, refused
        data.store.clear()
        data.clear()


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bytes]]:
    """Every table download a page offers: (file name, bytes), as the real buttons get them."""
    offered: list[tuple[str, bytes]] = []
    button = DeltaGenerator.download_button

    def record(self, label, payload, file_name=None, *args, **kwargs):
        if isinstance(payload, bytes) and file_name and file_name.endswith((".csv", ".xlsx")):
            offered.append((file_name, payload))
        return button(self, label, payload, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", record)
    return offered


# --- reading what a page shows ----------------------------------------------------------


def _strings(value: object, skip: set[str]) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from _strings(item, skip)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, skip)


def shown(at: AppTest) -> Iterator[tuple[str, str, str]]:
    """(element type, "markdown" or "html", text) of every text a page renders as markup."""
    stack = [at._tree]
    while stack:
        node = stack.pop()
        stack.extend(getattr(node, "children", {}).values())
        kind, proto = getattr(node, "type", ""), getattr(node, "proto", None)
        if proto is None or not hasattr(proto, "DESCRIPTOR"):
            continue
        message = MessageToDict(proto)
        if kind == "html" or message.get("allowHtml"):
            yield kind, "html", message.get("body", "")
        elif kind == "table":  # st.table: every cell is markdown
            cells = node.value
            for text in [*map(str, cells.columns), *map(str, cells.index), *map(str, cells.to_numpy().ravel())]:
                yield kind, "markdown", text
        elif kind in PLAIN_ELEMENTS:
            for key in ("label", "help"):  # a widget's label and help are markdown
                if isinstance(message.get(key), str):
                    yield kind, "markdown", message[key]
        else:
            for text in _strings(message, PLAIN_FIELDS):
                yield kind, "markdown", text


def live(at: AppTest) -> list[tuple[str, str]]:
    """Every rendered text in which something from a hostile name would be live markup."""
    found = []
    for kind, mode, text in shown(at):
        if mode == "html" and OWN_SCRIPT.fullmatch(text):
            continue  # the app's own: the participant's random id into a cookie
        for pattern in LIVE_HTML if mode == "html" else LIVE_MARKDOWN:
            if pattern.search(text):
                found.append((kind, text[:300]))
    return found


def chart_markup(at: AppTest) -> list[str]:
    """Tags and links from names in the page's charts (plotly reads titles, names, ticks, hover as HTML)."""
    found = []
    for chart in at.get("plotly_chart"):
        spec = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
        found += [m.group(0) for m in re.finditer(r"<\s*(script|iframe|img|a)\b[^>]{0,60}", spec, re.I)]
    return found


def open_hostile(page: str, query: dict[str, str], section: tuple[str, list[str]] | None) -> list[AppTest]:
    runs = [open_page(page, **query)]
    if section is not None:
        key, values = section
        for value in values[1:]:
            at = open_page(page, **query)
            at.session_state[key] = value
            at.run()
            assert not at.exception, [e.value for e in at.exception]
            runs.append(at)
    return runs


# --- the tests ---------------------------------------------------------------------------


def test_the_validator_refuses_nul_and_overlong_names_cleanly(hostile) -> None:
    """Where the dataset format does not allow a NUL or a 10 000-character name, it says so
    with file, row and column; whatever it takes is in the hostile dataset the pages show."""
    _, refused = hostile
    for problems in refused.values():
        assert problems and all(re.match(r"[\w.]+:\d+:\w+: ", p) for p in problems), problems
        assert not any("Traceback" in p or "Error" in p for p in problems), problems


@pytest.mark.parametrize(("page", "query", "section"), PAGES, ids=[f"{p[0]}-{'-'.join(p[1])}" for p in PAGES])
def test_every_page_shows_hostile_names_as_text(hostile, downloads, page, query, section) -> None:
    runs = open_hostile(page, query, section)
    for at in runs:
        assert not live(at), live(at)
        assert not chart_markup(at), chart_markup(at)
    everything = "\n".join(text for at in runs for _, _, text in shown(at))
    # The names are there, as text: escaped in markdown, as entities in HTML.
    assert "\\<script\\>" in everything or "&lt;script&gt;" in everything, page
    check_exports(downloads)


def test_building_on_the_saved_alternative_shows_its_name_as_text(hostile) -> None:
    """Bygg with the saved alternative loaded and a merge added: its name in the effect box's
    coloured header (HTML), in the summary sentence and in the action list (markdown)."""
    at = open_page("pages/bygg.py")
    at.selectbox(key="w.build.from").set_value(SAVED).run()
    at.selectbox(key="w.build.add.action").set_value("merge").run()
    at.selectbox(key="w.build.add.unit").set_value("S-LOVNAS").run()
    at.selectbox(key="w.build.add.to").set_value("S-NORRBY")
    at.select_slider(key="w.build.add.year").set_value(2028)
    at.run()
    at.button(key="build.add").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert not live(at), live(at)
    assert not chart_markup(at), chart_markup(at)
    htmls = [text for _, mode, text in shown(at) if mode == "html"]
    assert any(safe.html(IFRAME) in text for text in htmls), htmls  # the header, escaped
    bodies = "\n".join(text for _, _, text in shown(at))
    assert safe.md("Norrby skola") in bodies and "\\[klick\\]" in bodies  # the units in the action list


def test_a_hostile_link_key_is_reported_as_text(hostile) -> None:
    at = open_page("pages/oversikt.py", **{"[x](https://evil.example)<img src=x onerror=alert(1)>": "1"})
    assert not live(at), live(at)


def test_the_saved_alternative_and_the_comments_are_text(hostile) -> None:
    room = open_page("pages/workshop.py", ws=WORKSHOP, present="1")
    room.session_state["vv.admin"] = True  # the room is the leader's and the administrator's
    room.run()
    assert not room.exception, [e.value for e in room.exception]
    assert not live(room), live(room)
    bodies = "\n".join(text for _, _, text in shown(room))
    assert safe.md(COMMENTS[3]) in bodies  # "@SUM(A1) **fet** <script>…" as written
    assert safe.html(IFRAME) in bodies  # the saved alternative's name in the room's bars


def test_the_workshop_export_neutralises_formulas_and_names_no_one(hostile, downloads) -> None:
    lead = open_page("pages/workshop.py", ws=WORKSHOP)
    lead.session_state["vv.admin"] = True  # the administrator leads every workshop
    lead.session_state["ws.mode"] = "lead"
    lead.run()
    assert not lead.exception, [e.value for e in lead.exception]
    assert not live(lead), live(lead)
    files = dict(downloads)
    assert {n.rsplit(".", 1)[1] for n in files if n.startswith(f"workshop-{WORKSHOP}")} == {"csv", "xlsx"}
    rows = check_exports(downloads)
    comments = [r for r in rows if any(str(c).startswith("'=HYPERLINK") for c in r)]
    assert comments, rows  # the formula comment is there, as text
    participant_column = [r[0] for r in rows if r and isinstance(r[0], int | float)]
    assert sorted(participant_column)[: len(PARTICIPANTS)] == list(range(1, len(PARTICIPANTS) + 1))


def check_exports(downloads: list[tuple[str, bytes]]) -> list[list[object]]:
    """Every downloaded CSV and workbook: no formula, no cell that starts one, no NUL, no cookie id."""
    rows: list[list[object]] = []
    for name, payload in downloads:
        for pid in PARTICIPANTS:
            assert pid.encode() not in payload, (name, pid)
        if name.endswith(".csv"):
            text = payload.decode("utf-8-sig")
            assert "\x00" not in text, name
            table = [list(r) for r in csv.reader(io.StringIO(text), delimiter=";")]
        else:
            book = openpyxl.load_workbook(io.BytesIO(payload))
            table = []
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        assert cell.data_type != "f", (name, cell.coordinate, cell.value)
                    table.append([c.value for c in row])
        for row in table:
            for value in row:
                if isinstance(value, str) and not NUMBER.fullmatch(value):  # a number is a number in a CSV
                    assert not value.startswith(safe.FORMULA_START), (name, value[:80])
                    assert "\x00" not in value, name
        rows += table
    return rows


@pytest.mark.parametrize(
    "name",
    [
        "Norrby skola",
        "Skola & fritid - väst",
        "Ängsgården (f.d. Ängsskolan)",
        "Slå samman Åsby och Norrby (2027)",
        "S:t Olofs skola",
        "Bas: fortsatt minskning",
        "Omställning och de två minsta byskolorna (2028–2030)",
        "max_class_size",
    ],
)
def test_a_normal_name_reads_as_before(name: str) -> None:
    assert safe.md(name) == name and safe.pdf(name) == name and safe.cell(name) == name
    assert safe.html(name) == name.replace("&", "&amp;") and safe.plot(name) == safe.html(name)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("[klick](https://evil.example)", "\\[klick\\](https:\u2060//evil.example)"),
        ("**fet** _kursiv_ ~~bort~~ `kod` $x$", "\\*\\*fet\\*\\* \\_kursiv\\_ \\~\\~bort\\~\\~ \\`kod\\` \\$x\\$"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("# Rubrik", "\\# Rubrik"),
        ("- punkt", "\\- punkt"),
        ("2028. Stäng", "2028\\. Stäng"),
        ("www.evil.example a@evil.example", "www\u2060.evil.example a\u2060@evil.example"),
        (":material/delete: :smile:", ":\u2060material/delete: :\u2060smile:"),
        ("a &lt; b", "a \\&lt; b"),
        ("rad ett\nrad två\x00", "rad ett rad två"),
    ],
)
def test_markdown_in_a_name_is_escaped(name: str, shown: str) -> None:
    assert safe.md(name) == shown


def test_downloads_neutralise_formulas_and_keep_numbers() -> None:
    frame = safe.table(
        __import__("pandas").DataFrame(
            {"=namn": ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\ry", "Norrby skola", "Skola & fritid - väst"]}
            | {"tal": [-2, 1.5, 0, 3, -1e6, 2, 7, 8]}
        )
    )
    assert list(frame.columns) == ["'=namn", "tal"]
    assert frame["'=namn"].tolist() == [
        "'=1+1",
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "'\tx",
        "'\ry",
        "Norrby skola",
        "Skola & fritid - väst",
    ]
    assert frame["tal"].tolist() == [-2, 1.5, 0, 3, -1e6, 2, 7, 8]
    assert safe.cell("a\x00b\x07c") == "abc" and safe.cell("\x00=1") == "'=1"


def test_the_memo_is_plain_text(hostile, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "browser_path", lambda: None)
    monkeypatch.setattr(memo, "_renderer", None)
    view = ViewState(scenario="stress", alternatives=(SAVED, "merge-a-b"))
    pdf = memo.build_memo(view, [KEEP_ALL, SAVED, "merge-a-b"])
    reader = PdfReader(io.BytesIO(pdf))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    # Markdown from names is printed as written, not read as bold or a link.
    assert "[klick](https://evil.example)" in text and BOLD in text and SCRIPT in text
    links = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots", []) or []
    ]
    assert links and not [link for link in links if "evil" in link], links  # only the view's own link
