"""Access to the engine from the pages: the session's dataset, one store, memoised results.

A session uses the server's own dataset (``VAGVAL_DATASET``) or one uploaded in the
dashboard, named by ``data=<id>`` in its URL (:attr:`ViewState.dataset`). Uploads live
in the store, so a link works after a restart and on every process sharing the store.
Loaded datasets and the store are shared by every session of the process (plain
``functools`` memos: a page asks for the dataset a dozen times in a run, and
``st.cache_resource`` hashes its arguments on every call); evaluations are memoised on
the dataset by the engine itself, so a result is computed once per (scenario,
alternative, parameters) whoever asks for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path

import streamlit as st

from engine import Alternative, Dataset, Result, Scenario, evaluate, load_dataset
from engine.core.problems import Problem
from engine.core.types import KEEP_ALL
from engine.dataset import DatasetError
from engine.dataset.alternatives import alternative_to_dict, parse_alternative
from engine.dataset.upload import Upload, read_upload, template_workbook
from engine.store import NameTaken, PostgresStore, Store
from ui.state import ViewState, default_view

ROOT = Path(__file__).resolve().parent.parent
DATASET_DIR = Path(os.environ.get("VAGVAL_DATASET", ROOT / "data" / "demo"))
# A DuckDB file's path, or a PostgreSQL URL (postgresql://…) for processes on several hosts.
STORE_PATH: str | Path = os.environ.get("VAGVAL_STORE") or ROOT / "var" / "vagval.duckdb"
TEMPLATE_DIR = ROOT / "data" / "demo"  # the documented example an analyst starts from
# The server's own dataset is "" in a view; while an upload is the default for new
# visitors it is named "server" instead, so that a link to it still opens it.
SERVER = "server"
DEFAULT_SETTING = "default_dataset"
# Real municipalities that ship with the project (tools/build_municipality.py), beside the
# server's own data: id (as in ``data=<id>``) → folder. The demo stays the default.
BUILT_IN = {"ragunda": ROOT / "data" / "ragunda", "alvdalen": ROOT / "data" / "alvdalen"}


# Uploads this version's checks refuse (accepted under an engine that checked less), with the
# problems: an upload's id is its content's hash, so the answer cannot change while the process
# runs, and a refused file (up to 20 MB) is not read again on every page run.
_refused: dict[str, list[Problem]] = {}


@functools.lru_cache(maxsize=16)
def _load(folder: str, dataset_id: str) -> Dataset:
    """The server's own dataset (``dataset_id`` ""), or an upload read back from the store:
    the same data on every process and after a restart."""
    if not dataset_id:
        return load_dataset(folder)
    if dataset_id in BUILT_IN:
        return load_dataset(BUILT_IN[dataset_id])
    if dataset_id in _refused:
        raise DatasetError(_refused[dataset_id])
    found = store().dataset_file(dataset_id)
    if found is None:
        raise LookupError(dataset_id)  # raised, so not memoised: another process may store it later
    try:
        return read_upload(*found).dataset
    except DatasetError as exc:
        _refused[dataset_id] = exc.problems
        raise


def load(dataset_id: str) -> Dataset:
    """The dataset with this id ("" or SERVER: the server's own); LookupError if there is none."""
    return _load(str(DATASET_DIR), "" if dataset_id == SERVER else dataset_id)


def _available(dataset_id: str) -> bool:
    """Built in, or stored (so a deletion on another process counts); and readable."""
    if dataset_id not in BUILT_IN and dataset_id not in {row[0] for row in uploads()}:
        return False
    try:
        load(dataset_id)
    except (LookupError, DatasetError):  # DatasetError: stored under an engine that checked less
        return False
    return True


def default_id() -> str:
    """What a new visitor gets: an upload made the default for all, else the server's own ("").

    A default this version refuses (:func:`broken_default`) gives the server's own, so one bad
    file never stops the pages for everyone."""
    chosen = store().setting(DEFAULT_SETTING) or ""
    return chosen if chosen and _available(chosen) else ""


def broken_default() -> tuple[str, list[Problem]] | None:
    """(id, problems) when the upload chosen as everyone's default is stored but refused by this
    version's checks (what the administrator must fix); None otherwise."""
    chosen = store().setting(DEFAULT_SETTING) or ""
    if not chosen or chosen in BUILT_IN:
        return None
    _available(chosen)  # reads it once (memoised either way)
    return (chosen, _refused[chosen]) if chosen in _refused else None


def resolve(wanted: str) -> tuple[str, bool]:
    """The id a new session with ``data=wanted`` in its URL uses, and whether ``wanted`` was found."""
    if not wanted:
        return default_id(), True
    if wanted == SERVER or _available(wanted):
        return wanted, True
    return default_id(), False


def built_in() -> list[str]:
    """The built-in municipalities this copy of the project has (their folders exist)."""
    return [key for key, folder in BUILT_IN.items() if (folder / "municipality.toml").is_file()]


def choices(current: str) -> list[str]:
    """What the municipality picker offers: the server's own (""), the built-in municipalities,
    and the session's upload if it shows one (uploads are managed on the Data page)."""
    found = ["", *built_in()]
    current = "" if current == SERVER else current
    return found if current in found else [*found, current]


def link_id(dataset_id: str) -> str:
    """The id a view carries for a dataset: the server's own is "" unless an upload is the default."""
    if dataset_id in ("", SERVER):
        return SERVER if default_id() else ""
    return dataset_id


def dataset() -> Dataset:
    """The dataset of this session's view; before the view exists, the one its URL names."""
    view = st.session_state.get("view")
    return load(view.dataset if view is not None else resolve(st.query_params.get("data", ""))[0])


def clear() -> None:
    """Forget every loaded dataset (tests that point DATASET_DIR elsewhere call it)."""
    _load.cache_clear()
    _refused.clear()


dataset.clear = clear  # type: ignore[attr-defined]  # callers cleared dataset() when it was itself cached


_store_lock = threading.Lock()


def store() -> Store:
    """The one store of this process (STORE_PATH).

    The launcher's warm-up thread and the first visitor ask for it at the same moment on a
    fresh server; ``lru_cache`` would then open two stores on one file, whose tables created
    together conflict ("Catalog write-write conflict") and show the visitor an error page.
    """
    with _store_lock:
        return _store(str(STORE_PATH))


@functools.lru_cache(maxsize=1)
def _store(location: str) -> Store:
    if not PostgresStore.handles(location):
        Path(location).parent.mkdir(parents=True, exist_ok=True)
    return Store(location)


store.clear = _store.cache_clear  # type: ignore[attr-defined]  # as st.cache_resource's clear(), for tests


def uploads() -> list[tuple[str, str, str, str, dt.datetime]]:
    """(id, name, code, file name, uploaded at) of every uploaded dataset, the latest first."""
    return store().uploaded_datasets()


def upload_name(dataset_id: str) -> str:
    """An upload's municipality name as stored (nothing is loaded), or its id."""
    return next((row[1] for row in uploads() if row[0] == dataset_id), dataset_id)


def accept(upload: Upload, make_default: bool) -> None:
    """Keep a checked upload in the store, and optionally make it what new visitors get."""
    ds = upload.dataset
    store().save_dataset(upload.id, ds.name, ds.code, upload.filename, upload.content)
    if make_default:
        set_default(upload.id)


def delete(dataset_id: str) -> None:
    """Remove an uploaded dataset for everyone; new visitors get the server's own if it was the default.

    Sessions showing it keep their copy (memoised here) until they reload; a link to it
    then opens the default, with a message.
    """
    store().delete_dataset(dataset_id, DEFAULT_SETTING)


def set_default(dataset_id: str) -> None:
    """Make a dataset the default for every new visitor ("" or SERVER: the server's own)."""
    store().set_setting(DEFAULT_SETTING, None if dataset_id in ("", SERVER) else dataset_id)


@st.cache_data(show_spinner=False)
def template() -> bytes:
    """The import template as a workbook: the demo municipality, ready to overwrite."""
    return template_workbook(TEMPLATE_DIR)


def alternatives(ds: Dataset | None = None) -> dict[str, Alternative]:
    """The dataset's alternatives, then those saved in the dashboard (keep-all first).

    Parsed once per set of saved documents (the store serves the same list until its
    file changes): pages ask for this several times in every run.
    """
    ds = dataset() if ds is None else ds
    saved = tuple(store().saved_alternatives(ds.code))
    return dict(ds.cache.get_or_compute(("alternatives", saved), lambda: _with_saved(ds, saved)))


def _with_saved(ds: Dataset, saved: tuple[tuple[str, str], ...]) -> dict[str, Alternative]:
    found = dict(ds.alternatives)
    for alt_id, document in saved:
        if alt_id in found:
            continue
        try:
            found[alt_id] = parse_alternative(json.loads(document), ds, source=f"sparat alternativ {alt_id}")
        except (DatasetError, ValueError):
            continue  # a saved alternative that no longer fits the data is skipped, not fatal
    return found


def save_alternative(alternative: Alternative, *, replace: bool = False) -> bool:
    """Keep the alternative for everyone; False (nothing saved) if one with its id is kept already
    (saved meanwhile in another session) and ``replace`` was not asked for."""
    try:
        store().save_alternative(
            dataset().code, alternative.id, json.dumps(alternative_to_dict(alternative)), replace=replace
        )
    except NameTaken:
        return False
    return True


def delete_alternative(alternative_id: str) -> None:
    store().delete_alternative(dataset().code, alternative_id)


def is_saved(alternative_id: str) -> bool:
    return alternative_id not in dataset().alternatives


def scenario(view: ViewState, scenario_id: str | None = None) -> Scenario:
    """The scenario with the assumptions the user has changed."""
    sid = scenario_id or view.scenario
    base = dataset().scenarios[sid]
    changes = view.scenario_changes.get(sid, {})
    return dataclasses.replace(base, **changes) if changes else base


def result(view: ViewState, alternative: str | Alternative, scenario_id: str | None = None) -> Result:
    """The engine's result, shared by every session that asks for the same thing.

    In a workshop thirty people move the same sliders through the same values, so a
    result computed for one participant answers the others at once.
    """
    alt = alternatives()[alternative] if isinstance(alternative, str) else alternative
    return _result(dataset(), scenario(view, scenario_id), alt, view.overrides, view.years)


def _result(ds: Dataset, chosen: Scenario, alt: Alternative, overrides: Mapping[str, float], years: int) -> Result:
    key = tuple(sorted(overrides.items()))
    return ds.cache.get_or_compute(
        ("result", chosen, alt, key, years), lambda: evaluate(ds, chosen, alt, dict(key), years=years)
    )


def warm_up() -> int:
    """Load what a new visitor gets and evaluate its default view for every alternative.

    The launcher calls this once in each server process, in the background, so that the
    first visitor of a process does not wait for it (behind a proxy a warm-up request
    reaches only one process). Returns the number of results computed.
    """
    ds = load(default_id())
    known = alternatives(ds)
    view = default_view(list(ds.scenarios), list(known))
    for alt in known.values():
        _result(ds, ds.scenarios[view.scenario], alt, view.overrides, view.years)
    return len(known)


def baseline(view: ViewState, scenario_id: str | None = None) -> Result:
    return result(view, KEEP_ALL, scenario_id)
