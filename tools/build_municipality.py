"""Build the real municipalities that ship with Vägval (data/ragunda, data/alvdalen).

Reads the public exports kept outside the project (SCB, Skolverket, Kolada; their
README lists every file's source and licence) and writes one dataset folder per
municipality, README included. The product never reads the public files at run time:
the folders this writes are committed. Deterministic: the same files give the same
bytes, so tests/test_municipalities.py can check that the committed folders are what
this script makes.

    python tools/build_municipality.py                       # both, from ../shared/data/public
    python tools/build_municipality.py ragunda --public DIR  # one, from elsewhere
    python tools/build_municipality.py --out /tmp/x          # write somewhere else

Every figure that is not in the public files is an estimate, marked (E) in the
municipality's README with how it was made.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the engine, when run as a script
from engine.dataset.load import load_dataset
from engine.model.evaluate import evaluate
from engine.sources.estimates import (
    BANDS,
    MAX_AGE,
    age_on,
    anchor,
    births_by_age,
    care_rates,
    haversine_km,
    national_demography,
    pupils_by_age,
    ring_area_centroid,
    spread_bands,
    to_bands,
    to_hundredths,
    trend_scenarios,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PUBLIC = REPO.parent / "shared" / "data" / "public"
BASE_YEAR = 2025
KOLADA_YEAR = 2022  # the last year of the Kolada dump
SKOLVERKET_COST_YEAR = 2024
DETOUR = 1.3  # the engine's default detour_factor: road km per straight-line km
SPEED_KMH = 60.0  # school bus on rural roads, for minutes in distances.csv (E)


# ---------------------------------------------------------------------------
# Geometry (plain Python: the build needs no GIS library)
# ---------------------------------------------------------------------------
def inside(lat: float, lon: float, ring: list[list[float]]) -> bool:
    """Ray casting on a ring of [lat, lon] points."""
    found = False
    for i in range(len(ring)):
        (la1, lo1), (la2, lo2) = ring[i], ring[i - 1]
        if (lo1 > lon) != (lo2 > lon) and lat < (la2 - la1) * (lon - lo1) / (lo2 - lo1) + la1:
            found = not found
    return found


def simplify(ring: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas–Peucker on [lat, lon] points (tolerance in degrees), coordinates to 5 decimals."""

    def rdp(points: list[list[float]]) -> list[list[float]]:
        if len(points) < 3:
            return points
        (y1, x1), (y2, x2) = points[0], points[-1]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        dists = [abs(dy * (x - x1) - dx * (y - y1)) / norm for y, x in points[1:-1]]
        i = int(np.argmax(dists)) + 1
        if dists[i - 1] <= tolerance:
            return [points[0], points[-1]]
        return rdp(points[: i + 1])[:-1] + rdp(points[i:])

    closed = ring if ring[0] == ring[-1] else [*ring, ring[0]]
    half = len(closed) // 2  # split so the first and last points are not the same point
    out = rdp(closed[: half + 1])[:-1] + rdp(closed[half:])
    return [[round(la, 5), round(lo, 5)] for la, lo in out]


# ---------------------------------------------------------------------------
# Public files
# ---------------------------------------------------------------------------
def skolverket_csv(path: Path) -> pd.DataFrame:
    """A Skolverket export: title lines, `;`, BOM, space thousands, decimal comma, `.` suppressed."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = next(i for i, line in enumerate(lines) if line.count(";") > 5)
    rows = [line.rstrip(";").split(";") for line in lines[start:] if line.strip()]
    width = len(rows[0])
    return pd.DataFrame([(r + [""] * width)[:width] for r in rows[1:]], columns=rows[0])


def number(text: str) -> float | None:
    """Skolverket's number text; None for a suppressed or missing value (never 0)."""
    text = text.replace(" ", "").replace("\xa0", "").replace(",", ".").strip()
    return None if text in ("", ".", "..", "-") else float(text)


def kolada(public: Path, kpi: str, code: str) -> dict[int, float]:
    df = pd.read_csv(public / "kolada" / f"{kpi}.csv", dtype={"geo": str})
    df = df[df["geo"] == code]
    return {int(y): float(v) for y, v in zip(df["year"], df[kpi], strict=True)}


def pupils_per_grade(public: Path, code: str) -> dict[str, tuple[str, list[float | None]]]:
    """School unit code → (name, pupils in grades 1–9, None where Skolverket shows `.`), 2025/26."""
    df = skolverket_csv(public / "skolverket" / "elever_per_arskurs_skolenhet_2025.csv")
    df = df[(df["Kommun-kod"] == code) & (df["Typ av huvudman"] == "Kommunal")]
    return {
        row["Skol-enhetskod"]: (row["Skola"], [number(row[f"Elever, årskurs {g}"]) for g in range(1, 10)])
        for _, row in df.iterrows()
    }


def pupils_all_schools_2025(public: Path, code: str) -> list[float | None]:
    """Pupils in grades 1–9 in all the municipality's school units (every organiser), 2025/26."""
    df = skolverket_csv(public / "skolverket" / "elever_per_arskurs_skolenhet_2025.csv")
    df = df[df["Kommun-kod"] == code]
    return [sum(number(v) or 0.0 for v in df[f"Elever, årskurs {g}"]) or None for g in range(1, 10)]


def pupils_in_municipality(public: Path, code: str, year: int) -> list[float | None]:
    """Pupils in grades 1–9 in the municipality's schools (row Samtliga), school year year/year+1."""
    df = skolverket_csv(public / "skolverket" / f"elever_per_arskurs_kommun_{year}.csv")
    row = df[(df["Kommun-kod"] == code) & (df["Typ av huvudman"] == "Samtliga")].iloc[0]
    return [number(row[f"Elever, årskurs {g}"]) for g in range(1, 10)]


def school_costs(public: Path, code: str) -> dict[str, float]:
    df = skolverket_csv(public / "skolverket" / f"grundskola_kostnader_per_kommun_{SKOLVERKET_COST_YEAR}.csv")
    row = df[df["Kommunkod"] == code].iloc[0]
    return {k: number(row[k]) or 0.0 for k in df.columns[5:] if k}


def school_coordinates(public: Path) -> dict[str, tuple[float, float]]:
    df = pd.read_csv(public / "skolverket" / "skolenheter_koordinater_delvis.csv", dtype={"schoolUnitCode": str})
    return {
        c: (float(la), float(lo))
        for c, la, lo in zip(df["schoolUnitCode"], df["wgs84_lat"], df["wgs84_lon"], strict=True)
    }


def preschools(public: Path, code: str) -> pd.DataFrame:
    df = pd.read_csv(public / "forskolor" / "forskolor.csv", dtype={"Kommunkod": str, "skolverkets_id": str})
    df = df[df["Kommunkod"].str.zfill(4) == code]
    return df.sort_values("skolverkets_id").reset_index(drop=True)


# ---------------------------------------------------------------------------
# The description of one municipality
# ---------------------------------------------------------------------------
@dataclass
class School:
    unit_id: str
    code: str  # Skolverket's skolenhetskod
    grades: tuple[int, int]  # grade_min, grade_max (0 = förskoleklass)
    place: str
    coordinate_note: str = ""  # why a coordinate is approximate, if it is
    latlon: tuple[float, float] | None = None  # when the public files have none


@dataclass
class Preschool:
    unit_id: str
    skolverket_id: str
    latlon: tuple[float, float] | None = None
    coordinate_note: str = ""


