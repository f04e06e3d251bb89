"""The map's layout and the travel distances beside it (engine.measures.map).

Hand cases with the working in comments, properties of the Voronoi cells (each covers its
point, none overlap, together they fill the widened hull), and the demo's and Ragunda's maps.
"""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPoint, Point
from shapely.ops import unary_union

from engine.dataset.load import load_dataset
from engine.measures.map import (
    CHAR_WIDTH,
    NAME_FONT_PX,
    Label,
    Plane,
    area_shapes,
    arrow_outlines,
    school_map,
    thin_labels,
    travel_bands,
    voronoi_cells,
)
from engine.model.evaluate import evaluate

DATA = Path(__file__).resolve().parent.parent / "data"


def test_the_plane_keeps_kilometres_true() -> None:
    # R·π/180 = 6371 × 0.0174533 = 111.195 km per degree of latitude; a degree of longitude at 60° N is half that.
    x, y = Plane(lat0=60.0, lon0=15.0).xy([60.0, 61.0], [16.0, 15.0])
    assert x == pytest.approx([55.597, 0.0], abs=1e-3)
    assert y == pytest.approx([0.0, 111.195], abs=1e-3)


def test_two_points_split_their_stadium_in_the_middle() -> None:
    # Points 4 km apart: the nearest neighbour is 4 km away, margin = max(1, 0.5 × 4) = 2 km. The region
    # is the segment buffered by 2 km (a stadium: a 4 × 4 square and two half discs); the cells meet at
    # x = 2. Left cell: the square's half 2 × 4 = 8 km² plus a half disc π·2²/2 = 6.283 km² = 14.283 km²
    # (the buffer draws the circle with 64 sides: 0.16 % less).
    left, right = voronoi_cells(np.array([[0.0, 0.0], [4.0, 0.0]]))
    assert left is not None and right is not None
    assert left.area == pytest.approx(8 + 2 * math.pi, rel=2e-3)
    assert right.area == pytest.approx(left.area, rel=1e-9)
    assert left.bounds == pytest.approx((-2.0, -2.0, 2.0, 2.0), abs=1e-9)
    assert right.bounds == pytest.approx((2.0, -2.0, 6.0, 2.0), abs=1e-9)


def test_one_point_is_a_disc_and_a_repeated_point_shares_the_first_ones_cell() -> None:
    # One point: no neighbour, margin = 1 km: a disc of π km² (to within the 64-sided circle).
    (only,) = voronoi_cells(np.array([[3.0, 4.0]]))
    assert only is not None and only.area == pytest.approx(math.pi, rel=2e-3)
    first, again, other = voronoi_cells(np.array([[0.0, 0.0], [0.0, 0.0], [10.0, 0.0]]))
    assert again is None and first is not None and other is not None
    assert first.covers(Point(0, 0)) and not first.intersects(Point(10, 0))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-500, 500), st.integers(-500, 500)), min_size=2, max_size=40, unique=True).map(
        lambda pts: np.array(pts, dtype=float) / 10
    )  # 0.1 km grid: distinct points, up to 100 km apart
)
def test_cells_cover_their_point_do_not_overlap_and_fill_the_widened_hull(points: np.ndarray) -> None:
    cells = voronoi_cells(points)
    assert all(c is not None for c in cells)
    shapes = [c for c in cells if c is not None]
    for cell, (x, y) in zip(shapes, points, strict=True):
        assert cell.is_valid and cell.covers(Point(x, y))
    union = unary_union(shapes)
    total = sum(c.area for c in shapes)
    assert total == pytest.approx(union.area, rel=1e-6)  # disjoint: no area counted twice
    nearest = np.sort(np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1)), axis=1)[:, 1]
    region = MultiPoint([tuple(p) for p in points]).convex_hull.buffer(max(1.0, 0.5 * float(np.median(nearest))))
    assert union.symmetric_difference(region).area < 1e-6 * region.area  # together: the whole widened hull


def test_names_are_placed_by_priority_and_never_overlap() -> None:
    # At 1 km per pixel a name of 4 characters is 4 × 0.58 × 13 = 30.16 km wide and 1.25 × 13 = 16.25 km high.
    width = 4 * CHAR_WIDTH * NAME_FONT_PX
    assert width == pytest.approx(30.16)
    a = Label(key="a", text="Åsby", x=0.0, y=100.0, priority=2)
    touching = Label(key="b", text="Backa", x=width / 2 + 5 * CHAR_WIDTH * NAME_FONT_PX / 2 - 0.5, y=100.0, priority=1)
    apart = Label(key="c", text="Cé", x=-100.0, y=100.0, priority=1)
    assert thin_labels([touching, a, apart], {}, km_per_px=1.0) == {"a", "c"}  # b overlaps a by 0.5 km
    assert thin_labels([touching, a], {}, km_per_px=0.5) == {"a", "b"}  # twice the zoom: 0.5 × 30.16 ≈ 15 km wide
    # A school's symbol (18 px square) keeps names off it, but not its own name above it.
    assert thin_labels([apart], {"s": (-100.0, 100.0)}, km_per_px=1.0) == set()
    own = Label(key="s", text="Skola", x=0.0, y=0.0, priority=9)
    assert thin_labels([own], {"s": (0.0, 0.0)}, km_per_px=1.0) == {"s"}


