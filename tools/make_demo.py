"""Generate the built-in demo municipality "Vålberga kommun" into data/demo/.

Vålberga is FICTIONAL. Its age structure, costs and rates are calibrated on public
Swedish figures (SCB, Skolverket, Kolada, Socialstyrelsen); see data/demo/README.md.

It writes every file of the dataset format (docs/dataset.md), the optional
facility_usage.csv and investments.csv included, and a municipality.toml whose
economy parameters are calibrated so that keep-all shows a small surplus in the
base year that turns into a growing deficit: the whole-municipality story.

The script is deterministic (fixed seed): running it twice gives identical files.

    python tools/make_demo.py            # writes data/demo/
    python tools/make_demo.py --out DIR  # writes somewhere else
    python tools/make_demo.py --summary  # also prints key numbers

Geography is written in kilometres east/north of the town centre and converted to
WGS84 degrees, so the distances are easy to read in this file.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the engine, when run as a script
from engine.sources.estimates import national_demography as make_demography
from engine.sources.estimates import round_to_total

SEED = 2099
BASE_YEAR = 2025
MAX_AGE = 100

# Town centre of Vålberga (inland Dalarna-like forest landscape; fictional).
LAT0 = 60.95
LON0 = 15.40
KM_PER_DEG_LAT = 111.2
KM_PER_DEG_LON = KM_PER_DEG_LAT * math.cos(math.radians(LAT0))

REPO = Path(__file__).resolve().parents[1]

# ---------------------------------------------------------------------------
# Planning areas: id, name, x_km (east), y_km (north), inhabitants, profile.
# Profile "town" is younger (more families, fewer 65+); "village" is older.
# Norrby is a sawmill village with younger families, so it gets the town profile.
# ---------------------------------------------------------------------------
# fmt: off
AREAS = [
    # The town of Vålberga, split into four areas.
    ("A01", "Centrum", 0.0, 0.0, 1800, "town"),
    ("A02", "Norra Åsen", 0.4, 1.4, 1300, "town"),
    ("A03", "Södra Ängen", 0.6, -1.5, 1600, "town"),
    ("A04", "Västra Hagen", -1.3, 0.3, 800, "town"),
    # Villages with a school of their own.
    ("B01", "Norrby", 2.0, 17.0, 1300, "town"),
    ("B02", "Åsby", -4.0, 11.0, 320, "village"),
    ("B03", "Lövnäs", 18.0, 12.0, 760, "village"),
    ("B04", "Sjövik", 12.0, -8.0, 1100, "village"),
    ("B05", "Backa", -14.0, -6.0, 950, "village"),
    ("B06", "Östansjö", -1.0, -12.5, 450, "village"),
    # Rural areas without a school.
    ("C01", "Myrheden", -8.0, 16.0, 450, "village"),
    ("C02", "Granberg", -9.0, -1.0, 380, "village"),
    ("C03", "Rörsjön", 22.0, -2.0, 450, "village"),
    ("C04", "Skogsbo", -20.0, 4.0, 330, "village"),
    ("C05", "Fäbodarna", 24.0, 20.0, 260, "village"),
]
# fmt: on

# Relative number of inhabitants per single year of age (per 1 000 inhabitants),
# given at anchor ages and interpolated linearly in between. Shapes follow a
# rural Swedish municipality: small young-child cohorts (smaller than older
# children, so school numbers fall), a dip at 20-35 (young adults move away),
# many 55-80 year olds.
# fmt: off
AGE_ANCHORS = {
    "town": {
        0: 8.0, 5: 8.6, 6: 9.0, 12: 10.0, 15: 10.6, 18: 10.5, 20: 9.0, 24: 8.5,
        28: 10.0, 34: 11.0, 40: 11.5, 45: 11.5, 50: 12.5, 55: 13.5, 60: 13.5,
        65: 13.0, 70: 13.5, 75: 11.5, 80: 8.5, 85: 5.5, 90: 2.6, 95: 0.8,
        99: 0.2, 100: 0.3,
    },
    "village": {
        0: 6.0, 5: 6.6, 6: 7.0, 12: 8.4, 15: 9.2, 18: 9.0, 20: 6.5, 24: 5.5,
        28: 6.5, 34: 7.5, 40: 8.5, 45: 9.5, 50: 12.5, 55: 15.5, 60: 16.5,
        65: 17.5, 70: 18.0, 75: 15.0, 80: 10.5, 85: 6.0, 90: 2.8, 95: 0.8,
        99: 0.2, 100: 0.2,
    },
}
# fmt: on
AGE_NOISE_SD = 0.10  # lognormal noise per area and age, so cohorts are not smooth

# ---------------------------------------------------------------------------
# Service units. x/y offsets (km) are relative to the area's point.
# Schools: capacity in pupils, 10-26 m2 per place, premises 1 200-1 600 kr/m2.
# ---------------------------------------------------------------------------
# fmt: off
SCHOOLS = [
    # unit_id, name, area, dx, dy, capacity, grade_min, grade_max,
    # m2 per place, premises kr per m2, fixed cost (head, admin, kitchen)
    ("S-CENTRAL", "Vålbergaskolan", "A01", 0.20, 0.20, 650, 0, 9, 12.0, 1300, 4_200_000),
    ("S-ANGEN", "Ängsskolan", "A03", 0.10, 0.20, 150, 0, 6, 14.0, 1350, 1_600_000),
    ("S-NORRBY", "Norrby skola", "B01", 0.30, -0.20, 140, 0, 6, 15.0, 1400, 1_100_000),
    ("S-ASBY", "Åsby skola", "B02", -0.25, 0.15, 50, 0, 6, 22.0, 1450, 850_000),
    ("S-LOVNAS", "Lövnäs skola", "B03", 0.20, 0.30, 75, 0, 6, 18.0, 1400, 1_050_000),
    ("S-SJOVIK", "Sjöviks skola", "B04", -0.30, 0.25, 110, 0, 6, 18.0, 1400, 1_100_000),
    ("S-BACKA", "Backa skola", "B05", 0.20, -0.30, 120, 0, 6, 17.0, 1400, 1_150_000),
    ("S-OSTANSJO", "Östansjö skola", "B06", 0.15, 0.25, 40, 0, 6, 24.0, 1500, 800_000),
]
# Share of the children of a grade's age living in a school's catchment who go to
# the municipality's own school (the rest go to independent schools or elsewhere).
# About 0.93 on average; lower in town, where independent schools are closer.
SCHOOL_SHARE = {"town": 0.91, "village": 0.96}

PRESCHOOLS = [
    # unit_id, name, area, dx, dy, capacity (children), floor m2, kr/m2, fixed
    ("F-CENTRUM", "Förskolan Solrosen", "A01", -0.30, 0.15, 100, 1000, 1500, 700_000),
    ("F-ASEN", "Förskolan Åsen", "A02", 0.20, 0.20, 75, 760, 1500, 550_000),
    ("F-ANGEN", "Förskolan Ängsbacken", "A03", -0.25, -0.10, 75, 760, 1500, 500_000),
    ("F-HAGEN", "Förskolan Hagen", "A04", 0.15, -0.25, 45, 480, 1450, 420_000),
    ("F-NORRBY", "Norrby förskola", "B01", -0.20, 0.25, 45, 480, 1400, 380_000),
    ("F-SJOVIK", "Sjöviks förskola", "B04", 0.25, 0.20, 35, 400, 1400, 350_000),
    ("F-BACKA", "Backa förskola", "B05", -0.20, 0.20, 35, 390, 1400, 350_000),
    ("F-LOVNAS", "Lövnäs förskola", "B03", -0.25, -0.15, 25, 300, 1400, 320_000),
]

ELDERLY_HOMES = [
    # unit_id, name, area, dx, dy, places, floor m2, kr/m2, fixed (management, night staff base)
    # ≈ 58 m² gross per place (apartment ≈ 35 m² plus shared space); premises
    # ≈ 100 000 kr per place and year, so that care (Kolada N23002, engine default
    # 850 000 kr) + premises + fixed ≈ 1.0 million kr per place, the national level.
    # 128 places in all: the need in 2025 is ≈ 132 (a few places are bought).
    ("AB-SOLGARDEN", "Solgården", "A01", 0.35, -0.30, 64, 3700, 1700, 3_200_000),
    ("AB-BJORKBACKEN", "Björkbacken", "B01", 0.35, 0.30, 38, 2200, 1600, 2_100_000),
    ("AB-SJOGLIMTEN", "Sjöglimten", "B04", 0.40, -0.20, 26, 1500, 1600, 1_800_000),
]

# Leisure and culture: capacity = visits per year the facility can take with its
# current opening hours (besök per år). Usage in the base year is in FACILITIES.
LEISURE = [
    ("FK-HALLEN", "Vålbergahallen (sporthall)", "A02", -0.30, -0.25, 60_000, 2600, 1100, 900_000),
    ("FK-BIBLIOTEK", "Vålberga bibliotek", "A01", 0.10, -0.35, 45_000, 900, 1400, 1_500_000),
    ("FK-KRAFTEN", "Ungdomsgården Kraften", "A01", -0.40, 0.30, 9_000, 450, 1300, 1_100_000),
    ("FK-SJOVIKHALLEN", "Sjöviks idrottshall", "B04", 0.30, -0.35, 15_000, 1100, 1100, 250_000),
    ("FK-FORUM", "Kulturhuset Forum", "A01", 0.25, 0.10, 35_000, 1500, 1200, 650_000),
]

# facility_usage.csv: base-year use of each leisure facility. ESTIMATES (E), built
# from opening hours; see data/demo/README.md for the reasoning:
# * sports halls: weekdays 08–22 and weekends 09–18 over ≈ 44 weeks ≈ 3 900 h;
#   schools book the daytime and associations ≈ 80 % of the evenings (Idan,
#   "Fremtidens Idrætsfaciliteter", 23 Danish municipalities, 2020), ≈ 16 people per
#   booked hour (a PE class ≈ 20, a training session ≈ 12);
# * library: all ages; ≈ 3.4 visits per inhabitant to the main library (KB,
#   Sveriges officiella biblioteksstatistik 2023: ≈ 48 million visits, ≈ 4.6 per
#   inhabitant, 4–5 in Kolada's municipality groups); bookable = study and
#   meeting rooms;
# * youth centre: 13–19 year olds, open four evenings a week; bookable = music
#   studio and rehearsal room; ≈ 45 visitors an evening;
# * culture house: hall, cinema and study-circle rooms, used mostly by adults
#   (16+): associations, study associations, pensioners' clubs, the cinema.
FACILITIES = [
    # unit_id, bookable_hours, booked_hours, visits, user_age_min, user_age_max
    ("FK-HALLEN", 3_900, 3_250, 51_000, 6, 45),
    ("FK-BIBLIOTEK", 2_000, 700, 42_000, 0, 100),
    ("FK-KRAFTEN", 2_000, 1_300, 7_200, 13, 19),
    ("FK-SJOVIKHALLEN", 3_000, 1_600, 11_500, 6, 45),
    ("FK-FORUM", 3_500, 1_550, 24_000, 16, 100),
]
# fmt: on

# Schools used in the alternatives.
# A = Åsby: small school, more than half of its pupils already ride the bus from
#     Myrheden; it is 9 km (11 km by road) from Norrby.
# B = Norrby: the largest village school, in an old building with spare room, so
#     it is the receiving school in both merges.
# C = Lövnäs: most of its pupils live in the village and walk today; Norrby is
#     16.5 km (21 km by road) away, so a merge sends them far over the threshold.
SCHOOL_A = "S-ASBY"
SCHOOL_B = "S-NORRBY"
SCHOOL_C = "S-LOVNAS"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
def to_latlon(x_km: float, y_km: float) -> tuple[float, float]:
    return round(LAT0 + y_km / KM_PER_DEG_LAT, 5), round(LON0 + x_km / KM_PER_DEG_LON, 5)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def interpolate(anchors: dict[int, float]) -> np.ndarray:
    ages = sorted(anchors)
    return np.interp(np.arange(MAX_AGE + 1), ages, [anchors[a] for a in ages])


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------
def make_areas() -> pd.DataFrame:
    rows = []
    for area_id, name, x, y, _, _ in AREAS:
        lat, lon = to_latlon(x, y)
        rows.append({"area_id": area_id, "name": name, "lat": lat, "lon": lon})
    return pd.DataFrame(rows)


def make_population(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for area_id, _, _, _, inhabitants, profile in AREAS:
        shape = interpolate(AGE_ANCHORS[profile])
        noise = rng.lognormal(mean=0.0, sigma=AGE_NOISE_SD, size=shape.size)
        persons = round_to_total(shape * noise, inhabitants)
        for age, n in enumerate(persons):
            rows.append({"area_id": area_id, "age": age, "persons": int(n)})
    return pd.DataFrame(rows)


def place(area_points: dict[str, tuple[float, float]], area_id: str, dx: float, dy: float):
    x, y = area_points[area_id]
    return to_latlon(x + dx, y + dy)


UNIT_COLUMNS = (
    "unit_id", "name", "service", "area_id", "lat", "lon", "capacity",
    "grade_min", "grade_max", "floor_area_m2", "premises_cost_sek", "fixed_cost_sek",
)  # fmt: skip


def make_units() -> pd.DataFrame:
    area_points = {a[0]: (a[2], a[3]) for a in AREAS}
    rows = []
    for uid, name, area, dx, dy, cap, gmin, gmax, m2_per_place, kr_m2, fixed in SCHOOLS:
        lat, lon = place(area_points, area, dx, dy)
        floor_area = int(round(cap * m2_per_place, -1))
        values = (uid, name, "grundskola", area, lat, lon, cap, gmin, gmax, floor_area, floor_area * kr_m2, fixed)
        rows.append(dict(zip(UNIT_COLUMNS, values, strict=True)))
    for service, table in (
        ("forskola", PRESCHOOLS),
        ("aldreboende", ELDERLY_HOMES),
        ("fritid_kultur", LEISURE),
    ):
        for uid, name, area, dx, dy, cap, floor_area, kr_m2, fixed in table:
            lat, lon = place(area_points, area, dx, dy)
            values = (uid, name, service, area, lat, lon, cap, None, None, floor_area, floor_area * kr_m2, fixed)
            rows.append(dict(zip(UNIT_COLUMNS, values, strict=True)))
    units = pd.DataFrame(rows)
    units["grade_min"] = units["grade_min"].astype("Int64")
    units["grade_max"] = units["grade_max"].astype("Int64")
    return units


def nearest_school(areas: pd.DataFrame, units: pd.DataFrame, grade: int) -> dict[str, str]:
    """Nearest school (straight line) offering `grade`, per area."""
    schools = units[(units.service == "grundskola") & (units.grade_min <= grade) & (units.grade_max >= grade)]
    result = {}
    for a in areas.itertuples():
        dists = [(haversine_km(a.lat, a.lon, s.lat, s.lon), s.unit_id) for s in schools.itertuples()]
        result[a.area_id] = min(dists)[1]
    return result


def make_enrollment(areas: pd.DataFrame, units: pd.DataFrame, population: pd.DataFrame) -> pd.DataFrame:
    profile = {a[0]: a[5] for a in AREAS}
    pop = population.set_index(["area_id", "age"])["persons"]
    rows = []
    for grade in range(10):
        catchment = nearest_school(areas, units, grade)
        pupils: dict[str, float] = {}
        for area_id, unit_id in catchment.items():
            children = pop[(area_id, grade + 6)]
            pupils[unit_id] = pupils.get(unit_id, 0.0) + children * SCHOOL_SHARE[profile[area_id]]
        for unit_id, n in pupils.items():
            rows.append({"unit_id": unit_id, "grade": grade, "pupils": round(n)})
    # every school x every grade it offers, even if no child lives in its catchment
    schools = units[units.service == "grundskola"]
    full = [(s.unit_id, g) for s in schools.itertuples() for g in range(int(s.grade_min), int(s.grade_max) + 1)]
    enr = pd.DataFrame(rows).set_index(["unit_id", "grade"])
    enr = enr.reindex(pd.MultiIndex.from_tuples(full, names=["unit_id", "grade"]), fill_value=0)
    return enr.reset_index()


def make_facility_usage() -> pd.DataFrame:
    columns = ("unit_id", "bookable_hours", "booked_hours", "visits", "user_age_min", "user_age_max")
    return pd.DataFrame([dict(zip(columns, row, strict=True)) for row in FACILITIES])


# ---------------------------------------------------------------------------
# Planned investments (investments.csv). Amounts are ESTIMATES at 2025 prices:
# new school and preschool buildings ≈ 40 000-50 000 kr per m² (estimate from
# building costs), care homes ≈ 3 million kr per place, a renovation
# ≈ 13 000 kr per m². Each is judged by the engine against every scenario in
# year 10 (python -m engine investments data/demo).
# ---------------------------------------------------------------------------
INVESTMENT_COLUMNS = (
    "id", "name", "unit", "year", "amount", "kind", "lifetime_years", "exit_strategy", "service",
    "capacity", "area_id", "lat", "lon", "premises_cost_sek", "fixed_cost_sek",
)  # fmt: skip
# fmt: off
INVESTMENTS = [
    # Looks right today (Vålbergaskolan is ≈ 93 % full in 2025), oversized in year 10:
    # sized for today's cohorts. 110 more places ≈ 1 100 m² × 42 000 kr.
    {"id": "INV-1", "name": "Tillbyggnad Vålbergaskolan (+110 platser)", "unit": "S-CENTRAL", "year": 2027,
     "amount": 46_000_000, "kind": "extension", "lifetime_years": 40, "capacity": 760,
     "exit_strategy": "Tillbyggnaden blir en egen flygel med egen entré som kan hyras ut till "
                      "vuxenutbildningen eller kulturskolan när eleverna blir färre."},
    # A new preschool planned when the queue was long; no exit strategy named.
    # 80 places ≈ 1 000 m² × 45 000 kr; new-build rent ≈ 2 400 kr per m².
    {"id": "INV-2", "name": "Ny förskola Lärkan i Södra Ängen (80 platser)", "unit": "F-LARKAN", "year": 2027,
     "amount": 45_000_000, "kind": "new", "lifetime_years": 50, "exit_strategy": "",
     "service": "forskola", "capacity": 80, "area_id": "A03", "offset": (0.05, -0.10),
     "premises_cost_sek": 2_400_000, "fixed_cost_sek": 500_000},
    # Holds up: the need for care-home places grows in every scenario.
    # 40 places × ≈ 3.2 million kr; ≈ 2 400 m² at ≈ 2 800 kr per m² and year.
    {"id": "INV-3", "name": "Nytt särskilt boende Tallbacken (40 platser)", "unit": "AB-TALLBACKEN", "year": 2029,
     "amount": 128_000_000, "kind": "new", "lifetime_years": 50,
     "exit_strategy": "Lägenheterna byggs som vanliga tvårumslägenheter som kan bli trygghetsboende "
                      "eller hyresrätter om behovet av platser minskar.",
     "service": "aldreboende", "capacity": 40, "area_id": "A02", "offset": (-0.35, 0.30),
     "premises_cost_sek": 6_700_000, "fixed_cost_sek": 2_400_000},
    # A renovation of an all-ages facility: used by everyone, so it holds up.
    {"id": "INV-4", "name": "Renovering av Vålberga bibliotek", "unit": "FK-BIBLIOTEK", "year": 2026,
     "amount": 12_000_000, "kind": "renovation", "lifetime_years": 25,
     "exit_strategy": "Biblioteket kan flytta in i Kulturhuset Forum; lokalen säljs eller hyrs ut."},
]
# fmt: on


def make_investments() -> pd.DataFrame:
    area_points = {a[0]: (a[2], a[3]) for a in AREAS}
    rows = []
    for inv in INVESTMENTS:
        row = {c: inv.get(c) for c in INVESTMENT_COLUMNS}
        if inv["kind"] == "new":
            row["lat"], row["lon"] = place(area_points, inv["area_id"], *inv["offset"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(INVESTMENT_COLUMNS))
    for col in ("capacity", "premises_cost_sek", "fixed_cost_sek"):
        frame[col] = frame[col].astype("Int64")
    return frame


# ---------------------------------------------------------------------------
# TOML files (written by hand: plain, commented, stable order)
# ---------------------------------------------------------------------------
# Economy calibration (see MUNICIPALITY_TOML and data/demo/README.md).
TAX_BASE = 220_000
TAX_RATE = 0.223
GRANTS = 31_000
OTHER_COSTS = 42_500
REVENUE_PER_INHABITANT = round(TAX_BASE * TAX_RATE + GRANTS)


def _kr(value: float) -> str:
    """12345 -> '12 345' (Swedish thousands separator)."""
    return f"{value:,.0f}".replace(",", " ")


MUNICIPALITY_TOML = f"""\
# Vålberga kommun: a FICTIONAL demo municipality (generated by tools/make_demo.py).
name = "Vålberga kommun"
code = "2099"
base_year = {BASE_YEAR}

