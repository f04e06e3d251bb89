"""Jämför's map (AppTest): one map with the names, the alternative chosen above it, the distance bands beside it."""

from __future__ import annotations

import re

from pages_support import figures, html_table, open_page
from streamlit.testing.v1 import AppTest

COMPARE = "pages/jamfor.py"


def open_map(**query: str) -> AppTest:
    at = open_page(COMPARE, **query)
    at.segmented_control(key="w.section").set_value("geography").run()
    at.radio(key="w.geo_chart").set_value("map").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def drawn_names(spec: dict) -> set[str]:
    return {
        text.removeprefix("<b>").removesuffix("</b>") for tr in spec["data"] for text in tr.get("text") or [] if text
    }


def test_one_map_with_names_for_the_chosen_alternative_and_the_bands_beside_it(app_store) -> None:
    at = open_map()
    [spec] = figures(at).values()
    assert spec["layout"]["title"]["text"] == "Vart eleverna går 2035: Slå samman<br>Åsby och Norrby (2027)"
    names = drawn_names(spec)
    assert {"Vålbergaskolan", "Norrby skola", "Åsby skola", "Fäbodarna", "Rörsjön"} <= names
    assert "Centrum" not in names  # the town's crowded areas are thinned: their names are in the hover
    hovers = " ".join(h for tr in spec["data"] for h in tr.get("hovertext") or [])
    assert "<b>Centrum</b><br>136 elever · 0,4 km" in hovers.replace("\xa0", " ")
    kinds = {tr["name"]: len(tr["x"]) for tr in spec["data"] if tr.get("name", "").startswith("Skola")}
    assert kinds == {"Skola (öppen)": 6, "Skola (tar emot elever)": 1, "Skola (stängd)": 1}
    # The arrows of each colour one filled shape: few traces, whatever the number of flows (the slider's budget).
    arrows = {tr["name"]: tr for tr in spec["data"] if tr.get("fill") == "toself" and tr.get("name")}
    assert set(arrows) == {"Elever från området till skolan", "Elever som byter skola"}
    assert len(spec["data"]) == 8  # shapes, 2 × arrows, the arrows' hovers, areas, 3 kinds of school
    assert spec["layout"]["annotations"][0]["y"] == 1.0  # the source line under the title
    # The key is HTML above the bands, not plotly's legend (≈ 15 ms of each slider move): what this map draws.
    assert spec["layout"]["showlegend"] is False
    [block] = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="vv-legend"')]
    assert re.findall(r'<span class="vv-key">.*?</span>([^<]*)</span>', block) == [
        "Elever från området till skolan",
        "Elever som byter skola",
        "Skola (stängd)",
        "Skola (öppen)",
        "Skola (tar emot elever)",
    ]
    # The bands of every compared alternative; Swedish numbers; the threshold with its difference.
    bands = block
    header, *rows = html_table(bands)
    assert header == [
        "Avstånd till skolan",
        "Behåll alla skolor",
        "Slå samman Åsby och Norrby (2027)",
        "Slå samman Lövnäs och Norrby (2027)",
    ]
    assert [row[0] for row in rows] == ["0–2 km", "2–5 km", "5–10 km", "10–20 km", "20+ km", "Över skolskjutsgränsen"]
    assert rows[0][1:] == ["560", "548", "533"]
    assert rows[-1][1:] == ["198", "210 (+12)", "225 (+27)"]
    assert "Hur långt eleverna reser 2035" in bands
    assert "inom parentes skillnaden mot att behålla alla skolor" in bands  # the note shown, not in a tooltip
    assert "härledda ur deras mittpunkter" in bands
    # One element beside the map, not a table, a heading and a caption: each costs the slider time.
    assert not at.table and not any("Pilarnas bredd" in c.value for c in at.caption)


def test_the_other_alternative_and_another_year_redraw_the_one_map(app_store) -> None:
    at = open_map()
    at.radio(key="w.map_alt").set_value("merge-b-c").run()
    [spec] = figures(at).values()
    assert "Lövnäs" in spec["layout"]["title"]["text"]
    closed = [tr for tr in spec["data"] if tr.get("name") == "Skola (stängd)"]
    assert "Lövnäs skola" in closed[0]["hovertext"][0]
    at.select_slider(key="w.map_year").set_value(2025).run()
    [spec] = figures(at).values()
    assert spec["layout"]["title"]["text"].startswith("Vart eleverna går 2025:")
    [block] = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="vv-legend"')]
    assert "Skola (stängd)" not in block and "Skola (öppen)" in block  # the key follows the year
    # The map's own fragment records its year in the link; the last year is the default, left out.
    assert at.query_params["year"] == "2025"
    again = open_page(COMPARE, **{k: at.query_params[k] for k in at.query_params})  # the link reopens it
    assert figures(again)["g.map"]["layout"]["title"]["text"].startswith("Vart eleverna går 2025:")
    again.select_slider(key="w.map_year").set_value(2035).run()
    assert "year" not in again.query_params
    assert not [tr for tr in spec["data"] if tr.get("name") == "Skola (stängd)"]  # not yet closed in 2025


def test_ragundas_own_borders(app_store) -> None:
    at = open_map(data="ragunda")
    [spec] = figures(at).values()
    shapes = spec["data"][0]
    assert shapes["fill"] == "toself" and len(shapes["x"]) == 40 + 65 + 86 + 20 + 4  # four rings, each ended by None
    assert {"Ragunda sydöstra (Bispgården)", "Anders-Olofskolan"} <= drawn_names(spec)
    assert any("(areas.geojson)" in h.proto.body for h in at.get("html"))


def test_the_bands_block_escapes_names_from_the_data() -> None:
    import pandas as pd

    from engine.measures.map import TravelBands
    from ui import geo, i18n

    hostile = '<img src=x onerror="alert(1)"> & Co'
    bands = TravelBands(
        year=2030,
        bands=("0–2",),
        pupils=pd.DataFrame({"keep-all": [1234.0], "x": [-5.0]}, index=["0–2"]),
        over_threshold=pd.Series({"keep-all": 10.0, "x": 7.0}),
        over_diff=pd.Series({"keep-all": 0.0, "x": -3.0}),
    )
    i18n.use_language("sv")
    body = geo.bands_html(bands, {"keep-all": "Behåll", "x": hostile}, title="<b>Titel</b>", notes=("a < b",))
    assert "<img" not in body and "<b>" not in body
    assert '&lt;img src=x onerror="alert(1)"&gt; &amp; Co' in body  # text, not a tag: quotes are harmless there
    assert "&lt;b&gt;Titel&lt;/b&gt;" in body and "a &lt; b" in body
    # Read as the browser shows it: the name as written; Swedish numbers with a true minus.
    header, row, over = html_table(body)
    assert header[2] == hostile
    assert row == ["0–2 km", "1\xa0234", "−5"]
    assert over == ["Över skolskjutsgränsen", "10", "7 (−3)"]


def test_the_key_escapes_its_words_and_colour() -> None:
    from types import SimpleNamespace

    import pandas as pd

    from ui import geo

    m = SimpleNamespace(
        flows=pd.DataFrame({"moved": [True]}),
        schools=pd.DataFrame({"kind": ["receiving"]}),
    )
    labels = {"flow": "f", "flow_moved": "<i>flyttar</i>", "school_receiving": "A & B"}
    body = geo.legend_html(m, colour='red"><script>', labels=labels)  # type: ignore[arg-type]
    assert "<script>" not in body and "<i>" not in body
    assert "&lt;i&gt;flyttar&lt;/i&gt;" in body and "A &amp; B" in body
    assert ">f<" not in body  # no grey arrows when every flow is a moved one
