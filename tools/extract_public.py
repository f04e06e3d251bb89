"""Extract the national public files Vägval needs at run time into data/public/.

The exports in ../shared/data/public (SCB, Skolverket, Kolada; their README names every
source) are large and in each agency's own dialect. The product must work from a clone
of the project alone, so this writes small, tidy copies of the parts it needs, in one
plain dialect (`,`, UTF-8, `.` decimals, an empty cell for a suppressed or missing value,
never 0). Deterministic: the same files give the same bytes (gzip without a timestamp),
so tests/test_public_sources.py can check that the committed copies are what this makes.

    python tools/extract_public.py                   # from ../shared/data/public into data/public
    python tools/extract_public.py --public DIR --out DIR
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the engine, when run as a script
from engine.sources.estimates import ring_area_centroid

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PUBLIC = REPO.parent / "shared" / "data" / "public"

# Kolada's KPIs the product reads (titles from Kolada's concept list), and its own projections.
KOLADA_KPIS = [
    "N15027",
    "N15058",
    "N11008",
    "N11102",
    "N23009",
    "N23805",
    "N23801",
    "N01951",
    "N01817",
    "N01926",
    "N01952",
    "N01953",
    "N01954",
    "N01812",
    "N01813",
    "N01804",
    "N01805",
    "N01801",
    "N01802",
    "N01964",
    "N01806",
    "N02820",
    "N02834",
    "N02835",
    "N02837",
    "N02907",
    "N02908",
    "N02909",
    "N02910",
    "N02914",
]
SKOLVERKET_YEARS = range(2020, 2025)
GRADES = range(1, 10)


def skolverket_rows(path: Path, code_column: str) -> tuple[list[str], list[list[str]]]:
    """A Skolverket export's header and data rows: title lines and the notes after the table are dropped."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    start = next(i for i, line in enumerate(lines) if line.count(";") > 5)
    header = lines[start].rstrip(";").split(";")
    at = header.index(code_column)
    rows = []
    for line in lines[start + 1 :]:
        cells = line.rstrip(";").split(";")
        if len(cells) > at and len(cells[at]) == 4 and cells[at].isdigit():
            rows.append((cells + [""] * len(header))[: len(header)])
    return header, rows


def plain(text: str) -> str:
    """Skolverket's number text in the plain dialect; empty for `.`/`..`/`-` (suppressed, never 0)."""
    text = text.replace(" ", "").replace("\xa0", "").replace(",", ".").strip()
    return "" if text in ("", ".", "..", "-") else text


