"""Föreslå alternativ: the optimiser's constraints, frontier and proposals."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "propose.nav": ("Föreslå alternativ", "Propose alternatives"),
    "propose.title": ("Föreslå alternativ", "Propose alternatives"),
    "propose.intro": (
        "Vilka skolstrukturer är värda att diskutera? Sätt villkoren, så prövar Vägval vilka skolor som kan "
        "stängas och från vilket år, och visar de alternativ där inget annat är bättre på allt: lägre kostnad, "
        "kortare resor och bättre kvalitet. Ta med ett förslag till *Jämför alternativ* med ett klick.",
        "Which school structures are worth discussing? Set the conditions and Vägval tries which schools could "
        "close and from which year, and shows the alternatives that nothing else beats on everything: lower cost, "
        "shorter journeys and better quality. Take a proposal to *Compare alternatives* with one click.",
    ),
    "propose.conditions": ("Villkor", "Conditions"),
    "propose.max_km": ("Ingen elev längre än (km)", "No pupil further than (km)"),
    "propose.max_minutes": ("Ingen elev längre än (minuter)", "No pupil further than (minutes)"),
    "propose.limit.none": ("ingen gräns", "no limit"),
    "propose.limit.help": (
        "Gäller varje elevs resväg, varje år. En elev som redan i dag har längre är inte alternativets fel: "
        "för den eleven räcker det att resan inte blir längre än i dag.",
        "Applies to every pupil's journey, every year. A pupil who already travels further today is not the "
        "alternative's doing: for that pupil it is enough that the journey gets no longer than today.",
    ),
    "propose.keep": ("Behåll de här skolorna", "Keep these schools"),
    "propose.keep.placeholder": ("Välj skolor", "Choose schools"),
    "propose.max_closures": ("Högst antal skolor som stängs", "At most this many schools close"),
    "propose.class_cap": ("Ingen klass större än (elever)", "No class larger than (pupils)"),
    "propose.class_cap.help": (
        "Klasserna bildas aldrig större än så; en större årskurs delas (Största klass i modellen).",
        "Classes are never formed larger than this; a larger grade is split (Largest class in the model).",
    ),
    "propose.capacity": ("Varje skola inom sin kapacitet", "Every school within its capacity"),
    "propose.capacity.help": (
        "Inga fler elever över kapaciteten än om alla skolor behålls, inget år.",
        "No more pupils over capacity than if every school is kept, in any year.",
    ),
    "propose.earliest": ("Tidigaste år en skola stängs", "Earliest year a school closes"),
    "propose.run": ("Föreslå alternativ", "Propose alternatives"),
    "propose.ask": (
        "Villkoren ger {count} möjliga uppsättningar nedläggningar, för många att pröva en och en. Vägval löser "
        "då ett optimeringsprogram och räknar igenom det som hittas; det tar upp till en minut. Tryck på "
        "Föreslå alternativ.",
        "The conditions give {count} possible sets of closures, too many to try one by one. Vägval then solves "
        "an optimisation programme and works through what it finds; that takes up to a minute. Press Propose "
        "alternatives.",
    ),
    "propose.running": ("Söker bland skolstrukturerna …", "Searching the school structures …"),
    "propose.scenario": ("Scenario: {name}.", "Scenario: {name}."),
    "propose.searched.enumeration": (
        {
            "one": "Vägval prövade den enda möjliga uppsättningen nedläggningar ({count}) med motorn ({seconds} s); "
            "effektiva: {efficient}. Svaret är exakt.",
            "other": "Vägval prövade alla {count} möjliga uppsättningar nedläggningar med motorn ({seconds} s); "
            "{efficient} av dem är effektiva. Svaret är exakt: inget alternativ inom villkoren är bättre på allt.",
        },
        {
            "one": "Vägval tried the only possible set of closures ({count}) with the engine ({seconds} s); "
            "efficient: {efficient}. The answer is exact.",
            "other": "Vägval tried all {count} possible sets of closures with the engine ({seconds} s); "
            "{efficient} of them are efficient. The answer is exact: no alternative within the conditions beats "
            "them on everything.",
        },
    ),
    "propose.searched.programme": (
        "Det finns {count} möjliga uppsättningar nedläggningar, för många att pröva en och en. Ett "
        "optimeringsprogram valde {evaluated} strukturer som motorn sedan räknade igenom ({seconds} s). {proof}",
        "There are {count} possible sets of closures, too many to try one by one. An optimisation programme "
        "chose {evaluated} structures that the engine then worked through ({seconds} s). {proof}",
    ),
    "propose.searched.merges": (
        {
            "one": "Varje uppsättning prövades också med en av skolorna sammanslagen med sin närmaste skola i stället "
            "för stängd: {count} struktur i allt.",
            "other": "Varje uppsättning prövades också med en av skolorna sammanslagen med sin närmaste skola i "
            "stället för stängd: {count} strukturer i allt.",
        },
        {
            "one": "Each set was also tried with one of its schools merged into its nearest school instead of "
            "closed: {count} structure in all.",
            "other": "Each set was also tried with one of its schools merged into its nearest school instead of "
            "closed: {count} structures in all.",
        },
    ),
    "propose.searched.closures_only": (
        "Programmet söker bara nedläggningar: en sammanslagning med en namngiven skola prövas när uppsättningarna "
        "är få nog att räkna igenom.",
        "The programme searches closures only: a merge into a named school is tried when the sets are few enough "
        "to work through.",
    ),
    "propose.proven": (
        "Varje delproblem löstes till bevisat optimum.",
        "Every sub-problem was solved to a proven optimum.",
    ),
    "propose.best_found": (
        "Svaret är det bästa som hittades inom tidsgränsen, inte bevisat optimalt.",
        "The answer is the best found within the time limit, not proven optimal.",
    ),
    "propose.none": (
        "Inget alternativ uppfyller villkoren och sparar pengar. Lätta på något villkor, till exempel "
        "avståndet eller tidigaste året.",
        "No alternative meets the conditions and saves money. Loosen a condition, for example the distance or "
        "the earliest year.",
    ),
    "propose.chart.title": ("Sparat och resor per förslag", "Savings and travel per proposal"),
    "propose.chart.x": ("Sparat, nuvärde över perioden (mnkr)", "Saved, present value over the period (SEK m)"),
    "propose.chart.y": ("Medelavstånd till skolan {year} (km)", "Mean distance to school {year} (km)"),
    "propose.chart.proposals": ("Förslag", "Proposals"),
    "propose.chart.references": ("Egna alternativ", "Own alternatives"),
    "propose.chart.keep_all": ("Behåll alla", "Keep all"),
    "propose.chart.hover": (
        "{name}<br>Sparat: {saving}<br>Medelavstånd: {km}<br>Över skolskjutsgränsen: {over}<br>"
        "I åldersblandade klasser: {combined}<br>Sårbara lärarlag: {fragile}",
        "{name}<br>Saved: {saving}<br>Mean distance: {km}<br>Beyond the transport threshold: {over}<br>"
        "In combined-grade classes: {combined}<br>Fragile teams: {fragile}",
    ),
    "propose.card": ("Förslag {n}", "Proposal {n}"),
    "propose.closure": (
        "{name} stängs {year}; eleverna går till {where}.",
        "{name} closes in {year}; its pupils go to {where}.",
    ),
    "propose.closure.nowhere": ("{name} stängs {year}.", "{name} closes in {year}."),
    "propose.merge": (
        "{name} går ihop med {target} {year}; eleverna går till {where}.",
        "{name} merges into {target} in {year}; its pupils go to {where}.",
    ),
    "propose.merge.nowhere": ("{name} går ihop med {target} {year}.", "{name} merges into {target} in {year}."),
    "propose.where": ("{name} ({pupils})", "{name} ({pupils})"),
    "propose.and": (" och ", " and "),
    "propose.saving": ("Sparar (nuvärde)", "Saves (present value)"),
    "propose.period": ("{first}–{last}", "{first}–{last}"),
    "propose.mean_km": ("Medelavstånd", "Mean distance"),
    "propose.over": ("Över skolskjutsgränsen", "Beyond the transport threshold"),
    "propose.combined": ("I åldersblandade klasser", "In combined-grade classes"),
    "propose.fragile": ("Sårbara lärarlag", "Fragile teacher teams"),
    "propose.against": (
        "Sparat över perioden och läget {year}; pilarna visar skillnaden mot att behålla alla skolor.",
        "Saved over the period and the state in {year}; the arrows show the difference against keeping all schools.",
    ),
    "propose.future_proof": (
        "**Framtidssäker:** uppfyller villkoren och sparar pengar i alla scenarier.",
        "**Future-proof:** meets the conditions and saves money in every scenario.",
    ),
    "propose.acceptable_in": (
        "**Godtagbar i:** {scenarios}. I övriga scenarier bryter den mot ett villkor eller sparar inget.",
        "**Acceptable in:** {scenarios}. In the other scenarios it breaks a condition or saves nothing.",
    ),
    "propose.acceptable_in.none": (
        "**Inte framtidssäker:** i andra scenarier bryter den mot ett villkor eller sparar inget.",
        "**Not future-proof:** in other scenarios it breaks a condition or saves nothing.",
    ),
    "propose.take": ("Ta till Jämför", "Take to Compare"),
    "propose.take.help": (
        "Sparar förslaget som ett alternativ och öppnar Jämför alternativ med det valt.",
        "Saves the proposal as an alternative and opens Compare alternatives with it selected.",
    ),
    "propose.description": (
        "Förslag från Föreslå alternativ ({scenario}): {closures}",
        "Proposal from Propose alternatives ({scenario}): {closures}",
    ),
    "propose.references": (
        "Kommunens egna alternativ, räknade på samma sätt",
        "The municipality's own alternatives, counted the same way",
    ),
    "propose.reference.on": ("på fronten", "on the frontier"),
    "propose.reference.behind": (
        "bakom fronten: ett förslag är bättre på allt",
        "behind the frontier: a proposal is better on everything",
    ),
    "propose.reference.infeasible": ("uppfyller inte villkoren", "does not meet the conditions"),
    "propose.reference.line": (
        "{name}: sparar {saving}, medelavstånd {km} — {verdict}",
        "{name}: saves {saving}, mean distance {km} — {verdict}",
    ),
    "propose.how.1": (
        "**Beslut som prövas:** vilka skolor som stängs och från vilket år (elever går till närmaste skola med "
        "plats). Byte av stadier (en F–9 som blir F–6) prövas inte.",
        "**Decisions tried:** which schools close and from which year (pupils go to the nearest school with "
        "room). Changes of grade band (an F–9 becoming F–6) are not tried.",
    ),
    "propose.how.2": (
        "**Mål:** kostnad (nuvärde av skolans kostnader och engångskostnader över perioden jämfört med att "
        "behålla alla), resor (medelavstånd och elever över skolskjutsgränsen sista året) och kvalitet (elever i "
        "åldersblandade klasser och skolor med sårbart lärarlag sista året). Ett förslag visas bara om inget "
        "annat är minst lika bra på alla fem och bättre på något; av dem visas några som skiljer sig tydligt.",
        "**Objectives:** cost (present value of the schools' costs and one-off costs over the period against "
        "keeping all), travel (mean distance and pupils beyond the transport threshold in the last year) and "
        "quality (pupils in combined-grade classes and schools with a fragile teacher team in the last year). A "
        "proposal is shown only if nothing else is at least as good on all five and better on one; of those, a "
        "few that clearly differ are shown.",
    ),
    "propose.how.3": (
        "**Sökning:** i en liten kommun räknar motorn igenom varje möjlig uppsättning; i en stor väljer ett "
        "optimeringsprogram (lokalisering med kapacitet, HiGHS) strukturer som motorn sedan räknar igenom. "
        "Siffrorna är alltid motorns, desamma som på Jämför alternativ.",
        "**Search:** in a small municipality the engine works through every possible set; in a large one an "
        "optimisation programme (capacitated facility location, HiGHS) chooses structures that the engine then "
        "works through. The figures are always the engine's, the same as on Compare alternatives.",
    ),
}
