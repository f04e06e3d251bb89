"""Om modellen: parameters, sources and how each figure is computed."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
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
        "Källorna anges på svenska, som i modellen.",
        "Sources are given in Swedish, as documented in the model.",
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
        "transportproblem, löst exakt som ett minkostnadsflöde med OR-Tools). Vid en sammanslagning går den stängda "
        "skolans elever till den skola den slogs samman med; har den inte plats för alla går de som inte får plats "
        "till närmaste skola med plats, och det står på Jämför, Bygg alternativ och i beslutsunderlaget. Räcker platserna inte till räknas eleverna som *elever över kapacitet* — ingen elev "
        "försvinner ur räkningen. Avståndet är fågelvägen × omvägsfaktorn {detour}, eller vägavståndet där kommunen "
        "har lämnat sådana.",
        "Everyone living in a planning area is assumed to live at the area's centre. Each pupil attends the nearest "
        "open school that has the pupil's grade and room left; if it is full the pupil goes to the next nearest, and "
        "so on. The model assigns all pupils at once so that the total travel is as short as possible (a "
        "transportation problem, solved exactly as a min-cost flow with OR-Tools). In a merger the closed school's "
        "pupils go to the school it was merged into; if it has no room for all of them, those who do not fit go to "
        "the nearest school with room, and Compare, Build an alternative and the memo say so. If there are not enough places the pupils count as *pupils over capacity* — no pupil drops "
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
        "lärarna, övrig undervisning per elev (speciallärare, assistenter, vikarier), det som följer varje elev "
        "(måltider, läromedel, elevhälsa, övrigt) och skolskjutsen för skolans elever. "
        "En öppen skola utan elever kostar ändå lokaler och fasta kostnader. Kommunens kostnad är summan över alla "
        "skolor. Allt räknas i kronor i basårets priser.",
        "An open school's cost in a year is the sum of its premises, fixed costs (management, administration), "
        "teachers, other teaching per pupil (special-needs teachers, assistants, substitutes), what follows each "
        "pupil (meals, materials, pupil health, other) and school transport for its pupils. An "
        "open school without pupils still costs premises and fixed costs. The municipality's cost is the sum over all "
        "schools. Everything is in SEK at base-year prices.",
    ),
    "about.cost.formula": (
        "kostnad = lokalkostnad + fasta kostnader + lärare × {teacher_cost} + elever × ({other_teaching} + "
        "{per_pupil}) + elever med "
        "skolskjuts × {transport}",
        "cost = premises + fixed costs + teachers × {teacher_cost} + pupils × ({other_teaching} + {per_pupil}) "
        "+ pupils with school "
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
}
