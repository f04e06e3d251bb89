"""Jämför's map (AppTest): one map with the names, the alternative chosen above it, the distance bands beside it."""

from __future__ import annotations

from pages_support import figures, open_page
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
    assert spec["layout"]["legend"]["y"] < 0 and spec["layout"]["annotations"][0]["y"] == 1.0  # under the map
    # The bands of every compared alternative; Swedish numbers; the threshold with its difference.
    [table] = at.table
    frame = table.value
    assert list(frame.columns) == [
        "Behåll alla skolor",
        "Slå samman Åsby och Norrby (2027)",
        "Slå samman Lövnäs och Norrby (2027)",
    ]
    assert list(frame.index) == ["0–2 km", "2–5 km", "5–10 km", "10–20 km", "20+ km", "Över skolskjutsgränsen"]
    assert frame.loc["0–2 km"].tolist() == ["560", "548", "533"]
    assert frame.loc["Över skolskjutsgränsen"].tolist() == ["198", "210 (+12)", "225 (+27)"]
    assert any("härledda ur deras mittpunkter" in c.value for c in at.caption)


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
    assert any("(areas.geojson)" in c.value for c in at.caption)
