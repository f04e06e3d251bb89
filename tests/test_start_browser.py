"""The Data page's "Börja med valfri kommun" in a real browser: pick Ragunda, download the
prefilled workbook and read it (Debian's chromium through Playwright; the server of
tests/test_browser.py). The regression pinned: the file is Ragunda's, with its 11 cells to
fill listed first and coloured where they are."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from test_browser import ARTIFACTS, _serve, _wait_idle

from benchmarks.browser_speed import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import sys

    yield from _serve([sys.executable, "-m", "ui.launch"], tmp_path_factory.mktemp("store"))


def test_pick_a_municipality_and_download_its_workbook(server: str) -> None:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 720}, accept_downloads=True)
        page.goto(f"{server}/data")
        _wait_idle(page)
        heading = page.get_by_role("heading", name="Börja med valfri kommun")
        heading.scroll_into_view_if_needed()
        picker = page.get_by_label("Kommun att börja med", exact=True)
        picker.click()
        page.keyboard.type("Ragunda")
        page.keyboard.press("Enter")
        button = page.get_by_role("button", name="Ladda ner ifylld arbetsbok för Ragunda")
        button.wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "data-start-1280.png"))
        with page.expect_download(timeout=60_000) as download:
            button.click()
        assert download.value.suggested_filename == "vagval-start-2303.xlsx"
        data = download.value.path().read_bytes()
        phone = browser.new_page(viewport={"width": 390, "height": 844})
        phone.goto(f"{server}/data")
        _wait_idle(phone)
        phone.get_by_role("heading", name="Börja med valfri kommun").scroll_into_view_if_needed()
        phone.screenshot(path=str(ARTIFACTS / "data-start-390.png"))
        browser.close()
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "att_fylla_i"
    assert book["municipality"]["B2"].value == "Ragunda"
    listed = list(book["att_fylla_i"].iter_rows(min_row=2, values_only=True))
    assert len(listed) == 11
    sheet, row, column, _ = listed[0]  # Anders-Olofskolan's latitude: no recorded position
    header = [c.value for c in book[sheet][1]]
    assert book[sheet].cell(row=row, column=header.index(column) + 1).fill.fgColor.rgb.endswith("FFE699")