@dataclass
class Spec:
    key: str  # folder name and ?data= id
    code: str
    name: str
    county: str
    area_names: dict[str, str]  # DeSO code → name shown
    schools: list[School]
    preschools: list[Preschool]
    care_home_area: str  # the DeSO where the estimated care-home places are put
    care_home_name: str
    scenarios_note: str
    alternatives: list[dict]
    economy: dict[str, float]  # economy parameter overrides (E), chosen at the time of writing
    economy_note: str
    excluded: list[str] = field(default_factory=list)  # units left out, with why
    school_note: str = ""  # what a reader of the schools' table should know


RAGUNDA = Spec(
    key="ragunda",
    code="2303",
    name="Ragunda kommun",
    county="Jämtlands län",
    area_names={
        "2303C1010": "Hammarstrand",
        "2303A0030": "Ragunda nordöstra (kring Hammarstrand)",
        "2303A0010": "Ragunda sydöstra (Bispgården)",
        "2303A0020": "Ragunda västra (Stugun)",
    },
    schools=[
        School("S-HANSAKER", "22316816", (0, 9), "Stugun"),
        School("S-KULLSTA", "40542956", (0, 3), "Hammarstrand"),
        School(
            "S-ANDERSOLOF",
            "78545687",
            (4, 9),
            "Hammarstrand",
            coordinate_note="ungefärlig: Centralgatan 55, Hammarstrand (saknas i de offentliga filerna)",
            latlon=(63.1066, 16.3432),
        ),
    ],
    preschools=[
        Preschool("F-HIMLAVALVET", "387211"),
        Preschool("F-SMAFOLKET", "852588"),
        Preschool("F-SKOGSGLANTAN", "558684"),
        Preschool("F-ATEGARDEN", "209440"),
    ],
    care_home_area="2303C1010",
    care_home_name="Särskilt boende i Ragunda (samlat och uppskattat)",
    scenarios_note="Kolada: 43 births a year 2020–2022 (51 in 2018, 35 in 2022) and 87 deaths a year 2018–2022; net migration −3.4 per 1 000 (−49 domestic, +32 abroad a year).",
    alternatives=[
        {
            "id": "hansaker-79-till-hammarstrand",
            "name": "Åk 7–9 från Hansåkerskolan till Anders-Olofskolan (2027)",
            "description": (
                "Högstadiet i Stugun flyttar till Anders-Olofskolan i Hammarstrand, cirka 40 km bort; "
                "Hansåkerskolan blir en F–6-skola i samma byggnad. Större högstadium och lärarlag i "
                "Hammarstrand, längre resor för eleverna i åk 7–9 från Stugun."
            ),
            "actions": [
                {"year": 2027, "action": "close", "unit": "S-HANSAKER", "one_off_cost_sek": 500000},
                {
                    "year": 2027,
                    "action": "build",
                    "unit": "S-HANSAKER-F6",
                    "name": "Hansåkerskolan F–6",
                    "service": "grundskola",
                    "area_id": "2303A0020",
                    "from": "S-HANSAKER",
                    "grade_min": 0,
                    "grade_max": 6,
                    "share": 0.75,
                },
            ],
        },
        {
            "id": "hansaker-stangs",
            "name": "Hansåkerskolan stängs, eleverna till Hammarstrand (2028)",
            "description": (
                "Skolan i Stugun stängs och eleverna går i Kullstaskolan (F–3) och Anders-Olofskolan "
                "(4–9) i Hammarstrand. Störst besparing, längst resor: cirka 40 km enkel väg för alla "
                "elever från Stugun."
            ),
            "actions": [{"year": 2028, "action": "close", "unit": "S-HANSAKER"}],
        },
    ],
    economy={
        "tax_base_per_inhabitant_sek": 205000,
        "tax_rate": 0.225,
        "grants_per_inhabitant_sek": 42000,
        "other_costs_per_inhabitant_sek": 40000,
    },
    economy_note=(
        "Not in the public files, so estimates (E): tax base ≈ 80 % of the national 255 000 kr, "
        "municipal tax rate 22.5 % (within the 21–22.5 % of many small municipalities, SCB), grants and equalisation high for a small, old "
        "municipality far from the cities; other costs chosen so the base year shows a surplus of about 1 % of tax and grants (keep-all, bas, with the engine at the time of writing)."
    ),
    school_note=(
        "**Where Hansåkerskolan is.** Skolverket's coordinates (and the postcode of the preschools beside it, "
        "844 51) place Hansåkerskolan in **Stugun**, in Ragunda västra, not in Bispgården. Bispgården (Ragunda "
        "sydöstra) has a preschool but no school unit in 2025/26, so its pupils go to the nearest schools, in "
        "Hammarstrand (≈ 16 km in a straight line), as the model assigns them."
    ),
    excluded=[
        "Smultronets förskola (Överammer, 15 children): no coordinates in the public files, left out; "
        "its children count in the demand of the other preschools."
    ],
)

ALVDALEN = Spec(
    key="alvdalen",
    code="2039",
    name="Älvdalens kommun",
    county="Dalarnas län",
    area_names={
        "2039C1010": "Älvdalen (Kåtilla och Västäng)",
        "2039C1020": "Rot–Holen–Näset",
        "2039A0010": "Älvdalen södra omland",
        "2039A0020": "Särna och mellersta omlandet",
        "2039A0030": "Idre och norra omlandet",
    },
    schools=[
        School("S-ALVDALS", "22811420", (0, 9), "Älvdalen"),
        School("S-ROT", "20822919", (0, 6), "Rot"),
        School(
            "S-STRAND",
            "81918902",
            (0, 9),
            "Idre",
            coordinate_note="ungefärlig: mitt i Idres mest befolkade kvadratkilometer (saknas i de offentliga filerna)",
        ),
        School("S-BUSKOVIUS", "45898861", (0, 6), "Särna"),
    ],
    preschools=[
        Preschool("F-TALLKOTTEN", "512929"),
        Preschool("F-PORFYRGARDEN", "604465"),
        Preschool(
            "F-HOGHOL",
            "148447",
            coordinate_note="ungefärlig: vid Älvdalsskolan (Sporthallsvägen 1, saknas i de offentliga filerna)",
        ),
        Preschool("F-SKOGSLIA", "320293"),
        Preschool("F-REGNBAGEN", "458406"),
    ],
    care_home_area="2039C1010",
    care_home_name="Särskilt boende i Älvdalen (samlat och uppskattat)",
    scenarios_note="Kolada: 51 births a year 2020–2022 (66 in 2018, 38 in 2022) and 93 deaths a year 2018–2022; net migration +3.6 per 1 000 (−14 domestic, +40 abroad a year).",
    alternatives=[
        {
            "id": "rot-till-alvdalsskolan",
            "name": "Rot skola samman med Älvdalsskolan (2027)",
            "description": (
                "Eleverna i Rot skola (F–6) går i Älvdalsskolan, cirka 3 km bort. En skolbyggnad "
                "mindre; fler elever i varje årskurs i Älvdalsskolan."
            ),
            "actions": [{"year": 2027, "action": "merge", "unit": "S-ROT", "to": "S-ALVDALS"}],
        },
        {
            "id": "sarna-till-idre",
            "name": "Buskoviusskolan samman med Strandskolan (2027)",
            "description": (
                "Eleverna i Särna går i Strandskolan i Idre, knappt 30 km fågelvägen. Lärarlaget i "
                "Särna är litet och årskurserna har få elever; priset är långa resor för de yngsta."
            ),
            "actions": [{"year": 2027, "action": "merge", "unit": "S-BUSKOVIUS", "to": "S-STRAND"}],
        },
    ],
    economy={
        "tax_base_per_inhabitant_sek": 210000,
        "tax_rate": 0.225,
        "grants_per_inhabitant_sek": 40000,
        "other_costs_per_inhabitant_sek": 37000,
    },
    economy_note=(
        "Not in the public files, so estimates (E): tax base ≈ 80 % of the national 255 000 kr, "
        "municipal tax rate 22.5 % (within the 21–22.5 % of many small municipalities, SCB), grants and equalisation high for a sparsely "
        "populated municipality; other costs chosen so the base year shows a surplus of about 1 % of tax and grants (keep-all, bas, with the engine at the time of writing)."
    ),
)

