"""The map of one alternative and the travel distances beside it (Jämför, "Geografi och resor").

Everything is laid out in a local plane in kilometres, so that the page only draws:

* projection: around the areas' mean point (φ0, λ0), x = R·(λ − λ0)·cos φ0,
  y = R·(φ − φ0), angles in radians, R = 6 371 km (the mean Earth radius). Over a
  municipality (±100 km) lengths are true to within about 1 % and north is up;
* areas as shapes: the dataset's polygons (``areas.geojson``) when it has them, otherwise
  the Voronoi cell of each area's point (every place nearer to that point than to any
  other), clipped to the points' convex hull widened by a margin, so the demo has shapes
  too. The cells cover every area's point and do not overlap;
* names: schools first, then areas by pupils; a name whose box (estimated from the
  number of characters at the drawn font size, at the map's nominal scale) would overlap
  a name already placed or a school's symbol is left to the hover;
* flows: pupils from each area to each school in one year, as arrows from the area's
  point to the school, with the pupils and the road distance (km); "moved" when the
  alternative sends more pupils along it than keeping all schools does. Each arrow is
  an outline (``arrow_outlines``) as wide as its pupils, so that all arrows of one
  colour are one filled shape for the browser;
* distance bands: pupils by road distance to their school (0–2, 2–5, 5–10, 10–20, over
  20 km) for every compared alternative, and who is beyond the transport threshold.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPoint, Point, Polygon

from engine.core.types import KEEP_ALL
from engine.dataset import Dataset
from engine.measures.child_impact import DISTANCE_BANDS_KM
from engine.model.evaluate import Result

EARTH_RADIUS_KM = 6371.0
MIN_MARGIN_KM = 1.0  # the least margin around the outermost points (km)
MARGIN_SHARE = 0.5  # margin = this share of the median distance between neighbouring points
SCHOOL_SYMBOL_PX = 18  # the school symbol's size on screen; its box is kept free of names
NARROW_MAP_PX = (300, 320)  # a 390 px wide phone draws the map in 338 × 359 px (Debian's chromium); the names
# are estimated boxes (bold names run wider), so they are placed with a tenth to spare
NAME_FONT_PX = 13  # names at this size are legible on a projector at 1280×720
CHAR_WIDTH = 0.58  # mean width of a character in a sans-serif font, in font sizes
LINE_HEIGHT = 1.25  # a line of text, in font sizes
MOVED_MIN_PUPILS = 0.5  # a flow counts as moved when it carries this many more pupils than under keep-all
MAX_ARROW_PX = 12.0  # the shaft of the map's largest flow, at the map's nominal scale; the others in proportion
MIN_ARROW_PX = 1.5  # the thinnest shaft: a flow of one pupil stays visible


@dataclass(frozen=True, kw_only=True)
class Plane:
    """The local plane: origin (degrees) and the cosine of its latitude."""

    lat0: float
    lon0: float

    def xy(self, lat: Sequence[float] | np.ndarray, lon: Sequence[float] | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Degrees → km east and north of the origin."""
        k = math.radians(1.0) * EARTH_RADIUS_KM
        lat_a, lon_a = np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)
        return (lon_a - self.lon0) * k * math.cos(math.radians(self.lat0)), (lat_a - self.lat0) * k


@dataclass(frozen=True, kw_only=True)
class AreaShapes:
    """Every area's shape in the plane (km): a tuple of rings (x, y arrays) per area, in ``areas``' order.

    ``derived`` says the shapes are Voronoi cells of the points, not the dataset's polygons.
    """

    plane: Plane
    area_ids: tuple[str, ...]
    rings: tuple[tuple[tuple[np.ndarray, np.ndarray], ...], ...]
    sizes_km2: tuple[float, ...]
    derived: bool


