"""areas.geojson: the areas' shapes, read as hostile input (engine.dataset.geojson).

Each bad file is refused with one Swedish line naming the file, from `validate` (exit 2,
never a traceback) and from an upload alike; a good one gives every area its rings.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from cli_support import call
from test_upload import fresh_caches  # noqa: F401 (the fixture)

from engine.dataset import DatasetError
from engine.dataset.load import load_dataset
from engine.dataset.schema import LIMITS
from engine.dataset.upload import read_upload

RAGUNDA = Path(__file__).resolve().parent.parent / "data" / "ragunda"
AREAS = ("2303A0010", "2303A0020", "2303A0030", "2303C1010")


def square(lon: float, lat: float, d: float = 0.05) -> list[list[float]]:
    return [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]


def collection(*features: dict, **extra: object) -> dict:
    return {"type": "FeatureCollection", "features": list(features), **extra}


def feature(area: str, ring: list, kind: str = "Polygon") -> dict:
    coords = [ring] if kind == "Polygon" else [[ring]]
    return {"type": "Feature", "properties": {"area_id": area}, "geometry": {"type": kind, "coordinates": coords}}


def good() -> dict:
    return collection(*(feature(a, square(16.0 + i * 0.1, 63.0)) for i, a in enumerate(AREAS)))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "ragunda"
    shutil.copytree(RAGUNDA, out)
    return out


def refused(folder: Path, content: str | bytes) -> list[str]:
    path = folder / "areas.geojson"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder)
    return [str(p) for p in caught.value.problems]


def test_the_shipped_shapes_load_with_their_outer_rings() -> None:
    ds = load_dataset(RAGUNDA)
    assert ds.area_shapes is not None and sorted(ds.area_shapes) == sorted(AREAS)
    ring = ds.area_shapes["2303C1010"][0]
    assert ring[0] == ring[-1] and all(15 < lon < 18 and 62 < lat < 64 for lon, lat in ring)
    assert load_dataset(Path(RAGUNDA).parent / "demo").area_shapes is None  # optional: the demo has none


def test_an_open_ring_is_closed_and_a_multipolygon_keeps_every_part(folder: Path) -> None:
    doc = good()
    doc["features"][0]["geometry"]["coordinates"][0].pop()  # open: last corner ≠ first
    doc["features"][1] = {
        "type": "Feature",
        "properties": {"area_id": AREAS[1]},
        "geometry": {"type": "MultiPolygon", "coordinates": [[square(16.1, 63.0)], [square(16.3, 63.2)]]},
    }
    (folder / "areas.geojson").write_text(json.dumps(doc))
    shapes = load_dataset(folder).area_shapes
    assert shapes is not None
    assert shapes[AREAS[0]][0][0] == shapes[AREAS[0]][0][-1] and len(shapes[AREAS[0]][0]) == 5
    assert len(shapes[AREAS[1]]) == 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"type": "FeatureCollection", "features": [', "areas.geojson:1: felaktig JSON (tecken 44): ett värde saknas"),
        ("[" * 100_000, "areas.geojson: filen kan inte läsas"),
        ('{"type": "Feature"}', "areas.geojson: ska vara en GeoJSON FeatureCollection"),
        (
            json.dumps(good() | {"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}}),
            "areas.geojson: koordinatsystemet är urn:ogc:def:crs:EPSG::3006; filen ska vara i WGS84",
        ),
        (
            json.dumps(collection(feature(AREAS[0], square(560000, 6990000, 1000)))),
            "det ser ut som meter (SWEREF 99 TM?)",
        ),
        (
            json.dumps(collection(feature(AREAS[0], [[lat, lon] for lon, lat in square(16.0, 63.0)]))),
            "har latitud och longitud i fel ordning",
        ),
        (json.dumps(collection(feature(AREAS[0], square(-3.0, 40.0)))), "ligger utanför Sverige"),
        (
            json.dumps(collection(feature("2303A0011", square(16.0, 63.0)))),
            "areas.geojson: objekt 1 i features (area_id '2303A0011'): området finns inte i areas.csv — menade du",
        ),
        (
            json.dumps(collection(*good()["features"], feature(AREAS[0], square(16.5, 63.0)))),
            "(area_id '2303A0010'): området har redan en form",
        ),
        (
            json.dumps(collection(*good()["features"][:3])),
            "areas.geojson: områdena '2303C1010' saknar en form",
        ),
        (
            json.dumps(collection({"type": "Feature", "properties": {}, "geometry": None})),
            "objekt 1 i features saknar properties.area_id",
        ),
        (
            json.dumps(collection({"type": "Feature", "properties": {"area_id": AREAS[0]}, "geometry": {"type": "Point", "coordinates": [16, 63]}})),
            "geometry ska vara en Polygon eller MultiPolygon, inte Point",
        ),
        (json.dumps(collection(feature(AREAS[0], [[16.0, 63.0], [16.1, 63.0]]))), "minst fyra hörn"),
        (json.dumps(collection(feature(AREAS[0], [[16.0, "63"], [16.1, 63.0], [16.1, 63.1], [16.0, 63.0]]))), "är inte [longitud, latitud]"),
        (  # JSON's NaN and 1e999 (infinity) are numbers to Python, not to a map
            json.dumps(collection(feature(AREAS[0], [[16.0, float("nan")], [16.1, 63.0], [16.1, 63.1], [16.0, 63.0]]))),
            "hörnet [16.0, nan] är inte [longitud, latitud]",
        ),
    ],
)  # fmt: skip
def test_a_bad_file_is_refused_in_swedish_from_validate(capsys, folder: Path, content: str, expected: str) -> None:
    problems = refused(folder, content)
    assert any(expected in p for p in problems), problems
    code, out, err = call(capsys, "validate", folder)
    assert code == 2 and out == "" and "Traceback" not in err
    assert expected in err


def test_a_file_over_the_limits_is_refused_before_it_is_read(folder: Path) -> None:
    padding = " " * (LIMITS["geojson_mb"].value * 1024 * 1024)
    [problem] = refused(folder, json.dumps(good()) + padding)
    assert problem.startswith("areas.geojson: filen är 10.0 MB; areas.geojson får vara högst 10 MB")
    corners = LIMITS["shape_points"].value  # one ring with more corners than all the shapes may have
    ring = [[16.0 + 0.5 * i / corners, 63.0] for i in range(corners)] + [[16.0, 63.1], [16.0, 63.0]]
    problems = refused(folder, json.dumps(collection(feature(AREAS[0], ring))))
    assert any(f"fler än {corners} hörn" in p for p in problems), problems


def test_a_zip_upload_says_the_same_naming_the_file_inside_it(folder: Path) -> None:
    (folder / "areas.geojson").write_text(json.dumps(collection(feature("X", square(16.0, 63.0)))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in folder.iterdir():
            archive.write(path, "ragunda/" + path.name)
    with pytest.raises(DatasetError) as caught:
        read_upload("ragunda.zip", buffer.getvalue())
    assert [str(p) for p in caught.value.problems] == [
        "ragunda.zip/ragunda/areas.geojson: objekt 1 i features (area_id 'X'): området finns inte i areas.csv"
    ]


def test_the_data_page_lists_the_same_problem_and_keeps_the_data_in_use(fresh_caches: Path, folder: Path) -> None:  # noqa: F811
    from pages_support import open_page
    from test_upload import DATA, upload, zip_bytes

    (folder / "areas.geojson").write_text(json.dumps(collection(feature(AREAS[0], square(560000, 6990000, 1000)))))
    at = upload(open_page(DATA), "ragunda.zip", zip_bytes(folder, "ragunda/"), "application/zip")
    [error] = at.error
    assert error.value.startswith("`ragunda.zip` kan inte användas: 1 fel.")
    problems = at.dataframe[-1].value
    assert problems["Fil [blad]"].tolist() == ["ragunda.zip/ragunda/areas.geojson"]
    assert "det ser ut som meter (SWEREF 99 TM?)" in problems["Vad som är fel"].iloc[0]
    assert at.session_state["view"].dataset == ""
