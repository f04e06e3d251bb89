"""The TOML files: municipality.toml and scenarios.toml, and typed access to any TOML table."""

from __future__ import annotations

import json
import logging
import math
import re
import tomllib
from pathlib import Path
from typing import Any

from engine.core.parameters import ParameterError, resolve
from engine.core.problems import Problem
from engine.core.scenario_fields import SCENARIO_FIELDS, ScenarioField, ScenarioFieldError, check
from engine.core.types import Scenario
from engine.dataset.schema import (
    LIMITS,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_TEXT_CHARS,
    MAX_TOML_BYTES,
    Column,
    range_text,
)
from engine.dataset.text import decode, parse_number, shown, text_problem

log = logging.getLogger(__name__)

# tomllib's messages are English; the ones an analyst meets, in Swedish (the rest: a general hint).
_TOML_MESSAGES = (
    ("Cannot overwrite a value", "nyckeln finns redan; varje nyckel får bara förekomma en gång i en tabell"),
    ("Cannot declare", "tabellen finns redan"),
    ("Unclosed", "en text, en lista eller en tabell stängs aldrig (saknas ett citattecken eller en hakparentes?)"),
    ("Illegal character", "otillåtet tecken (styrtecken eller ett citattecken som inte stängs)"),
    ("Invalid value", "ogiltigt värde; text skrivs inom citattecken, tal utan"),
    ("Expected '=' after a key", "'=' saknas efter nyckeln"),
    ("Invalid statement", "raden är ingen 'nyckel = värde' och ingen [tabell]"),
)


def read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    size = path.stat().st_size
    if size > MAX_TOML_BYTES:
        problems.append(
            Problem(
                path.name,
                None,
                None,
                f"filen är {size / 1024 / 1024:.1f} MB; en TOML-fil får vara högst {LIMITS['toml_mb'].value} MB",
            )
        )
        return None
    try:
        return tomllib.loads(decode(path.read_bytes()))
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+), column (\d+)", str(exc))
        row = int(match.group(1)) if match else None
        where = f" (tecken {match.group(2)})" if match else ""
        what = next((sv for en, sv in _TOML_MESSAGES if str(exc).startswith(en)), "skrivsättet följer inte TOML")
        problems.append(Problem(path.name, row, None, f"felaktig TOML{where}: {what}; se https://toml.io"))
        return None
    except (RecursionError, ValueError) as exc:  # lists nested thousands deep; integers of thousands of digits
        log.warning("%s: TOML refused: %s", path.name, exc)
        problems.append(
            Problem(
                path.name,
                None,
                None,
                "filen kan inte läsas: listor nästlade för djupt eller ett tal med för många siffror",
            )
        )
        return None


def key_lines(path: Path) -> dict[str, list[dict[str, int]]]:
    """The line of every key, by table: ``{"": [{key: line}], "scenario": [{key: line}, …], …}``.

    Messages then point at the line of the value that is wrong, not only at its table. Best
    effort (a key inside a multi-line string could be taken for one); the checks do not depend on it.
    """
    tables: dict[str, list[dict[str, int]]] = {"": [{}]}
    current = tables[""][0]
    for n, line in enumerate(decode(path.read_bytes()).splitlines(), 1):
        text = line.strip()
        header = re.match(r"^\[\[?\s*([\w.-]+)\s*\]\]?", text)
        if header:
            current = {}
            tables.setdefault(header.group(1), []).append(current)
            continue
        key = re.match(r'^([\w-]+|"[^"]*")\s*=', text)
        if key:
            current.setdefault(key.group(1).strip('"'), n)
    return tables


def header_lines(path: Path, header: str) -> list[int]:
    """Line numbers of every ``[[header]]``, to point messages at the right table."""
    pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
    return [n for n, line in enumerate(decode(path.read_bytes()).splitlines(), 1) if pattern.match(line)]


def line_of(lines: list[int], i: int) -> int | None:
    return lines[i] if i < len(lines) else None


