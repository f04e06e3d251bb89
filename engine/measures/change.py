"""Change between two values, as the pages word it: first, last, difference and relative change."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd


def relative_change(first: float, last: float) -> float:
    """last / first − 1 (0.12 = 12 % more); NaN when ``first`` is 0 or not finite."""
    if not math.isfinite(first) or not math.isfinite(last) or first == 0:
        return math.nan
    return last / first - 1.0


@dataclass(frozen=True, kw_only=True)
class Change:
    """A value at the start and at the end of a period, and how it changed."""

    first: float
    last: float
    difference: float  # last − first
    relative: float  # last / first − 1; NaN when first is 0


def change(first: float, last: float) -> Change:
    """:class:`Change` from ``first`` to ``last``."""
    first, last = float(first), float(last)
    return Change(first=first, last=last, difference=last - first, relative=relative_change(first, last))


def over_years(frame: pd.DataFrame, *columns: str) -> Change:
    """How Σ ``columns`` changed from the table's first row (year) to its last."""
    total = frame[list(columns)].to_numpy(float).sum(axis=1)
    return change(total[0], total[-1])


def relative_to_first_value(values: np.ndarray) -> np.ndarray:
    """values / values[0] − 1, element by element; NaN throughout when the first value is 0 or not finite."""
    values = np.asarray(values, float)
    first = values[0] if len(values) else math.nan
    if not math.isfinite(first) or first == 0:
        return np.full(len(values), np.nan)
    return values / first - 1.0


def relative_to_first(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``year`` and, per column, value(t) / value(t₀) − 1 (see :func:`relative_to_first_value`)."""
    out = pd.DataFrame({"year": frame["year"].to_numpy()})
    for column in columns:
        out[column] = relative_to_first_value(frame[column].to_numpy(float))
    return out
