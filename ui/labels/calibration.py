"""Jämfört med officiell statistik: the base year beside Skolverket's and Kolada's figures, and the back-test."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "calib.nav": ("Jämfört med officiell statistik", "Compared with official statistics"),
    "calib.title": ("Jämfört med officiell statistik", "Compared with official statistics"),
    "calib.intro": (
        "Modellens basår {year} för {name} bredvid Skolverkets och Koladas siffror för {official}. "
        "**Skillnad** = modellens siffra ÷ den officiella − 1. Siffrorna i kolumnen *Modellen* är våra egna "
        "beräkningar; den officiella kolumnen är myndighetens, med källa och år. Skolverkets siffror är "
        "*Kostnader per kommun* för kommunens egna skolor, utan skolskjuts.",
        "The model's base year {year} for {name} beside Skolverket's and Kolada's figures for {official}. "
        "**Difference** = the model's figure ÷ the official one − 1. The figures in the column *Model* are our "
        "own calculations; the official column is the agency's, with source and year. Skolverket's figures are "
        "*costs per municipality* of the municipality's own schools, without school transport.",
    ),
    "calib.fictional": (
        "{name} är en påhittad kommun (kod {code}): det finns ingen officiell statistik att jämföra den med. "
        "Välj Ragunda eller Älvdalen under *Kommun* i sidopanelen för att se en verklig kommuns basår bredvid "
        "Skolverkets och Koladas siffror. Demografins test mot verkligheten nedan gäller alla Sveriges kommuner.",
        "{name} is a fictional municipality (code {code}): there are no official statistics to compare it with. "
        "Pick Ragunda or Älvdalen under *Municipality* in the sidebar to see a real municipality's base year "
        "beside Skolverket's and Kolada's figures. The test of the demography below covers every Swedish "
        "municipality.",
    ),
    "calib.kpi.within": ("Inom ±5 % av den officiella siffran", "Within ±5 % of the official figure"),
    "calib.kpi.within.value": ("{n} av {total}", "{n} of {total}"),
    "calib.group.grundskola": ("Grundskola", "Compulsory school"),
    "calib.group.forskola": ("Förskola", "Preschool"),
    "calib.group.aldreboende": ("Särskilt boende för äldre", "Residential elderly care"),
    "calib.group.befolkning": ("Befolkning", "Population"),
    "calib.col.figure": ("Siffra", "Figure"),
    "calib.col.model": ("Modellen {year}", "Model {year}"),
    "calib.col.official": ("Officiell", "Official"),
    "calib.col.source": ("Källa", "Source"),
    "calib.col.difference": ("Skillnad", "Difference"),
    "calib.col.why": ("Vad förklarar skillnaden", "What explains the difference"),
    "calib.source.kolada": ("Källa: Kolada, {kpi} ({year})", "Source: Kolada, {kpi} ({year})"),
    "calib.source.skolverket": ("Skolverket ({year})", "Skolverket ({year})"),
    "calib.missing": ("saknas", "missing"),
    "calib.fig.school_cost_per_pupil": (
        "Kostnad per elev utan skolskjuts",
        "Cost per pupil without school transport",
    ),
    "calib.fig.school_teaching": ("– undervisning per elev", "– teaching per pupil"),
    "calib.fig.school_premises": ("– lokaler per elev", "– premises per pupil"),
    "calib.fig.school_rest": (
        "– måltider, lärverktyg, elevhälsa och övrigt per elev",
        "– meals, materials, pupil health and other per pupil",
    ),
    "calib.fig.school_with_transport": ("Kostnad per elev med skolskjuts", "Cost per pupil with school transport"),
    "calib.fig.preschool_cost_per_child": ("Kostnad per inskrivet barn", "Cost per enrolled child"),
    "calib.fig.care_residents": ("Boende 65+ i särskilt boende", "Residents 65+ in care homes"),
    "calib.fig.care_cost_per_resident": ("Kostnad per boende", "Cost per resident"),
    "calib.fig.care_share_80": ("Andel av invånarna 80+ i särskilt boende", "Share of inhabitants 80+ in care homes"),
    "calib.fig.population_total": ("Invånare", "Inhabitants"),
    "calib.fig.population_0": ("Invånare 0 år", "Inhabitants aged 0"),
    "calib.fig.population_1_5": ("Invånare 1–5 år", "Inhabitants aged 1–5"),
    "calib.fig.population_6_15": ("Invånare 6–15 år", "Inhabitants aged 6–15"),
    "calib.fig.population_16_19": ("Invånare 16–19 år", "Inhabitants aged 16–19"),
    "calib.fig.population_65_79": ("Andel 65–79 år", "Share aged 65–79"),
    "calib.fig.population_80": ("Andel 80 år och äldre", "Share aged 80 and over"),
    "calib.why.school_cost_per_pupil": (
        "Summan av delarna nedan. Skolverket räknar elever i åk 1–9, modellen även förskoleklass.",
        "The sum of the parts below. Skolverket counts pupils in grades 1–9, the model förskoleklass too.",
    ),
    "calib.why.school_teaching": (
        "Lärarna i modellens klasser plus övrig undervisning per elev; i de inbyggda kommunerna är övrig "
        "undervisning anpassad så att summan blir Skolverkets (se anpassade värden nedan).",
        "The teachers of the model's classes plus other teaching per pupil; in the built-in municipalities other "
        "teaching is fitted so that the sum is Skolverket's (see fitted values below).",
    ),
    "calib.why.school_premises": (
        "Skolornas lokalkostnader i datan (units.csv) delat med modellens elever.",
        "The schools' premises costs in the data (units.csv) divided by the model's pupils.",
    ),
    "calib.why.school_rest": (
        "Det som följer eleven plus skolornas fasta kostnader (ledning, administration).",
        "What follows each pupil plus the schools' fixed costs (management, administration).",
    ),
    "calib.why.school_with_transport": (
        "Kolada räknar kalenderåret {year} och elever folkbokförda i kommunen, även i fristående skolor och andra "
        "kommuner; modellen räknar kommunens egna skolor år {base}. Skolverkets kostnad per elev i kommunen "
        "ändrades med {change} från {year} till {skolverket_year}.",
        "Kolada counts calendar year {year} and pupils registered in the municipality, also in independent schools "
        "and other municipalities; the model counts the municipality's own schools in {base}. Skolverket's cost "
        "per pupil in the municipality changed by {change} from {year} to {skolverket_year}.",
    ),
    "calib.why.school_with_transport.plain": (
        "Kolada räknar kalenderåret {year} och elever folkbokförda i kommunen, även i fristående skolor och andra "
        "kommuner; modellen räknar kommunens egna skolor år {base}.",
        "Kolada counts calendar year {year} and pupils registered in the municipality, also in independent schools "
        "and other municipalities; the model counts the municipality's own schools in {base}.",
    ),
    "calib.why.preschool_cost_per_child": (
        "Förskolornas kostnader i datan; i de inbyggda kommunerna satta så att ett barn kostar som i Kolada. "
        "Modellens barn är de som väntas vara inskrivna år {base}.",
        "The preschools' costs in the data; in the built-in municipalities set so that a child costs as in Kolada. "
        "The model's children are those expected to be enrolled in {base}.",
    ),
    "calib.why.care_residents": (
        "Behovet av platser enligt andelarna per åldersgrupp; i de inbyggda kommunerna skalade så att basåret "
        "behöver lika många platser som Kolada räknar boende.",
        "Places needed by the shares per age group; in the built-in municipalities scaled so that the base year "
        "needs as many places as Kolada counts residents.",
    ),
    "calib.why.care_cost_per_resident": (
        "Vård per belagd plats plus boendets lokaler och fasta kostnader i datan.",
        "Care per occupied place plus the home's premises and fixed costs in the data.",
    ),
    "calib.why.care_share_80": (
        "Andelarna är anpassade till antalet boende 65+, inte till åldersfördelningen; den följer motorns "
        "nationella mönster.",
        "The shares are fitted to the number of residents 65+, not to their ages, which follow the engine's "
        "national pattern.",
    ),
    "calib.why.population": (
        "Modellen utgår från datans befolkning {base} (population.csv), Koladas senaste år är {year}. I de "
        "inbyggda kommunerna är ettårsåldrarna uppskattade ur SCB:s femårsgrupper (se datans README).",
        "The model starts from the data's population in {base} (population.csv); Kolada's latest year is {year}. "
        "In the built-in municipalities single years are estimated from SCB's five-year bands (see the data's "
        "README).",
    ),
    "calib.fitted.title": ("Värden anpassade till officiell statistik", "Values fitted to official statistics"),
    "calib.fitted.intro": (
        "Parametrar som datan har anpassat till kommunens officiella siffror (municipality.toml, `[calibration]`), "
        "med motorns standardvärde bredvid. Alla andra parametrar har motorns standardvärden (se *Om modellen*).",
        "Parameters the data fitted to the municipality's official figures (municipality.toml, `[calibration]`), "
        "with the engine's default beside. Every other parameter has the engine's default (see *About the model*).",
    ),
    "calib.fitted.none": (
        "Datan har inte anpassat några parametrar till officiell statistik.",
        "The data has fitted no parameters to official statistics.",
    ),
    "calib.fitted.col.parameter": ("Parameter", "Parameter"),
    "calib.fitted.col.value": ("Värde", "Value"),
    "calib.fitted.col.default": ("Motorns standard", "Engine default"),
    "calib.fitted.col.source": ("Anpassad till", "Fitted to"),
    "calib.backtest.title": ("Demografin prövad mot verkligheten", "The demography tested against what happened"),
    "calib.backtest.headline": (
        "6–15-åringar {horizon} år fram: inom ±{bound} i 9 av 10 kommuner",
        "6–15-year-olds {horizon} years ahead: within ±{bound} in 9 of 10 municipalities",
    ),
    "calib.backtest.headline.help": (
        "Modellens metod, framskriven från {base} till {target} för {n} kommuner och jämförd med Koladas antal "
        "6–15-åringar {target} (Källa: Kolada, N01953). Hälften av kommunerna ligger inom ±{median}.",
        "The model's method, projected from {base} to {target} for {n} municipalities and compared with Kolada's "
        "count of 6–15-year-olds in {target} (Source: Kolada, N01953). Half of the municipalities are within "
        "±{median}.",
    ),
    "calib.backtest.model": ("Modellens metod", "The model's method"),
    "calib.backtest.data": (
        "Underlaget är Koladas (Källa: Kolada: N01953, N01951, N01817, N01926, N01954, N01812, N01813, N01964, "
        "N01806, N02909; 1998–2022). Framskrivningen och felen är våra egna beräkningar.",
        "The data are Kolada's (Source: Kolada: N01953, N01951, N01817, N01926, N01954, N01812, N01813, N01964, "
        "N01806, N02909; 1998–2022). The projection and the errors are our own calculations.",
    ),
    "calib.backtest.unchanged": ("Att gissa oförändrat antal", "Guessing an unchanged number"),
    "calib.backtest.kolada": ("Koladas egen framskrivning (N02909)", "Kolada's own projection (N02909)"),
    "calib.backtest.bound": ("inom ±{bound} i 9 av 10", "within ±{bound} in 9 of 10"),
    "calib.backtest.here": (
        "{name}: modellen {projected}, utfallet {actual} ({error})",
        "{name}: the model {projected}, what happened {actual} ({error})",
    ),
    "calib.backtest.method": (
        "**Så gjordes testet.** För varje kommun: befolkningen {base} i Koladas åldersgrupper (0, 1–5, 6–15, 16–19 "
        "år, andelarna 65–79 och 80+, resten 20–64) fördelas jämnt på ettårsåldrar, eftersom Kolada inte har "
        "ettårsåldrar. Den skrivs fram {horizon} år med modellens metod (kohort-komponent: dödsrisker, "
        "barnafödande och flyttmönster som i datan) och kommunens nettoflyttning per 1 000 invånare de fem åren "
        "fram till {base} (inrikes och utrikes, Kolada N01964 och N01806), som när scenariot *bas* kalibreras. "
        "Barn födda efter {base} är yngre än 6 år {target}, så barnafödandet påverkar inte resultatet.",
        "**How the test was made.** For each municipality: the population in {base} in Kolada's age groups (0, "
        "1–5, 6–15, 16–19, the shares 65–79 and 80+, the rest 20–64) is spread evenly over single years, since "
        "Kolada has no single years. It is projected {horizon} years with the model's method (cohort component: "
        "death risks, fertility and migration pattern as in the data) and the municipality's net migration per "
        "1 000 inhabitants over the five years up to {base} (domestic and international, Kolada N01964 and "
        "N01806), as the scenario *bas* is calibrated. Children born after {base} are under 6 in {target}, so "
        "fertility does not affect the result.",
    ),
    "calib.backtest.limits": (
        "**Gränser.** Ett jämnt antal per ettårsålder inom 6–15 är ett antagande; flyttningarna är ett snitt av "
        "fem år fördelat efter ett nationellt åldersmönster, så en kommun vars flyktingmottagande eller "
        "bostadsbyggande ändrades snabbt missas — det är det felet som syns här. Skillnaden är modellens "
        "framskrivning ÷ utfallet − 1. Scenarierna i Vägval är antaganden, inte prognoser.",
        "**Limits.** An even number per single year within 6–15 is an assumption; migration is a five-year "
        "average spread by a national age pattern, so a municipality whose refugee reception or house building "
        "changed fast is missed — that is the error shown here. The difference is the model's projection ÷ what "
        "happened − 1. Vägval's scenarios are assumptions, not forecasts.",
    ),
    "calib.backtest.by_year": ("Samma test från andra år", "The same test from other years"),
    "calib.backtest.col.from": ("Från", "From"),
    "calib.backtest.col.to": ("Till", "To"),
    "calib.backtest.col.n": ("Kommuner", "Municipalities"),
    "calib.backtest.col.bound": ("9 av 10 inom", "9 of 10 within"),
    "calib.backtest.col.median": ("Hälften inom", "Half within"),
    "calib.backtest.col.unchanged": ("Oförändrat antal: 9 av 10 inom", "Unchanged number: 9 of 10 within"),
}
