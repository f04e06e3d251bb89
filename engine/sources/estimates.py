"""Estimates made from public statistics where the agencies publish less than the model needs.

Shared by ``python -m engine start`` and ``fetch`` and by tools/build_municipality.py (the
built-in municipalities) and tools/make_demo.py (the national shapes), so a figure is
estimated the same way wherever it appears. Every function says how, with units.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from engine.core import formatting as fmt
from engine.core.parameters import resolve

MAX_AGE = 100  # the open age group: 100 and older
BANDS = (*((a, a + 4) for a in range(0, 80, 5)), (80, MAX_AGE))  # SCB's 17 five-year bands, 80+ = 80–100
EARTH_RADIUS_KM = 6371.0


def round_to_total(values: np.ndarray, total: int) -> np.ndarray:
    """Round non-negative values to integers that sum to `total` (largest remainder)."""
    scaled = values / values.sum() * total
    floor = np.floor(scaled).astype(int)
    missing = total - floor.sum()
    order = np.argsort(-(scaled - floor), kind="stable")
    floor[order[:missing]] += 1
    return floor


def round_shares(values: np.ndarray, decimals: int) -> list[str]:
    """Format shares so the printed decimals sum to exactly 1."""
    unit = 10**decimals
    ints = round_to_total(values, unit)
    return [f"{i / unit:.{decimals}f}" for i in ints]


def to_hundredths(values: np.ndarray) -> np.ndarray:
    """Round to 0.01 keeping the total to the hundredth (largest remainder)."""
    total = round(float(values.sum()) * 100)
    return round_to_total(values, total) / 100 if total else values * 0


def national_demography() -> pd.DataFrame:
    """Sweden's shapes by age 0–100: ``fertility_share`` (share of a woman's lifetime births,
    sums to 1), ``mortality`` (death risk per year), ``migration_profile`` (relative weight of
    net migration), as the dataset's demography.csv writes them (text, fixed decimals)."""
    ages = np.arange(MAX_AGE + 1)

    # Fertility: skewed bell over 15-49 with its peak at 30 (SCB: mean age
    # of mothers ~31). Values are shares of a woman's lifetime births.
    sd = np.where(ages < 30, 4.6, 5.4)
    fert = np.exp(-0.5 * ((ages - 30.0) / sd) ** 2)
    fert[(ages < 15) | (ages > 49)] = 0.0
    fertility_share = round_shares(fert, 6)

    # Mortality: Gompertz-Makeham fitted to the Swedish life table (both sexes,
    # ~2023): q ~1 % at 65-69, ~3 % at 75-79, ~10 % at 85-89, 20-25 % at 90+.
    q = 0.0003 + 0.0100 * np.exp(0.1151 * (ages - 67))
    q[0] = 0.0022  # infant mortality ~2 per 1 000
    q[1:15] = np.linspace(0.00015, 0.00008, 14)  # childhood
    q = np.minimum(q, 0.42)
    q[MAX_AGE] = 0.42  # open age group 100+
    mortality = [f"{v:.6f}" for v in q]

    # Net migration profile: peak at 19-26 (studies, first jobs), a small peak for
    # young children 0-5 and their parents 28-38, low at old ages.
    mig = (
        0.10
        + 1.00 * np.exp(-0.5 * ((ages - 22.0) / 2.8) ** 2)
        + 0.30 * np.exp(-0.5 * ((ages - 2.0) / 2.5) ** 2)
        + 0.35 * np.exp(-0.5 * ((ages - 33.0) / 4.0) ** 2)
    )
    mig = np.where(ages >= 65, 0.05, mig)
    mig = np.where(ages >= 85, 0.02, mig)
    migration = [f"{v:.4f}" for v in mig]

    return pd.DataFrame(
        {
            "age": ages,
            "fertility_share": fertility_share,
            "mortality": mortality,
            "migration_profile": migration,
        }
    )


