"""What the user is looking at, and how it travels in the URL.

The view state (scenario, alternatives, parameter overrides, scenario assumptions,
language, presentation mode, horizon) is one frozen value. It is encoded in the
URL's query string so that a copied link reopens exactly the same view:

    ?scenario=stress&alt=merge-a-b,merge-b-c&max_class_size=22&bas.tfr=1.5&lang=en&present=1

``data`` names an uploaded dataset (empty: the server's own), ``ws`` a workshop and
``dialog`` a citizens' dialogue; all are opaque ids checked here only for their shape.
``tab``, ``chart``, ``group`` and ``year`` are what a page shows (its part, chart, group of
sliders, year; ``year_forskola`` and ``year_fritid`` are Kapacitet's other sections' years),
checked here for their shape and by the page against its own choices.

Parameter overrides use the parameter's own name; scenario assumptions use
``<scenario id>.<field>``. Defaults are left out so links stay short. Unknown or
bad values in a hand-edited URL are dropped (and reported), never fatal.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from engine.core import scenario_fields
from engine.core.parameters import PARAMETER_NAMES, ParameterError, resolve
from engine.core.types import DEFAULT_YEARS, KEEP_ALL, MAX_YEARS

# The scenario fields and their one plausible range, from the engine's tree (engine/core/scenario_fields.py):
# the validator, this parser and the sliders on Scenarier read the same range.
SCENARIO_FIELDS = scenario_fields.SCENARIO_FIELD_NAMES
SCENARIO_LIMITS = {f.name: (f.min, f.max) for f in scenario_fields.SCENARIO_FIELDS}
MAX_ALTERNATIVES = 3  # compared with keep-all at once: ui.widgets.MAX_COMPARED (tests/test_hostile_input.py checks)
MAX_ALT_CHARS = 4 * 65  # ?alt= naming at most MAX_ALTERNATIVES ids of at most 64 characters, and room to spare
MAX_IGNORED_SHOWN = 10  # ignored keys listed in the message; a link with thousands says "…"
# What a page shows, in the link so that it reopens the same part: each page reads those it has.
CHOICE_KEYS = ("tab", "chart", "group", "year", "year_forskola", "year_fritid")


@dataclass(frozen=True, kw_only=True)
class ViewState:
    scenario: str
    alternatives: tuple[str, ...] = ()  # compared with keep-all, which is always shown
    overrides: Mapping[str, float] = field(default_factory=dict)  # parameter name → value
    scenario_changes: Mapping[str, Mapping[str, float]] = field(default_factory=dict)  # id → field → value
    lang: str = "sv"
    present: bool = False
    years: int = DEFAULT_YEARS
    dataset: str = ""  # an uploaded dataset's id; "" is the dataset the server was started with
    workshop: str = ""  # the workshop whose input this session gives or shows; "" is none
    dialog: str = ""  # the citizens' dialogue a resident answers (Medborgardialog); "" is none
    choices: Mapping[str, str] = field(default_factory=dict)  # CHOICE_KEYS → the page's choice, defaults left out

    def with_(self, **changes: object) -> ViewState:
        return dataclasses.replace(self, **changes)


def default_view(scenarios: list[str], alternatives: list[str]) -> ViewState:
    others = [a for a in alternatives if a != KEEP_ALL]
    return ViewState(scenario=scenarios[0], alternatives=tuple(others[:2]))


def to_query(view: ViewState, default: ViewState) -> dict[str, str]:
    """The URL query parameters for ``view`` (defaults omitted)."""
    q: dict[str, str] = {}
    if view.scenario != default.scenario:
        q["scenario"] = view.scenario
    if view.alternatives != default.alternatives:
        q["alt"] = ",".join(view.alternatives) or "-"
    for name, value in sorted(view.overrides.items()):
        q[name] = f"{value:.12g}"
    for sid, changes in sorted(view.scenario_changes.items()):
        for fname, value in sorted(changes.items()):
            q[f"{sid}.{fname}"] = f"{value:.12g}"
    if view.lang != "sv":
        q["lang"] = view.lang
    if view.present:
        q["present"] = "1"
    if view.years != DEFAULT_YEARS:
        q["years"] = str(view.years)
    if view.dataset:
        q["data"] = view.dataset
    if view.workshop:
        q["ws"] = view.workshop
    if view.dialog:
        q["dialog"] = view.dialog
    for key in CHOICE_KEYS:
        if key in view.choices:
            q[key] = view.choices[key]
    return q


def valid_id(text: str) -> bool:
    """An id that can travel in a URL unescaped: letters, digits, '-' and '_', at most 64."""
    return 0 < len(text) <= 64 and all(c.isascii() and (c.isalnum() or c in "-_") for c in text)


def from_query(
    query: Mapping[str, str], default: ViewState, scenarios: list[str], alternatives: list[str]
) -> tuple[ViewState, list[str]]:
    """Parse a query string into a view; return it and the keys that were ignored."""
    ignored: list[str] = []
    view = default
    if "scenario" in query:
        if query["scenario"] in scenarios:
            view = view.with_(scenario=query["scenario"])
        else:
            ignored.append("scenario")
    if "alt" in query:
        wanted = [a for a in query["alt"][:MAX_ALT_CHARS].split(",") if a and a != "-"]
        known = tuple(a for a in wanted if a in alternatives and a != KEEP_ALL)
        if len(known) != len(wanted):
            ignored.append("alt")
        if len(set(known)) != len(known) or len(known) > MAX_ALTERNATIVES or len(query["alt"]) > MAX_ALT_CHARS:
            # Repeated ids or more than the pages compare: no guess at what was meant, the default view.
            ignored.append("alt")
            known = default.alternatives
        view = view.with_(alternatives=known)
    overrides: dict[str, float] = {}
    changes: dict[str, dict[str, float]] = {}
    for key, raw in query.items():
        if key in PARAMETER_NAMES:
            try:
                overrides[key] = float(getattr(resolve({key: raw}), key))
            except ParameterError:
                ignored.append(key)
        elif "." in key:
            sid, _, fname = key.partition(".")
            try:
                value = scenario_fields.check(fname, float(raw))
            except ValueError:  # not a number, an unknown field or outside the field's range
                ignored.append(key)
                continue
            if sid in scenarios:
                changes.setdefault(sid, {})[fname] = value
            else:
                ignored.append(key)
        elif key not in ("scenario", "alt", "lang", "present", "years", "data", "ws", "dialog", *CHOICE_KEYS):
            ignored.append(key)
    lang = query.get("lang", "sv")
    if lang not in ("sv", "en"):
        ignored.append("lang")
        lang = "sv"
    years = default.years
    if "years" in query:
        try:
            years = int(query["years"])
            if not 1 <= years <= MAX_YEARS:
                raise ValueError
        except ValueError:
            ignored.append("years")
            years = default.years
    ids = {}
    for key, fname in (("data", "dataset"), ("ws", "workshop"), ("dialog", "dialog")):
        if key in query:
            if valid_id(query[key]):
                ids[fname] = query[key]
            else:
                ignored.append(key)
    choices = {key: query[key] for key in CHOICE_KEYS if key in query and valid_id(query[key])}
    ignored += [key for key in CHOICE_KEYS if key in query and key not in choices]
    view = view.with_(
        **ids,
        choices=choices,
        overrides=overrides,
        scenario_changes=changes,
        lang=lang,
        present=query.get("present", "0") in ("1", "true", "ja"),
        years=years,
    )
    return view, _listed(ignored)


def _listed(ignored: list[str]) -> list[str]:
    """The ignored keys as the page may repeat them: each once, short and printable, at most MAX_IGNORED_SHOWN."""
    unique = list(dict.fromkeys(ignored))
    shown = ["".join(c if c.isprintable() else "?" for c in k[:40]) + ("…" if len(k) > 40 else "") for k in unique]
    return shown if len(shown) <= MAX_IGNORED_SHOWN else [*shown[:MAX_IGNORED_SHOWN], "…"]
