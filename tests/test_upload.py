"""Uploading a dataset: the engine's checks (engine.dataset.upload), the store's tables, and the "Data" page.

The page tests drive st.file_uploader through AppTest (streamlit 1.67 supports it:
``at.file_uploader[0].set_value((name, bytes, mime))``). The uploaded municipality is
the tiny one from tests/conftest.py ("Lillby kommun"), written as a workbook or a zip.
"A restart" is a new AppTest session after the module caches have been emptied, so a
new Store object reads the DuckDB file and the dataset is parsed again from its bytes.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pages_support import as_admin, metrics, open_page, texts
from streamlit.testing.v1 import AppTest

from engine.dataset import DatasetError
from engine.dataset import upload as upload_module
from engine.dataset.upload import MAX_UPLOAD_BYTES, dataset_id, read_upload, table_counts
from engine.dataset.workbook import write_workbook
from engine.store import Store
from ui.state import default_view

DATA = "pages/data.py"
OVERVIEW = "pages/oversikt.py"
OTHER_PAGES = ("pages/oversikt.py", "pages/scenarier.py", "pages/kapacitet.py", "pages/ekonomi.py", "pages/jamfor.py")
LILLBY = "Lillby kommun"
DEMO = "Vålberga kommun"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def workbook_bytes(municipality_writer: Callable[..., Path]) -> Callable[[Path, dict[str, Any]], bytes]:
    """``workbook_bytes(folder, spec)``: the municipality written as a folder, then as a workbook's bytes."""

    def write(folder: Path, spec: dict[str, Any]) -> bytes:
        municipality_writer(folder, spec)
        return write_workbook(folder, folder.parent / f"{folder.name}.xlsx").read_bytes()

    return write


def zip_bytes(folder: Path, prefix: str = "", extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.fixture
def lillby_xlsx(tmp_path: Path, municipality_spec: dict[str, Any], workbook_bytes) -> bytes:
    return workbook_bytes(tmp_path / "lillby", municipality_spec)


@pytest.fixture
def fresh_caches(app_store: Path, admin_code: str) -> Iterator[Path]:
    """The app_store fixture, and no dataset loaded from an earlier test; the administrator's code set."""
    from ui import data

    data.clear()
    yield app_store
    data.clear()


def restart() -> None:
    """What a server restart leaves: only the DuckDB file."""
    from ui import data

    data.store.clear()
    data.clear()


def upload(at: AppTest, name: str, content: bytes, mime: str = XLSX) -> AppTest:
    """Upload as the administrator (logging the session in first): only the administrator uploads."""
    at = as_admin(at)
    at.file_uploader[0].set_value((name, content, mime)).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sidebar_name(at: AppTest) -> str:
    return at.sidebar.markdown[0].value


# --- engine: reading an upload -------------------------------------------------------------


def test_a_workbook_upload_is_read_with_an_id_from_its_code_and_content(lillby_xlsx: bytes) -> None:
    up = read_upload("C:\\Users\\anna\\Lillby.xlsx", lillby_xlsx)  # a browser may send a Windows path
    assert up.filename == "Lillby.xlsx"
    assert up.dataset.name == LILLBY
    assert up.id == dataset_id("9999", lillby_xlsx) == read_upload("annat namn.xlsx", lillby_xlsx).id
    assert up.id.startswith("9999-") and len(up.id) == 17
    assert str(up.dataset.path).endswith(up.id)  # pages key their caches on the path: one per upload
    counts = dict(table_counts(up.dataset))
    assert counts["areas"] == 3 and counts["scenarios"] == 2 and counts["facility_usage"] == 3
    assert counts["distances"] == 0


def test_a_zip_with_its_files_in_a_subfolder_and_macos_debris_loads(municipality_path: Path) -> None:
    folder = municipality_path
    content = zip_bytes(
        folder, "Lillby data/", extra={"__MACOSX/Lillby data/._areas.csv": b"\0\1", "README.txt": b"hej"}
    )
    up = read_upload("lillby.zip", content)
    assert up.dataset.name == LILLBY
    assert read_upload("platt.zip", zip_bytes(folder)).dataset.name == LILLBY


def test_semicolon_csv_in_windows_1252_from_swedish_excel_loads(
    tmp_path: Path, tiny_spec: dict, dataset_writer
) -> None:
    folder = dataset_writer(tmp_path / "excel", tiny_spec, delimiter=";", decimal=",", encoding="cp1252")
    assert "Östra".encode("cp1252") in (folder / "areas.csv").read_bytes()
    up = read_upload("excel.zip", zip_bytes(folder))
    assert "Östra Cé" in set(up.dataset.areas["name"])


def _zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.xlsx", b"", "filen är tom"),
        ("stor.zip", b"0" * (MAX_UPLOAD_BYTES + 1), "högst 20 MB"),
        ("areas.csv", b"area_id,name,lat,lon\n", "bara en Excel-arbetsbok (.xlsx) eller en zip-fil"),
        ("kommun.xls", b"\xd0\xcf\x11\xe0", "bara en Excel-arbetsbok"),
        ("trasig.zip", b"PK\x03\x04 inte en riktig zip", "ingen giltig zip-fil"),
        ("text.xlsx", "area_id;name\nA;Åby\n".encode("cp1252"), "ingen Excel-arbetsbok"),
        ("omdöpt.xlsx", _zip_of({"municipality.toml": b'name = "x"'}), "ingen Excel-arbetsbok"),
        ("tom.zip", _zip_of({"readme.txt": b"hej"}), "municipality.toml saknas i zip-filen"),
        ("tva.zip", _zip_of({"a/municipality.toml": b"", "b/municipality.toml": b""}), "flera datamappar"),
    ],
)
def test_files_that_are_no_dataset_are_refused_in_swedish(name: str, content: bytes, message: str) -> None:
    with pytest.raises(DatasetError) as caught:
        read_upload(name, content)
    [problem] = caught.value.problems
    assert problem.file == name
    assert message in problem.message