class Fields:
    """Typed access to one TOML table, recording a problem per bad field."""

    def __init__(
        self,
        fname: str,
        row: int | None,
        table: dict[str, Any],
        problems: list[Problem],
        lines: dict[str, int] | None = None,
    ):
        self.fname, self.row, self.table, self.problems = fname, row, table, problems
        self.lines = lines or {}  # key → its line, to point at the value rather than its table

    def fail(self, key: str | None, message: str) -> None:
        row = self.lines.get(key.rsplit(".", 1)[-1], self.row) if key else self.row
        self.problems.append(Problem(self.fname, row, key, message))

    def text(self, key: str, required: bool = True, max_chars: int = MAX_NAME_CHARS) -> str | None:
        """A one-line text (a name, an id); a description may run longer and over lines (MAX_TEXT_CHARS)."""
        value = self.table.get(key)
        if value is not None and not isinstance(value, str):
            self.fail(key, f"ska vara en text inom citattecken, inte {kind_of(value)}")
            return None
        if value is None or not value.strip():
            if required:
                self.fail(key, "värde saknas")
            return None
        wrong = text_problem(value, max_chars, multiline=max_chars >= MAX_TEXT_CHARS)
        if wrong is not None:
            self.fail(key, wrong)
            return None
        return value.strip()

    def ident(self, key: str) -> str | None:
        """An id: text of letters, digits, '-' and '_' (it travels in links and on command lines)."""
        value = self.text(key, max_chars=MAX_ID_CHARS)
        if value is not None and not re.fullmatch(r"[\w-]+", value):
            self.fail(key, f"'{shown(value)}' är inget giltigt id; använd bara bokstäver, siffror, - och _")
            return None
        return value

    def number(
        self,
        key: str,
        required: bool = True,
        lo: float | None = None,
        hi: float | None = None,
        integer: bool = False,
    ) -> float | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.fail(key, "värde saknas")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(key, f"ska vara ett tal, inte {kind_of(value)}")
            return None
        try:
            number = parse_number(value) if isinstance(value, str) else float(value)
        except (OverflowError, ValueError):
            self.fail(key, f"'{shown(value)}' är inget tal")
            return None
        if not math.isfinite(number):
            self.fail(key, f"'{shown(value)}' är inget tal; skriv ett vanligt tal, inte nan eller inf")
            return None
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.fail(key, f"{shown(value)} ska vara {range_text(Column(key, 'number', min_value=lo, max_value=hi))}")
            return None
        if integer and number != int(number):
            self.fail(key, f"{shown(value)} ska vara ett heltal")
            return None
        return int(number) if integer else number


def kind_of(value: object) -> str:
    """What a TOML value is, in Swedish words, for a message saying it is the wrong kind."""
    if isinstance(value, dict):
        return "en tabell"
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, bool):
        return "ett sant/falskt-värde"
    if isinstance(value, int | float):
        return "ett tal"
    if isinstance(value, str):
        return "en text"
    return "ett datum eller en tid"


def read_municipality(folder: Path, problems: list[Problem]) -> tuple[str, str, int, dict[str, float]] | None:
    path = folder / "municipality.toml"
    doc = read_toml(path, problems)
    if doc is None:
        return None
    lines = key_lines(path)
    f = Fields(path.name, None, doc, problems, lines[""][0])
    name = f.text("name")
    code = f.text("code")
    if code is not None and not re.fullmatch(r"\d{4}", code):
        f.fail("code", f"'{shown(code)}' ska vara en kommunkod med fyra siffror, t.ex. \"2021\"")
    base_year = f.number("base_year", lo=1990, hi=2100, integer=True)
    overrides = doc.get("parameters", {}) or {}
    if not isinstance(overrides, dict):
        f.fail("parameters", "ska vara en tabell [parameters] med rader namn = värde")
        overrides = {}
    pf = Fields(path.name, None, overrides, problems, (lines.get("parameters") or [{}])[0])
    for key, value in list(overrides.items()):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            pf.fail(f"parameters.{shown(key)}", f"ska vara ett tal, inte {kind_of(value)}")
            del overrides[key]
            continue
        if isinstance(value, float) and not math.isfinite(value):
            pf.fail(f"parameters.{shown(key)}", f"'{value}' är inget tal; skriv ett vanligt tal, inte nan eller inf")
            del overrides[key]
            continue
        try:
            resolve({key: value})
        except ParameterError as exc:
            pf.fail(f"parameters.{shown(key)}", shown_message(str(exc).split(": ", 1)[-1]))
    if name is None or code is None or base_year is None:
        return None
    return str(name), str(code), int(base_year), dict(overrides)


def read_calibration(folder: Path, overrides: dict[str, Any], problems: list[Problem]) -> dict[str, str]:
    """municipality.toml's optional ``[calibration]``: parameter name = where its value in
    ``[parameters]`` comes from (the official figure it was fitted to), shown beside the value."""
    path = folder / "municipality.toml"
    doc = read_toml(path, [])
    table = (doc or {}).get("calibration", {}) or {}
    if not isinstance(table, dict):
        problems.append(
            Problem(path.name, None, "calibration", 'ska vara en tabell [calibration] med rader namn = "källa"')
        )
        return {}
    f = Fields(path.name, None, table, problems, (key_lines(path).get("calibration") or [{}])[0])
    sources: dict[str, str] = {}
    for key in table:
        if key not in overrides:
            f.fail(f"calibration.{shown(key)}", "parametern saknas under [parameters]; ange värdet där")
            continue
        text = f.text(key, max_chars=MAX_TEXT_CHARS)
        if text is not None:
            sources[key] = text
    return sources


