"""Building an alternative outside alternatives.toml: ids, drafts, TOML text, effect.

The "Bygg alternativ" page keeps a draft (name, description, a list of action
tables as alternatives.toml writes them) and uses these functions to

* derive a unique id from the name (:func:`alternative_id`),
* turn the draft into the document :func:`engine.dataset.parse_alternative` checks
  (:func:`draft_document`),
* write the alternative as an ``[[alternative]]`` table an analyst can paste into
  alternatives.toml (:func:`to_toml`; hand-written, read back by ``tomllib``),
* and :mod:`engine.measures.effects` summarises its effect against keeping all units.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from engine.core.types import KEEP_ALL, Alternative
from engine.dataset.alternatives import alternative_to_dict

FALLBACK_ID = "alternativ"
MAX_ID_LENGTH = 60
# Fields of an action table in the order alternatives.toml documents them.
ACTION_FIELD_ORDER = ("year", "action", "unit", "to", "capacity", "one_off_cost_sek")


def slugify(name: str) -> str:
    """'Slå samman Åsby & Norrby (2027)' → 'sla-samman-asby-norrby-2027'."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-")


def alternative_id(name: str, taken: Collection[str], own: str | None = None) -> str:
    """An id for an alternative called ``name``: its slug, made unique against ``taken``.

    ``own`` is the id of the saved alternative being edited: if the name still gives
    that id, saving replaces it. ``keep-all`` is never returned, whatever ``taken``
    holds, and a name without letters or digits gives ``alternativ``.
    """
    base = slugify(name) or FALLBACK_ID
    if own is not None and base == own and own != KEEP_ALL:
        return own
    blocked = (set(taken) - {own}) | {KEEP_ALL}
    candidate, n = base, 2
    while candidate in blocked:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def clean_action(action: Mapping[str, Any]) -> dict[str, Any]:
    """An action table with empty fields dropped and the documented field order."""
    ordered = [k for k in ACTION_FIELD_ORDER if k in action] + [k for k in action if k not in ACTION_FIELD_ORDER]
    return {k: action[k] for k in ordered if action[k] is not None and action[k] != ""}


def draft_document(alternative_id: str, name: str, description: str, actions: Iterable[Mapping[str, Any]]) -> dict:
    """The draft as one ``[[alternative]]`` table, ready for ``parse_alternative``."""
    return {
        "id": alternative_id,
        "name": name.strip(),
        "description": description.strip(),
        "action": [clean_action(a) for a in actions],
    }


def sorted_actions(actions: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Actions in year order (stable: the order they were added within a year)."""
    return sorted((dict(a) for a in actions), key=lambda a: int(a.get("year", 0)))


# --- TOML ----------------------------------------------------------------------------


def _toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and every control character escaped."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} kan inte skrivas som ett tal i TOML")
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    raise TypeError(f"{value!r} kan inte skrivas som TOML")


def to_toml(alternative: Alternative, *, comment: str | None = None) -> str:
    """The alternative as it would be written in alternatives.toml.

    ``tomllib.loads(to_toml(a))["alternative"][0]`` read by ``parse_alternative``
    gives ``a`` back.
    """
    doc = alternative_to_dict(alternative)
    lines: list[str] = []
    if comment:
        lines += [f"# {line}".rstrip() for line in comment.splitlines()]
    lines += [
        "[[alternative]]",
        f"id = {_toml_value(doc['id'])}",
        f"name = {_toml_value(doc['name'])}",
        f"description = {_toml_value(doc['description'])}",
    ]
    for action in doc["action"]:
        lines += ["", "[[alternative.action]]"]
        lines += [f"{key} = {_toml_value(value)}" for key, value in clean_action(action).items()]
    return "\n".join(lines) + "\n"
