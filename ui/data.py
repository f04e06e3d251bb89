"""Access to the engine from the pages: one dataset, one store, memoised results.

The dataset and the store are shared by every session (``st.cache_resource``);
evaluations are memoised on the dataset by the engine itself, so a result is
computed once per (scenario, alternative, parameters) whoever asks for it.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import streamlit as st

from engine import Alternative, Dataset, Result, Scenario, evaluate, load_dataset
from engine.dataset import DatasetError, alternative_to_dict, parse_alternative
from engine.model_types import KEEP_ALL
from engine.store import Store
from ui.state import ViewState

ROOT = Path(__file__).resolve().parent.parent
DATASET_DIR = Path(os.environ.get("VAGVAL_DATASET", ROOT / "data" / "demo"))
STORE_PATH = Path(os.environ.get("VAGVAL_STORE", ROOT / "var" / "vagval.duckdb"))


@st.cache_resource(show_spinner=False)
def dataset() -> Dataset:
    return load_dataset(DATASET_DIR)


@st.cache_resource(show_spinner=False)
def store() -> Store:
    STORE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return Store(STORE_PATH)


def alternatives() -> dict[str, Alternative]:
    """The dataset's alternatives, then those saved in the dashboard (keep-all first)."""
    ds = dataset()
    found = dict(ds.alternatives)
    for alt_id, document in store().saved_alternatives(ds.code):
        if alt_id in found:
            continue
        try:
            found[alt_id] = parse_alternative(json.loads(document), ds, source=f"sparat alternativ {alt_id}")
        except (DatasetError, ValueError):
            continue  # a saved alternative that no longer fits the data is skipped, not fatal
    return found


def save_alternative(alternative: Alternative) -> None:
    store().save_alternative(dataset().code, alternative.id, json.dumps(alternative_to_dict(alternative)))


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
    chosen = scenario(view, scenario_id)
    overrides = tuple(sorted(view.overrides.items()))
    return dataset().cache.get_or_compute(
        ("result", chosen, alt, overrides, view.years),
        lambda: evaluate(dataset(), chosen, alt, dict(overrides), years=view.years),
    )


def baseline(view: ViewState, scenario_id: str | None = None) -> Result:
    return result(view, KEEP_ALL, scenario_id)