def voronoi_cells(points: np.ndarray) -> list[Polygon | None]:
    """The cell of each point (n × 2, km): its Voronoi region clipped to the widened hull.

    Margin m = max(MIN_MARGIN_KM, MARGIN_SHARE × the median distance from a point to its
    nearest neighbour); the clip region is the convex hull of the points buffered by m
    (one point alone: a disc of radius m). A point that repeats an earlier one gets None:
    both stand at the same place, and the first one's cell is theirs.
    """
    n = len(points)
    if n == 0:
        return []
    first_of: dict[tuple[float, float], int] = {}
    for i, (x, y) in enumerate(points):
        first_of.setdefault((float(x), float(y)), i)
    unique = sorted(set(first_of.values()))
    pts = points[unique]
    if len(pts) > 1:
        d = np.hypot(pts[:, None, 0] - pts[None, :, 0], pts[:, None, 1] - pts[None, :, 1])
        np.fill_diagonal(d, np.inf)
        margin = max(MIN_MARGIN_KM, MARGIN_SHARE * float(np.median(d.min(axis=1))))
    else:
        margin = MIN_MARGIN_KM
    region = MultiPoint([tuple(p) for p in pts]).convex_hull.buffer(margin)
    cells: list[Polygon | None] = [None] * n
    if len(pts) == 1:
        cells[unique[0]] = region
        return cells
    diagram = shapely.voronoi_polygons(MultiPoint([tuple(p) for p in pts]), extend_to=region, ordered=True)
    for i, cell in zip(unique, diagram.geoms, strict=True):
        clipped = cell.intersection(region)
        # A clip can leave slivers as a collection; the cell is the part that holds its point.
        if not isinstance(clipped, Polygon):
            parts = [g for g in getattr(clipped, "geoms", []) if isinstance(g, Polygon)]
            clipped = next((g for g in parts if g.covers(Point(points[i]))), max(parts, key=lambda g: g.area))
        cells[i] = clipped
    return cells


def area_shapes(dataset: Dataset) -> AreaShapes:
    """The areas' shapes in the plane, from ``areas.geojson`` or as Voronoi cells (memoised per dataset)."""
    return dataset.cache.get_or_compute(("map.area_shapes",), lambda: _area_shapes(dataset))


def _area_shapes(dataset: Dataset) -> AreaShapes:
    areas = dataset.areas
    plane = Plane(lat0=float(areas["lat"].mean()), lon0=float(areas["lon"].mean()))
    ids = tuple(str(a) for a in areas["area_id"])
    rings: list[tuple[tuple[np.ndarray, np.ndarray], ...]] = []
    sizes: list[float] = []
    if dataset.area_shapes is not None:
        for area in ids:
            mine = []
            size = 0.0
            for ring in dataset.area_shapes[area]:
                lon, lat = np.array(ring, dtype=float).T
                x, y = plane.xy(lat, lon)
                mine.append((x, y))
                size += Polygon(np.column_stack([x, y])).area if len(x) >= 4 else 0.0
            rings.append(tuple(mine))
            sizes.append(size)
        return AreaShapes(plane=plane, area_ids=ids, rings=tuple(rings), sizes_km2=tuple(sizes), derived=False)
    x, y = plane.xy(areas["lat"], areas["lon"])
    for cell in voronoi_cells(np.column_stack([x, y])):
        if cell is None:
            rings.append(())
            sizes.append(0.0)
        else:
            cx, cy = cell.exterior.xy
            rings.append(((np.asarray(cx), np.asarray(cy)),))
            sizes.append(float(cell.area))
    return AreaShapes(plane=plane, area_ids=ids, rings=tuple(rings), sizes_km2=tuple(sizes), derived=True)


@dataclass(frozen=True, kw_only=True)
class Label:
    """A name to place: centred on (x, y) km, ``dy_px`` pixels above it; higher ``priority`` placed first."""

    key: str
    text: str
    x: float
    y: float
    priority: float
    dy_px: float = 0.0


def thin_labels(
    labels: Sequence[Label],
    obstacles: Mapping[str, tuple[float, float]],
    *,
    km_per_px: float,
    fixed: Sequence[Label] = (),
) -> set[str]:
    """The keys of the names that fit: placed in order of priority, none overlapping another or an obstacle.

    ``fixed``: names already on the map whatever happens (not returned), which the others avoid.

    A name of c characters takes c × CHAR_WIDTH × NAME_FONT_PX pixels by LINE_HEIGHT × NAME_FONT_PX;
    an obstacle (a school symbol at x, y km, by the key of its own name, which may touch it)
    SCHOOL_SYMBOL_PX square. Boxes are compared in km at the map's scale ``km_per_px``.
    """
    half_symbol = SCHOOL_SYMBOL_PX / 2 * km_per_px
    symbols = {
        key: (x - half_symbol, x + half_symbol, y - half_symbol, y + half_symbol) for key, (x, y) in obstacles.items()
    }

    def box_of(label: Label) -> tuple[float, float, float, float]:
        w = len(label.text) * CHAR_WIDTH * NAME_FONT_PX * km_per_px / 2
        h = LINE_HEIGHT * NAME_FONT_PX * km_per_px / 2
        cy = label.y + label.dy_px * km_per_px
        return (label.x - w, label.x + w, cy - h, cy + h)

    placed = [box_of(label) for label in fixed]
    shown: set[str] = set()
    for label in sorted(labels, key=lambda lb: -lb.priority):
        box = box_of(label)
        others = [b for key, b in symbols.items() if key != label.key]
        if any(_overlap(box, other) for other in [*placed, *others]):
            continue
        placed.append(box)
        shown.add(label.key)
    return shown


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


