"""A dataset as one Excel workbook: the same data, the same checks, messages naming the sheet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from engine import evaluate, load_dataset
from engine.dataset import DatasetError
from engine.dataset.workbook import write_workbook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_workbook(ROOT / "data" / "demo", tmp_path_factory.mktemp("wb") / "vålberga.xlsx")


def test_a_workbook_holds_the_same_dataset_as_its_folder(workbook: Path, demo) -> None:
    book = load_workbook(workbook, read_only=True)
    assert {"municipality", "areas", "population", "units", "scenarios", "alternatives", "actions"} <= set(
        book.sheetnames
    )
    from_book = load_dataset(workbook)
    assert from_book.path == workbook
    assert from_book.name == demo.name and from_book.parameter_overrides == demo.parameter_overrides
    assert from_book.scenarios == demo.scenarios
    assert from_book.alternatives == demo.alternatives
    assert (from_book.population == demo.population).all()
    for scenario in demo.scenarios:
        a = evaluate(from_book, scenario, "merge-b-c").years
        b = evaluate(demo, scenario, "merge-b-c").years
        assert a.equals(b), scenario


def test_a_bad_cell_is_reported_by_workbook_sheet_row_and_column(workbook: Path, tmp_path: Path) -> None:
    book = load_workbook(workbook)
    book["areas"]["C3"] = 75.0  # row 3 of the sheet, column lat: north of Sweden
    book["units"]["B1"] = "namn"  # the header 'name' misspelt
    bad = tmp_path / "fel.xlsx"
    book.save(bad)
    with pytest.raises(DatasetError) as caught:
        load_dataset(bad)
    lines = [str(p) for p in caught.value.problems]
    assert any(line.startswith("fel.xlsx[areas]:3:lat: 75") for line in lines), lines
    assert any(line.startswith("fel.xlsx[units]:1:name: kolumnen 'name' saknas") for line in lines), lines


def test_a_missing_sheet_and_a_file_that_is_no_workbook(workbook: Path, tmp_path: Path) -> None:
    book = load_workbook(workbook)
    del book["population"]
    missing = tmp_path / "utan.xlsx"
    book.save(missing)
    with pytest.raises(DatasetError) as caught:
        load_dataset(missing)
    assert [str(p) for p in caught.value.problems] == ["utan.xlsx[population]: bladet saknas i arbetsboken"]

    fake = tmp_path / "text.xlsx"
    fake.write_text("area_id;name\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(fake)
    assert "kan inte läsas som Excel-arbetsbok" in str(caught.value)


def test_the_cli_writes_and_validates_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "mall.xlsx"
    run = [sys.executable, "-m", "engine"]
    written = subprocess.run([*run, "workbook", "data/demo", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert written.returncode == 0, written.stderr
    checked = subprocess.run([*run, "validate", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith("OK: Vålberga kommun")
