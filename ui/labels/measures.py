"""Units, measures and their explanations, shared words: used on many pages and in the memo."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
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
    "measure.one_off_cost_sek": ("Engångskostnader under perioden", "One-off costs over the period"),
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
    "explain.cost_sek": (
        "Summan av alla skolors kostnader ett år: lokaler + fasta kostnader (ledning, administration) "
        "+ lärare (heltidstjänster × {teacher_cost}) + {other_teaching} per elev i övrig undervisning "
        "+ {per_pupil} per elev (måltider, läromedel, elevhälsa, övrigt) "
        "+ skolskjuts ({transport} per elev som har rätt till skjuts). En stängd skolas lokaler kostar "
        "{closed_share} av lokalkostnaden i {closed_years} år. Engångskostnader redovisas för sig.",
        "The sum of all schools' costs in a year: premises + fixed costs (management, administration) "
        "+ teachers (FTE × {teacher_cost}) + {other_teaching} per pupil of other teaching "
        "+ {per_pupil} per pupil (meals, materials, pupil health, other) "
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
    "kpi.cost_per_pupil": ("Kostnad per elev {year}", "Cost per pupil {year}"),
    "kpi.since": ("{change} sedan {year}", "{change} since {year}"),
    "kpi.cost": ("Kostnad {year}", "Cost {year}"),
    "kpi.total_diff": ("Mot att behålla alla {first}–{last}", "Against keeping all {first}–{last}"),
    "kpi.total_diff.help": (
        "Summan av alla årens kostnader inklusive engångskostnader, jämförd med samma summa om alla skolor behålls.",
        "The sum of every year's costs including one-off costs, against the same sum if all schools are kept.",
    ),
    "kpi.class_size": ("Klasstorlek {year}", "Class size {year}"),
    "kpi.distance": ("Medelavstånd {year}", "Mean distance {year}"),
    "unit.points": ("{value} %-enheter", "{value} points"),
    "measure.measure": ("Nyckeltal", "Measure"),
    "word.saves": ("sparar", "saves"),
    "word.costs_more": ("kostar", "costs an extra"),
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
    "kpi.moved": ("Elever som byter skola {year}", "Pupils who change school {year}"),
    "kpi.moved.help": (
        "Elever som {year} går i en annan skola än de skulle ha gjort om alla skolor behålls.",
        "Pupils who in {year} attend a different school than they would if all schools were kept.",
    ),
    "word.keep_all": ("Behåll alla (om vi inte agerar)", "Keep all (if we do not act)"),
    "word.rises": ("ökar", "rises"),
    "word.falls": ("minskar", "falls"),
    "word.yes": ("Ja", "Yes"),
    "word.no": ("Nej", "No"),
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
    "explain.capacity": (
        "Nyttjandegrad = elever / platser. Tomma platser = platser − elever i varje öppen skola (aldrig under noll); "
        "över 100 % är skolan överfull. Eleverna är barnen 6–15 år gånger andelen som går i kommunens skolor, och de "
        "går i närmaste skola som har deras årskurs och plats. Platserna är skolornas kapacitet enligt kommunens data.",
        "Utilisation = pupils / places. Empty places = places − pupils in each open school (never below zero); above "
        "100 % the school is overcrowded. Pupils are the children aged 6–15 times the share attending the "
        "municipality's schools, and they attend the nearest school with their grade and room. Places are the "
        "schools' capacity from the municipality's data.",
    ),
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
    "explain.cost_per_pupil_school": (
        "Skolans kostnad delat med dess elever. Den streckade linjen är alla skolors kostnad delat med alla elever. "
        "Små skolor har högre kostnad per elev eftersom lokaler, ledning och ett minsta antal lärare behövs oavsett "
        "hur många eleverna är.",
        "The school's cost divided by its pupils. The dashed line is all schools' cost divided by all pupils. Small "
        "schools cost more per pupil because premises, management and a minimum of teachers are needed however few "
        "the pupils.",
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
}
