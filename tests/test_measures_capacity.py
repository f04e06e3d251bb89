"""engine.measures.capacity: hand-computable tables in, the Kapacitet page's numbers out."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from engine import Dataset, evaluate
from engine.measures.capacity import (
    ServiceCapacity,
    care_places,
    leisure_places,
    opposite_directions,
    preschool_places,
    school_places,
    utilisation_changes,
    utilisation_trend,
)
from engine.measures.change import change
from engine.measures.municipality import care_home_balance, service_utilisation

# Two preschools over two years: A has 10 places, B 20.
#   2025: A 4 children (40 %), B 15 (75 %) → 19 children in 30 places
#   2026: A 8 children (80 %), B 12 (60 %) → 20 children in 30 places
SERVICES = pd.DataFrame(
    {
        "service": ["forskola", "forskola"],
        "year": [2026, 2025],  # unsorted on purpose
        "demand": [20.0, 19.0],
        "capacity": [30.0, 30.0],
        "utilisation": [20 / 30, 19 / 30],
        "empty_places": [10.0, 11.0],
        "units_open": [2, 2],
    }
)
UNITS = pd.DataFrame(
    {
        "service": ["forskola"] * 4,
        "year": [2025, 2025, 2026, 2026],
        "unit_id": ["A", "B", "A", "B"],
        "name": ["Förskolan A", "Förskolan B", "Förskolan A", "Förskolan B"],
        "open": [True] * 4,
        "demand": [4.0, 15.0, 8.0, 12.0],
        "capacity": [10.0, 20.0, 10.0, 20.0],
        "utilisation": [0.4, 0.75, 0.8, 0.6],
        "cost_sek": [100.0, 280.0, 120.0, 280.0],
    }
)


def test_a_service_year_by_year_by_hand():
    c = preschool_places(SERVICES, UNITS)
    assert c is not None
    assert (c.first_year, c.last_year, c.years) == (2025, 2026, [2025, 2026])
    assert c.start["demand"] == 19 and c.end["demand"] == 20
    change = c.change("empty_places")  # 11 → 10
    assert (change.first, change.last, change.difference) == (11, 10, -1)
    assert change.relative == pytest.approx(10 / 11 - 1)
    assert not c.short  # no shortage_places column


def test_units_ranked_and_the_least_used_by_hand():
    c = preschool_places(SERVICES, UNITS)
    assert c is not None
    assert c.units_in(2025)["name"].tolist() == ["Förskolan A", "Förskolan B"]  # 40 % before 75 %
    assert c.units_in(2026)["name"].tolist() == ["Förskolan B", "Förskolan A"]  # 60 % before 80 %
    assert c.units_in(2026, ranked=False)["name"].tolist() == ["Förskolan A", "Förskolan B"]
    assert c.lowest()["name"] == "Förskolan B"  # the last year: B at 60 %
    assert c.lowest(2025)["name"] == "Förskolan A"
    assert c.units_in(2026)["empty_places"].tolist() == [8.0, 2.0]  # 20 − 12, 10 − 8


def test_average_cost_per_user_by_hand():
    c = preschool_places(SERVICES, UNITS)
    assert c is not None
    assert c.average_cost_per_user(2025) == pytest.approx(380 / 19)  # (100 + 280) / (4 + 15) = 20 kr
    assert c.average_cost_per_user(2026) == pytest.approx(400 / 20)  # (120 + 280) / (8 + 12) = 20 kr
    nobody = ServiceCapacity("forskola", SERVICES, UNITS.assign(demand=0.0))
    assert math.isnan(nobody.average_cost_per_user(2025))


def test_a_service_without_units_or_years_is_none():
    assert preschool_places(SERVICES, UNITS.iloc[0:0]) is None
    assert preschool_places(SERVICES.iloc[0:0], UNITS) is None
    assert leisure_places(SERVICES, UNITS, None) is None  # no fritid_kultur rows


def test_leisure_is_ranked_by_occupancy_with_bookable_hours_by_hand():
    services = SERVICES.assign(service="fritid_kultur", occupancy=[0.5, 0.4])
    # A: 300 of 1 000 bookable hours (30 %), B: 900 of 1 500 (60 %), both years
    units = UNITS.assign(
        service="fritid_kultur", booked_hours=[300.0, 900.0] * 2, occupancy=[0.3, 0.6] * 2, utilisation=[0.9, 0.1] * 2
    )
    usage = pd.DataFrame({"unit_id": ["A", "B"], "bookable_hours": [1_000.0, 1_500.0]})
    c = leisure_places(services, units, usage)
    assert c is not None
    assert c.rank == "occupancy"
    assert c.units_in(2026)["name"].tolist() == ["Förskolan A", "Förskolan B"]  # 30 % before 60 %, not by utilisation
    assert c.units_in(2026)["bookable_hours"].tolist() == [1_000.0, 1_500.0]
    assert c.lowest()["occupancy"] == 0.3
    without = leisure_places(services, units, None)
    assert without is not None and without.units["bookable_hours"].isna().all()


def test_care_places_are_the_care_home_balance_and_say_when_short():
    services = pd.DataFrame(
        {
            "service": ["aldreboende", "aldreboende"],
            "year": [2025, 2026],
            "demand": [8.0, 12.0],
            "capacity": [10.0, 10.0],
            "places_needed": [8.0, 12.0],
            "purchased_places_cost_sek": [0.0, 2_000.0],
        }
    )
    units = UNITS.assign(service="aldreboende")
    c = care_places(services, units, cost_per_occupied_place_sek=100.0)
    assert c is not None
    pd.testing.assert_frame_equal(c.per_year, care_home_balance(services, units, 100.0))
    assert c.short  # 2026: 12 needed, 10 places → 2 short
    assert c.change("shortage_places").difference == 2  # 0 → 2
    assert not care_places(services.assign(places_needed=[8.0, 9.0]), units, 100.0).short
    assert care_places(services.iloc[0:0], units, 100.0) is None


def test_school_places_add_empty_share_fragile_teams_and_used_floor(tiny):
    result = evaluate(tiny, "bas", "keep-all", years=2)
    c = school_places(result.units, result.schools)
    first = c.start
    assert first["empty_share"] == pytest.approx(137 / 200)  # 1 − 63 pupils / 200 places
    assert first["fragile_teams"] == c.units_in(2025)["fragile_team"].sum()
    a = c.units_in(2025).set_index("unit_id").loc["S-A"]
    assert a["used_floor_m2"] == pytest.approx(450)  # 1 000 m² − 550 unused
    assert c.users == "pupils" and c.units["open"].all()
    assert c.lowest()["name"] == c.units_in(c.last_year)["name"].iloc[0]


def test_utilisation_changes_by_hand():
    # schools 80 % → 60 %; care homes 100 % → 130 %
    table = pd.DataFrame(
        {
            "service": ["grundskola", "grundskola", "aldreboende", "aldreboende"],
            "year": [2025, 2026, 2025, 2026],
            "utilisation": [0.8, 0.6, 1.0, 1.3],
        }
    )
    changes = utilisation_changes(table)
    assert list(changes) == ["grundskola", "aldreboende"]
    assert changes["grundskola"].difference == pytest.approx(-0.2)
    assert (changes["aldreboende"].first, changes["aldreboende"].last) == (1.0, 1.3)


def test_utilisation_changes_match_the_engine(demo: Dataset):
    result = evaluate(demo, "bas", "keep-all")
    shown = service_utilisation(result.services)
    for service, moved in utilisation_changes(shown).items():
        rows = result.services[result.services["service"] == service].sort_values("year")
        assert moved.last == pytest.approx(rows["utilisation"].iloc[-1])
        assert moved.first == pytest.approx(rows["utilisation"].iloc[0])


def test_a_move_under_half_a_point_is_steady_and_tells_no_opposite_story():
    """The page writes whole per cent: 0.982 → 0.979 (−0.3 points) would read "sjunker från 98 % till 98 %"."""
    steady = change(0.982, 0.979)
    assert utilisation_trend(steady) == "steady"
    assert utilisation_trend(change(0.80, 0.75)) == "down"  # −5 points
    assert utilisation_trend(change(0.87, 0.872)) == "steady"  # +0.2 points
    assert utilisation_trend(change(1.00, 1.10)) == "up"
    care_fills = change(1.00, 1.10)
    assert opposite_directions(
        {"grundskola": change(0.80, 0.75), "forskola": change(0.9, 0.8), "aldreboende": care_fills}
    )
    assert not opposite_directions({"grundskola": change(0.80, 0.75), "forskola": steady, "aldreboende": care_fills})
    assert not opposite_directions({"grundskola": change(0.80, 0.75), "aldreboende": change(1.0, 1.002)})
    assert not opposite_directions({"grundskola": change(0.80, 0.75)})  # no care homes: no story
