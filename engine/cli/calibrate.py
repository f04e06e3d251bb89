"""``python -m engine calibrate DATASET``: the base year beside the official statistics, the
parameters that would fit them (``--write`` sets them in municipality.toml with their source),
and the demography's back-test over every municipality.

JSON keys (``--json``) are a contract, like the rest of the CLI's: extend, never rename.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.dataset import load_dataset
from engine.dataset.toml_files import with_calibration
from engine.measures.calibration import (
    Backtest,
    Comparison,
    Fit,
    OfficialComparison,
    demography_backtest,
    fit_parameters,
    official_comparison,
)
from engine.model.evaluate import evaluate

SP = " "  # a plain space in a terminal: no-break spaces copy badly from one
NAMES = {
    "school_cost_per_pupil": "kostnad per elev utan skolskjuts",
    "school_teaching": "  undervisning per elev",
    "school_premises": "  lokaler per elev",
    "school_rest": "  måltider, lärverktyg, elevhälsa, övrigt per elev",
    "school_with_transport": "kostnad per elev med skolskjuts",
    "preschool_cost_per_child": "förskola: kostnad per inskrivet barn",
    "care_residents": "särskilt boende: boende 65+",
    "care_cost_per_resident": "särskilt boende: kostnad per boende",
    "care_share_80": "särskilt boende: andel av 80+",
    "population_total": "invånare",
    "population_0": "invånare 0 år",
    "population_1_5": "invånare 1–5 år",
    "population_6_15": "invånare 6–15 år",
    "population_16_19": "invånare 16–19 år",
    "population_65_79": "andel 65–79 år",
    "population_80": "andel 80+",
}


class CalibrateError(Exception):
    """A request the command cannot carry out (shown as ``fel: …``, exit 2)."""


def add_parser(sub: Any) -> None:
    c = sub.add_parser("calibrate", help="basåret jämfört med officiell statistik, anpassning och test av demografin")
    c.add_argument("dataset")
    c.add_argument("--json", action="store_true", help="skriv JSON i stället för text")
    c.add_argument(
        "--write", action="store_true", help="anpassa parametrarna i datamappens municipality.toml, med källa"
    )
    c.add_argument("--backtest-year", type=int, default=2017, help="testets startår, 2003–2017 (standard 2017)")
    c.set_defaults(run=run)


def _amount(row: Comparison, value: float | None) -> str:
    if value is None:
        return "saknas"
    if row.unit == "kr":
        return fmt.kr(value, sep=SP)
    if row.unit == "share":
        return fmt.percent(value, 1, sep=SP)
    return fmt.number(value, 0, sep=SP)


def _signed(share: float) -> str:
    text = fmt.percent(abs(share), 1, sep=SP)
    if text == fmt.percent(0, 1, sep=SP):
        return "±" + text
    return ("+" if share >= 0 else "−") + text


def _source(row: Comparison) -> str:
    if row.agency == "kolada":
        return f"Källa: Kolada, {row.kpi} ({row.official_year})"
    return f"Skolverket, Kostnader per kommun ({row.official_year})"


def _backtest_json(b: Backtest) -> dict[str, Any]:
    return {
        "base_year": b.base_year,
        "horizon": b.horizon,
        "municipalities": len(b.rows),
        "bound_90": b.bound_90,
        "median_abs_error": b.median_abs_error,
        "unchanged_bound_90": b.unchanged_bound_90,
        "kolada_bound_90": b.kolada_bound_90,
        "rows": [dataclasses.asdict(r) for r in b.rows],
    }


def run(args: argparse.Namespace) -> int:
    if not 2003 <= args.backtest_year <= 2017:
        raise CalibrateError(f"--backtest-year {args.backtest_year}: välj ett år 2003–2017 (Koladas serie 1998–2022)")
    ds = load_dataset(args.dataset)
    result = evaluate(ds, next(iter(ds.scenarios)), KEEP_ALL, years=1)
    comparison = official_comparison(ds, result)
    fits = fit_parameters(ds, result)
    if args.write:
        _write(Path(args.dataset), fits, ds.name, ds.code)
        ds = load_dataset(args.dataset)
        result = evaluate(ds, next(iter(ds.scenarios)), KEEP_ALL, years=1)
        comparison = official_comparison(ds, result)
    backtest = demography_backtest(ds.demography, base_year=args.backtest_year)
    if args.json:
        doc = {
            "dataset": ds.name,
            "code": ds.code,
            "official_name": comparison.official_name,
            "base_year": ds.base_year,
            "rows": [dataclasses.asdict(r) for r in comparison.rows],
            "calibrated": [dataclasses.asdict(c) for c in comparison.calibrated],
            "fits": [dataclasses.asdict(f) for f in fits],
            "written": bool(args.write),
            "backtest": _backtest_json(backtest),
        }
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    _print(ds.name, ds.code, comparison, fits, backtest, written=bool(args.write))
    return 0


def _write(folder: Path, fits: tuple[Fit, ...], name: str, code: str) -> None:
    toml = folder / "municipality.toml"
    if not toml.is_file():
        raise CalibrateError(f"{folder}: --write behöver en datamapp med municipality.toml")
    if not fits:
        raise CalibrateError(f"{name} ({code}) har ingen officiell statistik att anpassa till (ingen svensk kommunkod)")
    before = toml.read_text(encoding="utf-8")
    toml.write_text(
        with_calibration(before, {f.name: f.value for f in fits}, {f.name: f.source for f in fits}), encoding="utf-8"
    )
    try:
        load_dataset(folder)
    except Exception:
        toml.write_text(before, encoding="utf-8")  # a fit that the validator refuses changes nothing
        raise


def _print(
    name: str, code: str, comparison: OfficialComparison, fits: tuple[Fit, ...], backtest: Backtest, *, written: bool
) -> None:
    if comparison.official_name is None:
        print(f"{name} ({code}) är ingen svensk kommun: det finns ingen officiell statistik att jämföra med.")
    else:
        print(
            f"{name} ({code}), basår {comparison.base_year}, jämfört med officiell statistik för {comparison.official_name}"
        )
        print("Skillnad = modellen ÷ den officiella siffran − 1. Modellens siffror är våra beräkningar.\n")
        width = max(len(NAMES[r.key]) for r in comparison.rows)
        for r in comparison.rows:
            diff = "" if r.difference is None else _signed(r.difference)
            print(
                f"{NAMES[r.key]:<{width}}  {_amount(r, r.model):>14}  {_amount(r, r.official):>14}  {diff:>9}  {_source(r)}"
            )
        within = comparison.within_5_percent
        both = sum(1 for r in comparison.rows if r.difference is not None)
        print(f"\n{within} av {both} siffror inom ±5 %.")
    if comparison.calibrated:
        print("\nAnpassade värden (municipality.toml [calibration]):")
        for c in comparison.calibrated:
            print(
                f"  {c.name} = {fmt.number(c.value, 4 if c.value < 1 else 0, sep=SP)} (standard {fmt.number(c.default, 4 if c.default < 1 else 0, sep=SP)}): {c.source}"
            )
    if fits and not written:
        print("\nVärden som skulle anpassa basåret (skriv dem med --write):")
        for f in fits:
            note = " (begränsat till parameterns intervall)" if f.clipped else ""
            print(f"  {f.name} = {fmt.number(f.value, 4 if f.value < 1 else 0, sep=SP)}{note}")
    target = backtest.base_year + backtest.horizon
    print(
        f"\nDemografin prövad mot verkligheten ({backtest.base_year} → {target}, {len(backtest.rows)} kommuner, "
        f"Källa: Kolada N01953 m.fl.; framskrivningen är vår):"
    )
    print(
        f"  6–15-åringar {backtest.horizon} år fram: inom ±{fmt.percent(backtest.bound_90, 1, sep=SP)} i 9 av 10 "
        f"kommuner; hälften inom ±{fmt.percent(backtest.median_abs_error, 1, sep=SP)}"
    )
    print(f"  oförändrat antal som gissning: inom ±{fmt.percent(backtest.unchanged_bound_90, 1, sep=SP)} i 9 av 10")
    if backtest.kolada_bound_90 is not None:
        print(
            f"  Koladas egen framskrivning (N02909): inom ±{fmt.percent(backtest.kolada_bound_90, 1, sep=SP)} i 9 av 10"
        )
    here = backtest.row(code)
    if here is not None:
        print(
            f"  {here.name}: modellen {fmt.number(here.projected, 0, sep=SP)}, utfallet "
            f"{fmt.number(here.actual, 0, sep=SP)} ({_signed(here.error)})"
        )
