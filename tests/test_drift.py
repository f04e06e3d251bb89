"""Drift: what is written down twice must say the same.

* docs/dataset.md's generated tables (parameters, scenario fields, columns) equal what
  tools/make_docs.py makes from the code now;
* data/demo equals what tools/make_demo.py writes, file by file and byte by byte (the script
  is deterministic: a fixed seed and fixed rounding, so its CSV text is stable);
* the validator, the link's parser and the sliders on Scenarier read the ranges of the
  scenario-field tree (engine/core/scenario_fields.py), and the tree names the Scenario's fields.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pages_support import open_page

from engine.core import scenario_fields
from engine.core.problems import Problem
from engine.core.scenario_fields import SCENARIO_FIELD_NAMES, SCENARIO_FIELDS, slider_span
from engine.core.types import Scenario
from engine.dataset.toml_files import read_scenarios
from ui.state import SCENARIO_LIMITS, default_view, from_query

ROOT = Path(__file__).resolve().parent.parent
HAND_WRITTEN_IN_DEMO = {"README.md"}  # data/demo's description, not made by the script


def _make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "tools" / "make_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- docs/dataset.md against the code ----------------------------------------------------------


def test_the_docs_generated_tables_are_what_the_code_makes_now() -> None:
    make_docs = _make_docs()
    text = make_docs.DOC.read_text(encoding="utf-8")
    new, changed = make_docs.render(text)
    assert not changed, f"docs/dataset.md is stale in {changed}: run `make docs`"
    assert new == text


def test_the_docs_check_fails_on_a_changed_table(monkeypatch: pytest.MonkeyPatch) -> None:
    make_docs = _make_docs()
    text = make_docs.DOC.read_text(encoding="utf-8")
    # a hand edit inside a generated table is drift
    edited = text.replace("| `tfr` (barnafödande) | number |", "| `tfr` (barnafödande) | integer |", 1)
    assert edited != text
    assert make_docs.render(edited)[1] == ["scenarios"]
    # a range changed in the code is drift too
    tfr = scenario_fields.SCENARIO_FIELDS[0]
    monkeypatch.setattr(
        scenario_fields, "SCENARIO_FIELDS", (dataclasses.replace(tfr, max=5.0), *scenario_fields.SCENARIO_FIELDS[1:])
    )
    assert make_docs.render(text)[1] == ["scenarios"]
    # and so is a table whose markers were removed
    with pytest.raises(SystemExit, match="no markers for parameters"):
        make_docs.render(text.replace("<!-- generated: parameters -->", ""))


def test_the_docs_check_runs_as_a_command() -> None:
    p = subprocess.run(
        [sys.executable, "tools/make_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert p.returncode == 0, p.stderr


def test_every_column_of_the_schema_is_documented() -> None:
    from engine.dataset.schema import TABLES

    for fname, columns in TABLES.items():
        for col in columns:
            assert col.example, (fname, col.name)
            if col.kind == "text" and not col.choices:
                assert col.doc, (fname, col.name)  # what a text may be


def test_every_file_of_a_dataset_is_in_the_docs_table_of_files() -> None:
    from engine.dataset.upload import DATASET_FILES

    listed = set(
        re.findall(r"^\| \[`([\w.]+)`\]\(#", (ROOT / "docs" / "dataset.md").read_text(encoding="utf-8"), re.MULTILINE)
    )
    assert listed == set(DATASET_FILES)  # areas.geojson among them: what a zip may carry is documented


# --- data/demo against tools/make_demo.py ---------------------------------------------------------


def test_the_demo_is_what_make_demo_writes(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    p = subprocess.run(
        [sys.executable, "tools/make_demo.py", "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert p.returncode == 0, p.stderr
    demo = ROOT / "data" / "demo"
    written = {f.name for f in out.iterdir()}
    kept = {f.name for f in demo.iterdir()} - HAND_WRITTEN_IN_DEMO
    assert written == kept, "data/demo and tools/make_demo.py have different files: run tools/make_demo.py"
    differ = sorted(name for name in written if (out / name).read_bytes() != (demo / name).read_bytes())
    assert not differ, f"data/demo differs from tools/make_demo.py in {differ}: run tools/make_demo.py"


# --- one range per scenario field ----------------------------------------------------------------


def test_the_tree_names_every_assumption_of_a_scenario() -> None:
    numeric = [f for f in dataclasses.fields(Scenario) if f.type in ("float", float)]
    assert [f.name for f in numeric] == list(SCENARIO_FIELD_NAMES)
    for spec in SCENARIO_FIELDS:
        field = next(f for f in numeric if f.name == spec.name)
        assert spec.required == (field.default is dataclasses.MISSING), spec.name
        if not spec.required:
            assert spec.default == field.default, spec.name
        assert spec.min <= spec.slider_min < spec.slider_max <= spec.max, spec.name
        for key in ("label_sv", "label_en", "short_sv", "short_en", "unit", "description_sv", "description_en"):
            assert getattr(spec, key).strip(), (spec.name, key)
        assert len(spec.source) > 40, spec.name  # says why the range is what it is


def _scenarios_toml(folder: Path, name: str, value: float) -> Path:
    values = {"tfr": 1.5, "net_migration_per_1000": 0.0, "mortality_change": 0.0, name: value}
    body = "".join(f"{key} = {val!r}\n" for key, val in values.items())
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "scenarios.toml").write_text(f'[[scenario]]\nid = "bas"\nname = "Bas"\n{body}', encoding="utf-8")
    return folder


def _outside(spec: scenario_fields.ScenarioField) -> tuple[float, float]:
    margin = (spec.max - spec.min) / 100
    return spec.min - margin, spec.max + margin


@pytest.mark.parametrize("spec", SCENARIO_FIELDS, ids=SCENARIO_FIELD_NAMES)
def test_the_validator_reads_the_trees_range(tmp_path: Path, spec: scenario_fields.ScenarioField) -> None:
    for value in (spec.min, spec.max):
        problems: list[Problem] = []
        scenarios = read_scenarios(_scenarios_toml(tmp_path / f"in{value}", spec.name, value), problems)
        assert not problems, problems
        assert getattr(scenarios["bas"], spec.name) == value
    for value in _outside(spec):
        problems = []
        assert read_scenarios(_scenarios_toml(tmp_path / f"out{value}", spec.name, value), problems) == {}
        assert [(p.file, p.column) for p in problems] == [("scenarios.toml", spec.name)]
        assert f"{spec.min:g} till {spec.max:g}" in problems[0].message


SCENARIOS = ["bas", "stress"]
DEFAULT = default_view(SCENARIOS, ["keep-all"])


@pytest.mark.parametrize("spec", SCENARIO_FIELDS, ids=SCENARIO_FIELD_NAMES)
def test_the_links_parser_reads_the_trees_range(spec: scenario_fields.ScenarioField) -> None:
    assert SCENARIO_LIMITS[spec.name] == (spec.min, spec.max)
    for value in (spec.min, spec.max):
        view, ignored = from_query({f"bas.{spec.name}": repr(value)}, DEFAULT, SCENARIOS, [])
        assert ignored == [] and view.scenario_changes == {"bas": {spec.name: value}}
    for value in _outside(spec):
        view, ignored = from_query({f"bas.{spec.name}": repr(value)}, DEFAULT, SCENARIOS, [])
        assert ignored == [f"bas.{spec.name}"] and view.scenario_changes == {}


@pytest.mark.parametrize("spec", SCENARIO_FIELDS, ids=SCENARIO_FIELD_NAMES)
def test_a_slider_reaches_every_value_of_the_range_and_no_further(spec: scenario_fields.ScenarioField) -> None:
    assert slider_span(spec.name) == (spec.slider_min, spec.slider_max)
    assert slider_span(spec.name, spec.min) == (spec.min, spec.slider_max)
    assert slider_span(spec.name, spec.max) == (spec.slider_min, spec.max)
    assert slider_span(spec.name, *_outside(spec)) == (spec.min, spec.max)


def test_the_scenarier_sliders_are_the_trees(app_store) -> None:
    tfr, migration, mortality = SCENARIO_FIELDS
    # A link at the ends of two ranges: the sliders reach them and stop there.
    at = open_page(
        "pages/scenarier.py",
        **{"bas.tfr": repr(tfr.max), "stress.net_migration_per_1000": repr(migration.min)},
    )
    # The stops are the tree's, written the Swedish way (a select_slider: st.slider has no decimal comma).
    bas = at.select_slider(key="w.bas.tfr")
    assert (bas.value, bas.options[-1], bas.label) == (tfr.max, "3,50", tfr.label_sv)
    assert bas.options[-2:] == ["3,49", "3,50"]  # step 0,01
    stress = at.select_slider(key="w.stress.net_migration_per_1000")
    assert (stress.value, stress.options[:2]) == (migration.min, ["−50,0", "−49,5"])
    # Elsewhere the usual span; a percent field in per cent.
    other = at.select_slider(key="w.stress.tfr")
    assert (other.options[0], other.options[-1]) == ("0,80", "2,50")
    share = at.select_slider(key="w.bas.mortality_change")
    assert share.options[:2] == ["−50", "−49"] and share.options[-1] == "+50" and "0" in share.options
    assert share.label == mortality.label_sv
