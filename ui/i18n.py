"""The one label table: every user-facing text, Swedish first, then English.

``t("key", name=...)`` returns the text in the session's language, formatted with
the keyword arguments. Parameter and scenario texts come from the engine's
documented tree (engine.core.parameters) so they are written once.
"""

from __future__ import annotations

import threading

import streamlit as st

LABELS: dict[str, tuple[str, str]] = {
    # --- app frame and navigation ---
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
    "state.ignored": (
        "Några värden i länken kunde inte användas och har ignorerats: {keys}",
        "Some values in the link could not be used and were ignored: {keys}",
    ),
    "state.changes": ("Ändrat från standard", "Changed from defaults"),
    "state.no_changes": ("Inga ändringar från standard.", "No changes from defaults."),
    "state.undo": ("Ångra senaste ändringen", "Undo last change"),
    "state.nothing_to_undo": ("Det finns inget att ångra.", "There is nothing to undo."),
    "state.reset": ("Återställ", "Reset"),
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
    # --- units and measures ---
    "unit.pupils": ("elever", "pupils"),
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
    "compare.section.robust": ("I alla scenarier", "In every scenario"),
    "compare.chart": ("Diagram", "Chart"),
    "compare.chart.map": ("Karta: vart eleverna går", "Map: where pupils go"),
    "compare.chart.bands": ("Hur långt eleverna reser", "How far pupils travel"),
    "compare.robust.intro": (
        "Total kostnad {first}–{last} jämfört med att behålla alla, i varje scenario. Negativa tal är besparingar.",
        "Total cost {first}–{last} against keeping all, in each scenario. Negative numbers are savings.",
    ),
    "compare.params": ("Antaganden du kan pröva", "Assumptions you can test"),
    "compare.params.group": ("Vilka antaganden", "Which assumptions"),
    "compare.params.help": (
        "Det här är politiska val och antaganden om kostnader. Scenariot (befolkningen) ändras på sidan Scenarier.",
        "These are political choices and cost assumptions. The scenario (population) is changed on the Scenarios page.",
    ),
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
    "group.forskola": ("Förskola", "Preschool"),
    "group.aldreboende": ("Äldreomsorg", "Elderly care"),
    "group.fritid_kultur": ("Fritid och kultur", "Leisure and culture"),
    "group.economy": ("Ekonomi", "Economy"),
    "group.investments": ("Investeringar", "Investments"),
    "param.default": ("standard {value}", "default {value}"),
    # --- build and about pages ---
    "service.grundskola": ("grundskola", "compulsory school"),
    "service.forskola": ("förskola", "preschool"),
    "service.aldreboende": ("särskilt boende (äldreboende)", "residential elderly care"),
    "service.fritid_kultur": ("fritids- och kulturlokal", "leisure and culture facility"),
    "action.close": ("Stäng", "Close"),
    "action.merge": ("Slå samman med", "Merge into"),
    "action.set_capacity": ("Ändra kapacitet", "Change capacity"),
    "action.reopen": ("Öppna igen", "Reopen"),
    "action.build": ("Bygg ny enhet", "Build a new unit"),
    "action.text.close": (
        "**{year}**: {unit} stängs och eleverna går till närmaste öppna skola.",
        "**{year}**: {unit} closes and its pupils go to the nearest open school.",
    ),
    "action.text.merge": (
        "**{year}**: {unit} slås samman med {to} — eleverna flyttar dit.",
        "**{year}**: {unit} is merged into {to} — its pupils move there.",
    ),
    "action.text.set_capacity": (
        "**{year}**: {unit} får {capacity} platser.",
        "**{year}**: {unit} gets {capacity} places.",
    ),
    "action.text.reopen": ("**{year}**: {unit} öppnar igen.", "**{year}**: {unit} reopens."),
    "action.text.build": ("**{year}**: en ny enhet, {unit}, öppnar.", "**{year}**: a new unit, {unit}, opens."),
    "action.noun.close": ("stängning av", "closing"),
    "action.noun.merge": ("sammanslagning av", "merging"),
    "action.noun.set_capacity": ("ny kapacitet för", "new capacity for"),
    "action.noun.reopen": ("återöppning av", "reopening"),
    "action.noun.build": ("ny enhet", "new unit"),
    "build.problem.where": ("År {year}, {what} {unit}: ", "Year {year}, {what} {unit}: "),
    "kpi.moved": ("Elever som byter skola {year}", "Pupils who change school {year}"),
    "kpi.moved.help": (
        "Elever som {year} går i en annan skola än de skulle ha gjort om alla skolor behålls.",
        "Pupils who in {year} attend a different school than they would if all schools were kept.",
    ),
    "build.title": ("Bygg ett alternativ", "Build an alternative"),
    "build.intro": (
        "Sätt ihop ett eget handlingsalternativ av åtgärder — stänga, slå samman, ändra kapacitet, öppna igen — "
        "och se direkt vad det betyder jämfört med att behålla alla skolor. Spara det så finns det på alla sidor.",
        "Put together an alternative of your own from actions — close, merge, change capacity, reopen — and see at "
        "once what it means against keeping all schools. Save it and it appears on every page.",
    ),
    "build.from": ("Utgå från", "Start from"),
    "build.from.help": (
        "Börja med ett tomt alternativ, eller kopiera namn, beskrivning och åtgärder från ett befintligt.",
        "Start with an empty alternative, or copy the name, description and actions of an existing one.",
    ),
    "build.from.empty": ("Ett tomt alternativ (inga åtgärder)", "An empty alternative (no actions)"),
    "build.from.saved": ("{name} (sparat här)", "{name} (saved here)"),
    "build.copy_of": ("{name} — ändrat", "{name} — changed"),
    "build.name": ("Namn", "Name"),
    "build.name.help": (
        "Ett kort namn som säger vad som händer och när, t.ex. ”Slå samman Åsby och Norrby (2027)”.",
        "A short name saying what happens and when, e.g. “Merge Åsby and Norrby (2027)”.",
    ),
    "build.description": ("Beskrivning", "Description"),
    "build.description.help": (
        "Skriv på vanlig svenska vad alternativet säkrar (kvalitet, likvärdighet, ekonomi) och vad det kostar "
        "(resor, närhet till skolan).",
        "Say in plain words what the alternative secures (quality, equivalent service, finances) and what it costs "
        "(travel, a school close to home).",
    ),
    "build.description.placeholder": (
        "Vad säkrar alternativet, och vad kostar det? T.ex. ”Norrby får större årskurser och ett starkare lärarlag; "
        "ett trettiotal barn får skolskjuts.”",
        "What does the alternative secure, and what does it cost? E.g. “Norrby gets larger grades and a stronger "
        "teacher team; some thirty children get school transport.”",
    ),
    "build.actions": ("Åtgärder", "Actions"),
    "build.actions.none": (
        "Inga åtgärder ännu — lägg till den första nedan. Utan åtgärder är alternativet detsamma som att behålla alla.",
        "No actions yet — add the first one below. Without actions the alternative is the same as keeping all.",
    ),
    "build.remove": ("Ta bort", "Remove"),
    "build.remove.help": ("Ta bort den här åtgärden", "Remove this action"),
    "build.add": ("Lägg till en åtgärd", "Add an action"),
    "build.add.action": ("Vad ska hända?", "What should happen?"),
    "build.add.unit": ("Vilken enhet?", "Which unit?"),
    "build.add.year": ("Från år", "From year"),
    "build.add.to": ("Eleverna flyttar till", "Pupils move to"),
    "build.add.capacity": ("Ny kapacitet (platser)", "New capacity (places)"),
    "build.add.capacity.help": ("I dag: {capacity} platser.", "Today: {capacity} places."),
    "build.add.button": ("Lägg till åtgärden", "Add the action"),
    "build.add.not_school": (
        "Siffrorna på den här sidan gäller grundskolan. En åtgärd för en annan verksamhet sparas med alternativet "
        "och räknas i den verksamhetens siffror, inte här.",
        "The figures on this page are for the compulsory schools. An action on another service is saved with the "
        "alternative and counted in that service's figures, not here.",
    ),
    "build.untitled": ("Nytt alternativ", "New alternative"),
    "build.effect": ("Vad händer med alternativet?", "What does the alternative do?"),
    "build.effect.caption": (
        "Jämfört med att behålla alla skolor, scenario {scenario}. Siffrorna räknas om direkt när du ändrar "
        "åtgärderna; byt scenario i sidopanelen.",
        "Against keeping all schools, scenario {scenario}. The figures update as soon as you change the actions; "
        "switch scenario in the sidebar.",
    ),
    "build.effect.caption.present": (
        "Jämfört med att behålla alla skolor, scenario {scenario}.",
        "Against keeping all schools, scenario {scenario}.",
    ),
    "build.effect.empty": (
        "Lägg till en åtgärd så visas här vad alternativet sparar och vad det betyder för eleverna.",
        "Add an action and this shows what the alternative saves and what it means for pupils.",
    ),
    "build.invalid": (
        "Alternativet går inte att räkna på som det ser ut nu. Rätta följande:",
        "The alternative cannot be calculated as it stands. Fix the following:",
    ),
    "build.problem.action": ("Åtgärd {n}: {message}", "Action {n}: {message}"),
    "build.fix_first": (
        "Rätta åtgärderna till vänster så visas effekten här.",
        "Fix the actions on the left and the effect shows here.",
    ),
    "build.save.title": ("Spara", "Save"),
    "build.save": ("Spara alternativet", "Save the alternative"),
    "build.save.new": (
        "Sparas som ett nytt alternativ. Det visas sedan på alla sidor, för alla, även efter en omstart.",
        "Saved as a new alternative. It then appears on every page, for everyone, even after a restart.",
    ),
    "build.save.replace": ("Ersätter det sparade alternativet ”{name}”.", "Replaces the saved alternative “{name}”."),
    "build.save.keep_old": (
        "Sparas som ett nytt alternativ; ”{name}” finns kvar. Behåll namnet om du vill ersätta det.",
        "Saved as a new alternative; “{name}” stays. Keep the name if you want to replace it.",
    ),
    "build.save.needs_name": (
        "Ge alternativet ett namn för att kunna spara det.",
        "Give the alternative a name to save it.",
    ),
    "build.save.needs_action": (
        "Lägg till minst en åtgärd: utan åtgärder är alternativet detsamma som att behålla alla.",
        "Add at least one action: without actions the alternative is the same as keeping all.",
    ),
    "build.save.name_taken": (
        "Det finns redan ett alternativ som heter ”{name}”. Välj ett annat namn så att alternativen går att skilja åt.",
        "There is already an alternative called “{name}”. Choose another name so the alternatives can be told apart.",
    ),
    "build.saved": (
        "Sparat: ”{name}”. Det finns nu bland alternativen på sidan Jämför alternativ.",
        "Saved: “{name}”. It is now among the alternatives on the Compare alternatives page.",
    ),
    "build.go_compare": ("Jämför alternativen", "Compare the alternatives"),
    "build.delete": ("Ta bort det sparade alternativet", "Delete the saved alternative"),
    "build.delete.confirm": (
        "Vill du ta bort ”{name}”? Det försvinner från alla sidor, för alla användare.",
        "Delete “{name}”? It disappears from every page, for every user.",
    ),
    "build.delete.yes": ("Ja, ta bort", "Yes, delete"),
    "build.deleted": ("”{name}” är borttaget.", "“{name}” has been deleted."),
    "build.from_dataset": (
        "”{name}” kommer från kommunens data (alternatives.toml). Det du sparar blir ett nytt alternativ; originalet "
        "finns kvar.",
        "“{name}” comes from the municipality's data (alternatives.toml). What you save becomes a new alternative; "
        "the original stays.",
    ),
    "build.toml": ("Som text för alternatives.toml", "As text for alternatives.toml"),
    "build.toml.help": (
        "För analytikern: klistra in texten sist i datasetets alternatives.toml så blir alternativet en del av "
        "kommunens data.",
        "For the analyst: paste the text at the end of the dataset's alternatives.toml and the alternative becomes "
        "part of the municipality's data.",
    ),
    "build.toml.download": ("Ladda ner som TOML", "Download as TOML"),
    "build.toml.comment": ("Byggt i Vägval {date} för {dataset}.", "Built in Vägval on {date} for {dataset}."),
    "about.title": ("Om modellen", "About the model"),
    "about.intro": (
        "Så räknar Vägval. Allt på sidan kommer direkt ur modellen och gäller det du tittar på just nu: {dataset}, "
        "scenario {scenario}. Inget är ett magiskt tal — varje värde har en källa och kan ändras.",
        "How Vägval calculates. Everything on this page comes straight from the model and applies to what you are "
        "looking at now: {dataset}, scenario {scenario}. Nothing is a magic number — every value has a source and "
        "can be changed.",
    ),
    "about.toc": ("På den här sidan", "On this page"),
    "about.params": ("Antaganden (parametrar)", "Assumptions (parameters)"),
    "about.params.intro": (
        "Varje antagande som modellen gör, med värdet som gäller nu, standardvärdet, vad det betyder och var det "
        "kommer ifrån. Kommunen kan ändra standardvärden i sin data (municipality.toml); politiska val och "
        "kostnadsantaganden prövas med reglagen på sidan Jämför alternativ.",
        "Every assumption the model makes, with the value in force now, the default, what it means and where it comes "
        "from. The municipality can change defaults in its data (municipality.toml); political choices and cost "
        "assumptions are tested with the sliders on the Compare alternatives page.",
    ),
    "about.params.changed": (
        "Värden som skiljer sig från standard just nu: {n}. De är markerade med ✎ nedan.",
        "Values that differ from the defaults now: {n}. They are marked ✎ below.",
    ),
    "about.params.none_changed": ("Alla värden är modellens standardvärden.", "All values are the model's defaults."),
    "about.col.parameter": ("Parameter", "Parameter"),
    "about.col.value": ("Värde nu", "Value now"),
    "about.col.default": ("Standard", "Default"),
    "about.col.meaning": ("Vad det betyder", "What it means"),
    "about.col.source": ("Källa", "Source"),
    "about.origin.view": ("ändrat med reglage", "changed with a slider"),
    "about.origin.dataset": ("ändrat i kommunens data", "changed in the municipality's data"),
    "about.source.lang": (
        "Enheter och källor anges på svenska, som i modellen.",
        "Units and sources are given in Swedish, as documented in the model.",
    ),
    "about.how": ("Hur räknas det?", "How is it calculated?"),
    "about.how.intro": (
        "Varje siffra i Vägval kommer ur några få regler. Här är de i ord och som formel, med de värden som gäller nu.",
        "Every figure in Vägval comes from a few rules. Here they are in words and as a formula, with the values in "
        "force now.",
    ),
    "about.pupils.title": ("Hur många elever?", "How many pupils?"),
    "about.pupils.text": (
        "Befolkningen räknas fram år för år (se *Befolkningen framåt* nedan). Barn som är 6–15 år blir elever: "
        "årskurs = ålder − 6, där förskoleklass (F) är årskurs 0. Alla barn går inte i kommunens skolor — några går i "
        "friskola eller i en annan kommun — så antalet barn multipliceras med den andel som går i kommunens skolor i "
        "dag, årskurs för årskurs ({participation}).",
        "The population is projected year by year (see *The population ahead* below). Children aged 6–15 become "
        "pupils: grade = age − 6, with the preschool class (F) as grade 0. Not every child attends the "
        "municipality's schools — some go to independent schools or another municipality — so the number of "
        "children is multiplied by today's share attending them, grade by grade ({participation}).",
    ),
    "about.pupils.enrollment": (
        "andelen kommer från elevantalen i enrollment.csv",
        "the share comes from the pupil numbers in enrollment.csv",
    ),
    "about.pupils.no_enrollment": (
        "kommunen har inte lämnat elevantal, så alla barn antas gå i kommunens skolor",
        "the municipality gave no pupil numbers, so every child is assumed to attend its schools",
    ),
    "about.pupils.formula": (
        "elever i årskurs *g* = barn som är *g* + 6 år × andelen i kommunens skolor i årskurs *g*",
        "pupils in grade *g* = children aged *g* + 6 × the share in the municipality's schools in grade *g*",
    ),
    "about.assignment.title": ("Vilken skola går eleverna i?", "Which school do pupils attend?"),
    "about.assignment.text": (
        "Alla som bor i ett planeringsområde antas bo i områdets mittpunkt. Varje elev går i den närmaste öppna skola "
        "som har elevens årskurs och plats kvar; är den full går eleven till den näst närmaste, och så vidare. "
        "Modellen fördelar alla elever på en gång så att den sammanlagda resvägen blir så kort som möjligt (ett "
        "transportproblem, löst med HiGHS). Vid en sammanslagning går den stängda skolans elever till den skola den "
        "slogs samman med. Räcker platserna inte till räknas eleverna som *elever över kapacitet* — ingen elev "
        "försvinner ur räkningen. Avståndet är fågelvägen × omvägsfaktorn {detour}, eller vägavståndet där kommunen "
        "har lämnat sådana.",
        "Everyone living in a planning area is assumed to live at the area's centre. Each pupil attends the nearest "
        "open school that has the pupil's grade and room left; if it is full the pupil goes to the next nearest, and "
        "so on. The model assigns all pupils at once so that the total travel is as short as possible (a "
        "transportation problem, solved with HiGHS). In a merger the closed school's pupils go to the school it was "
        "merged into. If there are not enough places the pupils count as *pupils over capacity* — no pupil drops "
        "out of the count. Distance is the straight line × the detour factor {detour}, or the road distance where "
        "the municipality gave one.",
    ),
    "about.assignment.formula": (
        "skola = närmaste öppna skola med elevens årskurs och lediga platser · avstånd = fågelvägen × {detour}",
        "school = the nearest open school with the pupil's grade and free places · distance = straight line × {detour}",
    ),
    "about.classes.title": ("Hur bildas klasserna?", "How are classes formed?"),
    "about.classes.text": (
        "Inom varje skola läggs årskurserna ihop nerifrån (F, 1, 2 …). En klass tar med nästa årskurs så länge den "
        "har högst {max_class} elever och högst {max_grades} årskurser. En årskurs med fler än {max_class} elever "
        "delas i flera klasser av sin egen. Årskurser utan elever bildar ingen klass. Elever i en klass med flera "
        "årskurser räknas som elever i *åldersblandade klasser*.",
        "Within each school the grades are combined from the lowest (F, 1, 2 …). A class takes in the next grade as "
        "long as it has at most {max_class} pupils and at most {max_grades} grades. A grade with more than "
        "{max_class} pupils is split into classes of its own. Grades without pupils form no class. Pupils in a class "
        "spanning several grades count as pupils in *combined-grade classes*.",
    ),
    "about.classes.formula": (
        "klasser i en årskurs med *n* > {max_class} elever = *n* ÷ {max_class}, avrundat uppåt",
        "classes in a grade with *n* > {max_class} pupils = *n* ÷ {max_class}, rounded up",
    ),
    "about.classes.example": (
        "Exempel med högst 25 elever och 3 årskurser per klass: 8 elever i F, 9 i åk 1, inga i åk 2, 12 i åk 3 och "
        "30 i åk 4 ger F+1 (17 elever, åldersblandad), åk 3 för sig (17 + 12 > 25) och åk 4 i två klasser — "
        "4 klasser, varav 17 elever i åldersblandade klasser.",
        "Example with at most 25 pupils and 3 grades per class: 8 pupils in F, 9 in grade 1, none in grade 2, 12 in "
        "grade 3 and 30 in grade 4 give F+1 (17 pupils, combined), grade 3 on its own (17 + 12 > 25) and grade 4 in "
        "two classes — 4 classes, with 17 pupils in combined-grade classes.",
    ),
    "about.teachers.title": ("Hur många lärare behövs?", "How many teachers are needed?"),
    "about.teachers.text": (
        "Varje klass behöver lärare — klasslärare plus en del av ämnes- och speciallärare — men en skola behöver "
        "också minst så många lärare som lärartätheten kräver. Det största av de två talen gäller.",
        "Every class needs teachers — a class teacher plus a share of subject and special teachers — but a school "
        "also needs at least as many teachers as the pupil–teacher ratio requires. The larger of the two applies.",
    ),
    "about.teachers.formula": (
        "lärare (heltidstjänster) = det största av klasser × {per_class} och elever ÷ {per_teacher}",
        "teachers (FTE) = the larger of classes × {per_class} and pupils ÷ {per_teacher}",
    ),
    "about.cost.title": ("Vad kostar skolorna per år?", "What do the schools cost a year?"),
    "about.cost.text": (
        "En öppen skolas kostnad ett år är summan av lokalerna, de fasta kostnaderna (ledning, administration), "
        "lärarna, det som följer varje elev (måltider, läromedel, elevhälsa) och skolskjutsen för skolans elever. "
        "En öppen skola utan elever kostar ändå lokaler och fasta kostnader. Kommunens kostnad är summan över alla "
        "skolor. Allt räknas i kronor i basårets priser.",
        "An open school's cost in a year is the sum of its premises, fixed costs (management, administration), "
        "teachers, what follows each pupil (meals, materials, pupil health) and school transport for its pupils. An "
        "open school without pupils still costs premises and fixed costs. The municipality's cost is the sum over all "
        "schools. Everything is in SEK at base-year prices.",
    ),
    "about.cost.formula": (
        "kostnad = lokalkostnad + fasta kostnader + lärare × {teacher_cost} + elever × {per_pupil} + elever med "
        "skolskjuts × {transport}",
        "cost = premises + fixed costs + teachers × {teacher_cost} + pupils × {per_pupil} + pupils with school "
        "transport × {transport}",
    ),
    "about.transport.title": ("Vem har rätt till skolskjuts?", "Who is entitled to school transport?"),
    "about.transport.text": (
        "En elev vars väg till skolan är längre än gränsen för elevens årskurs har rätt till skolskjuts. Gränserna "
        "bestämmer varje kommun själv; skollagen anger ingen nationell gräns.",
        "A pupil whose way to school is longer than the limit for the pupil's grade is entitled to school transport. "
        "Each municipality sets its own limits; the Education Act sets no national one.",
    ),
    "about.transport.formula": (
        "skolskjuts om avståndet är över {f3} km i F–3, över {m46} km i åk 4–6 och över {m79} km i åk 7–9 · "
        "kostnad {transport} per elev och år",
        "school transport if the distance is over {f3} km in F–3, over {m46} km in grades 4–6 and over {m79} km in "
        "grades 7–9 · cost {transport} per pupil and year",
    ),
    "about.premises.title": ("Vad kostar en skola som stängs?", "What does a school that closes cost?"),
    "about.premises.text": (
        "När en skola stängs eller slås samman försvinner inte kostnaden direkt: hyresavtal och drift löper vidare "
        "tills lokalen sålts, hyrts ut eller fått ny användning (tomställda lokaler). Själva omställningen — flytt och "
        "anpassning av den mottagande skolan — ger dessutom en engångskostnad samma år, om inte åtgärden anger en "
        "egen. Engångskostnader visas för sig och ingår i totalen för hela perioden.",
        "When a school closes or is merged the cost does not disappear at once: leases and running costs continue "
        "until the premises are sold, let or put to new use (vacated premises). The transition itself — moving and "
        "adapting the receiving school — also gives a one-off cost that year, unless the action states its own. "
        "One-off costs are shown apart and included in the total for the whole period.",
    ),
    "about.premises.formula": (
        "stängd skola: {closed_share} av lokalkostnaden i {closed_years} år, sedan 0 · engångskostnad {one_off} per "
        "stängd skola",
        "closed school: {closed_share} of the premises cost for {closed_years} years, then 0 · one-off cost "
        "{one_off} per closed school",
    ),
    "about.cost_per_pupil.title": ("Kostnad per elev", "Cost per pupil"),
    "about.cost_per_pupil.text": (
        "Kommunens kostnad för grundskolan ett år delat med antalet elever samma år; för en skola är det skolans "
        "kostnad (med skolskjuts för dess elever) delat med skolans elever. Små skolor med få elever per klass får "
        "högre kostnad per elev, eftersom lokaler, ledning och lärare inte minskar i takt med eleverna.",
        "The municipality's compulsory school cost in a year divided by the pupils that year; for one school it is "
        "the school's cost (with transport for its pupils) divided by its pupils. Small schools with few pupils per "
        "class cost more per pupil, since premises, management and teachers do not shrink with the pupils.",
    ),
    "about.cost_per_pupil.formula": ("kostnad per elev = kostnad ÷ elever", "cost per pupil = cost ÷ pupils"),
    "about.moved.title": ("Elever som byter skola", "Pupils who change school"),
    "about.moved.text": (
        "Varje år räknas hur många elever som går i en annan skola än de skulle ha gjort om alla skolor behålls — "
        "samma år, samma scenario. Det är alltså inte antalet flyttar det året, utan hur många elever alternativet "
        "berör just då.",
        "Each year counts how many pupils attend a different school than they would if all schools were kept — same "
        "year, same scenario. So it is not the number of moves that year but how many pupils the alternative "
        "affects then.",
    ),
    "about.moved.formula": (
        "elever som byter skola = alla elever − de elever från samma område och årskurs som går i samma skola som om "
        "alla behålls",
        "pupils who change school = all pupils − the pupils of the same area and grade who attend the same school as "
        "if all were kept",
    ),
    "about.quality.title": ("Kvalitet", "Quality"),
    "about.quality.text": (
        "Kvalitet visas alltid som flera mått, aldrig som ett enda tal: *klasstorlek* = elever ÷ klasser; *andel "
        "elever i åldersblandade klasser*; *sårbart lärarlag* = en skola med färre än {min_team} lärare "
        "(heltidstjänster), där det är svårt att täcka alla ämnen och ordna vikarier; *nyttjandegrad* = elever ÷ "
        "platser (över 100 % betyder trångboddhet); och medel- och längsta avstånd till skolan.",
        "Quality is always shown as several measures, never one number: *class size* = pupils ÷ classes; *share of "
        "pupils in combined-grade classes*; *fragile teacher team* = a school with fewer than {min_team} teachers "
        "(FTE), where covering every subject and finding substitutes is hard; *utilisation* = pupils ÷ places (over "
        "100 % means overcrowding); and the mean and longest distance to school.",
    ),
    "about.demography.title": ("Befolkningen framåt", "The population ahead"),
    "about.demography.text": (
        "Befolkningen räknas fram för varje planeringsområde och varje ålder (0–100 år), ett år i taget. "
        "**Åldrande och dödsfall:** alla blir ett år äldre, och en andel dör enligt dödsrisken för sin ålder "
        "(demography.csv), ändrad med scenariots antagande. **Födslar:** hälften av varje åldersgrupp antas vara "
        "kvinnor; andelen av en kvinnas barn som föds vid varje ålder gånger antalet barn per kvinna ger födslarna. "
        "**Flyttningar:** nettoflyttningen fördelas på områdena efter deras storlek och på åldrarna efter en "
        "åldersprofil (unga vuxna flyttar mest). Inget antal kan bli negativt. Värdena nedan gäller scenariot "
        "{scenario}.",
        "The population is projected for each planning area and each age (0–100), one year at a time. **Ageing and "
        "deaths:** everyone gets a year older, and a share dies according to the death risk for their age "
        "(demography.csv), changed by the scenario's assumption. **Births:** half of each age group is assumed to be "
        "women; the share of a woman's children born at each age times the children per woman gives the births. "
        "**Migration:** net migration is spread over the areas by their size and over ages by an age profile (young "
        "adults move most). No number can become negative. The values below are for the scenario {scenario}.",
    ),
    "about.demography.formula.deaths": (
        "personer som är *x* + 1 år nästa år = personer som är *x* år × (1 − dödsrisk(*x*) × {mortality})",
        "persons aged *x* + 1 next year = persons aged *x* × (1 − death risk(*x*) × {mortality})",
    ),
    "about.demography.formula.births": (
        "födda = summan över åldrar av ½ × personer × andel av barnen som föds vid den åldern × {tfr} barn per kvinna",
        "births = the sum over ages of ½ × persons × share of children born at that age × {tfr} children per woman",
    ),
    "about.demography.formula.migration": (
        "nettoflyttning = {migration} per 1 000 invånare och år, fördelad efter områdets storlek och åldersprofilen",
        "net migration = {migration} per 1,000 inhabitants a year, spread by the area's size and the age profile",
    ),
    "about.scenarios": ("Scenarier", "Scenarios"),
    "about.scenarios.intro": (
        "Ett scenario är ett antagande om hur befolkningen utvecklas — inte en prognos. Pröva alltid ett alternativ "
        "i flera scenarier: håller slutsatsen även om minskningen går fortare, eller vänder?",
        "A scenario is an assumption about how the population develops — not a forecast. Always test an alternative "
        "in several scenarios: does the conclusion hold if the decline is faster, or turns?",
    ),
    "about.col.scenario": ("Scenario", "Scenario"),
    "about.col.tfr": ("Barn per kvinna", "Children per woman"),
    "about.col.migration": ("Nettoflyttning per 1 000 invånare och år", "Net migration per 1,000 inhabitants a year"),
    "about.col.mortality": ("Ändrad dödsrisk", "Change in death risk"),
    "about.col.assumption": ("Vad scenariot antar", "What the scenario assumes"),
    "about.scenarios.current": ("visas nu", "shown now"),
    "about.scenarios.changed": ("ändrat på sidan Scenarier", "changed on the Scenarios page"),
    "about.data": ("Datakällor", "Data sources"),
    "about.data.summary": (
        "**{name}** (kommunkod {code}), basår {base_year}: {areas} planeringsområden och {units} enheter — {services}.",
        "**{name}** (municipality code {code}), base year {base_year}: {areas} planning areas and {units} units — "
        "{services}.",
    ),
    "about.data.enrollment.yes": (
        "Elevantal per skola och årskurs i basåret: enrollment.csv.",
        "Pupils per school and grade in the base year: enrollment.csv.",
    ),
    "about.data.enrollment.no": (
        "Inga elevantal per skola (enrollment.csv saknas): alla barn antas gå i kommunens skolor.",
        "No pupil numbers per school (no enrollment.csv): every child is assumed to attend the municipality's schools.",
    ),
    "about.data.distances.yes": (
        "Avstånd: vägavstånd från distances.csv ({pairs} par av område och enhet), annars fågelvägen × {detour}.",
        "Distances: road distances from distances.csv ({pairs} area–unit pairs), otherwise straight line × {detour}.",
    ),
    "about.data.distances.no": (
        "Avstånd: fågelvägen × omvägsfaktorn {detour} (kommunen har inte lämnat vägavstånd i distances.csv).",
        "Distances: straight line × the detour factor {detour} (the municipality gave no road distances in "
        "distances.csv).",
    ),
    "about.data.format": (
        "Varje fil, kolumn och regel i kommunens data beskrivs i dokumentationen av datasetet (docs/dataset.md, på "
        "engelska). En egen datamapp kontrolleras med `python -m engine validate mappen`.",
        "Every file, column and rule of the municipality's data is described in the dataset documentation "
        "(docs/dataset.md). Check a data folder of your own with `python -m engine validate folder`.",
    ),
    "about.data.docs": (
        "Dokumentation av datasetets format (docs/dataset.md)",
        "Dataset format documentation (docs/dataset.md)",
    ),
    "about.data.readme": ("Om kommunens data och dess källor", "About the municipality's data and its sources"),
    # --- overview, scenarios, capacity pages ---
    "word.keep_all": ("Behåll alla (om vi inte agerar)", "Keep all (if we do not act)"),
    "word.rises": ("ökar", "rises"),
    "word.falls": ("minskar", "falls"),
    "word.yes": ("Ja", "Yes"),
    "word.no": ("Nej", "No"),
    "ov.title": ("Vad händer om vi inte agerar?", "What happens if we do not act?"),
    "ov.intro": (
        "Så utvecklas befolkningen och skolan i scenariot **{scenario}** om vi behåller alla skolor som i dag. "
        "Det är utgångsläget som varje handlingsalternativ jämförs med.",
        "How the population and the schools develop in the scenario **{scenario}** if we keep every school as it "
        "is today. This is the starting point every alternative is compared with.",
    ),
    "ov.kpi.pupils": ("Elever {year}", "Pupils {year}"),
    "ov.kpi.old": ("Invånare 80 år och äldre {year}", "Inhabitants aged 80+ {year}"),
    "ov.kpi.combined": ("Elever i åldersblandade klasser {year}", "Pupils in combined-grade classes {year}"),
    "ov.summary.pupils": (
        "**Om vi behåller alla skolor {verb} antalet elever från {p0} till {p1} ({change}) mellan {first} och "
        "{last}.**",
        "**If we keep all schools, the number of pupils {verb} from {p0} to {p1} ({change}) between {first} and "
        "{last}.**",
    ),
    "ov.summary.cost": (
        "Kostnaden per elev {verb} från {c0} till {c1} ({change}).",
        "The cost per pupil {verb} from {c0} to {c1} ({change}).",
    ),
    "ov.summary.cost_reason": (
        "Det beror på att lokaler, ledning och lärare inte minskar i samma takt som eleverna.",
        "That is because premises, management and teachers do not shrink as fast as the number of pupils.",
    ),
    "ov.summary.quality": (
        "Andelen elever i åldersblandade klasser går från {m0} till {m1}, och {f1} av {schools} skolor har ett "
        "sårbart lärarlag {last} ({f0} år {first}).",
        "The share of pupils in combined-grade classes goes from {m0} to {m1}, and {f1} of {schools} schools have a "
        "fragile teacher team in {last} ({f0} in {first}).",
    ),
    "ov.summary.old": (
        "Samtidigt {verb} antalet invånare som är 80 år eller äldre från {o0} till {o1} ({change}).",
        "Meanwhile the number of inhabitants aged 80 or over {verb} from {o0} to {o1} ({change}).",
    ),
    "ov.next": (
        "Det här är utgångsläget, inte ett beslut. **Framtidssäkring** handlar om att välja hur vi möter "
        "förändringen så att kvaliteten säkras. På sidan *Jämför alternativ* ser du vad olika vägval ger för "
        "kostnad, kvalitet och resor; på sidan *Scenarier* kan du pröva andra antaganden om befolkningen.",
        "This is the starting point, not a decision. **Future-proofing** means choosing how we meet the change so "
        "that quality is secured. The *Compare alternatives* page shows what different paths mean for cost, quality "
        "and travel; the *Scenarios* page lets you test other assumptions about the population.",
    ),
    "ov.age.group": ("{group} år", "{group} years"),
    "ov.section.population": ("Befolkningen", "The population"),
    "ov.chart.ages": ("Invånare efter ålder", "Inhabitants by age"),
    "ov.chart.age_change": ("Förändring sedan {first} per åldersgrupp", "Change since {first} by age group"),
    "ov.section.schools": ("Skolan om vi behåller alla skolor", "The schools if we keep them all"),
    "ov.series.capacity": ("Platser i skolorna", "Places in the schools"),
    "ov.chart.pupils": ("Elever och platser i grundskolan", "Pupils and places in compulsory school"),
    "ov.section.quality": ("Kvaliteten", "Quality"),
    "ov.quality.intro": (
        "Färre elever per skola ger fler åldersblandade klasser och mindre lärarlag, även när klasserna blir mindre.",
        "Fewer pupils per school mean more combined-grade classes and smaller teacher teams, even as classes shrink.",
    ),
    "ov.unit.schools": ("skolor", "schools"),
    "ov.table": ("Utvecklingen år för år", "Year by year"),
    "explain.population": (
        "Befolkningen räknas fram år för år, per område och ettårsklass, från {first} till {last}: alla blir ett år "
        "äldre, en del dör enligt dödsrisken för sin ålder (ändrad med {mortality} i scenariot), barn föds ({tfr} "
        "barn per kvinna under livet; kvinnorna antas vara hälften av varje åldersgrupp) och nettoflyttningen är "
        "{migration} personer per 1 000 invånare och år (negativt = fler flyttar ut än in), fördelad på åldrar efter "
        "kommunens flyttmönster. Scenario: {scenario}. Antagandena ändras på sidan Scenarier.",
        "The population is projected year by year, per area and single year of age, from {first} to {last}: everyone "
        "gets a year older, some die according to the death risk of their age (changed by {mortality} in the "
        "scenario), children are born ({tfr} children per woman over her life; women are assumed to be half of each "
        "age group) and net migration is {migration} persons per 1,000 inhabitants a year (negative = more move out "
        "than in), spread over ages by the municipality's migration pattern. Scenario: {scenario}. The assumptions are "
        "changed on the Scenarios page.",
    ),
    "explain.age_change": (
        "Hur mycket varje åldersgrupp har växt eller krympt sedan {first}: antalet ett visst år delat med antalet "
        "{first}, minus 1. +20 % betyder en femtedel fler än {first}, −20 % en femtedel färre.",
        "How much each age group has grown or shrunk since {first}: the number in a year divided by the number in "
        "{first}, minus 1. +20 % means a fifth more than in {first}, −20 % a fifth fewer.",
    ),
    "explain.pupils": (
        "Eleverna är barnen 6–15 år i kommunen enligt befolkningsberäkningen, gånger andelen i varje årskurs som går "
        "i kommunens skolor i dag (elever per årskurs {first} delat med barnen i samma ålder). Platserna är summan av "
        "skolornas kapacitet; avståndet mellan linjerna är tomma platser (se sidan Kapacitet).",
        "Pupils are the municipality's children aged 6–15 from the population projection, times the share of each "
        "grade that attends the municipality's schools today (pupils per grade in {first} divided by the children of "
        "that age). Places are the sum of the schools' capacity; the gap between the lines is empty places (see the "
        "Capacity page).",
    ),
    "explain.fragile": (
        "En skola har ett sårbart lärarlag när den har färre än {min_team} lärare (heltidstjänster). Lärare = det "
        "största av antalet klasser × {per_class} och antalet elever / {per_teacher}. Med få lärare är det svårt att "
        "ha behöriga lärare i alla ämnen och att ersätta den som är sjuk.",
        "A school has a fragile teacher team when it has fewer than {min_team} teachers (FTE). Teachers = the larger "
        "of classes × {per_class} and pupils / {per_teacher}. With few teachers it is hard to have qualified teachers "
        "in every subject and to cover for someone who is ill.",
    ),
    "sc.title": ("Scenarier: möjliga framtider för befolkningen", "Scenarios: possible futures for the population"),
    "sc.info": (
        "**Det här är scenarier att välja mellan, inte prognoser.** Ingen vet hur många barn som föds eller hur "
        "många som flyttar hit eller härifrån. Därför räknar vi på flera möjliga framtider och letar efter beslut som "
        "håller i alla. Ändra antagandena med reglagen och se vad som händer med befolkningen och barnen i skolåldern.",
        "**These are scenarios to choose among, not forecasts.** Nobody knows how many children will be born or how "
        "many people will move in or out. So we calculate several possible futures and look for decisions that hold "
        "in all of them. Change the assumptions with the sliders and see what happens to the population and to "
        "school-age children.",
    ),
    "sc.chosen": ("✓ Visas på övriga sidor (valt i sidopanelen)", "✓ Shown on the other pages (chosen in the sidebar)"),
    "sc.use": ("Visa detta scenario på alla sidor", "Show this scenario on every page"),
    "sc.use.help": (
        "Samma som att välja scenariot i sidopanelen.",
        "The same as choosing the scenario in the sidebar.",
    ),
    "sc.tfr": ("Barnafödande (barn per kvinna)", "Fertility (children per woman)"),
    "sc.tfr.help": (
        "Summerad fruktsamhet: hur många barn en kvinna i genomsnitt föder under livet. Sverige 2024: 1,43. "
        "Scenariots värde: {value}.",
        "Total fertility rate: the average number of children a woman has over her life. Sweden 2024: 1.43. "
        "The scenario's value: {value}.",
    ),
    "sc.tfr.short": ("barnafödande", "fertility"),
    "sc.net_migration_per_1000": (
        "Nettoflyttning per 1 000 invånare och år",
        "Net migration per 1,000 inhabitants a year",
    ),
    "sc.net_migration_per_1000.help": (
        "Inflyttade minus utflyttade varje år, per 1 000 invånare. Negativt = fler flyttar ut än in. Fördelas på "
        "åldrar efter kommunens flyttmönster (mest unga vuxna). Scenariots värde: {value}.",
        "People moving in minus people moving out each year, per 1,000 inhabitants. Negative = more move out than "
        "in. Spread over ages by the municipality's migration pattern (mostly young adults). The scenario's value: "
        "{value}.",
    ),
    "sc.net_migration_per_1000.short": ("nettoflyttning", "net migration"),
    "sc.mortality_change": ("Ändrad dödsrisk (%)", "Change in death risk (%)"),
    "sc.mortality_change.help": (
        "Hur mycket risken att dö ändras i alla åldrar jämfört med i dag. −10 % = något längre liv. "
        "Scenariots värde: {value}.",
        "How much the risk of dying changes at every age compared with today. −10 % = somewhat longer lives. "
        "The scenario's value: {value}.",
    ),
    "sc.mortality_change.short": ("dödsrisk", "death risk"),
    "sc.changed": ("Ändrat:", "Changed:"),
    "sc.changed.short": ("ändrat med reglage", "changed with a slider"),
    "sc.kpi.population": ("Invånare {year}", "Inhabitants {year}"),
    "sc.kpi.children": ("Barn 6–15 år {year}", "Children aged 6–15 {year}"),
    "sc.section.trend": ("Invånare och barn i skolåldern", "Inhabitants and school-age children"),
    "sc.chart.trend": (
        "Invånare (överst) och barn 6–15 år (nederst) i varje scenario",
        "Inhabitants (top) and children aged 6–15 (bottom) in each scenario",
    ),
    "sc.children": ("Barn 6–15 år", "Children 6–15"),
    "explain.scenarios": (
        "Varje scenario räknas fram år för år från {first} till {last}, per område och ettårsklass: alla blir ett år "
        "äldre, en del dör enligt dödsrisken för sin ålder (ändrad enligt scenariot), barn föds enligt "
        "barnafödandet (kvinnorna antas vara hälften av varje åldersgrupp) och nettoflyttningen fördelas på områden "
        "efter hur många som bor där och på åldrar efter kommunens flyttmönster. Barn 6–15 år är åldrarna för "
        "förskoleklass till årskurs 9. Antagandena just nu:",
        "Each scenario is projected year by year from {first} to {last}, per area and single year of age: everyone "
        "gets a year older, some die according to the death risk of their age (changed as the scenario says), "
        "children are born according to fertility (women are assumed to be half of each age group) and net migration "
        "is spread over areas by how many live there and over ages by the municipality's migration pattern. Children "
        "aged 6–15 are the ages of preschool class to grade 9. The assumptions now:",
    ),
    "explain.scenario.values": (
        "**{name}**: {tfr} barn per kvinna, nettoflyttning {migration} per 1 000 invånare och år, dödsrisk {mortality} "
        "mot i dag.",
        "**{name}**: {tfr} children per woman, net migration {migration} per 1,000 inhabitants a year, death risk "
        "{mortality} against today.",
    ),
    "sc.section.areas": ("Var bor barnen {first} och {last}?", "Where do the children live in {first} and {last}?"),
    "sc.col.change": ("förändring (%)", "change (%)"),
    "sc.series.base_year": ("{year} (utgångsår)", "{year} (base year)"),
    "sc.chart.areas": (
        "Barn 6–15 år per område: {first} och {last} i varje scenario",
        "Children aged 6–15 per area: {first} and {last} in each scenario",
    ),
    "sc.areas.truncated": (
        "Diagrammet visar de {n} områden som har flest barn; tabellen nedan har alla {total}.",
        "The chart shows the {n} areas with the most children; the table below has all {total}.",
    ),
    "explain.areas": (
        "Antalet barn {lo}–{hi} år som bor i området enligt befolkningsberäkningen. Nettoflyttningen fördelas på "
        "områdena efter hur många som bor där, så varje område följer kommunens utveckling men med sin egen "
        "åldersstruktur: ett område med många små barn i dag får fler skolbarn om några år. Förändringen är barnen "
        "{last} delat med barnen {first}, minus 1.",
        "The number of children aged {lo}–{hi} living in the area according to the population projection. Net "
        "migration is spread over areas by how many live there, so each area follows the municipality but with its "
        "own age structure: an area with many small children today gets more school children in a few years. The "
        "change is the children in {last} divided by the children in {first}, minus 1.",
    ),
    "cap.title": ("Kapacitet: hur mycket plats har vi – och var?", "Capacity: how much room do we have – and where?"),
    "cap.kpi.empty": ("Tomma platser {year}", "Empty places {year}"),
    "cap.kpi.empty.help": (
        "Platser i öppna skolor som ingen elev behöver: kapacitet minus elever, skola för skola.",
        "Places in open schools that no pupil needs: capacity minus pupils, school by school.",
    ),
    "cap.kpi.utilisation": ("Nyttjandegrad {year}", "Utilisation {year}"),
    "cap.kpi.utilisation.help": (
        "Alla elever delat med alla platser i kommunens öppna skolor.",
        "All pupils divided by all places in the municipality's open schools.",
    ),
    "cap.kpi.lowest": ("Lägst nyttjandegrad {year}", "Lowest utilisation {year}"),
    "cap.kpi.lowest.help": (
        "{name} har {pupils} elever på {capacity} platser. Nyttjandegrad = elever / platser.",
        "{name} has {pupils} pupils in {capacity} places. Utilisation = pupils / places.",
    ),
    "cap.kpi.unused": ("Outnyttjade lokaler {year}", "Unused premises {year}"),
    "cap.per_year": ("{value}/år", "{value}/yr"),
    "cap.kpi.unused.help": (
        "Per år: varje skolas lokalkostnad gånger andelen tomma platser, summerat. Det motsvarar ungefär {area} "
        "lokalyta som eleverna inte behöver.",
        "A year: each school's premises cost times its share of empty places, summed. That is about {area} of floor "
        "area the pupils do not need.",
    ),
    "cap.summary": (
        "**{year} har skolorna {capacity} platser men {pupils} elever: {empty} platser står tomma ({share} av "
        "platserna), mot {empty0} år {first}.** Det motsvarar ungefär {area} lokalyta och {cost} i lokalkostnad per "
        "år. {fragile} av {schools} skolor har ett sårbart lärarlag.",
        "**In {year} the schools have {capacity} places but {pupils} pupils: {empty} places are empty ({share} of "
        "the places), against {empty0} in {first}.** That is about {area} of floor area and {cost} of premises cost "
        "a year. {fragile} of {schools} schools have a fragile teacher team.",
    ),
    "cap.section.trend": ("Hela kommunen år för år", "The whole municipality year by year"),
    "cap.series.empty": ("Tomma platser", "Empty places"),
    "cap.series.capacity": ("Platser (kapacitet)", "Places (capacity)"),
    "cap.chart.trend": ("Elever och tomma platser {first}–{last}", "Pupils and empty places {first}–{last}"),
    "cap.unit.places": ("elever och platser", "pupils and places"),
    "explain.capacity": (
        "Nyttjandegrad = elever / platser. Tomma platser = platser − elever i varje öppen skola (aldrig under noll); "
        "över 100 % är skolan överfull. Eleverna är barnen 6–15 år gånger andelen som går i kommunens skolor, och de "
        "går i närmaste skola som har deras årskurs och plats. Platserna är skolornas kapacitet enligt kommunens data.",
        "Utilisation = pupils / places. Empty places = places − pupils in each open school (never below zero); above "
        "100 % the school is overcrowded. Pupils are the children aged 6–15 times the share attending the "
        "municipality's schools, and they attend the nearest school with their grade and room. Places are the "
        "schools' capacity from the municipality's data.",
    ),
    "cap.section.schools": ("Skola för skola", "School by school"),
    "cap.year": ("Visa år", "Show year"),
    "cap.year.help": ("Dra för att se hur det ser ut ett visst år.", "Drag to see a particular year."),
    "cap.chart.schools": (
        "Elever och platser per skola {year} (procent = nyttjandegrad)",
        "Pupils and places per school {year} (per cent = utilisation)",
    ),
    "cap.schools.legend": (
        "Skolorna är sorterade från lägst till högst nyttjandegrad. {mark} = sårbart lärarlag (färre än {min_team} "
        "lärare).",
        "Schools are sorted from lowest to highest utilisation. {mark} = fragile teacher team (fewer than {min_team} "
        "teachers).",
    ),
    "cap.series.used_floor": ("Yta som eleverna använder", "Floor area in use"),
    "cap.series.unused_floor": ("Outnyttjad yta", "Unused floor area"),
    "cap.chart.premises": ("Lokalyta per skola {year}", "Floor area per school {year}"),
    "explain.unused": (
        "Outnyttjad yta = skolans yta × (1 − nyttjandegraden), och dess lokalkostnad = skolans lokalkostnad × "
        "(1 − nyttjandegraden). En skola som är fylld till 60 % har alltså 40 % av sin yta och lokalkostnad "
        "outnyttjad. Det visar hur mycket lokal eleverna inte behöver – inte en besparing som säkert går att ta hem, "
        "eftersom en del av en skolbyggnad sällan kan hyras ut eller avvecklas.",
        "Unused floor area = the school's floor area × (1 − utilisation), and its premises cost = the school's "
        "premises cost × (1 − utilisation). A school that is 60 % full thus has 40 % of its floor area and premises "
        "cost unused. This shows how much space the pupils do not need – not a saving that can surely be made, since "
        "part of a school building can rarely be let or given up.",
    ),
    "cap.series.average": ("Kommunens snitt: {value}", "Municipal average: {value}"),
    "cap.chart.cost_per_pupil": ("Kostnad per elev och skola {year}", "Cost per pupil by school {year}"),
    "explain.cost_per_pupil_school": (
        "Skolans kostnad delat med dess elever. Den streckade linjen är alla skolors kostnad delat med alla elever. "
        "Små skolor har högre kostnad per elev eftersom lokaler, ledning och ett minsta antal lärare behövs oavsett "
        "hur många eleverna är.",
        "The school's cost divided by its pupils. The dashed line is all schools' cost divided by all pupils. Small "
        "schools cost more per pupil because premises, management and a minimum of teachers are needed however few "
        "the pupils.",
    ),
    "cap.table": ("Alla skolor {year}", "All schools {year}"),
    "cap.col.utilisation": ("Nyttjandegrad (%)", "Utilisation (%)"),
    "cap.col.floor": ("Yta (m²)", "Floor area (m²)"),
    "cap.col.unused_floor": ("Outnyttjad yta (m²)", "Unused floor area (m²)"),
    "cap.col.unused_cost": ("Lokalkostnad för outnyttjad yta (kr per år)", "Premises cost of unused area (SEK a year)"),
    "cap.col.cost_per_pupil": ("Kostnad per elev (kr)", "Cost per pupil (SEK)"),
    "cap.col.fragile": ("Sårbart lärarlag", "Fragile teacher team"),
    # --- municipality pages (economy, investments, all services) ---
    "nav.economy": ("Ekonomi", "Economy"),
    "nav.investments": ("Investeringar", "Investments"),
    # Ekonomi
    "eco.title": ("Ekonomi: vad händer om vi inte agerar?", "Economy: what happens if we do not act?"),
    "eco.intro": (
        "Kommunens intäkter och kostnader år för år om vi behåller allt som i dag – och hur varje "
        "handlingsalternativ ändrar resultatet. Belopp i basårets priser.",
        "The municipality's revenue and costs year by year if we keep everything as it is today – and how each "
        "alternative changes the result. Amounts at base-year prices.",
    ),
    "eco.pick.help": (
        "Samma val som på sidan Jämför alternativ. Behåll alla visas alltid som jämförelse.",
        "The same choice as on the Compare alternatives page. Keep all is always shown for comparison.",
    ),
    "eco.params.help": (
        "Antaganden om skatteintäkter, statsbidrag och övriga kostnader. Befolkningen ändras på sidan Scenarier.",
        "Assumptions about tax revenue, grants and other costs. The population is changed on the Scenarios page.",
    ),
    "eco.kpi.result": ("Resultat {year}", "Result {year}"),
    "eco.kpi.result.help": (
        "Intäkter minus kostnader och engångskostnader det året, om vi behåller allt som i dag.",
        "Revenue minus costs and one-off costs that year, if we keep everything as it is today.",
    ),
    "eco.kpi.accumulated": ("Ackumulerat resultat {first}–{last}", "Accumulated result {first}–{last}"),
    "eco.kpi.accumulated.help": (
        "Summan av alla årens resultat från {first} till och med det sista året. Negativt = ett samlat underskott.",
        "The sum of every year's result from {first} up to and including the last year. Negative = an accumulated deficit.",
    ),
    "eco.word.deficit": ("underskott", "deficit"),
    "eco.word.surplus": ("överskott", "surplus"),
    "eco.kpi.deficit_year": ("Resultatet blir negativt", "The result turns negative"),
    "eco.kpi.deficit_year.none": ("Inte till {last}", "Not by {last}"),
    "eco.kpi.deficit_year.help": (
        "Det första året mellan {first} och {last} då kostnaderna är större än intäkterna om vi inte agerar.",
        "The first year between {first} and {last} in which costs exceed revenue if we do not act.",
    ),
    "eco.kpi.revenue": ("Intäkter {year}", "Revenue {year}"),
    "eco.kpi.revenue.help": (
        "Skatt och statsbidrag följer antalet invånare, som ändras {change} i scenariot.",
        "Tax and grants follow the number of inhabitants, which changes {change} in the scenario.",
    ),
    "eco.summary.revenue": (
        "**Intäkterna följer befolkningen:** när invånarna blir {p1} i stället för {p0} går skatt och statsbidrag "
        "från {r0} till {r1} ({change}) mellan {first} och {last}.",
        "**Revenue follows the population:** as the inhabitants become {p1} instead of {p0}, tax and grants go from "
        "{r0} to {r1} ({change}) between {first} and {last}.",
    ),
    "eco.summary.costs": (
        "Kostnaderna {verb} från {c0} till {c1} ({change}): äldreomsorgen (särskilt boende och hemtjänst) "
        "kostar {care}, skola och förskola {children} – lokaler och fasta kostnader minskar inte i takt med barnen.",
        "Costs {verb} from {c0} to {c1} ({change}): elderly care (care homes and home care) costs {care}, "
        "schools and preschools {children} – premises and fixed costs do not shrink with the number of children.",
    ),
    "eco.word.more": ("mer", "more"),
    "eco.word.less": ("mindre", "less"),
    "eco.summary.result": (
        "Resultatet går från {r0} {first} till {r1} {last}; summan för alla år är {acc}.",
        "The result goes from {r0} in {first} to {r1} in {last}; the sum over all years is {acc}.",
    ),
    "eco.summary.deficit": (
        "**Från {year} går kommunen med underskott om vi inte agerar.**",
        "**From {year} the municipality runs a deficit if we do not act.**",
    ),
    "eco.frame": (
        "Att ställa om i tid är framtidssäkring: det frigör resurser så att kvaliteten i skola, förskola och "
        "äldreomsorg kan säkras när behoven förändras. Välj alternativ till vänster för att se hur de ändrar "
        "resultatet.",
        "Adapting in time is future-proofing: it frees resources so that the quality of schools, preschools and "
        "elderly care can be secured as needs change. Choose alternatives on the left to see how they change the "
        "result.",
    ),
    "eco.section.budget": ("Intäkter och kostnader per verksamhet", "Revenue and costs by service"),
    "eco.chart.budget": (
        "Kostnader per verksamhet (staplar) och intäkter (linje) {first}–{last}",
        "Costs by service (bars) and revenue (line) {first}–{last}",
    ),
    "eco.part.grundskola": ("Grundskola", "Compulsory school"),
    "eco.part.forskola": ("Förskola", "Preschool"),
    "eco.part.aldreboende": ("Särskilt boende", "Care homes"),
    "eco.part.hemtjanst": ("Hemtjänst", "Home care"),
    "eco.part.fritid_kultur": ("Fritid och kultur", "Leisure and culture"),
    "eco.part.other": ("Övrigt", "Other"),
    "eco.series.revenue": ("Intäkter (skatt och statsbidrag)", "Revenue (tax and grants)"),
    "eco.budget.caption": (
        "Intäkterna är {per_inhabitant} per invånare och år: färre invånare ger lägre intäkter i samma takt. "
        "Där staplarna når över linjen är kostnaderna större än intäkterna.",
        "Revenue is {per_inhabitant} per inhabitant a year: fewer inhabitants give lower revenue at the same pace. "
        "Where the bars reach above the line, costs exceed revenue.",
    ),
    "explain.eco.revenue": (
        "**Intäkter** = invånare × (skattekraft {tax_base} × skattesats {tax_rate} + statsbidrag och utjämning "
        "{grants}) = {per_inhabitant} per invånare och år. {first}: {p0} invånare → {r0}; {last}: {p1} invånare → "
        "{r1}. Intäkterna följer alltså befolkningen i scenariot.",
        "**Revenue** = inhabitants × (tax base {tax_base} × tax rate {tax_rate} + grants and equalisation "
        "{grants}) = {per_inhabitant} per inhabitant a year. {first}: {p0} inhabitants → {r0}; {last}: {p1} "
        "inhabitants → {r1}. Revenue thus follows the population of the scenario.",
    ),
    "explain.eco.costs": (
        "**Kostnader** = de modellerade verksamheterna (grundskola, förskola, särskilt boende, hemtjänst, fritid och "
        "kultur; se sidan Kapacitet) + övriga kostnader {other} per invånare (socialtjänst, gator, administration …). "
        "Engångskostnader, t.ex. flytt vid en sammanslagning, dras av från resultatet det år de uppstår.",
        "**Costs** = the modelled services (compulsory school, preschool, care homes, home care, leisure and "
        "culture; see the Capacity page) + other costs of {other} per inhabitant (social services, streets, "
        "administration …). One-off costs, such as moving on a merger, are deducted from the result in their year.",
    ),
    "eco.section.result": ("Resultatet år för år om vi inte agerar", "The result year by year if we do not act"),
    "eco.series.result": ("Resultat", "Result"),
    "eco.chart.result": ("Resultat per år (mnkr)", "Result per year (MSEK)"),
    "eco.chart.accumulated": ("Ackumulerat resultat från {first} (mnkr)", "Accumulated result from {first} (MSEK)"),
    "explain.eco.result": (
        "Resultat = intäkter − kostnader − engångskostnader, år för år från {first}. Gröna staplar är överskott, "
        "röda (streckade) underskott.",
        "Result = revenue − costs − one-off costs, year by year from {first}. Green bars are surpluses, red "
        "(hatched) ones deficits.",
    ),
    "explain.eco.accumulated": (
        "Ackumulerat resultat = summan av årens resultat från {first} till och med året. När linjen faller har "
        "kommunen underskott det året; under noll har underskotten ätit upp de tidigare överskotten.",
        "Accumulated result = the sum of the yearly results from {first} up to the year. When the line falls the "
        "municipality has a deficit that year; below zero the deficits have eaten up the earlier surpluses.",
    ),
    "eco.section.alternatives": ("Vad ändrar alternativen?", "What do the alternatives change?"),
    "eco.none": (
        "Välj minst ett alternativ till vänster för att se hur det ändrar kommunens resultat.",
        "Choose at least one alternative on the left to see how it changes the municipality's result.",
    ),
    "eco.kpi.acc_change": ("Resultat mot att behålla alla {first}–{last}", "Result against keeping all {first}–{last}"),
    "eco.kpi.acc_change.help": (
        "Summan av alla årens förändring av resultatet jämfört med att behålla alla, engångskostnader inräknade. "
        "Positivt = bättre resultat.",
        "The sum of every year's change of the result against keeping all, one-off costs included. Positive = a "
        "better result.",
    ),
    "eco.kpi.year_change": ("Förändring av resultatet {year}", "Change of the result in {year}"),
    "eco.kpi.year_change.help": (
        "Resultatet det sista året minus resultatet om alla behålls samma år. Positivt = bättre.",
        "The result in the last year minus the result if all are kept, the same year. Positive = better.",
    ),
    "eco.kpi.one_off": ("Engångskostnader", "One-off costs"),
    "eco.kpi.one_off.help": (
        "Kostnader som uppstår en gång: flytt, anpassning av lokaler, omställning.",
        "Costs incurred once: moving, adapting premises, transition.",
    ),
    "eco.kpi.payback": ("Återbetalt år", "Paid back in"),
    "eco.kpi.payback.help": (
        "Det första året efter engångskostnaderna från vilket den samlade förbättringen av resultatet förblir positiv.",
        "The first year after the one-off costs from which the accumulated improvement of the result stays positive.",
    ),
    "eco.payback.nothing": ("Ingen engångskostnad", "No one-off cost"),
    "eco.payback.never": ("Inte till {last}", "Not by {last}"),
    "eco.kpi.present_value": ("Nuvärde ({rate} kalkylränta)", "Present value ({rate} discount rate)"),
    "eco.kpi.present_value.help": (
        "Alla årens förändring av resultatet omräknad till {first} års värde med {rate} kalkylränta per år.",
        "Every year's change of the result turned into its {first} value at a discount rate of {rate} a year.",
    ),
    "eco.alt.summary": (
        "{name} {verb} kommunens resultat med sammanlagt {amount} {first}–{last} ({year_amount} det sista året), "
        "efter engångskostnader på {one_off}.",
        "{name} {verb} the municipality's result by {amount} in all over {first}–{last} ({year_amount} in the last "
        "year), after one-off costs of {one_off}.",
    ),
    "eco.word.costs_rise": ("ökar", "rise"),
    "eco.word.costs_fall": ("minskar", "fall"),
    "eco.word.improves": ("förbättrar", "improves"),
    "eco.word.worsens": ("försämrar", "worsens"),
    "eco.chart.alt_result": (
        "Förändring av resultatet per år mot att behålla alla (mnkr)",
        "Change of the result per year against keeping all (MSEK)",
    ),
    "eco.chart.alt_accumulated": (
        "Samlad förändring av resultatet mot att behålla alla, från {first} (mnkr)",
        "Accumulated change of the result against keeping all, from {first} (MSEK)",
    ),
    "explain.eco.alt_result": (
        "Förändring ett år = alternativets resultat − resultatet om alla behålls, samma år och scenario. Intäkterna "
        "är desamma (alternativet ändrar inte befolkningen), så skillnaden är kostnaderna: lokaler, personal och "
        "skolskjuts, och engångskostnaderna det år de uppstår. Staplar över noll = bättre resultat.",
        "Change in a year = the alternative's result − the result if all are kept, same year and scenario. Revenue "
        "is the same (the alternative does not change the population), so the difference is the costs: premises, "
        "staff and school transport, and the one-off costs in their year. Bars above zero = a better result.",
    ),
    "explain.eco.alt_accumulated": (
        "Förändring ett år = alternativets resultat − resultatet om alla behålls. Linjen är summan år för år. "
        "Den går först ner när engångskostnaderna kommer och stiger sedan när besparingarna kommer in.",
        "Change in a year = the alternative's result − the result if all are kept. The line is the running sum. It "
        "first dips when the one-off costs come and then rises as the savings come in.",
    ),
    "explain.eco.payback": (
        "**Återbetalt år**: första året efter engångskostnaderna från vilket den samlade förändringen förblir "
        "positiv. **Nuvärde** = Σ förändring(år) / (1 + {rate})^(år − {first}).",
        "**Paid back in**: the first year after the one-off costs from which the accumulated change stays positive. "
        "**Present value** = Σ change(year) / (1 + {rate})^(year − {first}).",
    ),
    "eco.section.scenarios": (
        "I alla scenarier: samlad förändring till {last}",
        "In every scenario: accumulated change by {last}",
    ),
    "eco.scenarios.intro": (
        "Översta raden: det ackumulerade resultatet {first}–{last} om vi inte agerar. Övriga rader: hur mycket varje "
        "alternativ ändrar det, i varje scenario (positivt = bättre). Håller slutsatsen i alla scenarier?",
        "Top row: the accumulated result {first}–{last} if we do not act. Other rows: how much each alternative "
        "changes it, in each scenario (positive = better). Does the conclusion hold in every scenario?",
    ),
    "eco.table.keep_all": ("Behåll alla: ackumulerat resultat", "Keep all: accumulated result"),
    "eco.section.table": ("Ekonomin år för år om vi inte agerar", "The economy year by year if we do not act"),
    "eco.col.revenue": ("Intäkter (mnkr)", "Revenue (MSEK)"),
    "eco.col.cost": ("Kostnader totalt (mnkr)", "Total costs (MSEK)"),
    "eco.col.result": ("Resultat (mnkr)", "Result (MSEK)"),
    "eco.col.accumulated": ("Ackumulerat resultat (mnkr)", "Accumulated result (MSEK)"),
    # Investeringar
    "inv.title": ("Investeringar: håller de i alla scenarier?", "Investments: do they hold in every scenario?"),
    "inv.principle": (
        "**Ingen investering utan scenariobedömning.** Varje planerad investering bedöms efter hur mycket det den "
        "bygger används om tio år – i varje scenario, inte bara i dag – och varje investering behöver en "
        "exitstrategi: vad händer med lokalen när behovet minskar?",
        "**No investment without a scenario assessment.** Each planned investment is judged by how much what it "
        "builds is used in ten years – in every scenario, not only today – and every investment needs an exit "
        "strategy: what happens to the premises when the need falls?",
    ),
    "inv.no_data": (
        "Kommunens data har inga planerade investeringar (filen investments.csv saknas), så det finns inget att "
        "bedöma här. Lägg till filen för att pröva investeringar mot scenarierna.",
        "The municipality's data has no planned investments (the file investments.csv is missing), so there is "
        "nothing to assess here. Add the file to test investments against the scenarios.",
    ),
    "inv.params.help": (
        "Pröva gränsen för när en investering räknas som för stor:",
        "Test the limit below which an investment counts as oversized:",
    ),
    "inv.kpi.count": ("Planerade investeringar", "Planned investments"),
    "inv.kpi.amount": ("{amount} totalt", "{amount} in all"),
    "inv.kpi.oversized": ("För stora {year}", "Oversized in {year}"),
    "inv.kpi.in_scenario": ("i {scenario}", "in {scenario}"),
    "inv.kpi.today.new": ("byggs inte än", "not built yet"),
    "inv.chart.caption": (
        "Svart kant = scenariot som är valt i sidopanelen ({scenario}). Till vänster om den röda streckade linjen "
        "({threshold}) är investeringen för stor; till höger om 100 % räcker platserna inte.",
        "Black outline = the scenario chosen in the sidebar ({scenario}). Left of the red dashed line ({threshold}) "
        "the investment is oversized; right of 100 % the places are not enough.",
    ),
    "inv.kpi.oversized.help": (
        "Antal investeringar där det som byggs används mindre än {threshold} år {year} i scenariot som är valt i "
        "sidopanelen.",
        "Number of investments whose result is used less than {threshold} in {year} in the scenario chosen in the "
        "sidebar.",
    ),
    "inv.kpi.no_exit": ("Saknar exitstrategi", "No exit strategy"),
    "inv.kpi.no_exit.help": (
        "Investeringar som inte anger vad lokalen ska användas till när behovet minskar.",
        "Investments that do not say what the premises will be used for when the need falls.",
    ),
    "inv.kpi.red": ("Röda flaggor", "Red flags"),
    "inv.kpi.red.help": (
        "Investeringar som är för stora i {scenarios} år 10, eller saknar exitstrategi.",
        "Investments that are oversized in {scenarios} in year 10, or have no exit strategy.",
    ),
    "inv.word.or": (" eller ", " or "),
    "inv.section.chart": (
        "Nyttjandegrad i dag och år {year} i varje scenario",
        "Utilisation today and in {year} in every scenario",
    ),
    "inv.chart": ("Nyttjandegrad per investering, i dag och {year}", "Utilisation per investment, today and in {year}"),
    "inv.axis": ("nyttjandegrad", "utilisation"),
    "inv.series.today": ("I dag ({year})", "Today ({year})"),
    "inv.series.scenario": ("{scenario} {year}", "{scenario} {year}"),
    "inv.series.threshold": ("Lägsta godtagbara: {threshold}", "Lowest acceptable: {threshold}"),
    "explain.inv": (
        "Varje investering räknas som om den beslutades ensam: alla enheter behålls och investeringen genomförs "
        "(en ny enhet öppnar, en tillbyggnad får sin nya kapacitet, en renovering ändrar inte platserna). "
        "Nyttjandegrad år {year} = de barn, elever eller besök som går till enheten / dess platser; för särskilt "
        "boende kommunens behov av platser / alla platser, eftersom de boende är en gemensam kö. "
        'En investering är för stor om nyttjandegraden är under {threshold} år {year}. "I dag" är {base} '
        "(finns inte för en ny enhet). Scenarierna:",
        "Each investment is calculated as if decided on its own: every unit is kept and the investment is made (a "
        "new unit opens, an extension gets its new capacity, a renovation does not change the places). "
        "Utilisation in {year} = the children, pupils or visits going to the unit / its places; for care homes the "
        "municipality's need of places / all places, since residents are one common queue. An investment is "
        'oversized if utilisation is below {threshold} in {year}. "Today" is {base} (not for a new unit). The '
        "scenarios:",
    ),
    "inv.section.each": ("Investering för investering", "Investment by investment"),
    "inv.what": ("{kind} · {service} · år {year}", "{kind} · {service} · year {year}"),
    "inv.kind.new": ("Ny enhet", "New unit"),
    "inv.kind.extension": ("Tillbyggnad", "Extension"),
    "inv.kind.renovation": ("Renovering", "Renovation"),
    "inv.kpi.item_amount": ("Belopp", "Amount"),
    "inv.kpi.lifetime": ("Livslängd", "Lifetime"),
    "inv.years": ("{n} år", "{n} years"),
    "inv.kpi.today": ("Nyttjandegrad {year}", "Utilisation {year}"),
    "inv.kpi.year_10.help": (
        "I det scenario som är valt i sidopanelen. Under {threshold} räknas investeringen som för stor.",
        "In the scenario chosen in the sidebar. Below {threshold} the investment counts as oversized.",
    ),
    "inv.care_pool": (
        "Särskilt boende: nyttjandegraden gäller kommunens alla platser (behov / platser), eftersom de boende är "
        "en gemensam kö. Över 100 % = platserna räcker inte.",
        "Care homes: utilisation is for all the municipality's places (need / places), since residents are one "
        "common queue. Above 100 % = the places are not enough.",
    ),
    "inv.flag.oversized": (
        "**För stor:** år {year} används bara {values} – under gränsen {threshold}. Pröva en mindre eller mer "
        "flexibel lösning.",
        "**Oversized:** in {year} only {values} is used – below the limit of {threshold}. Consider a smaller or "
        "more flexible solution.",
    ),
    "inv.flag.oversized_other": (
        "För stor bara i {scenarios} år {year}; håller i de övriga scenarierna.",
        "Oversized only in {scenarios} in {year}; holds in the other scenarios.",
    ),
    "inv.flag.value": ("{value} i {scenario}", "{value} in {scenario}"),
    "inv.flag.no_exit": (
        "**Ingen exitstrategi:** det står inte vad lokalen ska användas till när behovet minskar. Ingen "
        "investering utan scenariobedömning och exitstrategi.",
        "**No exit strategy:** nothing says what the premises will be used for when the need falls. No investment "
        "without a scenario assessment and an exit strategy.",
    ),
    "inv.exit": ("**Exitstrategi:** {text}", "**Exit strategy:** {text}"),
    "inv.flag.ok": (
        "Håller i alla scenarier år {year} och har en exitstrategi.",
        "Holds in every scenario in {year} and has an exit strategy.",
    ),
    "inv.section.table": ("Alla investeringar", "All investments"),
    "inv.col.name": ("Investering", "Investment"),
    "inv.col.service": ("Verksamhet", "Service"),
    "inv.col.kind": ("Typ", "Kind"),
    "inv.col.year": ("År", "Year"),
    "inv.col.amount": ("Belopp (mnkr)", "Amount (MSEK)"),
    "inv.col.lifetime": ("Livslängd (år)", "Lifetime (years)"),
    "inv.col.today": ("Nyttjandegrad {year} (%)", "Utilisation {year} (%)"),
    "inv.col.scenario": ("{scenario} {year} (%)", "{scenario} {year} (%)"),
    "inv.col.exit": ("Exitstrategi", "Exit strategy"),
    "inv.col.exit.missing": ("SAKNAS", "MISSING"),
    "inv.col.flag": ("Röd flagga", "Red flag"),
    "inv.col.flag.oversized": ("för stor", "oversized"),
    "inv.col.flag.no_exit": ("ingen exitstrategi", "no exit strategy"),
    # Kapacitet: every service
    "cap.intro.all": (
        "Platserna jämfört med behoven i scenariot **{scenario}**, om vi behåller allt som i dag – i skolor, "
        "förskolor, särskilda boenden och fritids- och kulturlokaler. Tomma platser binder lokaler och personal; "
        "platser som saknas måste köpas.",
        "Places compared with needs in the scenario **{scenario}**, if we keep everything as it is today – in "
        "schools, preschools, care homes and leisure and culture facilities. Empty places tie up premises and "
        "staff; missing places must be bought.",
    ),
    "cap.section.directions": ("Behoven går åt olika håll", "Needs move in opposite directions"),
    "cap.svc.grundskola": ("Grundskola", "Compulsory school"),
    "cap.svc.forskola": ("Förskola", "Preschool"),
    "cap.svc.aldreboende": ("Särskilt boende", "Care homes"),
    "cap.svc.fritid_kultur": ("Fritid och kultur", "Leisure and culture"),
    "cap.dir.kpi": ("{service} {year}", "{service} {year}"),
    "cap.dir.caption": (
        "Nyttjandegrad {year}: behov delat med platser. Under 100 % står platser tomma, över 100 % saknas platser.",
        "Utilisation {year}: need divided by places. Below 100 % places stand empty, above 100 % places are missing.",
    ),
    "cap.dir.kpi.help.grundskola": (
        "Nyttjandegrad = elever / platser i kommunens skolor.",
        "Utilisation = pupils / places in the municipality's schools.",
    ),
    "cap.dir.kpi.help.forskola": (
        "Nyttjandegrad = barn i förskolan / förskoleplatser.",
        "Utilisation = preschool children / preschool places.",
    ),
    "cap.dir.kpi.help.aldreboende": (
        "Nyttjandegrad = platser som behövs / platser som finns. Över 100 % = platser saknas och måste köpas.",
        "Utilisation = places needed / places available. Above 100 % = places are missing and must be bought.",
    ),
    "cap.dir.kpi.help.fritid_kultur": (
        "Nyttjandegrad = besök / de besök lokalerna kan ta emot per år.",
        "Utilisation = visits / the visits the facilities can take a year.",
    ),
    "cap.dir.summary.grundskola": ("i grundskolan från {u0} till {u1}", "in the schools from {u0} to {u1}"),
    "cap.dir.summary.forskola": ("i förskolan från {u0} till {u1}", "in the preschools from {u0} to {u1}"),
    "cap.word.and": (" och ", " and "),
    "cap.dir.summary": (
        "**Mellan {first} och {last} sjunker nyttjandegraden {children}, medan behovet av platser i särskilt "
        "boende växer från {c0} till {c1} av platserna.** Samma kommun får alltså fler tomma platser för barnen och "
        "för få platser för de äldre.",
        "**Between {first} and {last} utilisation falls {children}, while the need for care-home places grows "
        "from {c0} to {c1} of the places.** The same municipality thus gets more empty places for children and too "
        "few places for the elderly.",
    ),
    "cap.dir.chart": (
        "Nyttjandegrad per verksamhet {first}–{last} (över 100 % = platserna räcker inte)",
        "Utilisation by service {first}–{last} (above 100 % = not enough places)",
    ),
    "cap.dir.axis": ("behov / platser", "need / places"),
    "cap.dir.full": ("100 % = fullt", "100 % = full"),
    "cap.dir.no_usage": (
        "Fritids- och kulturlokaler visas inte: besöksdata (facility_usage.csv) saknas.",
        "Leisure and culture facilities are not shown: visit data (facility_usage.csv) is missing.",
    ),
    "explain.cap.directions": (
        "Nyttjandegrad = behov / platser, för hela kommunen varje år. Grundskola: elever / platser. Förskola: barn "
        "1–5 år som går i förskola / platser. Särskilt boende: platser som behövs (invånare 65+ × andel med behov "
        "per åldersgrupp) / platser. Fritid och kultur: besök / de besök lokalerna kan ta emot. Under 100 % står "
        "platser tomma; över 100 % saknas platser.",
        "Utilisation = need / places, for the whole municipality each year. Compulsory school: pupils / places. "
        "Preschool: children aged 1–5 in preschool / places. Care homes: places needed (inhabitants 65+ × share in "
        "need per age group) / places. Leisure and culture: visits / the visits the facilities can take. Below "
        "100 % places stand empty; above 100 % places are missing.",
    ),
    "cap.none": ("Kommunens data har ingen {service}.", "The municipality's data has no {service}."),
    "cap.col.unit": ("Enhet", "Unit"),
    "cap.col.facility": ("Lokal", "Facility"),
    "cap.col.cost": ("Kostnad (kr per år)", "Cost (SEK a year)"),
    "cap.pre.kpi.children": ("Barn i förskolan {year}", "Children in preschool {year}"),
    "cap.pre.kpi.children.help": (
        "Barn 1–5 år i scenariot × andelen som går i förskola.",
        "Children aged 1–5 in the scenario × the share attending preschool.",
    ),
    "cap.pre.kpi.empty": ("Tomma förskoleplatser {year}", "Empty preschool places {year}"),
    "cap.pre.kpi.empty.help": (
        "Förskoleplatser som inga barn behöver: platser minus barn.",
        "Preschool places no child needs: places minus children.",
    ),
    "cap.pre.kpi.utilisation": ("Förskolornas nyttjandegrad {year}", "Preschool utilisation {year}"),
    "cap.pre.kpi.lowest": ("Lägst nyttjad förskola {year}", "Least used preschool {year}"),
    "cap.pre.kpi.lowest.help": (
        "{name} har {children} barn på {capacity} platser.",
        "{name} has {children} children in {capacity} places.",
    ),
    "cap.pre.summary": (
        "**{year} har de {units} förskolorna {capacity} platser men {children} barn: {empty} platser står tomma, "
        "mot {empty0} år {first}.**",
        "**In {year} the {units} preschools have {capacity} places but {children} children: {empty} places are "
        "empty, against {empty0} in {first}.**",
    ),
    "cap.pre.series.children": ("Barn", "Children"),
    "cap.pre.unit": ("barn och platser", "children and places"),
    "cap.pre.chart.trend": (
        "Barn i förskolan och tomma platser {first}–{last}",
        "Preschool children and empty places {first}–{last}",
    ),
    "cap.pre.section.units": ("Förskola för förskola", "Preschool by preschool"),
    "cap.pre.chart.units": (
        "Barn och platser per förskola {year} (procent = nyttjandegrad)",
        "Children and places per preschool {year} (per cent = utilisation)",
    ),
    "explain.cap.preschool": (
        "Barn i förskolan = barn i scenariot × andelen som går i förskola: {age1} av 1-åringarna, {age2} av "
        "2-åringarna och {age35} av 3–5-åringarna. Barnen går till närmaste förskola med plats. Personal = barn / "
        "{per_fte} per heltidstjänst à {staff_cost}; dessutom {per_child} per barn och förskolans lokaler och fasta "
        "kostnader.",
        "Children in preschool = children in the scenario × the share attending: {age1} of 1-year-olds, {age2} of "
        "2-year-olds and {age35} of 3–5-year-olds. Children go to the nearest preschool with room. Staff = children "
        "/ {per_fte} per full-time post at {staff_cost}; plus {per_child} per child and the preschool's premises "
        "and fixed costs.",
    ),
    "explain.cap.units": (
        "Nyttjandegrad = barn / platser i varje förskola. Förskolorna är sorterade från lägst till högst; grå stapel "
        "= platser, blå = barn.",
        "Utilisation = children / places in each preschool. Preschools are sorted from lowest to highest; grey bar "
        "= places, blue = children.",
    ),
    "cap.care.kpi.needed": ("Platser som behövs {year}", "Places needed {year}"),
    "cap.care.kpi.needed.help": (
        "Invånare 65–79, 80–89 och 90+ år i scenariot × andelen i varje grupp som behöver särskilt boende.",
        "Inhabitants aged 65–79, 80–89 and 90+ in the scenario × the share of each group needing a care home.",
    ),
    "cap.care.kpi.places": ("Egna platser {year}", "Own places {year}"),
    "cap.care.kpi.places.help": ("Platser i kommunens särskilda boenden.", "Places in the municipality's care homes."),
    "cap.care.kpi.shortage": ("Platser som saknas {year}", "Places missing {year}"),
    "cap.care.kpi.empty": ("Tomma platser i särskilt boende {year}", "Empty care-home places {year}"),
    "cap.care.kpi.purchased": ("Köpta platser kostar {year}", "Purchased places cost {year}"),
    "cap.care.kpi.purchased.help": (
        "Platser som saknas × {cost} per köpt plats och år.",
        "Missing places × {cost} per purchased place a year.",
    ),
    "cap.care.kpi.empty_cost": ("Tomma platser kostar {year}", "Empty places cost {year}"),
    "cap.care.kpi.empty_cost.help": (
        "Tomma platser × {per_place}: lokal- och fasta kostnader per plats, som betalas även när platsen står tom.",
        "Empty places × {per_place}: premises and fixed cost per place, paid even when the place is empty.",
    ),
    "cap.care.summary": (
        "**Behovet av platser i särskilt boende växer från {n0} till {n1} mellan {first} och {last}, men kommunen har "
        "{places} platser: {gap}.**",
        "**The need for care-home places grows from {n0} to {n1} between {first} and {last}, but the municipality "
        "has {places} places: {gap}.**",
    ),
    "cap.care.gap.short": ("{n} platser saknas och måste köpas", "{n} places are missing and must be bought"),
    "cap.care.gap.empty": ("{n} platser står tomma", "{n} places stand empty"),
    "cap.care.series.needed": ("Platser som behövs", "Places needed"),
    "cap.care.series.places": ("Egna platser", "Own places"),
    "cap.care.series.shortage": ("Platser som saknas", "Places missing"),
    "cap.care.unit": ("platser", "places"),
    "cap.care.chart.places": (
        "Särskilt boende: behov och platser {first}–{last}",
        "Care homes: need and places {first}–{last}",
    ),
    "cap.care.chart.cost": (
        "Vad obalansen kostar per år {first}–{last}",
        "What the imbalance costs a year {first}–{last}",
    ),
    "cap.care.series.purchased": ("Köpta platser", "Purchased places"),
    "cap.care.series.empty_cost": ("Tomma egna platser", "Empty own places"),
    "explain.cap.care": (
        "Platser som behövs = invånare 65–79 år × {r6579} + invånare 80–89 år × {r8089} + invånare 90+ × {r90}. "
        "Egna platser = platserna i kommunens öppna boenden. Saknas platser köps de för {purchased} per plats och "
        "år; en belagd egen plats kostar {occupied} per år i vård och omsorg, plus boendets lokaler och fasta "
        "kostnader.",
        "Places needed = inhabitants aged 65–79 × {r6579} + aged 80–89 × {r8089} + aged 90+ × {r90}. Own places = "
        "the places of the municipality's open care homes. Missing places are bought at {purchased} per place a "
        "year; an occupied own place costs {occupied} a year in care, plus the home's premises and fixed costs.",
    ),
    "explain.cap.care_cost": (
        "Köpta platser = platser som saknas × {purchased} per år. Tomma egna platser = tomma platser × (boendenas "
        "lokal- och fasta kostnader / antal platser) – det en tom plats kostar fast ingen bor där. Vården på en "
        "belagd plats ({occupied}) räknas inte här.",
        "Purchased places = missing places × {purchased} a year. Empty own places = empty places × (the homes' "
        "premises and fixed costs / number of places) – what an empty place costs with nobody living there. The care "
        "of an occupied place ({occupied}) is not counted here.",
    ),
    "cap.care.units": ("Boenden {year}: {units} platser.", "Care homes {year}: {units} places."),
    "cap.care.col.empty": ("Tomma platser", "Empty places"),
    "cap.care.col.purchased": ("Köpta platser (kr per år)", "Purchased places (SEK a year)"),
    "cap.care.col.empty_cost": ("Tomma platser (kr per år)", "Empty places (SEK a year)"),
    "cap.fk.no_usage": (
        "Besöks- och bokningsdata saknas (filen facility_usage.csv), så beläggning och kostnad per besök kan inte "
        "räknas fram för: {units}.",
        "Visit and booking data is missing (the file facility_usage.csv), so occupancy and cost per visit cannot be "
        "calculated for: {units}.",
    ),
    "cap.fk.kpi.occupancy": ("Beläggning {year}", "Occupancy {year}"),
    "cap.fk.kpi.occupancy.help": (
        "Bokade timmar / bokningsbara timmar i alla lokaler.",
        "Booked hours / bookable hours in all facilities.",
    ),
    "cap.fk.kpi.visits": ("Besök {year}", "Visits {year}"),
    "cap.fk.kpi.cost_per_visit": ("Kostnad per besök {year}", "Cost per visit {year}"),
    "cap.fk.kpi.cost_per_visit.help": (
        "Lokalernas kostnad (lokaler och fasta kostnader) / besök.",
        "The facilities' cost (premises and fixed costs) / visits.",
    ),
    "cap.fk.kpi.lowest": ("Lägst beläggning {year}", "Lowest occupancy {year}"),
    "cap.fk.summary": (
        "**Besöken går från {v0} till {v1} om året mellan {first} och {last}; beläggningen från {o0} till {o1}, och "
        "kostnaden per besök från {c0} till {c1}.**",
        "**Visits go from {v0} to {v1} a year between {first} and {last}; occupancy from {o0} to {o1}, and the cost "
        "per visit from {c0} to {c1}.**",
    ),
    "cap.fk.section.units": ("Lokal för lokal", "Facility by facility"),
    "cap.fk.series.occupancy": ("Beläggning", "Occupancy"),
    "cap.fk.series.cost_per_visit": ("Kostnad per besök", "Cost per visit"),
    "cap.fk.visits": ("besök", "visits"),
    "cap.fk.visits_year": ("besök per år", "visits a year"),
    "cap.fk.chart.occupancy": ("Beläggning per lokal {year}", "Occupancy per facility {year}"),
    "cap.fk.chart.cost_per_visit": ("Kostnad per besök och lokal {year}", "Cost per visit by facility {year}"),
    "cap.fk.chart.visits": ("Besök per lokal {first}–{last}", "Visits per facility {first}–{last}"),
    "explain.cap.occupancy": (
        "Beläggning = bokade timmar / bokningsbara timmar (högst 100 %). Bokningarna följer antalet invånare i "
        "lokalens användaråldrar, från basårets bokningar.",
        "Occupancy = booked hours / bookable hours (at most 100 %). Bookings follow the number of inhabitants of the "
        "facility's user ages, from the base year's bookings.",
    ),
    "explain.cap.cost_per_visit": (
        "Kostnad per besök = lokalens kostnad (lokaler och fasta kostnader) / besök samma år. Den streckade linjen "
        "är alla lokalers kostnad / alla besök.",
        "Cost per visit = the facility's cost (premises and fixed costs) / visits the same year. The dashed line is "
        "all facilities' cost / all visits.",
    ),
    "explain.cap.leisure": (
        "Besöken och bokningarna följer befolkningen i lokalens användaråldrar: besök(år) = besök i basåret × "
        "invånare i de åldrarna (år) / samma antal i basåret. Stängs en lokal flyttar {kept} av besöken till "
        "närmaste öppna lokal (vid en sammanslagning alla).",
        "Visits and bookings follow the population of the facility's user ages: visits(year) = base-year visits × "
        "inhabitants of those ages (year) / the same number in the base year. If a facility closes, {kept} of its "
        "visits move to the nearest open one (all of them on a merger).",
    ),
    "cap.fk.col.visits": ("Besök", "Visits"),
    "cap.fk.col.capacity": ("Kapacitet (besök per år)", "Capacity (visits a year)"),
    "cap.fk.col.booked": ("Bokade timmar", "Booked hours"),
    "cap.fk.col.bookable": ("Bokningsbara timmar", "Bookable hours"),
    "cap.fk.col.occupancy": ("Beläggning (%)", "Occupancy (%)"),
    "cap.fk.col.cost_per_visit": ("Kostnad per besök (kr)", "Cost per visit (SEK)"),
    # --- decision memo (PDF) ---
    "memo.build": ("Skapa beslutsunderlag (PDF)", "Create a decision memo (PDF)"),
    "memo.build.help": (
        "Ett beslutsunderlag att bifoga en tjänsteskrivelse: sammanfattning, nyckeltal, diagram, alla scenarier och "
        "antaganden, med en länk som öppnar exakt denna vy.",
        "A decision memo to attach to a council paper: summary, key figures, charts, every scenario and the "
        "assumptions, with a link that opens exactly this view.",
    ),
    "memo.building": ("Skapar beslutsunderlaget …", "Creating the decision memo …"),
    "memo.download": ("Ladda ner beslutsunderlaget (PDF)", "Download the decision memo (PDF)"),
    "memo.file": ("beslutsunderlag", "decision-memo"),
    "memo.title": ("Beslutsunderlag", "Decision memo"),
    "memo.subtitle": (
        "handlingsalternativ för grundskolan jämförda med om vi inte agerar",
        "alternatives for compulsory school compared with not acting",
    ),
    "memo.meta.municipality": ("Kommun", "Municipality"),
    "memo.meta.date": ("Datum", "Date"),
    "memo.meta.horizon": ("Tidshorisont", "Horizon"),
    "memo.horizon": ("{first}–{last} ({years} år framåt)", "{first}–{last} ({years} years ahead)"),
    "memo.meta.alternatives": ("Alternativ som jämförs", "Alternatives compared"),
    "memo.baseline.tag": ("om vi inte agerar, jämförelsegrunden", "if we do not act, the baseline"),
    "memo.summary": ("Sammanfattning", "Summary"),
    "memo.summary.intro": (
        "Underlaget rangordnar inte alternativen. Det visar vad vart och ett innebär för kostnad, kvalitet och resor "
        "jämfört med om vi inte agerar, så att beslutet om framtidssäkringen kan fattas med öppna ögon.",
        "This memo does not rank the alternatives. It shows what each of them means for cost, quality and travel "
        "against not acting, so that the decision on future-proofing can be taken with open eyes.",
    ),
    "memo.baseline": (
        "**{name}** (om vi inte agerar): kostnaden per elev blir {cpp} år {last}, {change} jämfört med {first}, och "
        "grundskolan kostar {cost} det året.",
        "**{name}** (if we do not act): the cost per pupil reaches {cpp} in {last}, {change} against {first}, and "
        "compulsory school costs {cost} that year.",
    ),
    "memo.total.saves": (
        "Över hela perioden {first}–{last}, engångskostnader inräknade, sparar alternativet {amount} jämfört med att "
        "behålla alla.",
        "Over the whole period {first}–{last}, one-off costs included, the alternative saves {amount} against keeping "
        "all.",
    ),
    "memo.total.costs": (
        "Över hela perioden {first}–{last}, engångskostnader inräknade, kostar alternativet {amount} mer än att "
        "behålla alla.",
        "Over the whole period {first}–{last}, one-off costs included, the alternative costs {amount} more than "
        "keeping all.",
    ),
    "memo.robust.count": (
        "Den totala kostnaden blir lägre än att behålla alla i {k} av {n} scenarier.",
        "The total cost is lower than keeping all in {k} of {n} scenarios.",
    ),
    "memo.none": (
        "Inget annat alternativ valdes: underlaget visar vad som händer om vi inte agerar.",
        "No other alternative was chosen: the memo shows what happens if we do not act.",
    ),
    "memo.alternatives": ("Alternativen", "The alternatives"),
    "memo.row.total": ("Total kostnad {first}–{last}", "Total cost {first}–{last}"),
    "memo.charts": ("Diagram", "Charts"),
    "memo.charts.missing": (
        "Diagrammen kunde inte ritas på servern (Chromium saknas eller svarade inte); alla siffror finns i tabellerna.",
        "The charts could not be drawn on the server (Chromium is missing or did not answer); every number is in "
        "the tables.",
    ),
    "memo.assumptions": ("Antaganden", "Assumptions"),
    "memo.assumptions.changed": (
        "Parametrar som skiljer sig från modellens standardvärden:",
        "Parameters that differ from the model's defaults:",
    ),
    "memo.assumptions.others": (
        "Alla andra parametrar har sina dokumenterade standardvärden; se sidan Om modellen för värden, betydelse och "
        "källor.",
        "Every other parameter has its documented default; see the page About the model for values, meaning and "
        "sources.",
    ),
    "memo.scenario_changes": ("Ändrade scenarioantaganden", "Changed scenario assumptions"),
    "memo.trace": ("Spårbarhet", "Traceability"),
    "memo.link": (
        "Länken öppnar exakt denna vy i Vägval (scenario, alternativ och alla reglage):",
        "The link opens exactly this view in Vägval (scenario, alternatives and every slider):",
    ),
    "memo.page": ("Sida {page} av {total}", "Page {page} of {total}"),
    # --- dataset upload ---
    "data.nav": ("Data", "Data"),
    "data.title": ("Data: underlaget som alla sidor räknar på", "Data: what every page computes from"),
    "data.intro": (
        "Här ser du vilken kommuns data instrumentpanelen använder, och här laddar du upp kommunens egen. "
        "En fil kontrolleras innan den används; en felaktig fil ändrar ingenting.",
        "See which municipality's data the dashboard uses, and upload your own here. "
        "A file is checked before it is used; a faulty file changes nothing.",
    ),
    "data.in_use": ("Datan som används", "The data in use"),
    "data.from_server": (
        "**{name}** (kommunkod {code}) — serverns egen data, från `{folder}`.",
        "**{name}** (municipality code {code}) — the server's own data, from `{folder}`.",
    ),
    "data.from_upload": (
        "**{name}** (kommunkod {code}) — uppladdad som `{file}` den {when}.",
        "**{name}** (municipality code {code}) — uploaded as `{file}` on {when}.",
    ),
    "data.is_default": ("Nya besökare får den här datan.", "New visitors get this data."),
    "data.make_default": ("Gör till standard för alla nya besökare", "Make it the default for every new visitor"),
    "data.make_default.help": (
        "Den som öppnar instrumentpanelen utan länk till en viss datamängd får då den här. "
        "Länkar som redan delats öppnar fortfarande sin egen data.",
        "Whoever opens the dashboard without a link to a particular dataset then gets this one. "
        "Links already shared still open their own data.",
    ),
    "data.default_set": ("Nu får alla nya besökare {name}.", "Every new visitor now gets {name}."),
    "data.summary": (
        "Basår {year} · {inhabitants} invånare i {areas} planeringsområden.",
        "Base year {year} · {inhabitants} inhabitants in {areas} planning areas.",
    ),
    "data.contents": ("Vad datan innehåller", "What the data holds"),
    "data.col.table": ("Tabell (blad eller fil)", "Table (sheet or file)"),
    "data.col.rows": ("Rader", "Rows"),
    "data.table.areas": ("Planeringsområden (areas)", "Planning areas (areas)"),
    "data.table.population": (
        "Befolkning: område × ålder med invånare (population)",
        "Population: area × age with inhabitants (population)",
    ),
    "data.table.demography": ("Demografi: en rad per ålder (demography)", "Demography: one row per age (demography)"),
    "data.table.units": (
        "Enheter: skolor, förskolor, boenden, lokaler (units)",
        "Units: schools, preschools, care homes, facilities (units)",
    ),
    "data.table.enrollment": ("Elever per skola och årskurs (enrollment)", "Pupils per school and grade (enrollment)"),
    "data.table.distances": ("Vägavstånd (distances)", "Road distances (distances)"),
    "data.table.facility_usage": (
        "Användning av fritids- och kulturlokaler (facility_usage)",
        "Use of leisure and culture facilities (facility_usage)",
    ),
    "data.table.investments": ("Planerade investeringar (investments)", "Planned investments (investments)"),
    "data.table.scenarios": ("Scenarier (scenarios)", "Scenarios (scenarios)"),
    "data.table.alternatives": ("Handlingsalternativ (alternatives)", "Alternatives (alternatives)"),
    "data.scenarios": ("**Scenarier:** {names}", "**Scenarios:** {names}"),
    "data.alternatives": ("**Handlingsalternativ:** {names}", "**Alternatives:** {names}"),
    "data.switch": ("Byt till data som redan finns här", "Switch to data already here"),
    "data.switch.button": ("Byt", "Switch"),
    "data.switch.failed": (
        "Den datan kan inte användas längre (den klarar inte dagens kontroller). Ladda upp en rättad fil.",
        "That data can no longer be used (it fails today's checks). Upload a corrected file.",
    ),
    "data.now_used": (
        "Nu används {name}. Alla sidor räknar på den, och länken i sidopanelen öppnar den.",
        "{name} is now in use. Every page computes from it, and the link in the sidebar opens it.",
    ),
    "data.delete": ("Ta bort uppladdad data", "Delete uploaded data"),
    "data.delete.pick": ("Vilken uppladdning", "Which upload"),
    "data.delete.sure": (
        "Ja, ta bort {name} för alla som använder instrumentpanelen",
        "Yes, delete {name} for everyone who uses the dashboard",
    ),
    "data.delete.button": ("Ta bort", "Delete"),
    "data.delete.help": (
        "Filen tas bort ur instrumentpanelens lagring. Länkar till den öppnar sedan standarddatan, med ett "
        "meddelande. Sparade alternativ för kommunen ligger kvar.",
        "The file is removed from the dashboard's storage. Links to it then open the default data, with a "
        "message. Alternatives saved for the municipality stay.",
    ),
    "data.deleted": (
        "{name} är borttagen. Nya besökare och gamla länkar får nu {default}.",
        "{name} is deleted. New visitors and old links now get {default}.",
    ),
    "data.upload": ("Ladda upp kommunens egen data", "Upload your municipality's own data"),
    "data.upload.howto": (
        "1. Ladda ner mallen: demokommunen som Excel-arbetsbok, ett blad per tabell. Skriv över den med kommunens "
        "uppgifter; kolumnerna beskrivs under *Om modellen*.\n"
        "2. Ladda upp arbetsboken (.xlsx) — eller en zip-fil med datamappens CSV-filer och `municipality.toml`, "
        "`scenarios.toml` och `alternatives.toml`.\n"
        "3. Filen kontrolleras. Är något fel ser du fil, rad och kolumn för varje fel, och datan som används "
        "ändras inte. Är allt rätt väljer du om den ska användas.",
        "1. Download the template: the demo municipality as an Excel workbook, one sheet per table. Overwrite it "
        "with your municipality's data; the columns are described under *About the model*.\n"
        "2. Upload the workbook (.xlsx) — or a zip file with the dataset folder's CSV files and "
        "`municipality.toml`, `scenarios.toml` and `alternatives.toml`.\n"
        "3. The file is checked. If something is wrong you see the file, row and column of every problem, and "
        "the data in use does not change. If all is well you choose whether to use it.",
    ),
    "data.template": ("Ladda ner mallen (Excel)", "Download the template (Excel)"),
    "data.upload.label": (
        "Arbetsbok (.xlsx) eller zip-fil med CSV- och TOML-filerna",
        "Workbook (.xlsx) or zip file with the CSV and TOML files",
    ),
    "data.upload.help": (
        "Högst {mb} MB. CSV-filer får vara komma- eller semikolonavgränsade, i UTF-8 eller Windows-1252 "
        "(som Excel sparar dem), med decimalkomma eller decimalpunkt.",
        "At most {mb} MB. CSV files may be comma or semicolon separated, in UTF-8 or Windows-1252 "
        "(as Excel saves them), with decimal comma or point.",
    ),
    "data.checking": ("Kontrollerar filen …", "Checking the file …"),
    "data.already": ("`{file}` är redan den data som används.", "`{file}` is already the data in use."),
    "data.accepted": (
        "`{file}` är kontrollerad och kan användas: **{name}** (kommunkod {code}). Så här ser den ut:",
        "`{file}` has been checked and can be used: **{name}** (municipality code {code}). This is what it holds:",
    ),
    "data.use": ("Använd den här datan", "Use this data"),
    "data.use.help": (
        "Byter data i den här sessionen och i länken du delar. Vyn börjar om från den nya datans scenarier "
        "och alternativ.",
        "Switches the data in this session and in the link you share. The view starts again from the new "
        "data's scenarios and alternatives.",
    ),
    "data.rejected": (
        "`{file}` kan inte användas: {n} fel. Ingenting har ändrats — {name} används fortfarande.",
        "`{file}` cannot be used: {n} problems. Nothing has changed — {name} is still in use.",
    ),
    "data.rejected.fix": (
        "Rätta felen nedan och ladda upp filen igen. *Rad* är radnumret som Excel visar (rubrikraden är rad 1); "
        "i TOML-filer raden där tabellen börjar.",
        "Fix the problems below and upload the file again. *Row* is the row number Excel shows (the header is "
        "row 1); in TOML files the line where the table starts.",
    ),
    "data.col.file": ("Fil [blad]", "File [sheet]"),
    "data.col.row": ("Rad", "Row"),
    "data.col.column": ("Kolumn", "Column"),
    "data.col.problem": ("Vad som är fel", "What is wrong"),
    "data.link_unknown": (
        "Länken pekar på data (`{id}`) som inte finns på den här servern. {name} visas i stället.",
        "The link points to data (`{id}`) that this server does not have. {name} is shown instead.",
    ),
    # --- workshop input ---
    "ws.title": ("Workshop", "Workshop"),
    "ws.intro": (
        "Alla i rummet väger kriterierna på sin egen telefon. Skärmen visar direkt hur alternativen rangordnas med "
        "rummets vikter och om rangordningen håller. Inga namn sparas.",
        "Everyone in the room weights the criteria on their own phone. The screen shows at once how the alternatives "
        "rank under the room's weights and whether the ranking holds. No names are stored.",
    ),
    "ws.join": ("Gå med i en workshop", "Join a workshop"),
    "ws.code": ("Workshopens kod", "The workshop's code"),
    "ws.join.button": ("Gå med", "Join"),
    "ws.join.how": (
        "**Gå med:** skanna koden med mobilkameran eller öppna länken. Koden:",
        "**Join:** scan the code with your phone's camera or open the link. The code:",
    ),
    "ws.unknown": (
        "Det finns ingen workshop med koden '{code}' för dessa data. Kontrollera koden med den som leder.",
        "There is no workshop with the code '{code}' for this data. Check the code with the facilitator.",
    ),
    "ws.local_link": (
        "Länken pekar på den här datorn, och telefoner når den inte. Öppna Vägval med datorns nätverksadress "
        "(eller starta servern med VAGVAL_PUBLIC_URL) så blir länken och QR-koden rätt.",
        "The link points at this computer, which phones cannot reach. Open Vägval by the computer's network address "
        "(or start the server with VAGVAL_PUBLIC_URL) and the link and QR code will be right.",
    ),
    "ws.earlier": ("Tidigare workshoppar", "Earlier workshops"),
    "ws.open_earlier": ("Öppna", "Open"),
    "ws.closed.short": ("stängd", "closed"),
    "ws.start": ("Starta en workshop", "Start a workshop"),
    "ws.start.help": (
        "Workshoppen låser det som visas nu: scenario {scenario}, {years} år framåt, reglagens värden och "
        "alternativen nedan. Alla deltagare rangordnar samma sak.",
        "The workshop fixes what is shown now: scenario {scenario}, {years} years ahead, the sliders' values and the "
        "alternatives below. Every participant ranks the same thing.",
    ),
    "ws.start.pick": (
        "Jämförs alltid med att behålla alla skolor (om vi inte agerar).",
        "Always compared with keeping all schools (if we do not act).",
    ),
    "ws.start.code": ("Ge workshoppen en kort kod", "Give the workshop a short code"),
    "ws.start.button": ("Starta workshoppen", "Start the workshop"),
    "ws.start.bad_code": (
        "Koden får bara ha bokstäverna a–z, siffror, - och _ (till exempel KS-mars).",
        "The code may only contain the letters a–z, digits, - and _ (for example KS-mars).",
    ),
    "ws.start.exists": (
        "Det finns redan en workshop med koden '{code}'. Välj en annan kod eller öppna den under Tidigare workshoppar.",
        "A workshop with the code '{code}' already exists. Choose another code or open it under Earlier workshops.",
    ),
    "ws.header": (
        "Workshop **{code}** · scenario {scenario} · {first}–{last} · {n} alternativ",
        "Workshop **{code}** · scenario {scenario} · {first}–{last} · {n} alternatives",
    ),
    "ws.gone": (
        "Några alternativ i workshoppen finns inte längre i datan och visas inte: {ids}",
        "Some of the workshop's alternatives are no longer in the data and are not shown: {ids}",
    ),
    "ws.too_few": (
        "Workshoppen har färre än två alternativ kvar i datan, så det finns inget att rangordna.",
        "The workshop has fewer than two alternatives left in the data, so there is nothing to rank.",
    ),
    "ws.leave": ("Lämna workshoppen", "Leave the workshop"),
    "ws.mode": ("Visa", "Show"),
    "ws.mode.answer": ("Ditt svar", "Your input"),
    "ws.mode.room": ("Rummet", "The room"),
    "ws.mode.lead": ("Leda workshoppen", "Lead the workshop"),
    "ws.closed": (
        "Workshoppen är stängd: nya svar tas inte emot.",
        "The workshop is closed: no new input is taken.",
    ),
    "ws.answer.intro": (
        "**Hur viktigt är varje kriterium för dig?** 0 = inte alls, 5 = mycket viktigt.",
        "**How much does each criterion matter to you?** 0 = not at all, 5 = very much.",
    ),
    "ws.crit.economy": ("Ekonomi", "Economy"),
    "ws.crit.economy.help": (
        "Hur mycket alternativet sparar eller kostar mot att behålla alla skolor, sammanlagt över perioden "
        "(engångskostnader medräknade).",
        "How much the alternative saves or costs against keeping all schools, added up over the period (one-off "
        "costs included).",
    ),
    "ws.crit.quality": ("Kvalitet i skolan", "Quality of schooling"),
    "ws.crit.quality.help": (
        "Färre elever i åldersblandade klasser och färre sårbara lärarlag (för få lärare för att täcka ämnen och "
        "frånvaro).",
        "Fewer pupils in combined-grade classes and fewer fragile teacher teams (too few teachers to cover subjects "
        "and absence).",
    ),
    "ws.crit.travel": ("Resvägar och skolskjuts", "Travel and school transport"),
    "ws.crit.travel.help": (
        "Kortare genomsnittligt avstånd till skolan och färre elever över gränsen för skolskjuts.",
        "A shorter mean distance to school and fewer pupils beyond the school transport threshold.",
    ),
    "ws.crit.moves": ("Närhet: färre byter skola", "Continuity: fewer change school"),
    "ws.crit.moves.help": (
        "Färre elever som går i en annan skola än om vi behåller alla skolor — omställningen för barn och familjer.",
        "Fewer pupils at another school than if we keep all schools — the transition for children and families.",
    ),
    "ws.yours": ("Rangordning med dina vikter", "Ranking with your weights"),
    "ws.no_weights": (
        "Dra i minst ett reglage: utan vikter rangordnas inget.",
        "Move at least one slider: without weights nothing is ranked.",
    ),
    "ws.points": ("{points} av 100", "{points} of 100"),
    "ws.and": (" och ", " and "),
    "ws.changes.intro": (
        "**När skulle förstaplatsen ändras?** En vikt i taget, de andra som de är:",
        "**When would the first place change?** One weight at a time, the others as they are:",
    ),
    "ws.change": (
        "om {criterion} vägde {levels} (nu {now}) kommer {leaders} först",
        "if {criterion} weighed {levels} (now {now}), {leaders} comes first",
    ),
    "ws.change.tie": (
        "om {criterion} vägde {levels} (nu {now}) delar {leaders} förstaplatsen",
        "if {criterion} weighed {levels} (now {now}), {leaders} share the first place",
    ),
    "ws.robust": (
        "**Förstaplatsen står sig:** ingen enskild vikt mellan 0 och 5 ändrar den, med de andra som de är.",
        "**The first place holds:** no single weight between 0 and 5 changes it, the others as they are.",
    ),
    "ws.how": (
        "Varje alternativ får 0–100 på varje kriterium, jämfört med de andra alternativen i workshoppen: bäst = 100, "
        "sämst = 0 och däremellan i proportion. Bättre är lägre kostnad, färre elever i åldersblandade klasser, färre "
        "sårbara lärarlag, kortare avstånd, färre över gränsen för skolskjuts och färre som byter skola. Ett "
        "kriterium med två mått får medelvärdet av dem. Totalen är det vägda medelvärdet: summan av vikt × poäng "
        "delad med summan av vikterna, så ett kriterium med vikt 0 räknas inte. Lika poäng ger delad plats. "
        "Skalan är relativ: en liten skillnad kan ge hela skalan, så se också måtten nedan. Ekonomi är "
        "kostnadsskillnaden mot att behålla alla skolor, summerad över perioden; de andra måtten gäller sista året.",
        "Each alternative gets 0–100 on each criterion, compared with the workshop's other alternatives: best = 100, "
        "worst = 0 and in proportion between. Better is lower cost, fewer pupils in combined-grade classes, fewer "
        "fragile teacher teams, shorter distance, fewer beyond the school transport threshold and fewer who change "
        "school. A criterion with two measures gets their mean. The total is the weighted mean: the sum of weight × "
        "points divided by the sum of the weights, so a criterion weighted 0 does not count. Equal points share a "
        "place. The scale is relative: a small difference can span the whole scale, so look at the measures below "
        "too. Economy is the cost difference against keeping all schools, added up over the period; the other "
        "measures are for the last year.",
    ),
    "ws.m.cost_diff_sek": ("Kostnad mot att behålla alla, hela perioden", "Cost against keeping all, whole period"),
    "ws.m.combined_grade_share": ("Andel i åldersblandade klasser", "Share in combined-grade classes"),
    "ws.m.fragile_teams": ("Sårbara lärarlag", "Fragile teacher teams"),
    "ws.m.mean_distance_km": ("Genomsnittligt avstånd till skolan", "Mean distance to school"),
    "ws.m.pupils_over_threshold": ("Elever över gränsen för skolskjuts", "Pupils beyond the transport threshold"),
    "ws.m.pupils_changing_school": ("Elever som byter skola", "Pupils who change school"),
    "ws.send.title": ("Skicka ditt svar", "Send your input"),
    "ws.preferred": ("Vilket alternativ föredrar du? (frivilligt)", "Which alternative do you prefer? (optional)"),
    "ws.preferred.help": (
        "Ditt eget val, oavsett poängen. Rummet ser hur många som föredrar varje alternativ.",
        "Your own choice, whatever the points. The room sees how many prefer each alternative.",
    ),
    "ws.no_preference": ("Inget särskilt", "No preference"),
    "ws.comment": ("Kommentar (frivillig)", "Comment (optional)"),
    "ws.comment.help": (
        "Visas för alla på skärmen. Skriv inga namn eller personuppgifter.",
        "Shown to everyone on the screen. Write no names or personal details.",
    ),
    "ws.send": ("Skicka", "Send"),
    "ws.resend": ("Skicka igen (ersätter ditt förra svar)", "Send again (replaces your earlier input)"),
    "ws.thanks": (
        "Tack! Ditt svar är sparat. Du kan ändra och skicka igen; då ersätts det.",
        "Thank you! Your input is saved. You can change it and send again; it will be replaced.",
    ),
    "ws.sent_before": ("Du skickade ditt svar kl. {time}.", "You sent your input at {time}."),
    "ws.responses": ("Svar", "Responses"),
    "ws.room.summary": (
        "Med rummets vikter kommer {leaders} först. För {part} av {whole} deltagare sätter de egna vikterna samma "
        "alternativ först.",
        "Under the room's weights {leaders} comes first. For {part} of {whole} participants their own weights put the "
        "same alternative first.",
    ),
    "ws.room.summary.tie": (
        "Med rummets vikter delar {leaders} förstaplatsen. För {part} av {whole} deltagare sätter de egna vikterna "
        "samma alternativ först.",
        "Under the room's weights {leaders} share the first place. For {part} of {whole} participants their own "
        "weights put the same alternative first.",
    ),
    "ws.room.summary.help": (
        "Rummets vikter är medelvärdet av allas vikter. Rangordningen är ett underlag för samtalet, inte ett beslut.",
        "The room's weights are the mean of everyone's weights. The ranking is input for the discussion, not a "
        "decision.",
    ),
    "ws.same_first": ("Samma etta", "Same first place"),
    "ws.same_first.help": (
        "Hur många deltagares egna vikter sätter samma alternativ först (av dem som har vägt något).",
        "How many participants' own weights put the same alternative first (of those who weighted anything).",
    ),
    "ws.of": ("{part} av {whole}", "{part} of {whole}"),
    "ws.waiting": (
        "Inga svar ännu. Sidan uppdateras av sig själv när svaren kommer.",
        "No input yet. The page updates itself as input arrives.",
    ),
    "ws.room.ranking": ("Rangordning med rummets vikter", "Ranking under the room's weights"),
    "ws.room.no_weights": (
        "Ingen har gett något kriterium en vikt ännu, så inget rangordnas.",
        "Nobody has weighted any criterion yet, so nothing is ranked.",
    ),
    "ws.first_for": ("etta för {n}", "first for {n}"),
    "ws.room.weights": ("Rummets vikter (medelvärde)", "The room's weights (mean)"),
    "ws.of_five": ("{value} av 5", "{value} of 5"),
    "ws.room.preferred": ("Föredraget alternativ", "Preferred alternative"),
    "ws.room.comments": ("Kommentarer ({n})", "Comments ({n})"),
    "ws.room.more_comments": ("… och {n} till i exporten.", "… and {n} more in the export."),
    "ws.pin": ("Ledarkod", "Leader code"),
    "ws.pin.help": (
        "Den som startade workshoppen leder den. Från en annan enhet: skriv ledarkoden.",
        "Whoever started the workshop leads it. From another device: enter the leader code.",
    ),
    "ws.pin.button": ("Leda härifrån", "Lead from here"),
    "ws.pin.wrong": ("Fel ledarkod.", "Wrong leader code."),
    "ws.pin.yours": (
        "Ledarkod: **{pin}** — skriv upp den om du vill leda från en annan dator.",
        "Leader code: **{pin}** — note it down if you want to lead from another computer.",
    ),
    "ws.lead.present": (
        "Till projektorn: välj Rummet och slå på presentationsläget. Rummet uppdateras av sig själv.",
        "For the projector: choose The room and turn on presentation mode. The room updates itself.",
    ),
    "ws.status.open": ("**Öppen för svar** · {n} svar hittills", "**Open for input** · {n} responses so far"),
    "ws.status.closed": ("**Stängd för nya svar** · {n} svar", "**Closed for new input** · {n} responses"),
    "ws.close": ("Stäng för nya svar", "Close for new input"),
    "ws.close.help": (
        "Svaren finns kvar och visas; ingen kan skicka eller ändra.",
        "The input stays and is shown; nobody can send or change.",
    ),
    "ws.reopen": ("Öppna för svar igen", "Open for input again"),
    "ws.export": ("Ladda ner svaren", "Download the input"),
    "ws.col.participant": ("Deltagare (anonym)", "Participant (anonymous)"),
    "ws.col.saved": ("Sparad", "Saved"),
    "ws.col.first": ("Etta med egna vikter", "First under own weights"),
    "ws.col.preferred": ("Föredrar", "Prefers"),
    "ws.col.comment": ("Kommentar", "Comment"),
    "ws.danger": ("Rensa eller ta bort", "Clear or delete"),
    "ws.confirm": ("Jag vill verkligen ta bort svaren", "I really want to remove the input"),
    "ws.clear": ("Rensa alla svar", "Clear all input"),
    "ws.delete": ("Ta bort workshoppen och alla svar", "Delete the workshop and all input"),
}


_run = threading.local()  # Streamlit runs each script run in its own thread


def use_language(code: str) -> None:
    """Set the language for the rest of this script run (session.view() does it)."""
    _run.lang = code


def lang() -> str:
    # A thread-local read: t() is called hundreds of times a run, session state is slower.
    code = getattr(_run, "lang", None)
    if code is None:
        code = getattr(st.session_state.get("view"), "lang", "sv")
    return code


def t(key: str, **values: object) -> str:
    """The label in the session's language; raises KeyError for a missing key."""
    sv, en = LABELS[key]
    text = en if lang() == "en" else sv
    return text.format(**values) if values else text


def parameter_label(meta: dict) -> str:
    """A parameter's description in the session's language (from the engine's tree)."""
    return meta["description_en"] if lang() == "en" else meta["description_sv"]
