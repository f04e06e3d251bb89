"""`python -m engine start KOMMUNKOD OUT`: any municipality from the national files (engine/sources/start.py).

* Ragunda (2303) worked by hand against Skolverket's and Kolada's figures;
* the list of what to fill is complete: filling exactly its coordinate cells makes the folder
  pass `validate`, for a municipality with DeSO points (Mora, Dalarna) and one without any
  (Ale, 1440: no area has a point in the national files) and one with no coordinates at all
  (Dals-Ed, 1438: neither its areas nor its schools);
* the workbook marks those cells and lists them on a sheet of its own, and reads back with the
  same problems as the folder;
* bad codes and a used output folder: exit 2, a Swedish message, never a traceback;
* the estimates it shares with tools/build_municipality.py, by hand and as properties.
"""

from __future__ import annotations

import csv
import io
import tomllib
from pathlib import Path

import numpy as np
import pytest
from cli_support import call, run
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from engine import load_dataset
from engine.dataset import DatasetError
from engine.sources import estimates, start

ROOT = Path(__file__).resolve().parent.parent


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def ragunda() -> start.Started:
    return start.build(start.from_files("2303"))


def test_ragunda_schools_by_hand(ragunda: start.Started) -> None:
    units = {u["name"]: u for u in _rows(ragunda.files["units.csv"])}
    hansaker = units["Hansåkerskolan"]
    # Skolverket 2025/26: 23+22+17+16+25+20+29+20+17 = 189 in grades 1–9, + förskoleklass = grade 1's 23 (E) → 212
    assert (hansaker["grade_min"], hansaker["grade_max"]) == ("0", "9")
    assert hansaker["capacity"] == "255"  # 212 × 1.2 = 254.4 → up to the next 5
    assert hansaker["premises_cost_sek"] == "5700000"  # 26 900 kr per pupil (Skolverket 2024) × 212 = 5 702 800
    assert hansaker["fixed_cost_sek"] == "8800000"  # 41 500 kr "övrigt" × 212 = 8 798 000
    assert hansaker["floor_area_m2"] == "4070"  # 5 700 000 / 1 400 kr per m² = 4 071
    assert (units["Kullstaskolan"]["grade_min"], units["Kullstaskolan"]["grade_max"]) == ("0", "3")
    assert (units["Anders-Olofskolan"]["grade_min"], units["Anders-Olofskolan"]["grade_max"]) == ("4", "9")
    assert units["Anders-Olofskolan"]["lat"] == ""  # not in the recorded positions: to fill, never guessed
    enrol = [r for r in _rows(ragunda.files["enrollment.csv"]) if r["unit_id"] == hansaker["unit_id"]]
    assert [int(r["pupils"]) for r in enrol] == [23, 23, 22, 17, 16, 25, 20, 29, 20, 17]
    assert ragunda.summary["pupils"] == 212 + (22 + 22 + 30 + 24) + (31 + 31 + 31 + 35 + 31 + 38)


def test_ragunda_parameters_and_scenarios(ragunda: start.Started) -> None:
    toml = tomllib.loads(ragunda.files["municipality.toml"])
    assert (toml["name"], toml["code"], toml["base_year"]) == ("Ragunda", "2303", 2025)
    assert toml["parameters"]["cost_per_pupil_sek"] == 10300 + 2900 + 4110  # meals + materials + pupil health, 2024
    bas = tomllib.loads(ragunda.files["scenarios.toml"])["scenario"][0]
    # net: (−49.4 domestic + 31.8 abroad) / 5 244 inhabitants × 1 000 = −3.36 → −3.5 (to the half)
    assert bas["net_migration_per_1000"] == -3.5
    assert 1.5 < bas["tfr"] < 2.1
    kolada = _rows(ragunda.files["kolada.csv"])
    assert {"kpi": "N15027", "ar": "2022"}.items() <= next(
        r for r in kolada if r["kpi"] == "N15027" and r["ar"] == "2022"
    ).items()
    assert "Källa: Kolada" in ragunda.files["README.md"]


