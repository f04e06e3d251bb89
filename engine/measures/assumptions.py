"""The assumptions in force, each with where its value comes from (for "Om modellen" and the memo)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from engine.core.parameters import describe, resolve
from engine.dataset import Dataset
from engine.model.placement import participation


def parameter_origin(name: str, dataset_overrides: Mapping[str, Any], view_overrides: Mapping[str, Any]) -> str:
    """Where a parameter's current value comes from: 'view' (a slider or the link),
    'dataset' (municipality.toml) or 'default' (the engine's documented default)."""
    if name in view_overrides:
        return "view"
    if name in dataset_overrides:
        return "dataset"
    return "default"


def parameter_rows(dataset_overrides: Mapping[str, Any], view_overrides: Mapping[str, Any]) -> list[dict[str, Any]]:
    """:func:`engine.core.parameters.describe` of the values in force, each row with
    ``origin`` (see :func:`parameter_origin`) and ``changed`` (value ≠ default).

    Raises ParameterError for an unknown name or a value out of range.
    """
    params = resolve(dataset_overrides, view_overrides)
    rows = describe(params)
    for row in rows:
        row["origin"] = parameter_origin(row["name"], dataset_overrides, view_overrides)
        row["changed"] = row["value"] != row["default"]
    return rows


def participation_range(dataset: Dataset) -> tuple[float, float]:
    """The lowest and highest share of a grade's children who attend the municipality's schools
    (:func:`engine.model.placement.participation`; both 1 without enrollment data)."""
    shares = participation(dataset)
    return float(shares.min()), float(shares.max())
