"""Medborgardialog's sums (engine.measures.dialog), worked by hand."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from engine.measures.dialog import APPROVED, PENDING, REJECTED, answer_document, read_answer, summarise, themes_of

T0 = dt.datetime(2026, 12, 7, 12, 0)


def answer(weights, preferred="", comment="", area="", status=PENDING, minutes=0):
    found = read_answer(answer_document(weights, preferred, comment, area), status, T0 + dt.timedelta(minutes=minutes))
    assert found is not None
    return found


def test_the_document_keeps_only_what_the_resident_gave_and_clamps_weights() -> None:
    kept = json.loads(answer_document({"economy": 9, "quality": -2, "unknown": 5}, "merge-a-b", "  Hej  ", "B02"))
    assert kept == {
        "weights": {"economy": 5.0, "quality": 0.0, "travel": 0.0, "moves": 0.0},
        "preferred": "merge-a-b",
        "comment": "Hej",
        "area": "B02",
    }
    assert read_answer("not json", PENDING, T0) is None
    assert read_answer('{"weights": 3}', PENDING, T0) is None


def test_themes_by_the_starts_of_words_and_short_words_whole() -> None:
    assert themes_of("Skolvägen blir för lång för de små barnen") == ("travel", "children")
    assert themes_of("Byn dör utan skola") == ("community",)
    assert themes_of("Jag vill inte byta") == ("other",)  # "byta" is not "by"
    assert themes_of("Lower costs, better teachers") == ("quality", "economy")


def test_three_residents_in_total_by_area_and_against_the_workshop() -> None:
    answers = [
        answer({"economy": 5, "travel": 1}, "merge-a-b", "Spara pengar", "A01", APPROVED, minutes=1),
        answer({"economy": 1, "travel": 5}, "keep-all", "Bussen tar en timme", "A01", APPROVED, minutes=2),
        answer({"economy": 3, "travel": 3}, "", "Hemlig kommentar", "", PENDING, minutes=3),
        answer({"economy": 0}, "", "Olämpligt", "B02", REJECTED, minutes=4),
    ]
    summary = summarise(answers, ["merge-a-b", "merge-b-c"], workshop={"economy": 4.0, "travel": 2.0})
    assert summary.answers == 4
    weights = summary.weights.set_index("criterion")
    # economy: (5 + 1 + 3 + 0) / 4 = 2.25, against the workshop's 4 → −1.75;
    # travel: (1 + 5 + 3 + 0) / 4 = 2.25, against 2 → +0.25; quality: no workshop value.
    assert weights.loc["economy", "residents"] == pytest.approx(2.25)
    assert weights.loc["economy", "difference"] == pytest.approx(-1.75)
    assert weights.loc["travel", "difference"] == pytest.approx(0.25)
    assert math.isnan(weights.loc["quality", "workshop"])
    # By area: A01 (2 answers, economy 3), B02 (1), then those who did not say (1).
    assert summary.by_area["area_id"].tolist() == ["A01", "B02", ""]
    assert summary.by_area["answers"].tolist() == [2, 1, 1]
    assert summary.areas == 2  # those who did not say are no area
    assert summary.by_area.iloc[0]["economy"] == pytest.approx(3.0)
    # Preferences among the alternatives asked about (keep-all was not one of them here).
    assert summary.preferred == {"merge-a-b": 1, "merge-b-c": 0}
    # Only approved comments, by theme, newest first; the pending one waits, the rejected one is gone.
    assert summary.comments == {"travel": ("Bussen tar en timme",), "economy": ("Spara pengar",)}
    assert summary.pending == 1


def test_no_answers_yet() -> None:
    summary = summarise([], ["merge-a-b"])
    assert summary.answers == 0 and summary.by_area.empty and summary.comments == {}
    assert summary.preferred == {"merge-a-b": 0}