def test_ragunda_population_is_the_bands_aged_to_the_base_year(ragunda: start.Started) -> None:
    persons = sum(float(r["persons"]) for r in _rows(ragunda.files["population.csv"]))
    # SCB 2022: 5 245 in the four DeSO; Kolada N01951 5 444 (2017) → 5 174 (2022) is −1.01 % a year;
    # two years on: 5 245 × 0.9899² ≈ 5 139 … the bands' own total is what is scaled
    bands = sum(int(r["persons"]) for r in _rows(ragunda.files["population_bands.csv"]))
    growth = (5174 / 5444) ** (1 / 5)
    assert persons == pytest.approx(bands * growth**2, abs=0.05)
    assert ragunda.summary["areas"] == 4


def _fill(folder: Path, to_fill: list[start.ToFill]) -> None:
    """Write a point into every coordinate cell the list names (and the first area as area_id)."""
    areas_path, units_path = folder / "areas.csv", folder / "units.csv"
    areas = _rows(areas_path.read_text(encoding="utf-8"))
    units = _rows(units_path.read_text(encoding="utf-8"))
    value = {"lat": "62.00000", "lon": "15.00000", "area_id": areas[0]["area_id"]}
    for item in to_fill:
        target = {"areas": areas, "units": units}.get(item.sheet)
        if target is not None and item.column in value:
            target[item.row - 2][item.column] = value[item.column]
    for path, rows in ((areas_path, areas), (units_path, units)):
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(buf.getvalue(), encoding="utf-8")


# Mora: DeSO points from SCB's grid, some schools recorded; Ale: no area points; Dals-Ed: no
# coordinates at all, neither areas nor schools.
@pytest.mark.parametrize(("code", "areas_without_point"), [("2062", 0), ("1440", 17), ("1438", 3)])
def test_filling_exactly_the_listed_cells_makes_it_valid(tmp_path: Path, code: str, areas_without_point: int) -> None:
    written = start.start(code, tmp_path / code)
    assert written.problems  # schools without a recorded position: not valid yet
    listed = {(i.sheet, i.row, i.column) for i in written.started.to_fill}
    for problem in written.problems:  # every problem is on a listed cell
        file, row, column = problem.split(":")[:3]
        assert (file.removesuffix(".csv"), int(row), column) in listed, problem
    assert sum(1 for i in written.started.to_fill if i.sheet == "areas" and i.column == "lat") == areas_without_point
    if code == "1438":  # no school of Dals-Ed has a recorded position: each is listed
        schools = [u for u in _rows(written.started.files["units.csv"]) if u["service"] == "grundskola"]
        assert schools and all(u["lat"] == "" for u in schools)
    _fill(written.folder, written.started.to_fill)
    dataset = load_dataset(written.folder)
    assert dataset.code == code


def test_the_workbook_marks_the_cells_to_fill(tmp_path: Path) -> None:
    written = start.start("2303", tmp_path / "ragunda")
    book = load_workbook(written.workbook)
    assert book.sheetnames[0] == start.TO_FILL_SHEET
    note = list(book[start.TO_FILL_SHEET].iter_rows(values_only=True))
    assert note[0] == ("blad", "rad", "kolumn", "att fylla i")
    assert len(note) - 1 == len(written.started.to_fill) == 11
    units = book["units"]
    header = [c.value for c in units[1]]
    for item in written.started.to_fill:
        if item.sheet == "units":
            cell = units.cell(row=item.row, column=header.index(item.column) + 1)
            assert cell.fill.fgColor.rgb.endswith("FFE699"), item
            assert cell.comment is not None and cell.comment.text == item.what
    assert units.cell(row=2, column=header.index("lat") + 1).fill.fill_type is None  # a known cell is not marked
    with pytest.raises(DatasetError) as exc:
        load_dataset(written.workbook)
    assert sorted(str(p).split("]", 1)[1] for p in exc.value.problems) == sorted(
        p.split(".csv", 1)[1] for p in written.problems
    )


