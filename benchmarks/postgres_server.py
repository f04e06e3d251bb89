"""A throwaway PostgreSQL server from Debian's package, for the store's tests and benchmarks.

    with throwaway_server() as dsn:   # postgresql://vagval@127.0.0.1:<port>/postgres
        ...

``initdb`` into a temporary folder, ``pg_ctl start`` on a free port (TCP on 127.0.0.1 only,
trust authentication: the server lives as long as the block and nobody else can reach the
folder), and everything stopped and removed afterwards. PostgreSQL refuses to run as root,
so as root (CI) the server runs as the package's ``postgres`` user through ``runuser``.
``.ci/run`` does the same in shell and gives the tests its DSN in ``VAGVAL_TEST_POSTGRES``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

DEBIAN_BINARIES = Path("/usr/lib/postgresql")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps initdb off the PATH), or None."""
    found = sorted(DEBIAN_BINARIES.glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name), reverse=True)
    if found:
        return found[0].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@contextlib.contextmanager
def throwaway_server(*, durable: bool = True) -> Iterator[str]:
    """A running server and its DSN. ``durable=False`` turns fsync off (tests: only the semantics
    count); benchmarks keep it on, as production has it."""
    bindir = binaries()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL is not installed (apt-get install -y postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="vagval-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    data, log, port = folder / "data", folder / "server.log", free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    try:
        subprocess.run(
            [*as_owner, str(bindir / "initdb"), "-D", str(data), "-U", "vagval", "-A", "trust", "-E", "UTF8",
             "--no-locale", "--no-sync"],
            **quiet,
        )  # fmt: skip
        subprocess.run(
            [*as_owner, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"], **quiet
        )
        try:
            yield f"postgresql://vagval@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run(
                [*as_owner, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