@cache
def _survival_80() -> tuple[float, ...]:
    """Relative number alive at 80, 81 … 100+ under the national death risks."""
    q = national_demography()["mortality"].astype(float).to_numpy()
    alive = np.cumprod(np.r_[1.0, 1.0 - q[80:MAX_AGE]])
    alive[-1] = alive[-1] / q[MAX_AGE]  # 100 and older: everyone still alive at 100 and above
    return tuple(float(a) for a in alive)


def spread_bands(bands: list[float] | tuple[float, ...], cohorts: np.ndarray | None = None) -> np.ndarray:
    """Persons by single year 0–100 from 17 five-year bands (0–4 … 75–79, 80+).

    Within 0–79 each band is spread along a straight line through the mid-points of
    its neighbours' mean levels, then scaled back to the band's own total, so the
    bands' sums are kept exactly and the ages run smoothly from band to band. 80+ is
    spread over 80–100 as the national survival curve falls.

    ``cohorts`` (persons by age 0–100, NaN where unknown; e.g. pupils per grade at
    age = grade + 6) gives the shape inside a band where it is known: within band b
    with known ages K and the rest U,

        w(K) = cohorts(K) × Σ_K line / Σ_K cohorts;   w(U) = line(U)
        persons(a) = w(a) / Σ_b w × band total                                [persons]

    so a large or small year group stays as large or small as the cohort count says,
    the ages without a count keep the line's share, and every band's sum is kept.
    """
    level = np.array(bands[:16], dtype=float) / 5
    mids = np.arange(16) * 5 + 2.0
    out = np.zeros(MAX_AGE + 1)
    ages = np.arange(80)
    line = np.interp(ages, mids, level)
    for b in range(16):
        part = np.maximum(line[b * 5 : b * 5 + 5], 0.05 * level[b] + 1e-9)
        if cohorts is not None:
            known = cohorts[b * 5 : b * 5 + 5]
            mask = ~np.isnan(known) & (known > 0)
            if mask.any():
                part = part.copy()
                part[mask] = known[mask] * part[mask].sum() / known[mask].sum()
        out[b * 5 : b * 5 + 5] = part / part.sum() * bands[b] if bands[b] else 0.0
    tail = np.array(_survival_80())
    out[80:] = tail / tail.sum() * bands[16]
    return out


def shape_bands(bands: list[float] | tuple[float, ...], profile: np.ndarray) -> np.ndarray:
    """Persons by single year 0–100 from 17 five-year bands, each band split as a larger
    population's single years split it (SCB's TAB638: the municipality's persons by age 0–100,
    NaN where suppressed or missing). Within band b with known ages K and the rest U, starting
    from :func:`spread_bands`' smooth estimate s::

        w(K) = profile(K) × Σ_K s / Σ_K profile;   w(U) = s(U)
        persons(a) = w(a) / Σ_b w × band total                                [persons]

    so every band's total is kept exactly, a band whose ages are all known is split exactly in
    the profile's proportions, and a suppressed age keeps the smooth estimate's share (never 0).
    A band where the profile counts nobody keeps the smooth estimate."""
    smooth = spread_bands(bands)
    out = smooth.copy()
    for b, (lo, hi) in enumerate(BANDS):
        known = np.asarray(profile[lo : hi + 1], dtype=float)
        mask = ~np.isnan(known)
        if not mask.any() or known[mask].sum() <= 0 or not bands[b]:
            continue
        part = smooth[lo : hi + 1].copy()
        part[mask] = known[mask] * part[mask].sum() / known[mask].sum()  # s > 0 wherever bands[b] > 0
        out[lo : hi + 1] = part / part.sum() * bands[b]
    return out


def pupils_by_age(pupils_1_9: list[float | None]) -> np.ndarray:
    """Pupils in grades 1–9 of one autumn as persons by age on 31 December that year
    (grade g ↔ age g + 6: a child starts grade 1 the year it turns 7); NaN elsewhere."""
    out = np.full(MAX_AGE + 1, np.nan)
    for g, n in enumerate(pupils_1_9, start=1):
        out[g + 6] = np.nan if n is None else n
    return out


