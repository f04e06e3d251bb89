"""A dataset started from public statistics for any municipality (``python -m engine start``).

:func:`from_files` gathers what the national files in data/public hold for one municipality
into :class:`PublicFacts`; ``engine.sources.live`` gathers the same from the agencies' APIs.
:func:`build` turns the facts into a dataset folder's files plus the list of what the public
statistics cannot give (:class:`ToFill`: a sheet, a row, a column and what to write there, in
Swedish); :func:`write` writes the folder and the same as a workbook whose cells to fill are
coloured and listed on a sheet of their own.

Every estimate is marked (E) in the README the folder gets, with how it was made.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]

from engine.core import formatting as fmt
from engine.core.parameters import resolve
from engine.dataset import DatasetError, load_dataset
from engine.dataset.workbook import write_workbook
from engine.sources import public
from engine.sources.estimates import (
    MAX_AGE,
    calibrate,
    care_rates,
    haversine_km,
    national_demography,
    shape_bands,
    shift_and_scale,
    spread_bands,
    to_hundredths,
    trend_scenarios,
)

BASE_YEAR = 2025  # population 31 Dec 2024, pupils 2025/26
TO_FILL_SHEET = "att_fylla_i"
FILL = PatternFill(start_color="FFE699", end_color="FFE699", fill_type="solid")  # yellow: the analyst's cells
ECONOMY = ("tax_base_per_inhabitant_sek", "tax_rate", "grants_per_inhabitant_sek", "other_costs_per_inhabitant_sek")
SCHOOL_CAPACITY_MARGIN = 1.2  # capacity = pupils + 20 %, rounded up to 5 (E): no register of places is public
CARE_FLOOR_M2 = 58  # per place (E)
CARE_RENT_PER_M2 = 1650  # kr per m² and year (E)
PRESCHOOL_FLOOR_M2 = 10  # per place (E)
PRESCHOOL_RENT_PER_M2 = 1500  # kr per m² and year (E)
SCHOOL_RENT_PER_M2 = 1400  # kr per m² and year (E)


class StartError(ValueError):
    """A municipality code or an output folder that cannot be used; the message is Swedish."""


@dataclass(frozen=True)
class AreaPoint:
    lat: float
    lon: float
    how: str  # Swedish: how the point was found


@dataclass(frozen=True)
class PublicFacts:
    """What the public statistics say about one municipality, from the files or the APIs."""

    municipality: public.Municipality
    areas: list[public.DesoBands]  # DeSO with five-year bands (AGE_BANDS), both sexes
    band_date: str  # the bands' reference day, e.g. "31 december 2022"
    shift_years: int  # years the bands are aged to reach 31 Dec the year before BASE_YEAR
    area_points: dict[str, AreaPoint]  # where the areas' people live, where known
    area_names: dict[str, str]  # DeSO → a name (RegSO), where known
    schools: list[public.SchoolUnit]
    school_positions: dict[str, public.Position]
    preschools: list[public.Preschool]
    kolada: dict[str, dict[int, float]]  # KPI → year → value
    kpi_titles: dict[str, str]
    school_costs: dict[int, public.SchoolCosts]
    grade_pupils: list[public.GradePupils]
    source: str  # Swedish: where the facts came from, for the README
    base_year: int = BASE_YEAR  # the population is 31 December the year before
    command: str = "start"  # the CLI command that gathers them: start or fetch
    notes: tuple[str, ...] = ()  # Swedish: what the source left out or we estimated, for the README
    # persons by single year 0–100 in the whole municipality (None where suppressed), which
    # splits each area's bands (estimates.shape_bands); None: the smooth estimate (spread_bands)
    age_profile: tuple[float | None, ...] | None = None
    age_profile_from: str = ""  # Swedish: the profile's source and day, for the README


@dataclass(frozen=True)
class ToFill:
    """One cell the analyst must fill: ``sheet`` is the table (``units`` for units.csv), ``row``
    the sheet's row (the header is row 1), ``column`` its header."""

    sheet: str
    row: int
    column: str
    what: str  # Swedish

    def __str__(self) -> str:
        if self.sheet == "municipality":  # a [parameters] key: its name leads `what`
            return f"municipality.toml: {self.what}"
        return f"{self.sheet}.csv:{self.row}:{self.column}: {self.what}"


