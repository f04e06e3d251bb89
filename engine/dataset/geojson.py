"""areas.geojson: the optional shapes of the planning areas, read as hostile input.

A GeoJSON FeatureCollection (RFC 7946) in WGS84: one Feature per ``area_id`` of
``areas.csv``, its geometry a Polygon or MultiPolygon of [longitude, latitude] in
degrees. Only the outer rings are kept (the map fills each area; a town's area drawn
over its surrounding one stands for a hole). Every problem is collected as a
:class:`Problem` in Swedish naming the feature, and nothing is half-read: the shapes
are used whole or the dataset is refused.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from engine.core.problems import Problem
from engine.dataset.schema import LAT_RANGE, LIMITS, LON_RANGE, MAX_GEOJSON_BYTES
from engine.dataset.text import decode, shown, suggest

FILE = "areas.geojson"
# A ring as (longitude, latitude) corners in degrees; an area as its polygons' outer rings.
Ring = tuple[tuple[float, float], ...]
Shapes = dict[str, tuple[Ring, ...]]
MAX_POINTS = LIMITS["shape_points"].value
# Names of WGS84 in the (obsolete, pre-RFC 7946) "crs" member that QGIS and ArcGIS still write.
WGS84_NAMES = ("crs84", "epsg::4326", "epsg:4326", "wgs84", "wgs 84")


def read_shapes(path: Path, area_ids: Iterable[str], problems: list[Problem]) -> Shapes | None:
    """The areas' outer rings by area_id, or None with every problem appended to ``problems``."""
    size = path.stat().st_size
    if size > MAX_GEOJSON_BYTES:
        problems.append(
            Problem(
                FILE,
                None,
                None,
                f"filen är {size / 1024 / 1024:.1f} MB; {FILE} får vara högst {LIMITS['geojson_mb'].value} MB "
                "(förenkla polygonerna, t.ex. med QGIS: Vektor → Geometri → Förenkla)",
            )
        )
        return None
    try:
        doc = json.loads(decode(path.read_bytes()))
    except json.JSONDecodeError as exc:
        problems.append(Problem(FILE, exc.lineno, None, f"felaktig JSON (tecken {exc.colno}): {_json_reason(exc.msg)}"))
        return None
    except (RecursionError, ValueError):  # lists nested thousands deep; integers of thousands of digits
        problems.append(
            Problem(FILE, None, None, "filen kan inte läsas: listor nästlade för djupt eller för långa tal")
        )
        return None
    before = len(problems)
    shapes = _collection(doc, list(area_ids), problems)
    return shapes if len(problems) == before else None


def _json_reason(msg: str) -> str:
    reasons = {
        "Expecting value": 'ett värde saknas eller är inte JSON (text inom "citattecken", tal utan)',
        "Expecting ',' delimiter": "ett kommatecken saknas",
        "Expecting property name enclosed in double quotes": 'en nyckel ska stå inom "citattecken"',
        "Unterminated string": 'en text stängs aldrig med "',
        "Extra data": "text efter JSON-dokumentets slut",
    }
    return next((sv for en, sv in reasons.items() if msg.startswith(en)), "skrivsättet följer inte JSON")


