"""Frozen, typed values that flow through the engine: scenarios, alternatives, actions.

They are always built by keyword, so a slider or a CLI flag maps to a named field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SERVICES: tuple[str, ...] = ("grundskola", "forskola", "aldreboende", "fritid_kultur")
ACTIONS: tuple[str, ...] = ("close", "merge", "set_capacity", "reopen", "build", "convert")
KEEP_ALL = "keep-all"
MAX_YEARS = 20
DEFAULT_YEARS = 10


@dataclass(frozen=True, kw_only=True)
class Scenario:
    """An assumed demographic future (never a forecast).

    tfr: total fertility rate, children per woman.
    net_migration_per_1000: net migration per year per 1 000 inhabitants, spread
        over ages by the dataset's ``migration_profile``.
    mortality_change: relative change of every death risk (−0.1 = 10 % lower).
    """

    id: str
    name: str
    tfr: float
    net_migration_per_1000: float
    mortality_change: float = 0.0
    description: str = ""


@dataclass(frozen=True, kw_only=True)
class NewUnit:
    """A unit described by a ``build`` action."""

    name: str
    service: str
    area_id: str
    lat: float
    lon: float
    capacity: float
    grade_min: int | None = None
    grade_max: int | None = None
    floor_area_m2: float = 0.0
    premises_cost_sek: float = 0.0
    fixed_cost_sek: float = 0.0


@dataclass(frozen=True, kw_only=True)
class Action:
    """One decision: from ``year`` on, do ``action`` to ``unit``.

    close: the unit closes; its users go to the nearest open unit.
    merge: the unit closes and its users go to ``to``.
    set_capacity: the unit's capacity becomes ``capacity``.
    reopen: a closed unit opens again.
    build: a new unit ``unit`` described by ``new_unit`` opens.
    convert: ``unit`` closes and its premises become a new unit ``to`` of another
        service (``new_unit``: same place and premises cost, the given capacity), so
        they stop standing empty; the one-off cost is the conversion's.
    """

    year: int
    action: str
    unit: str
    to: str | None = None
    capacity: float | None = None
    new_unit: NewUnit | None = None
    one_off_cost_sek: float | None = None


@dataclass(frozen=True, kw_only=True)
class Alternative:
    """A set of actions the municipality can decide on; ``keep-all`` has none."""

    id: str
    name: str
    description: str = ""
    actions: tuple[Action, ...] = field(default_factory=tuple)
