"""Capacity of every service: places against users, for the municipality and unit by unit.

Every number the Kapacitet page shows, one :class:`ServiceCapacity` per service:

* :func:`school_places` — grundskola: pupils, places and premises (:mod:`engine.measures.schools`);
* :func:`preschool_places` — förskola: children and places;
* :func:`care_places` — särskilt boende: places needed against places (:func:`care_home_balance`);
* :func:`leisure_places` — fritid och kultur: visits, occupancy and cost per visit;
* :func:`utilisation_changes` — each service's utilisation in its first and last year (the opposite directions);
* :func:`utilisation_trend` and :func:`opposite_directions` — how the page words those changes.

A :class:`ServiceCapacity` answers the page's questions: the value in the first and last
year and how it changed (:meth:`ServiceCapacity.change`), the units of a year ranked from the
least used (:meth:`ServiceCapacity.units_in`, :meth:`ServiceCapacity.lowest`) and the
municipality's average cost per user (:meth:`ServiceCapacity.average_cost_per_user`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from engine.measures.change import Change, over_years
from engine.measures.municipality import care_home_balance, unit_places
from engine.measures.schools import capacity_by_year, school_capacity


@dataclass(frozen=True)
class ServiceCapacity:
    """One service's places and users, per year for the municipality and per open unit and year.

    ``per_year`` has one row per year (``year`` first) with the service's columns; ``units``
    one row per open unit and year with at least year, name, capacity, cost_sek, the users'
    column ``users`` and the ranking column ``rank`` (lower = less used).
    """

    service: str
    per_year: pd.DataFrame
    units: pd.DataFrame
    users: str = "demand"  # the units' column of users: pupils, children, places needed, visits
    rank: str = "utilisation"  # the units' column they are ranked by: utilisation or occupancy

    @property
    def years(self) -> list[int]:
        return [int(y) for y in self.per_year["year"]]

    @property
    def first_year(self) -> int:
        return int(self.per_year["year"].iloc[0])

    @property
    def last_year(self) -> int:
        return int(self.per_year["year"].iloc[-1])

    @property
    def start(self) -> pd.Series:
        """The municipality's first year (a row of ``per_year``)."""
        return self.per_year.iloc[0]

    @property
    def end(self) -> pd.Series:
        """The municipality's last year (a row of ``per_year``)."""
        return self.per_year.iloc[-1]

    @property
    def short(self) -> bool:
        """Whether places are missing in the last year (only a service with ``shortage_places``)."""
        return "shortage_places" in self.per_year and float(self.end["shortage_places"]) > 0

    def change(self, column: str) -> Change:
        """``column`` in the first and the last year: difference last − first and relative change."""
        return over_years(self.per_year, column)

    def units_in(self, year: int, *, ranked: bool = True) -> pd.DataFrame:
        """The open units in ``year``; ``ranked``: from the lowest ``rank`` to the highest (unknown last)."""
        rows = self.units[self.units["year"] == year]
        return rows.sort_values(self.rank) if ranked else rows

    def lowest(self, year: int | None = None) -> pd.Series | None:
        """The unit with the lowest ``rank`` in ``year`` (default the last year); None if no unit has one."""
        rows = self.units_in(self.last_year if year is None else year, ranked=False)
        rows = rows[rows[self.rank].notna()]
        return None if rows.empty else rows.loc[rows[self.rank].idxmin()]

    def average_cost_per_user(self, year: int) -> float:
        """The municipality's average in ``year``: Σ cost_sek / Σ users over the open units; NaN without users."""
        rows = self.units_in(year, ranked=False)
        users = float(rows[self.users].sum())
        return float(rows["cost_sek"].sum()) / users if users > 0 else math.nan