[parameters]
# Any documented engine parameter can be overridden here by name, e.g.
# max_class_size = 25
# transport_threshold_km_f3 = 2.0
# The school, preschool and elderly-care parameters are the engine's documented
# defaults (python -m engine params). Only the economy is calibrated here, so that
# the base year looks like a small rural municipality's accounts.

# Economy. Revenue per inhabitant = {_kr(TAX_BASE)} × {TAX_RATE} + {_kr(GRANTS)}
# = {_kr(REVENUE_PER_INHABITANT)} kr, inside the 75 000–90 000 kr of tax and general grants
# per inhabitant in rural municipalities (figures.md, 2024, estimate).

# Tax base (skattekraft) per inhabitant: ≈ 85–90 % of the national 245 000–265 000
# kr (SCB, 2024–25), as is usual in small inland municipalities.
tax_base_per_inhabitant_sek = {TAX_BASE}

# Municipal tax rate: 21–22.5 % in many small municipalities (SCB, Kolada N00901).
tax_rate = {TAX_RATE}

# General grants and equalisation, net: income equalisation lifts the tax base to
# 115 % of the national mean (SFS 2004:773), ≈ 15 000 kr here, plus cost
# equalisation for an old population, structural grant and property fee. Estimate.
grants_per_inhabitant_sek = {GRANTS}

