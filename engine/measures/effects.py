"""An alternative against keep-all in the same scenario: what it changes, in one value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.model.evaluate import MIN_PUPILS_SHOWN, Result


@dataclass(frozen=True, kw_only=True)
class Effect:
    """An alternative against keep-all in the same scenario: the last year and the horizon."""

    first_year: int
    last_year: int
    cost_sek: float  # running cost in the last year
    cost_diff_sek: float  # − keep-all's, last year
    total_cost_sek: float  # Σ (running + one-off) over every year
    total_diff_sek: float  # Σ (running + one-off) over every year − the same for keep-all
    one_off_cost_sek: float  # Σ one-off costs over the horizon
    cost_per_pupil_sek: float
    cost_per_pupil_diff_sek: float
    mean_class_size: float
    mean_class_size_diff: float
    combined_grade_share: float
    combined_grade_share_diff: float
    mean_distance_km: float
    mean_distance_diff_km: float
    pupils_over_threshold: float
    pupils_changing_school: float  # last year, against keep-all
    schools_open: int
    schools_open_diff: int


def effect(result: Result, baseline: Result) -> Effect:
    """Summarise ``result`` against ``baseline`` (keep-all, same scenario, parameters and years)."""
    y, b = result.years, baseline.years
    last, base_last = y.iloc[-1], b.iloc[-1]

    def total(frame: Any) -> float:
        return float(frame["cost_sek"].sum() + frame["one_off_cost_sek"].sum())

    def diff(column: str) -> float:
        return float(last[column]) - float(base_last[column])

    return Effect(
        first_year=int(y["year"].iloc[0]),
        last_year=int(last["year"]),
        cost_sek=float(last["cost_sek"]),
        cost_diff_sek=diff("cost_sek"),
        total_cost_sek=total(y),
        total_diff_sek=total(y) - total(b),
        one_off_cost_sek=float(y["one_off_cost_sek"].sum()),
        cost_per_pupil_sek=float(last["cost_per_pupil_sek"]),
        cost_per_pupil_diff_sek=diff("cost_per_pupil_sek"),
        mean_class_size=float(last["mean_class_size"]),
        mean_class_size_diff=diff("mean_class_size"),
        combined_grade_share=float(last["combined_grade_share"]),
        combined_grade_share_diff=diff("combined_grade_share"),
        mean_distance_km=float(last["mean_distance_km"]),
        mean_distance_diff_km=diff("mean_distance_km"),
        pupils_over_threshold=float(last["pupils_over_threshold"]),
        pupils_changing_school=float(last["pupils_changing_school"]),
        schools_open=int(last["schools_open"]),
        schools_open_diff=int(last["schools_open"]) - int(base_last["schools_open"]),
    )


@dataclass(frozen=True, kw_only=True)
class MergeShortfall:
    """A merge's receiving school that cannot hold the pupils whose first choice it becomes.

    For the year in which the most of them have to go elsewhere: how many (``pupils``)
    and where (``destinations``: school name and pupils, most first). ``years`` are all
    the years in which it is short.
    """

    unit_id: str
    name: str
    year: int
    pupils: float
    destinations: tuple[tuple[str, float], ...]
    years: tuple[int, ...]


def merge_shortfalls(result: Result) -> list[MergeShortfall]:
    """Every receiving school whose pupils had to go elsewhere in some year (Result.merge_targets), at its worst
    year. (A receiving school full without anyone going elsewhere — no other school had room — shows as
    overcrowding.)"""
    targets = result.merge_targets
    shown = targets["full"].to_numpy(dtype=bool) & (targets["pupils_elsewhere"].to_numpy() >= MIN_PUPILS_SHOWN)
    if not shown.any():  # the usual answer, on every slider move: no pandas work for it
        return []
    full = targets[shown]
    out = []
    for unit_id, rows in full.groupby("unit_id", sort=False):
        worst = rows.loc[rows["pupils_elsewhere"].idxmax()]
        year = int(worst["year"])
        went = result.merge_overflow.query("year == @year and unit_id == @unit_id")
        went = went.groupby("to_name", sort=False)["pupils"].sum().sort_values(ascending=False)
        out.append(
            MergeShortfall(
                unit_id=str(unit_id),
                name=str(worst["name"]),
                year=year,
                pupils=float(worst["pupils_elsewhere"]),
                destinations=tuple((str(n), float(p)) for n, p in went.items()),
                years=tuple(int(y) for y in rows["year"]),
            )
        )
    return out
