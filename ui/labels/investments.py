"""Investeringar: planned investments under every scenario."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
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
    "inv.section.each": ("Investering för investering", "Investment by investment"),
    "inv.what": ("{kind} · {service} · år {year}", "{kind} · {service} · year {year}"),
    "inv.kind.new": ("Ny enhet", "New unit"),
    "inv.kind.extension": ("Tillbyggnad", "Extension"),
    "inv.kind.renovation": ("Renovering", "Renovation"),
    "inv.kpi.item_amount": ("Belopp", "Amount"),
    "inv.kpi.lifetime": ("Livslängd", "Lifetime"),
    "inv.years": ("{count} år", {"one": "{count} year", "other": "{count} years"}),
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
}
