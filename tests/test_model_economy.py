"""The municipality's economy and the effect of an alternative against keep-all, by hand (DESIGN.md §6).

engine/economy.py, per year t with P(t) inhabitants:

    revenue(t) = P(t) × (tax_base_per_inhabitant × tax_rate + grants_per_inhabitant)
    cost(t)    = Σ service costs (grundskola, förskola, äldreboende, fritid/kultur, hemtjänst)
                 + P(t) × other_costs_per_inhabitant
    result(t)  = revenue(t) − cost(t) − one_off(t);   accumulated = Σ_{τ ≤ t} result(τ)

against_baseline: Δ(t) = result_alt(t) − result_keep(t); the payback year is the first
year from which Σ Δ ≥ 0 stays so after the first one-off cost; the present value is
Σ Δ(t) / (1 + r)^(t − t₀).

The municipality is the whole tiny Lillby of conftest.py (see tests/test_services_hand.py
for its service costs): 393 inhabitants every year under "bas"; tax base 300 000 × 25 %
+ grants 25 000 = 100 000 kr of revenue per inhabitant; other costs 20 000 per
inhabitant; discount rate 5 %.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from engine import compare, evaluate, load_dataset, resolve
from engine.model.economy import ECONOMY_KEYS, against_baseline, economy

INHABITANTS = 393


@pytest.fixture
def kommun(tmp_path, municipality_spec, municipality_writer):
    """The whole tiny municipality (its costs do not depend on facility_usage.csv)."""
    municipality_spec.pop("facility_usage")
    return load_dataset(municipality_writer(tmp_path / "kommun", municipality_spec))


def row(result, year):
    return result.economy.set_index("year").loc[year]


# --- economy() ------------------------------------------------------------------------


def test_economy_function_by_hand():
    params = resolve(
        {
            "tax_base_per_inhabitant_sek": 200_000,
            "tax_rate": 0.2,
            "grants_per_inhabitant_sek": 10_000,
            "other_costs_per_inhabitant_sek": 5_000,
        }
    )
    frame = economy(
        np.array([2030, 2031]),
        np.array([1_000.0, 900.0]),
        {"grundskola": np.array([20e6, 18e6]), "hemtjanst": np.array([5e6, 6e6])},
        np.array([0.0, 3e6]),
        params,
    )
    assert tuple(frame.columns[: len(ECONOMY_KEYS)]) == ECONOMY_KEYS
    # revenue: 1 000 × (200 000 × 0.2 + 10 000) = 50 000 000; 900 × 50 000 = 45 000 000
    np.testing.assert_allclose(frame["revenue_sek"], [50e6, 45e6])
    np.testing.assert_allclose(frame["tax_revenue_sek"], [40e6, 36e6])
    np.testing.assert_allclose(frame["grants_sek"], [10e6, 9e6])
    # cost: 20 + 5 + 1 000 × 5 000 = 30 000 000; 18 + 6 + 4.5 = 28 500 000
    np.testing.assert_allclose(frame["cost_sek"], [30e6, 28.5e6])
    np.testing.assert_allclose(frame["other_costs_sek"], [5e6, 4.5e6])
    np.testing.assert_allclose(frame["grundskola_cost_sek"], [20e6, 18e6])
    # result: 50 − 30 = 20; 45 − 28.5 − 3 (one-off) = 13.5; accumulated 20, 33.5
    np.testing.assert_allclose(frame["result_sek"], [20e6, 13.5e6])
    np.testing.assert_allclose(frame["accumulated_result_sek"], [20e6, 33.5e6])
    np.testing.assert_allclose(frame["one_off_cost_sek"], [0, 3e6])


# --- the tiny municipality --------------------------------------------------------------


def test_keep_all_economy_by_hand(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=1)
    e = r.economy
    # revenue = 393 × (300 000 × 0.25 + 25 000) = 39 300 000 both years (nobody moves).
    np.testing.assert_allclose(e["revenue_sek"], [39_300_000] * 2)
    np.testing.assert_allclose(e["tax_revenue_sek"], [INHABITANTS * 75_000] * 2)
    np.testing.assert_allclose(e["grants_sek"], [INHABITANTS * 25_000] * 2)
    np.testing.assert_allclose(e["other_costs_sek"], [INHABITANTS * 20_000] * 2)
    # 2025: schools 3 850 000 + 1 630 000 + 1 250 000 = 6 730 000 (tests/test_model_hand.py)
    #       förskola 5 050 000, äldreboende 24 800 000, fritid/kultur 900 000, hemtjänst 3 500 000,
    #       other 7 860 000 → 48 840 000; result 39 300 000 − 48 840 000 = −9 540 000
    # 2026: schools 3 850 000 + 1 630 000 + S-C with C's ten new förskoleklass pupils
    #       (15 pupils, one class, 1.25 FTE: 600 000 + 625 000 + 150 000 = 1 375 000) = 6 855 000;
    #       förskola 4 500 000, äldreboende 31 300 000, fritid/kultur 900 000, hemtjänst 5 500 000,
    #       other 7 860 000 → 56 915 000; result −17 615 000; accumulated −27 155 000
    np.testing.assert_allclose(e["grundskola_cost_sek"], [6_730_000, 6_855_000])
    np.testing.assert_allclose(e["forskola_cost_sek"], [5_050_000, 4_500_000])
    np.testing.assert_allclose(e["aldreboende_cost_sek"], [24_800_000, 31_300_000])
    np.testing.assert_allclose(e["fritid_kultur_cost_sek"], [900_000, 900_000])
    np.testing.assert_allclose(e["hemtjanst_cost_sek"], [3_500_000, 5_500_000])
    np.testing.assert_allclose(e["cost_sek"], [48_840_000, 56_915_000])
    np.testing.assert_allclose(e["result_sek"], [-9_540_000, -17_615_000])
    np.testing.assert_allclose(e["accumulated_result_sek"], [-9_540_000, -27_155_000])
    np.testing.assert_allclose(e["one_off_cost_sek"], [0, 0])
    # The school cost in the economy is the school model's.
    np.testing.assert_allclose(e["grundskola_cost_sek"], r.years["cost_sek"])


def test_result_subtracts_one_off_costs(kommun):
    r = evaluate(kommun, "bas", "close-fb", years=3)
    # 2026: förskola 3 600 000 + 700 000 + 75 000 = 4 375 000 instead of 4 500 000;
    # the closure's one-off 200 000: result = 39 300 000 − (56 915 000 − 125 000) − 200 000.
    y = row(r, 2026)
    assert y["forskola_cost_sek"] == pytest.approx(4_375_000)
    assert y["cost_sek"] == pytest.approx(56_790_000)
    assert y["one_off_cost_sek"] == pytest.approx(200_000)
    assert y["result_sek"] == pytest.approx(39_300_000 - 56_790_000 - 200_000)
    e = r.economy
    np.testing.assert_allclose(e["result_sek"], e["revenue_sek"] - e["cost_sek"] - e["one_off_cost_sek"])
    np.testing.assert_allclose(e["accumulated_result_sek"], np.cumsum(e["result_sek"]))


def test_revenue_follows_population_under_in_migration(kommun):
    r = evaluate(kommun, "inflytt", "keep-all", years=2)
    # 20 per 1 000 a year: P = 393, 393 × 1.02 = 400.86, 400.86 × 1.02 = 408.8772.
    np.testing.assert_allclose(r.years["population"], [393, 400.86, 408.8772])
    np.testing.assert_allclose(r.economy["revenue_sek"], [39_300_000, 40_086_000, 40_887_720])
    np.testing.assert_allclose(r.economy["other_costs_sek"], [7_860_000, 8_017_200, 8_177_544])


def test_economy_parameters_are_sliders(kommun):
    base = evaluate(kommun, "bas", "keep-all", years=1)
    r = evaluate(kommun, "bas", "keep-all", {"tax_rate": 0.2, "other_costs_per_inhabitant_sek": 30_000}, years=1)
    # Revenue per inhabitant 300 000 × 0.2 + 25 000 = 85 000; other costs 30 000.
    np.testing.assert_allclose(r.economy["revenue_sek"], [INHABITANTS * 85_000] * 2)
    np.testing.assert_allclose(r.economy["cost_sek"] - base.economy["cost_sek"], [INHABITANTS * 10_000] * 2)


# --- against_baseline, on made-up results -----------------------------------------------


def frame(results, one_off, start=2025):
    n = len(results)
    return pd.DataFrame(
        {
            "year": np.arange(start, start + n),
            "result_sek": np.asarray(results, float),
            "one_off_cost_sek": np.asarray(one_off, float),
        }
    )


def test_against_baseline_by_hand():
    keep = frame([-10, -10, -10, -10], [0, 0, 0, 0])
    alt = frame([-10, -12, -8, -7], [0, 3, 0, 0])
    out = against_baseline(alt, keep, 0.10)
    # Δ = [0, −2, 2, 3]; Σ Δ = [0, −2, 0, 3]. The one-off is paid in 2026; from 2027 the
    # accumulated gain is ≥ 0 (exactly 0 counts) and stays so: payback 2027.
    # PV = 0 − 2/1.1 + 2/1.1² + 3/1.1³ = −1.81818 + 1.65289 + 2.25394 = 2.08865
    assert out["payback_year"] == 2027
    assert out["present_value_sek"] == pytest.approx(-2 / 1.1 + 2 / 1.21 + 3 / 1.331)
    assert out["present_value_sek"] == pytest.approx(2.08865, abs=1e-5)
    assert out["result_change_last_year_sek"] == pytest.approx(3)
    assert out["accumulated_change_sek"] == pytest.approx(3)
    assert out["one_off_cost_sek"] == pytest.approx(3)
    # Without discounting the present value is the plain sum.
    assert against_baseline(alt, keep, 0.0)["present_value_sek"] == pytest.approx(3)


@pytest.mark.parametrize(
    ("diff", "one_off", "payback"),
    [
        # Σ Δ = [−5, 1, −2, 2]: back in the black in 2026 but not for good; from 2028 it stays.
        ([-5, 6, -3, 4], [5, 0, 0, 0], 2028),
        # Σ Δ = [−5, −4, −3, −2]: never paid back within the horizon.
        ([-5, 1, 1, 1], [5, 0, 0, 0], None),
        # Paid in 2026: Σ Δ = [1, −1, 0, 2]; counting from 2026, the last negative is 2026 → 2027.
        ([1, -2, 1, 2], [0, 3, 0, 0], 2027),
        # The gain covers the one-off in its own year: paid back in 2026 itself.
        ([0, 1, 1, 1], [0, 2, 0, 0], 2026),
        # Back in the black only in the last year: payback in the last year.
        ([-4, 1, 1, 2], [4, 0, 0, 0], 2028),
    ],
)
def test_payback_year(diff, one_off, payback):
    keep = frame([0, 0, 0, 0], [0, 0, 0, 0])
    alt = frame(diff, one_off)
    out = against_baseline(alt, keep, 0.05)
    assert out["payback_year"] == payback
    assert out["accumulated_change_sek"] == pytest.approx(sum(diff))
    assert out["present_value_sek"] == pytest.approx(sum(d / 1.05**t for t, d in enumerate(diff)))


def test_against_itself_nothing_changes():
    keep = frame([-10, -12, -15], [0, 0, 0])
    out = against_baseline(keep, keep, 0.03)
    assert out["payback_year"] is None
    assert out["present_value_sek"] == 0
    assert out["accumulated_change_sek"] == 0
    assert out["result_change_last_year_sek"] == 0


# --- against_baseline and compare on the tiny municipality ------------------------------


def test_closing_a_preschool_against_keep_all_by_hand(kommun):
    keep = evaluate(kommun, "bas", "keep-all", years=3)
    alt = evaluate(kommun, "bas", "close-fb", years=3)
    # Only the förskola cost and the one-off differ (tests/test_services_hand.py):
    #   förskola keep-all: 5 050 000, 4 500 000, 3 620 000, 2 630 000
    #     (2027: F-A 18 → 2 280 000, F-B 9 → 1 190 000, F-C 150 000;
    #      2028: F-A 9 → 1 290 000, F-B 9 → 1 190 000, F-C 150 000)
    #   close-fb:  5 050 000, 4 375 000, 3 495 000, 2 430 000
    #     (2027: F-A 27 → 3 270 000, F-C 150 000, F-B's premises 75 000;
    #      2028: F-A 18 → 2 280 000, F-C 150 000)
    #   Δ result = [0, 125 000 − 200 000, 125 000, 200 000] = [0, −75 000, 125 000, 200 000]
    #   Σ Δ = [0, −75 000, 50 000, 250 000] → payback 2027
    #   PV at 5 %: −75 000/1.05 + 125 000/1.05² + 200 000/1.05³ = 214 718
    np.testing.assert_allclose(keep.economy["forskola_cost_sek"], [5_050_000, 4_500_000, 3_620_000, 2_630_000])
    np.testing.assert_allclose(alt.economy["forskola_cost_sek"], [5_050_000, 4_375_000, 3_495_000, 2_430_000])
    np.testing.assert_allclose(
        alt.economy["result_sek"] - keep.economy["result_sek"], [0, -75_000, 125_000, 200_000], atol=1e-6
    )
    out = against_baseline(alt.economy, keep.economy, alt.parameters.discount_rate)
    pv = -75_000 / 1.05 + 125_000 / 1.05**2 + 200_000 / 1.05**3
    assert out["payback_year"] == 2027
    assert out["present_value_sek"] == pytest.approx(pv)
    assert out["present_value_sek"] == pytest.approx(214_718, abs=1)
    assert out["accumulated_change_sek"] == pytest.approx(250_000)
    assert out["result_change_last_year_sek"] == pytest.approx(200_000)
    assert out["one_off_cost_sek"] == pytest.approx(200_000)

    table = compare(kommun, ["bas"], years=3, alternatives=["close-fb"]).set_index("alternative")
    c = table.loc["close-fb"]
    assert c["payback_year"] == 2027
    assert c["present_value_sek"] == pytest.approx(pv)
    assert c["diff_accumulated_result_sek"] == pytest.approx(250_000)
    assert c["result_last_year_sek"] == pytest.approx(alt.economy["result_sek"].iloc[-1])
    assert c["accumulated_result_sek"] == pytest.approx(alt.economy["result_sek"].sum())
    k = table.loc["keep-all"]
    assert pd.isna(k["payback_year"])
    assert k["present_value_sek"] == 0
    assert k["diff_accumulated_result_sek"] == 0
    assert k["accumulated_result_sek"] == pytest.approx(keep.economy["accumulated_result_sek"].iloc[-1])
