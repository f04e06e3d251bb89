"""The model's base year beside the official statistics, and a back-test of its demography.

Two questions a sceptic asks (page *Jämfört med officiell statistik*, ``python -m engine
calibrate``):

* **Does the base year match the official figures?** :func:`official_comparison` sets the
  model's base-year figures (keep-all, any scenario: the base year is the data as given)
  beside Skolverket's and Kolada's for the dataset's municipality code, read from the
  repository's copy of the public statistics (``engine.sources.public``). For each figure::

      difference = model / official − 1                              [share]

  A code that is not a Swedish municipality (the fictional demo) has no official figures.
  The parameters the dataset fitted to official figures (municipality.toml ``[calibration]``)
  come with the source of each fit.

* **How well does the model's demography project?** :func:`demography_backtest` projects
  every municipality from an earlier year with :func:`engine.model.demography.project` and
  compares with what happened (Kolada's age groups, 1998–2022). See its docstring for the
  method and its limits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from engine.core import formatting as fmt
from engine.core.parameters import PARAMETER_NAMES, describe, resolve
from engine.core.types import Scenario
from engine.dataset import Dataset
from engine.model.demography import project
from engine.model.evaluate import Result
from engine.sources import public

MAX_AGE = 100
T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class Comparison:
    """One base-year figure beside its official counterpart.

    ``unit`` is "kr", "persons" or "share" (0–1; Kolada's per cent divided by 100).
    ``agency`` is "skolverket" or "kolada"; ``kpi`` Kolada's id where the figure is Kolada's.
    ``difference`` = model / official − 1, None when either is missing.
    """

    key: str
    group: str
    unit: str
    model: float | None
    official: float | None
    agency: str
    kpi: str | None
    official_year: int | None
    difference: float | None
    # Kolada N15027 only: how Skolverket's cost per pupil in the municipality changed from
    # Kolada's year to Skolverket's latest (a share), the price and cost level in between
    official_change: float | None = None


@dataclass(frozen=True, kw_only=True)
class Calibrated:
    """A parameter the dataset fitted to an official figure: its value, the engine's default,
    and the source text of municipality.toml's ``[calibration]``."""

    name: str
    value: float
    default: float
    unit: str
    source: str


@dataclass(frozen=True, kw_only=True)
class OfficialComparison:
    """The dataset's base year against the official statistics. ``official_name`` is None when
    the dataset's code is not a Swedish municipality (then ``rows`` is empty)."""

    code: str
    official_name: str | None
    base_year: int
    rows: tuple[Comparison, ...]
    calibrated: tuple[Calibrated, ...]

    @property
    def within_5_percent(self) -> int:
        """How many figures with both values differ by at most 5 %."""
        return sum(1 for r in self.rows if r.difference is not None and abs(r.difference) <= 0.05)


def _latest(values: Mapping[int, T], year: int) -> tuple[int | None, T | None]:
    """The latest value at or before ``year`` (Kolada's copy ends in 2022, Skolverket's in 2024)."""
    years = [y for y in values if y <= year]
    if not years:
        return None, None
    y = max(years)
    return y, values[y]


@cache
def _kolada(kpi: str, code: str, root: str) -> dict[int, float]:
    """engine.sources.public.kolada, memoised: the page asks again on every rerun."""
    return public.kolada(kpi, code, Path(root))


@cache
def _school_costs(code: str, root: str) -> dict[int, public.SchoolCosts]:
    return public.school_costs(code, Path(root))


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


def _row(
    key: str,
    group: str,
    unit: str,
    model: float | None,
    official: float | None,
    *,
    agency: str,
    kpi: str | None = None,
    year: int | None = None,
) -> Comparison:
    difference = model / official - 1 if model is not None and official else None
    return Comparison(
        key=key,
        group=group,
        unit=unit,
        model=model,
        official=official,
        agency=agency,
        kpi=kpi,
        official_year=year,
        difference=difference,
    )


def calibrated_parameters(dataset: Dataset) -> tuple[Calibrated, ...]:
    """The dataset's fitted parameters in the parameter tree's order, each with its source."""
    rows = {r["name"]: r for r in describe(resolve(dataset.parameter_overrides))}
    return tuple(
        Calibrated(
            name=name,
            value=float(rows[name]["value"]),
            default=float(rows[name]["default"]),
            unit=str(rows[name]["unit"]),
            source=dataset.calibration[name],
        )
        for name in PARAMETER_NAMES
        if name in dataset.calibration
    )


def official_comparison(dataset: Dataset, result: Result, root: Path = public.PUBLIC) -> OfficialComparison:
    """The base year of ``result`` (keep-all) beside Skolverket's and Kolada's figures.

    School (Skolverket, Kostnader per kommun, the municipality's own schools, transport
    excluded; the latest year up to the base year), per pupil of the model's base year::

        cost per pupil   = (cost − transport) / pupils                       [kr per pupil]
        teaching         = (teachers × teacher cost + pupils × other teaching) / pupils
        premises         = premises of open schools / pupils
        the rest         = (cost − transport − teaching − premises − vacated) / pupils
                           against måltider + lärverktyg + elevhälsa + övrigt
        with transport   = cost / pupils against Kolada N15027 (F–9, transport included)

    Preschool: cost / enrolled children against N11008. Care homes: places needed against
    N23805 (residents 65+), cost per place against N23009, places needed by 80+ / persons
    80+ against N23801. Population: the base year's persons in Kolada's age groups against
    N01951, N01817, N01926, N01953, N01954 (persons) and N01812, N01813 (shares).
    """
    base = dataset.base_year
    calibrated = calibrated_parameters(dataset)
    try:
        official_name = public.municipality(dataset.code, root).name
    except public.UnknownMunicipality:
        return OfficialComparison(code=dataset.code, official_name=None, base_year=base, rows=(), calibrated=calibrated)
    code = dataset.code
    rows: list[Comparison] = []

    year = result.years.iloc[0]
    pupils = float(year["pupils"])
    cost, transport = float(year["cost_sek"]), float(year["transport_cost_sek"])
    teaching, premises = float(year["teaching_cost_sek"]), float(year["premises_cost_sek"])
    rest = cost - transport - teaching - premises - float(year["vacated_premises_cost_sek"])
    s_year, s = _latest(_school_costs(code, str(root)), base)
    if s is not None and pupils > 0:
        parts = (s.meals_per_pupil, s.materials_per_pupil, s.pupil_health_per_pupil, s.other_per_pupil)
        rest_official = sum(p for p in parts if p is not None) if all(p is not None for p in parts) else None
        rows += [
            _row(key, "grundskola", "kr", model / pupils, official, agency="skolverket", year=s_year)
            for key, model, official in (
                ("school_cost_per_pupil", cost - transport, s.total_per_pupil),
                ("school_teaching", teaching, s.teaching_per_pupil),
                ("school_premises", premises, s.premises_per_pupil),
                ("school_rest", rest, rest_official),
            )
        ]
    k_year, n15027 = _latest(_kolada("N15027", code, str(root)), base)
    with_transport = _row(
        "school_with_transport", "grundskola", "kr", _ratio(cost, pupils), n15027,
        agency="kolada", kpi="N15027", year=k_year,
    )  # fmt: skip
    then = _school_costs(code, str(root)).get(k_year) if k_year is not None else None
    if s is not None and then is not None and s.total_per_pupil and then.total_per_pupil and s_year != k_year:
        with_transport = replace(with_transport, official_change=s.total_per_pupil / then.total_per_pupil - 1)
    rows.append(with_transport)

    services = result.services[result.services["year"] == base].set_index("service")
    if "forskola" in services.index:
        pre = services.loc["forskola"]
        k_year, value = _latest(_kolada("N11008", code, str(root)), base)
        rows.append(
            _row(
                "preschool_cost_per_child", "forskola", "kr", _ratio(float(pre["cost_sek"]), float(pre["demand"])),
                value, agency="kolada", kpi="N11008", year=k_year,
            )
        )  # fmt: skip
    if "aldreboende" in services.index:
        care = services.loc["aldreboende"]
        need = float(care["demand"])
        k_year, residents = _latest(_kolada("N23805", code, str(root)), base)
        rows.append(
            _row(
                "care_residents", "aldreboende", "persons", need, residents, agency="kolada", kpi="N23805", year=k_year
            )
        )
        k_year, value = _latest(_kolada("N23009", code, str(root)), base)
        rows.append(
            _row(
                "care_cost_per_resident", "aldreboende", "kr", _ratio(float(care["cost_sek"]), need), value,
                agency="kolada", kpi="N23009", year=k_year,
            )
        )  # fmt: skip
        p = result.parameters
        by_age = dataset.population.sum(axis=0)
        old = float(by_age[80:].sum())
        need_80 = p.care_home_rate_80_89 * float(by_age[80:90].sum()) + p.care_home_rate_90_plus * float(
            by_age[90:].sum()
        )
        k_year, value = _latest(_kolada("N23801", code, str(root)), base)
        rows.append(
            _row(
                "care_share_80", "aldreboende", "share", _ratio(need_80, old), None if value is None else value / 100,
                agency="kolada", kpi="N23801", year=k_year,
            )
        )  # fmt: skip

    by_age = dataset.population.sum(axis=0)
    total = float(by_age.sum())
    groups = (
        ("population_total", "N01951", 0, MAX_AGE, "persons"),
        ("population_0", "N01817", 0, 0, "persons"),
        ("population_1_5", "N01926", 1, 5, "persons"),
        ("population_6_15", "N01953", 6, 15, "persons"),
        ("population_16_19", "N01954", 16, 19, "persons"),
        ("population_65_79", "N01812", 65, 79, "share"),
        ("population_80", "N01813", 80, MAX_AGE, "share"),
    )
    for key, kpi, lo, hi, unit in groups:
        persons = float(by_age[lo : hi + 1].sum())
        k_year, value = _latest(_kolada(kpi, code, str(root)), base)
        model = persons if unit == "persons" else _ratio(persons, total)
        official = value if unit == "persons" or value is None else value / 100
        rows.append(_row(key, "befolkning", unit, model, official, agency="kolada", kpi=kpi, year=k_year))
    return OfficialComparison(
        code=code, official_name=official_name, base_year=base, rows=tuple(rows), calibrated=calibrated
    )


# --- the back-test of the demography ----------------------------------------------------

BACKTEST_KPIS = ("N01951", "N01817", "N01926", "N01953", "N01954", "N01812", "N01813", "N01964", "N01806", "N02909")


@dataclass(frozen=True, kw_only=True)
class BacktestRow:
    """One municipality: 6–15-year-olds projected from ``base_year`` against what Kolada counted
    ``horizon`` years later. ``error`` = projected / actual − 1; ``unchanged_error`` the same
    for the naive guess "as many as in the base year"; ``kolada_error`` for Kolada's own
    projection (N02909, where published for the base year)."""

    code: str
    name: str
    projected: float
    actual: float
    error: float
    unchanged_error: float
    kolada_error: float | None


@dataclass(frozen=True, kw_only=True)
class Backtest:
    """The back-test over every municipality with the figures it needs.

    ``bound_90`` is the error bound 9 in 10 municipalities stay within (the 90th percentile
    of |error|); likewise ``unchanged_bound_90`` and ``kolada_bound_90`` (None without
    Kolada's projection). ``median_abs_error`` is the median |error|.
    """

    base_year: int
    horizon: int
    rows: tuple[BacktestRow, ...]
    bound_90: float
    median_abs_error: float
    unchanged_bound_90: float
    kolada_bound_90: float | None
    kolada_count: int

    def row(self, code: str) -> BacktestRow | None:
        return next((r for r in self.rows if r.code == code), None)


@cache
def _kolada_wide(root: str) -> pd.DataFrame:
    """Kolada's values of the back-test's KPIs (the repository's copy, data/public/kolada): one row
    per (municipality, year), one column per KPI; a missing value is NaN, never 0."""
    long = pd.read_csv(Path(root) / "kolada" / "varden.csv.gz", dtype={"kommunkod": str})
    long = long[long["kpi"].isin(BACKTEST_KPIS)]
    wide = long.pivot_table(index=["kommunkod", "ar"], columns="kpi", values="varde", aggfunc="first")
    return wide.reindex(columns=list(BACKTEST_KPIS))


def single_years(
    *, total: float, age0: float, age1_5: float, age6_15: float, age16_19: float, share65_79: float, share80: float,
    survival80: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """Persons by single year 0–100 from Kolada's age groups (an estimate: Kolada has no single years).

    Each group is spread evenly over its ages; 20–64 is what the groups leave of the total;
    80+ (share × total) follows ``survival80`` (persons alive at 80, 81, … 100 relative to 80)::

        P(0) = N01817;  P(1..5) = N01926 / 5;  P(6..15) = N01953 / 10;  P(16..19) = N01954 / 4
        P(65..79) = N01812 % × N01951 / 15;  P(80..100) = N01813 % × N01951 × l(x) / Σ l
        P(20..64) = (N01951 − the rest) / 45, floored at 0                        [persons]
    """
    p = np.zeros(MAX_AGE + 1)
    p[0] = age0
    p[1:6] = age1_5 / 5
    p[6:16] = age6_15 / 10
    p[16:20] = age16_19 / 4
    p[65:80] = share65_79 * total / 15
    p[80:] = share80 * total * survival80 / survival80.sum()
    p[20:65] = max(0.0, total - p.sum()) / 45
    return p


def _survival80(mortality: np.ndarray) -> np.ndarray:
    """Persons alive at 80, 81, … 100 per person alive at 80, from the death risks by age."""
    alive = np.cumprod(np.concatenate([[1.0], 1.0 - mortality[80:MAX_AGE]]))
    return alive


def demography_backtest(
    demography: pd.DataFrame, *, base_year: int = 2017, horizon: int = 5, root: Path = public.PUBLIC
) -> Backtest:
    """6–15-year-olds ``horizon`` years after ``base_year`` as the model projects them, against
    what Kolada counted, for every municipality with the figures.

    Method (the engine's cohort-component projection, :func:`engine.model.demography.project`,
    one area per municipality):

    * the base-year population by single year of age from Kolada's age groups (:func:`single_years`);
    * death risks, fertility and migration age profile from ``demography`` (the dataset's;
      the built-in datasets carry national shapes);
    * net migration per 1 000 inhabitants as the scenario ``bas`` of the built-in datasets is
      calibrated: the mean of (N01964 domestic + N01806 international net migration) / N01951
      over the base year and the four before it, × 1 000; births use tfr 1.7, which does not
      matter here: children born after the base year are under 5 at the horizon.

    Limits: Kolada has age groups, not single years, so the split of 6–15 into the 6–10 who
    stay in the group (aged 11–15 at the horizon) and the 11–15 who leave it is assumed even;
    migration is the average of five past years spread by a national age profile, so a
    municipality whose refugee reception or housing changed fast is missed (that is the
    error this shows); a municipality lacking any figure is left out.

    Error per municipality: projected / actual − 1 [share].
    """
    wide = _kolada_wide(str(root))
    names = {c: m.name for c, m in public.municipalities(root).items()}
    codes = list(names)

    def at(year: int) -> pd.DataFrame:
        """Every municipality's KPIs in one year, in ``codes`` order (NaN where missing)."""
        try:
            return wide.xs(year, level="ar").reindex(codes)
        except KeyError:
            return pd.DataFrame(index=codes, columns=list(BACKTEST_KPIS), dtype=float)

    now, later = at(base_year), at(base_year + horizon)
    past = [at(y) for y in range(base_year - 4, base_year + 1)]
    # net migration per 1 000 inhabitants, the mean over the five years up to the base year
    net = np.mean([(p["N01964"] + p["N01806"]) / p["N01951"] * 1000 for p in past], axis=0)
    mortality = demography["mortality"].to_numpy(float)
    survival80 = _survival80(mortality)
    shapes = {
        "fertility_share": demography["fertility_share"].to_numpy(float),
        "mortality": mortality,
        "migration_profile": demography["migration_profile"].to_numpy(float),
    }
    groups = now[["N01951", "N01817", "N01926", "N01953", "N01954", "N01812", "N01813"]].to_numpy(float)
    actual_all = later["N01953"].to_numpy(float)
    kolada_all = now["N02909"].to_numpy(float)
    rows: list[BacktestRow] = []
    for i, code in enumerate(codes):
        total, age0, age1_5, age6_15, age16_19, share65_79, share80 = groups[i]
        actual = float(actual_all[i])
        if np.isnan(groups[i]).any() or np.isnan(net[i]) or np.isnan(actual) or actual <= 0:
            continue
        population = single_years(
            total=total, age0=age0, age1_5=age1_5, age6_15=age6_15, age16_19=age16_19,
            share65_79=share65_79 / 100, share80=share80 / 100, survival80=survival80,
        )  # fmt: skip
        scenario = Scenario(id="backtest", name="", tfr=1.7, net_migration_per_1000=float(net[i]))
        projected = float(
            project(population[None, :], scenario=scenario, years=horizon, **shapes)[horizon, 0, 6:16].sum()
        )
        kolada = float(kolada_all[i])
        rows.append(
            BacktestRow(
                code=code,
                name=names[code],
                projected=projected,
                actual=actual,
                error=projected / actual - 1,
                unchanged_error=float(age6_15) / actual - 1,
                kolada_error=None if np.isnan(kolada) else kolada / actual - 1,
            )
        )
    errors = np.abs([r.error for r in rows])
    kolada_errors = np.abs([r.kolada_error for r in rows if r.kolada_error is not None])
    return Backtest(
        base_year=base_year,
        horizon=horizon,
        rows=tuple(rows),
        bound_90=float(np.quantile(errors, 0.9)),
        median_abs_error=float(np.median(errors)),
        unchanged_bound_90=float(np.quantile(np.abs([r.unchanged_error for r in rows]), 0.9)),
        kolada_bound_90=float(np.quantile(kolada_errors, 0.9)) if len(kolada_errors) else None,
        kolada_count=len(kolada_errors),
    )


def backtest_years(
    demography: pd.DataFrame, base_years: range = range(2003, 2018, 2), *, horizon: int = 5,
    root: Path = public.PUBLIC,
) -> list[Backtest]:  # fmt: skip
    """:func:`demography_backtest` from each of ``base_years``: does the error depend on the year?"""
    return [demography_backtest(demography, base_year=y, horizon=horizon, root=root) for y in base_years]


# --- fitting a dataset's parameters to its official figures ---------------------------------


@dataclass(frozen=True, kw_only=True)
class Fit:
    """A parameter value that makes one base-year figure equal its official counterpart,
    and the source text for municipality.toml's ``[calibration]``. ``clipped`` when the
    value had to be kept inside the parameter's documented range (the figure then differs)."""

    name: str
    value: float
    source: str
    clipped: bool


def _sv_number(value: float, decimals: int = 0) -> str:
    """A number in a source text: Swedish form with ordinary spaces (it is written to a TOML file)."""
    return fmt.number(value, decimals, sep=" ")


def _fitted(name: str, value: float, source: str, decimals: int = 0) -> Fit:
    meta = next(r for r in describe() if r["name"] == name)
    kept = min(max(value, float(meta["min"])), float(meta["max"]))
    return Fit(name=name, value=round(kept, decimals), source=source, clipped=kept != value)


def fit_parameters(dataset: Dataset, result: Result, root: Path = public.PUBLIC) -> tuple[Fit, ...]:
    """The parameters that bring the base year of ``result`` (keep-all) to the official figures
    of the dataset's municipality; empty for a code that is not a Swedish municipality.

    Each figure is linear in one parameter, so one evaluation gives the fit: the parameter
    moves by the gap between the official figure and the model's, per pupil, child or place::

        other_teaching  ← other_teaching + (Skolverket teaching per pupil − model teaching per pupil)
        cost_per_pupil  ← cost_per_pupil + (Skolverket måltider + lärverktyg + elevhälsa + övrigt
                                            − model (per-pupil + fixed) per pupil)        [kr per pupil]
        cost_per_preschool_child ← cost_per_preschool_child + (N11008 − model cost per child)
        care_home_rate_* ← care_home_rate_* × N23805 / model places needed                   [share]

    Premises are each unit's own figure (units.csv) and stay as they are; the comparison shows
    how far they are from Skolverket's.
    """
    comparison = official_comparison(dataset, result, root)
    if comparison.official_name is None:
        return ()
    rows = {r.key: r for r in comparison.rows}
    p = result.parameters
    fits: list[Fit] = []

    def gap(key: str) -> tuple[float, float, int | None] | None:
        """(model, official, official year) of a row with both figures."""
        row = rows.get(key)
        if row is None or row.model is None or row.official is None:
            return None
        return row.model, row.official, row.official_year

    base = dataset.base_year
    if found := gap("school_teaching"):
        model, official, year = found
        fits.append(
            _fitted(
                "other_teaching_cost_per_pupil_sek",
                p.other_teaching_cost_per_pupil_sek + official - model,
                f"Skolverket, Kostnader per kommun {year}, kommunala skolor: undervisning {_sv_number(official)} kr "
                f"per elev; modellen hade {_sv_number(model)} kr basåret {base}",
                -2,
            )
        )
    if found := gap("school_rest"):
        model, official, year = found
        fits.append(
            _fitted(
                "cost_per_pupil_sek",
                p.cost_per_pupil_sek + official - model,
                f"Skolverket, Kostnader per kommun {year}, kommunala skolor: måltider, lärverktyg, elevhälsa och "
                f"övrigt {_sv_number(official)} kr per elev, minus skolornas fasta kostnader i units.csv; modellen "
                f"hade {_sv_number(model)} kr basåret {base}",
                -2,
            )
        )
    if found := gap("preschool_cost_per_child"):
        model, official, year = found
        fits.append(
            _fitted(
                "cost_per_preschool_child_sek",
                p.cost_per_preschool_child_sek + official - model,
                f"Kolada N11008 {year}: {_sv_number(official)} kr per inskrivet barn; modellen hade "
                f"{_sv_number(model)} kr basåret {base}",
                -2,
            )
        )
    if (found := gap("care_residents")) and found[0] > 0:
        model, official, year = found
        factor = official / model
        for name in ("care_home_rate_65_79", "care_home_rate_80_89", "care_home_rate_90_plus"):
            fits.append(
                _fitted(
                    name,
                    getattr(p, name) * factor,
                    f"Kolada N23805 {year}: {_sv_number(official, 1)} brukare 65+ i särskilt boende; andelarna × "
                    f"{_sv_number(factor, 3)} så att basåret behöver lika många platser",
                    4,
                )
            )
    return tuple(fits)