# Everything the model does not cover (gymnasieskola, social services, LSS,
# streets, rescue services, administration …). Calibrated so that the base year
# under keep-all shows a surplus of ≈ 1.9 % of tax and grants (Kolada N03001; SKR's
# rule of thumb for good financial management is ≈ 2 %): total net cost ≈ 79 000 kr
# per inhabitant.
other_costs_per_inhabitant_sek = {OTHER_COSTS}
"""

SCENARIOS_TOML = """\
# Scenarios for Vålberga kommun (generated by tools/make_demo.py).
# tfr = total fertility rate (children per woman), net_migration_per_1000 = net
# migration per year per 1 000 inhabitants (spread over ages by migration_profile
# in demography.csv), mortality_change = relative change of all death risks.

[[scenario]]
id = "bas"
name = "Bas: fortsatt minskning"
description = "Barnafödandet ligger kvar på dagens låga nivå (1,45 barn per kvinna) och fler flyttar ut än in, främst unga vuxna. Befolkningen fortsätter att minska och bli äldre."
tfr = 1.45
net_migration_per_1000 = -4.0
mortality_change = 0.0

[[scenario]]
id = "stress"
name = "Stresstest: snabbare minskning"
description = "Färre barn föds (1,30 barn per kvinna) och utflyttningen är dubbelt så stor. Visar vad som händer om minskningen går fortare än vi tror."
tfr = 1.30
net_migration_per_1000 = -9.0
mortality_change = 0.0

