"""Scenarier: the demographic futures and their sliders."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
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
}
