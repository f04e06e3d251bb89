"""Alternatives and their actions: read from alternatives.toml or built in the dashboard, checked by replaying them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from engine.core.problems import DatasetError, Problem
from engine.core.types import ACTIONS, KEEP_ALL, SERVICES, Action, Alternative, NewUnit
from engine.dataset.schema import (
    LAT_RANGE,
    LIMITS,
    LON_RANGE,
    MAX_ACTION_YEARS,
    MAX_AMOUNT_SEK,
    MAX_CAPACITY,
    MAX_FLOOR_M2,
    MAX_ID_CHARS,
    MAX_SEK_PER_YEAR,
    MAX_TEXT_CHARS,
)
from engine.dataset.text import suggest
from engine.dataset.toml_files import Fields, header_lines, key_lines, kind_of, line_of, read_toml
from engine.dataset.value import Dataset


def read_alternatives(
    folder: Path, units: pd.DataFrame | None, base_year: int | None, problems: list[Problem]
) -> dict[str, Alternative]:
    path = folder / "alternatives.toml"
    doc = read_toml(path, problems)
    if doc is None:
        return {}
    items = doc.get("alternative", [])
    if not isinstance(items, list):
        row = key_lines(path)[""][0].get("alternative")
        problems.append(
            Problem(path.name, row, "alternative", f"ska vara [[alternative]]-tabeller, inte {kind_of(items)}")
        )
        return {}
    alt_lines = header_lines(path, "alternative")
    action_lines = header_lines(path, "alternative.action")
    keys = key_lines(path)
    alt_keys, action_keys = keys.get("alternative", []), keys.get("alternative.action", [])
    most = LIMITS["alternatives"].value
    if len(items) > most:
        problems.append(
            Problem(
                path.name,
                line_of(alt_lines, most),
                None,
                f"för många alternativ: {len(items)}; högst {most} är tillåtna",
            )
        )
        return {}
    known_units = set(units["unit_id"].dropna()) if units is not None else set()
    alternatives: dict[str, Alternative] = {}
    action_counter = 0
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    path.name,
                    keys[""][0].get("alternative"),
                    "alternative",
                    f"ska vara [[alternative]]-tabeller, inte {kind_of(item)}",
                )
            )
            return {}
        f = Fields(path.name, line_of(alt_lines, i), item, problems, alt_keys[i] if i < len(alt_keys) else None)
        aid = f.ident("id")
        name = f.text("name")
        description = f.text("description", required=False, max_chars=MAX_TEXT_CHARS)
        raw_actions = _action_tables(f, item.get("action", []))
        actions: list[Action] = []
        for raw in raw_actions:
            af = Fields(
                path.name,
                line_of(action_lines, action_counter),
                raw,
                problems,
                action_keys[action_counter] if action_counter < len(action_keys) else None,
            )
            action_counter += 1
            action = _read_action(af, base_year)
            if action is not None:
                actions.append(action)
        if aid in alternatives:
            f.fail("id", f"alternativet '{aid}' finns redan; varje id får förekomma en gång")
            continue
        if aid == KEEP_ALL and actions:
            f.fail("action", "'keep-all' är utgångsläget (om vi inte agerar) och får inte ha åtgärder")
        _check_action_sequence(f, actions, known_units, units)
        if aid and name:
            alternatives[aid] = Alternative(
                id=aid,
                name=name,
                description=description or "",
                actions=_complete_conversions(actions, units),
            )
    if KEEP_ALL not in alternatives:
        alternatives = {
            KEEP_ALL: Alternative(
                id=KEEP_ALL,
                name="Behåll alla (om vi inte agerar)",
                description="Utgångsläget: alla enheter finns kvar som i dag.",
            ),
            **alternatives,
        }
    return alternatives


def _action_tables(f: Fields, raw: Any) -> list[dict[str, Any]]:
    """The [[alternative.action]] tables of one alternative; a problem if they are anything else."""
    if not isinstance(raw, list) or not all(isinstance(a, dict) for a in raw):
        shown = raw if not isinstance(raw, list) else next(a for a in raw if not isinstance(a, dict))
        f.fail("action", f"ska vara [[alternative.action]]-tabeller, inte {kind_of(shown)}")
        return []
    most = LIMITS["actions"].value
    if len(raw) > most:
        f.fail("action", f"för många åtgärder: {len(raw)}; högst {most} per alternativ är tillåtna")
        return []
    return raw


def _read_action(f: Fields, base_year: int | None) -> Action | None:
    lo = base_year if base_year is not None else 1990
    year = f.number("year", lo=lo, hi=lo + MAX_ACTION_YEARS, integer=True)
    kind = f.text("action")
    unit = f.text("unit", max_chars=MAX_ID_CHARS)
    if kind is not None and kind not in ACTIONS:
        f.fail("action", f"okänd åtgärd '{kind}'; välj en av {', '.join(ACTIONS)}{suggest(kind, ACTIONS)}")
        return None
    to = f.text("to", required=kind in ("merge", "convert"), max_chars=MAX_ID_CHARS)
    capacity = f.number("capacity", required=kind in ("set_capacity", "build", "convert"), lo=0, hi=MAX_CAPACITY)
    one_off = f.number("one_off_cost_sek", required=False, lo=0, hi=MAX_AMOUNT_SEK)
    new_unit = None
    if kind == "build":
        service = f.text("service")
        if service is not None and service not in SERVICES:
            f.fail("service", f"'{service}' är inte tillåtet; välj en av {', '.join(SERVICES)}")
        lat = f.number("lat", lo=LAT_RANGE[0], hi=LAT_RANGE[1])
        lon = f.number("lon", lo=LON_RANGE[0], hi=LON_RANGE[1])
        name = f.text("name")
        area = f.text("area_id", max_chars=MAX_ID_CHARS)
        school = service == "grundskola"
        gmin = f.number("grade_min", required=school, lo=0, hi=9, integer=True)
        gmax = f.number("grade_max", required=school, lo=0, hi=9, integer=True)
        if school and gmin is not None and gmax is not None and gmin > gmax:
            f.fail("grade_min", f"grade_min {gmin} är större än grade_max {gmax}")
        if None in (service, lat, lon, name, area, capacity) or (school and None in (gmin, gmax)):
            return None
        new_unit = NewUnit(
            name=str(name),
            service=str(service),
            area_id=str(area),
            lat=float(lat),  # type: ignore[arg-type]
            lon=float(lon),  # type: ignore[arg-type]
            capacity=float(capacity),  # type: ignore[arg-type]
            grade_min=int(gmin) if gmin is not None else None,
            grade_max=int(gmax) if gmax is not None else None,
            floor_area_m2=f.number("floor_area_m2", required=False, lo=0, hi=MAX_FLOOR_M2) or 0.0,
            premises_cost_sek=f.number("premises_cost_sek", required=False, lo=0, hi=MAX_SEK_PER_YEAR) or 0.0,
            fixed_cost_sek=f.number("fixed_cost_sek", required=False, lo=0, hi=MAX_SEK_PER_YEAR) or 0.0,
        )
    if kind == "convert":
        service = f.text("service")
        if service is not None and service not in SERVICES:
            f.fail("service", f"'{service}' är inte tillåtet; välj en av {', '.join(SERVICES)}")
            service = None
        if service is None or capacity is None:
            return None
        # Place and premises are the converted unit's; filled in by _complete_conversions.
        new_unit = NewUnit(
            name=f.text("name", required=False) or f"{to} ({service})",
            service=service,
            area_id="",
            lat=0.0,
            lon=0.0,
            capacity=float(capacity),
            fixed_cost_sek=f.number("fixed_cost_sek", required=False, lo=0, hi=MAX_SEK_PER_YEAR) or 0.0,
        )
    if year is None or kind is None or unit is None or (kind in ("merge", "convert") and to is None):
        return None
    if kind in ("set_capacity",) and capacity is None:
        return None
    return Action(
        year=int(year),
        action=kind,
        unit=unit,
        to=to,
        capacity=capacity,
        new_unit=new_unit,
        one_off_cost_sek=one_off,
    )


def _complete_conversions(actions: list[Action], units: pd.DataFrame | None) -> tuple[Action, ...]:
    """A converted unit keeps its place and premises: copy them into the new unit."""
    if units is None:
        return tuple(actions)
    rows = units.dropna(subset=["unit_id"]).drop_duplicates("unit_id").set_index("unit_id")  # duplicates: reported
    built = {a.unit: a.new_unit for a in actions if a.action == "build" and a.new_unit is not None}
    out = []
    for a in actions:
        if a.action == "convert" and a.new_unit is not None:
            source = rows.loc[a.unit] if a.unit in rows.index else built.get(a.unit)
            if source is not None:
                get = source.get if isinstance(source, pd.Series) else lambda k, s=source: getattr(s, k)
                a = replace(
                    a,
                    new_unit=replace(
                        a.new_unit,
                        area_id=str(get("area_id")),
                        lat=float(get("lat")),
                        lon=float(get("lon")),
                        floor_area_m2=float(get("floor_area_m2") or 0.0),
                        premises_cost_sek=float(get("premises_cost_sek") or 0.0),
                    ),
                )
        out.append(a)
    return tuple(out)


def _check_action_sequence(f: Fields, actions: list[Action], known_units: set[str], units: pd.DataFrame | None) -> None:
    """Replay the actions in year order and report impossible ones."""
    if units is None:
        return
    exists = set(known_units)
    closed_since: dict[str, int] = {}
    for a in sorted(actions, key=lambda a: a.year):
        where = f"år {a.year}, {a.action} {a.unit}"
        if a.action == "convert":
            if a.unit not in exists:
                f.fail("unit", f"{where}: okänd enhet '{a.unit}'{suggest(a.unit, exists)}")
            elif a.to in exists:
                f.fail("to", f"{where}: enheten '{a.to}' finns redan; ge den nya enheten ett nytt id")
            closed_since.setdefault(a.unit, a.year)
            exists.add(str(a.to))
            continue
        if a.action == "build":
            if a.unit in exists:
                f.fail("unit", f"{where}: enheten '{a.unit}' finns redan; ge den nya enheten ett nytt id")
            exists.add(a.unit)
            continue
        if a.unit not in exists:
            f.fail("unit", f"{where}: okänd enhet '{a.unit}'{suggest(a.unit, exists)}")
            continue
        if a.action in ("close", "merge"):
            if a.unit in closed_since:
                f.fail(
                    "unit",
                    f"{where}: '{a.unit}' stängs två gånger (redan stängd från {closed_since[a.unit]})",
                )
                continue
            if a.action == "merge":
                if a.to not in exists:
                    f.fail("to", f"{where}: slås samman med okänd enhet '{a.to}'{suggest(str(a.to), exists)}")
                elif a.to == a.unit:
                    f.fail("to", f"{where}: en enhet kan inte slås samman med sig själv")
                elif a.to in closed_since:
                    f.fail(
                        "to",
                        f"{where}: slås samman med '{a.to}', som är stängd från {closed_since[a.to]}",
                    )
            closed_since[a.unit] = a.year
        elif a.action == "reopen":
            if a.unit not in closed_since:
                f.fail("unit", f"{where}: '{a.unit}' är inte stängd och kan inte öppnas igen")
            closed_since.pop(a.unit, None)
        elif a.action == "set_capacity" and a.unit in closed_since:
            f.fail("unit", f"{where}: '{a.unit}' är stängd från {closed_since[a.unit]}")


def alternative_to_dict(alternative: Alternative) -> dict[str, Any]:
    """The alternative as one ``[[alternative]]`` table of alternatives.toml."""
    actions = []
    for a in alternative.actions:
        item: dict[str, Any] = {"year": a.year, "action": a.action, "unit": a.unit}
        if a.to is not None:
            item["to"] = a.to
        if a.capacity is not None:
            item["capacity"] = a.capacity
        if a.one_off_cost_sek is not None:
            item["one_off_cost_sek"] = a.one_off_cost_sek
        if a.new_unit is not None:
            item.update({k: v for k, v in vars(a.new_unit).items() if v is not None})
        actions.append(item)
    return {"id": alternative.id, "name": alternative.name, "description": alternative.description, "action": actions}


def parse_alternative(document: dict[str, Any], dataset: Dataset, source: str = "alternativ") -> Alternative:
    """Check an alternative built outside alternatives.toml against the dataset's units.

    Raises DatasetError with the same messages a file would give.
    """
    problems: list[Problem] = []
    f = Fields(source, None, document, problems)
    aid = f.ident("id")
    name = f.text("name")
    description = f.text("description", required=False, max_chars=MAX_TEXT_CHARS)
    actions = []
    for i, raw in enumerate(_action_tables(f, document.get("action", []))):
        action = _read_action(Fields(source, i + 1, raw, problems), dataset.base_year)
        if action is not None:
            actions.append(action)
    if aid == KEEP_ALL:
        f.fail("id", "'keep-all' är utgångsläget och kan inte ändras; välj ett annat id")
    _check_action_sequence(f, actions, set(dataset.units["unit_id"]), dataset.units)
    if problems or aid is None or name is None:
        raise DatasetError(problems)
    return Alternative(
        id=aid,
        name=name,
        description=description or "",
        actions=_complete_conversions(actions, dataset.units),
    )