@dataclass(frozen=True, kw_only=True)
class SchoolMap:
    """One alternative's map in one year, in km on the plane.

    areas: area_id, name, x, y, pupils (pupils living there), km (their mean road distance), label (bool),
    label_narrow (bool: the name is shown on a phone too);
    shapes: the areas' shapes, drawn largest first (a town's polygon over its surroundings);
    schools: unit_id, name, x, y, kind ("open", "receiving", "full", "closed"), pupils, pupils_base, label;
    flows: area_id, unit_id, from (area name), to (school name), x0, y0, x1, y1, pupils, km, moved (bool);
    extent: x_min, x_max, y_min, y_max of everything drawn, km;
    km_per_px: the map's nominal scale (km on the ground per pixel on a 1280×720 screen).
    """

    year: int
    areas: pd.DataFrame
    shapes: AreaShapes
    order: tuple[int, ...]
    schools: pd.DataFrame
    flows: pd.DataFrame
    extent: tuple[float, float, float, float]
    km_per_px: float


def school_map(
    result: Result,
    baseline: Result,
    dataset: Dataset,
    year: int,
    *,
    width_px: int = 480,
    height_px: int = 380,
    narrow_px: tuple[int, int] = NARROW_MAP_PX,
) -> SchoolMap:
    """The map of ``result`` against ``baseline`` (keep-all) in ``year``, names thinned for a map of
    ``width_px`` × ``height_px`` (its nominal size on a 1280×720 screen); the areas' column
    ``label_narrow`` says which of those names also fit the ``narrow_px`` (width, height) map of
    a phone (the server cannot know the screen: the page hides the others by a CSS media query).

    It runs on every slider move while the map is shown, so the tables are summed as
    area × school matrices with numpy rather than grouped and merged in pandas.
    """
    shapes = area_shapes(dataset)
    plane = shapes.plane
    areas = dataset.areas
    ax, ay = plane.xy(areas["lat"], areas["lon"])
    area_ids = pd.Index(areas["area_id"])
    plan = result.schools  # the dataset's schools, then any the alternative builds
    unit_ids = pd.Index(plan["unit_id"])
    pupils, km = result.pupils_between(year)  # [area, school], schools in ``plan``'s order
    base_all, _ = baseline.pupils_between(year)
    # Keep-all's schools in this plan's order: it has none of the schools an alternative builds.
    in_base = pd.Index(baseline.schools["unit_id"]).get_indexer(unit_ids)
    pupils_base = np.where(in_base >= 0, base_all[:, np.maximum(in_base, 0)], 0.0)

    area_pupils = pupils.sum(axis=1)
    area_km = np.divide((pupils * km).sum(axis=1), area_pupils, out=np.full(len(areas), np.nan), where=area_pupils > 0)
    area_frame = pd.DataFrame(
        {
            "area_id": area_ids.to_numpy(),
            "name": areas["name"].to_numpy(),
            "x": ax,
            "y": ay,
            "pupils": area_pupils,
            "km": area_km,
        }
    )

    this_year = year_rows(result.units, year, ("unit_id", "name", "open", "pupils"))
    at = unit_ids.get_indexer(this_year["unit_id"])
    base_year = year_rows(baseline.units, year, ("unit_id", "pupils"))
    base_pupils = np.zeros(len(unit_ids))
    found = unit_ids.get_indexer(base_year["unit_id"])
    base_pupils[found[found >= 0]] = base_year["pupils"][found >= 0]
    sx, sy = plane.xy(plan["lat"].to_numpy()[at], plan["lon"].to_numpy()[at])
    is_open = this_year["open"].astype(bool)
    school_pupils = this_year["pupils"].astype(float)
    targets = year_rows(result.merge_targets, year, ("unit_id", "full"))
    full = targets["unit_id"][targets["full"].astype(bool)]
    is_alt = result.alternative.id != KEEP_ALL
    schools = pd.DataFrame(
        {
            "unit_id": this_year["unit_id"],
            "name": this_year["name"],
            "open": is_open,
            "pupils": school_pupils,
            "x": sx,
            "y": sy,
            "pupils_base": base_pupils[at],
            "kind": np.select(
                [
                    ~is_open,
                    np.isin(this_year["unit_id"], full) & is_alt,
                    (school_pupils > base_pupils[at] + MOVED_MIN_PUPILS) & is_alt,
                ],
                ["closed", "full", "receiving"],
                "open",
            ),
        }
    )

    x_all = np.concatenate([ax, sx, *[r[0] for rs in shapes.rings for r in rs]])
    y_all = np.concatenate([ay, sy, *[r[1] for rs in shapes.rings for r in rs]])
    extent = (float(x_all.min()), float(x_all.max()), float(y_all.min()), float(y_all.max()))
    km_per_px = max((extent[1] - extent[0]) / width_px, (extent[3] - extent[2]) / height_px, 1e-6)

    above = SCHOOL_SYMBOL_PX / 2 + NAME_FONT_PX * 0.7
    labels = [
        Label(key=f"s:{u}", text=str(n), x=x, y=y, priority=1e9 + p, dy_px=above)
        for u, n, x, y, p in zip(schools["unit_id"], schools["name"], sx, sy, school_pupils, strict=True)
    ] + [
        Label(key=f"a:{a}", text=str(n), x=x, y=y, priority=p)
        for a, n, x, y, p in zip(area_ids, areas["name"], ax, ay, area_pupils, strict=True)
    ]
    symbols = {f"s:{u}": (x, y) for u, x, y in zip(schools["unit_id"], sx, sy, strict=True)}
    shown = thin_labels(labels, symbols, km_per_px=km_per_px)
    schools["label"] = [f"s:{u}" in shown for u in schools["unit_id"]]
    area_frame["label"] = [f"a:{a}" in shown for a in area_ids]
    # On a phone the schools' names stay (the page can hide only areas' names there) and the
    # areas' names shown are placed again around them at the phone's scale: a subset, none overlapping.
    narrow_km_per_px = max((extent[1] - extent[0]) / narrow_px[0], (extent[3] - extent[2]) / narrow_px[1], 1e-6)
    kept = [lb for lb in labels if lb.key in shown]
    narrow = thin_labels(
        [lb for lb in kept if lb.key.startswith("a:")],
        symbols,
        km_per_px=narrow_km_per_px,
        fixed=[lb for lb in kept if lb.key.startswith("s:")],
    )
    area_frame["label_narrow"] = [f"a:{a}" in narrow for a in area_ids]

    return SchoolMap(
        year=year,
        areas=area_frame,
        shapes=shapes,
        order=tuple(int(i) for i in np.argsort(-np.asarray(shapes.sizes_km2), kind="stable")),
        schools=schools,
        flows=_flows(pupils, pupils_base, km, area_frame, plan, plane, km_per_px),
        extent=extent,
        km_per_px=km_per_px,
    )


