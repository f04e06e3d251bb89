"""A map that needs no internet: areas, schools and where pupils go, on plain axes.

Plotly's tile maps fetch their style and glyphs from the internet, so the map is
drawn on cartesian axes instead: x = longitude × cos(mean latitude), y = latitude,
with equal scaling, which keeps distances true to within a fraction of a per cent
over a municipality. Names are in hover text and in the legend, never map labels.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ui import safe


def _project(lat: np.ndarray, lon: np.ndarray, lat0: float) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(lon) * math.cos(math.radians(lat0)), np.asarray(lat)


def school_map(
    *,
    areas: pd.DataFrame,
    area_pupils: pd.Series,
    schools: pd.DataFrame,
    flows: pd.DataFrame,
    baseline_flows: pd.DataFrame,
    colour: str,
    labels: dict[str, str],
    fmt_pupils,
) -> tuple[list[dict], dict]:
    """Traces and layout: areas as grey dots sized by pupils, schools as symbols, flows as lines.

    schools: unit_id, name, lat, lon, open (bool), pupils, receiving (bool), and optionally full
    (bool: a merge's receiving school that cannot hold its pupils; marked on its own).
    flows / baseline_flows: area_id, unit_id, pupils (one year).
    """
    lat0 = float(areas["lat"].mean())
    traces: list[dict] = []
    a_x, a_y = _project(areas["lat"], areas["lon"], lat0)
    a_index = {a: i for i, a in enumerate(areas["area_id"])}
    s_index = {u: i for i, u in enumerate(schools["unit_id"])}
    s_x, s_y = _project(schools["lat"], schools["lon"], lat0)

    # Flows: one line per area → school, width by pupils; moved pupils (not as in keep-all) in colour.
    merged = flows.groupby(["area_id", "unit_id"], as_index=False)["pupils"].sum()
    base = baseline_flows.groupby(["area_id", "unit_id"], as_index=False)["pupils"].sum()
    merged = merged.merge(base, on=["area_id", "unit_id"], how="left", suffixes=("", "_base")).fillna(0.0)
    merged = merged[merged["pupils"] >= 0.5]
    for moved, line_colour in ((False, "#B8B8B8"), (True, colour)):
        part = merged[(merged["pupils"] > merged["pupils_base"] + 0.5) == moved]
        for area_id, unit_id, pupils in part[["area_id", "unit_id", "pupils"]].itertuples(index=False):
            i, j = a_index[area_id], s_index[unit_id]
            traces.append(
                {
                    "type": "scatter",
                    "x": [float(a_x[i]), float(s_x[j])],
                    "y": [float(a_y[i]), float(s_y[j])],
                    "mode": "lines",
                    "line": {"color": line_colour, "width": 1 + min(8.0, pupils / 12)},
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "opacity": 0.9 if moved else 0.6,
                }
            )
    pupils = area_pupils.reindex(areas["area_id"]).fillna(0.0).to_numpy()
    traces.append(
        {
            "type": "scatter",
            "x": a_x.tolist(),
            "y": a_y.tolist(),
            "mode": "markers",
            "name": labels["area"],
            "marker": {
                "size": (8 + np.sqrt(pupils) * 1.6).tolist(),
                "color": "#D9D9D9",
                "line": {"color": "#777", "width": 1},
            },
            "text": [f"{safe.plot(n)}<br>{fmt_pupils(p)}" for n, p in zip(areas["name"], pupils, strict=True)],
            "hovertemplate": "%{text}<extra></extra>",
        }
    )
    full = schools["full"] if "full" in schools else pd.Series(False, index=schools.index)
    for kind, mask, symbol, fill in (
        ("school_open", schools["open"] & ~schools["receiving"] & ~full, "square", "#444"),
        ("school_receiving", schools["open"] & schools["receiving"] & ~full, "star", colour),
        ("school_full", schools["open"] & full, "star-diamond", "#C00000"),
        ("school_closed", ~schools["open"], "x", "#C00000"),
    ):
        part = schools[mask]
        if part.empty:
            continue
        idx = [s_index[u] for u in part["unit_id"]]
        traces.append(
            {
                "type": "scatter",
                "x": s_x[idx].tolist(),
                "y": s_y[idx].tolist(),
                "mode": "markers",
                "name": labels[kind],
                "marker": {"symbol": symbol, "size": 18, "color": fill, "line": {"color": "white", "width": 1.5}},
                "text": [
                    f"<b>{safe.plot(n)}</b><br>{fmt_pupils(p)}"
                    for n, p in zip(part["name"], part["pupils"], strict=True)
                ],
                "hovertemplate": "%{text}<extra></extra>",
            }
        )
    layout = {
        "xaxis": {"visible": False, "dtick": None},
        "yaxis": {"visible": False, "scaleanchor": "x", "scaleratio": 1, "rangemode": "normal"},
        "hovermode": "closest",
        "plot_bgcolor": "#F7F7F2",
    }
    return traces, layout


def receiving_schools(units_year: pd.DataFrame, baseline_year: pd.DataFrame) -> set[str]:
    """Open schools with clearly more pupils than under keep-all the same year."""
    base = baseline_year.set_index("unit_id")["pupils"]
    alt = units_year.set_index("unit_id")["pupils"]
    diff = alt - base.reindex(alt.index).fillna(0.0)
    return set(diff[diff > 0.5].index)
