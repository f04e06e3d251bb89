"""Write the replayed API answers tests/test_fetch.py serves with respx (tests/fixtures/live/).

Ragunda (2303) in the shapes the agencies publish, filled only with public figures:

* SCB PxWebApi v2 ``TAB6574`` metadata and data (json-stat2): the DeSO 2025 five-year bands by
  sex from SCB as kept in ../shared/data/public/scb/deso2025_per_kommun/2303.json; one cell
  is given as suppressed (null, status ``..``) to prove it is never read as 0;
* SCB PxWebApi v2 ``TAB638`` metadata and data (json-stat2): Ragunda's persons by single year
  0–100+ by sex, CONSTRUCTED, not recorded (this machine has no internet): each sex's five-year
  totals of the DeSO file split over their ages along estimates.spread_bands with every odd age
  made 40 % larger than its neighbours, so a split that follows it can be told from the smooth
  estimate; women 100+ given as suppressed (null, status ``..``);
* SCB geodata WFS ``stat:DeSO_2025`` (GeoJSON): the same file's polygons, as [lon, lat];
* Skolverket Skolenhetsregistret v2 (list and details) and Planned Educations v4 (details):
  the three school units of data/public, Hansåker's position as ``geoCoordinates``,
  Kullstaskolan's only as SWEREF 99 TM (so pyproj converts it), Anders-Olofskolan without;
* Kolada v3: every value of data/public/kolada for 2303, in two pages joined by ``next_url``,
  and one null value.

The ``recorded_*`` files are real Planned Educations v4 answers, copied unchanged from
mandrean/skolverket-ak9-karta@f48c6cea:.cache/http/ (the recordings behind
skolenheter_koordinater_delvis.csv). Run: python tools/make_live_fixtures.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the engine, when run as a script
from engine.sources import public
from engine.sources.estimates import BANDS, MAX_AGE, round_to_total, spread_bands

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "public"
OUT = REPO / "tests" / "fixtures" / "live"
CODE = "2303"
AGES = [f"{a}-{a + 4}" for a in range(0, 80, 5)] + ["80+"]
SUPPRESSED = ("2303A0010", 16, "2")  # DeSO, band, sex: shown as suppressed in the data answer
SUPPRESSED_SINGLE = (MAX_AGE, "2")  # age, sex: suppressed in the TAB638 answer
ODD_WEIGHT = 1.4  # the constructed TAB638's odd ages against the even ones


def _dump(name: str, doc: object) -> None:
    (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def scb() -> None:
    doc = json.loads((SHARED / "scb" / "deso2025_per_kommun" / f"{CODE}.json").read_text(encoding="utf-8"))
    areas = sorted(doc["areas"], key=lambda a: a["name"])
    regions = [a["code"] for a in areas]
    age_codes = [*AGES, "tot"]
    age_labels = {c: (f"{c} år" if c != "tot" else "totalt") for c in age_codes}

    def dims(region_codes: list[str], ages: list[str]) -> dict:
        return {
            "Region": {
                "label": "region",
                "category": {
                    "index": {c: i for i, c in enumerate(region_codes)},
                    "label": {c: c for c in region_codes},
                },
            },
            "Alder": {
                "label": "ålder",
                "category": {"index": {c: i for i, c in enumerate(ages)}, "label": {c: age_labels[c] for c in ages}},
            },
            "Kon": {"label": "kön", "category": {"index": {"1": 0, "2": 1}, "label": {"1": "män", "2": "kvinnor"}}},
            "ContentsCode": {
                "label": "tabellinnehåll",
                "category": {"index": {"000007Y5": 0}, "label": {"000007Y5": "Folkmängd"}},
            },
            "Tid": {"label": "år", "category": {"index": {"2025": 0}, "label": {"2025": "2025"}}},
        }

    all_regions = [CODE, f"{CODE}R001_RegSO2025", *regions]
    _dump(
        "scb_tab6574_metadata.json",
        {
            "version": "2.0",
            "class": "dataset",
            "label": "Folkmängd efter region, ålder, kön, tabellinnehåll och år",
            "source": "SCB",
            "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
            "size": [len(all_regions), len(age_codes), 2, 1, 1],
            "dimension": dims(all_regions, age_codes),
            "role": {"time": ["Tid"]},
        },
    )
    values: list[float | None] = []
    status: dict[str, str] = {}
    for a in areas:
        for b in range(17):
            for sex, key in (("1", "m"), ("2", "f")):
                if (a["name"], b, sex) == SUPPRESSED:
                    status[str(len(values))] = ".."
                    values.append(None)
                else:
                    values.append(float(a["dist"]["age"][key][b]))
    _dump(
        "scb_tab6574_data.json",
        {
            "version": "2.0",
            "class": "dataset",
            "label": "Folkmängd efter region, ålder, kön, tabellinnehåll och år",
            "source": "SCB",
            "updated": "2026-02-20T08:00:00Z",
            "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
            "size": [len(regions), 17, 2, 1, 1],
            "dimension": dims(regions, AGES),
            "value": values,
            "status": status,
        },
    )
    features = [
        {
            "type": "Feature",
            "id": f"DeSO_2025.{a['name']}",
            "geometry": {"type": "Polygon", "coordinates": [[[lo, la] for la, lo in ring] for ring in a["rings"]]},
            "properties": {
                "desokod": a["name"],
                "regsokod": a["regso"].split("_")[0],
                "kommunkod": CODE,
                "version": "2025_v2",
                "befolkning_2024": a["pop"],
            },
        }
        for a in areas
    ]
    _dump("wfs_deso_2025.json", {"type": "FeatureCollection", "features": features, "numberReturned": len(features)})


def tab638() -> None:
    """TAB638 for Ragunda: constructed numbers (see the module's docstring) in SCB's shape."""
    doc = json.loads((SHARED / "scb" / "deso2025_per_kommun" / f"{CODE}.json").read_text(encoding="utf-8"))
    ages = [str(a) for a in range(MAX_AGE)] + [f"{MAX_AGE}+", "tot"]
    age_labels = {c: "totalt ålder" if c == "tot" else f"{c} år" for c in ages}
    regions = ["00", "23", CODE]
    contents = {"BE0101N1": "Folkmängd", "BE0101N2": "Folkökning"}

    def dims(region_codes: list[str], age_codes: list[str], content: list[str], years: list[str]) -> dict:
        return {
            "Region": {
                "label": "region",
                "category": {
                    "index": {c: i for i, c in enumerate(region_codes)},
                    "label": {"00": "Riket", "23": "Jämtlands län", CODE: "Ragunda"},
                },
            },
            "Alder": {
                "label": "ålder",
                "category": {
                    "index": {c: i for i, c in enumerate(age_codes)},
                    "label": {c: age_labels[c] for c in age_codes},
                },
            },
            "Kon": {"label": "kön", "category": {"index": {"1": 0, "2": 1}, "label": {"1": "män", "2": "kvinnor"}}},
            "ContentsCode": {
                "label": "tabellinnehåll",
                "category": {
                    "index": {c: i for i, c in enumerate(content)},
                    "label": {c: contents[c] for c in content},
                },
            },
            "Tid": {
                "label": "år",
                "category": {"index": {y: i for i, y in enumerate(years)}, "label": {y: y for y in years}},
            },
        }

    label = "Folkmängden per region, ålder och kön. År 1968 - 2025"
    _dump(
        "scb_tab638_metadata.json",
        {
            "version": "2.0",
            "class": "dataset",
            "label": label,
            "source": "SCB",
            "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
            "size": [len(regions), len(ages), 2, len(contents), 3],
            "dimension": dims(regions, ages, list(contents), ["2023", "2024", "2025"]),
            "role": {"time": ["Tid"]},
        },
    )
    single: dict[str, list[int]] = {}
    for sex, key in (("1", "m"), ("2", "f")):
        totals = [sum(a["dist"]["age"][key][b] for a in doc["areas"]) for b in range(17)]
        smooth = spread_bands([float(t) for t in totals])
        shaped = smooth * [ODD_WEIGHT if a % 2 else 1.0 for a in range(MAX_AGE + 1)]
        single[sex] = [
            int(v) for b, (lo, hi) in enumerate(BANDS) for v in round_to_total(shaped[lo : hi + 1], int(totals[b]))
        ]
    values: list[float | None] = []
    status: dict[str, str] = {}
    for age in range(MAX_AGE + 1):
        for sex in ("1", "2"):
            if (age, sex) == SUPPRESSED_SINGLE:
                status[str(len(values))] = ".."
                values.append(None)
            else:
                values.append(float(single[sex][age]))
    _dump(
        "scb_tab638_data.json",
        {
            "version": "2.0",
            "class": "dataset",
            "label": label,
            "source": "SCB",
            "updated": "2026-02-20T08:00:00Z",
            "note": ["KONSTRUERADE tal i SCB:s form, inte inspelade (se README.md)"],
            "id": ["Region", "Alder", "Kon", "ContentsCode", "Tid"],
            "size": [1, MAX_AGE + 1, 2, 1, 1],
            "dimension": dims([CODE], ages[:-1], ["BE0101N1"], ["2025"]),
            "value": values,
            "status": status,
        },
    )


def skolverket() -> None:
    units = public.school_units(CODE)
    positions = public.school_positions()
    _dump(
        "registry_list.json",
        {
            "meta": {"extractDate": "2026-12-01T00:00:00"},
            "data": {
                "type": "schoolunit",
                "attributes": [{"schoolUnitCode": u.code, "name": u.name, "status": "AKTIV"} for u in units],
            },
        },
    )
    for u in units:
        address: dict[str, object] = {"type": "BESOKSADRESS"}
        if u.name == "Hansåkerskolan":
            p = positions[u.code]
            address["geoCoordinates"] = {"latitude": str(p.lat), "longitude": str(p.lon)}
        _dump(
            f"registry_{u.code}.json",
            {
                "data": {
                    "type": "schoolunit",
                    "schoolUnitCode": u.code,
                    "attributes": {
                        "schoolUnitCode": u.code,
                        "displayName": u.name,
                        "status": "AKTIV",
                        "municipalityCode": CODE,
                        "principalOrganizerType": "Kommun",
                        "schoolTypes": ["FKLASS", "GR"],
                        "addresses": [address],
                    },
                }
            },
        )
        grades = [str(g) for g, n in zip(public.GRADES, u.pupils, strict=True) if n]
        body: dict[str, object] = {
            "code": u.code,
            "name": u.name,
            "geographicalAreaCode": CODE,
            "wgs84_Lat": None,
            "wgs84_Long": None,
            "sweRef_N": None,
            "sweRef_E": None,
            "principalOrganizerType": "Kommunal",
            "typeOfSchooling": [
                *([{"code": "fsk", "displayName": "Förskoleklassen", "schoolYears": ["0"]}] if "1" in grades else []),
                {"code": "gr", "displayName": "Grundskolan", "schoolYears": grades},
            ],
        }
        if u.name == "Kullstaskolan":
            p = positions[u.code]
            body.update(sweRef_N=f"{p.north:.0f}", sweRef_E=f"{p.east:.0f}")
        _dump(f"planned_{u.code}.json", {"status": "OK", "message": "Success", "body": body})


def kolada() -> None:
    kpis = list(public.kpi_titles())
    entries = [
        {
            "kpi": kpi,
            "municipality": CODE,
            "period": year,
            "values": [{"gender": "T", "count": 1, "status": "", "value": value}],
        }
        for kpi in kpis
        for year, value in sorted(public.kolada(kpi, CODE).items())
    ]
    # One value Kolada lists without a figure: N23009 for 1998 (absent from the dump).
    entries.append(
        {
            "kpi": "N23009",
            "municipality": CODE,
            "period": 1998,
            "values": [{"gender": "T", "count": 0, "status": "Missing", "value": None}],
        }
    )
    half = len(entries) // 2
    _dump(
        "kolada_page1.json",
        {"count": half, "values": entries[:half], "next_url": "https://api.kolada.se/v3/data/page2"},
    )
    _dump("kolada_page2.json", {"count": len(entries) - half, "values": entries[half:], "next_url": None})


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    scb()
    tab638()
    skolverket()
    kolada()
    print(f"wrote {OUT}")
