"""The TOML files: municipality.toml and scenarios.toml, and typed access to any TOML table."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from engine.core.parameters import ParameterError, resolve
from engine.core.problems import Problem
from engine.core.scenario_fields import SCENARIO_FIELDS, ScenarioField, ScenarioFieldError, check
from engine.core.types import Scenario
from engine.dataset.schema import (
    Column,
    range_text,
)
from engine.dataset.text import decode, parse_number


def read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(decode(path.read_bytes()))
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        row = int(match.group(1)) if match else None
        problems.append(Problem(path.name, row, None, f"felaktig TOML: {exc}"))
        return None


def header_lines(path: Path, header: str) -> list[int]:
    """Line numbers of every ``[[header]]``, to point messages at the right table."""
    pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
    return [n for n, line in enumerate(decode(path.read_bytes()).splitlines(), 1) if pattern.match(line)]


def line_of(lines: list[int], i: int) -> int | None:
    return lines[i] if i < len(lines) else None


class Fields:
    """Typed access to one TOML table, recording a problem per bad field."""

    def __init__(self, fname: str, row: int | None, table: dict[str, Any], problems: list[Problem]):
        self.fname, self.row, self.table, self.problems = fname, row, table, problems

    def fail(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.fname, self.row, key, message))

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.table.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(key, "värde saknas")
            return None
        return str(value).strip()

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
        try:
            number = parse_number(value) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            self.fail(key, f"'{value}' är inget tal")
            return None
        if isinstance(value, bool):
            self.fail(key, f"'{value}' är inget tal")
            return None
        if integer and number != int(number):
            self.fail(key, f"{value} ska vara ett heltal")
            return None
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.fail(key, f"{value} ska vara {range_text(Column(key, 'number', min_value=lo, max_value=hi))}")
            return None
        return int(number) if integer else number


def read_municipality(folder: Path, problems: list[Problem]) -> tuple[str, str, int, dict[str, float]] | None:
    path = folder / "municipality.toml"
    doc = read_toml(path, problems)
    if doc is None:
        return None
    f = Fields(path.name, None, doc, problems)
    name = f.text("name")
    code = f.text("code")
    if code is not None and not re.fullmatch(r"\d{4}", code):
        f.fail("code", f"'{code}' ska vara en kommunkod med fyra siffror, t.ex. \"2021\"")
    base_year = f.number("base_year", lo=1990, hi=2100, integer=True)
    overrides = doc.get("parameters", {}) or {}
    if not isinstance(overrides, dict):
        f.fail("parameters", "ska vara en tabell [parameters] med rader namn = värde")
        overrides = {}
    for key, value in overrides.items():
        try:
            resolve({key: value})
        except ParameterError as exc:
            f.fail(f"parameters.{key}", str(exc).split(": ", 1)[-1])
    if name is None or code is None or base_year is None:
        return None
    return str(name), str(code), int(base_year), dict(overrides)


def read_scenarios(folder: Path, problems: list[Problem]) -> dict[str, Scenario]:
    path = folder / "scenarios.toml"
    doc = read_toml(path, problems)
    if doc is None:
        return {}
    items = doc.get("scenario", [])
    if not isinstance(items, list) or not items:
        problems.append(Problem(path.name, None, None, "inga scenarier; lägg till minst ett [[scenario]]"))
        return {}
    lines = header_lines(path, "scenario")
    scenarios: dict[str, Scenario] = {}
    for i, item in enumerate(items):
        f = Fields(path.name, line_of(lines, i), item, problems)
        sid = f.text("id")
        name = f.text("name")
        values = {spec.name: scenario_value(f, spec) for spec in SCENARIO_FIELDS}
        if sid in scenarios:
            f.fail("id", f"scenariot '{sid}' finns redan; varje id får förekomma en gång")
            continue
        if sid and name and all(value is not None for value in values.values()):
            scenarios[sid] = Scenario(
                id=sid,
                name=name,
                description=str(item.get("description", "")),
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
