"""Command-line interface — a stable contract (names and JSON keys are only extended).

    python -m engine validate DATASET
    python -m engine evaluate DATASET --scenario ID --alternative ID [--years N] [--set NAME=VALUE ...] [--json]
    python -m engine compare DATASET [--scenario ID] [--years N] [--set NAME=VALUE ...] [--json]
    python -m engine propose DATASET --scenario ID [--years N] [--max-km N | --max-minutes N] [--keep UNIT ...]
        [--max-closures K] [--max-class-size N] [--allow-overcrowding] [--earliest-year YEAR] [--proposals N] [--json]
    python -m engine investments DATASET [--set NAME=VALUE ...] [--json]
    python -m engine workbook DATASET OUT.xlsx
    python -m engine params [DATASET] [--json]
    python -m engine start KOMMUNKOD OUT      (OUT/ and OUT.xlsx, from the national files in data/public)
    python -m engine fetch KOMMUNKOD OUT [--cache DIR | --no-cache]   (the same from the agencies' APIs)
    python -m engine calibrate DATASET [--write] [--json] [--backtest-year YEAR]   (base year against the official figures)

Exit codes: 0 success, 2 bad data or arguments (problems on stderr, never a traceback), 3 an agency's
service could not be reached or answered wrongly (`fetch`; a Swedish message on stderr).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from engine.cli.calibrate import CalibrateError
from engine.cli.calibrate import add_parser as add_calibrate
from engine.core import formatting as fmt
from engine.core.parameters import ParameterError, describe, resolve
from engine.core.types import DEFAULT_YEARS
from engine.dataset import DatasetError, load_dataset
from engine.dataset.workbook import write_workbook
from engine.measures.compare import compare
from engine.measures.effects import merge_shortfalls
from engine.measures.investments import check_investments
from engine.measures.propose import Constraints, Frontier, propose
from engine.model.evaluate import EvaluationError, evaluate
from engine.model.placement import capped_grades
from engine.sources import live
from engine.sources import start as starting
from engine.sources.http import DEFAULT_CACHE, Http, SourceError

EXIT_BAD_INPUT = 2
EXIT_NO_SOURCE = 3  # fetch: no connection, or an agency answered with something else

MAX_LISTED = 40  # lines of a list `start` prints; the workbook and README have them all
SP = " "  # a plain space between the digits: the terminal, not the browser
# How the terminal writes each column of a result's yearly table, in the order it prints them.
YEAR_FORMATS: dict[str, Callable[[float], str] | None] = {
    "year": None,
    "population": lambda v: fmt.number(v, sep=SP),
    "pupils": lambda v: fmt.number(v, sep=SP),
    "schools_open": None,
    "cost_sek": lambda v: fmt.mnkr(v, sep=SP),
    "cost_per_pupil_sek": lambda v: fmt.kr(v, sep=SP),
    "mean_class_size": lambda v: fmt.number(v, 1, SP),
    "combined_grade_share": lambda v: fmt.percent(v, sep=SP),
    "mean_distance_km": lambda v: fmt.km(v, sep=SP),
    "max_distance_km": lambda v: fmt.km(v, sep=SP),
    "pupils_over_threshold": lambda v: fmt.number(v, sep=SP),
    "pupils_changing_school": lambda v: fmt.number(v, sep=SP),
    "overcrowded_pupils": lambda v: fmt.number(v, sep=SP),
    "one_off_cost_sek": lambda v: fmt.mnkr(v, sep=SP),
}
# The last year's values `compare` prints (its columns <name>_last_year), written as in YEAR_FORMATS.
LAST_YEAR_COLUMNS = (
    "schools_open", "mean_class_size", "combined_grade_share", "mean_distance_km", "max_distance_km",
    "pupils_over_threshold", "pupils_changing_school",
)  # fmt: skip


class CliError(Exception):
    pass


def _overrides(pairs: Sequence[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--set '{pair}': skriv NAMN=VÄRDE, till exempel --set max_class_size=22")
        out[name.strip()] = value.strip()
    resolve(out)  # report a bad name or value before any work
    return out


def _print_table(frame: pd.DataFrame, formats: dict[str, Any]) -> None:
    shown = frame[list(formats)].copy()
    for col, f in formats.items():
        if f is not None:
            shown[col] = shown[col].map(lambda v, f=f: f(v))
    print(shown.to_string(index=False))


def cmd_validate(args: argparse.Namespace) -> int:
    ds = load_dataset(args.dataset)
    schools = len(ds.schools)
    print(
        f"OK: {ds.name} ({ds.code}), basår {ds.base_year}: {len(ds.areas)} områden, "
        f"{fmt.number(ds.population.sum(), sep=' ')} invånare, {len(ds.units)} enheter varav {schools} grundskolor, "
        f"{len(ds.scenarios)} scenarier, {len(ds.alternatives)} alternativ."
    )
    for c in capped_grades(ds):  # accepted, but said: the model counts no more pupils than children
        grade = "förskoleklass" if c.grade == 0 else f"årskurs {c.grade}"
        print(
            f"Varning: enrollment.csv:pupils: {grade} har {fmt.number(c.pupils, sep=' ')} elever men population.csv "
            f"bara {fmt.number(c.children, sep=' ')} barn i åldern {c.age} år ({ds.base_year}); modellen räknar med "
            f"{fmt.number(c.children, sep=' ')}, {fmt.number(c.left_out, sep=' ')} elever räknas inte.",
            file=sys.stderr,
        )
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    ds = load_dataset(args.dataset)
    result = evaluate(ds, args.scenario, args.alternative, _overrides(args.set), years=args.years)
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    print(f"{ds.name}: scenario {result.scenario.name} — {result.alternative.name}\n")
    _print_table(result.years, YEAR_FORMATS)
    for short in merge_shortfalls(result):
        places = short.destinations
        went = places[0][0] if len(places) == 1 else ", ".join(f"{n} ({fmt.number(p, sep=SP)})" for n, p in places)
        pupils = fmt.number(short.pupils, sep=SP)
        print(
            f"\n{short.name} räcker inte: {pupils} {'elev' if pupils == '1' else 'elever'} får gå till {went} ({short.year})."
        )
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    ds = load_dataset(args.dataset)
    scenarios = [args.scenario] if args.scenario else None
    if args.scenario and args.scenario not in ds.scenarios:
        raise EvaluationError(f"okänt scenario '{args.scenario}'; finns: {', '.join(ds.scenarios)}")
    table = compare(ds, scenarios, _overrides(args.set), years=args.years)
    if args.json:
        records = [
            {k: (None if pd.isna(v) else v) for k, v in row.items()}
            for row in table.astype(object).to_dict(orient="records")
        ]
        json.dump(
            {"base_year": ds.base_year, "years": args.years, "alternatives": records},
            sys.stdout,
            ensure_ascii=False,
            indent=1,
            default=float,
        )
        print()
        return 0
    last = ds.base_year + args.years
    formats = {
        "alternativ": None,
        "total_cost_sek": YEAR_FORMATS["cost_sek"],
        "diff_total_cost_sek": YEAR_FORMATS["cost_sek"],
        "cost_per_pupil_last_year_sek": YEAR_FORMATS["cost_per_pupil_sek"],
        **{f"{m}_last_year": YEAR_FORMATS[m] for m in LAST_YEAR_COLUMNS},
    }
    print(f"{ds.name}: alla alternativ, summor {ds.base_year}–{last} och läget {last}\n")
    for scenario_id, part in table.groupby("scenario", sort=False):
        print(f"Scenario: {ds.scenarios[scenario_id].name}")
        _print_table(
            part.rename(columns={"name": "alternativ"}),
            formats,
        )
        print()
    return 0


def _progress(share: float, text: str) -> None:
    """A line on stderr as the search goes (stdout stays the answer, JSON or table)."""
    print(f"  {fmt.number(100 * share, sep=SP)} % {text}", file=sys.stderr, flush=True)


def cmd_propose(args: argparse.Namespace) -> int:
    ds = load_dataset(args.dataset)
    if args.proposals < 1:
        raise CliError(f"--proposals {args.proposals}: ange minst 1")
    constraints = Constraints(
        max_km=args.max_km,
        max_minutes=args.max_minutes,
        keep=frozenset(args.keep),
        max_closures=args.max_closures,
        max_class_size=args.max_class_size,
        within_capacity=not args.allow_overcrowding,
        earliest_year=args.earliest_year,
    )
    for name, value in (("--max-km", args.max_km), ("--max-minutes", args.max_minutes)):
        if value is not None and not value > 0:
            raise CliError(f"{name} {fmt.number(value, 1, SP)}: ange ett tal större än 0")
    overrides = _overrides(args.set)
    if args.max_class_size is not None:
        resolve(overrides, {"max_class_size": args.max_class_size})  # a cap outside the parameter's range says so
    frontier = propose(
        ds, args.scenario, constraints, overrides, years=args.years, max_proposals=args.proposals, progress=_progress
    )
    if args.json:
        json.dump(frontier.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    _print_frontier(ds.name, frontier)
    return 0


def _print_frontier(name: str, frontier: Frontier) -> None:
    searched = "alla" if frontier.method == "enumeration" else "programmets"
    proven = "bevisat effektiva" if frontier.proven else "de bästa som hittades inom tidsgränsen"
    print(
        f"{name}: förslag under scenario {frontier.scenario}, {frontier.years} år. Sökte {searched} "
        f"{fmt.number(frontier.space, sep=SP)} möjliga uppsättningar nedläggningar "
        f"({fmt.number(frontier.evaluated, sep=SP)} utvärderade, {frontier.efficient} effektiva; {proven}). "
        + (
            f"Varje uppsättning prövades också med en skola sammanslagen med sin närmaste i stället för stängd: "
            f"{fmt.number(frontier.structures, sep=SP)} strukturer.\n"
            if frontier.merges
            else "Programmet söker bara nedläggningar, inte sammanslagningar.\n"
        )
    )
    base = frontier.keep_all
    print(
        f"Behåll alla: medelavstånd {fmt.km(base.mean_km, sep=SP)}, {fmt.number(base.over_threshold, sep=SP)} elever "
        f"över skolskjutsgränsen, {fmt.number(base.combined_pupils, sep=SP)} i åldersblandade klasser, "
        f"{base.fragile_teams} sårbara lärarlag.\n"
    )
    for n, p in enumerate(frontier.proposals, 1):
        s = p.scores
        print(f"Förslag {n}: {p.alternative.name}")
        for c in p.closures:
            went = ", ".join(f"{n} ({fmt.number(v, sep=SP)})" for n, v in c.destinations) or "–"
            done = f"går ihop med {c.merged_into_name}" if c.merged_into_name else "stängs"
            print(f"    {c.name} {done} {c.year}; eleverna går till {went}")
        print(
            f"    nuvärde {fmt.mnkr(-s.cost_pv_sek, sep=SP)} sparat; medelavstånd {fmt.km(s.mean_km, sep=SP)}; "
            f"{fmt.number(s.over_threshold, sep=SP)} över skolskjutsgränsen; "
            f"{fmt.number(s.combined_pupils, sep=SP)} i åldersblandade klasser; {s.fragile_teams} sårbara lärarlag"
        )
        verdict = (
            "framtidssäker"
            if p.future_proof
            else "godtagbar i: " + (", ".join(k for k, ok in p.acceptable.items() if ok) or "inget scenario")
        )
        print(f"    {verdict}\n")
    if not frontier.proposals:
        print("Inget förslag uppfyller villkoren och sparar pengar.\n")
    for r in frontier.references:
        where = "bakom fronten" if r.dominated else "på fronten"
        ok = "" if r.feasible else ", uppfyller inte villkoren"
        print(f"Jämförelse: {r.name}: nuvärde {fmt.mnkr(-r.scores.cost_pv_sek, sep=SP)} sparat ({where}{ok})")


def cmd_investments(args: argparse.Namespace) -> int:
    ds = load_dataset(args.dataset)
    items = check_investments(ds, _overrides(args.set))
    if args.json:
        json.dump({"base_year": ds.base_year, "investments": items}, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if not items:
        print(f"{ds.name}: inga investeringar (investments.csv saknas eller är tom).")
        return 0
    print(f"{ds.name}: investeringar prövade mot alla scenarier, nyttjandegrad år {items[0]['year_10']}\n")
    for item in items:
        print(f"{item['name']} ({item['id']}, {item['year']}, {fmt.mnkr(item['amount_sek'], sep=' ')})")
        for scenario_id, value in item["utilisation_year_10"].items():
            print(f"    {ds.scenarios[scenario_id].name}: {fmt.percent(value, 0, ' ') if value is not None else '–'}")
        if "oversized" in item["flags"]:
            print(f"    ! överdimensionerad i: {', '.join(item['oversized_in'])}")
        if "no_exit_strategy" in item["flags"]:
            print("    ! ingen exitstrategi angiven")
        print()
    return 0


def cmd_workbook(args: argparse.Namespace) -> int:
    load_dataset(args.dataset)  # only a valid dataset becomes a template
    out = write_workbook(args.dataset, args.out)
    print(f"Skrev {out}: ett blad per tabell; läs in den med `python -m engine validate {out}`.")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    overrides = load_dataset(args.dataset).parameter_overrides if args.dataset else {}
    rows = describe(resolve(overrides))
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for row in rows:
        print(f"{row['name']} = {row['value']:g} {row['unit']} (standard {row['default']:g})")
        print(f"    {row['description_sv']}\n    Källa: {row['source']}")
    return 0


def _report_started(written: starting.Written) -> int:
    summary = written.started.summary
    print(
        f"Skrev {written.folder} och {written.workbook}: {fmt.number(summary['inhabitants'], sep=SP)} invånare i "
        f"{summary['areas']:.0f} områden, {summary['schools']:.0f} kommunala grundskolor med "
        f"{fmt.number(summary['pupils'], sep=SP)} elever, {summary['preschools']:.0f} förskolor."
    )
    to_fill = written.started.to_fill
    if to_fill:
        print(f"Att fylla i ({len(to_fill)}; gula celler och bladet {starting.TO_FILL_SHEET} i arbetsboken):")
        for item in to_fill[:MAX_LISTED]:
            print(f"  {item}")
        if len(to_fill) > MAX_LISTED:
            print(f"  … och {len(to_fill) - MAX_LISTED} till: se arbetsboken eller README.md")
    if written.problems:
        print(f"validate går inte igenom förrän detta är ifyllt ({len(written.problems)} fel):")
        for problem in written.problems[:MAX_LISTED]:
            print(f"  {problem}")
    else:
        print(f"validate: OK. Prova: python -m engine compare {written.folder}")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    try:
        written = starting.start(args.code, Path(args.out))
    except starting.StartError as exc:
        raise CliError(str(exc)) from None
    return _report_started(written)


def cmd_fetch(args: argparse.Namespace) -> int:
    http = Http(cache_dir=None if args.no_cache else Path(args.cache))
    gathered: list[starting.PublicFacts] = []

    def gather(code: str) -> starting.PublicFacts:
        gathered.append(live.fetch_facts(code, http))
        return gathered[-1]

    try:
        written = starting.start(args.code, Path(args.out), gather=gather)
    except starting.StartError as exc:
        raise CliError(str(exc)) from None
    except SourceError as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return EXIT_NO_SOURCE
    print(f"Hämtade {http.requests_sent} svar från SCB, Skolverket och Kolada (resten ur cachen).")
    for facts in gathered:
        if facts.age_profile is None:  # the fallback is said where it is seen, not only in the README
            print(f"obs: {next(n for n in facts.notes if live.SINGLE_YEAR_TABLE in n)}", file=sys.stderr)
    return _report_started(written)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m engine", description="Vägval: skolmodellen från kommandoraden.")
    sub = p.add_subparsers(dest="command", required=True)

    v = sub.add_parser("validate", help="kontrollera en datamapp")
    v.add_argument("dataset")
    v.set_defaults(run=cmd_validate)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("dataset")
        sp.add_argument("--years", type=int, default=DEFAULT_YEARS, help="antal år efter basåret (1–20)")
        sp.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="ändra en parameter")
        sp.add_argument("--json", action="store_true", help="skriv JSON i stället för en tabell")

    e = sub.add_parser("evaluate", help="ett scenario × ett alternativ, år för år")
    common(e)
    e.add_argument("--scenario", required=True)
    e.add_argument("--alternative", required=True)
    e.set_defaults(run=cmd_evaluate)

    c = sub.add_parser("compare", help="alla alternativ jämförda med att behålla alla")
    common(c)
    c.add_argument("--scenario")
    c.set_defaults(run=cmd_compare)

    o = sub.add_parser("propose", help="föreslå skolstrukturer: de effektiva alternativen")
    common(o)
    o.add_argument("--scenario", required=True)
    o.add_argument("--max-km", type=float, help="ingen elev längre än N km (eller längre än i dag)")
    o.add_argument("--max-minutes", type=float, help="ingen elev längre än N minuter (kräver minuter i distances.csv)")
    o.add_argument("--keep", action="append", default=[], metavar="UNIT", help="behåll den här skolan")
    o.add_argument("--max-closures", type=int, default=3, help="högst antal skolor som stängs (standard 3)")
    o.add_argument("--max-class-size", type=int, help="ingen klass större än N elever")
    o.add_argument(
        "--allow-overcrowding", action="store_true", help="tillåt att skolor blir överfulla (standard: inom kapacitet)"
    )
    o.add_argument("--earliest-year", type=int, help="tidigaste år en skola kan stängas (standard basåret + 2)")
    o.add_argument("--proposals", type=int, default=5, help="högst antal förslag (standard 5)")
    o.set_defaults(run=cmd_propose)

    i = sub.add_parser("investments", help="investeringarna prövade mot alla scenarier")
    i.add_argument("dataset")
    i.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="ändra en parameter")
    i.add_argument("--json", action="store_true", help="skriv JSON i stället för text")
    i.set_defaults(run=cmd_investments)

    w = sub.add_parser("workbook", help="skriv en datamapp som Excel-arbetsbok (mall)")
    w.add_argument("dataset")
    w.add_argument("out", help="filnamn, t.ex. kommun.xlsx")
    w.set_defaults(run=cmd_workbook)

    r = sub.add_parser("params", help="modellens parametrar med enhet och källa")
    r.add_argument("dataset", nargs="?")
    r.add_argument("--json", action="store_true")
    r.set_defaults(run=cmd_params)

    st = sub.add_parser("start", help="en datamapp och arbetsbok för valfri kommun ur offentlig statistik")
    st.add_argument("code", metavar="KOMMUNKOD", help="fyra siffror, t.ex. 2303 (Ragunda)")
    st.add_argument("out", metavar="OUT", help="en ny mapp; arbetsboken skrivs bredvid som OUT.xlsx")
    st.set_defaults(run=cmd_start)

    add_calibrate(sub)

    f = sub.add_parser("fetch", help="samma som start, men från SCB:s, Skolverkets och Koladas API:er")
    f.add_argument("code", metavar="KOMMUNKOD", help="fyra siffror, t.ex. 2303 (Ragunda)")
    f.add_argument("out", metavar="OUT", help="en ny mapp; arbetsboken skrivs bredvid som OUT.xlsx")
    f.add_argument("--cache", default=str(DEFAULT_CACHE), help="där svaren sparas en vecka (standard: %(default)s)")
    f.add_argument("--no-cache", action="store_true", help="fråga tjänsterna på nytt, spara inget")
    f.set_defaults(run=cmd_fetch)
    return p


def _quiet_internals() -> None:
    """Internal details the dataset layer logs (a traceback behind a generic message) stay out of
    the terminal, where the located Swedish problems are the answer; VAGVAL_DEBUG=1 shows them."""
    engine_log = logging.getLogger("engine")
    if os.environ.get("VAGVAL_DEBUG") == "1":
        logging.basicConfig(level=logging.DEBUG)
    elif not engine_log.handlers:
        engine_log.addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    _quiet_internals()
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except DatasetError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} fel i {args.dataset}; rätta dem och försök igen.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (EvaluationError, ParameterError, CliError, CalibrateError) as exc:
        print(f"fel: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # output piped into `head` and the like: not an error
        sys.stderr.close()
        return 0
