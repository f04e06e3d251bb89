"""Barnkonsekvenser: the child impact assessment of an alternative."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "child.nav": ("Barnkonsekvenser", "Child impact"),
    "child.title": ("Barnkonsekvensanalys", "Child impact assessment"),
    "child.intro": (
        "Hur påverkas barnen av alternativet? Barnets bästa ska utredas och beaktas i beslut som rör barn "
        "(barnkonventionen, svensk lag sedan 2020; skollagen 1 kap. 10 §). Analysen följer Barnombudsmannens "
        "vägledning i sex steg. Modellen fyller i de två första — vilka barn som berörs och fakta — för "
        "scenariot {scenario}; de fyra sista skriver ni, och de sparas med alternativet och kommer med i "
        "beslutsunderlaget.",
        "How does the alternative affect children? The child's best interest must be investigated and weighed in "
        "decisions that concern children (the Convention on the Rights of the Child, Swedish law since 2020; the "
        "Education Act, chapter 1 section 10). The assessment follows the Ombudsman for Children's guidance in six "
        "steps. The model fills in the first two — which children are affected and the facts — for the scenario "
        "{scenario}; you write the last four, which are saved with the alternative and included in the decision memo.",
    ),
    "child.pick": ("Alternativ att bedöma", "Alternative to assess"),
    "child.none": (
        "Det finns inget alternativ att bedöma. Bygg ett på sidan *Bygg alternativ*.",
        "There is no alternative to assess. Build one on the page *Build an alternative*.",
    ),
    "child.year": ("År", "Year"),
    "child.year.help": (
        "Året som fakta gäller. Sidan öppnar på det första år då någon elev byter skola.",
        "The year the facts apply to. The page opens on the first year in which any pupil changes school.",
    ),
    "child.step1": ("1. Vilka barn berörs?", "1. Which children are affected?"),
    "child.kpi.moved": ("Byter skola {year}", "Change school {year}"),
    "child.kpi.moved.help": (
        "Elever som går i en annan skola än de skulle ha gjort om vi behåller alla skolor (modellens förväntade "
        "antal).",
        "Pupils who go to another school than they would if we keep all schools (the model's expected number).",
    ),
    "child.kpi.touched": ("I berörda skolor {year}", "At affected schools {year}"),
    "child.kpi.touched.help": (
        "Elever i de skolor som alternativet ändrar: de som flyttar och deras nya klasskamrater.",
        "Pupils at the schools the alternative changes: those who move and their new classmates.",
    ),
    "child.kpi.extra_km": ("Längre skolväg per elev", "Longer journey per pupil"),
    "child.kpi.newly_over": ("Nya över skjutsgränsen", "Newly over the transport threshold"),
    "child.kpi.newly_over.help": (
        "Elever som får längre skolväg än gränsen för skolskjuts ({f3} km för F–3, {m46} km för 4–6, {m79} km "
        "för 7–9) på grund av alternativet.",
        "Pupils whose journey becomes longer than the school transport threshold ({f3} km for F–3, {m46} km for "
        "4–6, {m79} km for 7–9) because of the alternative.",
    ),
    "child.summary": (
        "**{year} går {moved} elever i en annan skola än om vi behåller alla skolor.** {longer} av dem får "
        "längre skolväg, i snitt {km} längre, och {newly} elever får längre än gränsen för skolskjuts. Skolor "
        "som berörs: {schools}.",
        "**In {year}, {moved} pupils go to another school than if we keep all schools.** {longer} of them have a "
        "longer journey, {km} further on average, and {newly} pupils travel further than the school transport "
        "threshold. Schools affected: {schools}.",
    ),
    "child.nobody": (
        "Med de här antagandena byter ingen elev skola under {first}–{last} jämfört med om vi behåller alla skolor.",
        "With these assumptions no pupil changes school in {first}–{last} compared with keeping all schools.",
    ),
    "child.step2": ("2. Fakta från modellen", "2. Facts from the model"),
    "child.bands.title": ("Per åldersgrupp {year}", "By age group {year}"),
    "child.col.band": ("Årskurser", "Grades"),
    "child.col.pupils": ("Elever", "Pupils"),
    "child.col.moved": ("Byter skola", "Change school"),
    "child.col.longer": ("Längre skolväg", "Longer journey"),
    "child.col.extra_km": ("Km längre per elev som byter", "Km further per pupil who changes"),
    "child.col.over_base": ("Över skjutsgränsen om vi behåller alla", "Over the transport threshold if we keep all"),
    "child.col.over_alt": ("Över skjutsgränsen med alternativet", "Over the transport threshold with the alternative"),
    "child.areas.title": ("Per område {year}", "By area {year}"),
    "child.col.area": ("Område", "Area"),
    "child.col.km_base": ("Km till skolan om vi behåller alla", "Km to school if we keep all"),
    "child.col.km_alt": ("Km till skolan med alternativet", "Km to school with the alternative"),
    "child.areas.none": ("Inget område berörs {year}.", "No area is affected in {year}."),
    "child.distance.title": ("Elever efter avstånd till skolan {year}", "Pupils by distance to school {year}"),
    "child.distance.x": ("Avstånd till skolan (km längs väg)", "Distance to school (km by road)"),
    "child.minutes.title": (
        "Restid till skolan {year} (minuter, i snitt)",
        "Travel time to school {year} (minutes, mean)",
    ),
    "child.col.minutes_base": ("Minuter om vi behåller alla", "Minutes if we keep all"),
    "child.col.minutes_alt": ("Minuter med alternativet", "Minutes with the alternative"),
    "child.classes": (
        "**Klasser och lärarlag {year}:** klasserna har i snitt {size_alt} elever ({size_base} om vi behåller alla "
        "skolor); {combined_alt} av eleverna går i åldersblandade klasser ({combined_base}); {fragile_alt} skolor har "
        "ett sårbart lärarlag ({fragile_base}).",
        "**Classes and teacher teams {year}:** classes average {size_alt} pupils ({size_base} if we keep all "
        "schools); {combined_alt} of pupils are in combined-grade classes ({combined_base}); {fragile_alt} schools "
        "have a fragile teacher team ({fragile_base}).",
    ),
    "child.preschool.none": ("Alternativet rör ingen förskola.", "The alternative touches no preschool."),
    "child.preschool.title": ("Förskolor som berörs", "Preschools affected"),
    "child.col.preschool": ("Förskola", "Preschool"),
    "child.col.year": ("År", "Year"),
    "child.col.children_base": ("Barn om vi behåller alla", "Children if we keep all"),
    "child.col.children_alt": ("Barn med alternativet", "Children with the alternative"),
    "child.col.places_base": ("Platser om vi behåller alla", "Places if we keep all"),
    "child.col.places_alt": ("Platser med alternativet", "Places with the alternative"),
    "child.explain": (
        "Eleverna är modellens förväntade antal per område, årskurs och år. *Byter skola* = elever som går i en "
        "annan skola med alternativet än om vi behåller alla skolor. *Längre skolväg* = de av dem vars nya skolor "
        "ligger längre bort från hemområdet än de gamla; *km längre* = vägavståndet till de nya skolorna minus till "
        "de gamla, per elev som byter. *Gränsen för skolskjuts* är {f3} km för F–3, {m46} km för 4–6 och {m79} km "
        "för 7–9 (parametrar på sidan *Om modellen*).",
        "Pupils are the model's expected numbers per area, grade and year. *Change school* = pupils who go to "
        "another school with the alternative than if we keep all schools. *Longer journey* = those of them whose new "
        "schools lie further from their home area than the old ones; *km further* = the road distance to the new "
        "schools minus to the old ones, per pupil who changes. *The school transport threshold* is {f3} km for F–3, "
        "{m46} km for 4–6 and {m79} km for 7–9 (parameters on the page *About the model*).",
    ),
    "child.step3": ("3. Barnens egna synpunkter", "3. The children's own views"),
    "child.step3.help": (
        "Hur har barnen fått komma till tals (elevråd, enkät, samtal i klasserna) och vad sa de?",
        "How were the children heard (pupil councils, a survey, talks in the classes) and what did they say?",
    ),
    "child.step4": ("4. Bedömning av barnets bästa", "4. The assessment of the child's best interest"),
    "child.step4.help": (
        "Väg samman fakta och barnens synpunkter: vad blir bäst för barnen, och hur vägs det mot andra intressen?",
        "Weigh the facts and the children's views together: what is best for the children, and how is it weighed "
        "against other interests?",
    ),
    "child.step5": ("5. Hur negativa konsekvenser möts", "5. How negative consequences are met"),
    "child.step5.help": (
        "Vad gör kommunen för att minska det som blir sämre för barnen: skolskjuts, inskolning, trygga vägar, stöd "
        "till lärarlag?",
        "What does the municipality do to lessen what gets worse for the children: school transport, introduction "
        "at the new school, safe routes, support for teacher teams?",
    ),
    "child.step6": ("6. Uppföljning", "6. Follow-up"),
    "child.step6.help": (
        "Hur och när följer ni upp beslutets konsekvenser för barnen, och vem ansvarar?",
        "How and when do you follow up the decision's consequences for the children, and who is responsible?",
    ),
    "child.save": ("Spara bedömningen", "Save the assessment"),
    "child.saved": ("Senast sparad {time}.", "Last saved {time}."),
    "child.saved.never": ("Inte sparad ännu.", "Not saved yet."),
    "child.saved.now": ("Bedömningen är sparad.", "The assessment is saved."),
    "child.file": ("barnkonsekvenser", "child-impact"),
}
