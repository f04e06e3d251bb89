"""Investments judged by every scenario in year 10 (DESIGN.md §1 step 5, §6), and their data's validation.

The municipality is the whole tiny Lillby of conftest.py (see tests/test_services_hand.py)
with an investments.csv of four rows:

    I-1  new care home AB-N at B, 40 places, 2027, with an exit strategy
    I-2  extension of the school S-A to 150 places, 2026, no exit strategy
    I-3  new preschool F-N at C, 20 places, 2026
    I-4  renovation of the sports hall L-A, 2026

Base year 2025, so year 10 is 2035. Under "bas" nobody is born, dies or moves: the
persons of 2035 are those of 2025 ten years older. "inflytt" adds 20 per 1 000 a year,
all aged 65–100 (the population grows by 2 % a year: 393 × 1.02^t).
investment_min_utilisation = 0.75.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from engine import DatasetError, evaluate, load_dataset
from engine.cli import main
from engine.measures.investments import check_investments

LOCATED = re.compile(r"^(?P<file>[\w.-]+\.(?:csv|toml)):(?P<row>\d+):(?P<column>[\w.]+): (?P<message>.+)$")

NO_NEW_UNIT = {"service": None, "capacity": None, "area_id": None, "lat": None, "lon": None}
NO_COSTS = {"premises_cost_sek": None, "fixed_cost_sek": None}


def investment_rows() -> list[dict]:
    return [
        {"id": "I-1", "name": "Nya Björkgården", "unit": "AB-N", "year": 2027, "amount": 60_000_000,
         "kind": "new", "lifetime_years": 40, "exit_strategy": "Blir trygghetsboende när behovet minskar",
         "service": "aldreboende", "capacity": 40, "area_id": "B", "lat": 60.0, "lon": 15.1,
         "premises_cost_sek": 500_000, "fixed_cost_sek": 200_000},
        {"id": "I-2", "name": "Åby skola byggs ut", "unit": "S-A", "year": 2026, "amount": 20_000_000,
         "kind": "extension", "lifetime_years": 30, "exit_strategy": None,
         **NO_NEW_UNIT, "capacity": 150, **NO_COSTS},
        {"id": "I-3", "name": "Ny förskola i Cé", "unit": "F-N", "year": 2026, "amount": 15_000_000,
         "kind": "new", "lifetime_years": 30, "exit_strategy": "Blir fritidsgård",
         "service": "forskola", "capacity": 20, "area_id": "C", "lat": 60.0, "lon": 15.3, **NO_COSTS},
        {"id": "I-4", "name": "Sporthallen renoveras", "unit": "L-A", "year": 2026, "amount": 5_000_000,
         "kind": "renovation", "lifetime_years": 20, "exit_strategy": "Hallen säljs",
         **NO_NEW_UNIT, **NO_COSTS},
    ]  # fmt: skip


@pytest.fixture
def invest_spec(municipality_spec):
    municipality_spec["investments"] = investment_rows()
    return municipality_spec


@pytest.fixture
def invest_path(tmp_path, invest_spec, municipality_writer):
    return municipality_writer(tmp_path / "inv", invest_spec)


@pytest.fixture
def checked(invest_path):
    return {item["id"]: item for item in check_investments(load_dataset(invest_path))}


def test_investments_csv_loads(invest_path):
    ds = load_dataset(invest_path)
    assert ds.investments is not None
    assert list(ds.investments["id"]) == ["I-1", "I-2", "I-3", "I-4"]


def test_new_care_home_in_year_10_by_hand(checked):
    item = checked["I-1"]
    # bas 2035: 65–79: nobody (the 70-year-olds are 80) → 0
    #           80–89: 100 (80) + 50 (89) = 150 × 0.2 = 30
    #           90+:   20 (95) + 10 (100) = 30 × 0.5 = 15          → 45 places needed
    # places: AB-A 20 + AB-C 6 + AB-N 40 = 66 → 45 / 66 = 0.682 < 0.75: oversized.
    u = item["utilisation_year_10"]
    assert set(u) == {"bas", "inflytt"}
    assert u["bas"] == pytest.approx(45 / 66)
    # inflytt brings older newcomers every year: more needed, well above the threshold.
    assert u["inflytt"] > 1.0 > u["bas"]
    assert item["oversized_in"] == ["bas"]
    assert item["flags"] == ["oversized"]
    assert item["year_10"] == 2035
    assert (item["service"], item["kind"], item["unit"], item["year"]) == ("aldreboende", "new", "AB-N", 2027)
    assert item["amount_sek"] == 60_000_000
    assert item["lifetime_years"] == 40
    assert item["exit_strategy"] == "Blir trygghetsboende när behovet minskar"
    assert item["utilisation_today"] is None  # it does not exist today


def test_school_extension_in_year_10_by_hand(checked):
    item = checked["I-2"]
    # 2035: TINY's pupils have left school; the preschool children are 11–15:
    #   A 10 (11, grade 5) and 10 (13, grade 7), B 10 (14, grade 8), C 10 (15, grade 9) → S-A
    #   B 10 (12, grade 6) → S-B (0 km, teaches grades 0–6)
    # S-A: 40 pupils in 150 places = 0.267 in both scenarios (newcomers are 65+).
    assert item["utilisation_year_10"] == {"bas": pytest.approx(40 / 150), "inflytt": pytest.approx(40 / 150)}
    assert item["oversized_in"] == ["bas", "inflytt"]
    # Today (2025, keep-all): 45 pupils in 100 places.
    assert item["utilisation_today"] == pytest.approx(0.45)
    assert item["service"] == "grundskola"
    # An empty exit strategy is flagged.
    assert item["exit_strategy"] == ""
    assert item["flags"] == ["oversized", "no_exit_strategy"]


def test_new_preschool_without_children_in_year_10(checked):
    item = checked["I-3"]
    # Nobody is born: in 2035 the youngest inhabitants are 11. An empty preschool: 0 %.
    assert item["utilisation_year_10"] == {"bas": 0.0, "inflytt": 0.0}
    assert item["oversized_in"] == ["bas", "inflytt"]
    assert item["flags"] == ["oversized"]


def test_renovation_in_year_10_by_hand(checked):
    item = checked["I-4"]
    # L-A is used by every age: visits 10 000 × P(2035) / P(2025).
    #   bas: 393 / 393 → 10 000 of 20 000 = 0.5
    #   inflytt: 393 × 1.02^10 / 393 → 10 000 × 1.21899 / 20 000 = 0.6095
    u = item["utilisation_year_10"]
    assert u["bas"] == pytest.approx(0.5)
    assert u["inflytt"] == pytest.approx(1.02**10 / 2)
    assert item["utilisation_today"] == pytest.approx(0.5)
    assert item["oversized_in"] == ["bas", "inflytt"]


def test_threshold_is_a_parameter(invest_path):
    items = {i["id"]: i for i in check_investments(load_dataset(invest_path), {"investment_min_utilisation": 0.6})}
    # 0.682 ≥ 0.6: the care home is no longer oversized anywhere.
    assert items["I-1"]["oversized_in"] == []
    assert items["I-1"]["flags"] == []
    # The sports hall: 0.5 < 0.6 under bas, 0.6095 ≥ 0.6 under inflytt.
    assert items["I-4"]["oversized_in"] == ["bas"]


def test_an_investment_is_judged_on_its_own(invest_path):
    # keep-all has none of the investments: no AB-N, S-A keeps 100 places.
    ds = load_dataset(invest_path)
    r = evaluate(ds, "bas", "keep-all", years=10)
    assert "AB-N" not in set(r.service_units["unit_id"])
    assert set(r.units.loc[r.units["unit_id"] == "S-A", "capacity"]) == {100}


def test_no_investments_file_gives_nothing(tmp_path, municipality_spec, municipality_writer):
    ds = load_dataset(municipality_writer(tmp_path / "none", municipality_spec))
    assert ds.investments is None
    assert check_investments(ds) == []


# --- validation -----------------------------------------------------------------------------


def problems_of(tmp_path, spec, writer) -> list[str]:
    with pytest.raises(DatasetError) as info:
        load_dataset(writer(tmp_path / "bad", spec))
    return [str(p) for p in info.value.problems]


def cli_errors(capsys, folder) -> tuple[int, list[str]]:
    code = main(["validate", str(folder)])
    out, err = capsys.readouterr()
    assert out == ""
    return code, err.splitlines()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {0: {"service": None, "capacity": None, "lat": None, "lon": None}},
            [
                "investments.csv:2:service: värde saknas; en ny enhet (kind = new) behöver det",
                "investments.csv:2:capacity: värde saknas; en ny enhet (kind = new) behöver det",
                "investments.csv:2:lat: värde saknas; en ny enhet (kind = new) behöver det",
                "investments.csv:2:lon: värde saknas; en ny enhet (kind = new) behöver det",
            ],
        ),
        (
            {0: {"unit": "S-A"}},
            ["investments.csv:2:unit: 'S-A' finns redan i units.csv; en ny enhet behöver ett nytt id"],
        ),
        ({1: {"unit": "Åby skolan"}}, ["investments.csv:3:unit: okänd enhet 'Åby skolan'"]),
        ({1: {"id": "I-1"}}, ["investments.csv:3:id: investeringen 'I-1' finns redan på rad 2"]),
        ({1: {"year": 2020}}, ["investments.csv:3:year: 2020 ligger före basåret 2025"]),
        (
            {1: {"kind": "extention"}},
            [
                "investments.csv:3:kind: 'extention' är inte tillåtet; "
                "välj en av new, extension, renovation — menade du 'extension'?"
            ],
        ),
    ],
    ids=["new-without-place", "new-with-existing-id", "unknown-unit", "duplicate-id", "before-base-year", "bad-kind"],
)
def test_investments_csv_errors(tmp_path, capsys, invest_spec, municipality_writer, change, expected):
    for index, values in change.items():
        invest_spec["investments"][index].update(values)
    problems = problems_of(tmp_path, invest_spec, municipality_writer)
    for line in expected:
        assert any(p == line or p.startswith(line + " ") for p in problems), (line, problems)
    assert all(p.startswith("investments.csv:") for p in problems), problems
    # The same through the CLI: located lines on stderr and exit code 2.
    code, lines = cli_errors(capsys, tmp_path / "bad")
    assert code == 2
    for line in expected:
        assert any(x == line or x.startswith(line + " ") for x in lines), (line, lines)
    assert all(LOCATED.match(x) for x in lines[:-1]), lines
    assert "fel i" in lines[-1]


@pytest.mark.parametrize(
    ("row", "values", "expected"),
    [
        (0, {"unit_id": "L-X"}, "facility_usage.csv:2:unit_id: 'L-X' är ingen fritids- eller kulturlokal i units.csv"),
        (0, {"unit_id": "S-A"}, "facility_usage.csv:2:unit_id: 'S-A' är ingen fritids- eller kulturlokal i units.csv"),
        (1, {"booked_hours": 900}, "facility_usage.csv:3:booked_hours: 900 bokade timmar är fler än 800 bokningsbara"),
        (
            2,
            {"user_age_min": 95, "user_age_max": 90},
            "facility_usage.csv:4:user_age_min: user_age_min 95 är större än user_age_max 90",
        ),
    ],
    ids=["unknown-unit", "not-leisure", "booked-over-bookable", "ages-reversed"],
)
def test_facility_usage_csv_errors(tmp_path, capsys, municipality_spec, municipality_writer, row, values, expected):
    municipality_spec["facility_usage"][row].update(values)
    problems = problems_of(tmp_path, municipality_spec, municipality_writer)
    assert any(p == expected or p.startswith(expected + " ") for p in problems), problems
    assert all(p.startswith("facility_usage.csv:") for p in problems), problems
    code, lines = cli_errors(capsys, tmp_path / "bad")
    assert code == 2
    assert any(x == expected or x.startswith(expected + " ") for x in lines), lines


@pytest.mark.parametrize("command", ["validate", "investments", "evaluate"])
def test_bad_optional_files_exit_2_without_traceback(repo_root, tmp_path, invest_spec, municipality_writer, command):
    invest_spec["investments"][1]["kind"] = "extention"
    invest_spec["facility_usage"][1]["booked_hours"] = 900
    folder = municipality_writer(tmp_path / "bad", invest_spec)
    extra = ["--scenario", "bas", "--alternative", "keep-all"] if command == "evaluate" else []
    p = subprocess.run(
        [sys.executable, "-m", "engine", command, str(folder), *extra],
        cwd=repo_root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    assert p.stdout == ""
    lines = p.stderr.splitlines()
    assert any(line.startswith("investments.csv:3:kind: 'extention' är inte tillåtet") for line in lines), lines
    assert "facility_usage.csv:3:booked_hours: 900 bokade timmar är fler än 800 bokningsbara" in lines