SPECS = {s.key: s for s in (RAGUNDA, ALVDALEN)}


# ---------------------------------------------------------------------------
# Areas: polygons, population and where people live
# ---------------------------------------------------------------------------
@dataclass
class Areas:
    rings: dict[str, list[list[float]]]  # DeSO → outer ring [lat, lon]
    bands: dict[str, list[float]]  # DeSO → 17 five-year bands (both sexes), base year
    single: dict[str, np.ndarray]  # DeSO → persons by single year 0–100, base year (E)
    bands_by_sex: dict[str, dict[str, list[float]]]  # DeSO → {"m": …, "f": …} where known
    points: dict[str, tuple[float, float]]  # DeSO → where its people live
    point_notes: dict[str, str]
    cells: pd.DataFrame | None  # the 1 km grid: desokod, lat, lon, persons
    band_year: int
    total_2024: float | None = None  # SCB geodata's DeSO population 2024, where the grid is used


def ragunda_areas(public: Path, spec: Spec, unit_points: list[tuple[float, float]]) -> Areas:
    doc = json.loads((public / "scb" / "deso2025_per_kommun" / f"{spec.code}.json").read_text(encoding="utf-8"))
    rings, bands, by_sex, points, notes = {}, {}, {}, {}, {}
    for area in sorted(doc["areas"], key=lambda a: a["name"]):
        deso = area["name"]
        rings[deso] = max(area["rings"], key=len)
        m, f = area["dist"]["age"]["m"], area["dist"]["age"]["f"]
        by_sex[deso] = {"m": m, "f": f}
        bands[deso] = [float(a + b) for a, b in zip(m, f, strict=True)]
    # The year groups' sizes inside the bands: the municipality's pupils per grade in the autumn
    # of the bands' year (grade g = age g + 6 on 31 December)
    # and, before school age, Kolada's births (N01804) of each year
    cohorts = np.fmax(
        pupils_by_age(pupils_all_schools_2025(public, spec.code)),
        births_by_age(kolada(public, "n01804", spec.code), BASE_YEAR),
    )
    single = {deso: spread_bands(b, cohorts) for deso, b in bands.items()}
    for deso in rings:
        mine = [p for p in unit_points if _area_of(p, rings) == deso]
        if mine:
            points[deso] = (float(np.mean([p[0] for p in mine])), float(np.mean([p[1] for p in mine])))
            notes[deso] = "the mean of its schools' and preschools' coordinates (its main village)"
        else:
            _, lat, lon = ring_area_centroid(rings[deso])
            points[deso] = (lat, lon)
            notes[deso] = (
                "the polygon's centre (E): no school or preschool and no grid in the public files; its people "
                "live spread out, so its distances are rough"
            )
    return Areas(rings, bands, single, by_sex, points, notes, None, BASE_YEAR)


def dalarna_areas(public: Path, spec: Spec) -> Areas:
    doc = json.loads((public / "scb" / "deso2025_dalarna.geojson").read_text(encoding="utf-8"))
    rings, total_2024 = {}, 0.0
    for feature in doc["features"]:
        props = feature["properties"]
        if props["kommunkod"] != spec.code:
            continue
        total_2024 += float(props["befolkning_2024"])
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        outer = max((p[0] for p in polygons), key=len)
        rings[props["desokod"]] = [[lat, lon] for lon, lat in outer]
    rings = dict(sorted(rings.items()))
    grid = pd.read_csv(
        public / "scb" / "befolkning_1km_2025_dalarna.csv", encoding="utf-8-sig", dtype={"kommunkod": str}
    )
    grid = grid[(grid["kommunkod"].str.zfill(4) == spec.code) & (grid["befolkning_2025"] > 0)]
    cells = (
        pd.DataFrame(
            {"desokod": grid["desokod"], "lat": grid["lat"], "lon": grid["lon"], "persons": grid["befolkning_2025"]}
        )
        .sort_values(["desokod", "lat", "lon"])
        .reset_index(drop=True)
    )
    ages = pd.read_csv(public / "scb" / "deso2018_alder5_2022.csv")
    ages = ages[ages["deso"].str.startswith(spec.code)].set_index("deso")
    # 31 Dec 2022 by single year (year groups shaped by the pupils per grade in autumn 2022),
    # aged to 31 Dec 2025 with the national death risks, then 0–64 and 65+ scaled to the grid's 2025 counts
    # (before school age by Kolada's births of each year)
    cohorts = np.fmax(
        pupils_by_age(pupils_in_municipality(public, spec.code, 2022)),
        births_by_age(kolada(public, "n01804", spec.code), 2022),
    )
    bands, single, published, points, notes = {}, {}, {}, {}, {}
    migration = national_demography()["migration_profile"].astype(float).to_numpy()
    for deso in rings:
        published[deso] = {"total": [float(v) for v in ages.loc[deso].iloc[1:]]}
        mine = cells[cells["desokod"] == deso]
        total = float(mine["persons"].sum())
        aged_65 = float(grid.loc[grid["desokod"] == deso, "befolkning_65_plus_2025"].sum())
        then = spread_bands([float(v) for v in ages.loc[deso].iloc[1:]], cohorts)
        single[deso] = anchor(age_on(then, BASE_YEAR - 2022), total, aged_65, migration)
        bands[deso] = to_bands(single[deso])
        w = mine["persons"] / total
        points[deso] = (float((mine["lat"] * w).sum()), float((mine["lon"] * w).sum()))
        notes[deso] = f"population-weighted centre of its {len(mine)} inhabited 1 km cells (SCB 2025)"
    return Areas(rings, bands, single, published, points, notes, cells, 2022, total_2024)


def _area_of(point: tuple[float, float], rings: dict[str, list[list[float]]]) -> str | None:
    """The smallest area whose polygon holds the point (simplified DeSO polygons overlap a
    little, and a town's DeSO lies inside its surrounding one without a hole)."""
    holding = [d for d, r in rings.items() if inside(point[0], point[1], r)]
    return min(holding, key=lambda d: ring_area_centroid(rings[d])[0]) if holding else None


def _nearest_area(point: tuple[float, float], areas: Areas) -> str:
    found = _area_of(point, areas.rings)
    if found:
        return found
    return min(areas.points, key=lambda d: float(haversine_km(*point, *areas.points[d])))