[[scenario]]
id = "stabilisering"
name = "Stabilisering"
description = "Barnafödandet återhämtar sig något (1,65 barn per kvinna), fler flyttar in än ut och livslängden ökar. Vissa åldersgrupper växer svagt."
tfr = 1.65
net_migration_per_1000 = 4.0
mortality_change = -0.05
"""

# The whole-municipality alternatives. Ängsskolan (2 100 m², 150 places) lies in
# town, 1.5 km from Vålbergaskolan, which has room for its pupils by 2030 as the
# cohorts shrink; converted, it holds ≈ 32 care-home places at ≈ 60 m² a place.
# Conversion ≈ 40 million kr (≈ 19 000 kr per m², ombyggnad; estimate). The
# result in the accounts carries its depreciation, not the whole amount: 40 mnkr
# over 25 years + interest ≈ 2.2 mnkr a year, added to the home's fixed cost
# (2.0 mnkr for management and the night-staff base). The one-off is what hits the
# result in the year itself: moving, temporary arrangements, furnishing ≈ 4 mnkr.
TRANSITION_ID = "omstallning-2030"
TRANSITION_DESCRIPTION = (
    "Förskolan Hagen slås 2027 samman med Förskolan Solrosen, som har plats när barnen blir färre. "
    "Ängsskolan stängs 2030 och eleverna går i Vålbergaskolan 1,5 km bort; skolhuset byggs om till "
    "Ängsgården, ett särskilt boende med 32 platser, i stället för att kommunen köper platser när "
    "behovet växer. Ombyggnaden kostar cirka 40 miljoner kronor, som skrivs av över 25 år (≈ 2,2 mnkr per år "
    "i boendets driftkostnad); flytt och inredning ≈ 4 mnkr det år det sker."
)
TRANSITION = [
    {"year": 2027, "action": "merge", "unit": "F-HAGEN", "to": "F-CENTRUM"},
    {"year": 2030, "action": "convert", "unit": "S-ANGEN", "to": "AB-ANGSGARDEN", "service": "aldreboende",
     "name": "Ängsgården (f.d. Ängsskolan)", "capacity": 32, "fixed_cost_sek": 4_200_000,
     "one_off_cost_sek": 4_000_000},
]  # fmt: skip
PACKAGE_ID = "omstallning-och-byskolor"
PACKAGE_DESCRIPTION = (
    "Som omställningen, och dessutom stängs Åsby och Östansjö skolor 2028 (eleverna går till Norrby "
    "skola och, från 2030, Vålbergaskolan). Den största förändringen av strukturen: den minskar "
    "underskottet mest, men flest barn får byta skola och åka skolskjuts."
)
PACKAGE = [
    TRANSITION[0],
    {"year": 2028, "action": "close", "unit": "S-ASBY"},
    {"year": 2028, "action": "close", "unit": "S-OSTANSJO"},
    *TRANSITION[1:],
]


def toml_actions(actions: list[dict]) -> str:
    """[[alternative.action]] tables, keys in a stable order."""
    out = []
    for action in actions:
        lines = ["[[alternative.action]]"]
        for key, value in action.items():
            lines.append(f"{key} = " + (f'"{value}"' if isinstance(value, str) else f"{value}"))
        out.append("\n".join(lines) + "\n")
    return "\n" + "\n".join(out)


ALTERNATIVES_TOML = f"""\
# Action alternatives for Vålberga kommun (generated by tools/make_demo.py).
# Actions: close, merge (unit closes, its pupils go to `to`), set_capacity
# (capacity = N), reopen, build. See docs/dataset.md.

