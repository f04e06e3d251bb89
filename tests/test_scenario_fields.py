"""A scenario value at the edge of what is plausible: `validate` accepts it and Scenarier shows it,
or `validate` refuses it with a message naming the field, the value and the range. Never a crash.

tfr = 0.7 (South Korea's level) once passed `validate` (tfr 0–5) and crashed Scenarier, whose
slider began at 0.8. Both now read one range, the scenario-field tree's (0.5–3.5).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_support import run
from pages_support import open_page

from engine.core.scenario_fields import field_of


def _demo_with(tmp_path: Path, demo_path: Path, key: str, value: str) -> Path:
    """A copy of data/demo whose first scenario has ``key = value``."""
    folder = tmp_path / "kommun"
    shutil.copytree(demo_path, folder)
    path = folder / "scenarios.toml"
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(f"{key} ="))
    path.write_text(text.replace(line, f"{key} = {value}", 1), encoding="utf-8")
    return folder


def test_tfr_0_7_is_valid_and_scenarier_shows_it(app_store, repo_root, demo_path, tmp_path, monkeypatch):
    folder = _demo_with(tmp_path, demo_path, "tfr", "0.7")
    p = run(repo_root, "validate", folder)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("OK")

    from ui import data

    monkeypatch.setattr(data, "DATASET_DIR", folder)
    data.dataset.clear()
    try:
        at = open_page("pages/scenarier.py")  # no exception
        slider = at.select_slider(key="w.bas.tfr")  # a select_slider: its stops written the Swedish way
        assert slider.value == pytest.approx(0.7) and slider.options[0] == "0,70"
        assert len(at.metric) >= 6  # inhabitants and children for each scenario
        # the slider moves from there, and back to the dataset's own value
        slider.set_value(1.0).run()
        assert not at.exception
        assert at.query_params["bas.tfr"] == "1"
        at.button(key="reset.bas").click().run()
        assert not at.exception
        assert at.select_slider(key="w.bas.tfr").value == pytest.approx(0.7)
    finally:
        data.dataset.clear()


@pytest.mark.parametrize(
    ("key", "value"),
    [("tfr", "0.3"), ("tfr", "5.0"), ("net_migration_per_1000", "-60.0"), ("mortality_change", "0.8")],
)
def test_a_value_outside_the_range_is_refused_with_field_value_and_range(repo_root, demo_path, tmp_path, key, value):
    folder = _demo_with(tmp_path, demo_path, key, value)
    p = run(repo_root, "validate", folder)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    spec = field_of(key)
    line = next(line for line in p.stderr.splitlines() if line.startswith("scenarios.toml:"))
    # the [[scenario]] header's line, the field, its value and the plausible range
    assert re.match(rf"^scenarios\.toml:\d+:{key}: {key} = {float(value):g} ligger utanför", line), line
    assert f"{spec.min:g} till {spec.max:g} {spec.unit}" in line
    assert p.stderr.splitlines()[-1].startswith("1 fel i ")


def test_a_link_may_take_a_slider_beyond_its_usual_span_within_the_range(app_store):
    spec = field_of("tfr")
    value = 3.2
    assert spec.slider_max < value <= spec.max
    at = open_page("pages/scenarier.py", **{"bas.tfr": str(value)})
    slider = at.select_slider(key="w.bas.tfr")
    assert slider.value == pytest.approx(value) and slider.options[-1] == "3,20"
    # beyond the range the link's value is dropped, and the page opens on the dataset's own
    at = open_page("pages/scenarier.py", **{"bas.tfr": "9"})
    assert at.select_slider(key="w.bas.tfr").value == pytest.approx(1.45)
