"""Workshop input: kept in the Store across a restart, and the page driven through AppTest.

A "restart" is a new Store on the same file (and, for the page, an emptied
st.cache_resource), so what a session sees afterwards can only come from the file.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from pages_support import metrics, open_page, texts
from streamlit.testing.v1 import AppTest

from engine import evaluate, load_dataset
from engine.measures import ranking
from engine.measures import workshop as mws
from engine.store import Store
from ui.safe import md as plain

WORKSHOP = "pages/workshop.py"
DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"


# --- the Store --------------------------------------------------------------------------


def test_workshop_and_input_survive_a_new_store_on_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "vagval.duckdb"
    store = Store(path)
    store.save_workshop("2099", "KS-mars", json.dumps({"open": True}))
    store.save_workshop_input("2099", "KS-mars", "p1", json.dumps({"weights": {"economy": 5}}))
    store.save_workshop_input("2099", "KS-mars", "p2", json.dumps({"comment": "it's; DROP TABLE workshops; --"}))

    restarted = Store(path)
    assert json.loads(restarted.workshop("2099", "KS-mars")) == {"open": True}
    rows = restarted.workshop_input("2099", "KS-mars")
    assert [r[0] for r in rows] == ["p1", "p2"]
    assert json.loads(rows[1][1])["comment"] == "it's; DROP TABLE workshops; --"  # a parameter, never SQL
    assert restarted.workshops("2099") == [("KS-mars", json.dumps({"open": True}))]
    # Keyed by dataset: another dataset does not see it.
    assert restarted.workshop("0001", "KS-mars") is None and restarted.workshop_input("0001", "KS-mars") == []


def test_resubmitting_replaces_the_participants_input(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.save_workshop_input("2099", "ws", "p1", json.dumps({"v": 1}))
    store.save_workshop_input("2099", "ws", "p1", json.dumps({"v": 2}))
    rows = store.workshop_input("2099", "ws")
    assert len(rows) == 1 and json.loads(rows[0][1]) == {"v": 2}


def test_reads_follow_writes_from_another_store_on_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    reader, writer = Store(path), Store(path)  # two server processes
    assert reader.workshop_input("2099", "ws") == []
    writer.save_workshop_input("2099", "ws", "p1", "{}")
    assert [r[0] for r in reader.workshop_input("2099", "ws")] == ["p1"]


def test_repeated_reads_come_from_memory_until_the_file_changes(tmp_path: Path, monkeypatch) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.save_workshop("2099", "ws", "{}")
    store.workshop("2099", "ws")
    calls = []
    original = store._execute
    monkeypatch.setattr(store, "_execute", lambda *a: calls.append(a) or original(*a))
    for _ in range(30):  # thirty phones polling the room
        store.workshop("2099", "ws")
    assert calls == []


def test_clear_removes_the_input_and_delete_the_workshop(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.save_workshop("2099", "ws", "{}")
    store.save_workshop_input("2099", "ws", "p1", "{}")
    store.clear_workshop_input("2099", "ws")
    assert store.workshop_input("2099", "ws") == [] and store.workshop("2099", "ws") == "{}"
    store.save_workshop_input("2099", "ws", "p1", "{}")
    store.delete_workshop("2099", "ws")
    assert store.workshop("2099", "ws") is None and store.workshop_input("2099", "ws") == []


# --- the page ---------------------------------------------------------------------------


def start(code: str = "KS-mars", **query: str) -> AppTest:
    """A facilitator's session that starts a workshop on the default view (keep-all and two merges)."""
    at = open_page(WORKSHOP, **query)
    at.text_input(key="ws.new_code").set_value(code)
    at.button(key="ws.start_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def answer(at: AppTest, weights: dict[str, int], preferred: str = "", comment: str = "") -> AppTest:
    for criterion, value in weights.items():
        at.slider(key=f"ws.w.{criterion}").set_value(value)
    if preferred:  # "" is already chosen (and AppTest formats the options in the test thread's language)
        at.selectbox(key="ws.pref").set_value(preferred)
    at.text_area(key="ws.comment").set_value(comment)
    at.button(key="ws.send_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def expected_first(weights: dict[str, float]) -> tuple[str, ...]:
    ds = load_dataset(DEMO)
    results = {a: evaluate(ds, "bas", a) for a in ("keep-all", "merge-a-b", "merge-b-c")}
    q = ranking.quality(ranking.measures_from_results(results, results["keep-all"]))
    return ranking.leaders(q, weights)


def test_a_participant_submits_and_another_session_sees_the_room(app_store) -> None:
    lead = start()
    assert lead.query_params["ws"] == "KS-mars"
    assert metrics(lead)["Svar"] == ["0"]

    phone = open_page(WORKSHOP, ws="KS-mars")
    # The anonymous id goes into a cookie, so a reloaded phone stays the same participant.
    participant = phone.session_state["ws.participant"]
    assert any(f"vagval_participant={participant};" in h.proto.body for h in phone.get("html"))
    assert [s.label for s in phone.slider][:4] == [
        "Ekonomi",
        "Kvalitet i skolan",
        "Resvägar och skolskjuts",
        "Närhet: färre byter skola",
    ]
    answer(phone, {"economy": 5, "quality": 1}, "merge-b-c", "Tänk på skolvägen")
    assert "sparat" in phone.success[0].value
    assert "Rangordning med dina vikter" in [h.value for h in phone.subheader]

    room = open_page(WORKSHOP, ws="KS-mars")
    room.session_state["ws.mode"] = "room"
    room.run()
    shown = metrics(room)
    assert shown["Svar"] == ["1"]
    names = {"merge-a-b": "Slå samman Åsby och Norrby (2027)", "merge-b-c": "Slå samman Lövnäs och Norrby (2027)"}
    first = expected_first({"economy": 5, "quality": 1})
    assert shown["Samma etta"] == ["1 av 1"]
    text = texts(room)
    assert len(first) == 1 and f"Med rummets vikter kommer **{plain(names[first[0]])}** först" in text
    assert "Tänk på skolvägen" in text
    assert "5,0 av 5" in text  # the room's mean weight for economy


def test_resubmitting_replaces_and_the_room_mean_follows(app_store) -> None:
    start()
    phone = open_page(WORKSHOP, ws="KS-mars")
    answer(phone, {"economy": 5})
    assert phone.button(key="ws.send_button").label.startswith("Skicka igen")
    answer(phone, {"economy": 1, "travel": 4})
    other = open_page(WORKSHOP, ws="KS-mars")
    answer(other, {"economy": 3, "travel": 0})

    rows = Store(app_store).workshop_input("2099", "KS-mars")
    assert len(rows) == 2
    room = open_page(WORKSHOP, ws="KS-mars", present="1")
    assert metrics(room)["Svar"] == ["2"]
    text = texts(room)
    assert "2,0 av 5" in text  # economy: (1 + 3)/2
    assert "Resvägar och skolskjuts</span><b>2,0 av 5" in text  # travel: (4 + 0)/2


def test_closing_stops_input_and_reopening_allows_it(app_store) -> None:
    lead = start()
    phone = open_page(WORKSHOP, ws="KS-mars")
    lead.session_state["ws.mode"] = "lead"
    lead.run()
    lead.button(key="ws.close_button").click().run()
    assert not lead.exception

    phone.run()
    assert phone.button(key="ws.send_button").disabled
    assert "Stängd för nya svar" in texts(lead)
    assert any("stängd" in i.value for i in phone.info)
    assert Store(app_store).workshop_input("2099", "KS-mars") == []

    lead.button(key="ws.reopen_button").click().run()
    phone.run()
    assert not phone.button(key="ws.send_button").disabled


def test_the_workshop_and_its_input_survive_a_restart(app_store) -> None:
    from ui import data

    start()
    answer(open_page(WORKSHOP, ws="KS-mars"), {"moves": 4}, comment="Behåll närheten")
    data.store.clear()  # the server restarts: a new Store on the same file
    room = open_page(WORKSHOP, ws="KS-mars", present="1")
    assert metrics(room)["Svar"] == ["1"]
    assert "Behåll närheten" in texts(room)


def test_another_device_leads_only_with_the_leader_code(app_store) -> None:
    lead = start()
    pin = json.loads(Store(app_store).workshop("2099", "KS-mars"))["pin"]
    laptop = open_page(WORKSHOP, ws="KS-mars")
    laptop.session_state["ws.mode"] = "lead"
    laptop.run()
    assert "ws.close_button" not in _keys(laptop)
    laptop.text_input(key="ws.pin_input").set_value("x" if pin != "x" else "y")
    laptop.button(key="ws.pin_button").click().run()
    assert laptop.error and "ws.close_button" not in _keys(laptop)
    laptop.text_input(key="ws.pin_input").set_value(pin)
    laptop.button(key="ws.pin_button").click().run()
    assert "ws.close_button" in _keys(laptop)
    assert lead.session_state["ws.mode"] == "room"  # the starter leads without a code


def test_the_leader_code_is_long_and_guessing_it_is_slowed(app_store) -> None:
    start()
    pin = json.loads(Store(app_store).workshop("2099", "KS-mars"))["pin"]
    # 10 characters of 32 (no 0/O, 1/I): 2⁵⁰ codes, not 10⁴.
    assert len(pin) == 10 and set(pin) <= set("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    laptop = open_page(WORKSHOP, ws="KS-mars")
    laptop.session_state["ws.mode"] = "lead"
    laptop.run()
    for _ in range(5):  # five wrong tries a minute from one device …
        laptop.text_input(key="ws.pin_input").set_value("AAAAAAAAAA")
        laptop.button(key="ws.pin_button").click().run()
        assert laptop.error[0].value == "Fel ledarkod."
    laptop.text_input(key="ws.pin_input").set_value(pin.lower())  # … then even the right one waits
    laptop.button(key="ws.pin_button").click().run()
    assert laptop.error[0].value == "För många försök. Vänta en minut och försök igen."
    assert "ws.close_button" not in _keys(laptop)


def _keys(at: AppTest) -> set[str]:
    return {b.key for b in at.button}


def test_export_clear_and_delete(app_store) -> None:
    lead = start()
    answer(open_page(WORKSHOP, ws="KS-mars"), {"economy": 2}, "merge-a-b", "ok")
    lead.session_state["ws.mode"] = "lead"
    lead.run()
    downloads = lead.get("download_button")
    assert len(downloads) == 2  # CSV and Excel
    assert lead.button(key="ws.clear_button").disabled
    lead.checkbox(key="ws.confirm").check().run()
    lead.button(key="ws.clear_button").click().run()
    assert Store(app_store).workshop_input("2099", "KS-mars") == []
    lead.checkbox(key="ws.confirm").check().run()
    lead.button(key="ws.delete_button").click().run()
    assert not lead.exception
    assert Store(app_store).workshop("2099", "KS-mars") is None
    assert "ws" not in lead.query_params


def test_presentation_mode_shows_only_the_room(app_store) -> None:
    start()
    room = open_page(WORKSHOP, ws="KS-mars", present="1")
    assert metrics(room)["Svar"] == ["0"]
    assert "ws.send_button" not in _keys(room)
    assert not [s for s in room.slider if s.key and s.key.startswith("ws.w.")]
    assert room.get("image")  # the QR code


def test_english(app_store) -> None:
    start()
    phone = open_page(WORKSHOP, ws="KS-mars", lang="en")
    assert phone.title[0].value == "Workshop"
    assert [s.label for s in phone.slider][:2] == ["Economy", "Quality of schooling"]
    answer(phone, {"travel": 3})
    assert "saved" in phone.success[0].value


@pytest.mark.parametrize("code", ["nope", "bad code!"])
def test_an_unknown_code_is_a_message_not_a_traceback(app_store, code: str) -> None:
    at = open_page(WORKSHOP, ws=code)
    assert not at.exception
    if code == "nope":
        assert "nope" in at.warning[0].value
    else:  # not a valid id: the link ignores it and the lobby opens
        assert "ws" not in at.query_params


def test_joining_by_typing_the_code_ignores_case(app_store) -> None:
    start()
    at = open_page(WORKSHOP)
    at.text_input(key="ws.join_code").set_value("ks-MARS")
    at.button(key="ws.join_button").click().run()
    assert at.query_params["ws"] == "KS-mars"


def test_alternatives_that_no_longer_exist_are_named_not_fatal(app_store) -> None:
    store = Store(app_store)
    document = {
        "id": "old",
        "scenario": "gone-scenario",
        "alternatives": ["keep-all", "merge-a-b", "deleted-alt"],
        "overrides": {"no_such_parameter": 1.0},
        "years": 10,
        "open": True,
        "pin": "1234",
        "created": "2026-01-01T10:00",
    }
    store.save_workshop("2099", "old", json.dumps(document))
    at = open_page(WORKSHOP, ws="old")
    assert not at.exception
    assert any("deleted-alt" in w.value for w in at.warning)
    assert at.slider(key="ws.w.economy")

    store.save_workshop("2099", "few", json.dumps({**document, "id": "few", "alternatives": ["keep-all", "x"]}))
    at = open_page(WORKSHOP, ws="few")
    assert not at.exception and at.error

    store.save_workshop("2099", "broken", "{}")
    at = open_page(WORKSHOP, ws="broken")
    assert not at.exception and at.warning


def test_the_join_link_uses_the_public_address_and_warns_about_localhost(monkeypatch) -> None:
    from ui import workshop

    monkeypatch.setattr(workshop, "PUBLIC_URL", "https://vagval.example.se")
    assert workshop.join_link("KS-mars", "sv") == "https://vagval.example.se/workshop?ws=KS-mars"
    assert workshop.join_link("KS-mars", "en") == "https://vagval.example.se/workshop?ws=KS-mars&lang=en"
    assert workshop.only_this_computer("http://localhost:8501/workshop?ws=a")
    assert workshop.only_this_computer("http://127.0.0.1:8501/workshop?ws=a")
    assert not workshop.only_this_computer("http://192.168.1.20:8501/workshop?ws=a")


# --- engine.measures.workshop: the documents and the room's sums, by hand -------------------

# Two alternatives; a is best on economy, b on quality, both equal on travel and moves:
#         economy  quality  travel  moves
#   a        1        0        1      1
#   b        0        1        1      1
ROOM_Q = pd.DataFrame(
    {"economy": [1.0, 0.0], "quality": [0.0, 1.0], "travel": [1.0, 1.0], "moves": [1.0, 1.0]}, index=["a", "b"]
)
SAVED = dt.datetime(2026, 3, 1, 18, 30)


def test_a_response_document_reads_back_and_a_weight_outside_0_to_5_is_refused() -> None:
    document = mws.response_document({"economy": 5, "quality": 2}, "b", "  " + "x" * 300 + "  ")
    read = mws.read_response("p1", document, SAVED)
    assert read is not None
    assert read.weights == {"economy": 5.0, "quality": 2.0, "travel": 0.0, "moves": 0.0}  # missing = 0
    assert read.preferred == "b" and read.comment == "x" * mws.MAX_COMMENT  # stripped, then cut at 280
    assert mws.read_response("p1", json.dumps({"weights": {"economy": 6}}), SAVED) is None
    assert mws.read_response("p1", "not json", SAVED) is None


def test_a_workshop_document_reads_back_without_what_the_dataset_no_longer_has() -> None:
    made = mws.new_workshop(
        "KS-mars", "gone", ["b", "keep-all"], {"x": 1.0, "unknown": 2.0}, {"bas": {"tfr": 1.3, "old": 1.0}}, 10,
        pin="0042", created="2026-03-01T18:30",
    )  # fmt: skip
    assert made.alternatives == ("keep-all", "b")  # keep-all first, once
    read = mws.read_workshop(mws.workshop_document(made), ["bas", "stress"], {"x"}, {"tfr"})
    assert read is not None
    assert read.scenario == "bas"  # an unknown scenario falls back to the first
    assert dict(read.overrides) == {"x": 1.0} and read.scenario_changes == {"bas": {"tfr": 1.3}}
    assert (read.id, read.years, read.open, read.pin) == ("KS-mars", 10, True, "0042")
    assert mws.read_workshop("{}", ["bas"], set(), set()) is None


def test_the_rooms_sums_by_hand() -> None:
    found = [
        mws.Response("p1", {"economy": 5, "quality": 0, "travel": 0, "moves": 0}, "a", "", SAVED),
        mws.Response("p2", {"economy": 0, "quality": 5, "travel": 0, "moves": 0}, "", "", SAVED),
        mws.Response("p3", {"economy": 0, "quality": 0, "travel": 0, "moves": 0}, "b", "", SAVED),
    ]
    sums = mws.room(ROOM_Q, found, ["a", "b"])
    # mean weights: economy 5/3, quality 5/3, the rest 0
    assert sums.weights == pytest.approx({"economy": 5 / 3, "quality": 5 / 3, "travel": 0.0, "moves": 0.0})
    # s(a) = (5/3 · 1 + 5/3 · 0) / (10/3) = 0.5 = s(b): a tie, both lead
    assert sums.ranked["score"].tolist() == pytest.approx([0.5, 0.5]) and sums.leaders == ("a", "b")
    # p1's own weights put a first, p2's b; p3 weights nothing and counts for none
    assert sums.firsts.to_dict() == {"a": 1, "b": 1} and sums.weighted == 2 and sums.same_first == 1
    assert (sums.responses, sums.preferred, sums.no_preference) == (3, {"a": 1, "b": 1}, 1)


def test_an_empty_room_has_zero_weights_and_no_leader() -> None:
    sums = mws.room(ROOM_Q, [], ["a", "b"])
    assert set(sums.weights.values()) == {0.0} and sums.leaders == () and sums.same_first == 0
    assert sums.ranked["rank"].isna().all() and sums.preferred == {"a": 0, "b": 0}