def test_a_zip_that_unpacks_to_far_more_than_it_weighs_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(upload_module, "MAX_UNPACKED_BYTES", 10_000)  # instead of a 200 MB test file
    content = _zip_of({"municipality.toml": b"\0" * 20_000})
    assert len(content) < 1_000
    with pytest.raises(DatasetError, match="packas upp till mer än"):
        read_upload("bomb.zip", content)


def test_problems_name_the_workbook_sheet_row_and_column(
    tmp_path: Path, municipality_spec: dict, workbook_bytes
) -> None:
    spec = municipality_spec
    spec["population"][1]["area_id"] = "Ax"  # a typo in an id, on spreadsheet row 3
    for row in spec["demography"]:
        del row["mortality"]  # a missing column
    with pytest.raises(DatasetError) as caught:
        read_upload("kommun.xlsx", workbook_bytes(tmp_path / "fel", spec))
    shown = [str(p) for p in caught.value.problems]
    assert any(s.startswith("kommun.xlsx[population]:3:area_id: okänd område 'Ax'") for s in shown), shown
    assert any(s.startswith("kommun.xlsx[demography]:1:mortality: kolumnen 'mortality' saknas") for s in shown), shown


def test_problems_in_a_zip_name_the_file_inside_it(
    tmp_path: Path, municipality_spec: dict, municipality_writer
) -> None:
    spec = municipality_spec
    spec["areas"][1]["lat"] = 6750000.0  # SWEREF metres instead of degrees, row 3
    folder = municipality_writer(tmp_path / "lillby", spec)
    (folder / "units.csv").unlink()
    with pytest.raises(DatasetError) as caught:
        read_upload("kommun.zip", zip_bytes(folder, "lillby/"))
    shown = [str(p) for p in caught.value.problems]
    assert any(s.startswith("kommun.zip/lillby/areas.csv:3:lat: 6750000") for s in shown), shown
    assert "kommun.zip/lillby/units.csv: filen saknas i zip-filen" in shown
    assert not any("/tmp" in s for s in shown)  # never the temporary folder's name


