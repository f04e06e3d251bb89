"""The store's interface on both backends (engine/store): every test runs on a DuckDB file and
on a schema of a real PostgreSQL server (the ``store_location`` fixture, tests/conftest.py).

A "restart" is a new Store on the same location, so what it sees can only come from the
database.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_support import together

from engine.store import DuckDBStore, NameTaken, PostgresStore, Store, StoreBusy

# --- choosing the backend -----------------------------------------------------------------


def test_the_location_chooses_the_backend(tmp_path: Path) -> None:
    assert type(Store(tmp_path / "s.duckdb")) is DuckDBStore
    assert type(Store(str(tmp_path / "s.duckdb"))) is DuckDBStore
    assert PostgresStore.handles("postgresql://vagval@db.kommun.se/vagval")
    assert PostgresStore.handles("postgres://db/vagval")
    assert not PostgresStore.handles("var/postgresql.duckdb") and not PostgresStore.handles(Path("postgresql:"))


def test_store_location_gives_each_backend(store_location: str) -> None:
    store = Store(store_location)
    assert isinstance(store, PostgresStore if store_location.startswith("postgresql://") else DuckDBStore)


# --- saved alternatives: a name is never saved over unless asked ----------------------------


def test_saving_over_an_existing_id_is_refused_unless_replace(store_location: str) -> None:
    store = Store(store_location)
    store.save_alternative("2099", "plan-x", '{"v": 1}')
    with pytest.raises(NameTaken) as refused:
        store.save_alternative("2099", "plan-x", '{"v": 2}')
    assert (refused.value.dataset, refused.value.item_id) == ("2099", "plan-x")
    assert store.saved_alternatives("2099") == [("plan-x", '{"v": 1}')]  # nothing changed
    store.save_alternative("2099", "plan-x", '{"v": 3}', replace=True)
    store.save_alternative("2099", "plan-y", '{"v": 4}', replace=True)  # replace on a new id simply saves
    store.save_alternative("0001", "plan-x", '{"v": 5}')  # another municipality's plan-x is another name
    assert Store(store_location).saved_alternatives("2099") == [("plan-x", '{"v": 3}'), ("plan-y", '{"v": 4}')]
    store.delete_alternative("2099", "plan-x")
    assert store.saved_alternatives("2099") == [("plan-y", '{"v": 4}')]
    assert store.saved_alternatives("0001") == [("plan-x", '{"v": 5}')]


def test_of_many_concurrent_saves_of_one_name_exactly_one_wins(store_location: str) -> None:
    store = Store(store_location)
    results = together(20, lambda i: store.save_alternative("2099", "plan-x", json.dumps({"by": i})))
    winners = [i for i, r in enumerate(results) if r is None]
    assert len(winners) == 1
    assert all(isinstance(r, NameTaken) for i, r in enumerate(results) if i != winners[0])  # the others learn it
    assert Store(store_location).saved_alternatives("2099") == [("plan-x", json.dumps({"by": winners[0]}))]


# --- workshops ------------------------------------------------------------------------------


def test_workshop_and_input_survive_a_restart_and_values_are_never_sql(store_location: str) -> None:
    store = Store(store_location)
    store.save_workshop("2099", "KS-mars", json.dumps({"open": True}))
    store.save_workshop_input("2099", "KS-mars", "p1", json.dumps({"weights": {"economy": 5}}))
    store.save_workshop_input("2099", "KS-mars", "p2", json.dumps({"comment": "it's; DROP TABLE workshops; --"}))
    restarted = Store(store_location)
    assert json.loads(restarted.workshop("2099", "KS-mars") or "") == {"open": True}
    rows = restarted.workshop_input("2099", "KS-mars")
    assert [r[0] for r in rows] == ["p1", "p2"]
    assert json.loads(rows[1][1])["comment"] == "it's; DROP TABLE workshops; --"
    assert restarted.workshops("2099") == [("KS-mars", json.dumps({"open": True}))]
    assert restarted.workshop("0001", "KS-mars") is None and restarted.workshop_input("0001", "KS-mars") == []


def test_resubmitting_replaces_the_input_and_keeps_its_place(store_location: str) -> None:
    store = Store(store_location)
    store.save_workshop_input("2099", "ws", "p1", '{"v": 1}')
    store.save_workshop_input("2099", "ws", "p2", '{"v": 1}')
    store.save_workshop_input("2099", "ws", "p1", '{"v": 2}')
    rows = store.workshop_input("2099", "ws")
    assert [(r[0], r[1]) for r in rows] == [("p1", '{"v": 2}'), ("p2", '{"v": 1}')]


def test_workshops_latest_first_clear_and_delete(store_location: str) -> None:
    store = Store(store_location)
    store.save_workshop("2099", "first", "{}")
    time.sleep(0.01)  # the order is by the time of saving
    store.save_workshop("2099", "second", "{}")
    assert [w for w, _ in store.workshops("2099")] == ["second", "first"]
    store.save_workshop_input("2099", "first", "p1", "{}")
    store.clear_workshop_input("2099", "first")
    assert store.workshop_input("2099", "first") == [] and store.workshop("2099", "first") == "{}"
    store.save_workshop_input("2099", "first", "p1", "{}")
    store.delete_workshop("2099", "first")
    assert store.workshop("2099", "first") is None and store.workshop_input("2099", "first") == []
    assert [w for w, _ in store.workshops("2099")] == ["second"]


def test_thirty_participants_at_once_are_all_kept(store_location: str) -> None:
    store = Store(store_location)
    together(30, lambda i: store.save_workshop_input("2099", "KS-mars", f"p{i:02d}", f'{{"w": {i}}}'))
    assert sorted(r[0] for r in Store(store_location).workshop_input("2099", "KS-mars")) == [
        f"p{i:02d}" for i in range(30)
    ]


# --- uploads and settings ---------------------------------------------------------------------


def test_uploads_keep_their_bytes_and_deleting_one_clears_only_its_default(store_location: str) -> None:
    store = Store(store_location)
    content = bytes(range(256)) * 3  # every byte value, NUL included
    store.save_dataset("2099-aaaa", "Lillby kommun", "2099", "lillby.zip", content)
    time.sleep(0.01)
    store.save_dataset("2099-bbbb", "Lillby kommun", "2099", "lillby-2.xlsx", b"PK\x03\x04")
    assert Store(store_location).dataset_file("2099-aaaa") == ("lillby.zip", content)
    assert store.dataset_file("nothing") is None
    assert [(r[0], r[3]) for r in store.uploaded_datasets()] == [
        ("2099-bbbb", "lillby-2.xlsx"),
        ("2099-aaaa", "lillby.zip"),
    ]
    store.set_setting("default_dataset", "2099-aaaa")
    store.delete_dataset("2099-bbbb", "default_dataset")  # not the default: the setting stays
    assert store.setting("default_dataset") == "2099-aaaa"
    store.delete_dataset("2099-aaaa", "default_dataset")
    assert store.setting("default_dataset") is None and store.uploaded_datasets() == []


def test_settings_are_set_replaced_and_removed(store_location: str) -> None:
    store = Store(store_location)
    assert store.setting("k") is None
    store.set_setting("k", "1")
    store.set_setting("k", "2")
    assert Store(store_location).setting("k") == "2"
    store.set_setting("k", None)
    assert store.setting("k") is None


# --- decision documents -----------------------------------------------------------------------


def test_a_document_is_replaced_with_a_new_time(store_location: str) -> None:
    store = Store(store_location)
    assert store.document("2099", "strategy", "current") is None
    store.save_document("2099", "strategy", "current", '{"v": 1}')
    first = store.document("2099", "strategy", "current")
    time.sleep(0.01)
    store.save_document("2099", "strategy", "current", '{"v": 2}')
    second = store.document("2099", "strategy", "current")
    assert first is not None and second is not None
    assert second[0] == '{"v": 2}' and second[1] > first[1]
    assert store.document("2099", "child_impact", "current") is None  # kinds are apart


# --- citizens' dialogues ----------------------------------------------------------------------


def test_dialog_answers_rate_limit_and_moderation(store_location: str) -> None:
    store = Store(store_location)
    store.save_dialog("2099", "skolan", '{"q": 1}')
    time.sleep(0.01)
    store.save_dialog("2099", "vården", '{"q": 2}')
    assert [d for d, _ in store.dialogs("2099")] == ["vården", "skolan"] and store.dialog("2099", "x") is None
    answer = json.dumps({"comment": "Bra!"})
    assert store.save_dialog_answer("2099", "skolan", "dev1", answer, "Bra!", 60.0)
    assert not store.save_dialog_answer("2099", "skolan", "dev1", answer, "Bra!", 60.0)  # within a minute: refused
    store.set_dialog_status("2099", "skolan", "dev1", "approved")
    assert store.save_dialog_answer("2099", "skolan", "dev1", answer, "Bra!", 0.0)
    assert [(r[0], r[2]) for r in store.dialog_answers("2099", "skolan")] == [("dev1", "approved")]  # same comment
    changed = json.dumps({"comment": "Bättre!"})
    assert store.save_dialog_answer("2099", "skolan", "dev1", changed, "Bättre!", 0.0)
    rows = Store(store_location).dialog_answers("2099", "skolan")
    assert [(r[0], r[1], r[2]) for r in rows] == [("dev1", changed, "pending")]  # a new comment waits again


def test_one_device_sending_many_times_at_once_is_kept_once(store_location: str) -> None:
    store = Store(store_location)
    doc = json.dumps({"comment": ""})
    results = together(10, lambda i: store.save_dialog_answer("2099", "d", "dev1", doc, "", 60.0))
    assert results.count(True) == 1 and results.count(False) == 9


# --- any text ---------------------------------------------------------------------------------

# PostgreSQL's text holds every character but NUL; the dashboard's ids and JSON documents never
# carry one (json.dumps writes it as \u0000, datasets refuse it in names).
TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dataset=TEXT, item=TEXT, value=TEXT)
def test_any_text_comes_back_as_it_was_saved(store_location: str, dataset: str, item: str, value: str) -> None:
    store = Store(store_location)
    document = json.dumps({"name": value}, ensure_ascii=False)
    store.save_alternative(dataset, item, document, replace=True)
    store.save_workshop_input(dataset, item, value, document)
    store.set_setting(f"{dataset}/{item}", value)
    assert (item, document) in store.saved_alternatives(dataset)
    assert (value, document) in [(r[0], r[1]) for r in store.workshop_input(dataset, item)]
    assert store.setting(f"{dataset}/{item}") == value


# --- a database out of reach ------------------------------------------------------------------


def test_a_postgresql_server_out_of_reach_gives_store_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.load_test import free_port

    monkeypatch.setattr(PostgresStore, "RETRY_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(StoreBusy):
        Store(f"postgresql://vagval@127.0.0.1:{free_port()}/vagval")  # nothing listens there
    assert time.monotonic() - started < 10
