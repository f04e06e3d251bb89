"""The same facts as engine.sources.start.from_files, from the agencies' APIs (``python -m engine fetch``).

* **SCB PxWebApi v2** ``/tables/TAB6574/data`` (json-stat2): population per DeSO 2025 by
  five-year band and sex on the last 31 December published; the table's metadata gives the
  codes. At most 150 000 cells a call: larger selections are split by area.
* **SCB PxWebApi v2** ``/tables/TAB638/data`` (json-stat2): the municipality's persons by
  single year 0–100+ (both sexes, every civil status) on the same 31 December where published,
  else the latest; it splits each DeSO's bands (estimates.shape_bands). If it cannot be had the
  smooth estimate is used and the README says so.
* **SCB geodata WFS** ``stat:DeSO_2025`` (GeoJSON, ``srsName=EPSG:4326``, CQL filter on
  ``kommunkod``): the areas' polygons; an area's point is its largest ring's centroid (E).
* **Skolverket Skolenhetsregistret v2** ``/v2/school-units?municipality_code=…`` and each
  unit's details (school types, organiser, ``geoCoordinates``); **Planned Educations v4**
  for the grades taught, the position where the registry has none and the number of pupils.
* **Kolada v3** ``/v3/data/kpi/{kpis}/municipality/{id}/year/{years}``, following ``next_url``.

Skolverket's cost and per-grade statistics and the preschool register have no API among
these, so they come from the national files in data/public, as with ``start``. A value an
agency suppresses (``..``, ``.``, null) is never read as 0.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pyproj import Transformer

from engine.sources import public
from engine.sources.estimates import MAX_AGE, ring_area_centroid
from engine.sources.http import Http, SourceError
from engine.sources.start import AreaPoint, PublicFacts, check_code, from_files

SCB = "https://statistikdatabasen.scb.se/api/v2"
WFS = "https://geodata.scb.se/geoserver/stat/wfs"
REGISTRY = "https://api.skolverket.se/skolenhetsregistret/v2"
PLANNED = "https://api.skolverket.se/planned-educations/v4"
PLANNED_ACCEPT = "application/vnd.skolverket.plannededucations.api.v4.hal+json"
KOLADA = "https://api.kolada.se/v3"
DESO_TABLE = "TAB6574"
SINGLE_YEAR_TABLE = "TAB638"  # the municipality's persons by single year of age, 0–100+
MAX_CELLS = 150_000  # SCB's limit per call
SUPPRESSED = ("..", ".", "", "-")
_SWEREF = Transformer.from_crs("EPSG:3006", "EPSG:4326", always_xy=True)


def sweref_to_wgs84(north: float, east: float) -> tuple[float, float]:
    """SWEREF 99 TM (EPSG:3006, metres) → WGS84 (lat, lon) in degrees."""
    lon, lat = _SWEREF.transform(east, north)
    return float(lat), float(lon)


def number(value: Any) -> float | None:
    """An agency's number: 12, "12,5", "cirka 210", "1 234"; None for a suppressed or missing value."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if text in SUPPRESSED:
        return None
    found = re.search(r"-?\d[\d\s\xa0]*(?:[.,]\d+)?", text)
    if not found:
        return None
    return float(found.group(0).replace(" ", "").replace("\xa0", "").replace(",", "."))


# ------------------------------------------------------------------------------------------
# SCB: population by DeSO and five-year band, and the areas' polygons
# ------------------------------------------------------------------------------------------
def _codes(meta: dict[str, Any], dim: str) -> list[str]:
    index = meta["dimension"][dim]["category"]["index"]
    if isinstance(index, list):
        return [str(c) for c in index]
    return [c for c, _ in sorted(index.items(), key=lambda kv: kv[1])]


def _labels(meta: dict[str, Any], dim: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in (meta["dimension"][dim]["category"].get("label") or {}).items()}


def flatten(js: dict[str, Any]) -> list[tuple[dict[str, str], float | None]]:
    """A json-stat2 dataset as (codes by dimension, value) per cell; the last dimension varies
    fastest. A null value, or one whose status is `..`/`.`, stays None."""
    ids, sizes = js["id"], js["size"]
    codes = [_codes(js, d) for d in ids]
    values = js["value"]
    status = js.get("status") or {}
    if isinstance(values, dict):  # the sparse form: {"position": value}
        values = [values.get(str(i)) for i in range(_product(sizes))]
    out = []
    for i, v in enumerate(values):
        rest, where = i, {}
        for dim, size, dim_codes in zip(reversed(ids), reversed(sizes), reversed(codes), strict=True):
            where[dim] = dim_codes[rest % size]
            rest //= size
        marked = status.get(str(i)) if isinstance(status, dict) else (status[i] if i < len(status) else None)
        out.append((where, None if marked in ("..", ".") else number(v)))
    return out