# ---------------------------------------------------------------------------
# Building one folder
# ---------------------------------------------------------------------------
def _fmt(value: float, decimals: int = 0) -> str:
    """A number in the README's English: 12 250, 1.5, −3.5."""
    return f"{value:,.{decimals}f}".replace(",", " ").replace("-", "−")


def _sv(value: float, decimals: int = 0) -> str:
    """A number in a Swedish text: 12 250, 1,5, −3,5."""
    return _fmt(value, decimals).replace(".", ",")


def _round_to(value: float, step: int) -> int:
    return int(round(value / step) * step)


@dataclass
class Built:
    files: dict[str, str]
    facts: dict[str, object]


def build(spec: Spec, public: Path) -> Built:
    facts: dict[str, object] = {}
    # Schools and their pupils ---------------------------------------------------------
    grades_of = pupils_per_grade(public, spec.code)
    coords = school_coordinates(public)
    pre = preschools(public, spec.code).set_index("skolverkets_id")
    school_points: dict[str, tuple[float, float]] = {}
    for s in spec.schools:
        school_points[s.unit_id] = s.latlon or coords.get(s.code) or (0.0, 0.0)
    pre_points: dict[str, tuple[float, float]] = {}
    for p in spec.preschools:
        row = pre.loc[p.skolverket_id]
        if not pd.isna(row["Latitud"]):
            pre_points[p.unit_id] = (float(row["Latitud"]), float(row["Longitud"]))
        elif p.latlon:
            pre_points[p.unit_id] = p.latlon

    if spec.key == "ragunda":
        areas = ragunda_areas(public, spec, [*school_points.values(), *pre_points.values()])
    else:
        areas = dalarna_areas(public, spec)
        # Strandskolan: the most populated cell within 5 km of Idre's preschool
        idre = (float(pre.loc["320293", "Latitud"]), float(pre.loc["320293", "Longitud"]))
        near = areas.cells[haversine_km(idre[0], idre[1], areas.cells["lat"], areas.cells["lon"]) < 5]
        best = near.sort_values(["persons", "lat"], ascending=[False, True]).iloc[0]
        school_points["S-STRAND"] = (round(float(best["lat"]), 5), round(float(best["lon"]), 5))
        pre_points["F-HOGHOL"] = school_points["S-ALVDALS"]

    # areas.csv, population.csv, areas.geojson ------------------------------------------
    area_rows, pop_rows, features = [], [], []
    inhabitants = 0.0
    for deso, ring in areas.rings.items():
        lat, lon = areas.points[deso]
        area_rows.append(f"{deso},{spec.area_names[deso]},{lat:.5f},{lon:.5f}")
        persons = to_hundredths(areas.single[deso])
        inhabitants += persons.sum()
        pop_rows += [f"{deso},{age},{n:.2f}".replace(".00", "") for age, n in enumerate(persons)]
        simple = simplify(ring, 0.0015 if spec.key == "ragunda" else 0.004)
        features.append(
            {
                "type": "Feature",
                "properties": {"area_id": deso, "name": spec.area_names[deso]},
                "geometry": {"type": "Polygon", "coordinates": [[[lo, la] for la, lo in simple]]},
            }
        )
    facts["inhabitants"] = round(inhabitants)
    facts["bands"] = areas.bands
    # Units ----------------------------------------------------------------------------
    costs = school_costs(public, spec.code)
    enrol_rows, unit_rows, school_facts = [], [], []
    people = sum(areas.single[deso] for deso in areas.rings)
    unit_points: dict[str, tuple[float, float]] = {}
    for s in spec.schools:
        name, grades = grades_of[s.code]
        pupils = [0.0] * 10
        for g in range(1, 10):
            if s.grades[0] <= g <= s.grades[1]:
                pupils[g] = grades[g - 1] or 0.0
        if s.grades[0] == 0:
            # förskoleklass: the same share of the 6-year-olds as grade 1 has of the 7-year-olds (E)
            pupils[0] = float(round(pupils[1] * people[6] / people[7]))
        total = sum(pupils)
        premises = _round_to(costs["Lokaler per elev"] * total, 10000)
        fixed = _round_to(costs["Övrigt per elev"] * total, 10000)
        capacity = int(math.ceil(total * 1.2 / 5) * 5)
        lat, lon = school_points[s.unit_id]
        unit_points[s.unit_id] = (lat, lon)
        area = _nearest_area((lat, lon), areas)
        unit_rows.append(
            [
                s.unit_id,
                name,
                "grundskola",
                area,
                f"{lat:.5f}",
                f"{lon:.5f}",
                capacity,
                s.grades[0],
                s.grades[1],
                _round_to(premises / 1400, 10),
                premises,
                fixed,
            ]
        )
        enrol_rows += [f"{s.unit_id},{g},{int(n)}" for g, n in enumerate(pupils) if s.grades[0] <= g <= s.grades[1]]
        school_facts.append(
            {
                "unit": s.unit_id,
                "name": name,
                "place": s.place,
                "grades": s.grades,
                "pupils": int(total),
                "pupils_1_9": int(total - pupils[0]),
                "f": int(pupils[0]),
                "capacity": capacity,
                "premises": premises,
                "fixed": fixed,
                "note": s.coordinate_note,
                "area": area,
                "by_grade": [int(v) for v in pupils],
            }
        )
    facts["schools"] = school_facts
    facts["people"] = people
    by_grade = [sum(s["by_grade"][g] for s in school_facts) for g in range(10)]
    facts["beyond_residents"] = [
        (g, by_grade[g], float(people[g + 6])) for g in range(10) if by_grade[g] > people[g + 6]
    ]
    facts["school_costs"] = costs

    n11008 = kolada(public, "n11008", spec.code)[KOLADA_YEAR]
    engine_per_child = 560000 / 5.2 + 15000  # the engine's staff cost / children per FTE + per-child cost
    pre_facts = []
    for p in spec.preschools:
        row = pre.loc[p.skolverket_id]
        children, groups = int(row["Antal barn"]), int(row["Antal barngrupper"])
        capacity = max(children, groups * 15)
        floor = capacity * 10
        premises = floor * 1500
        fixed = max(0, _round_to((n11008 - engine_per_child) * children - premises, 10000))
        lat, lon = pre_points[p.unit_id]
        area = _nearest_area((lat, lon), areas)
        name = str(row["Namn"]).strip()
        unit_rows.append(
            [p.unit_id, name, "forskola", area, f"{lat:.5f}", f"{lon:.5f}", capacity, "", "", floor, premises, fixed]
        )
        pre_facts.append(
            {
                "unit": p.unit_id,
                "name": name,
                "children": children,
                "groups": groups,
                "capacity": capacity,
                "premises": premises,
                "fixed": fixed,
                "note": p.coordinate_note,
                "organiser": str(row["Huvudman"]),
                "address": str(row["Adress"]),
                "area": area,
            }
        )
    facts["preschools"] = pre_facts

    residents = kolada(public, "n23805", spec.code)[KOLADA_YEAR]
    per_resident = kolada(public, "n23009", spec.code)[KOLADA_YEAR]
    places = round(residents)
    floor = places * 58
    premises = floor * 1650
    fixed = max(0, _round_to((per_resident - 850000) * places - premises, 10000))
    lat, lon = areas.points[spec.care_home_area]
    unit_rows.append(
        [
            "AB-1",
            spec.care_home_name,
            "aldreboende",
            spec.care_home_area,
            f"{lat:.5f}",
            f"{lon:.5f}",
            places,
            "",
            "",
            floor,
            premises,
            fixed,
        ]
    )
    facts["care"] = {
        "places": places,
        "residents": residents,
        "per_resident": per_resident,
        "premises": premises,
        "fixed": fixed,
        "share80": kolada(public, "n23801", spec.code)[KOLADA_YEAR],
    }
    facts["care"]["factor"], facts["care"]["rates"] = care_rates(people, residents)
    units_csv = "unit_id,name,service,area_id,lat,lon,capacity,grade_min,grade_max,floor_area_m2,premises_cost_sek,fixed_cost_sek\n"
    units_csv += "".join(",".join(str(v) for v in r) + "\n" for r in unit_rows)
    all_points = {r[0]: (float(r[4]), float(r[5])) for r in unit_rows}

    # distances.csv from the 1 km grid -------------------------------------------------------
    distances_csv = None
    if areas.cells is not None:
        lines = ["area_id,unit_id,km,minutes"]
        for deso in areas.rings:
            mine = areas.cells[areas.cells["desokod"] == deso]
            w = mine["persons"] / mine["persons"].sum()
            for unit_id, (ulat, ulon) in all_points.items():
                km = float((haversine_km(mine["lat"], mine["lon"], ulat, ulon) * w).sum()) * DETOUR
                km = max(km, 0.5)
                lines.append(f"{deso},{unit_id},{km:.1f},{round(km / SPEED_KMH * 60)}")
        distances_csv = "\n".join(lines) + "\n"

    # demography and scenarios -----------------------------------------------------------
    demography = national_demography()
    fert = demography["fertility_share"].astype(float).to_numpy()
    population = np.zeros(MAX_AGE + 1)
    for deso in areas.rings:
        population += areas.single[deso]
    years = range(2018, 2023)
    births = np.mean([kolada(public, "n01804", spec.code)[y] for y in range(2020, 2023)])  # births fall: the last three
    deaths = np.mean([kolada(public, "n01805", spec.code)[y] for y in years])
    inh = np.mean([kolada(public, "n01951", spec.code)[y] for y in years])
    domestic = np.mean([kolada(public, "n01964", spec.code)[y] for y in years])
    abroad = np.mean([kolada(public, "n01806", spec.code)[y] for y in years])
    tfr = round(float(births / (0.5 * population * fert).sum()), 2)
    net = round((domestic + abroad) / inh * 1000 * 2) / 2
    facts.update(births=births, deaths=deaths, tfr=tfr, net=net, domestic=domestic, abroad=abroad)
    scenarios = _scenarios_toml(spec, tfr, net, births, deaths, domestic, abroad)

    files = {
        "municipality.toml": _municipality_toml(spec, costs, facts["care"]),
        "areas.csv": "area_id,name,lat,lon\n" + "\n".join(area_rows) + "\n",
        "population.csv": "area_id,age,persons\n" + "\n".join(pop_rows) + "\n",
        "demography.csv": demography.to_csv(index=False, lineterminator="\n"),
        "units.csv": units_csv,
        "enrollment.csv": "unit_id,grade,pupils\n" + "\n".join(enrol_rows) + "\n",
        "scenarios.toml": scenarios,
        "alternatives.toml": _alternatives_toml(spec, unit_rows),
        "population_bands.csv": _bands_csv(areas),
        "areas.geojson": json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False) + "\n",
    }
    if distances_csv:
        files["distances.csv"] = distances_csv
    teaching = fit_other_teaching(files, costs["Undervisning per elev"])
    facts["teaching"] = teaching
    files["municipality.toml"] = _municipality_toml(spec, costs, facts["care"], teaching)
    facts["kolada"] = {
        k: kolada(public, k, spec.code).get(KOLADA_YEAR)
        for k in ("n15027", "n11008", "n23009", "n23805", "n23801", "n01951", "n01813", "n01953")
    }
    facts["areas"] = areas
    facts["births"] = kolada(public, "n01804", spec.code)
    files["README.md"] = readme(spec, facts, files)
    return Built(files, facts)