@dataclass(frozen=True)
class Started:
    files: dict[str, str]  # file name → text
    to_fill: list[ToFill]
    summary: dict[str, float] = field(default_factory=dict)  # inhabitants, schools, pupils, preschools


@dataclass(frozen=True)
class Written:
    folder: Path
    workbook: Path
    started: Started
    problems: list[str]  # what `validate` still says, as file:row:column: message


def from_files(code: str, root: Path = public.PUBLIC) -> PublicFacts:
    """The national files' facts for one municipality; StartError for an unknown code."""
    municipality = check_code(code, root)
    areas = public.deso_bands(code, root)
    points = {
        d: AreaPoint(p.lat, p.lon, _POINT_HOW[p.method]) for d, p in public.deso_points(root).items() if d[:4] == code
    }
    names = _area_names(areas)
    return PublicFacts(
        municipality=municipality,
        areas=areas,
        band_date=f"31 december {public.DESO_YEAR}",
        shift_years=BASE_YEAR - 1 - public.DESO_YEAR,
        area_points=points,
        area_names=names,
        schools=public.school_units(code, root),
        school_positions=public.school_positions(root),
        preschools=public.preschools(code, root),
        kolada=public.kolada_all(code, root),
        kpi_titles=public.kpi_titles(root),
        school_costs=public.school_costs(code, root),
        grade_pupils=public.grade_pupils(code, root),
        source="de nationella filerna i Vägvals `data/public/` (SCB, Skolverket, Kolada; se dess README)",
    )


_POINT_HOW = {
    "1km": "befolkningsviktad mittpunkt av områdets bebodda kvadratkilometerrutor (SCB 2025)",
    "polygon": "områdets polygons mittpunkt (SCB DeSO 2025) (E)",
}


def check_code(code: str, root: Path = public.PUBLIC) -> public.Municipality:
    """The municipality with this code; StartError with a Swedish message otherwise."""
    if not (len(code) == 4 and code.isdigit()):
        raise StartError(f"kommunkoden '{code}' ska vara fyra siffror, t.ex. 2303 för Ragunda")
    try:
        return public.municipality(code, root)
    except public.UnknownMunicipality:
        raise StartError(f"kommunkoden {code} finns inte bland Sveriges 290 kommuner (t.ex. 2303 Ragunda)") from None


def _area_names(areas: list[public.DesoBands]) -> dict[str, str]:
    """DeSO → its RegSO's name, with the DeSO's number where a RegSO has several."""
    count: dict[str, int] = {}
    for a in areas:
        count[a.regso] = count.get(a.regso, 0) + 1
    return {a.deso: a.regso if count[a.regso] == 1 else f"{a.regso} ({a.deso[5:]})" for a in areas if a.regso}


def _latest(series: dict[int, float]) -> tuple[int, float] | None:
    return max(series.items()) if series else None


def _mean(series: dict[int, float], years: int) -> tuple[float, list[int]] | None:
    """Mean of the last `years` years with a value, and those years."""
    used = sorted(series)[-years:]
    return (float(np.mean([series[y] for y in used])), used) if used else None


def _round_to(value: float, step: int) -> int:
    return int(round(value / step) * step)


def _csv(header: list[str], rows: Sequence[Sequence[object]]) -> str:
    def cell(v: object) -> str:
        text = "" if v is None else str(v)
        return f'"{text}"' if any(c in text for c in ',"\n') else text

    return ",".join(header) + "\n" + "".join(",".join(cell(v) for v in r) + "\n" for r in rows)


def _toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _years(used: list[int]) -> str:
    return f"{used[0]}–{used[-1]}" if len(used) > 1 else str(used[0])


