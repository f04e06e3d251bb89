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
from hypothesis import given, settings
from hypothesis import strategies as hst
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


def leader(app_store: Path, code: str = "KS-mars", **query: str) -> AppTest:
    """The facilitator on another device: the lobby's form with the workshop's code and its leader code."""
    at = open_page(WORKSHOP, **query)
    at.text_input(key="ws.lead_code").set_value(code)
    at.text_input(key="ws.pin_input").set_value(json.loads(Store(app_store).workshop("2099", code))["pin"])
    at.button(key="ws.pin_button").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["ws"] == code
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

    room = leader(app_store)  # the room opens first for a leader
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
    room = leader(app_store, present="1")
    assert metrics(room)["Svar"] == ["2"]
    text = texts(room)
    assert "2,0 av 5" in text  # economy: (1 + 3)/2
    assert "Resvägar och skolskjuts</span><b style='white-space:nowrap'>2,0 av 5" in text  # travel: (4 + 0)/2


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
    room = leader(app_store, present="1")
    assert metrics(room)["Svar"] == ["1"]
    assert "Behåll närheten" in texts(room)


def _try_leading(at: AppTest, pin: str, code: str = "KS-mars") -> AppTest:
    at.text_input(key="ws.lead_code").set_value(code)
    at.text_input(key="ws.pin_input").set_value(pin)
    return at.button(key="ws.pin_button").click().run()


def test_another_device_leads_only_with_the_leader_code(app_store) -> None:
    lead = start()
    pin = json.loads(Store(app_store).workshop("2099", "KS-mars"))["pin"]
    laptop = open_page(WORKSHOP)
    _try_leading(laptop, "x")
    assert laptop.error[0].value == "Fel ledarkod." and "ws" not in laptop.query_params
    _try_leading(laptop, "AB", code="no-such")
    assert "no-such" in laptop.error[0].value
    _try_leading(laptop, pin.lower())  # case, spaces and dashes do not matter
    assert laptop.query_params["ws"] == "KS-mars"
    assert laptop.segmented_control(key="ws.mode").value == "room"
    laptop.segmented_control(key="ws.mode").set_value("lead").run()
    assert "ws.close_button" in _keys(laptop)
    assert lead.session_state["ws.mode"] == "room"  # the starter leads without a code


