"""Two checks of the data in use that must speak rather than act silently or stop the pages.

* An upload whose enrollment has more pupils in a grade than the population has children of
  that age is accepted, with a warning naming each capped grade (the engine's
  ``capped_grades``, the CLI's ``validate``, the Data page).
* A stored default upload that this version's checks refuse (it was accepted by one that
  checked less) gives every visitor the server's own data with a message, and the
  administrator the problems to fix.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cli_support import call
from pages_support import as_admin, open_page, texts

from engine import load_dataset
from engine.dataset.upload import dataset_id
from engine.model.placement import CappedGrade, capped_grades, participation
from engine.store import Store

DATA = "pages/data.py"
OVERVIEW = "pages/oversikt.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Lillby's children in the base year (tests/conftest.py): age 6 (grade 0) 12 + 6 + 3 = 21,
# age 7 (grade 1) 8, age 8 (grade 2) 2, age 9 (grade 3) 4, age 10 (grade 4) none.
OVER_ENROLLED = [
    {"unit_id": "S-A", "grade": 0, "pupils": 25},  # 25 > 21: capped, 4 left out
    {"unit_id": "S-A", "grade": 1, "pupils": 8},  # 8 = 8: not capped
    {"unit_id": "S-B", "grade": 3, "pupils": 3},  # 3 < 4: a share of 0,75
    {"unit_id": "S-C", "grade": 4, "pupils": 2},  # no child aged 10: capped, both left out
]


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, path.name)
    return buffer.getvalue()


def test_capped_grades_by_hand(tmp_path: Path, tiny_spec: dict[str, Any], dataset_writer) -> None:
    tiny_spec["enrollment"] = OVER_ENROLLED
    ds = load_dataset(dataset_writer(tmp_path / "lillby", tiny_spec))
    assert capped_grades(ds) == [
        CappedGrade(grade=0, age=6, pupils=25.0, children=21.0, share=pytest.approx(25 / 21), left_out=4.0),
        CappedGrade(grade=4, age=10, pupils=2.0, children=0.0, share=float("inf"), left_out=2.0),
    ]
    # what the model does with them: grade 0 capped at 1, grade 1 exactly 1, grade 3 3/4
    shares = participation(ds)
    assert shares[0] == 1.0 and shares[1] == 1.0 and shares[3] == pytest.approx(0.75)


def test_no_enrollment_and_enrollment_within_the_children_cap_nothing(tiny, demo) -> None:
    assert capped_grades(tiny) == []  # no enrollment.csv: everyone of school age attends
    assert capped_grades(demo) == []


def test_validate_accepts_and_warns_on_stderr(capsys, tmp_path: Path, tiny_spec, dataset_writer) -> None:
    tiny_spec["enrollment"] = OVER_ENROLLED
    folder = dataset_writer(tmp_path / "lillby", tiny_spec)
    code, out, err = call(capsys, "validate", folder)
    assert code == 0 and out.startswith("OK: Lillby kommun")
    assert err.splitlines() == [
        "Varning: enrollment.csv:pupils: förskoleklass har 25 elever men population.csv bara 21 barn i åldern 6 år "
        "(2025); modellen räknar med 21, 4 elever räknas inte.",
        "Varning: enrollment.csv:pupils: årskurs 4 har 2 elever men population.csv bara 0 barn i åldern 10 år "
        "(2025); modellen räknar med 0, 2 elever räknas inte.",
    ]


@pytest.fixture
def fresh(app_store: Path, admin_code: str) -> Iterator[Path]:
    from ui import data

    data.clear()
    yield app_store
    data.clear()


def test_the_data_page_accepts_the_upload_and_says_what_was_capped(
    fresh: Path, tmp_path: Path, tiny_spec, dataset_writer
) -> None:
    tiny_spec["enrollment"] = OVER_ENROLLED
    content = _zip(dataset_writer(tmp_path / "lillby", tiny_spec))
    at = as_admin(open_page(DATA))
    at.file_uploader[0].set_value(("lillby.zip", content, "application/zip")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("kan användas: **Lillby kommun**" in s.value for s in at.success)
    warning = next(w.value for w in at.warning if w.value.startswith("Godkänd med en varning"))
    assert "i 2 årskurser har elevantalen (enrollment) fler elever" in warning
    assert "- förskoleklass: 25 elever men 21 barn i åldern 6 år; modellen räknar med 21, 4 elever räknas inte" in (
        warning
    )
    assert "- årskurs 4: 2 elever men 0 barn i åldern 10 år; modellen räknar med 0, 2 elever räknas inte" in warning
    at.button(key="data.use").click().run()  # accepted: it can be used
    assert not at.exception and at.session_state["view"].dataset == dataset_id("9999", content)


def test_a_good_upload_has_no_capping_warning(fresh: Path, tmp_path: Path, tiny_spec, dataset_writer) -> None:
    tiny_spec["enrollment"] = [{"unit_id": "S-A", "grade": 0, "pupils": 21}]
    content = _zip(dataset_writer(tmp_path / "lillby", tiny_spec))
    at = as_admin(open_page(DATA))
    at.file_uploader[0].set_value(("lillby.zip", content, "application/zip")).run()
    assert any("kan användas" in s.value for s in at.success)
    assert not [w for w in at.warning if w.value.startswith("Godkänd med en varning")]


def test_a_default_this_version_refuses_gives_the_built_in_data_and_tells_the_administrator(
    fresh: Path, tmp_path: Path, tiny_spec, dataset_writer
) -> None:
    # Stored as an older, laxer version would have: a scenario's tfr of nan, which validate now refuses.
    tiny_spec["scenarios"][0]["tfr"] = float("nan")
    content = _zip(dataset_writer(tmp_path / "lillby", tiny_spec))
    ident = dataset_id("9999", content)
    store = Store(fresh)
    store.save_dataset(ident, "Lillby kommun", "9999", "lillby-2025.zip", content)
    store.set_setting("default_dataset", ident)

    visitor = open_page(OVERVIEW)  # no exception: the pages run on the server's own data
    assert visitor.session_state["view"].dataset == ""
    assert visitor.sidebar.markdown[0].value.startswith("**Vålberga kommun**")
    assert [w.value for w in visitor.warning] == [
        "Den data som är vald som standard för alla (Lillby kommun) godtas inte av den här versionen av Vägval, "
        "så du ser Vålberga kommun i stället. Administratören ser på sidan Data vad som behöver rättas."
    ]
    for page in ("pages/jamfor.py", "pages/workshop.py", DATA):
        at = open_page(page)
        assert at.title, page

    admin = as_admin(open_page(DATA))
    error = next(e.value for e in admin.error if e.value.startswith("**Standarddatan underkänns.**"))
    assert "Lillby kommun (`lillby-2025.zip`, uppladdad " in error and "ser Vålberga kommun i stället" in error
    problems = admin.dataframe[0].value
    assert any("tfr" in str(row) for row in problems.to_numpy().tolist()), problems
    assert set(problems.iloc[:, 0]) == {"lillby-2025.zip/scenarios.toml"}  # the stored file, then its member

    # The administrator makes the server's own data the default again: the message goes.
    admin.button(key="data.default_now").click().run()
    assert not [e for e in admin.error if e.value.startswith("**Standarddatan underkänns.**")]
    assert not open_page(OVERVIEW).warning
    assert "Standarddatan" not in texts(admin)