def build(facts: PublicFacts) -> Started:
    """The dataset folder's files and what the analyst must fill in."""
    m = facts.municipality
    to_fill: list[ToFill] = []

    # Population: bands → single years, aged to the base year (E) --------------------------
    n01951 = facts.kolada.get("N01951", {})
    growth = 1.0
    growth_note = "oförändrat invånarantal"
    kolada_years = sorted(n01951)
    if len(kolada_years) >= 2 and facts.shift_years > 0:
        first, last = kolada_years[max(0, len(kolada_years) - 6)], kolada_years[-1]
        growth = (n01951[last] / n01951[first]) ** (1 / (last - first))
        growth_note = (
            f"Koladas invånarantal (N01951) {first}–{last}: {fmt.number(n01951[first], sep=' ')} → "
            f"{fmt.number(n01951[last], sep=' ')}, i genomsnitt {fmt.percent(growth - 1, 2, ' ')} per år"
        )
    single: dict[str, np.ndarray] = {}
    profile = (
        None
        if facts.age_profile is None
        else np.array([np.nan if v is None else v for v in facts.age_profile], dtype=float)
    )
    for a in facts.areas:
        bands = [float(v) for v in a.bands]
        if facts.shift_years > 0:
            bands = shift_and_scale(bands, facts.shift_years, sum(bands) * growth**facts.shift_years)
        single[a.deso] = spread_bands(bands) if profile is None else shape_bands(bands, profile)
    persons = {d: to_hundredths(v) for d, v in single.items()}
    people = np.sum(list(single.values()), axis=0) if single else np.zeros(MAX_AGE + 1)
    inhabitants = float(sum(p.sum() for p in persons.values()))

    area_rows: list[list[object]] = []
    for i, a in enumerate(facts.areas):
        point = facts.area_points.get(a.deso)
        name = facts.area_names.get(a.deso, a.deso)
        area_rows.append([a.deso, name, f"{point.lat:.5f}" if point else "", f"{point.lon:.5f}" if point else ""])
        if point is None:
            for col, word in (("lat", "latitud"), ("lon", "longitud")):
                to_fill.append(
                    ToFill(
                        "areas",
                        i + 2,
                        col,
                        f"{name} ({a.deso}): {word} (WGS84) för platsen där områdets invånare bor "
                        "(de offentliga filerna har inga områdesgränser här; använd tätortens mitt, "
                        "eller kör python -m engine fetch)",
                    )
                )
    pop_rows = [
        [d, age, f"{n:.2f}".replace(".00", "")] for d, values in persons.items() for age, n in enumerate(values)
    ]

    def nearest_area(lat: float, lon: float) -> str:
        if not facts.area_points:
            return ""
        return min(
            facts.area_points,
            key=lambda d: float(haversine_km(lat, lon, facts.area_points[d].lat, facts.area_points[d].lon)),
        )

    # Schools ----------------------------------------------------------------------------
    costs_year, costs = max(facts.school_costs.items()) if facts.school_costs else (None, None)
    unit_rows: list[list[object]] = []
    enrol_rows: list[list[object]] = []
    independents = [s for s in facts.schools if s.organiser_type != "Kommunal"]
    municipal = [s for s in facts.schools if s.organiser_type == "Kommunal" and any(s.pupils)]

    def place(row_index: int, label: str, lat: float | None, lon: float | None, why: str) -> tuple[str, str, str]:
        if lat is None or lon is None:
            for col, word in (("lat", "latitud"), ("lon", "longitud")):
                to_fill.append(ToFill("units", row_index, col, f"{label}: {word} (WGS84) – {why}"))
            to_fill.append(
                ToFill("units", row_index, "area_id", f"{label}: området (area_id i areas) där enheten ligger")
            )
            return "", "", ""
        area = nearest_area(lat, lon)
        if not area:
            to_fill.append(
                ToFill("units", row_index, "area_id", f"{label}: området (area_id i areas) där enheten ligger")
            )
        return area, f"{lat:.5f}", f"{lon:.5f}"

    school_pupils = 0
    for s in municipal:
        taught = [g for g, n in zip(public.GRADES, s.pupils, strict=True) if n]
        gmin = 0 if taught[0] == 1 else taught[0]
        gmax = taught[-1]
        by_grade = [0] * 10
        for g, n in zip(public.GRADES, s.pupils, strict=True):
            if gmin <= g <= gmax:
                by_grade[g] = n or 0
        if gmin == 0:
            by_grade[0] = by_grade[1]  # förskoleklass: as many as in grade 1 (E)
        total = sum(by_grade)
        school_pupils += total
        capacity = int(np.ceil(total * SCHOOL_CAPACITY_MARGIN / 5) * 5)
        premises = _round_to((costs.premises_per_pupil or 0) * total, 10000) if costs else 0
        fixed = _round_to((costs.other_per_pupil or 0) * total, 10000) if costs else 0
        row_index = len(unit_rows) + 2
        pos = facts.school_positions.get(s.code)
        area, lat, lon = place(
            row_index,
            f"{s.name} (skolenhet {s.code})",
            pos.lat if pos else None,
            pos.lon if pos else None,
            "skolan saknar koordinater i de offentliga filerna (Skolenhetsregistret har dem)",
        )
        uid = f"S-{s.code}"
        unit_rows.append(
            [
                *(uid, s.name, "grundskola", area, lat, lon, capacity, gmin, gmax),
                *(_round_to(premises / SCHOOL_RENT_PER_M2, 10), premises, fixed),
            ]
        )
        enrol_rows += [[uid, g, n] for g, n in enumerate(by_grade) if gmin <= g <= gmax]
        if not costs:
            for col in ("premises_cost_sek", "fixed_cost_sek"):
                to_fill.append(ToFill("units", row_index, col, f"{s.name}: kostnad per år (kr)"))

    # Preschools -------------------------------------------------------------------------
    n11008 = _latest(facts.kolada.get("N11008", {}))
    defaults = resolve()
    engine_per_child = defaults.preschool_staff_cost_sek / defaults.children_per_preschool_fte + (
        defaults.cost_per_preschool_child_sek
    )
    pre_children = 0
    for p in facts.preschools:
        if not p.children:
            continue
        pre_children += p.children
        capacity = max(p.children, (p.groups or 0) * round(defaults.preschool_group_size))
        floor = capacity * PRESCHOOL_FLOOR_M2
        premises = floor * PRESCHOOL_RENT_PER_M2
        fixed = max(0, _round_to((n11008[1] - engine_per_child) * p.children - premises, 10000)) if n11008 else 0
        row_index = len(unit_rows) + 2
        area, lat, lon = place(
            row_index,
            f"{p.name} (förskola {p.unit_id}, {p.address})",
            p.lat,
            p.lon,
            "förskolan saknar koordinater i de offentliga filerna; slå upp adressen",
        )
        unit_rows.append(
            [f"F-{p.unit_id}", p.name, "forskola", area, lat, lon, capacity, "", "", floor, premises, fixed]
        )

    # Residential elderly care: one estimated unit (E) -----------------------------------------
    residents = _latest(facts.kolada.get("N23805", {}))
    per_resident = _latest(facts.kolada.get("N23009", {}))
    care_note = ""
    rates: dict[str, float] = {}
    factor = 0.0
    if residents and residents[1] > 0:
        places = round(residents[1])
        floor = places * CARE_FLOOR_M2
        premises = floor * CARE_RENT_PER_M2
        fixed = (
            max(0, _round_to((per_resident[1] - defaults.cost_per_occupied_place_sek) * places - premises, 10000))
            if per_resident
            else 0
        )
        old = {d: float(v[80:].sum()) for d, v in single.items()}
        home_area = max(old, key=lambda d: old[d]) if old else ""
        point = facts.area_points.get(home_area)
        row_index = len(unit_rows) + 2
        unit_rows.append(
            [
                *("AB-1", f"Särskilt boende i {m.name} (samlat och uppskattat)", "aldreboende", home_area),
                *(f"{point.lat:.5f}" if point else "", f"{point.lon:.5f}" if point else ""),
                *(places, "", "", floor, premises, fixed),
            ]
        )
        to_fill.append(
            ToFill(
                "units",
                row_index,
                "name",
                f"ersätt den uppskattade enheten AB-1 ({places} platser = Kolada N23805 {residents[0]}) med "
                "kommunens verkliga särskilda boenden: namn, platser, läge och kostnader",
            )
        )
        if point is None:
            for col in ("lat", "lon"):
                to_fill.append(ToFill("units", row_index, col, f"AB-1: {col} (WGS84) för det särskilda boendet"))
        factor, rates = care_rates(people, residents[1])
        care_note = (
            f"Ett särskilt boende för hela kommunen, AB-1, med {places} platser = Koladas boende 65+ i "
            f"särskilt boende (N23805 {residents[0]}: {fmt.number(residents[1], 1, ' ')}), i området med flest "
            f"invånare 80+ (E). Lokaler {CARE_FLOOR_M2} m² per plats à {fmt.number(CARE_RENT_PER_M2, sep=' ')} kr/m² (E); fasta "
            "kostnader så att en plats kostar som Koladas kostnad per brukare (N23009"
            + (f" {per_resident[0]}: {fmt.kr(per_resident[1], ' ')}" if per_resident else ", saknas")
            + f") med modellens vårdkostnad per plats (E). Modellens behovsandelar × {fmt.number(factor, 2, ' ')} "
            "så att basåret behöver lika många platser som Kolada räknar boende (E)."
        )

    units_csv = _csv(
        [
            "unit_id",
            "name",
            "service",
            "area_id",
            "lat",
            "lon",
            "capacity",
            "grade_min",
            "grade_max",
            "floor_area_m2",
            "premises_cost_sek",
            "fixed_cost_sek",
        ],
        unit_rows,
    )

    # Scenarios calibrated on Kolada ----------------------------------------------------------
    births = _mean(facts.kolada.get("N01804", {}), 3)
    deaths = _mean(facts.kolada.get("N01805", {}), 5)
    inh = _mean(n01951, 5)
    domestic = _mean(facts.kolada.get("N01964", {}), 5)
    abroad = _mean(facts.kolada.get("N01806", {}), 5)
    if births and deaths and inh and domestic and abroad and people.sum() > 0:
        cal = calibrate(people, births[0], deaths[0], inh[0], domestic[0], abroad[0])
        tfr, net = cal.tfr, cal.net_per_1000
        working = (
            f"`bas`: {fmt.number(births[0], 1, ' ')} födda per år (Kolada N01804, {_years(births[1])}) / "
            f"(½ × basårets befolkning × riksmönstrets `fertility_share`) = **{fmt.number(tfr, 2, ' ')} barn per kvinna**; "
            f"nettoflyttning ({fmt.number(domestic[0], 1, ' ')} inrikes N01964 + {fmt.number(abroad[0], 1, ' ')} "
            f"utrikes N01806 per år, {_years(domestic[1])}) / {fmt.number(inh[0], 0, ' ')} invånare (N01951) × 1 000 = "
            f"**{fmt.number(net, 1, ' ')} per 1 000**, avrundat till halvtal. Döda: {fmt.number(deaths[0], 1, ' ')} "
            f"per år (N01805, {_years(deaths[1])}); modellen använder riksmönstrets dödsrisker."
        )
    else:
        tfr, net = 1.6, 0.0
        working = (
            "Koladas födda, döda och flyttningar saknas: `bas` har 1,6 barn per kvinna och ingen nettoflyttning (E)."
        )
        to_fill.append(ToFill("scenarios", 2, "tfr", "barn per kvinna och nettoflyttning för kommunen (Kolada saknas)"))
    scenarios = _scenarios(m.name, tfr, net)

    # municipality.toml ------------------------------------------------------------------------
    params: list[str] = []
    if costs and costs.meals_per_pupil is not None:
        per_pupil = round(
            (costs.meals_per_pupil or 0) + (costs.materials_per_pupil or 0) + (costs.pupil_health_per_pupil or 0)
        )
        params.append(f"# Måltider + lärverktyg + elevhälsa per elev, Skolverket {costs_year} (S)")
        params.append(f"cost_per_pupil_sek = {per_pupil}")
    if rates:
        params.append("# Särskilt boende: modellens behovsandelar skalade till Kolada N23805 (E)")
        params += [f"{k} = {v}" for k, v in rates.items()]
    params.append("# Ekonomi: modellens standardvärden – fyll i kommunens egna (se att_fylla_i)")
    params += [f"{k} = {getattr(defaults, k)}" for k in ECONOMY]
    municipality_toml = (
        f"# {m.name} ({m.code}): skriven av `python -m engine {facts.command}` ur offentlig statistik (se README.md).\n"
        f"name = {_toml_str(m.name)}\ncode = {_toml_str(m.code)}\nbase_year = {facts.base_year}\n\n[parameters]\n"
        + "\n".join(params)
        + "\n"
    )
    economy_what = {
        "tax_base_per_inhabitant_sek": "skattekraft per invånare (kr), kommunens budget eller SCB",
        "tax_rate": "kommunal skattesats (andel, t.ex. 0.2235)",
        "grants_per_inhabitant_sek": "statsbidrag och utjämning per invånare (kr), kommunens budget",
        "other_costs_per_inhabitant_sek": "övriga kostnader per invånare (kr) utanför skola, förskola och äldreboende",
    }
    # Rows of the workbook's municipality sheet: name, code, base_year, then the parameters in order.
    keys = [line.split(" = ")[0] for line in params if not line.startswith("#")]
    for k in ECONOMY:
        to_fill.append(ToFill("municipality", 5 + keys.index(k), "value", f"{k}: {economy_what[k]}"))

    # Kolada and Skolverket as they are, for checking ----------------------------------------------
    kolada_rows = [
        [kpi, facts.kpi_titles.get(kpi, ""), year, repr(value)]
        for kpi, series in facts.kolada.items()
        for year, value in sorted(series.items())
    ]
    grade_rows = [[g.year, g.organiser_type, *g.pupils, g.total] for g in facts.grade_pupils]
    cost_rows = [
        [
            c.year,
            c.pupils,
            c.total_per_pupil,
            c.teaching_per_pupil,
            c.premises_per_pupil,
            c.meals_per_pupil,
            c.materials_per_pupil,
            c.pupil_health_per_pupil,
            c.other_per_pupil,
        ]
        for c in facts.school_costs.values()
    ]
    bands_rows = [
        [a.deso, facts.band_date[-4:], "total", lo, hi if hi is not None else "", v]
        for a in facts.areas
        for (lo, hi), v in zip(public.AGE_BANDS, a.bands, strict=True)
    ]

    files = {
        "municipality.toml": municipality_toml,
        "areas.csv": _csv(["area_id", "name", "lat", "lon"], area_rows),
        "population.csv": _csv(["area_id", "age", "persons"], pop_rows),
        "demography.csv": national_demography().to_csv(index=False, lineterminator="\n"),
        "units.csv": units_csv,
        "enrollment.csv": _csv(["unit_id", "grade", "pupils"], enrol_rows),
        "scenarios.toml": scenarios,
        "alternatives.toml": (
            "# Bara nollalternativet: skriv kommunens egna alternativ här eller på Bygg-sidan.\n\n"
            '[[alternative]]\nid = "keep-all"\nname = "Behåll alla skolor"\n'
            'description = "Alla skolor och förskolor finns kvar som i dag."\n'
        ),
        "population_bands.csv": _csv(["area_id", "year", "sex", "age_from", "age_to", "persons"], bands_rows),
        "kolada.csv": _csv(["kpi", "titel", "ar", "varde"], kolada_rows),
        "skolverket_elever_per_arskurs.csv": _csv(
            ["lasar", "huvudmanstyp", *(f"ak{g}" for g in public.GRADES), "ak1_9"], grade_rows
        ),
        "skolverket_kostnader.csv": _csv(
            ["ar", "elever", "totalt", "undervisning", "lokaler", "maltider", "larverktyg", "elevhalsa", "ovrigt"],
            cost_rows,
        ),
    }
    summary = {
        "inhabitants": inhabitants,
        "areas": len(facts.areas),
        "schools": len(municipal),
        "pupils": school_pupils,
        "preschools": sum(1 for p in facts.preschools if p.children),
        "children": pre_children,
    }
    files["README.md"] = _readme(
        facts, summary, growth_note, working, care_note, costs, costs_year, independents, to_fill
    )
    return Started(files=files, to_fill=to_fill, summary=summary)