def year_rows(frame: pd.DataFrame, year: int, columns: Sequence[str]) -> dict[str, np.ndarray]:
    """``columns`` of ``frame``'s rows in ``year``, as numpy arrays.

    A mask on the columns needed rather than the frame's boolean indexing, which takes every
    column: taking rows from pandas' Arrow-backed text columns was most of the map's time on
    the server on each move of its slider (DESIGN.md §7).
    """
    mask = frame["year"].to_numpy() == year
    return {column: frame[column].to_numpy()[mask] for column in columns}


def _flows(
    pupils: np.ndarray,
    pupils_base: np.ndarray,
    km: np.ndarray,
    areas: pd.DataFrame,
    plan: pd.DataFrame,
    plane: Plane,
    km_per_px: float,
) -> pd.DataFrame:
    """Area → school pupils with their arrows; an arrow stops short of the school's symbol."""
    ai, si = np.nonzero(pupils >= MOVED_MIN_PUPILS)
    x0, y0 = areas["x"].to_numpy()[ai], areas["y"].to_numpy()[ai]
    ux, uy = plane.xy(plan["lat"], plan["lon"])
    x1, y1 = ux[si], uy[si]
    length = np.hypot(x1 - x0, y1 - y0)
    stop = SCHOOL_SYMBOL_PX * 0.6 * km_per_px
    keep = length > 2 * stop  # pupils who live beside their school: no arrow, the area's hover tells
    ai, si, x0, y0, x1, y1, length = (v[keep] for v in (ai, si, x0, y0, x1, y1, length))
    t = (length - stop) / length
    # The rows kept before the frame is built: taking rows from its text columns costs more than the rest.
    return pd.DataFrame(
        {
            "area_id": areas["area_id"].to_numpy()[ai],
            "unit_id": plan["unit_id"].to_numpy()[si],
            "from": areas["name"].to_numpy()[ai],
            "to": plan["name"].to_numpy()[si],
            "x0": x0,
            "y0": y0,
            "x1": x0 + (x1 - x0) * t,
            "y1": y0 + (y1 - y0) * t,
            "pupils": pupils[ai, si],
            "km": km[ai, si],
            "moved": pupils[ai, si] > pupils_base[ai, si] + MOVED_MIN_PUPILS,
        }
    )