def test_travel_bands_count_pupils_by_distance_and_beyond_the_threshold() -> None:
    # Bands are [lo, hi): 1 km → 0–2; 2 km and 4.99 km → 2–5; 20 km and 25 km → 20+.
    flows = pd.DataFrame(
        {"year": 2030, "km": [1.0, 2.0, 4.99, 20.0, 25.0, 1.0], "pupils": [10.0, 5.0, 3.0, 2.0, 1.0, 99.0]}
    )
    flows.loc[5, "year"] = 2031  # another year: not counted
    keep = SimpleNamespace(flows=flows, years=pd.DataFrame({"year": [2030, 2031], "pupils_over_threshold": [6.0, 0]}))
    moved = flows.assign(km=[1.0, 2.0, 12.0, 20.0, 25.0, 1.0])  # the 3 pupils at 4.99 km now travel 12 km
    alt = SimpleNamespace(flows=moved, years=pd.DataFrame({"year": [2030, 2031], "pupils_over_threshold": [9.0, 0]}))
    bands = travel_bands({"keep-all": keep, "x": alt}, 2030)  # type: ignore[dict-item]
    assert bands.bands == ("0–2", "2–5", "5–10", "10–20", "20+")
    assert bands.pupils["keep-all"].tolist() == [10.0, 8.0, 0.0, 0.0, 3.0]
    assert bands.pupils["x"].tolist() == [10.0, 5.0, 0.0, 3.0, 3.0]
    assert bands.over_threshold.to_dict() == {"keep-all": 6.0, "x": 9.0}
    assert bands.over_diff.to_dict() == {"keep-all": 0.0, "x": 3.0}  # 9 − 6


@pytest.fixture(scope="module")
def demo():
    ds = load_dataset(DATA / "demo")
    return ds, evaluate(ds, "bas", "keep-all", years=10), evaluate(ds, "bas", "merge-a-b", years=10)


def test_the_demo_map_has_a_cell_per_area_and_marks_the_merge(demo) -> None:
    ds, keep, merge = demo
    m = school_map(merge, keep, ds, 2035)
    assert m.shapes.derived and len(m.shapes.rings) == len(ds.areas) and all(len(r) == 1 for r in m.shapes.rings)
    kinds = dict(zip(m.schools["name"], m.schools["kind"], strict=True))
    assert kinds["Åsby skola"] == "closed" and kinds["Norrby skola"] == "receiving"
    assert kinds["Vålbergaskolan"] == "open"
    # Every pupil is on the map once: in the areas' totals, and in the arrows or living beside their school.
    pupils_2035 = merge.flows.query("year == 2035")["pupils"].sum()
    assert m.areas["pupils"].sum() == pytest.approx(pupils_2035)
    assert m.flows["pupils"].sum() <= pupils_2035
    moved = m.flows[m.flows["moved"]]
    assert set(moved["to"]) == {"Norrby skola"}  # the closed school's pupils, and only they, go somewhere new
    # Names: every school's is drawn at this size, and some of the crowded town's areas are thinned.
    assert m.schools["label"].sum() >= 6 and 0 < m.areas["label"].sum() < len(ds.areas)
    keep_map = school_map(keep, keep, ds, 2035)
    assert set(keep_map.schools["kind"]) == {"open"} and not keep_map.flows["moved"].any()


def test_ragundas_own_shapes_are_drawn_largest_first() -> None:
    ds = load_dataset(DATA / "ragunda")
    shapes = area_shapes(ds)
    assert not shapes.derived
    sizes = [shapes.sizes_km2[i] for i in school_map_order(ds)]
    assert sizes == sorted(sizes, reverse=True)
    town = shapes.area_ids.index("2303C1010")  # Hammarstrand: a town inside its surrounding area, drawn last
    assert school_map_order(ds)[-1] == town


def school_map_order(ds) -> tuple[int, ...]:
    keep = evaluate(ds, "bas", "keep-all", years=1)
    return school_map(keep, keep, ds, int(keep.years["year"].iloc[-1])).order


def test_fixed_names_are_avoided_but_not_returned() -> None:
    # "ab" at 1 km/px: 2 × 0.58 × 13 = 15.08 km wide, 1.25 × 13 = 16.25 km high, centred on its point.
    fixed = Label(key="f", text="ab", x=0.0, y=0.0, priority=0.0)  # x −7.54 … 7.54
    b = Label(key="b", text="ab", x=10.0, y=0.0, priority=2.0)  # x 2.46 … 17.54: overlaps the fixed name
    c = Label(key="c", text="ab", x=20.0, y=0.0, priority=1.0)  # x 12.46 … 27.54: overlaps b only
    assert thin_labels([b, c], {}, km_per_px=1.0) == {"b"}
    assert thin_labels([b, c], {}, km_per_px=1.0, fixed=[fixed]) == {"c"}


