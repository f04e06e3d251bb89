"""Barnkonsekvensanalys: the facts the model knows about how an alternative touches children.

Barnombudsmannen's guidance structures a child impact assessment in six steps: which
children are affected; the facts; the children's own views; the assessment of the
child's best interest; how negative consequences are met; follow-up. The model fills the
first two, here, for one alternative against keeping every school in the same scenario
and with the same parameters; officials write the other four (saved with the
alternative in the store).

For a year *y*, an area *a* and a grade *g* (pupils are the model's expected numbers,
not whole children), with *b[u]* the pupils placed at school *u* if we keep all schools
and *x[u]* the same under the alternative, and *d[u]* the road distance from *a* to *u*
(km, the detour factor applied):

* m[u] = min(b[u], x[u]); stay = Σ_u m[u] — pupils at the same school either way;
* moved = Σ_u x[u] − stay — pupils who go to another school than they otherwise would
  (the same count as the model's ``pupils_changing_school``);
* km_left = Σ_u (b[u] − m[u])·d[u], km_gained = Σ_u (x[u] − m[u])·d[u] — the moved
  pupils' road distance in total (pupil-km) before and after;
* longer = moved if km_gained > km_left, else 0 — the moved pupils of a cell share an
  area and a grade, so they travel further on average or they do not;
* extra_km = km_gained − km_left (pupil-km; negative = shorter journeys);
* over_b = Σ_u b[u]·[d[u] > T_g], over_x likewise — pupils beyond the transport
  threshold T_g of their grade band (km; the parameters ``transport_threshold_km_*``);
  newly_over = max(0, over_x − over_b).

Grades are grouped in the age bands the thresholds use: F–3 (6–9 years old), 4–6
(10–12), 7–9 (13–15). Travel distances are also counted in bands of 0–2, 2–5, 5–10,
10–20 and over 20 km, and in minutes where ``distances.csv`` gives them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from engine.dataset import Dataset
from engine.model.evaluate import Result

AGE_BANDS: tuple[tuple[str, int, int], ...] = (("F–3", 0, 3), ("4–6", 4, 6), ("7–9", 7, 9))
DISTANCE_BANDS_KM: tuple[tuple[str, float, float], ...] = (
    ("0–2", 0.0, 2.0),
    ("2–5", 2.0, 5.0),
    ("5–10", 5.0, 10.0),
    ("10–20", 10.0, 20.0),
    ("20+", 20.0, float("inf")),
)
CELL = ["year", "area_id", "grade"]


@dataclass(frozen=True, kw_only=True)
class ChildImpact:
    """The facts of one alternative's child impact assessment, against keeping all schools."""

    alternative_id: str
    scenario_id: str
    first_year: int
    last_year: int
    touched_units: tuple[str, ...]  # the schools and preschools the alternative's actions name
    # year, area_id, band, pupils, moved, longer, extra_km, over_base, over_alt, newly_over,
    # km_base, km_alt (mean road distance of the band's pupils in the area)
    by_area: pd.DataFrame
    # year, band, pupils, moved, longer, extra_km, over_base, over_alt, newly_over, at_touched
    by_year: pd.DataFrame
    # year, distance band, pupils_base, pupils_alt (by road distance to school)
    distances: pd.DataFrame
    # year, mean_class_size_base/_alt, combined_grade_share_base/_alt, fragile_teams_base/_alt
    classes: pd.DataFrame
    # year, unit_id, name, open_base/_alt, children_base/_alt, places_base/_alt (touched preschools only)
    preschools: pd.DataFrame
    minutes: pd.DataFrame | None  # year, band, minutes_base, minutes_alt (mean) where distances.csv has minutes

    @property
    def changing_school(self) -> float:
        """Pupils who go to another school than they would if we kept all, summed over the years."""
        return float(self.by_year["moved"].sum())

    def first_year_moved(self) -> int | None:
        """The first year in which any pupil changes school (None: nobody does)."""
        moving = self.by_year.groupby("year")["moved"].sum()
        years = moving[moving > 0.5].index
        return int(years[0]) if len(years) else None

    def in_year(self, year: int) -> YearFacts:
        """Every age band together in ``year``."""
        rows = self.by_year[self.by_year["year"] == year]
        moved = float(rows["moved"].sum())
        classes = self.classes[self.classes["year"] == year].iloc[0]
        return YearFacts(
            year=year,
            pupils=float(rows["pupils"].sum()),
            moved=moved,
            longer=float(rows["longer"].sum()),
            extra_km_per_moved=float(rows["extra_km"].sum()) / moved if moved > 0 else 0.0,
            over_base=float(rows["over_base"].sum()),
            over_alt=float(rows["over_alt"].sum()),
            newly_over=float(rows["newly_over"].sum()),
            at_touched=float(rows["at_touched"].sum()),
            mean_class_size_base=float(classes["mean_class_size_base"]),
            mean_class_size_alt=float(classes["mean_class_size_alt"]),
            combined_grade_share_base=float(classes["combined_grade_share_base"]),
            combined_grade_share_alt=float(classes["combined_grade_share_alt"]),
            fragile_teams_base=int(classes["fragile_teams_base"]),
            fragile_teams_alt=int(classes["fragile_teams_alt"]),
        )

    def bands_in(self, year: int) -> pd.DataFrame:
        """One row per age band in ``year``, with the moved pupils' extra road distance each (km)."""
        rows = self.by_year[self.by_year["year"] == year].copy()
        rows["extra_km_per_moved"] = (rows["extra_km"] / rows["moved"].where(rows["moved"] > 0)).fillna(0.0)
        order = {name: i for i, (name, _, _) in enumerate(AGE_BANDS)}
        return rows.sort_values("band", key=lambda b: b.map(order)).reset_index(drop=True)

    def distances_in(self, year: int) -> pd.DataFrame:
        """Pupils by road distance band in ``year``, both ways (in DISTANCE_BANDS_KM's order)."""
        return self.distances[self.distances["year"] == year].reset_index(drop=True)

    def minutes_in(self, year: int) -> pd.DataFrame | None:
        """Mean travel time by age band in ``year`` (None without minutes in distances.csv)."""
        return None if self.minutes is None else self.minutes[self.minutes["year"] == year].reset_index(drop=True)

    def preschools_in(self, year: int) -> pd.DataFrame:
        """The touched preschools in ``year`` (empty when the alternative touches none)."""
        return self.preschools[self.preschools["year"] == year].reset_index(drop=True)

    def areas_in(self, year: int) -> pd.DataFrame:
        """The areas and age bands whose pupils change school or cross the threshold in ``year``, most moved first."""
        rows = self.by_area[
            (self.by_area["year"] == year) & ((self.by_area["moved"] > 0.05) | (self.by_area["newly_over"] > 0.05))
        ]
        return rows.sort_values(["moved", "area_id"], ascending=[False, True]).reset_index(drop=True)