def _scenarios(name: str, tfr: float, net: float) -> str:
    return f"# Scenarier för {name}: bas kalibrerad på Kolada (se README.md).\n" + "".join(
        f"\n[[scenario]]\nid = {_toml_str(d.id)}\nname = {_toml_str(d.name)}\ndescription = {_toml_str(d.description)}\n"
        f"tfr = {d.tfr:.2f}\nnet_migration_per_1000 = {d.net_migration_per_1000:.1f}\nmortality_change = {d.mortality_change}\n"
        for d in trend_scenarios(tfr, net)
    )


def _readme(
    facts: PublicFacts,
    summary: dict[str, float],
    growth_note: str,
    working: str,
    care_note: str,
    costs: public.SchoolCosts | None,
    costs_year: int | None,
    independents: list[public.SchoolUnit],
    to_fill: list[ToFill],
) -> str:
    m = facts.municipality
    n = lambda v, d=0: fmt.number(v, d, " ")  # noqa: E731
    lines = [
        f"# {m.name} ({m.code}): startdata ur offentlig statistik",
        "",
        f"Skriven av `python -m engine {facts.command} {m.code}` ur {facts.source}. S = taget ur en officiell källa som det är, "
        "E = uppskattat, så som det beskrivs. Kolada: Källa: Kolada; beräkningarna här är Vägvals, inte Koladas. "
        "SCB:s och Skolverkets data är öppna (CC0).",
        "",
        f"* **Invånare** (basår {facts.base_year}): {n(summary['inhabitants'])} i {n(summary['areas'])} DeSO-områden.",
        f"* **Kommunala grundskolor**: {n(summary['schools'])} med {n(summary['pupils'])} elever (F–9, 2025/26).",
        f"* **Förskolor**: {n(summary['preschools'])} med {n(summary['children'])} barn.",
        "",
        f"## Att fylla i ({len(to_fill)})",
        "",
        "Gula celler i arbetsboken och bladet `att_fylla_i`. Mappen går igenom `python -m engine validate` "
        "när koordinaterna är ifyllda; ekonomin och det särskilda boendet behövs för rätt kronor.",
        "",
        *[f"* `{t}`" for t in to_fill],
        "",
        *(["## Att veta om källorna", "", *[f"* {note}" for note in facts.notes], ""] if facts.notes else []),
        "## Befolkning (S/E)",
        "",
        f"SCB:s befolkning per DeSO i 17 femårsklasser, {facts.band_date} (S). "
        + (
            "Varje klass delas på sina ettårsklasser (80+ på 80–100) i samma proportioner som hela kommunens "
            f"folkmängd per ettårsklass ({facts.age_profile_from}) och skalas till klassens summa, så att varje "
            "områdes klasssummor är SCB:s; en ålder SCB inte redovisar får den jämna uppskattningens andel (E)."
            if facts.age_profile is not None
            else "Varje klass sprids över sina fem åldrar längs en rät linje genom grannklassernas medelnivåer och "
            "skalas tillbaka till klassens summa; 80+ sprids över 80–100 efter riksdödlighetens överlevnadskurva (E)."
        ),
    ]
    if facts.shift_years > 0:
        lines.append(
            f"Åldrarna åldras {facts.shift_years} år fram till 31 december {facts.base_year - 1} med rikets dödsrisker, "
            f"utan flyttningar (de yngsta åldrarna som de var) och skalas med invånarutvecklingen ({growth_note}) (E)."
        )
    lines += [
        "Koladas åldersgrupper 1998–2022 (N01817, N01926, N01952, N01953, N01954, N01812, N01813) finns i "
        "`kolada.csv` att jämföra med. `population_bands.csv` är femårsklasserna som de publiceras.",
        "",
        "Områdenas punkter: "
        + (
            "; ".join(sorted({p.how for p in facts.area_points.values()}))
            if facts.area_points
            else "saknas i de offentliga filerna (fyll i)."
        ),
        "",
        "## Scenarier (kalibrerade på Kolada)",
        "",
        working,
        "`stress` har 0,2 färre barn per kvinna och 5 per 1 000 fler utflyttade; `stabilisering` 0,2 fler barn per "
        "kvinna, fler inflyttade och 5 % lägre dödsrisker (E).",
        "",
        "## Skolor (S/E)",
        "",
        "Elever per årskurs 1–9 i kommunens egna skolenheter 2025/26 (Skolverket, S); en årskurs med `.` räknas som "
        "att den inte finns på skolan. Förskoleklass: lika många som i årskurs 1 (E). Kapacitet = elever + 20 % (E).",
    ]
    if costs:
        lines.append(
            f"Lokaler = Skolverkets lokalkostnad per elev {costs_year} ({fmt.kr(costs.premises_per_pupil, ' ')}) × "
            f"elever, yta = lokaler / {n(SCHOOL_RENT_PER_M2)} kr per m²; fasta kostnader = *övrigt* per elev "
            f"({fmt.kr(costs.other_per_pupil, ' ')}) × elever (E). Måltider, lärverktyg och elevhälsa är "
            "`cost_per_pupil_sek` (S). Skolverkets kostnad per elev: "
            f"{fmt.kr(costs.total_per_pupil, ' ')}, varav undervisning {fmt.kr(costs.teaching_per_pupil, ' ')} "
            "(`skolverket_kostnader.csv`)."
        )
    if independents:
        lines.append(
            "Fristående skolor i kommunen (inte med som enheter; deras elever räknas utanför kommunens skolor): "
            + ", ".join(f"{s.name} ({n(s.total or 0)} elever)" for s in independents)
            + "."
        )
    lines += [
        "",
        "## Förskolor (S/E)",
        "",
        f"Barn, grupper och koordinater ur Skolverkets statistik per förskola (S). Kapacitet = grupper × "
        f"{resolve().preschool_group_size:.0f}, minst dagens barn (E); {PRESCHOOL_FLOOR_M2} m² per plats à {n(PRESCHOOL_RENT_PER_M2)} kr/m² "
        "(E); fasta kostnader så att basårets kostnad per barn blir Koladas N11008 (E).",
        "",
        "## Särskilt boende (E)",
        "",
        care_note or "Kolada saknar boende i särskilt boende (N23805): inget särskilt boende är med; lägg till det.",
        "",
        "## Filer",
        "",
        "`municipality.toml`, `areas.csv`, `population.csv`, `demography.csv` (riksmönster), `units.csv`, "
        "`enrollment.csv`, `scenarios.toml`, `alternatives.toml` (bara nollalternativet) läses av modellen. "
        "`population_bands.csv`, `kolada.csv` (Källa: Kolada), `skolverket_elever_per_arskurs.csv` och "
        "`skolverket_kostnader.csv` är källorna som de är, att jämföra med.",
    ]
    return "\n".join(lines) + "\n"