def _collection(doc: Any, area_ids: list[str], problems: list[Problem]) -> Shapes:
    def fail(message: str) -> None:
        problems.append(Problem(FILE, None, None, message))

    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        fail('ska vara en GeoJSON FeatureCollection: {"type": "FeatureCollection", "features": [...]}')
        return {}
    crs = _crs_name(doc.get("crs"))
    if crs is not None and not any(name in crs.lower() for name in WGS84_NAMES):
        fail(
            f"koordinatsystemet är {shown(crs)}; filen ska vara i WGS84 (longitud, latitud i grader, EPSG:4326). "
            "Spara om den i WGS84, t.ex. i QGIS: Exportera → Spara objekt som … → KRS EPSG:4326"
        )
        return {}
    known = set(area_ids)
    shapes: Shapes = {}
    points = 0
    for i, feature in enumerate(doc["features"], 1):
        where = f"objekt {i} i features"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            fail(f"{where} är ingen Feature")
            continue
        props = feature.get("properties")
        area = props.get("area_id") if isinstance(props, dict) else None
        if not isinstance(area, str) or not area.strip():
            fail(f"{where} saknar properties.area_id (områdets id i areas.csv)")
            continue
        area = area.strip()
        where = f"{where} (area_id '{shown(area)}')"
        if area not in known:
            fail(f"{where}: området finns inte i areas.csv{suggest(area, known)}")
            continue
        if area in shapes:
            fail(f"{where}: området har redan en form; ett objekt per område")
            continue
        rings = _rings(feature.get("geometry"), where, fail)
        if rings is None:
            continue
        points += sum(len(r) for r in rings)
        if points > MAX_POINTS:
            fail(
                f"{where}: filen har fler än {MAX_POINTS} hörn i alla polygoner; förenkla polygonerna "
                "(kartan ritar dem i webbläsaren vid varje ändring)"
            )
            return shapes
        shapes[area] = rings
    if not problems and (missing := [a for a in area_ids if a not in shapes]):
        more = f" och {len(missing) - 5} till" if len(missing) > 5 else ""
        fail(
            f"områdena {', '.join(repr(shown(a)) for a in missing[:5])}{more} saknar en form; "
            "ge varje område i areas.csv ett objekt, eller ta bort filen så ritar kartan områdena ur deras punkter"
        )
    return shapes


def _crs_name(crs: Any) -> str | None:
    if crs is None:
        return None
    props = crs.get("properties") if isinstance(crs, dict) else None
    name = props.get("name") if isinstance(props, dict) else None
    return name if isinstance(name, str) else str(crs)[:60]


def _rings(geometry: Any, where: str, fail: Any) -> tuple[Ring, ...] | None:
    """The outer rings of a Polygon or MultiPolygon, checked corner by corner."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if kind not in ("Polygon", "MultiPolygon") or not isinstance(coords, list):
        fail(f"{where}: geometry ska vara en Polygon eller MultiPolygon, inte {shown(kind)}")
        return None
    polygons = coords if kind == "MultiPolygon" else [coords]
    rings: list[Ring] = []
    for polygon in polygons:
        outer = polygon[0] if isinstance(polygon, list) and polygon else None
        ring = _ring(outer, where, fail)
        if ring is None:
            return None
        rings.append(ring)
    if not rings:
        fail(f"{where}: polygonen är tom")
        return None
    return tuple(rings)


def _ring(outer: Any, where: str, fail: Any) -> Ring | None:
    if not isinstance(outer, list) or len(outer) < 4:
        fail(f"{where}: en polygon behöver minst fyra hörn [longitud, latitud], där det sista är lika med det första")
        return None
    corners: list[tuple[float, float]] = []
    for corner in outer:
        if (
            not isinstance(corner, list)
            or len(corner) < 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in corner[:2])
            or not all(math.isfinite(v) for v in corner[:2])
        ):
            fail(f"{where}: hörnet {shown(corner)} är inte [longitud, latitud] i grader")
            return None
        lon, lat = float(corner[0]), float(corner[1])
        if not (LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1]):
            fail(f"{where}: hörnet [{lon:g}, {lat:g}] {_outside_why(lon, lat)}")
            return None
        corners.append((lon, lat))
    if corners[0] != corners[-1]:
        corners.append(corners[0])  # RFC 7946 asks for a closed ring; an open one is closed here
    return tuple(corners)


def _outside_why(lon: float, lat: float) -> str:
    """Why a corner lies outside Sweden, guessing the usual mistakes."""
    if abs(lon) > 180 or abs(lat) > 90:
        return (
            "är inte grader; det ser ut som meter (SWEREF 99 TM?). Spara om filen i WGS84 (EPSG:4326), "
            "t.ex. i QGIS: Exportera → Spara objekt som … → KRS EPSG:4326"
        )
    if LAT_RANGE[0] <= lon <= LAT_RANGE[1] and LON_RANGE[0] <= lat <= LON_RANGE[1]:
        return "har latitud och longitud i fel ordning; GeoJSON skriver [longitud, latitud]"
    return f"ligger utanför Sverige (longitud {LON_RANGE[0]:g}–{LON_RANGE[1]:g}, latitud {LAT_RANGE[0]:g}–{LAT_RANGE[1]:g})"