def _bands_csv(areas: Areas) -> str:
    """The published five-year bands the single years were estimated from, as SCB gives them."""
    lines = ["area_id,year,sex,age_from,age_to,persons"]
    for deso, by_sex in areas.bands_by_sex.items():
        for sex, values in by_sex.items():
            for (lo, hi), n in zip(BANDS, values, strict=True):
                lines.append(f"{deso},{areas.band_year},{sex},{lo},{hi if hi < MAX_AGE else ''},{n:.0f}")
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    return "\n".join(f"# {line}" for line in textwrap.wrap(text, 86))


def fit_other_teaching(files: dict[str, str], official_per_pupil: float) -> dict[str, float]:
    """Other teaching per pupil so that the base year's teaching cost per pupil equals Skolverket's.

    With the model's base-year class teachers T (kr) and pupils n::

        other_teaching = max(0, official_per_pupil − T / n)        [kr per pupil]

    so that (T + n × other_teaching) / n = official_per_pupil. T comes from the engine itself
    (keep-all, bas, base year) with other teaching set to 0, so the fit follows the class model.
    """
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            (Path(tmp) / name).write_text(text, encoding="utf-8", newline="\n")
        ds = load_dataset(tmp)
        first = evaluate(ds, "bas", "keep-all", {"other_teaching_cost_per_pupil_sek": 0}, years=1).years.iloc[0]
    teachers = float(first["teaching_cost_sek"]) / float(first["pupils"])
    return {
        "value": max(0.0, _round_to(official_per_pupil - teachers, 100)),
        "teachers_per_pupil": teachers,
        "pupils": float(first["pupils"]),
        "fte": float(first["teachers_fte"]),
    }