def arrow_outlines(flows: pd.DataFrame, *, km_per_px: float, max_pupils: float) -> tuple[np.ndarray, np.ndarray]:
    """Each flow's arrow as a closed outline (km), the outlines one after another, each followed by NaN.

    For a flow of p pupils from (x0, y0) to (x1, y1), length L km, unit direction d and its
    left normal n = (−d_y, d_x), with s = ``km_per_px``:

    * shaft width   w = max(MIN_ARROW_PX, MAX_ARROW_PX · p / ``max_pupils``) · s   (km)
    * head's half-width  h = (0.9 · w/s + 3) · s, its length  l = min(1.6 · h, L)   (km)
    * the shaft, w/2 either side of the line, runs from (x0, y0) to the head's base at L − l;
      the head narrows from ±h at its base to the tip (x1, y1). An arrow shorter than its
      head is only a head, narrowed in proportion (h · L / l).

    The seven corners go round the same way for every arrow (left side out, right side back),
    so overlapping arrows fill as one shape under the non-zero rule. Widths in pixels at the
    nominal scale: a phone's smaller map draws them narrower, in step with the map.
    """
    x0, y0, x1, y1 = (flows[c].to_numpy(float) for c in ("x0", "y0", "x1", "y1"))
    length = np.hypot(x1 - x0, y1 - y0)
    safe_length = np.where(length > 0, length, 1.0)
    dx, dy = (x1 - x0) / safe_length, (y1 - y0) / safe_length
    nx, ny = -dy, dx
    shaft_px = np.maximum(MIN_ARROW_PX, MAX_ARROW_PX * flows["pupils"].to_numpy(float) / max(max_pupils, 1e-9))
    half = shaft_px / 2 * km_per_px
    head_half = (0.9 * shaft_px + 3) * km_per_px
    head = np.minimum(1.6 * head_half, length)
    head_half = head_half * np.where(1.6 * head_half > length, head / np.maximum(1.6 * head_half, 1e-12), 1.0)
    bx, by = x1 - dx * head, y1 - dy * head  # the head's base on the line
    corners_x = [
        x0 + nx * half,
        bx + nx * half,
        bx + nx * head_half,
        x1,
        bx - nx * head_half,
        bx - nx * half,
        x0 - nx * half,
        np.full(len(x0), np.nan),
    ]
    corners_y = [
        y0 + ny * half,
        by + ny * half,
        by + ny * head_half,
        y1,
        by - ny * head_half,
        by - ny * half,
        y0 - ny * half,
        np.full(len(x0), np.nan),
    ]
    return np.column_stack(corners_x).ravel(), np.column_stack(corners_y).ravel()


@dataclass(frozen=True, kw_only=True)
class TravelBands:
    """Pupils by road distance to school in one year, per alternative.

    pupils: one row per band (``bands``' labels, in km), one column per alternative;
    over_threshold: pupils beyond the transport threshold of their grade (the model's
    ``pupils_over_threshold``), per alternative; over_diff: the same minus keep-all's.
    """

    year: int
    bands: tuple[str, ...]
    pupils: pd.DataFrame
    over_threshold: pd.Series
    over_diff: pd.Series


def travel_bands(results: Mapping[str, Result], year: int) -> TravelBands:
    """Pupils per band [lo, hi) km and beyond the threshold, for every result (keep-all among them)."""
    edges = [lo for _, lo, _ in DISTANCE_BANDS_KM] + [float("inf")]
    names = tuple(name for name, _, _ in DISTANCE_BANDS_KM)
    columns = {}
    over = {}
    for alt, r in results.items():
        f = year_rows(r.flows, year, ("km", "pupils"))
        band = np.searchsorted(edges, f["km"].astype(float), side="right") - 1  # [lo, hi): lo ≤ km < hi
        columns[alt] = np.bincount(band, weights=f["pupils"].astype(float), minlength=len(names))[: len(names)]
        row = year_rows(r.years, year, ("pupils_over_threshold",))["pupils_over_threshold"]
        over[alt] = float(row[0]) if len(row) else 0.0
    over_s = pd.Series(over)
    base = over_s.get(KEEP_ALL, 0.0)
    return TravelBands(
        year=year,
        bands=names,
        pupils=pd.DataFrame(columns, index=pd.Index(names, name="band")),
        over_threshold=over_s,
        over_diff=over_s - base,
    )
