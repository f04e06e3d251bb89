"""Saving over a name asks first, on "Bygg alternativ", with the app's store on both backends.

Two sessions (two people in the room) build an alternative called "Plan X" at the same
time; the first saves, and the second is told, asked whether to replace it, and only then
saves over it — or keeps the other and is asked for another name. A store that stays busy
is a calm message, never the database's own error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pages_support import open_page
from streamlit.testing.v1 import AppTest
from test_pages_build_about import add_action

from engine.store import Store, StoreBusy

BUILD = "pages/bygg.py"
QUESTION = "Det finns redan ett alternativ som heter ”Plan X”. Ersätta det?"


@pytest.fixture
def app_location(store_location: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app's store at ``store_location`` (a DuckDB file, then PostgreSQL)."""
    from ui import data

    monkeypatch.setenv("VAGVAL_STORE", store_location)
    monkeypatch.setattr(data, "STORE_PATH", store_location)
    data.store.clear()
    yield store_location
    data.store.clear()


def draft(name: str, unit: str) -> AppTest:
    at = open_page(BUILD)
    add_action(at, "close", unit, 2030)
    at.text_input(key="w.build.name").input(name).run()
    return at


def saved_closes(location: str) -> dict[str, str]:
    """Saved alternative id → the unit its first action closes."""
    return {i: json.loads(d)["action"][0]["unit"] for i, d in Store(location).saved_alternatives("2099")}


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_the_second_of_two_saves_of_one_name_is_asked_before_it_replaces(app_location: str) -> None:
    first, second = draft("Plan X", "S-OSTANSJO"), draft("Plan X", "S-LOVNAS")  # both drawn before either saves
    assert not first.button(key="build.save").disabled and not second.button(key="build.save").disabled
    first.button(key="build.save").click().run()
    assert any("Sparat" in s.value for s in first.success)
    second.button(key="build.save").click().run()
    assert not second.exception
    assert not second.success  # not told "Sparat"
    assert "Någon sparade just ett alternativ som heter ”Plan X”. Ditt är inte sparat än." in warnings(second)
    assert QUESTION in warnings(second)
    assert saved_closes(app_location) == {"plan-x": "S-OSTANSJO"}  # the first one's is intact
    second.button(key="build.replace.yes").click().run()
    assert any("Sparat" in s.value for s in second.success)
    assert saved_closes(app_location) == {"plan-x": "S-LOVNAS"}  # replaced, once asked


def test_declining_keeps_the_other_and_asks_for_another_name(app_location: str) -> None:
    draft("Plan X", "S-OSTANSJO").button(key="build.save").click().run()
    at = draft("plan x", "S-LOVNAS")  # the same name in other letters is the same name
    assert QUESTION in warnings(at)
    assert at.button(key="build.save").disabled  # only the question's answers save
    at.button(key="build.replace.no").click().run()
    assert QUESTION not in warnings(at)
    assert any("Välj ett annat namn" in w for w in warnings(at))
    assert saved_closes(app_location) == {"plan-x": "S-OSTANSJO"}


def test_a_name_from_the_data_is_never_offered_for_replacing(app_location: str) -> None:
    at = draft("Slå samman Åsby och Norrby (2027)", "S-OSTANSJO")
    assert not [b for b in at.button if b.key == "build.replace.yes"]
    assert any("Välj ett annat namn" in w for w in warnings(at))


def test_a_busy_store_is_a_calm_message(app_location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import data

    at = draft("Plan X", "S-OSTANSJO")

    def busy(*args: object, **kwargs: object) -> None:
        raise StoreBusy

    monkeypatch.setattr(data.store(), "save_alternative", busy)
    at.button(key="build.save").click().run()
    assert not at.exception
    assert "Det är många som sparar just nu. Vänta en liten stund och försök igen – det du gjorde är inte sparat." in (
        warnings(at)
    )
    assert saved_closes(app_location) == {}


def test_a_store_out_of_reach_when_a_page_opens_is_a_calm_message(app_location: str, monkeypatch) -> None:
    from ui import data

    def busy(*args: object, **kwargs: object) -> None:
        raise StoreBusy

    monkeypatch.setattr(data.store(), "setting", busy)  # the first read of every page run
    for page in (BUILD, "pages/jamfor.py", "pages/workshop.py"):
        at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
        at.switch_page(page)
        at.run()
        assert not at.exception, page
        assert [w.value for w in at.warning] == [
            "Det är många som använder Vägval just nu. Ladda om sidan om en liten stund."
        ]


def test_a_workshop_on_the_page_is_kept_in_either_store(app_location: str) -> None:
    from test_workshop import WORKSHOP, answer, start

    start("KS-mars")
    phone = open_page(WORKSHOP, ws="KS-mars")
    answer(phone, {"economy": 5, "quality": 1}, comment="Tänk på skolvägen")
    assert "sparat" in phone.success[0].value
    rows = Store(app_location).workshop_input("2099", "KS-mars")  # a new Store: from the database itself
    assert len(rows) == 1 and json.loads(rows[0][1])["comment"] == "Tänk på skolvägen"
    assert json.loads(rows[0][1])["weights"]["economy"] == 5