def write_csv(rows: list[list[str]], header: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def kolada_files(public: Path) -> dict[str, bytes]:
    titles: dict[str, str] = {}
    with (public / "kolada" / "ddf--concepts.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            titles[row["concept"]] = row["name"]
    values: list[list[str]] = []
    for kpi in KOLADA_KPIS:
        with (public / "kolada" / f"{kpi.lower()}.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                # Municipalities (four digits) and Sweden ("0"); the 21 regions are left out.
                if len(row["geo"]) == 4 or row["geo"] == "0":
                    values.append([kpi, row["geo"], row["year"], row[kpi.lower()]])
    values.sort(key=lambda r: (r[0], r[1], int(r[2])))
    kpis = [[k, titles[k.lower()]] for k in KOLADA_KPIS]
    with (public / "kolada" / "ddf--entities--geo--kommun.csv").open(encoding="utf-8") as fh:
        kommuner = sorted([r["kommun"], r["name"], r["region"]] for r in csv.DictReader(fh))
    return {
        "kolada/kpis.csv": write_csv(kpis, ["kpi", "titel"]),
        "kolada/varden.csv.gz": gz(write_csv(values, ["kpi", "kommunkod", "ar", "varde"])),
        "kommuner.csv": write_csv(kommuner, ["kommunkod", "namn", "lanskod"]),
    }


def skolverket_files(public: Path) -> dict[str, bytes]:
    sv = public / "skolverket"
    header, rows = skolverket_rows(sv / "elever_per_arskurs_skolenhet_2025.csv", "Kommun-kod")
    ix = {name: i for i, name in enumerate(header)}
    units = [
        [
            r[ix["Skol-enhetskod"]],
            r[ix["Skola"]].strip(),
            r[ix["Kommun-kod"]],
            r[ix["Typ av huvudman"]],
            r[ix["Huvudman"]].strip(),
            *(plain(r[ix[f"Elever, årskurs {g}"]]) for g in GRADES),
            plain(r[ix["Elever, årskurs 1-9"]]),
        ]
        for r in rows
    ]
    units.sort(key=lambda r: (r[2], r[0]))
    grade_cols = [f"ak{g}" for g in GRADES]
    per_kommun: list[list[str]] = []
    costs: list[list[str]] = []
    for year in SKOLVERKET_YEARS:
        header, rows = skolverket_rows(sv / f"elever_per_arskurs_kommun_{year}.csv", "Kommun-kod")
        ix = {name: i for i, name in enumerate(header)}
        per_kommun += [
            [
                str(year),
                r[ix["Kommun-kod"]],
                r[ix["Typ av huvudman"]],
                *(plain(r[ix[f"Elever, årskurs {g}"]]) for g in GRADES),
                plain(r[ix["Elever, årskurs 1-9"]]),
            ]
            for r in rows
        ]
        header, rows = skolverket_rows(sv / f"grundskola_kostnader_per_kommun_{year}.csv", "Kommunkod")
        ix = {name: i for i, name in enumerate(header)}
        cost_cols = [
            "Genomsnittligt elevantal",
            "Totalt",
            "Undervisning",
            "Totalt per elev",
            "Undervisning per elev",
            "Lokaler per elev",
            "Måltider per elev",
            "Lärverktyg per elev",
            "Elevhälsa per elev",
            "Övrigt per elev",
        ]
        costs += [[str(year), r[ix["Kommunkod"]], *(plain(r[ix[c]]) for c in cost_cols)] for r in rows]
    per_kommun.sort(key=lambda r: (r[0], r[1], r[2]))
    costs.sort(key=lambda r: (r[0], r[1]))
    coords: list[list[str]] = []
    with (sv / "skolenheter_koordinater_delvis.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["wgs84_lat"]:  # ten units recorded without a position (SWEREF 0, 0 or empty)
                continue
            coords.append(
                [row["schoolUnitCode"], row["wgs84_lat"], row["wgs84_lon"]]
                + [row[k].replace(",", ".") for k in ("sweref99_n", "sweref99_e")]  # one has a decimal comma
            )
    coords.sort()
    return {
        "skolverket/elever_per_skolenhet_2025.csv.gz": gz(
            write_csv(units, ["skolenhetskod", "skola", "kommunkod", "huvudmanstyp", "huvudman", *grade_cols, "ak1_9"])
        ),
        "skolverket/elever_per_arskurs_kommun.csv.gz": gz(
            write_csv(per_kommun, ["lasar", "kommunkod", "huvudmanstyp", *grade_cols, "ak1_9"])
        ),
        "skolverket/kostnader_per_kommun.csv": write_csv(
            costs,
            [
                "ar",
                "kommunkod",
                "elever",
                "totalt_tkr",
                "undervisning_tkr",
                "totalt_per_elev",
                "undervisning_per_elev",
                "lokaler_per_elev",
                "maltider_per_elev",
                "larverktyg_per_elev",
                "elevhalsa_per_elev",
                "ovrigt_per_elev",
            ],
        ),
        "skolverket/skolenheter_koordinater.csv.gz": gz(
            write_csv(coords, ["skolenhetskod", "lat", "lon", "sweref99_n", "sweref99_e"])
        ),
    }


def preschool_file(public: Path) -> dict[str, bytes]:
    out: list[list[str]] = []
    with (public / "forskolor" / "forskolor.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            post = r["Postnummer"].removesuffix(".0")
            out.append(
                [
                    r["skolverkets_id"],
                    r["Namn"].strip(),
                    r["Huvudman"],
                    r["Kommunkod"].zfill(4),
                    r["Adress"].strip(),
                    post,
                    r["Antal barn"],
                    r["Antal barngrupper"],
                    r["Antal heltidstjänster"],
                    r["Latitud"],
                    r["Longitud"],
                ]
            )
    out.sort(key=lambda r: (r[3], r[0]))
    header = ["skolverkets_id", "namn", "huvudmanstyp", "kommunkod", "adress", "postnummer"]
    header += ["barn", "barngrupper", "heltidstjanster", "lat", "lon"]
    return {"forskolor/forskolor.csv.gz": gz(write_csv(out, header))}


def scb_files(public: Path) -> dict[str, bytes]:
    raw = (public / "scb" / "deso2018_alder5_2022.csv").read_bytes()
    key: list[list[str]] = []
    with (public / "scb" / "kopplingstabell-deso-regso-20210702.csv").open(encoding="utf-8-sig") as fh:
        for r in csv.reader(fh, delimiter=";"):
            if len(r) >= 4 and r[0].isdigit():
                key.append([r[2], r[3], r[0].zfill(4), r[1]])
    key.sort()
    return {
        "scb/deso_punkter.csv": write_csv(deso_points(public), ["deso", "lat", "lon", "metod"]),
        "scb/deso2018_alder5_2022.csv.gz": gz(raw),
        "scb/deso2018_regso.csv.gz": gz(write_csv(key, ["deso", "regso", "kommunkod", "kommunnamn"])),
    }


def deso_points(public: Path) -> list[list[str]]:
    """Where each DeSO's people live, for the DeSO the public files draw (Dalarna, Ydre, Ragunda,
    Dorotea): the population-weighted centre of its inhabited 1 km cells (SCB 2025, `1km`), or
    where it has none the centroid of its polygon's largest ring (`polygon`)."""
    points: dict[str, list[str]] = {}
    with (public / "scb" / "befolkning_1km_2025_dalarna.csv").open(encoding="utf-8-sig") as fh:
        cells: dict[str, list[tuple[float, float, float]]] = {}
        for r in csv.DictReader(fh):
            if float(r["befolkning_2025"]) > 0:
                cells.setdefault(r["desokod"], []).append(
                    (float(r["lat"]), float(r["lon"]), float(r["befolkning_2025"]))
                )
    for deso, mine in cells.items():
        total = sum(n for _, _, n in mine)
        lat = sum(la * n for la, _, n in mine) / total
        lon = sum(lo * n for _, lo, n in mine) / total
        points[deso] = [deso, f"{lat:.5f}", f"{lon:.5f}", "1km"]
    rings: dict[str, list[list[float]]] = {}
    geo = json.loads((public / "scb" / "deso2025_dalarna.geojson").read_text(encoding="utf-8"))
    for feature in geo["features"]:
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        outer = max((poly[0] for poly in polygons), key=len)
        rings[feature["properties"]["desokod"]] = [[la, lo] for lo, la in outer]
    for path in sorted((public / "scb" / "deso2025_per_kommun").glob("*.json")):
        for area in json.loads(path.read_text(encoding="utf-8"))["areas"]:
            rings[area["name"]] = max(area["rings"], key=len)
    for deso, ring in rings.items():
        if deso not in points:
            _, lat, lon = ring_area_centroid(ring)
            points[deso] = [deso, f"{lat:.5f}", f"{lon:.5f}", "polygon"]
    return sorted(points.values())


def extract(public: Path) -> dict[str, bytes]:
    """Every file under data/public except its README, as relative path → bytes."""
    return {**kolada_files(public), **skolverket_files(public), **preschool_file(public), **scb_files(public)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--public", type=Path, default=DEFAULT_PUBLIC)
    parser.add_argument("--out", type=Path, default=REPO / "data" / "public")
    args = parser.parse_args(argv)
    for rel, data in extract(args.public).items():
        path = args.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"{rel}: {len(data):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