# --- the store: uploaded datasets and settings ---------------------------------------------


def test_uploads_and_settings_persist_across_store_objects(tmp_path: Path) -> None:
    path = tmp_path / "vagval.duckdb"
    first = Store(path)
    assert first.uploaded_datasets() == [] and first.setting("default_dataset") is None
    first.save_dataset("9999-abc", LILLBY, "9999", "lillby.xlsx", b"\x00PK\xff")
    first.set_setting("default_dataset", "9999-abc")

    second = Store(path)  # another process, or the same one after a restart
    assert second.dataset_file("9999-abc") == ("lillby.xlsx", b"\x00PK\xff")
    assert second.dataset_file("0000-none") is None
    [(ident, name, code, filename, when)] = second.uploaded_datasets()
    assert (ident, name, code, filename) == ("9999-abc", LILLBY, "9999", "lillby.xlsx")
    assert when is not None
    assert second.setting("default_dataset") == "9999-abc"

    time.sleep(0.05)  # file stamps move in clock ticks of a few ms; the reader's cache keys on them
    second.set_setting("default_dataset", None)
    assert first.setting("default_dataset") is None  # the first one's read cache sees the file change
    second.save_dataset("9999-abc", LILLBY, "9999", "igen.xlsx", b"new")  # the same id replaces the row
    assert [row[3] for row in Store(path).uploaded_datasets()] == ["igen.xlsx"]


def test_deleting_an_upload_removes_it_and_a_default_that_named_it_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "vagval.duckdb")
    for ident in ("9999-abc", "9999-def"):
        store.save_dataset(ident, LILLBY, "9999", f"{ident}.xlsx", b"x")
    store.save_alternative("9999", "stang-a", "{}")
    store.set_setting("default_dataset", "9999-def")
    store.delete_dataset("9999-abc", "default_dataset")
    assert [row[0] for row in store.uploaded_datasets()] == ["9999-def"]
    assert store.setting("default_dataset") == "9999-def"  # it named another upload
    store.delete_dataset("9999-def", "default_dataset")
    assert store.uploaded_datasets() == [] and store.setting("default_dataset") is None
    assert store.saved_alternatives("9999") == [("stang-a", "{}")]  # they belong to the municipality's code


# --- the page -------------------------------------------------------------------------------


def test_the_page_shows_the_server_dataset_and_offers_the_template(fresh_caches: Path) -> None:
    from ui import data

    at = open_page(DATA)
    assert at.title[0].value == "Data: underlaget som alla sidor räknar på"
    assert f"**{DEMO}** (kommunkod 2099) — serverns egen data, från `data/demo`." in texts(at)
    assert any(c.value == "Nya besökare får den här datan." for c in at.caption)
    counts = at.dataframe[0].value
    assert counts.iloc[0].tolist() == ["Planeringsområden (areas)", "15"]
    assert [b.proto.label for b in at.get("download_button")] == [
        "Ladda ner ifylld arbetsbok för Upplands Väsby",  # the first municipality: engine start (tests/test_start.py)
        "Ladda ner mallen (Excel)",
    ]
    assert read_upload("mall.xlsx", data.template()).dataset.name == DEMO  # the template itself passes
    english = open_page(DATA, lang="en")
    assert english.title[0].value == "Data: what every page computes from"


