"""The map on Jämför ("Geografi och resor") and the travel distances beside it."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "map.area": ("Område", "Area"),
    "map.school_open": ("Skola (öppen)", "School (open)"),
    "map.school_closed": ("Skola (stängd)", "School (closed)"),
    "map.school_receiving": ("Skola (tar emot elever)", "School (receiving pupils)"),
    "map.school_full": ("Skola (tar emot, men räcker inte)", "School (receiving, but too small)"),
    "map.flow": ("Elever från området till skolan", "Pupils from the area to the school"),
    "map.note": (
        "Kartan ritas utan bakgrundskarta och fungerar utan internet. Pilarnas bredd visar antalet elever; "
        "håll pekaren över ett område, en skola eller en pil för siffrorna.",
        "The map is drawn without background tiles and works offline. An arrow's width shows its number of pupils; "
        "hover over an area, a school or an arrow for the numbers.",
    ),
    "map.pick": ("Karta för", "Map for"),
    "map.title": ("Vart eleverna går {year}: {name}", "Where pupils go in {year}: {name}"),
    "map.flow_moved": ("Elever som byter skola", "Pupils who change school"),
    "map.base": ("om alla skolor behålls", "if all schools are kept"),
    "map.bands.title": ("Hur långt eleverna reser {year}", "How far pupils travel {year}"),
    "map.bands.distance": ("Avstånd till skolan", "Distance to school"),
    "map.bands.over": ("Över skolskjutsgränsen", "Beyond the transport threshold"),
    "map.bands.help": (
        "Elever efter vägavstånd från hemområdet till skolan. Över skolskjutsgränsen: elever som har längre till "
        "skolan än gränsen för sin årskurs och därmed rätt till skolskjuts; inom parentes skillnaden mot att "
        "behålla alla skolor.",
        "Pupils by road distance from their home area to their school. Beyond the transport threshold: pupils "
        "further from school than the threshold of their grade, and so entitled to school transport; in brackets "
        "the difference against keeping all schools.",
    ),
    "map.shapes.cells": (
        "Områdenas gränser är härledda ur deras mittpunkter (varje plats hör till närmaste område), inte "
        "kommunens egna gränser; lägg till areas.geojson i data för de riktiga.",
        "The areas' borders are derived from their centre points (each place belongs to the nearest area), not the "
        "municipality's own borders; add areas.geojson to the data for the real ones.",
    ),
    "map.shapes.given": (
        "Områdenas gränser från kommunens data (areas.geojson).",
        "The areas' borders from the municipality's data (areas.geojson).",
    ),
}