def test_start_on_the_command_line(tmp_path: Path) -> None:
    done = run(ROOT, "start", "2425", tmp_path / "dorotea")
    assert done.returncode == 0, done.stderr
    assert "Skrev" in done.stdout and "Att fylla i" in done.stdout
    assert (tmp_path / "dorotea" / "README.md").is_file() and (tmp_path / "dorotea.xlsx").is_file()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("9999", "fel: kommunkoden 9999 finns inte bland Sveriges 290 kommuner"),
        ("23", "fel: kommunkoden '23' ska vara fyra siffror"),
        ("abcd", "fel: kommunkoden 'abcd' ska vara fyra siffror"),
    ],
)
def test_bad_codes_exit_2_in_swedish(capsys, tmp_path: Path, code: str, message: str) -> None:
    status, _, err = call(capsys, "start", code, tmp_path / "x")
    assert status == 2
    assert err.startswith(message) and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_a_used_folder_is_not_overwritten(capsys, tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "mine.txt").write_text("mitt", encoding="utf-8")
    status, _, err = call(capsys, "start", "2303", tmp_path / "x")
    assert status == 2 and "finns redan och är inte en tom mapp" in err
    assert (tmp_path / "x" / "mine.txt").read_text(encoding="utf-8") == "mitt"


def test_calibration_by_hand() -> None:
    # Two persons of every age: one woman per age, and fertility_share sums to 1 over ages,
    # so tfr = births / (½ × 2 × 1) = births.
    cal = estimates.calibrate(np.full(101, 2.0), births=1.8, deaths=1, inhabitants=1000, domestic=-10, abroad=4)
    assert cal.tfr == 1.8
    assert cal.net_per_1000 == -6.0  # (−10 + 4) / 1 000 × 1 000
    assert estimates.calibrate(np.full(101, 2.0), 1.8, 1, 1000, -3.3, 0).net_per_1000 == -3.5  # to the nearest half


@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=17, max_size=17))
def test_spreading_bands_keeps_every_band(bands: list[int]) -> None:
    single = estimates.spread_bands(bands)
    assert (single >= 0).all()
    for (lo, hi), n in zip(estimates.BANDS, bands, strict=True):
        assert single[lo : hi + 1].sum() == pytest.approx(n, abs=1e-6)


@given(st.lists(st.floats(min_value=0, max_value=1e4), min_size=3, max_size=50).filter(lambda v: sum(v) > 1))
def test_hundredths_keep_the_total(values: list[float]) -> None:
    rounded = estimates.to_hundredths(np.array(values))
    assert rounded.sum() == pytest.approx(round(sum(values) * 100) / 100, abs=1e-6)
    assert np.abs(rounded - np.array(values)).max() < 0.02  # one hundredth, plus the total rounded to one


def test_the_data_page_offers_any_municipality(app_store: Path) -> None:
    from pages_support import open_page, texts

    from ui import starting

    at = open_page("pages/data.py")
    picker = next(s for s in at.selectbox if s.key == "w.data.start")
    assert len(picker.options) == 290
    assert picker.options[0] == "Upplands Väsby (0114)"  # name and code
    picker.set_value("2303").run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Ladda ner ifylld arbetsbok för Ragunda" in labels
    assert "Gula celler" in texts(at)
    assert any("python -m engine start 2303 kommun-2303" in c.value for c in at.caption)
    book = load_workbook(io.BytesIO(starting.prefilled_workbook("2303")))
    assert book.sheetnames[0] == start.TO_FILL_SHEET
    assert book["municipality"]["B2"].value == "Ragunda"
    english = open_page("pages/data.py", lang="en")
    assert "Download the prefilled workbook for Upplands Väsby" in [
        b.proto.label for b in english.get("download_button")
    ]
