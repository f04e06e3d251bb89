"""Write the generated tables of docs/dataset.md from the code.

Each generated table stands between two marker comments,

    <!-- generated: parameters -->
    ...
    <!-- end generated -->

and is rewritten from its one definition; the prose around it is left as it is:

* ``parameters``: the parameter tree (engine/core/parameters.py);
* ``scenarios``: the scenario-field tree (engine/core/scenario_fields.py);
* ``columns <file>.csv``: the column schema (engine/dataset/schema.py);
* ``limits``: what one dataset may hold (engine/dataset/schema.py, ``LIMITS``).

    python tools/make_docs.py          # rewrites docs/dataset.md
    python tools/make_docs.py --check  # exits 1, naming the stale tables, if the docs drifted

``make docs`` runs the first; tests/test_drift.py the second.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # run as a script: the repository's packages come first
    sys.path.insert(0, str(REPO))

from engine.core import parameters, scenario_fields  # noqa: E402
from engine.core.types import MAX_YEARS  # noqa: E402
from engine.dataset.schema import (  # noqa: E402
    LIMITS,
    MAX_ACTION_YEARS,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
    TABLES,
    Column,
)

DOC = REPO / "docs" / "dataset.md"
BLOCK = re.compile(r"(<!-- generated: (?P<name>[^>]+?) -->\n)(?P<body>.*?)(<!-- end generated -->)", re.DOTALL)


def number(value: float, grouped: bool = True) -> str:
    """A number as the docs write it: 8 000, 1.3, −0.5; a year ungrouped (``grouped=False``): 2025."""
    value = float(value)
    if not value.is_integer():
        text = f"{abs(value):g}"
    elif grouped:
        text = f"{abs(value):,.0f}".replace(",", " ")
    else:
        text = f"{abs(value):.0f}"
    return ("−" if value < 0 else "") + text


def span(lo: float, hi: float, grouped: bool = True) -> str:
    low, high = number(lo, grouped), number(hi, grouped)
    return f"{low} to {high}" if lo < 0 else f"{low}–{high}"


def cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def parameter_table() -> str:
    rows = [
        [
            f"`{r['name']}`",
            number(r["default"]),
            r["unit"],
            span(r["min"], r["max"]),
            r["group"],
            r["description_en"],
            r["source"],
        ]
        for r in parameters.describe()
    ]
    return table(
        ["name", "default", "unit (as the engine writes it)", "plausible range", "group", "what it is", "source"], rows
    )


SCENARIO_TEXT_KEYS = [
    ["`id`", "text", "—", "yes", "—", 'unique; used in links and on the command line, e.g. `"stress"`', ""],
    ["`name`", "text", "—", "yes", "—", 'shown to users, e.g. `"Stresstest: snabbare minskning"`', ""],
    ["`description`", "text", "—", "optional", "—", "plain Swedish, one or two sentences", ""],
]


def scenario_table() -> str:
    rows = [list(row) for row in SCENARIO_TEXT_KEYS]
    for r in scenario_fields.describe():
        required = "yes" if r["required"] else f"optional (default {number(r['default'])})"
        rows.append(
            [
                f"`{r['name']}` ({r['short_sv']})",
                "number",
                r["unit"],
                required,
                span(r["min"], r["max"]),
                f"{r['label_en']}. {r['description_en']}",
                r["source"],
            ]
        )
    return table(["key", "type", "unit", "required", "plausible range", "what it is", "why this range"], rows)


def column_type(col: Column) -> str:
    if col.kind == "number" and col.min_value == 0:
        return "count"
    return col.kind


def allowed(col: Column) -> str:
    parts = []
    if col.min_value is not None and col.max_value is not None:
        parts.append(span(col.min_value, col.max_value, grouped=col.unit != "year"))
    elif col.min_value is not None:
        parts.append(f"≥ {number(col.min_value)}")
    elif col.max_value is not None:
        parts.append(f"≤ {number(col.max_value)}")
    if col.choices:
        parts.append(", ".join(f"`{c}`" for c in col.choices))
    if col.doc:
        parts.append(col.doc)
    return "; ".join(parts)


def column_table(fname: str) -> str:
    rows = [
        [
            f"`{col.name}`" + (f" ({col.term})" if col.term else ""),
            column_type(col),
            col.unit,
            col.needed or ("yes" if col.required else "optional"),
            allowed(col),
            col.example,
        ]
        for col in TABLES[fname]
    ]
    return table(["column", "type", "unit", "required", "allowed values", "example"], rows)


def limits_table() -> str:
    rows = [[limit.what, number(limit.value), limit.why] for limit in LIMITS.values()]
    rows += [
        ["characters in an id (`area_id`, `unit_id`, scenario and alternative `id` …)", number(MAX_ID_CHARS),
         "ids travel in links and on command lines"],
        ["characters in a name", number(MAX_NAME_CHARS), "names are shown in charts, legends and on the map"],
        ["characters in a description or `exit_strategy`", number(MAX_TEXT_CHARS), "a paragraph"],
        ["years the pages and the command line project after the base year", number(MAX_YEARS),
         "the horizon slider and `--years` (the method looks 10 years ahead)"],
        ["years after the base year of an action (`year` in `alternatives.toml`)", number(MAX_ACTION_YEARS),
         "actions after the horizon are kept but have no effect on the figures"],
    ]  # fmt: skip
    return table(["what", "at most", "why"], rows)


def blocks() -> dict[str, Callable[[], str]]:
    """Every generated table by its marker name."""
    out: dict[str, Callable[[], str]] = {
        "parameters": parameter_table,
        "scenarios": scenario_table,
        "limits": limits_table,
    }
    for fname in TABLES:
        out[f"columns {fname}"] = functools.partial(column_table, fname)
    return out


def render(text: str) -> tuple[str, list[str]]:
    """``text`` with every generated table rewritten, and the names of the tables that changed.

    A marker name the generator does not know, or a table it makes that has no markers, is an error.
    """
    makers = blocks()
    found: list[str] = []
    changed: list[str] = []

    def rewrite(match: re.Match[str]) -> str:
        name = match["name"].strip()
        if name not in makers:
            raise SystemExit(f"{DOC.name}: unknown generated table '{name}'; known: {', '.join(makers)}")
        found.append(name)
        body = makers[name]()
        if body != match["body"]:
            changed.append(name)
        return match.group(1) + body + match.group(4)

    new = BLOCK.sub(rewrite, text)
    missing = [name for name in makers if name not in found]
    if missing:
        raise SystemExit(
            f"{DOC.name}: no markers for {', '.join(missing)}; add <!-- generated: NAME --> … <!-- end generated -->"
        )
    return new, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if docs/dataset.md differs from the code")
    args = parser.parse_args(argv)
    text = DOC.read_text(encoding="utf-8")
    new, changed = render(text)
    if args.check:
        if changed:
            print(f"{DOC.relative_to(REPO)} is stale: {', '.join(changed)}; run `make docs`", file=sys.stderr)
            return 1
        print(f"{DOC.relative_to(REPO)} is up to date")
        return 0
    if new != text:
        DOC.write_text(new, encoding="utf-8")
    print(f"wrote {DOC.relative_to(REPO)}" + (f" ({', '.join(changed)})" if changed else " (unchanged)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
