"""Numbers the Swedish way: 1 234 567 kr, 12,5 %, 3,4 mnkr."""

from __future__ import annotations

import math

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
    return f"{number(None if value is None else value / 1e6, decimals, sep)}{sep}mnkr"


def percent(share: float | None, decimals: int = 1, sep: str = NBSP) -> str:
    """A share 0–1 → '12,5 %'."""
    return f"{number(None if share is None else share * 100, decimals, sep)}{sep}%"


def km(value: float | None, decimals: int = 1, sep: str = NBSP) -> str:
    return f"{number(value, decimals, sep)}{sep}km"