[[alternative]]
id = "keep-all"
name = "Behåll alla skolor"
description = "Alla åtta skolor behålls som i dag. Ingen behöver byta skola eller åka längre, men kostnaden per elev stiger och fler elever går i åldersblandade klasser när barnen blir färre."

[[alternative]]
id = "merge-a-b"
name = "Slå samman Åsby och Norrby (2027)"
description = "Åsby skola stängs 2027 och eleverna går i Norrby skola, cirka 9 km bort. Många Åsbyelever åker redan skolskjuts från Myrheden; Norrby får större årskurser och ett starkare lärarlag, och kommunen sparar lokal- och ledningskostnader."

[[alternative.action]]
year = 2027
action = "merge"
unit = "{SCHOOL_A}"
to = "{SCHOOL_B}"

[[alternative]]
id = "merge-b-c"
name = "Slå samman Lövnäs och Norrby (2027)"
description = "Lövnäs skola stängs 2027 och eleverna går i Norrby skola, som har gott om plats. Kommunen sparar ungefär lika mycket som med Åsby, men ett fyrtiotal barn som i dag går eller cyklar till skolan får drygt 20 km skolskjuts."

[[alternative.action]]
year = 2027
action = "merge"
unit = "{SCHOOL_C}"
to = "{SCHOOL_B}"

