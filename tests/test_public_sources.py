"""The national public files kept in data/public and their reader (engine/sources/public.py).

* the committed files are what tools/extract_public.py makes from the public exports, byte
  for byte (skipped, saying so, where ../shared/data/public is absent);
* the reader's views for one small municipality, Ragunda (2303), checked by hand against
  the agencies' exports; a suppressed value is None, never 0.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.sources import public

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "public"


def _extract_module():
    spec = importlib.util.spec_from_file_location("extract_public", ROOT / "tools" / "extract_public.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


EXTRACT = _extract_module()


def test_the_committed_files_are_what_the_extract_script_makes() -> None:
    if not (SHARED / "README.md").is_file():
        pytest.skip(f"the public exports are not at {SHARED} (CI has a copy of shared/ beside the clone)")
    made = EXTRACT.extract(SHARED)
    committed = {
        str(p.relative_to(ROOT / "data" / "public"))
        for p in (ROOT / "data" / "public").rglob("*")
        if p.is_file() and p.name != "README.md"
    }
    assert set(made) == committed
    for rel, data in sorted(made.items()):
        assert (ROOT / "data" / "public" / rel).read_bytes() == data, f"data/public/{rel}: run tools/extract_public.py"


def test_the_whole_folder_stays_small() -> None:
    size = sum(p.stat().st_size for p in (ROOT / "data" / "public").rglob("*") if p.is_file())
    assert size < 3_000_000, size


@pytest.mark.parametrize(
    ("text", "plain"),
    [("4 102", "4102"), ("47,8", "47.8"), (".", ""), ("..", ""), ("-", ""), ("", ""), ("0", "0"), ("1\xa0234", "1234")],
)
def test_skolverket_numbers_in_the_plain_dialect(text: str, plain: str) -> None:
    assert EXTRACT.plain(text) == plain


@given(st.integers(min_value=0, max_value=10**7))
def test_skolverket_thousands_are_read_back(n: int) -> None:
    swedish = f"{n:,}".replace(",", " ")  # Skolverket writes 4 102
    assert int(EXTRACT.plain(swedish)) == n


def test_municipalities() -> None:
    found = public.municipalities()
    assert len(found) == 290
    assert found["2303"] == public.Municipality(code="2303", name="Ragunda", county="23")
    assert found["0180"].name == "Stockholm"
    with pytest.raises(public.UnknownMunicipality):
        public.municipality("9999")


def test_kolada_values_and_titles() -> None:
    titles = public.kpi_titles()
    assert titles["N15027"] == "Kostnad grundskola F-9, hemkommun, kr/elev"
    assert len(titles) == 30
    assert public.kolada("N15027", "2303")[2022] == pytest.approx(152283.737024)  # Kolada's text, not rounded
    assert public.kolada("N01951", "2303")[2022] == 5174.0
    assert public.kolada("N01951", "0")[2022] == pytest.approx(10521556, abs=1)  # Sweden
    assert public.kolada("N15027", "9999") == {}
    assert public.KOLADA_ATTRIBUTION == "Källa: Kolada"


def test_school_units_keep_suppressed_grades_as_none() -> None:
    units = {u.name: u for u in public.school_units("2303")}
    assert set(units) == {"Hansåkerskolan", "Kullstaskolan", "Anders-Olofskolan"}
    kullsta = units["Kullstaskolan"]
    # Skolverket: 22;30;24;.;.;.;.;.;.;76 (grades 1–3 only; the dots are "none", never 0)
    assert kullsta.pupils == (22, 30, 24, None, None, None, None, None, None)
    assert kullsta.total == 76 == 22 + 30 + 24
    assert kullsta.organiser_type == "Kommunal"
    assert units["Hansåkerskolan"].code == "22316816"


def test_school_positions() -> None:
    positions = public.school_positions()
    assert len(positions) == 2271
    hansaker = positions["22316816"]
    assert (round(hansaker.lat, 4), round(hansaker.lon, 4)) == (63.1678, 15.5969)
    assert (hansaker.north, hansaker.east) == (7004420.0, 530063.0)
    assert "78545687" not in positions  # Anders-Olofskolan was not recorded
    assert positions["29524966"].north == pytest.approx(6571696.994)  # written 6571696,994 in the recording


def test_grade_pupils_and_costs() -> None:
    rows = {(g.year, g.organiser_type): g for g in public.grade_pupils("2303")}
    assert {y for y, _ in rows} == set(public.SCHOOL_YEARS)
    first = rows[(2020, "Kommunal")]
    assert first.pupils == (55, 64, 55, 63, 56, 48, 58, 53, 49)
    assert first.total == 501 == sum(first.pupils)
    costs = public.school_costs("2303")
    c = costs[2024]
    # Skolverket 2024: 498 pupils; 90 481 tkr; per pupil 181 700 of which teaching 95 900
    assert (c.pupils, c.total_tkr, c.total_per_pupil, c.teaching_per_pupil) == (498.0, 90481.0, 181700.0, 95900.0)
    parts = (
        c.teaching_per_pupil,
        c.premises_per_pupil,
        c.meals_per_pupil,
        c.materials_per_pupil,
        c.pupil_health_per_pupil,
        c.other_per_pupil,
    )
    # 95 900 + 26 900 + 10 300 + 2 900 + 4 110 + 41 500 = 181 610 ≈ 181 700 (Skolverket rounds each part)
    assert sum(p or 0 for p in parts) == pytest.approx(c.total_per_pupil, rel=0.01)


def test_preschools() -> None:
    found = public.preschools("2303")
    assert len(found) >= 5
    assert all(p.municipality == "2303" for p in found)
    no_position = [p for p in found if p.lat is None]
    assert all(p.lon is None for p in no_position)
    smultron = next(p for p in found if p.unit_id == "114631")
    assert (smultron.name, smultron.children, smultron.groups, smultron.lat) == ("Smultronets Förskola", 15, 1, None)


def test_deso_bands() -> None:
    areas = public.deso_bands("2303")
    assert [a.deso for a in areas] == ["2303A0010", "2303A0020", "2303A0030", "2303C1010"]
    assert areas[3].regso == "Hammarstrand"
    assert all(len(a.bands) == len(public.AGE_BANDS) == 17 for a in areas)
    # 48 + 46 + 45 + 52 + 38 + 36 + 77 + 45 + 51 + 47 + 60 + 112 + 92 + 98 + 94 + 71 + 101 = 1 113, SCB's total
    assert areas[0].total == 1113