def school_places(units: pd.DataFrame, schools: pd.DataFrame) -> ServiceCapacity:
    """Grundskola: :func:`school_capacity` per open school and :func:`capacity_by_year` per year.

    Per year also: empty_share = 1 − utilisation and fragile_teams = open schools with a fragile
    teacher team; per school also used_floor_m2 = floor_area_m2 − unused_floor_m2.
    """
    table = school_capacity(units, schools)
    per_year = capacity_by_year(table)
    open_rows = table[table["open"]].copy()
    fragile = open_rows.groupby("year")["fragile_team"].sum()
    per_year["empty_share"] = 1.0 - per_year["utilisation"]
    per_year["fragile_teams"] = per_year["year"].map(fragile).fillna(0).astype(int)
    open_rows["used_floor_m2"] = open_rows["floor_area_m2"] - open_rows["unused_floor_m2"]
    return ServiceCapacity("grundskola", per_year, open_rows.reset_index(drop=True), users="pupils")


def _service_years(services: pd.DataFrame, service: str) -> pd.DataFrame:
    return services[services["service"] == service].sort_values("year").reset_index(drop=True)


def preschool_places(services: pd.DataFrame, service_units: pd.DataFrame) -> ServiceCapacity | None:
    """Förskola: ``Result.services``' rows per year and :func:`unit_places` per preschool; None without either."""
    per_year = _service_years(services, "forskola")
    units = unit_places(service_units, "forskola")
    return None if per_year.empty or units.empty else ServiceCapacity("forskola", per_year, units)


def care_places(
    services: pd.DataFrame, service_units: pd.DataFrame, cost_per_occupied_place_sek: float
) -> ServiceCapacity | None:
    """Särskilt boende: :func:`care_home_balance` per year and :func:`unit_places` per home; None without years."""
    balance = care_home_balance(services, service_units, cost_per_occupied_place_sek)
    if balance.empty:
        return None
    return ServiceCapacity("aldreboende", balance, unit_places(service_units, "aldreboende"))


def leisure_places(
    services: pd.DataFrame, service_units: pd.DataFrame, facility_usage: pd.DataFrame | None
) -> ServiceCapacity | None:
    """Fritid och kultur, ranked by occupancy: visits (demand), booked hours, occupancy and cost per visit.

    Per facility also bookable_hours from ``facility_usage`` (NaN without it). None without
    years or facilities.
    """
    per_year = _service_years(services, "fritid_kultur")
    units = unit_places(service_units, "fritid_kultur")
    if per_year.empty or units.empty:
        return None
    if facility_usage is not None and not facility_usage.empty:
        bookable = facility_usage.set_index("unit_id")["bookable_hours"]
        units["bookable_hours"] = units["unit_id"].map(bookable).astype(float)
    else:
        units["bookable_hours"] = np.nan
    return ServiceCapacity("fritid_kultur", per_year, units, rank="occupancy")


def utilisation_changes(utilisation: pd.DataFrame) -> dict[str, Change]:
    """Per service (in the table's order), its utilisation in the first and the last year and the change.

    ``utilisation`` is :func:`engine.measures.municipality.service_utilisation`'s table.
    """
    return {str(s): over_years(g, "utilisation") for s, g in utilisation.groupby("service", sort=False)}


# Half a percentage point: the page writes utilisation in whole per cent, so a smaller move reads as none.
STEADY_UTILISATION = 0.005
Trend = Literal["up", "down", "steady"]


def utilisation_trend(change: Change) -> Trend:
    """ "up" or "down" when utilisation moves by at least :data:`STEADY_UTILISATION` (a share),
    else "steady" (98,2 % → 97,9 % is no fall a reader can see)."""
    if abs(change.difference) < STEADY_UTILISATION:
        return "steady"
    return "up" if change.difference > 0 else "down"


def opposite_directions(changes: dict[str, Change]) -> bool:
    """True when the care homes fill while every children's service (grundskola, förskola) empties:
    the story of a municipality growing older, told only where the numbers say so."""
    children = [utilisation_trend(changes[s]) for s in ("grundskola", "forskola") if s in changes]
    return (
        "aldreboende" in changes
        and utilisation_trend(changes["aldreboende"]) == "up"
        and bool(children)
        and all(trend == "down" for trend in children)
    )