def test_a_good_upload_is_used_by_every_page_and_its_link(fresh_caches: Path, lillby_xlsx: bytes) -> None:
    at = open_page(DATA, scenario="stress")
    assert at.session_state["view"].scenario == "stress"
    upload(at, "lillby.xlsx", lillby_xlsx)
    assert any("kan användas: **Lillby kommun** (kommunkod 9999)" in s.value for s in at.success)
    assert sidebar_name(at).startswith(f"**{DEMO}**")  # checked, not yet used
    at.button(key="data.use").click().run()
    assert not at.exception
    ident = dataset_id("9999", lillby_xlsx)
    view = at.session_state["view"]
    assert view.dataset == ident
    assert view.scenario == "bas" and view.alternatives == ("close-b", "merge-b-c")  # Lillby's defaults
    assert at.query_params["data"] == ident
    assert "scenario" not in at.query_params  # the old dataset's choices are gone from the link
    assert any("Nu används Lillby kommun" in s.value for s in at.success)
    assert sidebar_name(at).startswith(f"**{LILLBY}**")
    assert any("uppladdad som `lillby.xlsx`" in m.value for m in at.markdown)
    assert not at.file_uploader[0].value  # emptied after use
    for page in OTHER_PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert sidebar_name(at).startswith(f"**{LILLBY}**"), page
        assert at.sidebar.selectbox(key="w.scenario").value == "bas"

    restart()  # a new session from the link, after a restart: the store file alone has the data
    again = open_page(OVERVIEW, data=ident)
    assert sidebar_name(again).startswith(f"**{LILLBY}**")
    assert not again.warning
    plain = open_page(OVERVIEW)  # not made the default: new visitors still get the server's data
    assert sidebar_name(plain).startswith(f"**{DEMO}**")


def test_a_bad_upload_lists_every_problem_and_changes_nothing(
    fresh_caches: Path, tmp_path: Path, municipality_spec: dict, workbook_bytes
) -> None:
    at = open_page(OVERVIEW, scenario="stress")
    before = metrics(at)
    at.switch_page(DATA).run()
    spec = municipality_spec
    spec["units"][0]["area_id"] = "Aa"  # an id with a typo, on row 2 of units
    for row in spec["population"]:
        del row["persons"]  # a missing column
    upload(at, "lillby.xlsx", workbook_bytes(tmp_path / "fel", spec))
    [error] = at.error
    assert error.value.startswith("`lillby.xlsx` kan inte användas: 2 fel.")
    assert f"Ingenting har ändrats — {DEMO} används fortfarande." in error.value
    problems = at.dataframe[-1].value
    assert list(problems.columns) == ["Fil [blad]", "Rad", "Kolumn", "Vad som är fel"]
    rows = {(f, r, c) for f, r, c in problems[["Fil [blad]", "Rad", "Kolumn"]].itertuples(index=False)}
    assert rows == {("lillby.xlsx[units]", "2", "area_id"), ("lillby.xlsx[population]", "1", "persons")}
    assert "menade du 'A'?" in " ".join(problems["Vad som är fel"])
    assert not any(b.key == "data.use" for b in at.button)
    assert at.session_state["view"].dataset == "" and at.session_state["view"].scenario == "stress"
    at.switch_page(OVERVIEW).run()
    assert metrics(at) == before
    assert sidebar_name(at).startswith(f"**{DEMO}**")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("trasig.zip", b"PK\x03\x04\x14\x00 trasig", "ingen giltig zip-fil"),
        ("omdopt.xlsx", b"id;namn\n1;\xc5by\n", "ingen Excel-arbetsbok"),
        ("tom.xlsx", b"", "filen är tom"),
        ("jattestor.zip", b"0" * (MAX_UPLOAD_BYTES + 1), "högst 20 MB"),
        ("bild.png", b"\x89PNG\r\n", "bara en Excel-arbetsbok (.xlsx) eller en zip-fil"),
    ],
)
def test_files_that_are_no_dataset_get_a_message_not_a_traceback(
    fresh_caches: Path, name: str, content: bytes, message: str
) -> None:
    at = upload(open_page(DATA), name, content, "application/octet-stream")
    [error] = at.error
    assert f"`{name}` kan inte användas: 1 fel" in error.value
    assert message in at.dataframe[-1].value["Vad som är fel"].iloc[0]
    assert at.session_state["view"].dataset == ""


