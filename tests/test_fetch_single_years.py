"""`fetch` shapes each DeSO's five-year bands by the municipality's single years from SCB's TAB638
(engine/sources/live.py scb_single_years, engine/sources/estimates.py shape_bands).

Checked: a tiny json-stat2 answer parsed by hand (civil statuses and sexes summed, the
population chosen among the contents, a suppressed cell None, never 0); the split keeps every
band's total (property) and follows the profile inside a band; the CLI end to end on the
replayed answers (tests/fixtures/live/scb_tab638_*.json, constructed numbers); TAB638 offline
or failing: the smooth estimate, said on stderr and in the README.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import numpy as np
import pytest
import respx
from cli_support import call
from hypothesis import given, settings
from hypothesis import strategies as st
from test_fetch import FakeTime, _http, _json, _ragunda

from engine.sources import estimates, live

TAB638 = f"{live.SCB}/tables/TAB638"


def _cat(codes: list[str], labels: list[str] | None = None) -> dict:
    return {
        "category": {
            "index": {c: i for i, c in enumerate(codes)},
            "label": dict(zip(codes, labels or codes, strict=True)),
        }
    }


def test_tab638_json_stat2_by_hand() -> None:
    meta = {
        "id": ["Region", "Civilstand", "Alder", "Kon", "ContentsCode", "Tid"],
        "size": [2, 2, 4, 2, 2, 2],
        "dimension": {
            "Region": _cat(["00", "2303"], ["Riket", "Ragunda"]),
            "Civilstand": _cat(["OG", "G"], ["ogifta", "gifta"]),
            "Alder": _cat(["0", "1", "100+", "tot"], ["0 år", "1 år", "100+ år", "totalt ålder"]),
            "Kon": _cat(["1", "2"], ["män", "kvinnor"]),
            "ContentsCode": _cat(["BE0101N2", "BE0101N1"], ["Folkökning", "Folkmängd"]),
            "Tid": _cat(["2024", "2025"]),
        },
    }
    # Civilstand × Alder × Kon, the last fastest (Region, ContentsCode, Tid one each):
    #          age 0      age 1        100+
    # ogifta   m 10 k 11  m 12 k ..    m 0 k 1
    # gifta    m 0  k 0   m 1  k 2     m 2 k 3
    data = {
        **meta,
        "size": [1, 2, 3, 2, 1, 1],
        "dimension": {
            **meta["dimension"],
            "Region": _cat(["2303"]),
            "Alder": _cat(["0", "1", "100+"], ["0 år", "1 år", "100+ år"]),
            "ContentsCode": _cat(["BE0101N1"], ["Folkmängd"]),
            "Tid": _cat(["2025"]),
        },
        "value": [10, 11, 12, None, 0, 1, 0, 0, 1, 2, 2, 3],
        "status": {"3": ".."},
    }
    with respx.mock() as router:
        router.get(f"{TAB638}/metadata").respond(json=meta)
        asked = router.get(f"{TAB638}/data").respond(json=data)
        persons, year = live.scb_single_years(_http(None, FakeTime()), "2303", 2026)
    params = asked.calls.last.request.url.params
    assert params["valueCodes[Region]"] == "2303"
    assert params["valueCodes[Civilstand]"] == "OG,G"  # no total offered: every part, summed
    assert params["valueCodes[Alder]"] == "0,1,100+"  # the total left out
    assert params["valueCodes[Kon]"] == "1,2"
    assert params["valueCodes[ContentsCode]"] == "BE0101N1"  # the population, not its change
    assert params["valueCodes[Tid]"] == "2025"  # 2026 not published: the latest
    assert year == 2025
    assert persons[0] == 10 + 11 + 0 + 0
    assert persons[1] is None  # one cell suppressed: the age unknown, never 12 + 1 + 2
    assert persons[100] == 0 + 1 + 2 + 3
    assert persons[2:100] == [None] * 98  # not in the answer: unknown, never 0


def test_shape_bands_by_hand() -> None:
    # 0–4 holds 100 persons; the profile 1, 2, 3, 4, 10 (sum 20) splits it 5, 10, 15, 20, 50.
    bands = [100.0] + [0.0] * 16
    profile = np.full(101, np.nan)
    profile[:5] = [1, 2, 3, 4, 10]
    out = estimates.shape_bands(bands, profile)
    assert np.allclose(out[:5], [5, 10, 15, 20, 50])
    assert not out[5:].any()
    # 5–9 with only age 7 known: the smooth estimate s keeps ages 5, 6, 8, 9, and age 7 takes
    # s(7) (its own share, Σ_K s / Σ_K profile × profile(7) = s(7)): the smooth split again.
    bands = [0.0, 50.0] + [0.0] * 15
    profile = np.full(101, np.nan)
    profile[7] = 3.0
    assert np.allclose(estimates.shape_bands(bands, profile), estimates.spread_bands(bands))


@settings(max_examples=60, deadline=None)
@given(
    bands=st.lists(st.integers(0, 3000), min_size=17, max_size=17),
    profile=st.lists(st.one_of(st.none(), st.floats(0, 500)), min_size=101, max_size=101),
)
def test_shape_bands_keeps_every_band(bands: list[int], profile: list[float | None]) -> None:
    known = np.array([np.nan if v is None else v for v in profile])
    out = estimates.shape_bands([float(b) for b in bands], known)
    assert (out >= 0).all() and not np.isnan(out).any()
    assert np.allclose(estimates.to_bands(out), bands, rtol=1e-9, atol=1e-6)
    for b, (lo, hi) in enumerate(estimates.BANDS):
        part = known[lo : hi + 1]
        if bands[b] and not np.isnan(part).any() and part.sum() > 0:  # all known: the profile's proportions
            assert np.allclose(out[lo : hi + 1], part / part.sum() * bands[b], atol=1e-6)


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _single(folder: Path) -> dict[tuple[str, int], float]:
    return {(r["area_id"], int(r["age"])): float(r["persons"]) for r in _rows(folder / "population.csv")}


def test_fetch_splits_the_bands_by_tab638(capsys, tmp_path: Path) -> None:
    with respx.mock(assert_all_called=True) as router:
        _ragunda(router)
        status, _, err = call(capsys, "fetch", "2303", tmp_path / "r", "--no-cache")
        asked = next(c for c in router.calls if c.request.url.path.endswith("TAB638/data"))
    assert status == 0, err
    assert "obs:" not in err
    assert asked.request.url.params["valueCodes[Tid]"] == "2025"  # the bands' year
    folder = tmp_path / "r"
    single = _single(folder)
    bands = {(r["area_id"], int(r["age_from"])): int(r["persons"]) for r in _rows(folder / "population_bands.csv")}
    for (deso, lo), total in bands.items():
        # every DeSO's band totals are SCB's; written to the hundredth with the area's total kept
        # (estimates.to_hundredths), so each age may move by less than 0.01
        hi = 100 if lo == 80 else lo + 4
        assert sum(single[(deso, a)] for a in range(lo, hi + 1)) == pytest.approx(total, abs=0.01 * (hi - lo + 1))
    # The constructed TAB638 has each odd age 40 % above its even neighbours' smooth level: the
    # DeSO's 20–24 follow the municipality's 20, 21 … 24 (men + women) in proportion.
    doc = _json("scb_tab638_data.json")
    municipality = [doc["value"][2 * a] + doc["value"][2 * a + 1] for a in range(20, 25)]
    deso = [single[("2303A0020", a)] for a in range(20, 25)]
    assert np.allclose(
        np.array(deso) / sum(deso), np.array(municipality) / sum(municipality), atol=0.01 / sum(deso) + 1e-9
    )
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "hela kommunens folkmängd per ettårsklass (SCB:s tabell TAB638, 31 december 2025)" in readme
    assert "längs en rät linje" not in readme  # not the smooth estimate
    # women 100+ suppressed: said, and 100+ keeps the smooth share rather than becoming 0
    assert "SCB redovisar inte åldrarna 100+ i TAB638 (2025)" in readme
    assert all(single[(d, 100)] > 0 for d in {d for d, _ in single} if bands[(d, 80)] > 0)


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (httpx.ConnectError("Name or service not known"), "ingen förbindelse med statistikdatabasen.scb.se"),
        (httpx.Response(404), "svarade 404"),
    ],
)
def test_tab638_failing_falls_back_to_the_smooth_estimate(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: object, said: str
) -> None:
    monkeypatch.setattr("engine.sources.http.time.sleep", lambda _s: None)  # its one quick retry
    with respx.mock() as router:
        _ragunda(router, tab638=False)
        router.get(url__startswith=TAB638).mock(side_effect=[failure] * 4)
        status, _, err = call(capsys, "fetch", "2303", tmp_path / "r", "--no-cache")
    assert status == 0, err
    assert err.startswith("obs: Kommunens ettårsklasser (TAB638) kunde inte hämtas från SCB (")
    assert said in err and "jämna uppskattningen (E)" in err and "Traceback" not in err
    folder = tmp_path / "r"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "Kommunens ettårsklasser (TAB638) kunde inte hämtas" in readme
    assert "längs en rät linje genom grannklassernas medelnivåer" in readme
    # the single years are the smooth estimate's, to the hundredth
    single = _single(folder)
    bands = {}
    for r in _rows(folder / "population_bands.csv"):
        bands.setdefault(r["area_id"], [0.0] * 17)[int(r["age_from"]) // 5] = float(r["persons"])
    for deso, row in bands.items():
        smooth = estimates.to_hundredths(estimates.spread_bands(row))
        assert [single[(deso, a)] for a in range(101)] == pytest.approx(list(smooth), abs=1e-9)


def test_tab638_in_another_shape_is_a_source_error() -> None:
    with respx.mock() as router:
        router.get(f"{TAB638}/metadata").respond(json={"id": ["Region", "Alder", "Tid"], "dimension": {}})
        with pytest.raises(live.SourceError, match=r"TAB638 svarade i en oväntad form \(KeyError\('Region'\)\)"):
            live.scb_single_years(_http(None, FakeTime()), "2303", 2025)


def test_missing_ages_are_named_as_runs() -> None:
    assert live._ages([3, 4, 5, 9, 99, 100]) == "3–5, 9, 99–100+"
    assert live._ages([100]) == "100+"
