"""Distances and school transport.

Distance from area a to unit s, in km: road km from ``distances.csv`` where the
pair is given, else the great-circle distance between their points × ``detour_factor``::

    h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2),   km = 2 × 6371 × asin(√h)

A pupil is entitled to school transport when the distance exceeds the threshold of
the grade band: F–3 (grades 0–3), 4–6, 7–9.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engine.core.parameters import Parameters

EARTH_RADIUS_KM = 6371.0


def great_circle_km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle km between every point 1 (rows) and every point 2 (columns)."""
    p1, l1 = np.radians(lat1)[:, None], np.radians(lon1)[:, None]
    p2, l2 = np.radians(lat2)[None, :], np.radians(lon2)[None, :]
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def distance_matrix(
    areas: pd.DataFrame, units: pd.DataFrame, road: pd.DataFrame | None, detour_factor: float
) -> np.ndarray:
    """km [area, unit]; road distances where given, straight line × detour elsewhere."""
    km = detour_factor * great_circle_km(
        areas["lat"].to_numpy(float), areas["lon"].to_numpy(float),
        units["lat"].to_numpy(float), units["lon"].to_numpy(float),
    )  # fmt: skip
    if road is not None and len(road):
        a_index = pd.Index(areas["area_id"])
        u_index = pd.Index(units["unit_id"])
        rows = a_index.get_indexer(road["area_id"])
        cols = u_index.get_indexer(road["unit_id"])
        given = (rows >= 0) & (cols >= 0)
        km[rows[given], cols[given]] = road["km"].to_numpy(float)[given]
    return km


def threshold_by_grade(params: Parameters) -> np.ndarray:
    """Transport threshold in km for grades 0..9."""
    return np.array(
        [params.transport_threshold_km_f3] * 4
        + [params.transport_threshold_km_46] * 3
        + [params.transport_threshold_km_79] * 3
    )
