"""The command line is a contract (README, engine/__main__.py): names, JSON keys, exit codes.

Most cases call ``engine.cli.main`` in-process (fast); the ones that matter for
users' scripts run ``python -m engine`` in a subprocess, where a traceback would show.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from cli_support import call, run

from engine import evaluate, load_dataset

YEAR_KEYS = {
    "year", "population", "pupils", "schools_open", "cost_sek", "cost_per_pupil_sek", "mean_class_size",
    "combined_grade_share", "mean_distance_km", "max_distance_km", "pupils_over_threshold",
    "pupils_changing_school", "overcrowded_pupils", "one_off_cost_sek",
}  # fmt: skip
UNIT_KEYS = {"year", "unit_id", "open", "pupils", "classes", "teachers_fte", "cost_sek", "utilisation"}

# file:row:column: message
LOCATED = re.compile(r"^(?P<file>[\w.-]+\.(?:csv|toml)):(?P<row>\d+):(?P<column>[\w.]+): (?P<message>.+)$")


# --- the happy paths, through a real subprocess ----------------------------------------


def test_validate_demo_ok(repo_root):
    p = run(repo_root, "validate", "data/demo")
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("OK")
    assert "Traceback" not in p.stderr


def test_evaluate_json_contract(repo_root, demo):
    p = run(repo_root, "evaluate", "data/demo", "--scenario", "bas", "--alternative", "merge-a-b", "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert {"scenario", "alternative", "base_year", "years", "units"} <= set(doc)  # keys are only ever added
    assert (doc["scenario"], doc["alternative"], doc["base_year"]) == ("bas", "merge-a-b", demo.base_year)
    assert [y["year"] for y in doc["years"]] == list(range(demo.base_year, demo.base_year + 11))
    for item in doc["years"]:
        assert set(item) >= YEAR_KEYS, YEAR_KEYS - set(item)
    assert doc["units"]
    for item in doc["units"]:
        assert set(item) >= UNIT_KEYS, UNIT_KEYS - set(item)
    assert {u["unit_id"] for u in doc["units"]} == set(demo.schools["unit_id"])
    # The JSON carries the engine's numbers, not a rounded rendering of them.
    result = evaluate(demo, "bas", "merge-a-b")
    np.testing.assert_allclose([y["cost_sek"] for y in doc["years"]], result.years["cost_sek"], rtol=1e-12)


def test_compare_json_lists_every_alternative_with_its_difference(repo_root, demo):
    p = run(repo_root, "compare", "data/demo", "--json")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["base_year"] == demo.base_year and doc["years"] == 10
    rows = pd.DataFrame(doc["alternatives"])
    for scenario in demo.scenarios:
        part = rows[rows["scenario"] == scenario].set_index("alternative")
        assert sorted(part.index) == sorted(demo.alternatives), scenario
        keep = part.loc["keep-all"]
        assert keep["diff_total_cost_sek"] == 0
        assert keep["diff_cost_last_year_sek"] == 0
        np.testing.assert_allclose(
            part["diff_total_cost_sek"], part["total_cost_sek"] - keep["total_cost_sek"], rtol=1e-12, atol=1e-3
        )
    assert set(rows["scenario"]) == set(demo.scenarios)


def test_a_bad_dataset_gives_located_errors_and_no_traceback(repo_root, tmp_path, tiny_spec, dataset_writer):
    tiny_spec["population"][0]["persons"] = "tolv"
    tiny_spec["areas"][1]["lat"] = 48.85
    folder = dataset_writer(tmp_path / "bad", tiny_spec)
    p = run(repo_root, "validate", folder)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    lines = p.stderr.splitlines()
    assert "population.csv:2:persons: 'tolv' är inget tal" in lines
    assert any(line.startswith("areas.csv:3:lat: 48.85 ") for line in lines), lines
    # Every problem is reported at once, not one per run.
    assert sum(bool(LOCATED.match(line)) for line in lines) == 2


def test_bad_set_in_a_subprocess(repo_root):
    p = run(
        repo_root,
        "evaluate",
        "data/demo",
        "--scenario",
        "bas",
        "--alternative",
        "keep-all",
        "--set",
        "max_class_size=99",
    )
    assert p.returncode == 2
    assert "max_class_size" in p.stderr
    assert "Traceback" not in p.stderr


# --- evaluate options, in-process ----------------------------------------------------


def evaluate_json(capsys, *extra: str) -> dict:
    code, out, err = call(
        capsys, "evaluate", "data/demo", "--scenario", "bas", "--alternative", "keep-all", "--json", *extra
    )
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def in_repo(monkeypatch, repo_root):
    monkeypatch.chdir(repo_root)


@pytest.mark.usefixtures("in_repo")
def test_set_max_class_size_changes_classes(capsys):
    default = evaluate_json(capsys)
    smaller = evaluate_json(capsys, "--set", "max_class_size=22")
    classes = sum(u["classes"] for u in default["units"])
    assert sum(u["classes"] for u in smaller["units"]) > classes
    # Nothing but the classes (and what follows from them) changes: same pupils.
    assert [y["pupils"] for y in smaller["years"]] == [y["pupils"] for y in default["years"]]


@pytest.mark.usefixtures("in_repo")
def test_years_20_works_and_25_is_refused(capsys):
    doc = evaluate_json(capsys, "--years", "20")
    assert len(doc["years"]) == 21  # the base year plus 20
    code, _, err = call(
        capsys, "evaluate", "data/demo", "--scenario", "bas", "--alternative", "keep-all", "--years", "25"
    )
    assert code == 2
    assert "20" in err and "25" in err
    code, _, err = call(
        capsys, "evaluate", "data/demo", "--scenario", "bas", "--alternative", "keep-all", "--years", "0"
    )
    assert code == 2


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (["evaluate", "data/demo", "--scenario", "basfall", "--alternative", "keep-all"], ["basfall", "bas", "stress"]),
        (["evaluate", "data/demo", "--scenario", "bas", "--alternative", "merge-a-c"], ["merge-a-c", "merge-a-b"]),
        (["compare", "data/demo", "--scenario", "basfall"], ["basfall", "bas"]),
    ],
)
def test_unknown_scenario_or_alternative(capsys, args, wanted):
    code, out, err = call(capsys, *args)
    assert code == 2
    assert out == ""
    for word in wanted:  # names what was asked for and what exists
        assert word in err


@pytest.mark.usefixtures("in_repo")
@pytest.mark.parametrize(
    ("value", "wanted"),
    [
        ("max_klass=22", "max_klass"),  # unknown name
        ("max_class_size=99", "max_class_size"),  # out of range
        ("teacher_cost_sek=mycket", "teacher_cost_sek"),  # not a number
        ("max_class_size", "NAMN=VÄRDE"),  # no value at all
    ],
)
@pytest.mark.parametrize("command", ["evaluate", "compare"])
def test_bad_set(capsys, command, value, wanted):
    extra = ["--scenario", "bas", "--alternative", "keep-all"] if command == "evaluate" else []
    code, out, err = call(capsys, command, "data/demo", *extra, "--set", value)
    assert code == 2
    assert wanted in err
    assert out == ""


@pytest.mark.usefixtures("in_repo")
def test_params_json_lists_every_parameter(capsys):
    code, out, _ = call(capsys, "params", "data/demo", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {"max_class_size", "detour_factor", "closed_premises_years"} <= {r["name"] for r in rows}


# --- every kind of bad input ---------------------------------------------------------


def _add_alternative(spec, *actions):
    spec["alternatives"].append({"id": "bad", "name": "Felaktigt", "action": list(actions)})


def _drop_column(spec, table, column):
    for row in spec[table]:
        del row[column]


BAD_INPUTS = {
    # name: (change to the tiny spec, file, row, column, words in the message)
    "missing column": (lambda s: _drop_column(s, "areas", "lat"), "areas.csv", 1, "lat", ["lat", "saknas"]),
    "non-numeric count": (
        lambda s: s["population"][0].update(persons="12 st"),
        "population.csv", 2, "persons", ["12 st", "inget tal"],
    ),
    "negative count": (
        lambda s: s["population"][1].update(persons=-8),
        "population.csv", 3, "persons", ["negativ"],
    ),
    "unknown area in population.csv": (
        lambda s: s["population"][2].update(area_id="Z9"),
        "population.csv", 4, "area_id", ["Z9", "areas.csv"],
    ),
    "typo area in population.csv": (
        lambda s: s["population"][4].update(area_id="BB"),
        "population.csv", 6, "area_id", ["BB", "menade du 'B'"],
    ),
    "typo area in units.csv": (
        lambda s: s["units"][1].update(area_id="BB"),
        "units.csv", 3, "area_id", ["BB", "menade du 'B'"],
    ),
    "duplicate area id": (
        lambda s: s["areas"][2].update(area_id="B"),
        "areas.csv", 4, "area_id", ["'B'", "rad 3"],
    ),
    "duplicate unit id": (
        lambda s: s["units"][3].update(unit_id="S-A"),
        "units.csv", 5, "unit_id", ["'S-A'", "rad 2"],
    ),
    "grade above 9": (lambda s: s["units"][0].update(grade_max=12), "units.csv", 2, "grade_max", ["12", "9"]),
    "grade below 0": (lambda s: s["units"][1].update(grade_min=-1), "units.csv", 3, "grade_min", ["-1"]),
    "enrollment grade outside 0–9": (
        lambda s: s.update(enrollment=[{"unit_id": "S-A", "grade": 10, "pupils": 5}]),
        "enrollment.csv", 2, "grade", ["10"],
    ),
    "latitude outside Sweden": (lambda s: s["areas"][0].update(lat=48.85), "areas.csv", 2, "lat", ["48.85"]),
    "longitude outside Sweden": (lambda s: s["units"][2].update(lon=30.5), "units.csv", 4, "lon", ["30.5"]),
    "unit closed twice": (
        lambda s: _add_alternative(
            s, {"year": 2026, "action": "close", "unit": "S-B"}, {"year": 2028, "action": "close", "unit": "S-B"}
        ),
        "alternatives.toml", None, "unit", ["S-B", "två gånger"],
    ),
    "merge into a closed unit": (
        lambda s: _add_alternative(
            s,
            {"year": 2026, "action": "close", "unit": "S-C"},
            {"year": 2027, "action": "merge", "unit": "S-B", "to": "S-C"},
        ),
        "alternatives.toml", None, "to", ["S-C", "stängd"],
    ),
    "merge into a missing unit": (
        lambda s: _add_alternative(s, {"year": 2027, "action": "merge", "unit": "S-B", "to": "S-CC"}),
        "alternatives.toml", None, "to", ["S-CC", "menade du 'S-C'"],
    ),
    "close a missing unit": (
        lambda s: _add_alternative(s, {"year": 2027, "action": "close", "unit": "S-X"}),
        "alternatives.toml", None, "unit", ["S-X"],
    ),
    "unknown action": (
        lambda s: _add_alternative(s, {"year": 2027, "action": "stang", "unit": "S-B"}),
        "alternatives.toml", None, "action", ["stang", "close"],
    ),
}  # fmt: skip


def _header_lines(text: str, header: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == header]


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_located(case, capsys, tmp_path, tiny_spec, dataset_writer):
    change, fname, row, column, words = BAD_INPUTS[case]
    change(tiny_spec)
    folder = dataset_writer(tmp_path / "bad", tiny_spec)
    for command in (["validate", folder], ["evaluate", folder, "--scenario", "bas", "--alternative", "keep-all"]):
        code, out, err = call(capsys, *command)
        assert code == 2, case
        assert out == ""
        assert "Traceback" not in err
        located = [m for m in map(LOCATED.match, err.splitlines()) if m and m["file"] == fname]
        assert located, f"{case}: no {fname}:row:column line in\n{err}"
        hits = [m for m in located if m["column"] == column and all(w in m["message"] for w in words)]
        assert hits, f"{case}: expected {fname}:{row}:{column} with {words} in\n{err}"
        if row is not None:
            assert int(hits[0]["row"]) == row, hits[0].group(0)
        else:
            # TOML: the row is a line inside the offending alternative (the last one).
            text = (folder / fname).read_text(encoding="utf-8")
            start = _header_lines(text, "[[alternative]]")[-1]
            assert start <= int(hits[0]["row"]) <= len(text.splitlines()), hits[0].group(0)
        assert err.splitlines()[-1].endswith("rätta dem och försök igen.")


@pytest.mark.parametrize("missing", ["areas", "population", "demography", "units", "municipality", "scenarios"])
def test_missing_file(capsys, tmp_path, tiny_spec, dataset_writer, missing):
    tiny_spec[missing] = None
    folder = dataset_writer(tmp_path / "bad", tiny_spec)
    code, out, err = call(capsys, "validate", folder)
    assert code == 2
    assert out == ""
    fname = f"{missing}.toml" if missing in ("municipality", "scenarios") else f"{missing}.csv"
    # A missing file has no row or column: the line names the file and says it is missing.
    assert any(line.startswith(f"{fname}: ") and "saknas" in line for line in err.splitlines()), err


def test_missing_folder(capsys, tmp_path):
    code, _, err = call(capsys, "validate", tmp_path / "finns-inte")
    assert code == 2
    assert "finns-inte" in err and "Traceback" not in err


def test_bad_toml_is_located(capsys, tmp_path, tiny_spec, dataset_writer):
    folder = dataset_writer(tmp_path / "bad", tiny_spec)
    (folder / "scenarios.toml").write_text('[[scenario]]\nid = "bas"\nname = "Bas\ntfr = 1.5\n', encoding="utf-8")
    code, _, err = call(capsys, "validate", folder)
    assert code == 2
    assert re.search(r"^scenarios\.toml:\d+: ", err, re.MULTILINE), err


# --- spreadsheet exports load exactly like the plain files ---------------------------


def _rewrite_csv(text: str, *, delimiter: str, decimal: str) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for i, row in enumerate(rows):
        if i > 0 and decimal != ".":
            row = [c.replace(".", decimal) if re.fullmatch(r"-?\d+\.\d+", c) else c for c in row]
        writer.writerow(row)
    return out.getvalue()


VARIANTS = {
    "semicolon and decimal comma": lambda t: _rewrite_csv(t, delimiter=";", decimal=",").encode("utf-8"),
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "windows-1252": lambda t: t.encode("cp1252"),
    "all three": lambda t: _rewrite_csv(t, delimiter=";", decimal=",").encode("cp1252"),
}


def _variant_of(source: Path, target: Path, variant: str) -> Path:
    shutil.copytree(source, target)
    for path in target.glob("*.csv"):
        path.write_bytes(VARIANTS[variant](path.read_text(encoding="utf-8")))
    return target


def _assert_same_dataset(a, b):
    for attr in ("areas", "demography", "units"):
        pd.testing.assert_frame_equal(getattr(a, attr), getattr(b, attr), check_dtype=False)
    for attr in ("enrollment", "distances"):
        if getattr(a, attr) is None:
            assert getattr(b, attr) is None
        else:
            pd.testing.assert_frame_equal(getattr(a, attr), getattr(b, attr), check_dtype=False)
    np.testing.assert_array_equal(a.population, b.population)
    assert (a.name, a.code, a.base_year) == (b.name, b.code, b.base_year)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_demo_spreadsheet_variants_load_identically(variant, tmp_path, demo, demo_path):
    folder = _variant_of(demo_path, tmp_path / "variant", variant)
    raw = (folder / "areas.csv").read_bytes()
    assert raw != (demo_path / "areas.csv").read_bytes()  # the variant really differs on disk
    loaded = load_dataset(folder)
    _assert_same_dataset(demo, loaded)
    a = evaluate(demo, "bas", "merge-a-b", years=3).years
    b = evaluate(loaded, "bas", "merge-a-b", years=3).years
    pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_swedish_letters_survive_every_encoding(variant, tmp_path, tiny_spec, dataset_writer):
    tiny_spec["areas"][0]["name"] = "Åsöns Ängar"
    tiny_spec["units"][2]["name"] = "Östra Cé skola, Övre Ålsjö"  # a comma inside a quoted name
    plain = load_dataset(dataset_writer(tmp_path / "plain", tiny_spec))
    folder = _variant_of(tmp_path / "plain", tmp_path / "variant", variant)
    if variant == "windows-1252":
        assert "Åsöns Ängar".encode("cp1252") in (folder / "areas.csv").read_bytes()
    loaded = load_dataset(folder)
    assert list(loaded.areas["name"]) == ["Åsöns Ängar", "Björkängen", "Östra Cé"]
    assert list(loaded.units["name"]) == [
        "Åby skola",
        "Björkängens skola",
        "Östra Cé skola, Övre Ålsjö",
        "Förskolan Ängen",
    ]
    _assert_same_dataset(plain, loaded)


def test_semicolon_file_with_thousands_spaces(tmp_path, tiny_spec, dataset_writer):
    # Swedish Excel may group thousands with a (non-breaking) space: "1 000 000".
    plain = load_dataset(dataset_writer(tmp_path / "plain", tiny_spec))
    folder = dataset_writer(tmp_path / "spaced", tiny_spec, delimiter=";", decimal=",")
    text = (folder / "units.csv").read_text(encoding="utf-8")
    text = text.replace("1000000", "1\u00a0000\u00a0000").replace("600000", "600 000")
    (folder / "units.csv").write_text(text, encoding="utf-8")
    _assert_same_dataset(plain, load_dataset(folder))
