"""The command line for the whole municipality (engine/__main__.py): new keys, the investments command.

``evaluate --json`` gains ``services`` (one item per service and year) and ``economy``
(one item per year); the keys of issue 2 keep their shape. ``investments`` judges each
row of investments.csv by every scenario. Datasets: TINY and the whole tiny
municipality of conftest.py (see tests/test_services_hand.py for its numbers).
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_support import call, run

from engine import evaluate, load_dataset

SERVICES = ("grundskola", "forskola", "aldreboende", "fritid_kultur")
SERVICE_KEYS = {"service", "year", "demand", "capacity", "utilisation", "cost_sek"}
ECONOMY_KEYS = {"year", "revenue_sek", "cost_sek", "result_sek", "accumulated_result_sek", "one_off_cost_sek"}
YEAR_KEYS = {
    "year", "population", "pupils", "schools_open", "cost_sek", "cost_per_pupil_sek", "mean_class_size",
    "combined_grade_share", "mean_distance_km", "max_distance_km", "pupils_over_threshold",
    "pupils_changing_school", "overcrowded_pupils", "one_off_cost_sek",
}  # fmt: skip
UNIT_KEYS = {"year", "unit_id", "open", "pupils", "classes", "teachers_fte", "cost_sek", "utilisation"}
COMPARE_ECONOMY_KEYS = {
    "result_last_year_sek", "accumulated_result_sek", "diff_accumulated_result_sek", "payback_year",
    "present_value_sek",
}  # fmt: skip

INVESTMENTS = [
    {"id": "I-1", "name": "Nya Björkgården", "unit": "AB-N", "year": 2027, "amount": 60_000_000,
     "kind": "new", "lifetime_years": 40, "exit_strategy": "Blir trygghetsboende",
     "service": "aldreboende", "capacity": 40, "area_id": "B", "lat": 60.0, "lon": 15.1},
    {"id": "I-2", "name": "Åby skola byggs ut", "unit": "S-A", "year": 2026, "amount": 20_000_000,
     "kind": "extension", "lifetime_years": 30, "exit_strategy": None,
     "service": None, "capacity": 150, "area_id": None, "lat": None, "lon": None},
]  # fmt: skip


def strict_json(text: str):
    """JSON as other tools read it: NaN and Infinity are not JSON."""

    def refuse(name):
        raise ValueError(f"{name} is not valid JSON")

    return json.loads(text, parse_constant=refuse)


def evaluate_json(capsys, folder, alternative="keep-all", years=3) -> dict:
    code, out, err = call(
        capsys, "evaluate", folder, "--scenario", "bas", "--alternative", alternative, "--years", years, "--json"
    )
    assert code == 0, err
    return strict_json(out)


def check_contract(doc: dict, base_year: int, years: int, school_ids: set[str]) -> None:
    calendar = list(range(base_year, base_year + years + 1))
    assert {"scenario", "alternative", "base_year", "years", "units", "services", "economy"} <= set(doc)
    # The keys of issue 2 keep their shape.
    assert isinstance(doc["scenario"], str) and isinstance(doc["alternative"], str)
    assert doc["base_year"] == base_year
    assert [y["year"] for y in doc["years"]] == calendar
    for item in doc["years"]:
        assert set(item) >= YEAR_KEYS, YEAR_KEYS - set(item)
    for item in doc["units"]:
        assert set(item) >= UNIT_KEYS, UNIT_KEYS - set(item)
    assert {u["unit_id"] for u in doc["units"]} <= school_ids  # units are the schools, as before
    # services: one item per service and year.
    for item in doc["services"]:
        assert set(item) >= SERVICE_KEYS, SERVICE_KEYS - set(item)
    pairs = [(s["service"], s["year"]) for s in doc["services"]]
    assert sorted(pairs) == sorted((s, y) for s in SERVICES for y in calendar)
    # economy: one item per year.
    assert [e["year"] for e in doc["economy"]] == calendar
    for item in doc["economy"]:
        assert set(item) >= ECONOMY_KEYS, ECONOMY_KEYS - set(item)
    # The school service is the school model: its cost is the sum of the schools' costs.
    for year in calendar:
        school = next(s for s in doc["services"] if s["service"] == "grundskola" and s["year"] == year)
        units_cost = sum(u["cost_sek"] for u in doc["units"] if u["year"] == year)
        assert school["cost_sek"] == pytest.approx(units_cost, rel=1e-12)
        year_row = next(y for y in doc["years"] if y["year"] == year)
        assert school["demand"] == pytest.approx(year_row["pupils"])
        economy_row = next(e for e in doc["economy"] if e["year"] == year)
        assert economy_row["grundskola_cost_sek"] == pytest.approx(units_cost, rel=1e-12)


# --- evaluate --json ----------------------------------------------------------------------


def test_evaluate_json_on_tiny_has_services_and_economy(capsys, tiny_path):
    # TINY has one preschool and no optional files: the new keys are there all the same.
    doc = evaluate_json(capsys, tiny_path, "close-b")
    check_contract(doc, 2025, 3, {"S-A", "S-B", "S-C"})
    care = [s for s in doc["services"] if s["service"] == "aldreboende"]
    assert all(s["capacity"] == 0 and s["cost_sek"] == 0 for s in care)
    assert all(s["utilisation"] is None for s in care)  # 0 / 0 places: undefined, null in JSON
    # The closure of S-B costs its one-off in 2026, in the years and the economy alike.
    assert [e["one_off_cost_sek"] for e in doc["economy"]] == pytest.approx([0, 1_000_000, 0, 0])


def test_evaluate_json_on_the_whole_municipality(capsys, municipality_path):
    doc = evaluate_json(capsys, municipality_path, "keep-all", years=1)
    check_contract(doc, 2025, 1, {"S-A", "S-B", "S-C"})
    by = {(s["service"], s["year"]): s for s in doc["services"]}
    # Hand numbers (tests/test_services_hand.py and tests/test_model_economy.py).
    assert by[("forskola", 2025)]["demand"] == pytest.approx(40)
    assert by[("forskola", 2025)]["cost_sek"] == pytest.approx(5_050_000)
    assert by[("aldreboende", 2026)]["demand"] == pytest.approx(29)
    assert by[("aldreboende", 2026)]["utilisation"] == pytest.approx(29 / 26)
    assert by[("aldreboende", 2026)]["cost_sek"] == pytest.approx(31_300_000)
    assert by[("fritid_kultur", 2025)]["demand"] == pytest.approx(14_000)
    assert by[("grundskola", 2025)]["cost_sek"] == pytest.approx(6_730_000)
    economy = {e["year"]: e for e in doc["economy"]}
    assert economy[2025]["revenue_sek"] == pytest.approx(39_300_000)
    assert economy[2025]["cost_sek"] == pytest.approx(48_840_000)
    assert economy[2026]["result_sek"] == pytest.approx(-17_615_000)
    assert economy[2026]["accumulated_result_sek"] == pytest.approx(-27_155_000)


def test_evaluate_json_equals_the_engine_in_a_subprocess(repo_root, municipality_path):
    p = run(repo_root, "evaluate", municipality_path, "--scenario", "bas", "--alternative", "convert-sb", "--json")
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    doc = strict_json(p.stdout)
    check_contract(doc, 2025, 10, {"S-A", "S-B", "S-C"})
    result = evaluate(load_dataset(municipality_path), "bas", "convert-sb")
    np.testing.assert_allclose([e["result_sek"] for e in doc["economy"]], result.economy["result_sek"], rtol=1e-12)
    np.testing.assert_allclose([s["cost_sek"] for s in doc["services"]], result.services["cost_sek"], rtol=1e-12)
    # The conversion's one-off, once, in 2026.
    assert [e["one_off_cost_sek"] for e in doc["economy"]][:3] == pytest.approx([0, 2_000_000, 0])
    care = next(s for s in doc["services"] if s["service"] == "aldreboende" and s["year"] == 2026)
    assert care["capacity"] == 36


def test_evaluate_table_still_prints(capsys, municipality_path):
    code, out, err = call(capsys, "evaluate", municipality_path, "--scenario", "bas", "--alternative", "close-fb")
    assert code == 0, err
    assert "Lillby kommun" in out
    assert "2035" in out


# --- compare --json ---------------------------------------------------------------------------


def test_compare_json_has_the_economy_columns(capsys, municipality_path):
    code, out, err = call(capsys, "compare", municipality_path, "--scenario", "bas", "--years", "3", "--json")
    assert code == 0, err
    rows = {r["alternative"]: r for r in strict_json(out)["alternatives"]}
    for item in rows.values():
        assert set(item) >= COMPARE_ECONOMY_KEYS, COMPARE_ECONOMY_KEYS - set(item)
    keep = rows["keep-all"]
    assert keep["diff_accumulated_result_sek"] == 0
    assert keep["present_value_sek"] == 0
    assert keep["payback_year"] is None
    # Closing F-B (tests/test_model_economy.py): Σ Δ = [0, −75 000, 50 000, 250 000] → payback 2027.
    close = rows["close-fb"]
    assert close["payback_year"] == 2027
    assert close["diff_accumulated_result_sek"] == pytest.approx(250_000)
    assert close["present_value_sek"] == pytest.approx(-75_000 / 1.05 + 125_000 / 1.05**2 + 200_000 / 1.05**3)


# --- investments ---------------------------------------------------------------------------------


@pytest.fixture
def invest_path(tmp_path, municipality_spec, municipality_writer):
    municipality_spec["investments"] = INVESTMENTS
    return municipality_writer(tmp_path / "inv", municipality_spec)


def test_investments_json(repo_root, invest_path):
    p = run(repo_root, "investments", invest_path, "--json")
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    doc = strict_json(p.stdout)
    assert doc["base_year"] == 2025
    items = {i["id"]: i for i in doc["investments"]}
    assert list(items) == ["I-1", "I-2"]
    for item in items.values():
        assert set(item["utilisation_year_10"]) == {"bas", "inflytt"}
        assert isinstance(item["flags"], list) and isinstance(item["oversized_in"], list)
        assert item["year_10"] == 2035
    # I-1: 45 places needed in 2035 under bas for 20 + 6 + 40 places (tests/test_investments.py).
    assert items["I-1"]["utilisation_year_10"]["bas"] == pytest.approx(45 / 66)
    assert items["I-1"]["oversized_in"] == ["bas"]
    assert items["I-1"]["flags"] == ["oversized"]
    # I-2: 40 pupils at S-A in 2035 for 150 places, and no exit strategy.
    assert items["I-2"]["utilisation_year_10"] == {"bas": pytest.approx(40 / 150), "inflytt": pytest.approx(40 / 150)}
    assert items["I-2"]["flags"] == ["oversized", "no_exit_strategy"]


def test_investments_text(capsys, invest_path):
    code, out, err = call(capsys, "investments", invest_path)
    assert code == 0, err
    assert "Nya Björkgården" in out and "Åby skola byggs ut" in out
    assert "2035" in out
    assert "överdimensionerad i: bas" in out
    assert out.count("ingen exitstrategi") == 1  # only I-2


def test_investments_set_changes_the_threshold(capsys, invest_path):
    code, out, err = call(capsys, "investments", invest_path, "--set", "investment_min_utilisation=0.6", "--json")
    assert code == 0, err
    items = {i["id"]: i for i in strict_json(out)["investments"]}
    assert items["I-1"]["flags"] == []  # 0.68 ≥ 0.6
    code, _, err = call(capsys, "investments", invest_path, "--set", "investment_min_utilisation=2")
    assert code == 2
    assert "investment_min_utilisation" in err


def test_investments_without_investments_csv(repo_root, tiny_path):
    p = run(repo_root, "investments", tiny_path)
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stderr
    assert p.stdout.strip()  # a plain message, not an empty screen ...
    assert "investments.csv" in p.stdout
    with pytest.raises(ValueError):  # ... and not JSON
        json.loads(p.stdout)


def test_investments_json_without_investments_csv(capsys, tiny_path):
    code, out, err = call(capsys, "investments", tiny_path, "--json")
    assert code == 0, err
    assert strict_json(out) == {"base_year": 2025, "investments": []}