def _municipality_toml(spec: Spec, costs: dict[str, float], care: dict, teaching: dict | None = None) -> str:
    rates = "\n".join(f"{name} = {value}" for name, value in care["rates"].items())
    per_pupil = round(costs["Måltider per elev"] + costs["Lärverktyg per elev"] + costs["Elevhälsa per elev"])
    e = spec.economy
    skolverket = f"Skolverket, Kostnader per kommun {SKOLVERKET_COST_YEAR}, kommunala skolor"
    teaching_line, teaching_source = "", ""
    if teaching is not None:
        teaching_line = (
            _comment(
                f"Teaching beyond the class model's teachers, fitted so that the base year's teaching per pupil "
                f"is Skolverket's {_fmt(costs['Undervisning per elev'])} kr ({SKOLVERKET_COST_YEAR}): the model's "
                f"{_fmt(teaching['fte'], 1)} teachers cost {_fmt(teaching['teachers_per_pupil'])} kr per pupil "
                f"({_fmt(teaching['pupils'])} pupils), the rest is this (S, fitted)."
            )
            + f"\nother_teaching_cost_per_pupil_sek = {teaching['value']:.0f}\n\n"
        )
        teaching_source = (
            f'other_teaching_cost_per_pupil_sek = "{skolverket}: undervisning {_sv(costs["Undervisning per elev"])} kr '
            f"per elev − modellens lärare {_sv(teaching['teachers_per_pupil'])} kr per elev (basåret "
            f'{BASE_YEAR})"\n'
        )
    care_source = (
        f"Kolada N23805 {KOLADA_YEAR}: {_sv(care['residents'], 1)} brukare 65+ i särskilt boende; motorns andelar "
        f"× {_sv(care['factor'], 2)} så att basåret behöver lika många platser"
    )
    calibration = (
        "\n[calibration]\n# Where each fitted value above comes from (shown on the page Jämfört med officiell statistik).\n"
        + teaching_source
        + f'cost_per_pupil_sek = "{skolverket}: måltider {_sv(costs["Måltider per elev"])} + lärverktyg '
        f'{_sv(costs["Lärverktyg per elev"])} + elevhälsa {_sv(costs["Elevhälsa per elev"])} kr per elev"\n'
        + "".join(f'{name} = "{care_source}"\n' for name in care["rates"])
    )
    return f"""\
# {spec.name}: built by tools/build_municipality.py from public statistics (see README.md).
name = "{spec.name}"
code = "{spec.code}"
base_year = {BASE_YEAR}

[parameters]
# Meals, learning materials and pupil health per pupil in the municipality's own
# schools, Skolverket "Kostnader per kommun" {SKOLVERKET_COST_YEAR}:
# {_fmt(costs["Måltider per elev"])} + {_fmt(costs["Lärverktyg per elev"])} + {
        _fmt(costs["Elevhälsa per elev"])
    } kr (S).
cost_per_pupil_sek = {per_pupil}

{teaching_line}{
        _comment(
            f"Residential elderly care: the engine's rates (1 %, 8 %, 27 % of 65–79, 80–89, 90+) × "
            f"{care['factor']:.2f}, so that the base year needs {_fmt(care['residents'], 1)} places, the residents "
            f"65+ Kolada counts (N23805 {KOLADA_YEAR}) (E)."
        )
    }
{rates}

{_comment(spec.economy_note)}
tax_base_per_inhabitant_sek = {e["tax_base_per_inhabitant_sek"]:.0f}
tax_rate = {e["tax_rate"]}
grants_per_inhabitant_sek = {e["grants_per_inhabitant_sek"]:.0f}
other_costs_per_inhabitant_sek = {e["other_costs_per_inhabitant_sek"]:.0f}
{calibration}"""


def _scenarios_toml(spec, tfr, net, births, deaths, domestic, abroad) -> str:
    return (
        f"# Scenarios for {spec.name} (built by tools/build_municipality.py).\n"
        f"# bas is calibrated on Kolada: {_fmt(births, 1)} births a year (2020–2022) against the\n"
        f"# base-year women (half of each age) × fertility_share gives tfr {tfr:.2f}; net migration\n"
        f"# ({_fmt(domestic, 1)} domestic {_fmt(abroad, 1)} abroad a year) per 1 000 inhabitants gives {net:.1f}.\n"
    ) + "".join(
        f'\n[[scenario]]\nid = "{d.id}"\nname = "{d.name}"\ndescription = "{d.description}"\n'
        f"tfr = {d.tfr:.2f}\nnet_migration_per_1000 = {d.net_migration_per_1000:.1f}\nmortality_change = {d.mortality_change}\n"
        for d in trend_scenarios(tfr, net)
    )


def _alternatives_toml(spec: Spec, unit_rows: list[list]) -> str:
    rows = {r[0]: r for r in unit_rows}
    out = [
        f"# Alternatives for {spec.name} (built by tools/build_municipality.py): choices that local",
        "# debate weighs, named neutrally. keep-all is the baseline 'if we do not act'.",
        "",
        "[[alternative]]",
        'id = "keep-all"',
        'name = "Behåll alla skolor"',
        'description = "Alla skolor och förskolor finns kvar som i dag."',
    ]
    for alt in spec.alternatives:
        out += [
            "",
            "[[alternative]]",
            f'id = "{alt["id"]}"',
            f'name = "{alt["name"]}"',
            f'description = "{alt["description"]}"',
        ]
        for action in alt["actions"]:
            action = dict(action)
            if action["action"] == "build" and "from" in action:
                src = rows[action.pop("from")]
                share = action.pop("share")
                lat, lon = src[4], src[5]
                action.update(
                    lat=float(lat),
                    lon=float(lon),
                    capacity=int(round(src[6] * share / 5) * 5),
                    floor_area_m2=_round_to(src[9] * share, 10),
                    premises_cost_sek=_round_to(src[10] * share, 10000),
                    fixed_cost_sek=_round_to(src[11] * share, 10000),
                )
            out += ["", "[[alternative.action]]"]
            for key, value in action.items():
                out.append(f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value}")
    return "\n".join(out) + "\n"


def _beyond_note(beyond: list[tuple[int, int, float]], births: dict[int, float], aged: bool) -> list[str]:
    """Grades with more pupils in the schools than the dataset has inhabitants of that age, with
    the children born in the municipality that year (Kolada N01804) where the dump has them."""
    if not beyond:
        return []

    def born(g: int) -> str:
        year = BASE_YEAR - 6 - g
        return f", {_fmt(births[year])} born here in {year}" if year in births else ""

    grades = ", ".join(f"{'F' if g == 0 else g} ({n} pupils, {_fmt(p)} aged {g + 6}{born(g)})" for g, n, p in beyond)
    missing = sum(n - p for _, n, p in beyond)
    why = (
        "the year groups are 2022's aged three years with net migration at the national profile (above), so "
        "families who moved in since with children of these ages are not all in them, and the schools also teach "
        "children registered elsewhere"
        if aged
        else "the schools also teach children registered elsewhere, and the ages are estimated (above)"
    )
    return [
        f"* **More pupils than children of that age** in grades {grades}: {why}. The engine takes the share of "
        "each age in the municipality's schools from `enrollment.csv`, capped at 100 %, so its base year has about "
        f"{_fmt(missing)} pupils fewer than Skolverket's count; `validate` names these grades."
    ]


