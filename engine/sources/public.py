"""Read the national public statistics kept in the repository (data/public/, see its README).

Small, typed views of SCB's, Skolverket's and Kolada's figures for one municipality. A
suppressed or missing value is ``None``, never 0. Kolada's figures must be shown with
"Källa: Kolada" (``KOLADA_ATTRIBUTION``) and one's own calculations never attributed to it.

Units: pupils and children are persons; Skolverket's costs are kr per pupil and year
(``*_per_pupil``) or thousand kr per year (``*_tkr``); Kolada's units are in each KPI's title.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

PUBLIC = Path(__file__).resolve().parents[2] / "data" / "public"
KOLADA_ATTRIBUTION = "Källa: Kolada"
GRADES = tuple(range(1, 10))
SCHOOL_YEARS = tuple(range(2020, 2025))  # Skolverket's per-municipality files: school years 2020/21–2024/25
UNIT_YEAR = 2025  # pupils per school unit: school year 2025/26
DESO_YEAR = 2022  # DeSO 2018 five-year bands: 31 December 2022
AGE_BANDS: tuple[tuple[int, int | None], ...] = (*((a, a + 4) for a in range(0, 80, 5)), (80, None))


class UnknownMunicipality(KeyError):
    """A code that is not one of Sweden's 290 municipalities."""


@dataclass(frozen=True)
class Municipality:
    code: str  # four digits, e.g. "2303"
    name: str
    county: str  # two digits


@dataclass(frozen=True)
class SchoolUnit:
    """A compulsory school unit and its pupils per grade, school year 2025/26."""

    code: str  # Skolverket's skolenhetskod
    name: str
    municipality: str
    organiser_type: str  # "Kommunal" or "Enskild"
    organiser: str
    pupils: tuple[int | None, ...]  # grades 1–9; None where Skolverket suppresses (fewer than 5) or has none
    total: int | None  # grades 1–9 as Skolverket reports it


@dataclass(frozen=True)
class Position:
    lat: float  # WGS84, degrees
    lon: float
    north: float  # SWEREF 99 TM, m
    east: float


@dataclass(frozen=True)
class GradePupils:
    """Pupils per grade in one municipality, one school year, one kind of organiser."""

    year: int  # the school year's first calendar year (2024 = 2024/25)
    municipality: str
    organiser_type: str  # "Samtliga", "Kommunal" or "Enskild"
    pupils: tuple[int | None, ...]  # grades 1–9
    total: int | None


@dataclass(frozen=True)
class SchoolCosts:
    """Skolverket's cost of municipal compulsory school in one municipality and year."""

    year: int
    municipality: str
    pupils: float | None  # average number of pupils over the year
    total_tkr: float | None  # thousand kr per year
    teaching_tkr: float | None
    total_per_pupil: float | None  # kr per pupil and year, likewise below
    teaching_per_pupil: float | None
    premises_per_pupil: float | None
    meals_per_pupil: float | None
    materials_per_pupil: float | None
    pupil_health_per_pupil: float | None
    other_per_pupil: float | None


@dataclass(frozen=True)
class Preschool:
    unit_id: str  # Skolverket's id
    name: str
    organiser_type: str  # "Kommunal" or "Enskild"
    municipality: str
    address: str
    postcode: str
    children: int | None
    groups: int | None
    staff_fte: float | None  # full-time equivalents
    lat: float | None  # WGS84; None for the 11 % without coordinates
    lon: float | None


@dataclass(frozen=True)
class DesoBands:
    """One DeSO (2018 division) and its population in 17 five-year bands (AGE_BANDS), 31 Dec 2022."""

    deso: str
    regso: str
    bands: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.bands)


@dataclass(frozen=True)
class DesoPoint:
    """Where a DeSO's people live (WGS84), for the DeSO whose geography the kept files hold."""

    lat: float
    lon: float
    method: str  # "1km": population-weighted centre of its 1 km cells; "polygon": its polygon's centroid


def _frame(name: str, root: Path) -> pd.DataFrame:
    return _read(str(root / name))


