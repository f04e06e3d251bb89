"""Texts in the session's language: plural forms chosen by count, units translated.

Expected strings are written out by hand, never rebuilt with the code under test.
"""

from __future__ import annotations

import pytest

from engine.core import scenario_fields
from engine.core.parameters import describe
from engine.measures.effects import Effect
from ui import frame, i18n
from ui.labels import AREAS
from ui.labels.units import SHARE_SUFFIXES, UNITS


@pytest.fixture(params=["sv", "en"])
def language(request: pytest.FixtureRequest) -> str:
    i18n.use_language(request.param)
    yield request.param
    i18n.use_language("sv")


def test_one_response_is_singular_in_english_and_swedish_has_one_form() -> None:
    i18n.use_language("en")
    assert i18n.t("ws.status.closed", count=1) == "**Closed for new input** · 1 response"
    assert i18n.t("ws.status.closed", count=2) == "**Closed for new input** · 2 responses"
    assert i18n.t("ws.status.closed", count=0) == "**Closed for new input** · 0 responses"
    i18n.use_language("sv")
    assert i18n.t("ws.status.closed", count=1) == "**Stängd för nya svar** · 1 svar"
    assert i18n.t("inv.years", count=1) == "1 år"
    assert i18n.t("cap.care.gap.short", count=1) == "1 plats saknas och måste köpas"
    assert i18n.t("cap.care.gap.short", count=12) == "12 platser saknas och måste köpas"


def test_the_count_is_written_the_swedish_way() -> None:
    i18n.use_language("en")
    # 1234 → "1 234" with a no-break space, as fmt.number writes every count on screen.
    assert i18n.t("inv.years", count=1234) == "1\u00a0234 years"
    assert i18n.t("inv.years", count=1) == "1 year"
    i18n.use_language("sv")


def test_a_plural_label_without_a_count_is_an_error() -> None:
    i18n.use_language("en")
    with pytest.raises(ValueError, match="count"):
        i18n.t("inv.years")
    i18n.use_language("sv")


def test_a_parameter_reads_with_its_unit_in_the_session_language(language: str) -> None:
    meta = {row["name"]: row for row in describe()}
    expected = {
        "sv": ("25 elever", "1 årskurs", "1,2\u00a0% av invånarna"),
        "en": ("25 pupils", "1 grade", "1,2\u00a0% of the inhabitants"),
    }[language]
    assert frame.parameter_amount(25, meta["max_class_size"]) == expected[0]
    assert frame.parameter_amount(1, meta["max_grades_per_class"]) == expected[1]
    share = next(row for row in describe() if row["unit"] == "andel av invånarna")
    assert frame.parameter_amount(0.012, share) == expected[2]


def test_units_are_translated_with_their_plural(language: str) -> None:
    expected = {
        "sv": ("1 elev", "25 elever", "kr per elev och år", "okänd enhet"),
        "en": ("1 pupil", "25 pupils", "SEK per pupil and year", "okänd enhet"),
    }[language]
    assert f"1 {i18n.unit('elever', 1)}" == expected[0]
    assert f"25 {i18n.unit('elever', 25)}" == expected[1]
    assert i18n.unit("kr per elev och år") == expected[2]
    assert i18n.unit("okänd enhet") == expected[3]  # shown as it is, never a crash


def test_every_unit_of_the_parameter_and_scenario_trees_has_an_english_name() -> None:
    units = {str(row["unit"]) for row in [*describe(), *scenario_fields.describe()]}
    assert units <= UNITS.keys(), sorted(units - UNITS.keys())
    shares = {u for u in units if u.startswith("andel")}
    assert shares <= SHARE_SUFFIXES.keys(), sorted(shares - SHARE_SUFFIXES.keys())


def test_each_area_module_keeps_to_its_own_keys() -> None:
    # A key's first word names its area, so a reader finds the file from the key.
    for area in AREAS:
        prefixes = {key.split(".")[0] for key in area.LABELS}
        for other in AREAS:
            if other is not area:
                assert not prefixes & {key.split(".")[0] for key in other.LABELS}, (area.__name__, other.__name__)


def test_the_summary_sentence_writes_a_true_minus() -> None:
    i18n.use_language("sv")
    fewer = Effect(
        first_year=2025,
        last_year=2035,
        cost_sek=100e6,
        cost_diff_sek=-3.3e6,
        total_cost_sek=1e9,
        total_diff_sek=-20e6,
        one_off_cost_sek=0.0,
        cost_per_pupil_sek=140_000,
        cost_per_pupil_diff_sek=-4_000,
        mean_class_size=17.0,
        mean_class_size_diff=-0.8,
        combined_grade_share=0.25,
        combined_grade_share_diff=-0.11,
        mean_distance_km=5.6,
        mean_distance_diff_km=-0.3,
        pupils_over_threshold=210,
        pupils_changing_school=28,
        schools_open=7,
        schools_open_diff=-1,
    )
    sentence = frame.summary("Plan", fewer)
    # "(−0,8)", "(−11 %-enheter)", "(−0,3 km)": U+2212, never an ASCII hyphen before a number.
    assert "(\u22120,8)" in sentence and "(\u22120,3\u00a0km)" in sentence
    assert "(-" not in sentence
