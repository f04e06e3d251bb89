"""The decision memo (PDF)."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
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
    "memo.horizon": (
        "{first}–{last} ({count} år framåt)",
        {"one": "{first}–{last} ({count} year ahead)", "other": "{first}–{last} ({count} years ahead)"},
    ),
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
        "Den totala kostnaden blir lägre än att behålla alla i {k} av {count} scenarier.",
        {
            "one": "The total cost is lower than keeping all in {k} of {count} scenario.",
            "other": "The total cost is lower than keeping all in {k} of {count} scenarios.",
        },
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
}
