"""The store's file is opened once for calls that arrive together (engine.store.DuckDBStore._run):
every caller gets its own result or error, and nothing is lost."""

from __future__ import annotations

import pytest
from store_support import together

from engine.store import Store


def test_sixty_saves_at_once_are_all_kept(tmp_path) -> None:
    store = Store(tmp_path / "s.duckdb")
    together(60, lambda i: store.save_document("2099", "child_impact", f"alt-{i}", f'{{"i": {i}}}'))
    for i in range(60):
        found = store.document("2099", "child_impact", f"alt-{i}")
        assert found is not None and found[0] == f'{{"i": {i}}}'


def test_each_caller_gets_its_own_result_and_a_failure_stays_its_own(tmp_path) -> None:
    store = Store(tmp_path / "s.duckdb")

    def call(i: int):
        if i == 3:  # a statement that fails, inside a transaction it opened
            return store._run(lambda con: (con.execute("BEGIN TRANSACTION"), con.execute("SELECT * FROM nowhere")))
        return store._run(lambda con: con.execute("SELECT ?", [i]).fetchall()[0][0])

    results = together(8, call)
    assert [r for i, r in enumerate(results) if i != 3] == [0, 1, 2, 4, 5, 6, 7]
    assert isinstance(results[3], Exception) and "nowhere" in str(results[3])
    # The failed transaction was rolled back: the file takes writes afterwards.
    store.save_document("2099", "strategy", "current", "{}")
    assert store.document("2099", "strategy", "current") is not None


def test_an_error_reaches_the_caller(tmp_path) -> None:
    store = Store(tmp_path / "s.duckdb")
    with pytest.raises(Exception, match="nowhere"):
        store._execute("SELECT * FROM nowhere")


def test_the_warm_up_and_the_first_visitor_share_one_store_on_a_fresh_file(app_store) -> None:
    """On a fresh server the launcher's warm-up and the first visitor ask for the store at once:
    both must get the same one, or two stores create the same tables together and DuckDB
    refuses one ("Catalog write-write conflict"), which the visitor sees as an error page."""
    from ui import data

    stores = together(6, lambda _: data.store())
    assert not [s for s in stores if isinstance(s, Exception)]
    assert len({id(s) for s in stores}) == 1