@cache
def _read(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _float(text: str) -> float | None:
    return float(text) if text != "" else None


def _int(text: str) -> int | None:
    return round(float(text)) if text != "" else None


def municipalities(root: Path = PUBLIC) -> dict[str, Municipality]:
    """Sweden's 290 municipalities by code, in code order."""
    df = _frame("kommuner.csv", root)
    return {
        c: Municipality(code=c, name=n, county=r)
        for c, n, r in zip(df["kommunkod"], df["namn"], df["lanskod"], strict=True)
    }


def municipality(code: str, root: Path = PUBLIC) -> Municipality:
    """The municipality with this four-digit code; UnknownMunicipality otherwise."""
    found = municipalities(root).get(code)
    if found is None:
        raise UnknownMunicipality(code)
    return found


def kpi_titles(root: Path = PUBLIC) -> dict[str, str]:
    """Kolada's KPI id (e.g. "N15027") → its Swedish title (unit included)."""
    df = _frame("kolada/kpis.csv", root)
    return dict(zip(df["kpi"], df["titel"], strict=True))


def kolada(kpi: str, code: str, root: Path = PUBLIC) -> dict[int, float]:
    """Kolada's value of one KPI for one municipality ("0" for Sweden) by year; years without a value absent."""
    df = _frame("kolada/varden.csv.gz", root)
    rows = df[(df["kpi"] == kpi) & (df["kommunkod"] == code) & (df["varde"] != "")]
    return {int(y): float(v) for y, v in zip(rows["ar"], rows["varde"], strict=True)}


def kolada_all(code: str, root: Path = PUBLIC) -> dict[str, dict[int, float]]:
    """Every kept KPI for one municipality: KPI → year → value."""
    return {kpi: kolada(kpi, code, root) for kpi in kpi_titles(root)}


def school_units(code: str, root: Path = PUBLIC) -> list[SchoolUnit]:
    """The municipality's compulsory school units (municipal and independent) in code order, 2025/26."""
    df = _frame("skolverket/elever_per_skolenhet_2025.csv.gz", root)
    return [
        SchoolUnit(
            code=r["skolenhetskod"],
            name=r["skola"],
            municipality=r["kommunkod"],
            organiser_type=r["huvudmanstyp"],
            organiser=r["huvudman"],
            pupils=tuple(_int(r[f"ak{g}"]) for g in GRADES),
            total=_int(r["ak1_9"]),
        )
        for r in df[df["kommunkod"] == code].to_dict("records")
    ]


def school_positions(root: Path = PUBLIC) -> dict[str, Position]:
    """School unit code → position, for the about 2 300 units whose position was recorded."""
    df = _frame("skolverket/skolenheter_koordinater.csv.gz", root)
    return {
        r["skolenhetskod"]: Position(
            lat=float(r["lat"]), lon=float(r["lon"]), north=float(r["sweref99_n"]), east=float(r["sweref99_e"])
        )
        for r in df.to_dict("records")
    }


def grade_pupils(code: str, root: Path = PUBLIC) -> list[GradePupils]:
    """Pupils per grade in the municipality, school years 2020/21–2024/25, by kind of organiser."""
    df = _frame("skolverket/elever_per_arskurs_kommun.csv.gz", root)
    return [
        GradePupils(
            year=int(r["lasar"]),
            municipality=r["kommunkod"],
            organiser_type=r["huvudmanstyp"],
            pupils=tuple(_int(r[f"ak{g}"]) for g in GRADES),
            total=_int(r["ak1_9"]),
        )
        for r in df[df["kommunkod"] == code].to_dict("records")
    ]


def school_costs(code: str, root: Path = PUBLIC) -> dict[int, SchoolCosts]:
    """Skolverket's cost of the municipality's own compulsory schools by year, 2020–2024."""
    df = _frame("skolverket/kostnader_per_kommun.csv", root)
    return {
        int(r["ar"]): SchoolCosts(
            year=int(r["ar"]),
            municipality=r["kommunkod"],
            pupils=_float(r["elever"]),
            total_tkr=_float(r["totalt_tkr"]),
            teaching_tkr=_float(r["undervisning_tkr"]),
            total_per_pupil=_float(r["totalt_per_elev"]),
            teaching_per_pupil=_float(r["undervisning_per_elev"]),
            premises_per_pupil=_float(r["lokaler_per_elev"]),
            meals_per_pupil=_float(r["maltider_per_elev"]),
            materials_per_pupil=_float(r["larverktyg_per_elev"]),
            pupil_health_per_pupil=_float(r["elevhalsa_per_elev"]),
            other_per_pupil=_float(r["ovrigt_per_elev"]),
        )
        for r in df[df["kommunkod"] == code].to_dict("records")
    }


def preschools(code: str, root: Path = PUBLIC) -> list[Preschool]:
    """The municipality's preschool units (municipal and independent) in id order."""
    df = _frame("forskolor/forskolor.csv.gz", root)
    return [
        Preschool(
            unit_id=r["skolverkets_id"],
            name=r["namn"],
            organiser_type=r["huvudmanstyp"],
            municipality=r["kommunkod"],
            address=r["adress"],
            postcode=r["postnummer"],
            children=_int(r["barn"]),
            groups=_int(r["barngrupper"]),
            staff_fte=_float(r["heltidstjanster"]),
            lat=_float(r["lat"]),
            lon=_float(r["lon"]),
        )
        for r in df[df["kommunkod"] == code].to_dict("records")
    ]


def deso_bands(code: str, root: Path = PUBLIC) -> list[DesoBands]:
    """The municipality's DeSO (2018 division) with their RegSO and five-year bands, in DeSO order."""
    bands = _frame("scb/deso2018_alder5_2022.csv.gz", root)
    key = _frame("scb/deso2018_regso.csv.gz", root)
    regso = dict(zip(key["deso"], key["regso"], strict=True))
    columns = list(bands.columns[2:])  # after deso and total: the 17 bands in AGE_BANDS order
    rows = bands[bands["deso"].str.startswith(code)]
    return [
        DesoBands(deso=r["deso"], regso=regso.get(r["deso"], ""), bands=tuple(int(r[c]) for c in columns))
        for r in rows.to_dict("records")
    ]


def deso_points(root: Path = PUBLIC) -> dict[str, DesoPoint]:
    """DeSO → where its people live, for Dalarna, Ydre, Ragunda and Dorotea (DeSO 2025 codes)."""
    df = _frame("scb/deso_punkter.csv", root)
    return {
        d: DesoPoint(lat=float(la), lon=float(lo), method=m)
        for d, la, lo, m in zip(df["deso"], df["lat"], df["lon"], df["metod"], strict=True)
    }
