"""Jämför alternativ: alternatives against keep-all."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "compare.title": ("Jämför alternativ", "Compare alternatives"),
    "compare.intro": (
        'Välj vilka handlingsalternativ du vill jämföra. "Behåll alla skolor" visas alltid i grått: '
        "det är vad som händer om vi inte agerar.",
        'Choose the alternatives to compare. "Keep all schools" is always shown in grey: it is what '
        "happens if we do not act.",
    ),
    "compare.pick": ("Alternativ att jämföra (upp till tre)", "Alternatives to compare (up to three)"),
    "compare.section": ("Visa", "Show"),
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
    # A merge whose receiving school cannot hold the pupils whose first choice it becomes.
    "compare.merge_short": (
        {
            "one": "{school} räcker inte: {count} elev får gå till {to} ({year}).",
            "other": "{school} räcker inte: {count} elever får gå till {to} ({year}).",
        },
        {
            "one": "{school} is not big enough: {count} pupil has to go to {to} ({year}).",
            "other": "{school} is not big enough: {count} pupils have to go to {to} ({year}).",
        },
    ),
    "compare.merge_short.place": ("{school} ({pupils})", "{school} ({pupils})"),
}