@dataclass(frozen=True, kw_only=True)
class YearFacts:
    """One year of the assessment's facts, every age band together (pupils are the model's expected numbers)."""

    year: int
    pupils: float
    moved: float  # pupils who go to another school than they would if we kept all
    longer: float  # of them, pupils whose journey is longer
    extra_km_per_moved: float  # km further, on average, for a pupil who changes school (negative: nearer)
    over_base: float  # pupils beyond the transport threshold if we keep all
    over_alt: float  # the same under the alternative
    newly_over: float  # pupils who cross the threshold because of the alternative
    at_touched: float  # pupils at the schools the alternative changes (the moved and their new classmates)
    mean_class_size_base: float
    mean_class_size_alt: float
    combined_grade_share_base: float
    combined_grade_share_alt: float
    fragile_teams_base: int
    fragile_teams_alt: int


def band_of(grades: pd.Series) -> pd.Series:
    """The age band of each grade: 'F–3', '4–6' or '7–9'."""
    out = pd.Series("", index=grades.index, dtype=object)
    for name, lo, hi in AGE_BANDS:
        out[(grades >= lo) & (grades <= hi)] = name
    return out


def _thresholds(result: Result) -> np.ndarray:
    """Transport threshold (km) by grade 0..9."""
    p = result.parameters
    return np.array(
        [p.transport_threshold_km_f3] * 4 + [p.transport_threshold_km_46] * 3 + [p.transport_threshold_km_79] * 3
    )


def _cells(result: Result, baseline: Result) -> pd.DataFrame:
    """One row per (year, area, grade, school) with the pupils under keep-all (b) and the alternative (x)."""
    keys = [*CELL, "unit_id"]
    b = baseline.flows.groupby(keys, as_index=False).agg(b=("pupils", "sum"), km=("km", "first"))
    x = result.flows.groupby(keys, as_index=False).agg(x=("pupils", "sum"), km_x=("km", "first"))
    both = b.merge(x, on=keys, how="outer")
    both["km"] = both["km"].fillna(both["km_x"])  # a school only the alternative uses (a new one)
    both[["b", "x"]] = both[["b", "x"]].fillna(0.0)
    both["m"] = np.minimum(both["b"], both["x"])
    threshold = _thresholds(result)[both["grade"].to_numpy().clip(0, 9)]
    over = both["km"].to_numpy() > threshold
    both["over_b"] = both["b"] * over
    both["over_x"] = both["x"] * over
    both["left_km"] = (both["b"] - both["m"]) * both["km"]
    both["gained_km"] = (both["x"] - both["m"]) * both["km"]
    both["km_b"] = both["b"] * both["km"]
    both["km_x"] = both["x"] * both["km"]
    return both


def _per_cell(cells: pd.DataFrame) -> pd.DataFrame:
    per = cells.groupby(CELL, as_index=False)[
        ["b", "x", "m", "over_b", "over_x", "left_km", "gained_km", "km_b", "km_x"]
    ].sum()
    per["moved"] = (per["x"] - per["m"]).clip(lower=0.0)
    per["extra_km"] = per["gained_km"] - per["left_km"]
    per["longer"] = np.where(per["extra_km"] > 1e-9, per["moved"], 0.0)
    per["newly_over"] = (per["over_x"] - per["over_b"]).clip(lower=0.0)
    per["band"] = band_of(per["grade"])
    return per


