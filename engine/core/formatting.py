"""Numbers the Swedish way: 1 234 567 kr, 12,5 %, 3,4 mnkr."""

from __future__ import annotations

import datetime
import math
from typing import Any

NBSP = "\u00a0"


def number(value: float | None, decimals: int = 0, sep: str = NBSP) -> str:
    """1234567.8 → '1 234 568'; decimals use a comma; None/NaN → '–'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", sep).replace(".", ",").replace("-", "−")


def kr(value: float | None, sep: str = NBSP) -> str:
    return f"{number(value, 0, sep)}{sep}kr"


def mnkr(value: float | None, decimals: int = 1, sep: str = NBSP) -> str:
    return f"{number(None if value is None else in_mnkr(value), decimals, sep)}{sep}mnkr"


def percent(share: float | None, decimals: int = 1, sep: str = NBSP) -> str:
    """A share 0–1 → '12,5 %'."""
    return f"{number(None if share is None else in_percent(share), decimals, sep)}{sep}%"


def km(value: float | None, decimals: int = 1, sep: str = NBSP) -> str:
    return f"{number(value, decimals, sep)}{sep}km"


def in_mnkr(value: Any) -> Any:
    """kr → mnkr for a table or chart: a number, an array, a Series or a DataFrame divided by 10⁶."""
    return value / 1e6


def in_percent(share: Any) -> Any:
    """A share 0–1 → percent for a table or chart (0.125 → 12.5); numbers, arrays, Series alike."""
    return share * 100


def date_time(moment: datetime.datetime) -> str:
    """A moment the Swedish way, to the minute: '2026-12-07 16:45'."""
    return moment.strftime("%Y-%m-%d %H:%M")
