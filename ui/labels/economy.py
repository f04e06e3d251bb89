"""Ekonomi: revenue, costs and the result."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
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
    "eco.section.result": ("Resultatet år för år om vi inte agerar", "The result year by year if we do not act"),
    "eco.series.result": ("Resultat", "Result"),
    "eco.chart.result": ("Resultat per år (mnkr)", "Result per year (MSEK)"),
    "eco.chart.accumulated": ("Ackumulerat resultat från {first} (mnkr)", "Accumulated result from {first} (MSEK)"),
    "eco.section.alternatives": ("Vad ändrar alternativen?", "What do the alternatives change?"),
    "eco.none": (
        "Välj minst ett alternativ till vänster för att se hur det ändrar kommunens resultat.",
        "Choose at least one alternative on the left to see how it changes the municipality's result.",
    ),
    "eco.kpi.acc_change.help": (
        "Summan av alla årens förändring av resultatet jämfört med att behålla alla, engångskostnader inräknade.",
        "The sum of every year's change of the result against keeping all, one-off costs included.",
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
}
