"""Change between two values, as the pages word it."""

from __future__ import annotations

import math


def relative_change(first: float, last: float) -> float:
    """last / first − 1 (0.12 = 12 % more); NaN when ``first`` is 0 or not finite."""
    if not math.isfinite(first) or not math.isfinite(last) or first == 0:
        return math.nan
    return last / first - 1.0
