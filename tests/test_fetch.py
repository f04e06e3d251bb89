"""`python -m engine fetch KOMMUNKOD OUT`: the agencies' APIs, replayed with respx (engine/sources/live.py, http.py).

The answers are tests/fixtures/live/ (tools/make_live_fixtures.py writes them from public
figures in the agencies' published shapes; the ``recorded_*`` files are real Planned
Educations v4 answers). Checked:

* Ragunda end to end: population from TAB6574, areas from the WFS, schools from the registry
  and Planned Educations (positions from ``geoCoordinates`` and, converted with pyproj, from
  SWEREF 99 TM), Kolada over two pages; a suppressed SCB cell and a null Kolada value are
  never 0;
* no connection: exit 3, a Swedish message pointing to `start`, no traceback, nothing written;
* the HTTP layer: rate limit, retries, cache, by a fake clock;
* the readers of agency numbers ("cirka 210", "..", null).
"""

from __future__ import annotations

import csv
import io
import json
import tomllib
from pathlib import Path

import httpx
import pytest
import respx
from cli_support import call

from engine.sources import live
from engine.sources.http import Http, Offline, SourceError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "live"


def _json(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _recorded(name: str) -> dict:
    return _json(name)["json"]  # the recording's envelope: generatedAt, url, acceptHeader, json


def _ragunda(router: respx.MockRouter, tab638: bool = True) -> None:
    router.get(f"{live.SCB}/tables/TAB6574/metadata").respond(json=_json("scb_tab6574_metadata.json"))
    router.get(f"{live.SCB}/tables/TAB6574/data").respond(json=_json("scb_tab6574_data.json"))
    if tab638:  # the single years (constructed numbers: see the fixtures' README)
        router.get(f"{live.SCB}/tables/TAB638/metadata").respond(json=_json("scb_tab638_metadata.json"))
        router.get(f"{live.SCB}/tables/TAB638/data").respond(json=_json("scb_tab638_data.json"))
    router.get(live.WFS, params={"CQL_FILTER": "kommunkod='2303'", "srsName": "EPSG:4326"}).respond(
        json=_json("wfs_deso_2025.json")
    )
    router.get(f"{live.REGISTRY}/school-units", params={"municipality_code": "2303"}).respond(
        json=_json("registry_list.json")
    )
    for code in ("22316816", "40542956", "78545687"):
        router.get(f"{live.REGISTRY}/school-units/{code}").respond(json=_json(f"registry_{code}.json"))
        router.get(f"{live.PLANNED}/school-units/{code}").respond(json=_json(f"planned_{code}.json"))
    router.get(url__startswith=f"{live.KOLADA}/data/kpi/").respond(json=_json("kolada_page1.json"))
    router.get(f"{live.KOLADA}/data/page2").respond(json=_json("kolada_page2.json"))


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_fetch_ragunda_from_the_apis(capsys, tmp_path: Path) -> None:
    with respx.mock(assert_all_called=True) as router:
        _ragunda(router)
        status, out, err = call(capsys, "fetch", "2303", tmp_path / "ragunda", "--no-cache")
        sent = router.calls
        data_call = next(c for c in sent if c.request.url.path.endswith("/data"))
    assert status == 0, err
    assert "Hämtade" in out and "Skrev" in out
    # Only the municipality's DeSO 2025 are asked for, and only the last year.
    params = data_call.request.url.params
    assert params["valueCodes[Region]"].split(",") == [
        f"2303{d}_DeSO2025" for d in ("A0010", "A0020", "A0030", "C1010")
    ]
    assert params["valueCodes[Tid]"] == "2025" and params["outputFormat"] == "json-stat2"
    folder = tmp_path / "ragunda"
    toml = tomllib.loads((folder / "municipality.toml").read_text(encoding="utf-8"))
    assert toml["base_year"] == 2026  # SCB's 31 December 2025
    bands = {(r["area_id"], r["age_from"]): int(r["persons"]) for r in _rows(folder / "population_bands.csv")}
    # 2303A0020 0–4: 42 men + 29 women in the fixture's SCB answer
    doc = _json("scb_tab6574_data.json")
    first = doc["value"][17 * 2 : 17 * 2 + 2]
    assert bands[("2303A0020", "0")] == first[0] + first[1]
    # 2303A0010 80+: the women's cell is suppressed (..): the band is its neighbour's 75–79 total
    # (52 men + 30 women = 82), never 49 men + 0
    assert bands[("2303A0010", "80")] == bands[("2303A0010", "75")] == 82
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "SCB redovisar inte åldrarna 80– i 2303A0010" in readme
    assert "python -m engine fetch 2303" in readme
    areas = {r["area_id"]: r for r in _rows(folder / "areas.csv")}
    assert set(areas) == {"2303A0010", "2303A0020", "2303A0030", "2303C1010"}
    # each area at its polygon's centroid: the same rings give the points kept in data/public
    assert (areas["2303A0010"]["lat"], areas["2303A0010"]["lon"]) == ("62.98166", "16.65515")
    assert (areas["2303C1010"]["lat"], areas["2303C1010"]["lon"]) == ("63.10909", "16.33578")
    units = {r["name"]: r for r in _rows(folder / "units.csv")}
    assert (units["Hansåkerskolan"]["lat"], units["Hansåkerskolan"]["lon"]) == ("63.16776", "15.59695")
    # Kullstaskolan only in SWEREF 99 TM (N 6 997 984, E 567 992): pyproj gives the recorded WGS84 point
    assert (units["Kullstaskolan"]["lat"], units["Kullstaskolan"]["lon"]) == ("63.10485", "16.34723")
    assert units["Anders-Olofskolan"]["lat"] == ""  # no position anywhere: to fill, never guessed
    kolada = _rows(folder / "kolada.csv")
    assert {r["kpi"] for r in kolada} >= {"N15027", "N01951", "N02914"}  # both pages read
    assert not [r for r in kolada if r["kpi"] == "N23009" and r["ar"] == "1998"]  # null: absent, not 0
    assert "Anders-Olofskolan" in out  # what to fill is listed


def test_offline_is_said_plainly(capsys, tmp_path: Path) -> None:
    with respx.mock() as router:
        router.route().mock(side_effect=httpx.ConnectError("Name or service not known"))
        status, _, err = call(capsys, "fetch", "2303", tmp_path / "x", "--no-cache")
    assert status == 3
    assert err.startswith("fel: ingen förbindelse med statistikdatabasen.scb.se")
    assert "python -m engine start KOMMUNKOD MAPP" in err and "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_bad_codes_fetch_nothing(capsys, tmp_path: Path) -> None:
    with respx.mock() as router:
        status, _, err = call(capsys, "fetch", "99", tmp_path / "x")
        assert not router.calls
    assert status == 2 and "ska vara fyra siffror" in err


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def _http(tmp_path: Path | None, fake: FakeTime) -> Http:
    return Http(cache_dir=tmp_path, clock=fake.clock, sleep=fake.sleep, wall=fake.clock)


def test_scb_gets_at_most_30_calls_in_10_seconds() -> None:
    fake = FakeTime()
    http = _http(None, fake)
    with respx.mock() as router:
        router.get(url__startswith=live.SCB).respond(json={})
        for i in range(31):
            http.get_json(f"{live.SCB}/tables/T{i}/metadata")
    # 30 calls at t = 0; the 31st waits until the first is 10 s old
    assert fake.slept == [10.0]
    assert http.requests_sent == 31


def test_retries_then_gives_up_in_swedish() -> None:
    fake = FakeTime()
    http = _http(None, fake)
    with respx.mock() as router:
        route = router.get(f"{live.KOLADA}/x")
        route.side_effect = [
            httpx.Response(503),
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(200, json={"ok": 1}),
        ]
        assert http.get_json(f"{live.KOLADA}/x") == {"ok": 1}
        assert fake.slept == [1.0, 7.0]  # doubling wait, or the server's Retry-After
        router.get(f"{live.KOLADA}/y").respond(500)
        with pytest.raises(SourceError, match="svarade 500 även efter 3 nya försök"):
            http.get_json(f"{live.KOLADA}/y")
        router.get(f"{live.KOLADA}/z").respond(404)
        with pytest.raises(SourceError, match="svarade 404"):
            http.get_json(f"{live.KOLADA}/z")


def test_the_cache_answers_for_a_week(tmp_path: Path) -> None:
    fake = FakeTime()
    http = _http(tmp_path, fake)
    with respx.mock() as router:
        route = router.get(f"{live.KOLADA}/kpi").respond(json={"v": 1})
        assert http.get_json(f"{live.KOLADA}/kpi") == {"v": 1}
        assert http.get_json(f"{live.KOLADA}/kpi") == {"v": 1}
        assert route.call_count == 1  # the second from the cache
        fake.now += 8 * 24 * 3600
        http.get_json(f"{live.KOLADA}/kpi")
        assert route.call_count == 2  # a week old: asked again


def test_offline_error_names_the_host() -> None:
    fake = FakeTime()
    http = _http(None, fake)
    with respx.mock() as router:
        router.route().mock(side_effect=httpx.ConnectError("down"))
        with pytest.raises(Offline) as exc:
            http.get_json("https://api.kolada.se/v3/kpi")
    assert exc.value.host == "api.kolada.se"
    assert fake.slept == [1.0]  # tried once more, briefly


@pytest.mark.parametrize(
    ("text", "value"),
    [
        *[("cirka 210", 210.0), ("cirka 1150", 1150.0), ("12,5", 12.5), ("1 234", 1234.0), (7, 7.0)],
        *[("58.95595758996744", 58.95595758996744), ("~100", 100.0)],  # ~100: a share rounded for few pupils
        *[("..", None), (".", None), ("", None), (None, None), ("-", None)],  # suppressed or missing: never 0
    ],
)
def test_agency_numbers(text: object, value: float | None) -> None:
    assert live.number(text) == value


def test_json_stat2_keeps_suppressed_cells_none() -> None:
    doc = {
        "id": ["Region", "Tid"],
        "size": [2, 2],
        "dimension": {
            "Region": {"category": {"index": {"A": 0, "B": 1}}},
            "Tid": {"category": {"index": ["2024", "2025"]}},
        },
        "value": [1, None, 3, 4],
        "status": {"3": ".."},
    }
    cells = live.flatten(doc)
    # row-major, the last dimension fastest: A2024, A2025, B2024, B2025
    assert [(c["Region"], c["Tid"], v) for c, v in cells] == [
        ("A", "2024", 1.0),
        ("A", "2025", None),
        ("B", "2024", 3.0),
        ("B", "2025", None),  # a value marked `..` is not trusted either
    ]


def test_sweref_99_tm_to_wgs84() -> None:
    # Hansåkerskolan in Skolverket's recording: N 7 004 420, E 530 063 ↔ 63.167755, 15.596948
    lat, lon = live.sweref_to_wgs84(7004420, 530063)
    assert (round(lat, 5), round(lon, 5)) == (63.16776, 15.59695)


def test_planned_educations_pupils_from_the_recorded_answers() -> None:
    """Utö skola (0136): ``cirka 20`` pupils spread over grades 1–9 (E); unit 15777605's total is
    MISSING (value null): it is left out with a note, never counted as 0 pupils."""
    fake = FakeTime()
    http = _http(None, fake)
    with respx.mock() as router:
        router.get(f"{live.REGISTRY}/school-units", params={"municipality_code": "0136"}).respond(
            json={
                "data": {
                    "type": "schoolunit",
                    "attributes": [
                        {"schoolUnitCode": "47140640", "name": "Utö skola", "status": "AKTIV"},
                        {"schoolUnitCode": "15777605", "name": "", "status": "AKTIV"},
                    ],
                }
            }
        )
        for code in ("47140640", "15777605"):
            router.get(f"{live.REGISTRY}/school-units/{code}").respond(
                json={"data": {"attributes": {"schoolTypes": ["GR"]}}}
            )
        router.get(f"{live.PLANNED}/school-units/47140640").respond(json=_recorded("recorded_planned_47140640.json"))
        router.get(f"{live.PLANNED}/school-units/15777605").respond(404)
        router.get(f"{live.PLANNED}/school-units/47140640/statistics/gr").respond(
            json=_recorded("recorded_planned_47140640_statistics_gr.json")
        )
        router.get(f"{live.PLANNED}/school-units/15777605/statistics/gr").respond(
            json=_recorded("recorded_planned_15777605_statistics_gr.json")
        )
        units, positions, notes = live.skolverket_schools(http, "0136", national=[])
    assert [u.name for u in units] == ["Utö skola"]
    uto = units[0]
    assert uto.total == 20 and uto.organiser_type == "Kommunal"
    assert uto.pupils == (2,) * 9  # 20 / 9 grades = 2.2 → 2 each (E)
    # the recording: wgs84_Lat "58.95595758996744", wgs84_Long "18.29383185909684"
    assert (round(positions["47140640"].lat, 3), round(positions["47140640"].lon, 3)) == (58.956, 18.294)
    assert any("15777605" in n and "inget elevantal" in n for n in notes)


def test_scb_selections_are_split_to_stay_under_the_cell_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """With room for 2 DeSO per call (17 bands × 2 sexes × 2 DeSO = 68 cells), Ragunda's 4 DeSO take
    two calls, each answered with its own DeSO, and the result is the same as in one call."""
    doc = _json("scb_tab6574_data.json")
    regions = list(doc["dimension"]["Region"]["category"]["index"])
    per_region = 17 * 2

    def answer(request: httpx.Request) -> httpx.Response:
        asked = request.url.params["valueCodes[Region]"].split(",")
        part = json.loads(json.dumps(doc))
        part["dimension"]["Region"]["category"]["index"] = {r: i for i, r in enumerate(asked)}
        part["size"][0] = len(asked)
        part["value"] = [v for r in asked for v in doc["value"][regions.index(r) * per_region :][:per_region]]
        part["status"] = {}  # the one suppressed cell is tested above
        return httpx.Response(200, json=part)

    def population(limit: int) -> tuple[list, int]:
        monkeypatch.setattr(live, "MAX_CELLS", limit)
        with respx.mock() as router:
            router.get(f"{live.SCB}/tables/TAB6574/metadata").respond(json=_json("scb_tab6574_metadata.json"))
            data = router.get(f"{live.SCB}/tables/TAB6574/data").mock(side_effect=answer)
            areas, _, _ = live.scb_population(_http(None, FakeTime()), "2303")
            return areas, data.call_count

    split, calls = population(68)
    whole, one = population(150_000)
    assert (calls, one) == (2, 1)
    assert split == whole and len(split) == 4
