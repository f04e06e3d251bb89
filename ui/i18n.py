"""The one label table: every user-facing text, Swedish first, then English.

``t("key", name=...)`` returns the text in the session's language, formatted with
the keyword arguments. Parameter and scenario texts come from the engine's
documented tree (engine.parameters) so they are written once.
"""

from __future__ import annotations

import streamlit as st

LABELS: dict[str, tuple[str, str]] = {
    # --- app frame and navigation ---
    "app.title": ("Vägval", "Vägval"),
    "app.tagline": (
        "Beslutsstöd för framtidssäkring när behoven minskar",
        "Decision support for future-proofing when needs shrink",
    ),
    "nav.overview": ("Översikt", "Overview"),
    "nav.scenarios": ("Scenarier", "Scenarios"),
    "nav.capacity": ("Kapacitet", "Capacity"),
    "nav.compare": ("Jämför alternativ", "Compare alternatives"),
    "nav.build": ("Bygg alternativ", "Build an alternative"),
    "nav.about": ("Om modellen", "About the model"),
    "nav.section.method": ("Metoden steg för steg", "The method step by step"),
    "side.scenario": ("Scenario", "Scenario"),
    "side.scenario.help": (
        "Ett antaget framtida befolkningsläge — inte en prognos. Byt för att se om slutsatsen håller.",
        "An assumed demographic future — not a forecast. Switch to see whether the conclusion holds.",
    ),
    "side.years": ("År framåt", "Years ahead"),
    "side.language": ("Språk", "Language"),
    "side.present": ("Presentationsläge", "Presentation mode"),
    "side.present.help": (
        "Stor text, inget i sidopanelen, nyckeltalen stora — för projektor och fullmäktige.",
        "Large text, no sidebar clutter, key numbers big — for projector and council meetings.",
    ),
    "side.share": ("Dela länk", "Share link"),
    "side.share.help": (
        "Länken öppnar exakt denna vy: scenario, alternativ och alla reglage.",
        "The link opens exactly this view: scenario, alternatives and every slider.",
    ),
    "side.share.copy": ("Kopiera länken nedan:", "Copy the link below:"),
    "side.dataset": ("Kommun", "Municipality"),
    "state.ignored": (
        "Några värden i länken kunde inte användas och har ignorerats: {keys}",
        "Some values in the link could not be used and were ignored: {keys}",
    ),
    "state.changes": ("Ändrat från standard", "Changed from defaults"),
    "state.no_changes": ("Inga ändringar från standard.", "No changes from defaults."),
    "state.undo": ("Ångra senaste ändringen", "Undo last change"),
    "state.reset": ("Återställ", "Reset"),
    "state.reset_all": ("Återställ alla reglage", "Reset all sliders"),
    "source.line": (
        "Källa: Vägval-modellen, {dataset}, scenario {scenario}. Utskrivet {date}.",
        "Source: Vägval model, {dataset}, scenario {scenario}. Printed {date}.",
    ),
    "how": ("Hur räknas detta?", "How is this calculated?"),
    "error.data": (
        "Datan kunde inte läsas. Rätta följande och ladda om sidan:",
        "The data could not be read. Fix the following and reload the page:",
    ),
    "error.value": ("Värdet kunde inte användas: {message}", "The value could not be used: {message}"),
    "download.csv": ("Ladda ner tabellen (CSV)", "Download the table (CSV)"),
    "download.xlsx": ("Ladda ner tabellen (Excel)", "Download the table (Excel)"),
    "download.png": (
        "Bilden laddas ner som PNG med kameraikonen uppe till höger i diagrammet.",
        "Download the chart as PNG with the camera icon at its top right.",
    ),
    # --- units and measures ---
    "unit.kr": ("kr", "SEK"),
    "unit.mnkr": ("mnkr", "MSEK"),
    "unit.pupils": ("elever", "pupils"),
    "unit.km": ("km", "km"),
    "unit.persons": ("invånare", "inhabitants"),
    "measure.year": ("År", "Year"),
    "measure.population": ("Invånare", "Inhabitants"),
    "measure.pupils": ("Elever", "Pupils"),
    "measure.schools_open": ("Öppna skolor", "Open schools"),
    "measure.cost_sek": ("Kostnad för grundskolan per år", "Annual compulsory school cost"),
    "measure.cost_per_pupil_sek": ("Kostnad per elev", "Cost per pupil"),
    "measure.mean_class_size": ("Genomsnittlig klasstorlek", "Mean class size"),
    "measure.combined_grade_share": (
        "Andel elever i åldersblandade klasser",
        "Share of pupils in combined-grade classes",
    ),
    "measure.mean_distance_km": ("Genomsnittligt avstånd till skolan", "Mean distance to school"),
    "measure.max_distance_km": ("Längsta avstånd till skolan", "Longest distance to school"),
    "measure.pupils_over_threshold": ("Elever med rätt till skolskjuts", "Pupils entitled to school transport"),
    "measure.pupils_changing_school": ("Elever som byter skola", "Pupils who change school"),
    "measure.overcrowded_pupils": ("Elever över kapacitet", "Pupils over capacity"),
    "measure.one_off_cost_sek": ("Engångskostnad", "One-off cost"),
    "measure.teachers_fte": ("Lärare (heltidstjänster)", "Teachers (FTE)"),
    "measure.fragile_teams": ("Skolor med sårbart lärarlag", "Schools with a fragile teacher team"),
    "measure.utilisation": ("Nyttjandegrad", "Utilisation"),
    "measure.capacity": ("Kapacitet (platser)", "Capacity (places)"),
    "measure.classes": ("Klasser", "Classes"),
    "measure.diff_vs_keep": ("Skillnad mot att behålla alla", "Difference against keeping all"),
    "measure.unit": ("Skola", "School"),
    "measure.open": ("Öppen", "Open"),
    "measure.alternative": ("Alternativ", "Alternative"),
    "measure.scenario": ("Scenario", "Scenario"),
    # --- explanations of measures (Hur räknas detta?) ---
    "explain.cost_sek": (
        "Summan av alla skolors kostnader ett år: lokaler + fasta kostnader (ledning, administration) "
        "+ lärare (heltidstjänster × {teacher_cost}) + {per_pupil} per elev (måltider, läromedel, elevhälsa) "
        "+ skolskjuts ({transport} per elev som har rätt till skjuts). En stängd skolas lokaler kostar "
        "{closed_share} av lokalkostnaden i {closed_years} år. Engångskostnader redovisas för sig.",
        "The sum of all schools' costs in a year: premises + fixed costs (management, administration) "
        "+ teachers (FTE × {teacher_cost}) + {per_pupil} per pupil (meals, materials, pupil health) "
        "+ school transport ({transport} per entitled pupil). A closed school's premises cost "
        "{closed_share} of their premises cost for {closed_years} years. One-off costs are shown apart.",
    ),
    "explain.cost_per_pupil_sek": (
        "Kommunens kostnad för grundskolan delat med antalet elever samma år. Små skolor med få elever per "
        "klass ger högre kostnad per elev, eftersom lokaler, ledning och lärare inte minskar i takt med eleverna.",
        "The municipality's compulsory school cost divided by the pupils that year. Small schools with few "
        "pupils per class cost more per pupil, since premises, management and teachers do not shrink with pupils.",
    ),
    "explain.classes": (
        "Årskurserna läggs ihop nerifrån: en klass tar nästa årskurs så länge den har högst {max_class} elever "
        "och högst {max_grades} årskurser. En årskurs med fler än {max_class} elever delas i flera klasser. "
        "Elever i klasser med flera årskurser räknas som elever i åldersblandade klasser. "
        "Lärare = det största av klasser × {per_class} och elever / {per_teacher}.",
        "Grades are combined from the lowest: a class takes the next grade while it has at most {max_class} "
        "pupils and at most {max_grades} grades. A grade with more than {max_class} pupils is split. Pupils in "
        "classes spanning several grades are in combined-grade classes. Teachers = the larger of classes × "
        "{per_class} and pupils / {per_teacher}.",
    ),
    "explain.travel": (
        "Eleverna bor i sitt områdes mittpunkt och går i närmaste öppna skola som har deras årskurs och plats. "
        "Avstånd = fågelvägen × {detour} (eller vägavstånd om kommunen har lämnat sådana). Rätt till skolskjuts "
        "över {f3} km i F–3, {m46} km i åk 4–6 och {m79} km i åk 7–9. Elever som byter skola räknas mot att "
        "behålla alla skolor samma år.",
        "Pupils live at their area's centre and attend the nearest open school with their grade and room. "
        "Distance = straight line × {detour} (or road distances where the municipality gave them). School "
        "transport beyond {f3} km in F–3, {m46} km in grades 4–6 and {m79} km in grades 7–9. Pupils who change "
        "school are counted against keeping all schools in the same year.",
    ),
    # --- compare page ---
    "compare.title": ("Jämför alternativ", "Compare alternatives"),
    "compare.intro": (
        'Välj vilka handlingsalternativ du vill jämföra. "Behåll alla skolor" visas alltid i grått: '
        "det är vad som händer om vi inte agerar.",
        'Choose the alternatives to compare. "Keep all schools" is always shown in grey: it is what '
        "happens if we do not act.",
    ),
    "compare.pick": ("Alternativ att jämföra (upp till tre)", "Alternatives to compare (up to three)"),
    "compare.section": ("Visa", "Show"),
    "kpi.cost_per_pupil": ("Kostnad per elev {year}", "Cost per pupil {year}"),
    "kpi.since": ("{change} sedan {year}", "{change} since {year}"),
    "kpi.cost": ("Kostnad {year}", "Cost {year}"),
    "kpi.total_diff": ("Mot att behålla alla {first}–{last}", "Against keeping all {first}–{last}"),
    "kpi.total_diff.help": (
        "Summan av alla årens kostnader inklusive engångskostnader, minus samma summa om alla skolor behålls. "
        "Negativt = besparing.",
        "The sum of every year's costs including one-off costs, minus the same sum if all schools are kept. "
        "Negative = saving.",
    ),
    "kpi.class_size": ("Klasstorlek {year}", "Class size {year}"),
    "kpi.distance": ("Medelavstånd {year}", "Mean distance {year}"),
    "unit.points": ("{value} %-enheter", "{value} points"),
    "chart.accumulated": (
        "Ackumulerad skillnad mot att behålla alla, från {first}",
        "Accumulated difference against keeping all, from {first}",
    ),
    "chart.distance_bands": ("Elever efter avstånd till skolan {year}", "Pupils by distance to school {year}"),
    "measure.measure": ("Nyckeltal", "Measure"),
    "compare.section.cost": ("Kostnad", "Cost"),
    "compare.section.quality": ("Kvalitet", "Quality"),
    "compare.section.geography": ("Geografi och resor", "Geography and travel"),
    "compare.section.robust": ("Håller alternativet i alla scenarier?", "Does the alternative hold in every scenario?"),
    "compare.robust.intro": (
        "Total kostnad {first}–{last} jämfört med att behålla alla, i varje scenario. Negativa tal är besparingar.",
        "Total cost {first}–{last} against keeping all, in each scenario. Negative numbers are savings.",
    ),
    "compare.params": ("Antaganden du kan pröva", "Assumptions you can test"),
    "compare.params.help": (
        "Det här är politiska val och antaganden om kostnader. Scenariot (befolkningen) ändras på sidan Scenarier.",
        "These are political choices and cost assumptions. The scenario (population) is changed on the Scenarios page.",
    ),
    "compare.map": ("Karta: skolor och vart eleverna går {year}", "Map: schools and where pupils go in {year}"),
    "compare.map.year": ("Visa kartan för år", "Show the map for year"),
    "compare.table": ("Alla nyckeltal {year}", "All key figures {year}"),
    "compare.none": (
        "Välj minst ett alternativ ovan för att jämföra med att behålla alla skolor.",
        "Choose at least one alternative above to compare with keeping all schools.",
    ),
    "compare.summary": (
        "{name}: {saving_word} {amount} per år {year} jämfört med att behålla alla, "
        "klasserna blir i snitt {class_size} elever ({class_delta}) och {combined} av eleverna går i åldersblandade "
        "klasser ({combined_delta}). Eleverna reser i snitt {distance} ({distance_delta}); {transport} har rätt till "
        "skolskjuts och {moved} elever går i en annan skola än annars.",
        "{name}: {saving_word} {amount} a year in {year} against keeping all; classes average {class_size} pupils "
        "({class_delta}) and {combined} of pupils are in combined-grade classes ({combined_delta}). Pupils travel "
        "{distance} on average ({distance_delta}); {transport} are entitled to school transport and {moved} pupils "
        "attend a different school than otherwise.",
    ),
    "word.saves": ("sparar", "saves"),
    "word.costs_more": ("kostar", "costs an extra"),
    "map.area": ("Område", "Area"),
    "map.school_open": ("Skola (öppen)", "School (open)"),
    "map.school_closed": ("Skola (stängd)", "School (closed)"),
    "map.school_receiving": ("Skola (tar emot elever)", "School (receiving pupils)"),
    "map.flow": ("Elever från området till skolan", "Pupils from the area to the school"),
    "map.note": (
        "Kartan ritas utan bakgrundskarta och fungerar utan internet. Linjernas tjocklek visar antalet elever.",
        "The map is drawn without background tiles and works offline. Line width shows the number of pupils.",
    ),
    # --- parameter groups ---
    "group.classes": ("Klasser", "Classes"),
    "group.teachers": ("Lärare", "Teachers"),
    "group.costs": ("Kostnader", "Costs"),
    "group.transport": ("Skolskjuts och avstånd", "School transport and distance"),
    "group.premises": ("Lokaler och omställning", "Premises and transition"),
    "param.default": ("standard {value}", "default {value}"),
}


def lang() -> str:
    view = st.session_state.get("view")
    return getattr(view, "lang", "sv")


def t(key: str, **values: object) -> str:
    """The label in the session's language; raises KeyError for a missing key."""
    sv, en = LABELS[key]
    text = en if lang() == "en" else sv
    return text.format(**values) if values else text


def parameter_label(meta: dict) -> str:
    """A parameter's description in the session's language (from the engine's tree)."""
    return meta["description_en"] if lang() == "en" else meta["description_sv"]