def test_the_leader_code_is_long_and_guessing_it_is_slowed(app_store) -> None:
    start()
    pin = json.loads(Store(app_store).workshop("2099", "KS-mars"))["pin"]
    # 10 characters of 32 (no 0/O, 1/I): 2⁵⁰ codes, not 10⁴.
    assert len(pin) == 10 and set(pin) <= set("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    laptop = open_page(WORKSHOP)
    for _ in range(5):  # five wrong tries a minute from one device …
        _try_leading(laptop, "AAAAAAAAAA")
        assert laptop.error[0].value == "Fel ledarkod."
    _try_leading(laptop, pin)  # … then even the right one waits
    assert laptop.error[0].value == "För många försök. Vänta en minut och försök igen."
    assert "ws" not in laptop.query_params


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
    room = leader(app_store, present="1")
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
    # p3 is blank: mean over p1 and p2 only, economy (5 + 0)/2 = 2.5, quality (0 + 5)/2 = 2.5, the rest 0
    assert sums.weights == pytest.approx({"economy": 2.5, "quality": 2.5, "travel": 0.0, "moves": 0.0})
    # s(a) = (2.5 · 1 + 2.5 · 0) / 5 = 0.5 = s(b): a tie, both lead
    assert sums.ranked["score"].tolist() == pytest.approx([0.5, 0.5]) and sums.leaders == ("a", "b")
    # p1's own weights put a first, p2's b; p3 weights nothing and counts for none
    assert sums.firsts.to_dict() == {"a": 1, "b": 1} and sums.weighted == 2 and sums.same_first == 1
    assert (sums.responses, sums.blank, sums.preferred, sums.no_preference) == (3, 1, {"a": 1, "b": 1}, 1)
    # every preference bar on the room's scale: 1 of 3 responses each
    assert sums.preferred_bar == pytest.approx({"a": 1 / 3, "b": 1 / 3}) and sums.no_preference_bar == pytest.approx(
        1 / 3
    )


def test_preference_bars_follow_the_counts_on_one_scale() -> None:
    def said(pid: str, preferred: str) -> mws.Response:
        return mws.Response(pid, {"economy": 1, "quality": 0, "travel": 0, "moves": 0}, preferred, "", SAVED)

    # One vote for a and two without a preference: a is a third of the room, no preference two thirds
    # (before, a drew a full bar and the two an empty one).
    sums = mws.room(ROOM_Q, [said("p1", "a"), said("p2", ""), said("p3", "")], ["a", "b"])
    assert sums.preferred_bar == pytest.approx({"a": 1 / 3, "b": 0.0}) and sums.no_preference_bar == pytest.approx(
        2 / 3
    )
    # One response that prefers b: b is the whole room.
    sums = mws.room(ROOM_Q, [said("p1", "b")], ["a", "b"])
    assert sums.preferred_bar == {"a": 0.0, "b": 1.0} and sums.no_preference_bar == 0.0


def test_a_blank_response_changes_no_figure_about_weights() -> None:
    """Adding an all-zero response moves only the counts of responses, blanks and preferences."""
    p1 = mws.Response("p1", {"economy": 4, "quality": 1, "travel": 0, "moves": 2}, "a", "", SAVED)
    p2 = mws.Response("p2", {"economy": 0, "quality": 3, "travel": 3, "moves": 0}, "", "", SAVED)
    blank = mws.Response("p3", dict.fromkeys(ranking.CRITERIA, 0.0), "b", "bra", SAVED)
    without, with_blank = mws.room(ROOM_Q, [p1, p2], ["a", "b"]), mws.room(ROOM_Q, [p1, p2, blank], ["a", "b"])
    assert (
        with_blank.weights
        == without.weights
        == pytest.approx({"economy": 2.0, "quality": 2.0, "travel": 1.5, "moves": 1.0})
    )
    pd.testing.assert_frame_equal(with_blank.ranked, without.ranked)
    assert with_blank.firsts.to_dict() == without.firsts.to_dict()
    assert (with_blank.weighted, with_blank.same_first, with_blank.leaders) == (
        without.weighted,
        without.same_first,
        without.leaders,
    )
    assert (with_blank.responses, with_blank.blank, with_blank.preferred["b"]) == (3, 1, 1)
    assert mws.mean_weights([p1, p2, blank]) == mws.mean_weights([p1, p2])
    assert mws.weighted_responses([p1, blank, p2]) == [p1, p2] and mws.is_blank(blank)


WEIGHT_SETS = hst.lists(hst.tuples(*[hst.integers(0, 5)] * len(ranking.CRITERIA)), max_size=8)


@settings(max_examples=100, deadline=None)
@given(WEIGHT_SETS, hst.integers(1, 4), hst.sampled_from(["", "a", "b"]))
def test_blanks_move_only_the_counts_whatever_the_room(sets, blanks: int, preferred: str) -> None:
    found = [
        mws.Response(f"p{i}", dict(zip(ranking.CRITERIA, w, strict=True)), "", "", SAVED) for i, w in enumerate(sets)
    ]
    zero = dict.fromkeys(ranking.CRITERIA, 0.0)
    extra = [mws.Response(f"b{i}", zero, preferred, "", SAVED) for i in range(blanks)]
    without, with_blanks = mws.room(ROOM_Q, found, ["a", "b"]), mws.room(ROOM_Q, found + extra, ["a", "b"])
    assert with_blanks.weights == without.weights
    pd.testing.assert_frame_equal(with_blanks.ranked, without.ranked)
    assert with_blanks.firsts.to_dict() == without.firsts.to_dict()
    assert (with_blanks.weighted, with_blanks.same_first, with_blanks.leaders) == (
        without.weighted,
        without.same_first,
        without.leaders,
    )
    assert with_blanks.responses == without.responses + blanks
    assert with_blanks.blank == without.blank + blanks
    # the bars stay on one scale: together they are the whole room (every response prefers a, b or nothing)
    assert sum(with_blanks.preferred_bar.values()) + with_blanks.no_preference_bar == pytest.approx(1.0)


def test_a_room_of_blanks_ranks_nothing() -> None:
    blank = mws.Response("p1", dict.fromkeys(ranking.CRITERIA, 0.0), "a", "", SAVED)
    sums = mws.room(ROOM_Q, [blank], ["a", "b"])
    assert set(sums.weights.values()) == {0.0} and sums.leaders == () and sums.weighted == 0
    assert sums.ranked["rank"].isna().all() and (sums.responses, sums.blank, sums.preferred_bar["a"]) == (1, 1, 1.0)


def test_an_empty_room_has_zero_weights_and_no_leader() -> None:
    sums = mws.room(ROOM_Q, [], ["a", "b"])
    assert set(sums.weights.values()) == {0.0} and sums.leaders == () and sums.same_first == 0
    assert sums.ranked["rank"].isna().all() and sums.preferred == {"a": 0, "b": 0}


# --- who sees what: participants, leaders, the administrator -----------------------------


def test_a_participant_sees_only_the_participant_view(app_store) -> None:
    start()
    for query in ({}, {"present": "1"}):  # the join link, and the same with presentation mode added by hand
        phone = open_page(WORKSHOP, ws="KS-mars", **query)
        assert not [c for c in phone.get("segmented_control") if c.key == "ws.mode"]  # no room, no leader panel
        assert phone.slider(key="ws.w.economy") and phone.button(key="ws.send_button")
        assert not phone.get("image")  # no QR code: that is the room's
        assert {"ws.close_button", "ws.clear_button", "ws.delete_button"}.isdisjoint(_keys(phone))
        assert "Rummets vikter (medelvärde)" not in [h.value for h in phone.subheader]


def test_earlier_workshops_are_listed_for_their_leader_and_the_administrator_only(app_store, admin_code) -> None:
    first = start("KS-mars")
    first.button(key="ws.leave_button").click().run()
    second = start("BUN-april")
    second.button(key="ws.leave_button").click().run()
    # Each facilitator's lobby lists the workshop they lead and not the other's.
    assert first.selectbox(key="ws.earlier").options == ["KS-mars"]
    assert second.selectbox(key="ws.earlier").options == ["BUN-april"]
    visitor = open_page(WORKSHOP)
    assert not [s for s in visitor.selectbox if s.key == "ws.earlier"]
    admin = open_page(WORKSHOP)
    admin.session_state["vv.admin"] = True  # what ui.roles.log_in (or its signed cookie) sets
    admin.run()
    assert sorted(admin.selectbox(key="ws.earlier").options) == ["BUN-april", "KS-mars"]
    admin.button(key="ws.open_button").click().run()  # the administrator leads every workshop
    assert admin.segmented_control(key="ws.mode").value == "room"


def test_the_room_scales_the_bars_and_says_how_blanks_count(app_store) -> None:
    start()
    answer(open_page(WORKSHOP, ws="KS-mars"), {"economy": 3}, "merge-a-b")
    answer(open_page(WORKSHOP, ws="KS-mars"), {"quality": 2})
    answer(open_page(WORKSHOP, ws="KS-mars"), {}, comment="Bara en kommentar")  # every weight 0
    room = leader(app_store)
    assert metrics(room)["Svar"] == ["3"] and metrics(room)["Samma etta"][0].endswith("av 2")
    text = texts(room)
    assert any(c.value.startswith("1 svar gav alla kriterier vikten 0. Det räknas bland svaren") for c in room.caption)
    # economy (3 + 0)/2 = 1,5 and quality (0 + 2)/2 = 1,0 over the two who weighted: the blank is left out
    assert (
        "Ekonomi</span><b style='white-space:nowrap'>1,5 av 5" in text
        and "Kvalitet i skolan</span><b style='white-space:nowrap'>1,0 av 5" in text
    )
    # preferences on the room's scale: merge-a-b 1 of 3 (33,3 %), no preference 2 of 3 (66,7 %)
    preferred = text[text.index("Slå samman Åsby och Norrby (2027)</span><b style='white-space:nowrap'>1") :]
    assert "width:33.3%" in preferred.split("</div></div></div>")[0]
    nothing = text[text.index("Inget särskilt</span><b style='white-space:nowrap'>2") :]
    assert "width:66.7%" in nothing.split("</div></div></div>")[0]


def test_the_export_says_a_blank_response_weighted_nothing(app_store) -> None:
    from ui import workshop as ws
    from ui.i18n import use_language

    use_language("sv")
    blank = mws.Response("p1", dict.fromkeys(ranking.CRITERIA, 0.0), "a", "", SAVED)
    weighted = mws.Response("p2", {"economy": 1, "quality": 0, "travel": 0, "moves": 0}, "", "", SAVED)
    table = ws.export_table([blank, weighted], ROOM_Q, {"a": "Alfa", "b": "Beta"})
    assert table["Etta med egna vikter"].tolist() == ["(inga vikter)", "Alfa"]


def test_the_strategy_takes_the_mean_of_those_who_weighted(app_store) -> None:
    store = Store(app_store)
    held = mws.new_workshop("KS-mars", "bas", ["merge-a-b"], {}, {}, 10, pin="1234", created="2026-12-01")
    store.save_workshop("2099", held.id, mws.workshop_document(held))
    store.save_workshop_input("2099", held.id, "p1", mws.response_document({"economy": 4}, "", ""))
    store.save_workshop_input("2099", held.id, "p2", mws.response_document({"economy": 2}, "", ""))
    store.save_workshop_input("2099", held.id, "p3", mws.response_document({}, "merge-a-b", "bra"))  # blank
    at = open_page("pages/omstallning.py")
    assert at.select_slider(key="strategy.weight.economy").value == 3  # (4 + 2)/2, not (4 + 2 + 0)/3 = 2
    assert any("(2 svar, medelvärde)" in c.value for c in at.caption)
