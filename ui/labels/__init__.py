"""The label catalogue: every user-facing text, Swedish first, then English, split by area.

One module per page or shared area; a key's first word names its area (``cap.`` is
Kapacitet, ``ws.`` the workshop). :data:`LABELS` joins them, and a key defined twice
stops the import.
"""

from __future__ import annotations

from ui.labels import (
    about,
    build,
    calibration,
    capacity,
    checks,
    child,
    compare,
    council,
    data,
    dialog,
    economy,
    frame,
    investments,
    map,
    measures,
    memo,
    numbers,
    overview,
    propose,
    scenarios,
    sources,
    store,
    strategy,
    workshop,
)
from ui.labels.forms import Label

AREAS = (
    frame,
    measures,
    overview,
    scenarios,
    capacity,
    economy,
    investments,
    compare,
    map,
    propose,
    child,
    strategy,
    build,
    about,
    calibration,
    memo,
    data,
    sources,
    workshop,
    dialog,
    council,
    store,
    numbers,
    checks,
)


def _join() -> dict[str, Label]:
    joined: dict[str, Label] = {}
    for area in AREAS:
        twice = joined.keys() & area.LABELS.keys()
        if twice:
            raise KeyError(f"{area.__name__} defines labels that exist already: {sorted(twice)}")
        joined.update(area.LABELS)
    return joined


LABELS: dict[str, Label] = _join()
