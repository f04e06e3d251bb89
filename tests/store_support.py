"""The store's two backends for the tests: a DuckDB file, and a schema of its own on a real
PostgreSQL server (the fixtures ``postgres_server`` and ``store_location`` in tests/conftest.py).

The server is ``VAGVAL_TEST_POSTGRES`` (``.ci/run`` starts one and sets it), else a
throwaway one started here from Debian's package (benchmarks/postgres_server.py). Without
either the PostgreSQL tests skip, unless ``VAGVAL_REQUIRE_POSTGRES=1`` (set by ``.ci/run``):
then they fail, so CI never passes without them.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from benchmarks.postgres_server import binaries, throwaway_server

BACKENDS = ("duckdb", "postgresql")


def _unavailable(why: str) -> None:
    if os.environ.get("VAGVAL_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"VAGVAL_REQUIRE_POSTGRES=1 but {why}")
    pytest.skip(why)


def postgres_server() -> Iterator[str]:
    """The DSN of a server the tests may create schemas on."""
    given = os.environ.get("VAGVAL_TEST_POSTGRES")
    if given:
        try:
            psycopg.connect(given, connect_timeout=5).close()
        except psycopg.Error as exc:
            _unavailable(f"VAGVAL_TEST_POSTGRES does not answer: {exc}")
        yield given
        return
    if binaries() is None:
        _unavailable("PostgreSQL is not installed (apt-get install -y postgresql) and VAGVAL_TEST_POSTGRES is not set")
    with throwaway_server(durable=False) as dsn:
        yield dsn


def with_schema(dsn: str, schema: str) -> str:
    """``dsn`` whose connections see only ``schema`` (libpq's ``options``), named after it."""
    return f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}&application_name={schema}"


def postgres_location(server: str) -> Iterator[str]:
    """An empty schema of its own on ``server``; dropped afterwards, with the connections to it."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(server, schema)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            # The test's stores keep their pooled connections open: end them (only those, known
            # by their application name, on a server others may use), then drop the schema.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s", [schema]
            )
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def store_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "duckdb":
        yield str(tmp_path / "vagval.duckdb")
        return
    yield from postgres_location(request.getfixturevalue("postgres_server"))


def together(n: int, call: Callable[[int], Any]) -> list[Any]:
    """``call(i)`` from n threads released at the same moment; their results (or exceptions) in order."""
    barrier = threading.Barrier(n)
    out: list[Any] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            out[i] = call(i)
        except Exception as exc:
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out