def births_by_age(births: dict[int, float], year: int, below: int = 7) -> np.ndarray:
    """Births of each year as persons by age on 31 December ``year`` (age = year − birth year),
    for the ages under ``below`` (before school, where no pupil count tells a year group's
    size); NaN elsewhere. Moves in and out since birth are not in it: a shape, not a count."""
    out = np.full(MAX_AGE + 1, np.nan)
    for born, n in births.items():
        if 0 <= year - born < below:
            out[year - born] = n
    return out


def age_on(single: np.ndarray, years: int) -> np.ndarray:
    """Persons by single year 0–100 moved ``years`` years on with the national death risks
    q(a) (national_demography) and no migration:

        P'(a + 1) = P(a) × (1 − q(a));   P'(100+) = (P(99) × (1 − q(99))) + P(100+) × (1 − q(100))
        P'(0 … years − 1) = P(0 … years − 1)   (births after the count are unknown: the
                                                youngest of the earlier year stand in)  [persons]
    """
    q = national_demography()["mortality"].astype(float).to_numpy()
    out = np.asarray(single, dtype=float).copy()
    for _ in range(years):
        moved = np.zeros_like(out)
        moved[1:] = out[:-1] * (1 - q[:-1])
        moved[MAX_AGE] += out[MAX_AGE] * (1 - q[MAX_AGE])
        moved[0] = out[0]
        out = moved
    out[:years] = np.asarray(single, dtype=float)[:years]
    return out


def anchor(
    single: np.ndarray, total: float, aged_65: float | None = None, profile: np.ndarray | None = None
) -> np.ndarray:
    """Persons by age made to agree with a later count: 65+ scaled to its own count where it is
    known (SCB's 1 km grid gives both), and 0–64 to the rest::

        P(65+) × aged_65 / Σ P(65+)                                                 [persons]
        0–64 without ``profile``:  P(a) × (total − aged_65) / Σ P(0–64)
        0–64 with ``profile``:     P(a) + R × m(a) / Σ_0–64 m,   R = total − aged_65 − Σ P(0–64)

    ``profile`` m is the net migration profile by age (national_demography): the persons
    gained or lost since the earlier count are placed where movers are, mostly around 20–26,
    as the engine's own projection places net migration, rather than on every age alike. Where
    that would leave an age below zero the 0–64 are scaled instead. Without a 65+ count
    everything is scaled to ``total``.
    """
    out = np.asarray(single, dtype=float).copy()
    if aged_65 is None or out[65:].sum() <= 0 or out[:65].sum() <= 0:
        return out / out.sum() * total if out.sum() else out
    out[65:] *= aged_65 / out[65:].sum()
    young = total - aged_65
    if profile is not None:
        moved = out[:65] + (young - out[:65].sum()) * profile[:65] / profile[:65].sum()
        if (moved >= 0).all():
            out[:65] = moved
            return out
    out[:65] *= young / out[:65].sum()
    return out


def to_bands(single: np.ndarray) -> list[float]:
    """The 17 five-year bands (persons) of single years 0–100."""
    return [float(single[a : b + 1].sum()) for a, b in BANDS]


def shift_and_scale(bands: list[float], years: int, total: float) -> list[float]:
    """Bands of an earlier 31 December moved `years` years on with the national death risks
    (:func:`age_on`: single years spread, aged, survivors only; the youngest ages kept as they
    were) and scaled to a later total (persons)."""
    return to_bands(anchor(age_on(spread_bands(bands), years), total))


