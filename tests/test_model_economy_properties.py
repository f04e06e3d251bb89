"""Properties of the whole municipality (DESIGN.md §6) that hold for any data, checked with hypothesis.

Each example is a small generated municipality: 1–4 areas somewhere in Sweden; random
children aged 1–15, old people at random ages 65–100 and adults; one school for every
grade; 0–3 preschools, care homes and leisure facilities (each facility with random
usage); random service and economy parameters; a random scenario; and a random
alternative of closes, merges (within a service) and capacity changes of the non-school
units. Datasets are built from engine types directly (no files) to keep examples fast.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import Action, Alternative, Dataset, Scenario, evaluate
from engine.model.economy import against_baseline

BASE_YEAR = 2025
YEARS = 3
CALENDAR = list(range(BASE_YEAR, BASE_YEAR + YEARS + 1))
EPS = 1e-6
OTHER_SERVICES = ("forskola", "aldreboende", "fritid_kultur")

PROPERTY_SETTINGS = settings(
    max_examples=25,
    deadline=None,  # no timing assertions: a slow CI machine must not fail a property
    derandomize=True,  # the same examples on every run
    suppress_health_check=[HealthCheck.too_slow],
)

KEEP_ALL = Alternative(id="keep-all", name="Behåll alla")


def hundredths(lo: int, hi: int):
    return st.integers(lo, hi).map(lambda n: n / 100)


@st.composite
def municipalities(draw):
    n_areas = draw(st.integers(1, 4))
    lat0 = draw(st.floats(55.5, 68.5))
    lon0 = draw(st.floats(11.5, 23.5))
    coord = st.floats(-0.3, 0.3, allow_nan=False)
    lats = [lat0 + draw(coord) for _ in range(n_areas)]
    lons = [lon0 + draw(coord) for _ in range(n_areas)]
    areas = pd.DataFrame(
        {"area_id": [f"A{i}" for i in range(n_areas)], "name": [f"Område {i}" for i in range(n_areas)]}
    ).assign(lat=lats, lon=lons)
    population = np.zeros((n_areas, 101))
    for a in range(n_areas):
        population[a, 1:16] = draw(st.lists(st.integers(0, 30), min_size=15, max_size=15))
        population[a, 30] = draw(st.integers(0, 100))
        population[a, 45] = draw(st.integers(0, 300))
        for age in draw(st.lists(st.integers(60, 100), max_size=6)):
            population[a, age] += draw(st.integers(0, 80))

    def place():
        if draw(st.booleans()):
            a = draw(st.integers(0, n_areas - 1))
            return f"A{a}", lats[a], lons[a]
        return f"A{draw(st.integers(0, n_areas - 1))}", lat0 + draw(coord), lon0 + draw(coord)

    rows = []
    area, lat, lon = place()  # the school has room for everyone: its model is tested elsewhere
    rows.append(
        {"unit_id": "S0", "name": "Skolan", "service": "grundskola", "area_id": area, "lat": lat, "lon": lon,
         "capacity": 10_000.0, "grade_min": 0, "grade_max": 9}
    )  # fmt: skip
    usage = []
    for service, prefix, max_capacity in (
        ("forskola", "F", 60),
        ("aldreboende", "AB", 40),
        ("fritid_kultur", "L", 5000),
    ):
        for i in range(draw(st.integers(0, 3) if service != "fritid_kultur" else st.integers(1, 3))):
            area, lat, lon = place()
            unit_id = f"{prefix}{i}"
            rows.append(
                {"unit_id": unit_id, "name": f"{service} {i}", "service": service, "area_id": area, "lat": lat,
                 "lon": lon, "capacity": float(draw(st.integers(0, max_capacity))), "grade_min": None,
                 "grade_max": None}
            )  # fmt: skip
            if service == "fritid_kultur" and draw(st.integers(0, 4)):  # most facilities report usage
                bookable = draw(st.integers(0, 2000))
                lo = draw(st.integers(0, 100))
                usage.append(
                    {
                        "unit_id": unit_id,
                        "bookable_hours": float(bookable),
                        "booked_hours": float(draw(st.integers(0, bookable))),
                        "visits": float(draw(st.integers(0, 20000))),
                        "user_age_min": lo,
                        "user_age_max": draw(st.integers(lo, 100)),
                    }
                )
    units = pd.DataFrame(rows)
    units["floor_area_m2"] = 500.0
    units["premises_cost_sek"] = [float(draw(st.integers(0, 3_000_000))) for _ in rows]
    units["fixed_cost_sek"] = [float(draw(st.integers(0, 1_000_000))) for _ in rows]
    units["grade_min"] = units["grade_min"].astype("Int64")
    units["grade_max"] = units["grade_max"].astype("Int64")

    fertility = np.zeros(101)
    fertility[30] = 1.0
    demography = pd.DataFrame(
        {
            "age": np.arange(101),
            "fertility_share": fertility,
            "mortality": np.linspace(0.0, draw(hundredths(0, 40)), 101),
            "migration_profile": np.ones(101),
        }
    )
    scenario = Scenario(
        id="s",
        name="s",
        tfr=draw(hundredths(0, 300)),
        net_migration_per_1000=draw(st.integers(-50, 50)),
        mortality_change=draw(hundredths(-50, 50)),
    )
    others = [u for u in units["unit_id"] if u != "S0"]
    service_of = dict(zip(units["unit_id"], units["service"], strict=True))
    alternative = Alternative(id="alt", name="alt", actions=draw(valid_actions(others, service_of)))
    dataset = Dataset(
        path=Path("generated"),
        name="Genererad kommun",
        code="0000",
        base_year=BASE_YEAR,
        parameter_overrides={},
        areas=areas,
        population=population,
        demography=demography,
        units=units,
        enrollment=None,
        distances=None,
        scenarios={"s": scenario},
        alternatives={"keep-all": KEEP_ALL, "alt": alternative},
        facility_usage=pd.DataFrame(
            usage,
            columns=["unit_id", "bookable_hours", "booked_hours", "visits", "user_age_min", "user_age_max"],
        ),
    )
    overrides = {
        "forskola_enrolment_age_1": draw(hundredths(0, 100)),
        "forskola_enrolment_age_2": draw(hundredths(0, 100)),
        "forskola_enrolment_age_3_5": draw(hundredths(0, 100)),
        "children_per_preschool_fte": draw(st.integers(3, 8)),
        "care_home_rate_65_79": draw(hundredths(0, 20)),
        "care_home_rate_80_89": draw(hundredths(0, 50)),
        "care_home_rate_90_plus": draw(hundredths(0, 80)),
        "leisure_visits_kept_on_close": draw(hundredths(0, 100)),
        "tax_base_per_inhabitant_sek": draw(st.integers(100_000, 500_000)),
        "tax_rate": draw(hundredths(15, 27)),
        "grants_per_inhabitant_sek": draw(st.integers(0, 100_000)),
        "other_costs_per_inhabitant_sek": draw(st.integers(0, 150_000)),
        "discount_rate": draw(hundredths(0, 10)),
    }
    return dataset, overrides


@st.composite
def valid_actions(draw, unit_ids, service_of):
    """Closes, merges (into an open unit of the same service) and capacity changes."""
    if not unit_ids:
        return ()
    candidates = draw(
        st.lists(
            st.tuples(
                st.sampled_from(CALENDAR),
                st.sampled_from(["close", "merge", "merge", "set_capacity"]),
                st.sampled_from(unit_ids),
                st.integers(0, 10),
                st.integers(0, 80),
            ),
            min_size=1,
            max_size=4,
        )
    )
    closed: set[str] = set()
    actions = []
    for year, kind, unit, pick, capacity in sorted(candidates, key=lambda c: c[0]):
        if unit in closed:
            continue
        if kind == "set_capacity":
            actions.append(Action(year=year, action=kind, unit=unit, capacity=float(capacity)))
            continue
        peers = [u for u in unit_ids if service_of[u] == service_of[unit] and u != unit and u not in closed]
        to = peers[pick % len(peers)] if peers else None
        if to is None:
            kind = "close"  # nothing open of the same service to merge into
        closed.add(unit)
        actions.append(Action(year=year, action=kind, unit=unit, to=to if kind == "merge" else None))
    return tuple(actions)


def rows(result, service):
    return result.services[result.services["service"] == service].set_index("year").reindex(CALENDAR)


def unit_rows(result, service):
    su = result.service_units
    return su[su["service"] == service]


def evaluated(example, alternative="alt"):
    dataset, overrides = example
    return evaluate(dataset, "s", alternative, overrides, years=YEARS)


# --- förskola --------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(municipalities())
def test_preschool_children_are_conserved(example):
    r = evaluated(example)
    p = r.parameters
    rates = np.array([p.forskola_enrolment_age_1, p.forskola_enrolment_age_2] + [p.forskola_enrolment_age_3_5] * 3)
    enrolled = (r.population[:, :, 1:6] * rates).sum(axis=(1, 2))  # [year]
    s = rows(r, "forskola")
    # Every enrolled child is either at a preschool or reported unplaced, never both, never lost.
    np.testing.assert_allclose(s["demand"] + s["unplaced"], enrolled, rtol=1e-9, atol=EPS)
    assert (s["unplaced"] >= -EPS).all()
    units = unit_rows(r, "forskola")
    per_year = units.groupby("year")["demand"].sum().reindex(CALENDAR, fill_value=0.0)
    np.testing.assert_allclose(per_year, s["demand"], rtol=1e-9, atol=EPS)
    # Closed preschools have no children; unplaced only when no preschool is open.
    assert (units.loc[~units["open"].astype(bool), "demand"].abs() <= EPS).all()
    no_unit_open = s["units_open"] == 0
    assert (s.loc[~no_unit_open, "unplaced"] <= EPS).all()
    # Within capacity whenever the places suffice.
    for year, part in units.groupby("year"):
        if part["capacity"].sum() >= s.loc[year, "demand"] + EPS:
            assert (part["demand"] <= part["capacity"] + 1e-6).all(), part


# --- särskilt boende ----------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(municipalities())
def test_care_places_occupied_plus_shortage_is_needed(example):
    r = evaluated(example)
    s = rows(r, "aldreboende")
    units = unit_rows(r, "aldreboende")
    occupied = units.groupby("year")["demand"].sum().reindex(CALENDAR, fill_value=0.0)
    np.testing.assert_allclose(occupied + s["shortage_places"], s["places_needed"], rtol=1e-9, atol=EPS)
    assert (occupied <= s["capacity"] + EPS).all()
    assert (units["demand"] <= units["capacity"] + EPS).all()
    assert (s["shortage_places"] >= 0).all()
    np.testing.assert_allclose(
        s["purchased_places_cost_sek"], s["shortage_places"] * r.parameters.purchased_place_cost_sek, rtol=1e-9
    )
    # places needed = Σ persons by band × the band's rate
    p = r.parameters
    by_age = r.population.sum(axis=1)
    need = (
        by_age[:, 65:80].sum(axis=1) * p.care_home_rate_65_79
        + by_age[:, 80:90].sum(axis=1) * p.care_home_rate_80_89
        + by_age[:, 90:].sum(axis=1) * p.care_home_rate_90_plus
    )
    np.testing.assert_allclose(s["places_needed"], need, rtol=1e-9, atol=EPS)


# --- fritid och kultur ----------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(municipalities())
def test_leisure_closing_never_adds_visits(example):
    r = evaluated(example)
    keep = evaluated(example, "keep-all")
    s, k = rows(r, "fritid_kultur"), rows(keep, "fritid_kultur")
    assert (s["demand"] <= k["demand"] * (1 + 1e-9) + EPS).all()
    occupancy = s["occupancy"].dropna()
    assert ((occupancy >= 0) & (occupancy <= 1 + 1e-12)).all()


# --- the economy -------------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(municipalities())
def test_revenue_is_proportional_to_population(example):
    r = evaluated(example)
    p = r.parameters
    per_inhabitant = p.tax_base_per_inhabitant_sek * p.tax_rate + p.grants_per_inhabitant_sek
    population = r.years["population"].to_numpy()
    revenue = r.economy["revenue_sek"].to_numpy()
    np.testing.assert_allclose(revenue, population * per_inhabitant, rtol=1e-12, atol=1e-6)
    alive = population > 0
    ratio = revenue[alive] / population[alive]
    np.testing.assert_allclose(ratio, ratio[0] if len(ratio) else ratio, rtol=1e-12)


@PROPERTY_SETTINGS
@given(municipalities())
def test_economy_cost_is_the_services_plus_other(example):
    r = evaluated(example)
    e = r.economy.set_index("year")
    service_costs = r.services.pivot(index="year", columns="service", values="cost_sek")
    assert set(service_costs.columns) == {"grundskola", *OTHER_SERVICES}
    for name in service_costs.columns:
        np.testing.assert_allclose(e[f"{name}_cost_sek"], service_costs[name], rtol=1e-12)
    np.testing.assert_allclose(e["grundskola_cost_sek"], r.years.set_index("year")["cost_sek"], rtol=1e-12)
    other = r.years.set_index("year")["population"] * r.parameters.other_costs_per_inhabitant_sek
    expected = service_costs.sum(axis=1) + e["hemtjanst_cost_sek"] + other
    np.testing.assert_allclose(e["cost_sek"], expected, rtol=1e-9)
    np.testing.assert_allclose(e["other_costs_sek"], other, rtol=1e-12)
    np.testing.assert_allclose(e["result_sek"], e["revenue_sek"] - e["cost_sek"] - e["one_off_cost_sek"], rtol=1e-9)
    np.testing.assert_allclose(e["accumulated_result_sek"], np.cumsum(e["result_sek"]), rtol=1e-9)
    assert (e["one_off_cost_sek"] >= 0).all()


@PROPERTY_SETTINGS
@given(municipalities())
def test_keep_all_against_itself_changes_nothing(example):
    keep = evaluated(example, "keep-all")
    out = against_baseline(keep.economy, keep.economy, keep.parameters.discount_rate)
    assert out["payback_year"] is None
    assert out["present_value_sek"] == 0
    assert out["accumulated_change_sek"] == 0
    assert out["result_change_last_year_sek"] == 0
    assert out["one_off_cost_sek"] == 0


@PROPERTY_SETTINGS
@given(municipalities())
def test_present_value_discounts_the_yearly_difference(example):
    r = evaluated(example)
    keep = evaluated(example, "keep-all")
    rate = r.parameters.discount_rate
    out = against_baseline(r.economy, keep.economy, rate)
    diff = r.economy["result_sek"].to_numpy() - keep.economy["result_sek"].to_numpy()
    t = np.arange(len(diff))
    assert np.isclose(out["present_value_sek"], (diff / (1 + rate) ** t).sum(), rtol=1e-9, atol=1e-3)
    assert np.isclose(out["accumulated_change_sek"], diff.sum(), rtol=1e-9, atol=1e-3)
    if out["payback_year"] is not None:
        # From the payback year on, the accumulated gain is never below zero.
        accumulated = np.cumsum(diff)
        since = out["payback_year"] - BASE_YEAR
        assert (accumulated[since:] >= -1e-6 * max(1.0, np.abs(diff).max())).all()
