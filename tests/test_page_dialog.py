"""Medborgardialog (AppTest): the administrator starts a dialogue, residents answer on their phones,
comments wait for review, politicians see the result by area and against the workshop."""

from __future__ import annotations

import json

import pytest
from pages_support import metrics, open_page, texts

from engine.measures.dialog import answer_document
from engine.store import Store

PAGE = "pages/dialog.py"
CODE = "test-admin-code-1234"


@pytest.fixture
def admin(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("VAGVAL_ADMIN_CODE", CODE)
    return CODE


def log_in(at, code: str):
    at.text_input(key="dialog.admin.code").input(code)
    return at.button[0].click().run()  # the login form's button


def test_only_the_administrator_starts_a_dialogue(app_store, admin) -> None:
    at = open_page(PAGE, alt="merge-a-b,merge-b-c")
    assert at.title[0].value == "Medborgardialog"
    assert "Ingen dialog har startats ännu" in at.info[0].value
    assert not [i for i in at.text_input if i.key == "dialog.new_code"]  # no start form before logging in
    at = log_in(at, "fel-kod")
    assert at.error[0].value == "Fel kod."
    at = log_in(at, admin)
    assert not at.exception
    at.text_input(key="dialog.new_code").input("skolan-2026")
    start = next(b for b in at.button if b.proto.label == "Starta dialogen")
    at = start.click().run()
    assert not at.exception
    assert at.selectbox(key="w.dialog.pick").value == "skolan-2026"
    assert at.code[0].value.endswith("?dialog=skolan-2026")  # after the page's own address, in a browser
    assert metrics(at)["Svar"] == ["0"]


def test_a_resident_answers_and_the_comment_waits_for_review(app_store, admin) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    at = log_in(at, admin)
    at.text_input(key="dialog.new_code").input("samrad")
    at = next(b for b in at.button if b.proto.label == "Starta dialogen").click().run()
    # A resident's phone: the alternatives in plain words, the criteria, a preference and why.
    phone = open_page(PAGE, dialog="samrad")
    assert phone.title[0].value == "Vad tycker du?"
    shown = texts(phone)
    assert "Slå samman Åsby och Norrby (2027)" in shown and "sparar" in shown  # the summary sentence
    phone.select_slider(key="dialog.w.travel").set_value(5)
    phone.radio(key="dialog.preferred").set_value("keep-all")
    phone.text_area(key="dialog.comment").input("Skolvägen blir för lång för de små barnen")
    phone.selectbox(key="dialog.area").set_value("B02")
    phone = phone.button[0].click().run()
    assert not phone.exception
    assert phone.success[0].value.startswith("Tack! Ditt svar är sparat.")
    # The politicians see the answer, but not the comment until the administrator approves it.
    room = open_page(PAGE)
    assert metrics(room)["Svar"] == ["1"] and metrics(room)["Kommentarer att granska"] == ["1"]
    assert "Skolvägen blir för lång" not in texts(room)
    assert "Inga granskade kommentarer ännu." in [c.value for c in room.caption]
    room = log_in(room, admin)
    room = next(b for b in room.button if b.proto.label == "Visa").click().run()
    assert not room.exception
    assert metrics(room)["Kommentarer att granska"] == ["0"]
    assert "> Skolvägen blir för lång för de små barnen" in texts(room)
    by_area = room.dataframe[1].value
    assert by_area.iloc[0, 0] == "Åsby" and by_area.iloc[0, 1] == "1"


def test_answers_keep_nothing_personal_and_a_device_cannot_flood(app_store) -> None:
    store = Store(app_store)
    document = answer_document({"economy": 2}, "", "hej", "")
    assert store.save_dialog_answer("2099", "d", "device-1", document, "hej", 3.0)
    assert not store.save_dialog_answer("2099", "d", "device-1", document, "hej", 3.0)  # too soon
    assert store.save_dialog_answer("2099", "d", "device-2", document, "hej", 3.0)  # another device
    rows = store.dialog_answers("2099", "d")
    assert len(rows) == 2
    assert set(json.loads(rows[0][1])) == {"weights", "preferred", "comment", "area"}


def test_an_unknown_or_closed_dialogue_says_so(app_store) -> None:
    at = open_page(PAGE, dialog="finns-inte")
    assert "Dialogen finns inte" in at.info[0].value


def test_the_administrators_code_cannot_be_guessed_quickly(app_store, admin) -> None:
    at = open_page(PAGE)
    for _ in range(5):  # five wrong tries a minute are allowed in one session …
        at = log_in(at, "gissning")
        assert at.error[0].value == "Fel kod."
    at = log_in(at, admin)  # … then even the right code waits
    assert at.error[0].value == "För många försök. Vänta en minut och försök igen."
    assert not [i for i in at.text_input if i.key == "dialog.new_code"]


def test_without_a_configured_code_one_is_made_and_only_logged(app_store, monkeypatch, caplog) -> None:
    monkeypatch.delenv("VAGVAL_ADMIN_CODE", raising=False)
    with caplog.at_level("WARNING", logger="vagval"):
        at = open_page(PAGE)
    told = [r.getMessage() for r in caplog.records if "administratörens kod är" in r.getMessage()]
    assert len(told) == 1
    code = told[0].split("kod är ")[1].split(" ")[0]
    assert code not in texts(at) and len(code) == 16
    stored = Store(app_store).setting("admin_code_sha256")
    assert stored and code not in stored  # only its hash is kept
    at = log_in(at, code)
    assert not at.error and [i for i in at.text_input if i.key == "dialog.new_code"]