def _product(sizes: list[int]) -> int:
    total = 1
    for s in sizes:
        total *= s
    return total


def _band(label: str) -> int | None:
    """The AGE_BANDS index of an SCB age label ("0-4 år", "80+ år", "85-89"); None for a total."""
    found = re.match(r"\s*(\d+)", label)
    if not found:
        return None
    low = int(found.group(1))
    return min(low // 5, 16)


def scb_population(http: Http, code: str) -> tuple[list[public.DesoBands], int, list[str]]:
    """DeSO 2025 of the municipality with 17 bands (both sexes), the year (31 Dec), and notes."""
    meta = http.get_json(f"{SCB}/tables/{DESO_TABLE}/metadata", {"lang": "sv"})
    dims = list(meta["id"])
    region = next(d for d in dims if d.lower() == "region")
    age = next(d for d in dims if d.lower().startswith("ald"))
    time_dim = next(d for d in dims if d.lower() == "tid")
    regions = [c for c in _codes(meta, region) if c.startswith(code) and "DeSO" in c]
    if not regions:
        raise SourceError(f"SCB:s tabell {DESO_TABLE} har inga DeSO-områden för kommun {code}")
    age_labels = _labels(meta, age)
    ages = [c for c in _codes(meta, age) if _band(age_labels.get(c, c)) is not None]
    year = _codes(meta, time_dim)[-1]
    selection: dict[str, list[str]] = {}
    for dim in dims:
        values = _codes(meta, dim)
        if dim == region:
            values = regions
        elif dim == age:
            values = ages
        elif dim == time_dim:
            values = [year]
        elif len(values) > 1:  # sex: both kept and summed unless a total is offered
            totals = [c for c in values if "tot" in _labels(meta, dim).get(c, c).lower() or c in ("1+2", "T")]
            values = totals[:1] or [c for c in values if c not in totals]
        selection[dim] = values
    per_region = _product([len(v) for d, v in selection.items() if d != region])
    step = max(1, MAX_CELLS // per_region)
    bands: dict[str, list[float | None]] = {}
    notes: list[str] = []
    for start in range(0, len(regions), step):
        chunk = {**selection, region: regions[start : start + step]}
        params = {"lang": "sv", "outputFormat": "json-stat2"}
        params.update({f"valueCodes[{d}]": ",".join(v) for d, v in chunk.items()})
        js = http.get_json(f"{SCB}/tables/{DESO_TABLE}/data", params)
        labels = _labels(js, age) or age_labels
        for where, value in flatten(js):
            b = _band(labels.get(where[age], where[age]))
            if b is None:
                continue
            deso = where[region].split("_")[0]
            row = bands.setdefault(deso, [0.0] * 17)
            row[b] = None if value is None or row[b] is None else row[b] + value  # type: ignore[operator]
    areas = []
    key = {d: a.regso for d, a in ((x.deso, x) for x in public.deso_bands(code))}
    for deso, row in sorted(bands.items()):
        missing = [i for i, v in enumerate(row) if v is None]
        for i in missing:  # a suppressed band: the mean of its neighbours (E), never 0
            near = [row[j] for j in (i - 1, i + 1) if 0 <= j < 17 and row[j] is not None]
            row[i] = sum(near) / len(near) if near else None  # type: ignore[arg-type]
            notes.append(
                f"SCB redovisar inte åldrarna {public.AGE_BANDS[i][0]}–{public.AGE_BANDS[i][1] or ''} i {deso} "
                f"({DESO_TABLE}, {year}): uppskattade som grannklassernas medel (E)"
            )
        if any(v is None for v in row):
            raise SourceError(f"SCB redovisar för få åldrar i {deso} för att uppskatta resten")
        areas.append(public.DesoBands(deso=deso, regso=key.get(deso, ""), bands=tuple(round(v or 0) for v in row)))
    return areas, int(year), notes


def _single_age(label: str) -> int | None:
    """The age of an SCB single-year label ("0 år", "57", "100+ år"); None for a total."""
    found = re.match(r"\s*(\d+)", label)
    return min(int(found.group(1)), MAX_AGE) if found else None


def scb_single_years(http: Http, code: str, year: int) -> tuple[list[float | None], int]:
    """The municipality's persons by single year 0–100 (100 = 100 and older; both sexes and
    every civil status summed) from TAB638 on 31 December ``year``, or the latest year if that
    one is not published; an age with a suppressed or missing cell is None, never 0. An answer
    in another shape than json-stat2's is a SourceError, like a failed call."""
    try:
        return _single_years(http, code, year)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise SourceError(f"SCB:s tabell {SINGLE_YEAR_TABLE} svarade i en oväntad form ({exc!r})") from None


def _single_years(http: Http, code: str, year: int) -> tuple[list[float | None], int]:
    table = SINGLE_YEAR_TABLE
    meta = http.get_json(f"{SCB}/tables/{table}/metadata", {"lang": "sv"})
    dims = list(meta["id"])
    try:
        region = next(d for d in dims if d.lower() == "region")
        age = next(d for d in dims if d.lower().startswith("ald"))
        time_dim = next(d for d in dims if d.lower() == "tid")
    except StopIteration:
        raise SourceError(f"SCB:s tabell {table} saknar region, ålder eller år") from None
    if code not in _codes(meta, region):
        raise SourceError(f"SCB:s tabell {table} har inte kommun {code}")
    age_labels = _labels(meta, age)
    years = _codes(meta, time_dim)
    chosen = str(year) if str(year) in years else years[-1]
    selection: dict[str, list[str]] = {}
    for dim in dims:
        values = _codes(meta, dim)
        labels = _labels(meta, dim)
        if dim == region:
            values = [code]
        elif dim == age:
            values = [c for c in values if _single_age(age_labels.get(c, c)) is not None]
        elif dim == time_dim:
            values = [chosen]
        elif dim.lower() == "contentscode":  # one measure: the population, never its change
            values = [c for c in values if "folkmängd" in labels.get(c, "").lower()][:1] or values[:1]
        elif len(values) > 1:  # sex, civil status: a total if offered, else every part summed
            totals = [c for c in values if "tot" in labels.get(c, c).lower() or c in ("1+2", "T", "TOT")]
            values = totals[:1] or values
        selection[dim] = values
    params = {"lang": "sv", "outputFormat": "json-stat2"}
    params.update({f"valueCodes[{d}]": ",".join(v) for d, v in selection.items()})
    js = http.get_json(f"{SCB}/tables/{table}/data", params)
    labels = _labels(js, age) or age_labels
    persons: list[float | None] = [0.0] * (MAX_AGE + 1)
    seen = [False] * (MAX_AGE + 1)
    for where, value in flatten(js):
        a = _single_age(labels.get(where[age], where[age]))
        if a is None:
            continue
        seen[a] = True
        now = persons[a]
        persons[a] = None if value is None or now is None else now + value
    persons = [v if s else None for v, s in zip(persons, seen, strict=True)]
    if all(v is None for v in persons):
        raise SourceError(f"SCB:s tabell {table} redovisar inga åldrar för kommun {code}")
    return persons, int(chosen)


def _ages(ages: list[int]) -> str:
    """Ages as runs: [3, 4, 5, 9, 100] → "3–5, 9, 100+" (100 is 100 and older)."""
    runs: list[list[int]] = []
    for a in ages:
        if runs and a == runs[-1][-1] + 1:
            runs[-1].append(a)
        else:
            runs.append([a])
    name = {MAX_AGE: f"{MAX_AGE}+"}
    return ", ".join(f"{r[0]}–{name.get(r[-1], r[-1])}" if len(r) > 1 else str(name.get(r[0], r[0])) for r in runs)


def scb_area_points(http: Http, code: str) -> dict[str, AreaPoint]:
    """DeSO 2025 → its polygon's centroid (largest ring; E), from SCB's geodata WFS."""
    params = {
        "service": "WFS",
        "version": "2.0.0",
        "request": "GetFeature",
        "typeNames": "stat:DeSO_2025",
        "outputFormat": "application/json",
        "srsName": "EPSG:4326",
        "CQL_FILTER": f"kommunkod='{code}'",
    }
    doc = http.get_json(WFS, params)
    points = {}
    for feature in doc.get("features") or []:
        props = feature.get("properties") or {}
        geom = feature.get("geometry") or {}
        if not props.get("desokod") or geom.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        outer = max((p[0] for p in polygons), key=len)
        # GeoJSON is [lon, lat]; some servers answer EPSG:4326 as [lat, lon]. Sweden tells them
        # apart: latitudes 55–69, longitudes 11–24.
        ring = [[b, a] if a < 40 else [a, b] for a, b in outer]
        _, lat, lon = ring_area_centroid(ring)
        points[str(props["desokod"])] = AreaPoint(
            lat, lon, "områdets polygons mittpunkt (SCB:s geodata, DeSO 2025) (E)"
        )
    return points


# ------------------------------------------------------------------------------------------
# Skolverket
# ------------------------------------------------------------------------------------------
def _find(obj: Any, key: str) -> Any:
    """The first value under `key` anywhere in a JSON document (the registry nests it)."""
    if isinstance(obj, dict):
        if key in obj:
            return obj[key]
        for value in obj.values():
            found = _find(value, key)
            if found is not None:
                return found
    elif isinstance(obj, list):
        for value in obj:
            found = _find(value, key)
            if found is not None:
                return found
    return None


def _registry_position(detail: Any) -> tuple[float, float] | None:
    geo = _find(detail, "geoCoordinates")
    if not isinstance(geo, dict):
        return None
    lat, lon = number(geo.get("latitude")), number(geo.get("longitude"))
    if lat is not None and lon is not None:
        return lat, lon
    north, east = number(geo.get("coordinateY") or geo.get("north")), number(geo.get("coordinateX") or geo.get("east"))
    return sweref_to_wgs84(north, east) if north is not None and east is not None else None


def _planned_position(body: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = number(body.get("wgs84_Lat")), number(body.get("wgs84_Long"))
    if lat is not None and lon is not None:
        return lat, lon
    north, east = number(body.get("sweRef_N")), number(body.get("sweRef_E"))
    return sweref_to_wgs84(north, east) if north is not None and east is not None else None


def skolverket_schools(
    http: Http, code: str, national: list[public.SchoolUnit]
) -> tuple[list[public.SchoolUnit], dict[str, public.Position], list[str]]:
    """The municipality's compulsory school units now, their positions and notes.

    Pupils per grade are Skolverket's per-unit statistics in data/public where the unit is
    there (S); otherwise Planned Educations' total spread evenly over the grades taught (E)."""
    listing = http.get_json(f"{REGISTRY}/school-units", {"municipality_code": code})
    entries = _find(listing, "attributes") or []
    by_code = {u.code: u for u in national}
    units: list[public.SchoolUnit] = []
    positions: dict[str, public.Position] = {}
    notes: list[str] = []
    headers = {"Accept": PLANNED_ACCEPT}
    for entry in entries if isinstance(entries, list) else []:
        unit_code = str(entry.get("schoolUnitCode") or "")
        if not unit_code or str(entry.get("status", "AKTIV")).upper() != "AKTIV":
            continue
        detail = http.get_json(f"{REGISTRY}/school-units/{unit_code}")
        try:
            planned = http.get_json(f"{PLANNED}/school-units/{unit_code}", headers=headers).get("body") or {}
        except SourceError:
            planned = {}
        schooling = {t.get("code"): t.get("schoolYears") or [] for t in planned.get("typeOfSchooling") or []}
        types = [str(t).upper() for t in (_find(detail, "schoolTypes") or [])]
        if "gr" not in schooling and "GR" not in types:
            continue
        name = str(planned.get("name") or _find(detail, "displayName") or entry.get("name") or unit_code)
        organiser = str(planned.get("principalOrganizerType") or _find(detail, "principalOrganizerType") or "")
        organiser_type = "Kommunal" if organiser.lower().startswith("kommun") else "Enskild"
        where = _registry_position(detail) or _planned_position(planned)
        if where:
            positions[unit_code] = public.Position(lat=where[0], lon=where[1], north=0.0, east=0.0)
        if unit_code in by_code:
            known = by_code[unit_code]
            units.append(replace(known, name=name, organiser_type=organiser_type))
            continue
        grades = sorted(int(g) for g in schooling.get("gr", []) if str(g).isdigit() and 1 <= int(g) <= 9)
        statistics = http.get_json(f"{PLANNED}/school-units/{unit_code}/statistics/gr", headers=headers)
        totals = _find(statistics, "totalNumberOfPupils") or []
        total = number(totals[0].get("value")) if totals else None
        if total is None or not grades:
            notes.append(
                f"{name} ({unit_code}): Skolverket redovisar inget elevantal; skolan är inte med – lägg till den"
            )
            continue
        each = total / len(grades)
        pupils = tuple(round(each) if g in grades else None for g in public.GRADES)
        notes.append(
            f"{name} ({unit_code}): elever per årskurs = Skolverkets totala elevantal ({total:.0f}) jämnt fördelat "
            "över årskurserna (E)"
        )
        units.append(
            public.SchoolUnit(
                code=unit_code,
                name=name,
                municipality=code,
                organiser_type=organiser_type,
                organiser=organiser,
                pupils=pupils,
                total=round(total),
            )
        )
    return units, positions, notes


# ------------------------------------------------------------------------------------------
# Kolada
# ------------------------------------------------------------------------------------------
def kolada_values(http: Http, code: str, kpis: list[str], years: list[int]) -> dict[str, dict[int, float]]:
    """KPI → year → value (gender T) for one municipality, following ``next_url``; a missing
    or null value is absent, never 0."""
    url: str | None = f"{KOLADA}/data/kpi/{','.join(kpis)}/municipality/{code}/year/{','.join(map(str, years))}"
    out: dict[str, dict[int, float]] = {k: {} for k in kpis}
    while url:
        page = http.get_json(url)
        for entry in page.get("values") or []:
            for v in entry.get("values") or []:
                value = number(v.get("value"))
                if v.get("gender", "T") == "T" and value is not None:
                    out.setdefault(str(entry["kpi"]), {})[int(entry["period"])] = value
        url = page.get("next_url") or None
    return out


# ------------------------------------------------------------------------------------------
def fetch_facts(code: str, http: Http) -> PublicFacts:
    """The facts for one municipality from the APIs, the rest from data/public."""
    check_code(code)
    base = from_files(code)
    areas, year, notes = scb_population(http, code)
    profile: tuple[float | None, ...] | None = None
    profile_from = ""
    try:
        single, single_year = scb_single_years(http, code, year)
        profile = tuple(single)
        profile_from = f"SCB:s tabell {SINGLE_YEAR_TABLE}, 31 december {single_year}"
        missing = [a for a, v in enumerate(single) if v is None]
        if missing:
            notes.append(
                f"SCB redovisar inte åldrarna {_ages(missing)} i {SINGLE_YEAR_TABLE} ({single_year}): där följer "
                "fördelningen inom femårsklassen den jämna uppskattningen (E)"
            )
    except SourceError as exc:  # offline or a changed table: the bands alone still make a dataset
        notes.append(fallback_note(exc))
    points = scb_area_points(http, code)
    schools, positions, school_notes = skolverket_schools(http, code, base.schools)
    kpis = list(base.kpi_titles)
    kolada = kolada_values(http, code, kpis, list(range(1998, year + 1)))
    names = {a.deso: a.regso for a in areas if a.regso}
    return replace(
        base,
        areas=areas,
        band_date=f"31 december {year}",
        shift_years=0,
        base_year=year + 1,
        area_points=points,
        area_names=names,
        schools=schools,
        school_positions={**base.school_positions, **positions},
        kolada={k: v for k, v in kolada.items() if v},
        command="fetch",
        source=(
            f"SCB:s PxWebApi ({DESO_TABLE}"
            + (f", {SINGLE_YEAR_TABLE}" if profile is not None else "")
            + ") och geodata (DeSO 2025), Skolverkets Skolenhetsregistret och "
            "Planned Educations, Koladas API; Skolverkets kostnader och elever per årskurs samt förskolorna ur "
            "de nationella filerna i `data/public/`"
        ),
        notes=tuple(notes + school_notes),
        age_profile=profile,
        age_profile_from=profile_from,
    )


def fallback_note(exc: Exception) -> str:
    """What the README and the terminal say when TAB638 could not be had."""
    return (
        f"Kommunens ettårsklasser ({SINGLE_YEAR_TABLE}) kunde inte hämtas från SCB ({exc}); åldrarna inom "
        "femårsklasserna är därför den jämna uppskattningen (E)"
    )