def test_a_semicolon_windows_1252_zip_is_accepted_on_the_page(
    fresh_caches: Path, tmp_path: Path, tiny_spec: dict, dataset_writer
) -> None:
    folder = dataset_writer(tmp_path / "excel", tiny_spec, delimiter=";", decimal=",", encoding="cp1252")
    at = upload(open_page(DATA), "lillby.zip", zip_bytes(folder, "lillby/"), "application/zip")
    assert not at.error
    at.button(key="data.use").click().run()
    assert sidebar_name(at).startswith(f"**{LILLBY}**")


def test_made_the_default_for_everyone_and_found_again_after_a_restart(fresh_caches: Path, lillby_xlsx: bytes) -> None:
    at = upload(open_page(DATA), "lillby.xlsx", lillby_xlsx)
    at.checkbox(key="w.data.make_default").check().run()
    at.button(key="data.use").click().run()
    ident = dataset_id("9999", lillby_xlsx)
    assert any(c.value == "Nya besökare får den här datan." for c in at.caption)

    restart()
    visitor = open_page(OVERVIEW)  # no data= in the link: the default for everyone
    assert sidebar_name(visitor).startswith(f"**{LILLBY}**")
    assert visitor.session_state["view"].dataset == ident
    assert visitor.query_params["data"] == ident  # the link names it, so it outlives a later default

    # The server's own data stays reachable, and its link survives the upload being the default.
    page = as_admin(open_page(DATA))  # the administrator chooses what new visitors get
    page.selectbox(key="w.data.switch").set_value("").run()
    page.button(key="data.switch.go").click().run()
    assert not page.exception
    assert page.session_state["view"].dataset == "server"
    assert sidebar_name(page).startswith(f"**{DEMO}**")
    assert sidebar_name(open_page(OVERVIEW, data="server")).startswith(f"**{DEMO}**")

    # Back to the server's data as everyone's default.
    page.button(key="data.default_now").click().run()
    assert page.session_state["view"].dataset == ""
    assert sidebar_name(open_page(OVERVIEW)).startswith(f"**{DEMO}**")
    assert sidebar_name(open_page(OVERVIEW, data=ident)).startswith(f"**{LILLBY}**")


@pytest.mark.parametrize("unknown", ["9999-000000000000", "ok%20men<b>"])
def test_an_unknown_dataset_in_a_link_is_reported_and_the_default_shown(fresh_caches: Path, unknown: str) -> None:
    at = open_page(OVERVIEW, data=unknown, scenario="stress")
    [warning] = [w for w in at.warning if "som inte finns på den här servern" in w.value]
    assert f"{DEMO} visas i stället" in warning.value
    assert sidebar_name(at).startswith(f"**{DEMO}**")
    view = at.session_state["view"]
    assert view.dataset == "" and view.scenario == "stress"  # the rest of the link still applies
    assert "data" in at.session_state["ignored_query"]
    assert "data" not in at.query_params
    english = open_page(OVERVIEW, data="9999-000000000000", lang="en")
    assert any("this server does not have" in w.value for w in english.warning)