def _numeric(rows: list[list[object]], column: int) -> bool:
    """Whether every cell of a column is a number (so it is right-aligned)."""
    return all(str(row[column]).replace(" ", "").replace(".", "").replace("−", "").isdigit() for row in rows)


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---:" if _numeric(rows, i) else "---" for i in range(len(header))) + "|",
    ]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def readme(spec: Spec, facts: dict, files: dict[str, str]) -> str:
    areas: Areas = facts["areas"]
    k = facts["kolada"]
    c = facts["school_costs"]
    schools = facts["schools"]
    pupils = sum(s["pupils"] for s in schools)
    pupils_19 = sum(s["pupils_1_9"] for s in schools)
    area_rows = []
    for deso in areas.rings:
        b = areas.bands[deso]
        area_rows.append(
            [
                f"`{deso}`",
                spec.area_names[deso],
                _fmt(sum(b)),
                _fmt(areas.single[deso][6:16].sum()),
                _fmt(sum(b[13:])),
                areas.point_notes[deso],
            ]
        )
    school_rows = [
        [
            f"`{s['unit']}`",
            s["name"],
            s["place"],
            f"{'F' if s['grades'][0] == 0 else s['grades'][0]}–{s['grades'][1]}",
            s["pupils_1_9"],
            s["f"],
            s["capacity"],
            _fmt(s["premises"] / 1e6, 2),
            _fmt(s["fixed"] / 1e6, 2),
            s["note"] or "Skolverket",
        ]
        for s in schools
    ]
    pre_rows = [
        [
            f"`{p['unit']}`",
            p["name"],
            p["organiser"],
            p["children"],
            p["groups"],
            p["capacity"],
            _fmt(p["fixed"] / 1e6, 2),
            p["note"] or "Skolverket (geocoded)",
        ]
        for p in facts["preschools"]
    ]
    care = facts["care"]
    band_source = (
        "SCB DeSO 2025, population 2025 by five-year band and sex (TAB6574)"
        if spec.key == "ragunda"
        else "SCB DeSO, population 31 Dec 2022 by five-year band (the 2018 division; Älvdalen's five DeSO codes are "
        "the same in 2025), spread over single years (below), aged three years to 31 Dec 2025 with the national "
        "death risks (ages 0–2: those of 2022 stand in for the children born since), then ages 65+ scaled to the "
        "DeSO's persons 65+ in SCB's 1 km grid 2025, and the rest of its grid total reached by net migration placed "
        "over ages 0–64 as the national migration profile in `demography.csv` places movers, mostly aged 19–26 (E)"
    )
    if areas.total_2024:
        band_source += (
            f". The grid's 2025 total, {_fmt(facts['inhabitants'])}, is {_fmt(areas.total_2024 - facts['inhabitants'])} "
            f"below the DeSO populations of 2024 in SCB's geodata ({_fmt(areas.total_2024)}): a year of decline, "
            "people without a known address and SCB's noise"
        )
    alt_rows = [[f"`{a['id']}`", a["name"], a["description"]] for a in spec.alternatives]
    parts = [
        f"# {spec.name} ({spec.code}), {spec.county}: a real municipality from public statistics",
        "",
        "Built by [`tools/build_municipality.py`](../../tools/build_municipality.py) from the public exports "
        "of SCB, Skolverket and Kolada kept in `shared/data/public` (a snapshot; see its README). Do not edit "
        "these files by hand: change the script and run",
        "",
        "```",
        f"python tools/build_municipality.py {spec.key}    # reads ../shared/data/public; --public DIR for another copy",
        f"python -m engine validate data/{spec.key}",
        "```",
        "",
        f"Open it in the dashboard with the municipality picker in the sidebar, or `?data={spec.key}` in the link.",
        "",
        "Tags: **S** taken from an official source as it is, **E** an estimate, made as described. "
        "Figures from 2025 carry SCB's deliberate small noise, so parts need not add up exactly.",
        "",
        "## Headline numbers (base year 2025)",
        "",
        _table(
            ["", "this dataset", "official figure to check against"],
            [
                ["inhabitants", _fmt(facts["inhabitants"]), f"Kolada N01951 {KOLADA_YEAR}: {_fmt(k['n01951'])}"],
                [
                    "pupils in municipal schools, grades 1–9 (2025/26)",
                    _fmt(pupils_19),
                    "Skolverket, per school unit (S)",
                ],
                [
                    "pupils including förskoleklass",
                    _fmt(pupils),
                    f"Skolverket {SKOLVERKET_COST_YEAR}: on average {_fmt(c['Genomsnittligt elevantal'])} pupils (F–9)",
                ],
                ["school units", len(schools), "Skolverket 2025/26, municipal"],
                [
                    "cost per pupil, municipal schools",
                    "run `python -m engine evaluate`",
                    f"Skolverket {SKOLVERKET_COST_YEAR}: {_fmt(c['Totalt per elev'])} kr; Kolada N15027 {KOLADA_YEAR}: {_fmt(k['n15027'])} kr",
                ],
                [
                    "preschool children",
                    sum(p["children"] for p in facts["preschools"]),
                    f"Kolada N11008 {KOLADA_YEAR}: {_fmt(k['n11008'])} kr per child",
                ],
                [
                    "care-home places",
                    care["places"],
                    f"Kolada N23805 {KOLADA_YEAR}: {_fmt(care['residents'], 1)} residents 65+; N23801: {_fmt(care['share80'], 1)} % of 80+",
                ],
            ],
        ),
        "",
        "## Files, sources and licences",
        "",
        "SCB's and Skolverket's data are published under CC0. Kolada's may be used freely with the "
        "attribution *Källa: Kolada*; the calculations here are ours, not Kolada's.",
        "",
        _table(
            ["file", "what", "source", "tag"],
            [
                [
                    "`municipality.toml`",
                    "name, code, base year; cost per pupil for meals, materials and pupil health; the economy",
                    f"Skolverket Kostnader per kommun {SKOLVERKET_COST_YEAR} (S); economy (E, below)",
                    "S/E",
                ],
                [
                    "`areas.csv`",
                    f"the {len(areas.rings)} DeSO 2025 areas and the point where their people live",
                    "SCB DeSO 2025 (codes, names from SCB's DeSO–RegSO key), points as in the table below",
                    "S/E",
                ],
                [
                    "`areas.geojson`",
                    "the areas' polygons (simplified to ≈ 100–400 m, WGS84), for maps",
                    "SCB geodata DeSO 2025",
                    "S",
                ],
                [
                    "`population.csv`",
                    "persons by area and single year of age",
                    band_source + "; single years estimated (below)",
                    "S/E",
                ],
                [
                    "`population_bands.csv`",
                    "the published five-year bands `population.csv` is estimated from (not read by the engine; "
                    "`age_to` empty = and older)",
                    (
                        "SCB DeSO 2025, by sex (`m`, `f`), 2025"
                        if spec.key == "ragunda"
                        else "SCB DeSO, both sexes (`total`), 31 Dec 2022"
                    ),
                    "S",
                ],
                [
                    "`demography.csv`",
                    "fertility shares, death risks, migration profile by age",
                    "national shapes, as in `data/demo` (SCB life table 2023, fitted)",
                    "E",
                ],
                [
                    "`units.csv`",
                    "schools, preschools and one estimated care home",
                    "Skolverket (schools, pupils, coordinates), Skolverket's preschool statistics (geocoded), Kolada (care home); capacities and costs (E, below)",
                    "S/E",
                ],
                [
                    "`enrollment.csv`",
                    "pupils per school and grade 2025/26",
                    "Skolverket *Antal elever per årskurs, skolnivå* 2025/26; förskoleklass (E)",
                    "S/E",
                ],
                *(
                    [
                        [
                            "`distances.csv`",
                            "km and minutes from every area to every unit",
                            "SCB 1 km grid 2025: the population-weighted mean straight-line distance from the area's inhabited cells × 1,3 (the engine's detour factor), minutes at 60 km/h",
                            "E",
                        ]
                    ]
                    if "distances.csv" in files
                    else []
                ),
                [
                    "`scenarios.toml`",
                    "three scenarios; `bas` calibrated on the last five years",
                    "Kolada N01804 births 2020–2022, N01805 deaths, N01964 and N01806 migration, N01951 inhabitants, 2018–2022",
                    "S/E",
                ],
                ["`alternatives.toml`", "the alternatives below", "written for this dataset", "—"],
            ],
        ),
        "",
        "## Areas",
        "",
        _table(
            ["area", "name", "inhabitants", "ages 6–15 (E)", "65+", "where its people live (the area's point)"],
            area_rows,
        ),
        "",
        "**Single years of age (E).** SCB publishes five-year bands (0–4 … 75–79, 80+). Inside a band the year "
        f"groups take the sizes counted for them where there is a count: pupils per grade 1–9 in all the "
        f"municipality's schools in the autumn of {areas.band_year} (grade g = age g + 6 on 31 December; Skolverket) "
        "and, before school age, the children born each year (Kolada N01804). The counts give only the shape: "
        "the band's total stays SCB's, and its ages without a count keep the share of a straight line through "
        "the mean levels of the neighbouring bands. 80+ is spread over 80–100 as the national survival curve "
        "falls. Persons are kept to hundredths.",
        "",
        f"**Checked against Kolada** (page *Jämfört med officiell statistik*): 80 and older are "
        f"{_fmt(100 * facts['people'][80:].sum() / facts['people'].sum(), 1)} % of the inhabitants in {BASE_YEAR}, "
        f"Kolada's N01813 {_fmt(k['n01813'], 1)} % in {KOLADA_YEAR}, three years earlier, while the large cohorts "
        f"born in the 1940s turn 80; 6–15-year-olds {_fmt(facts['people'][6:16].sum())} against Kolada's N01953 "
        f"{_fmt(k['n01953'])} in {KOLADA_YEAR}.",
        "",
        "## Schools (grundskola)",
        "",
        _table(
            [
                "unit",
                "school",
                "where",
                "grades",
                "pupils 1–9",
                "förskoleklass (E)",
                "capacity (E)",
                "premises mnkr (E)",
                "fixed mnkr (E)",
                "coordinates",
            ],
            school_rows,
        ),
        "",
        "* **Pupils** per grade 1–9 are Skolverket's for 2025/26 (S); a grade shown as `.` (no pupils reported) is "
        "taken as not taught there. **Förskoleklass** is not in the file: each school teaching grade 1 gets the "
        "same share of the 6-year-olds as its grade 1 has of the 7-year-olds, pupils in grade 1 × persons aged 6 / "
        "persons aged 7 in the municipality, rounded (E).",
        f"* **Premises** = Skolverket's premises cost per pupil in the municipality's schools ({_fmt(c['Lokaler per elev'])} kr, "
        f"{SKOLVERKET_COST_YEAR}) × the school's pupils; floor area = premises / 1 400 kr per m² (E). **Fixed costs** = "
        f"Skolverket's *övrigt* per pupil ({_fmt(c['Övrigt per elev'])} kr: management, administration and the rest) × pupils (E). "
        "**Capacity** = today's pupils + 20 %, rounded up to 5 (E; no register of school places is public).",
        f"* Meals, materials and pupil health are `cost_per_pupil_sek` in `municipality.toml` (S). **Teaching** is "
        f"the engine's class and teacher model ({_fmt(facts['teaching']['fte'], 1)} teachers at the default cost, "
        f"{_fmt(facts['teaching']['teachers_per_pupil'])} kr per pupil) plus `other_teaching_cost_per_pupil_sek` = "
        f"{_fmt(facts['teaching']['value'])} kr, fitted so that teaching per pupil is Skolverket's "
        f"{_fmt(c['Undervisning per elev'])} kr (S, fitted; `[calibration]` in `municipality.toml` says so, and the "
        "page *Jämfört med officiell statistik* shows the base year beside the official figures).",
        *_beyond_note(facts["beyond_residents"], facts["births"], areas.band_year < BASE_YEAR),
        "",
        "## Preschools (förskola)",
        "",
        _table(
            ["unit", "preschool", "organiser", "children", "groups", "capacity (E)", "fixed mnkr (E)", "coordinates"],
            pre_rows,
        ),
        "",
        f"Children, groups and coordinates are Skolverket's preschool statistics, geocoded (S). Capacity = groups × 15 "
        f"(Skolverket's average group size), at least today's children (E); floor area 10 m² per place at 1 500 kr per m² (E). "
        f"Fixed costs are set so that the base year's cost per child equals Kolada N11008 {KOLADA_YEAR} "
        f"({_fmt(k['n11008'])} kr) with the engine's staff and per-child defaults (E).",
        *[f"* {x}" for x in spec.excluded],
        "",
        "## Residential elderly care (särskilt boende) — estimated",
        "",
        f"No public register gives the care homes, their places or coordinates. The dataset has **one unit for the "
        f"whole municipality**, `AB-1`, with {care['places']} places = Kolada N23805 {KOLADA_YEAR} "
        f"({_fmt(care['residents'], 1)} residents 65+), placed at the point of {spec.area_names[spec.care_home_area]} (E). "
        f"Premises 58 m² per place at 1 650 kr per m² (E); fixed cost set so that a place costs Kolada N23009 "
        f"{KOLADA_YEAR} ({_fmt(care['per_resident'])} kr per resident) with the engine's care cost per occupied place (E). "
        f"The engine's rates of need (1 % of 65–79, 8 % of 80–89, 27 % of 90+) are scaled by {_fmt(care['factor'], 2)} "
        "in `municipality.toml`, so that the base year needs as many places as Kolada counts residents (E); the need "
        "then follows the number of old people in each scenario. Replace the unit with the real homes when you "
        "have them.",
        "",
        "## Scenarios",
        "",
        f"{spec.scenarios_note} `bas` keeps those levels: tfr {_fmt(facts['tfr'], 2)} (births / (½ × the base-year "
        f"population × `fertility_share`)) and {_fmt(facts['net'], 1)} net migrants per 1 000 a year. `stress` has 0.2 "
        "fewer children per woman and 5 per 1 000 more moving out; `stabilisering` 0.2 more children per woman, more "
        "moving in and 5 % lower death risks (E).",
        "",
        "## Alternatives",
        "",
        _table(["id", "name", "what"], alt_rows),
        "",
        *(
            [
                "A school that keeps only some grades is modelled as the old unit closing and a new unit in the same "
                "building opening with those grades and three quarters of the premises and fixed costs (E); the "
                "engine counts the old building's premises as half vacated for two years, its rule for every closed "
                "unit, which is on the cautious side. Its *pupils who change school* then count the pupils of the "
                "grades that stay too (their unit has a new id); only the pupils of the grades that move actually "
                "change building.",
                "",
            ]
            if any("from" in action for alt in spec.alternatives for action in alt["actions"])
            else []
        ),
        "## Economy (E)",
        "",
        f"{spec.economy_note} Values in `municipality.toml`. Calibrate them against the accounts before using "
        "the result for anything but the direction of change.",
        "",
        "## Not here",
        "",
        "Leisure and culture facilities, planned investments and real road distances are not in the public files. "
        "The map on *Jämför alternativ* draws each area as its polygon in `areas.geojson` (SCB's DeSO borders, simplified).",
    ]
    if spec.school_note:
        at = parts.index("## Preschools (förskola)")
        parts[at:at] = [f"* {spec.school_note}", ""]
    return "\n".join(parts) + "\n"


def write(spec: Spec, public: Path, out: Path) -> Built:
    built = build(spec, public)
    folder = out / spec.key
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in built.files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"municipalities: {', '.join(SPECS)} (default: all)")
    parser.add_argument("--public", type=Path, default=DEFAULT_PUBLIC, help="the public exports (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=REPO / "data", help="where the folders go (default: data/)")
    args = parser.parse_args(argv)
    if not (args.public / "README.md").is_file():
        print(f"no public exports at {args.public}", file=sys.stderr)
        return 2
    unknown = [n for n in args.names if n not in SPECS]
    if unknown:
        parser.error(f"unknown municipality {', '.join(unknown)}; choose from {', '.join(SPECS)}")
    for key in args.names or list(SPECS):
        built = write(SPECS[key], args.public, args.out)
        f = built.facts
        print(
            f"{key}: {f['inhabitants']} inhabitants, {sum(s['pupils'] for s in f['schools'])} pupils → {args.out / key}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
