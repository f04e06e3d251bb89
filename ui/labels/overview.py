"""Översikt: what happens if we do not act."""

from ui.labels.forms import Label

LABELS: dict[str, Label] = {
    "ov.title": ("Vad händer om vi inte agerar?", "What happens if we do not act?"),
    "ov.intro": (
        "Så utvecklas befolkningen och skolan i scenariot **{scenario}** om vi behåller alla skolor som i dag. "
        "Det är utgångsläget som varje handlingsalternativ jämförs med.",
        "How the population and the schools develop in the scenario **{scenario}** if we keep every school as it "
        "is today. This is the starting point every alternative is compared with.",
    ),
    "ov.kpi.pupils": ("Elever {year}", "Pupils {year}"),
    "ov.kpi.old": ("Invånare 80 år och äldre {year}", "Inhabitants aged 80+ {year}"),
    "ov.kpi.combined": ("Elever i åldersblandade klasser {year}", "Pupils in combined-grade classes {year}"),
    "ov.summary.pupils": (
        "**Om vi behåller alla skolor {verb} antalet elever från {p0} till {p1} ({change}) mellan {first} och "
        "{last}.**",
        "**If we keep all schools, the number of pupils {verb} from {p0} to {p1} ({change}) between {first} and "
        "{last}.**",
    ),
    "ov.summary.cost": (
        "Kostnaden per elev {verb} från {c0} till {c1} ({change}).",
        "The cost per pupil {verb} from {c0} to {c1} ({change}).",
    ),
    "ov.summary.cost_reason": (
        "Det beror på att lokaler, ledning och lärare inte minskar i samma takt som eleverna.",
        "That is because premises, management and teachers do not shrink as fast as the number of pupils.",
    ),
    "ov.summary.quality": (
        "Andelen elever i åldersblandade klasser går från {m0} till {m1}, och {f1} av {schools} skolor har ett "
        "sårbart lärarlag {last} ({f0} år {first}).",
        "The share of pupils in combined-grade classes goes from {m0} to {m1}, and {f1} of {schools} schools have a "
        "fragile teacher team in {last} ({f0} in {first}).",
    ),
    "ov.summary.old": (
        "Samtidigt {verb} antalet invånare som är 80 år eller äldre från {o0} till {o1} ({change}).",
        "Meanwhile the number of inhabitants aged 80 or over {verb} from {o0} to {o1} ({change}).",
    ),
    "ov.next": (
        "Det här är utgångsläget, inte ett beslut. **Framtidssäkring** handlar om att välja hur vi möter "
        "förändringen så att kvaliteten säkras. På sidan *Jämför alternativ* ser du vad olika vägval ger för "
        "kostnad, kvalitet och resor; på sidan *Scenarier* kan du pröva andra antaganden om befolkningen.",
        "This is the starting point, not a decision. **Future-proofing** means choosing how we meet the change so "
        "that quality is secured. The *Compare alternatives* page shows what different paths mean for cost, quality "
        "and travel; the *Scenarios* page lets you test other assumptions about the population.",
    ),
    "ov.age.group": ("{group} år", "{group} years"),
    "ov.section.population": ("Befolkningen", "The population"),
    "ov.chart.ages": ("Invånare efter ålder", "Inhabitants by age"),
    "ov.chart.age_change": ("Förändring sedan {first} per åldersgrupp", "Change since {first} by age group"),
    "ov.section.schools": ("Skolan om vi behåller alla skolor", "The schools if we keep them all"),
    "ov.series.capacity": ("Platser i skolorna", "Places in the schools"),
    "ov.chart.pupils": ("Elever och platser i grundskolan", "Pupils and places in compulsory school"),
    "ov.section.quality": ("Kvaliteten", "Quality"),
    "ov.quality.intro": (
        "Färre elever per skola ger fler åldersblandade klasser och mindre lärarlag, även när klasserna blir mindre.",
        "Fewer pupils per school mean more combined-grade classes and smaller teacher teams, even as classes shrink.",
    ),
    "ov.unit.schools": ("skolor", "schools"),
    "ov.table": ("Utvecklingen år för år", "Year by year"),
}