def test_switching_back_and_forth_leaves_no_stale_widget_state(fresh_caches: Path, lillby_xlsx: bytes, demo) -> None:
    at = open_page("pages/bygg.py", alt="merge-a-b")
    at.selectbox(key="w.build.add.action").set_value("close").run()
    at.selectbox(key="w.build.add.unit").set_value("S-OSTANSJO").run()
    at.button(key="build.add").click().run()
    assert at.session_state["build.draft"]["actions"]  # a draft that names a demo school
    at.switch_page(DATA).run()
    upload(at, "lillby.xlsx", lillby_xlsx)
    at.button(key="data.use").click().run()
    at.switch_page("pages/bygg.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["build.draft"]["actions"] == []
    units = at.selectbox(key="w.build.add.unit").options
    assert "Åby skola" in units and "Östansjö skola" not in units
    at.switch_page("pages/jamfor.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["view"].alternatives == ("close-b", "merge-b-c")

    at.switch_page(DATA).run()
    at.selectbox(key="w.data.switch").set_value("").run()
    at.button(key="data.switch.go").click().run()
    at.switch_page("pages/jamfor.py").run()
    assert not at.exception
    assert sidebar_name(at).startswith(f"**{DEMO}**")
    assert at.session_state["view"] == default_view(list(demo.scenarios), list(demo.alternatives))


def test_a_default_set_elsewhere_leaves_an_open_session_and_its_link_alone(
    fresh_caches: Path, lillby_xlsx: bytes
) -> None:
    at = open_page(OVERVIEW)
    assert at.session_state["view"].dataset == "" and "data" not in at.query_params
    from ui import data

    data.accept(read_upload("lillby.xlsx", lillby_xlsx), make_default=True)  # another visitor, another process
    at.run()
    assert sidebar_name(at).startswith(f"**{DEMO}**")  # nothing changes under this session's feet
    assert at.query_params["data"] == "server"  # and its link still opens the server's own data
    assert sidebar_name(open_page(OVERVIEW, data="server")).startswith(f"**{DEMO}**")
    assert sidebar_name(open_page(OVERVIEW)).startswith(f"**{LILLBY}**")


def test_an_upload_deleted_on_the_page_is_gone_for_links_and_new_visitors(
    fresh_caches: Path, lillby_xlsx: bytes
) -> None:
    at = upload(open_page(DATA), "lillby.xlsx", lillby_xlsx)
    at.checkbox(key="w.data.make_default").check().run()
    at.button(key="data.use").click().run()
    ident = dataset_id("9999", lillby_xlsx)
    assert at.session_state["view"].dataset == ident

    assert at.button(key="data.delete.go").disabled  # nothing goes before it is confirmed
    assert at.selectbox(key="w.data.delete").value == ident
    at.checkbox(key="w.data.delete_sure").check().run()
    at.button(key="data.delete.go").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(f"{LILLBY} är borttagen" in s.value and DEMO in s.value for s in at.success)
    assert at.session_state["view"].dataset == ""  # this session moved to the server's own data
    assert sidebar_name(at).startswith(f"**{DEMO}**")
    assert all(e.label != "Ta bort uppladdad data" for e in at.expander)  # no upload left to delete

    visitor = open_page(OVERVIEW)  # it was everyone's default: no longer
    assert sidebar_name(visitor).startswith(f"**{DEMO}**")
    link = open_page(OVERVIEW, data=ident)  # an old link: the default, with the usual message
    assert sidebar_name(link).startswith(f"**{DEMO}**")
    assert any("som inte finns på den här servern" in w.value for w in link.warning)


def test_a_visitor_cannot_upload_choose_the_default_or_delete(fresh_caches: Path, lillby_xlsx: bytes) -> None:
    from ui import data

    data.accept(read_upload("lillby.xlsx", lillby_xlsx), make_default=False)  # the analyst's upload
    ident = dataset_id("9999", lillby_xlsx)
    visitor = open_page(DATA)
    assert not visitor.file_uploader  # no upload without the administrator's code
    assert not [b for b in visitor.button if b.key in ("data.default_now", "data.delete.go", "data.use")]
    assert not any(LILLBY in o for o in visitor.selectbox(key="w.data.switch").options)  # uploads not listed
    assert "kräver administratörens kod" in " ".join(c.value for c in visitor.caption)
    # A link the analyst shared still opens its upload, and lists it to that visitor only.
    linked = open_page(DATA, data=ident)
    assert sidebar_name(linked).startswith(f"**{LILLBY}**")
    assert not [b for b in linked.button if b.key == "data.default_now"]
    # The administrator sees and may do all of it.
    admin = as_admin(open_page(DATA))
    assert admin.file_uploader and [b for b in admin.button if b.key == "data.delete.go"]
    assert any(LILLBY in o for o in admin.selectbox(key="w.data.switch").options)