def write(started: Started, out: Path) -> Written:
    """Write the folder ``out`` and the workbook ``out`` + ``.xlsx`` beside it, cells to fill marked."""
    check_out(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in started.files.items():
        (out / name).write_text(text, encoding="utf-8", newline="\n")
    workbook = out.with_name(out.name + ".xlsx")
    _write_marked_workbook(out, workbook, started.to_fill)
    try:
        load_dataset(out)
        problems: list[str] = []
    except DatasetError as exc:
        problems = [str(p) for p in exc.problems]
    return Written(folder=out, workbook=workbook, started=started, problems=problems)


def check_out(out: Path) -> None:
    """StartError unless ``out`` is a new or empty folder (nothing of the analyst's is overwritten)."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise StartError(f"{out} finns redan och är inte en tom mapp; välj en ny mapp")


def _write_marked_workbook(folder: Path, path: Path, to_fill: list[ToFill]) -> None:
    write_workbook(folder, path, finish=lambda book: _mark(book, to_fill))


def _mark(book: Any, to_fill: list[ToFill]) -> None:
    """Colour and comment every cell to fill, and list them on a first sheet of their own."""
    for item in to_fill:
        sheet = book[item.sheet]
        header = [c.value for c in sheet[1]]
        column = header.index(item.column) + 1 if item.column in header else 2
        cell = sheet.cell(row=item.row, column=column)
        cell.fill = FILL
        cell.comment = Comment(item.what, "Vägval")
    note = book.create_sheet(TO_FILL_SHEET, 0)
    note.append(["blad", "rad", "kolumn", "att fylla i"])
    for c in note[1]:
        c.font = Font(bold=True)
    for item in to_fill:
        note.append([item.sheet, item.row, item.column, item.what])
    note.column_dimensions["D"].width = 110


def start(code: str, out: Path, gather: Callable[[str], PublicFacts] = from_files) -> Written:
    """Gather the facts for one municipality, build the dataset and write it (folder and workbook)."""
    check_code(code)
    check_out(out)
    return write(build(gather(code)), out)


def workbook_bytes(code: str) -> tuple[bytes, int]:
    """The prefilled workbook for one municipality from the national files, and how many cells to fill."""
    with tempfile.TemporaryDirectory() as tmp:
        written = start(code, Path(tmp) / code)
        return written.workbook.read_bytes(), len(written.started.to_fill)
