"""engine.measures.municipality: hand-computable tables in, the documented formulas out."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from engine import Dataset, evaluate
from engine.core.types import SERVICES
from engine.measures.municipality import (
    COST_PARTS,
    RED_FLAG_SCENARIOS,
    care_home_balance,
    cost_by_service,
    first_deficit_year,
    investment_flags,
    investment_scenarios,
    result_change,
    revenue_and_population,
    service_utilisation,
    unit_places,
    with_scenarios,
)


def economy_frame(results: list[float], one_off: list[float] | None = None) -> pd.DataFrame:
    years = list(range(2025, 2025 + len(results)))
    frame = pd.DataFrame(
        {
            "year": years,
            "revenue_sek": [100.0 - 10 * i for i in range(len(results))],
            "cost_sek": [0.0] * len(results),
            "result_sek": results,
            "accumulated_result_sek": pd.Series(results).cumsum(),
            "one_off_cost_sek": one_off or [0.0] * len(results),
            "other_costs_sek": [5.0] * len(results),
            "grundskola_cost_sek": [1.0] * len(results),
            "forskola_cost_sek": [2.0] * len(results),
            "aldreboende_cost_sek": [3.0] * len(results),
            "hemtjanst_cost_sek": [4.0] * len(results),
        }
    )
    return frame


def test_cost_by_service_has_every_part_and_zero_for_a_missing_one():
    costs = cost_by_service(economy_frame([1.0, 2.0]))
    assert list(costs.columns) == ["year", *COST_PARTS]
    assert costs["grundskola"].tolist() == [1.0, 1.0]
    assert costs["other"].tolist() == [5.0, 5.0]
    assert costs["fritid_kultur"].tolist() == [0.0, 0.0]  # not in the frame: 0, not an error


def test_cost_by_service_sums_to_the_engines_cost(demo: Dataset):
    economy = evaluate(demo, "bas", "keep-all").economy
    costs = cost_by_service(economy)
    assert costs[list(COST_PARTS)].sum(axis=1).to_numpy() == pytest.approx(economy["cost_sek"].to_numpy())


@pytest.mark.parametrize(
    ("results", "expected"),
    [([5.0, 1.0, -1.0, 2.0, -3.0], 2027), ([-1.0, 2.0], 2025), ([1.0, 0.0, 2.0], None)],
)
def test_first_deficit_year(results, expected):
    assert first_deficit_year(economy_frame(results)) == expected


def test_revenue_follows_the_population():
    economy = pd.DataFrame({"year": [2025, 2026, 2027], "revenue_sek": [1000.0, 900.0, 800.0]})
    years = pd.DataFrame({"year": [2025, 2026, 2027], "population": [10.0, 9.0, 8.0]})
    out = revenue_and_population(economy, years)
    assert out["revenue_per_inhabitant_sek"].tolist() == [100.0, 100.0, 100.0]
    assert out["population_change"].tolist() == pytest.approx([0.0, -0.1, -0.2])
    assert out["revenue_change"].tolist() == pytest.approx(out["population_change"].tolist())


def test_revenue_change_equals_population_change_in_the_engine(demo: Dataset):
    result = evaluate(demo, "stress", "keep-all")
    out = revenue_and_population(result.economy, result.years)
    assert out["revenue_change"].to_numpy() == pytest.approx(out["population_change"].to_numpy())


def test_result_change_per_year_and_accumulated():
    keep = economy_frame([10.0, 8.0, 6.0])
    alt = economy_frame([5.0, 12.0, 11.0], one_off=[5.0, 0.0, 0.0])
    out = result_change(alt, keep)
    assert out["result_change_sek"].tolist() == [-5.0, 4.0, 5.0]
    assert out["accumulated_change_sek"].tolist() == [-5.0, -1.0, 4.0]
    assert out["one_off_cost_sek"].tolist() == [5.0, 0.0, 0.0]


def test_service_utilisation_orders_the_services_and_can_skip_one():
    services = pd.DataFrame(
        {
            "service": ["aldreboende", "grundskola", "fritid_kultur", "forskola"] * 2,
            "year": [2026] * 4 + [2025] * 4,
            "demand": [12.0, 80.0, 5.0, 40.0, 10.0, 90.0, 6.0, 45.0],
            "capacity": [10.0, 100.0, 10.0, 50.0] * 2,
            "utilisation": [1.2, 0.8, 0.5, 0.8, 1.0, 0.9, 0.6, 0.9],
        }
    )
    out = service_utilisation(services)
    assert list(dict.fromkeys(out["service"])) == list(SERVICES)
    assert out[out["service"] == "grundskola"]["year"].tolist() == [2025, 2026]
    assert "fritid_kultur" not in set(service_utilisation(services, skip=["fritid_kultur"])["service"])


def test_unit_places_counts_empty_places_of_open_units_only():
    units = pd.DataFrame(
        {
            "service": ["forskola"] * 3 + ["aldreboende"],
            "year": [2025] * 4,
            "unit_id": ["F1", "F2", "F3", "A1"],
            "name": ["Ett", "Två", "Tre", "Boende"],
            "open": [True, True, False, True],
            "demand": [30.0, 55.0, 0.0, 10.0],
            "capacity": [40.0, 50.0, 0.0, 10.0],
            "utilisation": [0.75, 1.1, math.nan, 1.0],
            "cost_sek": [1.0, 2.0, 0.5, 3.0],
        }
    )
    out = unit_places(units, "forskola")
    assert out["unit_id"].tolist() == ["F1", "F2"]
    assert out["empty_places"].tolist() == [10.0, 0.0]
    assert out["over_capacity"].tolist() == [0.0, 5.0]


def test_care_home_balance_by_hand():
    services = pd.DataFrame(
        {
            "service": ["aldreboende", "aldreboende"],
            "year": [2025, 2026],
            "demand": [8.0, 12.0],
            "capacity": [10.0, 10.0],
            "places_needed": [8.0, 12.0],
            "purchased_places_cost_sek": [0.0, 2 * 1_000.0],
        }
    )
    # two homes of 5 places; premises + fixed 300 and 200; care 100 per occupied place
    units = pd.DataFrame(
        {
            "service": ["aldreboende"] * 4,
            "year": [2025, 2025, 2026, 2026],
            "open": [True] * 4,
            "demand": [4.0, 4.0, 5.0, 5.0],
            "capacity": [5.0] * 4,
            "cost_sek": [300 + 400.0, 200 + 400.0, 300 + 500.0, 200 + 500.0],
        }
    )
    out = care_home_balance(services, units, cost_per_occupied_place_sek=100.0)
    assert out["shortage_places"].tolist() == [0.0, 2.0]
    assert out["empty_places"].tolist() == [2.0, 0.0]
    assert out["fixed_cost_per_place_sek"].tolist() == [50.0, 50.0]  # (300 + 200) / 10 places
    assert out["empty_places_cost_sek"].tolist() == [100.0, 0.0]
    assert out["purchased_places_cost_sek"].tolist() == [0.0, 2_000.0]


def test_care_home_balance_matches_the_engine(demo: Dataset):
    result = evaluate(demo, "bas", "keep-all")
    out = care_home_balance(result.services, result.service_units, result.parameters.cost_per_occupied_place_sek)
    care = result.services[result.services["service"] == "aldreboende"]
    assert out["places_needed"].to_numpy() == pytest.approx(care["places_needed"].to_numpy())
    assert out["shortage_places"].to_numpy() == pytest.approx(care["shortage_places"].to_numpy())
    assert (out["fixed_cost_per_place_sek"] > 0).all()


ITEM = {
    "id": "I1",
    "name": "Ny förskola",
    "exit_strategy": "",
    "utilisation_year_10": {"bas": 0.6, "stress": 0.5, "stabilisering": 0.9, "okand": None},
    "oversized_in": ["bas", "stress"],
}


def test_investment_scenarios_one_row_per_scenario():
    out = investment_scenarios([ITEM], 0.75)
    assert out["scenario"].tolist() == ["bas", "stress", "stabilisering", "okand"]
    assert out["oversized"].tolist() == [True, True, False, False]  # unknown utilisation is not oversized
    assert math.isnan(out["utilisation"].iloc[-1])


def test_investment_flags_red_for_bas_or_stress_and_for_a_missing_exit():
    ids = ["bas", "stress", "stabilisering"]
    assert RED_FLAG_SCENARIOS == ("bas", "stress")
    flags = investment_flags(ITEM, ids, 0.75)
    assert flags == {
        "oversized": ["bas", "stress"],
        "oversized_critical": ["bas", "stress"],
        "no_exit_strategy": True,
        "red": True,
    }
    only_stabilisation = {**ITEM, "exit_strategy": "Blir bostäder", "utilisation_year_10": {"stabilisering": 0.5}}
    flags = investment_flags(only_stabilisation, ids, 0.75)
    assert flags["oversized"] == ["stabilisering"] and not flags["oversized_critical"] and not flags["red"]
    # the threshold moves the flag
    assert investment_flags({**ITEM, "exit_strategy": "x"}, ids, 0.4)["red"] is False


def test_investment_flags_use_every_scenario_when_none_is_called_bas_or_stress():
    item = {**ITEM, "exit_strategy": "x", "utilisation_year_10": {"hog": 0.9, "lag": 0.3}}
    assert investment_flags(item, ["hog", "lag"], 0.75)["oversized_critical"] == ["lag"]


def test_with_scenarios_changes_only_what_was_changed(demo: Dataset):
    import dataclasses

    same = with_scenarios(demo, list(demo.scenarios.values()))
    assert same is demo
    changed = dataclasses.replace(demo.scenarios["bas"], tfr=2.2)
    other = with_scenarios(demo, [changed])
    assert other.scenarios["bas"].tfr == 2.2
    assert other.scenarios["stress"] == demo.scenarios["stress"]
    assert demo.scenarios["bas"].tfr != 2.2  # the original is untouched
    more = evaluate(other, "bas", "keep-all").years["pupils"].iloc[-1]
    assert more > evaluate(demo, "bas", "keep-all").years["pupils"].iloc[-1]