SUMS = ["b", "x", "moved", "longer", "extra_km", "over_b", "over_x", "newly_over", "km_b", "km_x"]
NAMES = {"x": "pupils", "over_b": "over_base", "over_x": "over_alt"}


def child_impact(result: Result, baseline: Result, dataset: Dataset) -> ChildImpact:
    """The facts of ``result``'s child impact assessment against ``baseline`` (keep-all, same scenario)."""
    cells = _cells(result, baseline)
    per = _per_cell(cells)
    touched = tuple(dict.fromkeys(u for a in result.alternative.actions for u in (a.unit, a.to) if u))

    by_area = per.groupby(["year", "area_id", "band"], as_index=False)[SUMS].sum()
    by_area["km_base"] = by_area["km_b"] / by_area["b"].where(by_area["b"] > 0)
    by_area["km_alt"] = by_area["km_x"] / by_area["x"].where(by_area["x"] > 0)
    by_area = by_area.drop(columns=["b", "km_b", "km_x"]).rename(columns=NAMES)

    by_year = per.groupby(["year", "band"], as_index=False)[SUMS].sum().drop(columns=["b", "km_b", "km_x"])
    at_touched = cells[cells["unit_id"].isin(touched)].assign(band=lambda f: band_of(f["grade"]))
    touched_pupils = at_touched.groupby(["year", "band"])["x"].sum().rename("at_touched")
    by_year = by_year.merge(touched_pupils, on=["year", "band"], how="left").fillna({"at_touched": 0.0})
    by_year = by_year.rename(columns=NAMES)

    return ChildImpact(
        alternative_id=result.alternative.id,
        scenario_id=result.scenario.id,
        first_year=int(result.years["year"].iloc[0]),
        last_year=int(result.years["year"].iloc[-1]),
        touched_units=touched,
        by_area=by_area,
        by_year=by_year,
        distances=_distance_bands(cells),
        classes=_classes(result, baseline),
        preschools=_preschools(result, baseline, touched),
        minutes=_minutes(cells, dataset),
    )


def _distance_bands(cells: pd.DataFrame) -> pd.DataFrame:
    """Pupils by road distance to their school, per year, both ways."""
    edges = [lo for _, lo, _ in DISTANCE_BANDS_KM] + [float("inf")]
    labels = [name for name, _, _ in DISTANCE_BANDS_KM]
    band = pd.cut(cells["km"], bins=edges, labels=labels, right=False)
    grouped = cells.assign(distance=band).groupby(["year", "distance"], observed=False)[["b", "x"]].sum()
    return grouped.reset_index().rename(columns={"b": "pupils_base", "x": "pupils_alt"})


def _classes(result: Result, baseline: Result) -> pd.DataFrame:
    columns = ["mean_class_size", "combined_grade_share", "fragile_teams"]
    base = baseline.years[["year", *columns]]
    alt = result.years[["year", *columns]]
    return base.merge(alt, on="year", suffixes=("_base", "_alt"))


def _preschools(result: Result, baseline: Result, touched: tuple[str, ...]) -> pd.DataFrame:
    """The touched preschools' children and places, both ways (empty when none is touched)."""
    columns = ["year", "unit_id", "name", "open", "demand", "capacity"]

    def rows(r: Result) -> pd.DataFrame:
        units = r.service_units
        return units[(units["service"] == "forskola") & units["unit_id"].isin(touched)][columns]

    both = rows(baseline).merge(rows(result), on=["year", "unit_id", "name"], how="outer", suffixes=("_base", "_alt"))
    return both.rename(
        columns={
            "demand_base": "children_base",
            "demand_alt": "children_alt",
            "capacity_base": "places_base",
            "capacity_alt": "places_alt",
        }
    )


def _minutes(cells: pd.DataFrame, dataset: Dataset) -> pd.DataFrame | None:
    """Mean travel time by year and age band, where the dataset's distances give minutes."""
    table = dataset.distances
    if table is None or "minutes" not in table or table["minutes"].isna().all():
        return None
    timed = cells.merge(table[["area_id", "unit_id", "minutes"]], on=["area_id", "unit_id"], how="inner")
    timed = timed.assign(
        band=band_of(timed["grade"]), mb=timed["b"] * timed["minutes"], mx=timed["x"] * timed["minutes"]
    )
    sums = timed.groupby(["year", "band"], as_index=False)[["b", "x", "mb", "mx"]].sum()
    sums["minutes_base"] = sums["mb"] / sums["b"].where(sums["b"] > 0)
    sums["minutes_alt"] = sums["mx"] / sums["x"].where(sums["x"] > 0)
    return sums[["year", "band", "minutes_base", "minutes_alt"]]