def haversine_km(lat1, lon1, lat2, lon2):  # type: ignore[no-untyped-def]  # numbers or numpy arrays alike
    """Great-circle distance in km between WGS84 points (degrees), element-wise."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(a))


def care_rates(population: np.ndarray, residents: float) -> tuple[float, dict[str, float]]:
    """The engine's care-home rates scaled by one factor so that the base year needs as many
    places as Kolada counts residents 65+ (E); the factor and the scaled rates.

    factor = residents / Σ_bands (persons in band × default rate); rates rounded to 4 decimals.
    """
    defaults = resolve()
    bands = {
        "care_home_rate_65_79": (65, 79, defaults.care_home_rate_65_79),
        "care_home_rate_80_89": (80, 89, defaults.care_home_rate_80_89),
        "care_home_rate_90_plus": (90, MAX_AGE, defaults.care_home_rate_90_plus),
    }
    need = sum(population[lo : hi + 1].sum() * rate for lo, hi, rate in bands.values())
    factor = residents / need
    return factor, {name: round(rate * factor, 4) for name, (_, _, rate) in bands.items()}


@dataclass(frozen=True)
class Calibration:
    """A scenario's fertility and migration levels from the last years' official counts."""

    births: float  # per year, mean of the years used
    deaths: float  # per year
    inhabitants: float  # mean
    domestic: float  # net domestic migration per year (persons)
    abroad: float  # net international migration per year (persons)
    tfr: float  # children per woman, 2 decimals
    net_per_1000: float  # net migrants per 1 000 inhabitants and year, to the nearest 0.5


def calibrate(
    population: np.ndarray,
    births: float,
    deaths: float,
    inhabitants: float,
    domestic: float,
    abroad: float,
) -> Calibration:
    """tfr = births / Σ_age (½ × persons(age) × fertility_share(age)): the births the base-year
    women (half of each age) give at the national age pattern; net per 1 000 = (domestic +
    abroad) / inhabitants × 1 000, rounded to the nearest 0.5."""
    fert = national_demography()["fertility_share"].astype(float).to_numpy()
    tfr = round(float(births / (0.5 * population * fert).sum()), 2)
    net = round((domestic + abroad) / inhabitants * 1000 * 2) / 2
    return Calibration(
        births=births,
        deaths=deaths,
        inhabitants=inhabitants,
        domestic=domestic,
        abroad=abroad,
        tfr=tfr,
        net_per_1000=net,
    )


def ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Area (square degrees, lon scaled by cos lat) and centroid of a [lat, lon] ring."""
    k = math.cos(math.radians(ring[0][0]))
    a = cx = cy = 0.0
    for i in range(len(ring)):
        (y1, x1), (y2, x2) = ring[i - 1], ring[i]
        x1, x2 = x1 * k, x2 * k
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    a /= 2
    return abs(a), cy / (6 * a), cx / (6 * a) / k


@dataclass(frozen=True, kw_only=True)
class ScenarioDraft:
    """One of the three scenarios a real municipality starts with (scenarios.toml's fields)."""

    id: str
    name: str
    description: str
    tfr: float  # children per woman
    net_migration_per_1000: float  # per 1 000 inhabitants and year
    mortality_change: float  # share, −0.05 = 5 % lower death risks


def trend_scenarios(tfr: float, net: float) -> tuple[ScenarioDraft, ...]:
    """bas, stress and stabilisering around a municipality's recent trend (``tfr`` and ``net``
    calibrated on Kolada): bas goes on as the last five years; stress has 0,2 fewer children per
    woman (at least 0,6) and 5 per 1 000 more moving out; stabilisering 0,2 more children, at
    least +4 per 1 000 (and at least 2 per 1 000 net in) and 5 % lower death risks."""
    return (
        ScenarioDraft(
            id="bas",
            name="Bas: som de senaste fem åren",
            description=f"Barnafödandet ({fmt.number(tfr, 2, ' ')} barn per kvinna) och flyttningarna "
            f"(netto {fmt.number(net, 1, ' ')} per 1 000 invånare) fortsätter som de senaste åren enligt Kolada.",
            tfr=tfr,
            net_migration_per_1000=net,
            mortality_change=0.0,
        ),
        ScenarioDraft(
            id="stress",
            name="Stresstest: snabbare minskning",
            description="Färre barn föds och fler flyttar ut än de senaste fem åren: vad händer om minskningen "
            "går fortare?",
            tfr=max(0.6, tfr - 0.2),
            net_migration_per_1000=net - 5.0,
            mortality_change=0.0,
        ),
        ScenarioDraft(
            id="stabilisering",
            name="Stabilisering",
            description="Barnafödandet återhämtar sig något, fler flyttar in och livslängden ökar.",
            tfr=tfr + 0.2,
            net_migration_per_1000=max(net + 4.0, 2.0),
            mortality_change=-0.05,
        ),
    )