def read_scenarios(folder: Path, problems: list[Problem]) -> dict[str, Scenario]:
    path = folder / "scenarios.toml"
    doc = read_toml(path, problems)
    if doc is None:
        return {}
    items = doc.get("scenario", [])
    if not isinstance(items, list):
        row = key_lines(path)[""][0].get("scenario")
        problems.append(Problem(path.name, row, "scenario", f"ska vara [[scenario]]-tabeller, inte {kind_of(items)}"))
        return {}
    if not items:
        problems.append(Problem(path.name, None, None, "inga scenarier; lägg till minst ett [[scenario]]"))
        return {}
    lines = header_lines(path, "scenario")
    keys = key_lines(path).get("scenario", [])
    most = LIMITS["scenarios"].value
    if len(items) > most:
        problems.append(
            Problem(
                path.name, line_of(lines, most), None, f"för många scenarier: {len(items)}; högst {most} är tillåtna"
            )
        )
        return {}
    scenarios: dict[str, Scenario] = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            row = key_lines(path)[""][0].get("scenario")
            problems.append(
                Problem(path.name, row, "scenario", f"ska vara [[scenario]]-tabeller, inte {kind_of(item)}")
            )
            return {}
        f = Fields(path.name, line_of(lines, i), item, problems, keys[i] if i < len(keys) else None)
        sid = f.ident("id")
        name = f.text("name")
        description = f.text("description", required=False, max_chars=MAX_TEXT_CHARS)
        values = {spec.name: scenario_value(f, spec) for spec in SCENARIO_FIELDS}
        if sid in scenarios:
            f.fail("id", f"scenariot '{sid}' finns redan; varje id får förekomma en gång")
            continue
        if sid and name and all(value is not None for value in values.values()):
            scenarios[sid] = Scenario(
                id=sid,
                name=name,
                description=description or "",
                **{key: float(value) for key, value in values.items() if value is not None},
            )
    return scenarios


def scenario_value(f: Fields, spec: ScenarioField) -> float | None:
    """One scenario field, checked against the plausible range of the scenario-field tree;
    an optional field left out has its default. None (and a problem) for a bad value."""
    if spec.name not in f.table and not spec.required:
        return spec.default
    number = f.number(spec.name, required=spec.required)
    if number is None:
        return None
    try:
        return check(spec.name, number)
    except ScenarioFieldError as exc:
        f.fail(spec.name, str(exc))
        return None


def shown_message(message: str) -> str:
    """A message from elsewhere in the engine with any repeated value kept short and printable."""
    return shown(message) if len(message) > 200 else message


_SECTION = re.compile(r"^\s*\[([^\[\]]+)\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


def with_calibration(text: str, values: dict[str, float], sources: dict[str, str]) -> str:
    """municipality.toml's text with ``values`` set under ``[parameters]`` and their ``sources``
    under ``[calibration]`` (each replacing a line of the same name there); the rest, comments
    included, kept as written. Sections that are missing are added at the end."""
    lines = text.splitlines()
    section = ""
    kept: list[tuple[str, str]] = []  # (section, line)
    for line in lines:
        header = _SECTION.match(line)
        if header:
            section = header.group(1).strip()
        else:
            key = _KEY.match(line)
            if key and section in ("parameters", "calibration") and key.group(1) in values:
                continue
        kept.append((section, line))

    def number(value: float) -> str:
        return str(int(value)) if float(value).is_integer() else repr(float(value))

    additions = {
        "parameters": [f"{name} = {number(value)}" for name, value in values.items()],
        "calibration": [f"{name} = {json.dumps(sources[name], ensure_ascii=False)}" for name in values],
    }
    out = [line for _, line in kept]
    ends = {}  # a section's place: after its last non-empty line
    for i, (name, line) in enumerate(kept):
        if name in additions and line.strip():
            ends[name] = i + 1
    for name in sorted(ends, key=ends.__getitem__, reverse=True):  # from the end, so places stay true
        out[ends[name] : ends[name]] = additions[name]
    for name in additions:
        if name not in ends:
            out += ["", f"[{name}]", *additions[name]]
    return "\n".join(out) + "\n"