def test_a_phone_shows_a_subset_of_the_areas_names_and_every_schools_name(demo) -> None:
    ds, keep, merge = demo
    m = school_map(merge, keep, ds, 2035)
    a = m.areas
    assert not (a["label_narrow"] & ~a["label"]).any()  # never a name the wide map leaves out
    # Myrheden lies 4,9 km north and 3,7 km west of Åsby skola: 32 × 25 px on a phone, under its name.
    assert a.set_index("name").loc["Myrheden", ["label", "label_narrow"]].tolist() == [True, False]
    assert set(a.loc[a["label_narrow"], "name"]) == {"Skogsbo", "Fäbodarna"}  # the outlying areas keep theirs


def test_an_arrow_is_as_wide_as_its_pupils_and_ends_in_a_head_at_its_tip() -> None:
    flows = pd.DataFrame(
        {"x0": [0.0, 0.0], "y0": [0.0, 0.0], "x1": [10.0, 0.0], "y1": [0.0, 0.5], "pupils": [100.0, 1.0]}
    )
    xs, ys = arrow_outlines(flows, km_per_px=0.1, max_pupils=100.0)
    corners = np.column_stack([xs, ys])
    # East, the largest flow: shaft 12 px × 0.1 km/px = 1.2 km wide (±0.6); head ±(0.9 × 12 + 3) × 0.1 = ±1.38 km,
    # 1.6 × 1.38 = 2.208 km long, so its base is at x = 10 − 2.208 = 7.792.
    east = [(0, 0.6), (7.792, 0.6), (7.792, 1.38), (10, 0), (7.792, -1.38), (7.792, -0.6), (0, -0.6)]
    np.testing.assert_allclose(corners[:7], east, atol=1e-9)
    assert np.isnan(corners[7]).all()  # each outline ends with a gap
    # North, one pupil, 0.5 km: the thinnest shaft, 1.5 px = 0.15 km (±0.075). Its head, ±(0.9 × 1.5 + 3) × 0.1
    # = ±0.435 km and 0.696 km long, is longer than the arrow: only a head, 0.5 km long and ±0.5 / 1.6 = ±0.3125 wide,
    # its base at the start. The left normal of north points west (−x).
    north = [(-0.075, 0), (-0.075, 0), (-0.3125, 0), (0, 0.5), (0.3125, 0), (0.075, 0), (0.075, 0)]
    np.testing.assert_allclose(corners[8:15], north, atol=1e-9)
    assert len(xs) == 16


@settings(max_examples=60, deadline=None)
@given(st.floats(-50, 50), st.floats(-50, 50), st.floats(0.01, 80), st.floats(0, 2 * math.pi), st.floats(1, 500))
def test_every_arrow_is_symmetric_about_its_line_and_ends_at_its_tip(
    x0: float, y0: float, length: float, angle: float, pupils: float
) -> None:
    x1, y1 = x0 + length * math.cos(angle), y0 + length * math.sin(angle)
    flows = pd.DataFrame({"x0": [x0], "y0": [y0], "x1": [x1], "y1": [y1], "pupils": [pupils]})
    xs, ys = arrow_outlines(flows, km_per_px=0.05, max_pupils=500.0)
    pts = np.column_stack([xs[:7], ys[:7]])
    assert pts[3] == pytest.approx((x1, y1))
    # Corner k and corner 6 − k mirror each other across the arrow's line: same distance along it, opposite sides.
    d = np.array([x1 - x0, y1 - y0]) / length
    n = np.array([-d[1], d[0]])
    along, across = (pts - (x0, y0)) @ d, (pts - (x0, y0)) @ n
    np.testing.assert_allclose(along, along[::-1], atol=1e-7)
    np.testing.assert_allclose(across, -across[::-1], atol=1e-7)
    assert (across[:3] > 0).all()  # the left side first: every outline goes round the same way
    assert along.min() >= -1e-7 and along.max() <= length + 1e-7  # from the area's point to the tip, no further


def test_pupils_between_areas_and_schools_is_the_flows_table_summed_over_grades(demo) -> None:
    ds, _, merge = demo
    area_ids, unit_ids = list(ds.areas["area_id"]), list(merge.schools["unit_id"])
    for year in (2025, 2030, 2035):
        pupils, km = merge.pupils_between(year)
        f = merge.flows[merge.flows["year"] == year]
        table = f.groupby(["area_id", "unit_id"])["pupils"].sum().unstack(fill_value=0.0)
        expected = table.reindex(index=area_ids, columns=unit_ids, fill_value=0.0).to_numpy()
        np.testing.assert_allclose(pupils, expected)
        pair = f.drop_duplicates(["area_id", "unit_id"])
        for a, u, d in zip(pair["area_id"], pair["unit_id"], pair["km"], strict=True):
            assert km[area_ids.index(a), unit_ids.index(u)] == pytest.approx(d)
    outside, _ = merge.pupils_between(2099)
    assert outside.shape == pupils.shape and not outside.any()
