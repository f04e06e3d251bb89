"""A generated municipality of any size, written as a dataset folder (DESIGN.md §4).

Used by the benchmarks to test the engine at the scale of a large city
(``python benchmarks/synthetic.py OUT --areas 600 --schools 150 --inhabitants 1000000``).
Demography and scenarios are taken from the demo municipality; areas, population
and schools are drawn with a fixed seed. School capacities leave about 10 % spare
room over the base-year load, so merging into a neighbour makes capacity bind in
places and exercises the assignment programme.

``full=True`` draws the hardest case instead (``--full``): mixed grade bands (F–6, 7–9,
F–9, F–3, 4–9), capacities 10–30 % below each school's base-year load, so that the
pupils exceed the schools' total capacity and many schools are full every year, and an
alternative ``close-10`` that closes ten schools from 2027.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from engine.model.travel import great_circle_km

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"


def write_synthetic(
    out: Path,
    *,
    areas: int = 600,
    schools: int = 150,
    inhabitants: int = 1_000_000,
    seed: int = 7,
    full: bool = False,
) -> Path:
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("demography.csv", "scenarios.toml"):
        shutil.copy(DEMO / name, out / name)
    (out / "municipality.toml").write_text(
        'name = "Storstad (genererad)"\ncode = "0999"\nbase_year = 2025\n\n[parameters]\n', encoding="utf-8"
    )

    lat = 59.33 + rng.normal(0, 0.12, areas)
    lon = 18.06 + rng.normal(0, 0.22, areas)
    area_ids = [f"D{i:04d}" for i in range(areas)]
    pd.DataFrame({"area_id": area_ids, "name": [f"Område {i}" for i in range(areas)], "lat": lat, "lon": lon}).to_csv(
        out / "areas.csv", index=False
    )

    # An age profile shaped like a Swedish city: many young adults, fewer old.
    ages = np.arange(101)
    profile = np.exp(-(((ages - 30) / 28.0) ** 2)) + 0.35 * np.exp(-(((ages - 8) / 8.0) ** 2))
    profile[ages > 85] *= 0.3
    profile /= profile.sum()
    sizes = rng.gamma(8.0, 1.0, areas)
    sizes = sizes / sizes.sum() * inhabitants
    persons = np.rint(np.outer(sizes, profile) * rng.uniform(0.85, 1.15, (areas, 101)))
    pd.DataFrame(
        {"area_id": np.repeat(area_ids, 101), "age": np.tile(ages, areas), "persons": persons.ravel().astype(int)}
    ).to_csv(out / "population.csv", index=False)

    # Schools: one in three F–9, the rest split between F–6 and 7–9, at random areas.
    host = rng.choice(areas, schools, replace=False)
    if full:
        # F–9, F–6, 7–9, F–3, 4–9
        kinds = rng.choice(5, schools, p=[0.25, 0.3, 0.2, 0.15, 0.1])
        grade_min = np.array([0, 0, 7, 0, 4])[kinds]
        grade_max = np.array([9, 6, 9, 3, 9])[kinds]
    else:
        kinds = rng.choice(3, schools, p=[0.34, 0.44, 0.22])
        grade_min = np.where(kinds == 2, 7, 0)
        grade_max = np.where(kinds == 1, 6, 9)
    s_lat = lat[host] + rng.normal(0, 0.003, schools)
    s_lon = lon[host] + rng.normal(0, 0.003, schools)
    km = great_circle_km(lat, lon, s_lat, s_lon)
    load = np.zeros(schools)
    children = persons[:, 6:16]
    for g in range(10):
        offers = (grade_min <= g) & (grade_max >= g)
        if not offers.any():
            continue
        nearest = np.where(offers[None, :], km, np.inf).argmin(axis=1)
        load += np.bincount(nearest, weights=children[:, g], minlength=schools)
    if full:
        # Pupils exceed capacity by 10–30 % school by school (and so in total).
        capacity = np.ceil(np.maximum(load / rng.uniform(1.1, 1.3, schools), 60))
    else:
        capacity = np.ceil(np.maximum(load * 1.1, 60))
    floor = capacity * 12
    school_ids = [f"S{i:03d}" for i in range(schools)]
    units = pd.DataFrame(
        {
            "unit_id": school_ids,
            "name": [f"Skola {i}" for i in range(schools)],
            "service": "grundskola",
            "area_id": [area_ids[h] for h in host],
            "lat": s_lat,
            "lon": s_lon,
            "capacity": capacity.astype(int),
            "grade_min": grade_min,
            "grade_max": grade_max,
            "floor_area_m2": floor.astype(int),
            "premises_cost_sek": (floor * 1400).astype(int),
            "fixed_cost_sek": (1_000_000 + capacity * 2000).astype(int),
        }
    )
    units.to_csv(out / "units.csv", index=False)

    # Alternatives: merge the smallest F–6 schools into their nearest F–6 neighbour.
    small = [i for i in np.argsort(capacity) if kinds[i] == 1][:12]
    lines = ['[[alternative]]\nid = "keep-all"\nname = "Behåll alla skolor"\n']
    school_km = great_circle_km(s_lat, s_lon, s_lat, s_lon)
    merges = []
    taken: set[int] = set()
    for i in small:
        candidates = [j for j in np.argsort(school_km[i]) if j != i and kinds[j] == 1 and j not in small]
        if candidates and i not in taken:
            merges.append((i, candidates[0]))
            taken.add(i)
    for k, chunk in enumerate((merges[:4], merges[4:8], merges)):
        lines.append(f'[[alternative]]\nid = "merge-{k + 1}"\nname = "Sammanslagning {k + 1}"\n')
        for i, j in chunk:
            lines.append(
                f'[[alternative.action]]\nyear = 2027\naction = "merge"\nunit = "{school_ids[i]}"\nto = "{school_ids[j]}"\n'
            )
    if full:
        # Close ten schools (every fifteenth by size) from 2027: their pupils go wherever there is room.
        closed = np.argsort(capacity)[:: max(1, schools // 10)][:10]
        lines.append('[[alternative]]\nid = "close-10"\nname = "Stäng tio skolor"\n')
        for i in closed:
            lines.append(f'[[alternative.action]]\nyear = 2027\naction = "close"\nunit = "{school_ids[i]}"\n')
    (out / "alternatives.toml").write_text("\n".join(lines), encoding="utf-8")
    return out


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--areas", type=int, default=600)
    p.add_argument("--schools", type=int, default=150)
    p.add_argument("--inhabitants", type=int, default=1_000_000)
    p.add_argument("--full", action="store_true", help="mixed grade bands, pupils 10–30 %% above capacity")
    a = p.parse_args()
    print(write_synthetic(a.out, areas=a.areas, schools=a.schools, inhabitants=a.inhabitants, full=a.full))