[[alternative]]
id = "close-smallest-2028"
name = "Stäng de två minsta byskolorna (2028)"
description = "Åsby och Östansjö skolor stängs 2028 och eleverna går till närmaste skola (Norrby respektive Ängsskolan i tätorten). Större besparing och färre sårbara lärarlag, men fler barn får skolskjuts."

[[alternative.action]]
year = 2028
action = "close"
unit = "S-ASBY"

[[alternative.action]]
year = 2028
action = "close"
unit = "S-OSTANSJO"

# --- Whole-municipality alternatives (DESIGN.md §6) ---------------------------------
# The schools get fewer pupils while the need for care-home places grows: move
# premises from the one to the other instead of buying places at
# purchased_place_cost_sek.

[[alternative]]
id = "{TRANSITION_ID}"
name = "Omställning: två förskolor samman, Ängsskolan blir äldreboende (2030)"
description = "{TRANSITION_DESCRIPTION}"
{toml_actions(TRANSITION)}
[[alternative]]
id = "{PACKAGE_ID}"
name = "Omställning och de två minsta byskolorna (2028–2030)"
description = "{PACKAGE_DESCRIPTION}"
{toml_actions(PACKAGE)}"""


# ---------------------------------------------------------------------------
def write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def summary(areas, population, units, enrollment) -> None:
    pop = population.groupby("area_id").persons.sum()
    print(f"inhabitants: {population.persons.sum()}")
    by_age = population.groupby("age").persons.sum()
    print("persons by age 0-19:", list(by_age.iloc[:20]))
    print(f"65+: {by_age.iloc[65:].sum()}  80+: {by_age.iloc[80:].sum()}")
    print(pop.to_string())
    schools = units[units.service == "grundskola"].set_index("unit_id")
    per_school = enrollment.groupby("unit_id").pupils.sum()
    for uid, row in schools.iterrows():
        grades = enrollment[enrollment.unit_id == uid].pupils.tolist()
        print(f"{uid:12s} cap {row.capacity:4d} pupils {per_school[uid]:4d}  by grade {grades}")
    print(f"pupils total: {per_school.sum()}")
    lat = areas.set_index("area_id")
    for u1, u2 in ((SCHOOL_A, SCHOOL_B), (SCHOOL_C, SCHOOL_B)):
        a, b = schools.loc[u1], schools.loc[u2]
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)
        print(f"{u1} -> {u2}: {d:.1f} km straight, {d * 1.3:.1f} km road")
    for grade in (0, 7):
        print(f"catchments grade {grade}:", nearest_school(lat.reset_index(), units, grade))
    # The whole municipality in the base year, with the engine's default rates
    # (figures.md): enrolment 50 % / 89 % / 94 % at ages 1 / 2 / 3-5, care-home need
    # 1 % / 8 % / 27 % at 65-79 / 80-89 / 90+.
    capacity = units.groupby("service").capacity.sum()
    enrolled = 0.50 * by_age.iloc[1] + 0.89 * by_age.iloc[2] + 0.94 * by_age.iloc[3:6].sum()
    need = 0.01 * by_age.iloc[65:80].sum() + 0.08 * by_age.iloc[80:90].sum() + 0.27 * by_age.iloc[90:].sum()
    print(f"preschool: {enrolled:.0f} children enrolled, {capacity['forskola']} places")
    print(f"care homes: {need:.1f} places needed, {capacity['aldreboende']} places")
    print(f"revenue per inhabitant: {REVENUE_PER_INHABITANT} kr; other costs {OTHER_COSTS} kr")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "data" / "demo")
    parser.add_argument("--summary", action="store_true")
    args = parser.parse_args()

    rng = np.random.default_rng(SEED)
    areas = make_areas()
    population = make_population(rng)
    demography = make_demography()
    units = make_units()
    enrollment = make_enrollment(areas, units, population)

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "municipality.toml").write_text(MUNICIPALITY_TOML, encoding="utf-8")
    (out / "scenarios.toml").write_text(SCENARIOS_TOML, encoding="utf-8")
    (out / "alternatives.toml").write_text(ALTERNATIVES_TOML, encoding="utf-8")
    write_csv(areas, out / "areas.csv")
    write_csv(population, out / "population.csv")
    write_csv(demography, out / "demography.csv")
    write_csv(units, out / "units.csv")
    write_csv(enrollment, out / "enrollment.csv")
    write_csv(make_facility_usage(), out / "facility_usage.csv")
    write_csv(make_investments(), out / "investments.csv")
    print(f"wrote demo dataset to {out}")
    if args.summary:
        summary(areas, population, units, enrollment)


if __name__ == "__main__":
    main()
