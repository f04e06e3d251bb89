"""The validated dataset: one frozen value that the model reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from engine.core.memo import Memo
from engine.core.types import Alternative, Scenario


@dataclass(frozen=True, eq=False)
class Dataset:
    """A validated dataset. Arrays are ordered as ``areas`` and ``units``."""

    path: Path
    name: str
    code: str
    base_year: int
    parameter_overrides: dict[str, float]
    areas: pd.DataFrame  # area_id, name, lat, lon
    population: np.ndarray  # persons [area, age 0..100] in the base year
    demography: pd.DataFrame  # age, fertility_share, mortality, migration_profile
    units: pd.DataFrame  # units.csv columns
    enrollment: pd.DataFrame | None
    distances: pd.DataFrame | None
    scenarios: dict[str, Scenario]
    alternatives: dict[str, Alternative]
    facility_usage: pd.DataFrame | None = None  # unit_id, bookable_hours, booked_hours, visits, user_age_min/max
    investments: pd.DataFrame | None = None  # investments.csv columns
    # areas.geojson: area_id → its polygons' outer rings as (longitude, latitude) in degrees; None without the file
    area_shapes: dict[str, tuple[tuple[tuple[float, float], ...], ...]] | None = None
    # municipality.toml [calibration]: parameter → the official figure its value was fitted to
    calibration: dict[str, str] = field(default_factory=dict)
    # Per-dataset memo for derived arrays (projections, baselines); see evaluate.py.
    cache: Memo = field(default_factory=lambda: Memo(), repr=False)

    @cached_property
    def schools(self) -> pd.DataFrame:
        return self.units[self.units["service"] == "grundskola"].reset_index(drop=True)
