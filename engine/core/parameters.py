"""The model's parameters: one documented tree with provenance.

Every parameter is a field of :class:`Parameters` whose metadata carries its unit,
a Swedish and an English description, the source of its default, its group (the
question it answers) and a plausible range. A dataset's ``municipality.toml``
overrides any of them by name under ``[parameters]``; the CLI's ``--set`` and the
dashboard's sliders do the same through :func:`resolve`.

A test fails when a parameter lacks any of this, and the "Om modellen" page is
generated from :func:`describe`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def _param(
    default: float,
    *,
    label: tuple[str, str],
    unit: str,
    sv: str,
    en: str,
    source: str,
    group: str,
    min_value: float,
    max_value: float,
    integer: bool = False,
) -> Any:
    return field(
        default=default,
        metadata={
            "label_sv": label[0],
            "label_en": label[1],
            "unit": unit,
            "description_sv": sv,
            "description_en": en,
            "source": source,
            "group": group,
            "min": min_value,
            "max": max_value,
            "integer": integer,
        },
    )


@dataclass(frozen=True, kw_only=True)
class Parameters:
    """Model parameters (grundskola model v1, DESIGN.md §5)."""

    max_class_size: int = _param(
        25,
        label=("Största klass", "Largest class"),
        unit="elever",
        sv="Högsta antal elever i en klass. En årskurs med fler elever delas i flera klasser.",
        en="Largest number of pupils in one class; a larger grade is split into several.",
        source="Antagande; genomsnittlig klass ≈ 19 elever (Skolverket 2013/14), ingen lagstadgad gräns.",
        group="classes",
        min_value=10,
        max_value=35,
        integer=True,
    )
    max_grades_per_class: int = _param(
        3,
        label=("Högst antal årskurser per klass", "Most grades per class"),
        unit="årskurser",
        sv="Högsta antal årskurser som får gå i samma (åldersblandade) klass.",
        en="Largest number of grades one combined-grade class may span.",
        source="Antagande; vanlig praxis i små landsbygdsskolor (B-/C-klasser).",
        group="classes",
        min_value=1,
        max_value=4,
        integer=True,
    )
    teachers_per_class: float = _param(
        1.3,
        label=("Lärare per klass", "Teachers per class"),
        unit="heltidstjänster per klass",
        sv="Lärare som varje klass behöver: klasslärare plus del av ämnes- och speciallärare.",
        en="Teachers each class needs: a class teacher plus a share of subject and special teachers.",
        source="Uppskattning från Skolverkets lärartäthet i små skolor (7,2 elever per lärare under 100 elever, 2023/24).",
        group="teachers",
        min_value=1.0,
        max_value=2.5,
    )
    pupils_per_teacher: float = _param(
        12.0,
        label=("Elever per lärare", "Pupils per teacher"),
        unit="elever per heltidstjänst",
        sv="Lärartäthet: elever per lärare (heltid). Lägsta lärarbehov oavsett klassindelning.",
        en="Pupils per full-time teacher: the minimum teacher need whatever the classes.",
        source="Skolverket, riksgenomsnitt 12,0 elever per lärare 2019–24.",
        group="teachers",
        min_value=6.0,
        max_value=20.0,
    )
    teacher_cost_sek: float = _param(
        700_000,
        label=("Kostnad per lärare", "Cost per teacher"),
        unit="kr per heltidstjänst och år",
        sv="Kostnad för en lärare på heltid under ett år, inklusive arbetsgivaravgifter.",
        en="Cost of one full-time teacher for a year, including payroll taxes.",
        source="Uppskattning: månadslön ≈ 42 000 kr × 12 × 1,4 (arbetsgivaravgifter och pension).",
        group="costs",
        min_value=400_000,
        max_value=1_000_000,
    )
    other_teaching_cost_per_pupil_sek: float = _param(
        21_000,
        label=("Övrig undervisning per elev", "Other teaching per pupil"),
        unit="kr per elev och år",
        sv="Undervisning utöver lärarna i klassmodellen, per elev: speciallärare, elevassistenter, vikarier, "
        "kompetensutveckling. Med lärarna blir det Skolverkets kostnadsslag undervisning.",
        en="Teaching beyond the class model's teachers, per pupil: special-needs teachers, assistants, substitutes, "
        "training. With the teachers it makes Skolverket's cost component teaching.",
        source="Skolverket, Kostnader per kommun 2024: undervisning 79 100 kr per elev i kommunala skolor "
        "(riket, vägt med elever) − 700 000 kr ÷ 12 elever per lärare = 58 300 kr för lärarna ⇒ ≈ 21 000 kr.",
        group="costs",
        min_value=0,
        max_value=120_000,
    )
    cost_per_pupil_sek: float = _param(
        31_000,
        label=("Kostnad som följer eleven", "Cost that follows each pupil"),
        unit="kr per elev och år",
        sv="Kostnad som följer varje elev: måltider, läromedel, elevhälsa och övrigt.",
        en="Cost that follows each pupil: meals, materials, pupil health and other.",
        source="Skolverket, Kostnader per kommun 2024, kommunala skolor i riket: måltider 8 000 + lärverktyg 6 000 "
        "+ elevhälsa 5 100 + övrigt 19 900 kr per elev; av övrigt bär skolornas fasta kostnad (ledning) "
        "≈ 8 000 kr ⇒ ≈ 31 000 kr följer eleven.",
        group="costs",
        min_value=0,
        max_value=80_000,
    )
    transport_threshold_km_f3: float = _param(
        2.0,
        label=("Skolskjuts från (F–3)", "School transport from (F–3)"),
        unit="km",
        sv="Avstånd över vilket en elev i F–3 har rätt till skolskjuts.",
        en="Distance above which a pupil in grades F–3 is entitled to school transport.",
        source="Vanlig kommunal regel (> 2 km F–3); Skollagen 10 kap. 32 § anger ingen nationell gräns.",
        group="transport",
        min_value=0.5,
        max_value=10.0,
    )
    transport_threshold_km_46: float = _param(
        3.0,
        label=("Skolskjuts från (åk 4–6)", "School transport from (grades 4–6)"),
        unit="km",
        sv="Avstånd över vilket en elev i årskurs 4–6 har rätt till skolskjuts.",
        en="Distance above which a pupil in grades 4–6 is entitled to school transport.",
        source="Vanlig kommunal regel (> 3 km åk 4–6).",
        group="transport",
        min_value=0.5,
        max_value=10.0,
    )
    transport_threshold_km_79: float = _param(
        4.0,
        label=("Skolskjuts från (åk 7–9)", "School transport from (grades 7–9)"),
        unit="km",
        sv="Avstånd över vilket en elev i årskurs 7–9 har rätt till skolskjuts.",
        en="Distance above which a pupil in grades 7–9 is entitled to school transport.",
        source="Vanlig kommunal regel (> 4 km åk 7–9).",
        group="transport",
        min_value=0.5,
        max_value=15.0,
    )
    transport_cost_per_pupil_sek: float = _param(
        20_000,
        label=("Kostnad för skolskjuts per elev", "School transport cost per pupil"),
        unit="kr per skjutsad elev och år",
        sv="Kostnad för skolskjuts för en elev under ett år.",
        en="Cost of school transport for one pupil for a year.",
        source="Uppskattning: 15 000–35 000 kr per skjutsad elev med buss (Skolverket ≈ 3 000 kr per elev i snitt, 20–40 % skjutsas på landsbygden).",
        group="transport",
        min_value=0,
        max_value=100_000,
    )
    detour_factor: float = _param(
        1.3,
        label=("Omvägsfaktor", "Detour factor"),
        unit="faktor",
        sv="Vägavstånd i förhållande till fågelvägen, när vägavstånd saknas i data.",
        en="Road distance relative to straight-line distance when no road distances are given.",
        source="Vanlig tumregel för landsbygdsvägnät (1,2–1,4).",
        group="transport",
        min_value=1.0,
        max_value=2.0,
    )
    closed_premises_share: float = _param(
        0.5,
        label=("Tomställda lokaler kostar (andel)", "Vacated premises cost (share)"),
        unit="andel (0–1)",
        sv="Andel av lokalkostnaden som en stängd skola fortsätter att kosta (tomställda lokaler).",
        en="Share of the premises cost a closed school keeps costing (vacated premises).",
        source="Antagande: hyresavtal och driftskostnader löper vidare tills lokalen sålts eller fått ny användning.",
        group="premises",
        min_value=0.0,
        max_value=1.0,
    )
    closed_premises_years: int = _param(
        2,
        label=("Tomställda lokaler kostar i (år)", "Vacated premises cost for (years)"),
        unit="år",
        sv="Antal år som en stängd skolas lokaler fortsätter att kosta.",
        en="Years a closed school's premises keep costing.",
        source="Antagande: typisk tid till försäljning, uthyrning eller ny användning.",
        group="premises",
        min_value=0,
        max_value=10,
        integer=True,
    )
    closure_one_off_cost_sek: float = _param(
        1_500_000,
        label=("Engångskostnad per stängd skola", "One-off cost per closed school"),
        unit="kr per stängd eller sammanslagen skola",
        sv="Engångskostnad när en skola stängs: flytt, anpassning av mottagande lokaler, omställning.",
        en="One-off cost when a school closes: moving, adapting the receiving premises, transition.",
        source="Uppskattning utifrån kommunala beslutsunderlag om skolsammanslagningar.",
        group="premises",
        min_value=0,
        max_value=20_000_000,
    )
    min_team_teachers: float = _param(
        6.0,
        label=("Minsta lärarlag", "Smallest viable teacher team"),
        unit="heltidstjänster",
        sv="Färre lärare än så på en skola ger ett sårbart lärarlag: svårt att täcka alla ämnen och vikariera.",
        en="Fewer teachers than this at a school make a fragile team: subjects and substitution suffer.",
        source="Antagande; andelen behöriga lärare är 53 % i skolor under 100 elever mot 76 % över 500 (Skolverket 2023/24).",
        group="teachers",
        min_value=1.0,
        max_value=20.0,
    )

    # --- förskola (DESIGN.md §6) ---
    forskola_enrolment_age_1: float = _param(
        0.50,
        label=("Inskrivna i förskola, 1 år", "Enrolled in preschool, age 1"),
        unit="andel (0–1)",
        sv="Andel av alla ettåringar som går i förskola.",
        en="Share of one-year-olds enrolled in preschool.",
        source="SCB 2019: ≈ 50 % av ettåringarna inskrivna.",
        group="forskola",
        min_value=0.0,
        max_value=1.0,
    )
    forskola_enrolment_age_2: float = _param(
        0.89,
        label=("Inskrivna i förskola, 2 år", "Enrolled in preschool, age 2"),
        unit="andel (0–1)",
        sv="Andel av alla tvååringar som går i förskola.",
        en="Share of two-year-olds enrolled in preschool.",
        source="SCB 2019: ≈ 89 % av tvååringarna inskrivna.",
        group="forskola",
        min_value=0.0,
        max_value=1.0,
    )
    forskola_enrolment_age_3_5: float = _param(
        0.94,
        label=("Inskrivna i förskola, 3–5 år", "Enrolled in preschool, ages 3–5"),
        unit="andel (0–1)",
        sv="Andel av alla barn 3–5 år som går i förskola.",
        en="Share of children aged 3–5 enrolled in preschool.",
        source="SCB 2019: ≈ 94 % av barnen 3–5 år inskrivna.",
        group="forskola",
        min_value=0.0,
        max_value=1.0,
    )
    children_per_preschool_fte: float = _param(
        5.2,
        label=("Barn per anställd i förskolan", "Children per preschool staff member"),
        unit="barn per heltidstjänst",
        sv="Antal inskrivna barn per anställd (heltid) i förskolan.",
        en="Enrolled children per full-time preschool staff member.",
        source="Skolverket 2019–23: 5,1–5,2 barn per årsarbetare.",
        group="forskola",
        min_value=3.0,
        max_value=8.0,
    )
    preschool_group_size: float = _param(
        15.0,
        label=("Barn per barngrupp", "Children per group"),
        unit="barn",
        sv="Barn per barngrupp i förskolan (för att räkna antal grupper).",
        en="Children per preschool group (to count groups).",
        source="Skolverket 2023: 15,3 barn per grupp i snitt; riktmärke 6–12 (1–3 år), 9–15 (4–5 år).",
        group="forskola",
        min_value=6.0,
        max_value=25.0,
    )
    preschool_staff_cost_sek: float = _param(
        560_000,
        label=("Kostnad per anställd i förskolan", "Cost per preschool staff member"),
        unit="kr per heltidstjänst och år",
        sv="Kostnad för en anställd på heltid i förskolan under ett år, inklusive arbetsgivaravgifter.",
        en="Cost of one full-time preschool staff member for a year, including payroll taxes.",
        source="Uppskattning: månadslön ≈ 33 000 kr × 12 × 1,4.",
        group="forskola",
        min_value=300_000,
        max_value=900_000,
    )
    cost_per_preschool_child_sek: float = _param(
        15_000,
        label=("Kostnad som följer barnet", "Cost that follows each child"),
        unit="kr per barn och år",
        sv="Kostnad som följer varje barn i förskolan: måltider, material, övrigt.",
        en="Cost that follows each preschool child: meals, materials, other.",
        source="Uppskattning; total kostnad per barn ≈ 163 000 kr (Kolada N11008, 2021), varav personal största delen.",
        group="forskola",
        min_value=0,
        max_value=60_000,
    )
    # --- äldreomsorg ---
    care_home_rate_65_79: float = _param(
        0.010,
        label=("Behov av särskilt boende, 65–79 år", "Need of residential care, ages 65–79"),
        unit="andel av invånarna",
        sv="Andel av invånarna 65–79 år som behöver en plats i särskilt boende.",
        en="Share of inhabitants aged 65–79 who need a place in residential care.",
        source="Anpassat till Socialstyrelsens totalnivå (≈ 5 % av 65+, ≈ 14 % av 80+ 2012, sjunkande).",
        group="aldreboende",
        min_value=0.0,
        max_value=0.2,
    )
    care_home_rate_80_89: float = _param(
        0.08,
        label=("Behov av särskilt boende, 80–89 år", "Need of residential care, ages 80–89"),
        unit="andel av invånarna",
        sv="Andel av invånarna 80–89 år som behöver en plats i särskilt boende.",
        en="Share of inhabitants aged 80–89 who need a place in residential care.",
        source="Anpassat till Socialstyrelsens totalnivå för 80+.",
        group="aldreboende",
        min_value=0.0,
        max_value=0.5,
    )
    care_home_rate_90_plus: float = _param(
        0.27,
        label=("Behov av särskilt boende, 90+ år", "Need of residential care, ages 90+"),
        unit="andel av invånarna",
        sv="Andel av invånarna 90 år och äldre som behöver en plats i särskilt boende.",
        en="Share of inhabitants aged 90 and over who need a place in residential care.",
        source="Anpassat till Socialstyrelsens totalnivå för 80+ (≈ 25–30 % av 90+).",
        group="aldreboende",
        min_value=0.0,
        max_value=0.8,
    )
    cost_per_occupied_place_sek: float = _param(
        850_000,
        label=("Kostnad per belagd plats", "Cost per occupied place"),
        unit="kr per plats och år",
        sv="Kostnad för vård och omsorg per belagd plats i särskilt boende, utan lokaler.",
        en="Care cost per occupied place in residential care, premises excluded.",
        source="Kolada N23002: 818 000 kr per brukare 2016 (spann 477 000–2 300 000), uppräknat.",
        group="aldreboende",
        min_value=300_000,
        max_value=2_500_000,
    )
    purchased_place_cost_sek: float = _param(
        1_100_000,
        label=("Kostnad för köpt plats", "Cost of a purchased place"),
        unit="kr per plats och år",
        sv="Kostnad per plats när kommunen saknar egna platser och måste köpa (brist).",
        en="Cost per place when the municipality lacks places and must buy them (shortage).",
        source="Uppskattning: särskilt boende inklusive lokaler ≈ 0,95–1,1 miljoner kr per plats (2021–24).",
        group="aldreboende",
        min_value=300_000,
        max_value=3_000_000,
    )
    home_care_cost_65_79_sek: float = _param(
        8_000,
        label=("Hemtjänst per invånare 65–79 år", "Home care per inhabitant aged 65–79"),
        unit="kr per invånare och år",
        sv="Kostnad för hemtjänst per invånare 65–79 år (alla invånare, inte bara mottagare).",
        en="Home care cost per inhabitant aged 65–79 (all inhabitants, not only recipients).",
        source="Uppskattning: ≈ 200 000 kr per mottagare (2021) × ≈ 4 % mottagare.",
        group="aldreboende",
        min_value=0,
        max_value=50_000,
    )
    home_care_cost_80_89_sek: float = _param(
        44_000,
        label=("Hemtjänst per invånare 80–89 år", "Home care per inhabitant aged 80–89"),
        unit="kr per invånare och år",
        sv="Kostnad för hemtjänst per invånare 80–89 år.",
        en="Home care cost per inhabitant aged 80–89.",
        source="Uppskattning: ≈ 200 000 kr per mottagare × ≈ 22 % mottagare.",
        group="aldreboende",
        min_value=0,
        max_value=150_000,
    )
    home_care_cost_90_plus_sek: float = _param(
        90_000,
        label=("Hemtjänst per invånare 90+ år", "Home care per inhabitant aged 90+"),
        unit="kr per invånare och år",
        sv="Kostnad för hemtjänst per invånare 90 år och äldre.",
        en="Home care cost per inhabitant aged 90 and over.",
        source="Uppskattning: ≈ 200 000 kr per mottagare × ≈ 45 % mottagare.",
        group="aldreboende",
        min_value=0,
        max_value=300_000,
    )
    # --- fritid och kultur ---
    leisure_visits_kept_on_close: float = _param(
        0.5,
        label=("Besök som flyttar med vid stängning", "Visits kept when a facility closes"),
        unit="andel (0–1)",
        sv="Andel av besöken i en stängd lokal som går till närmaste öppna lokal (vid sammanslagning: alla).",
        en="Share of a closed facility's visits that move to the nearest open one (all of them on a merge).",
        source="Antagande; följ upp med kommunens egen besöksstatistik.",
        group="fritid_kultur",
        min_value=0.0,
        max_value=1.0,
    )
    unit_closure_one_off_cost_sek: float = _param(
        500_000,
        label=("Engångskostnad per stängd enhet (ej skola)", "One-off cost per closed unit (not a school)"),
        unit="kr per stängd enhet",
        sv="Engångskostnad när en förskola, ett boende eller en lokal stängs: flytt och omställning.",
        en="One-off cost when a preschool, care home or facility closes: moving and transition.",
        source="Uppskattning utifrån kommunala beslutsunderlag.",
        group="premises",
        min_value=0,
        max_value=20_000_000,
    )
    # --- ekonomi ---
    tax_base_per_inhabitant_sek: float = _param(
        230_000,
        label=("Skattekraft per invånare", "Tax base per inhabitant"),
        unit="kr per invånare och år",
        sv="Beskattningsbar inkomst per invånare (skattekraft).",
        en="Taxable income per inhabitant (tax base).",
        source="SCB: ≈ 200 000 kr (2017–19), ≈ 245 000–265 000 kr (2024–25); lägre i små landsbygdskommuner.",
        group="economy",
        min_value=100_000,
        max_value=500_000,
    )
    tax_rate: float = _param(
        0.22,
        label=("Kommunal skattesats", "Municipal tax rate"),
        unit="andel (0–1)",
        sv="Kommunens skattesats (utan regionens del).",
        en="The municipality's tax rate (region's part excluded).",
        source="SCB, Kolada N00901: ≈ 20,7 % i snitt (2018), 21–22,5 % i många små kommuner.",
        group="economy",
        min_value=0.15,
        max_value=0.27,
    )
    grants_per_inhabitant_sek: float = _param(
        30_000,
        label=("Statsbidrag och utjämning per invånare", "Grants and equalisation per inhabitant"),
        unit="kr per invånare och år",
        sv="Generella statsbidrag och kommunalekonomisk utjämning, netto per invånare.",
        en="General state grants and equalisation, net per inhabitant.",
        source="Uppskattning: skatt + bidrag ≈ 75 000–90 000 kr per invånare i landsbygdskommuner (2024); "
        "inkomstutjämningen garanterar 115 % av medelskattekraften (SFS 2004:773).",
        group="economy",
        min_value=0,
        max_value=100_000,
    )
    other_costs_per_inhabitant_sek: float = _param(
        40_000,
        label=("Övriga kostnader per invånare", "Other costs per inhabitant"),
        unit="kr per invånare och år",
        sv="Kommunens kostnader utanför det som modelleras (socialtjänst, infrastruktur, administration …) per invånare.",
        en="The municipality's costs outside what is modelled (social services, infrastructure, administration …) per inhabitant.",
        source="Antagande; kalibrera så att basårets resultat stämmer med kommunens bokslut.",
        group="economy",
        min_value=0,
        max_value=150_000,
    )
    discount_rate: float = _param(
        0.03,
        label=("Diskonteringsränta", "Discount rate"),
        unit="andel per år",
        sv="Ränta för att räkna om framtida belopp till nuvärde.",
        en="Rate for turning future amounts into present value.",
        source="Antagande; vanlig kalkylränta för kommunala investeringar (2–4 %).",
        group="economy",
        min_value=0.0,
        max_value=0.1,
    )
    investment_min_utilisation: float = _param(
        0.75,
        label=("Lägsta nyttjandegrad år 10", "Lowest utilisation in year 10"),
        unit="andel (0–1)",
        sv="En investering flaggas som överdimensionerad om det den bygger används mindre än så år 10.",
        en="An investment is flagged as oversized if what it builds is used less than this in year 10.",
        source="Antagande; DESIGN: investeringar bedöms efter behovet om 10 år.",
        group="investments",
        min_value=0.0,
        max_value=1.0,
    )


PARAMETER_NAMES: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Parameters))


class ParameterError(ValueError):
    """A parameter name or value that the model cannot use."""


def _coerce(name: str, value: Any) -> float | int:
    meta = _metadata(name)
    if isinstance(value, bool):
        raise ParameterError(f"{name}: {value!r} är inget tal")
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            raise ParameterError(f"{name}: '{value}' är inget tal") from None
    if not isinstance(value, int | float):
        raise ParameterError(f"{name}: {value!r} är inget tal")
    number = float(value)
    if number != number:  # NaN
        raise ParameterError(f"{name}: värdet saknas")
    if not meta["min"] <= number <= meta["max"]:
        raise ParameterError(
            f"{name}: {value} ligger utanför det rimliga intervallet {meta['min']:g}–{meta['max']:g} {meta['unit']}"
        )
    if meta["integer"]:
        if number != int(number):
            raise ParameterError(f"{name}: {value} måste vara ett heltal")
        return int(number)
    return number


def _metadata(name: str) -> Mapping[str, Any]:
    for f in dataclasses.fields(Parameters):
        if f.name == name:
            return f.metadata
    raise ParameterError(f"okänd parameter '{name}'; giltiga namn: {', '.join(PARAMETER_NAMES)}")


def resolve(*layers: Mapping[str, Any] | None) -> Parameters:
    """Defaults overridden by each layer in turn (dataset, then CLI or sliders).

    Raises :class:`ParameterError` naming the parameter for an unknown name or a
    value outside its documented range.
    """
    values: dict[str, Any] = {}  # each value checked against its field by _coerce
    for layer in layers:
        for name, value in (layer or {}).items():
            values[name] = _coerce(name, value)
    return Parameters(**values)


def describe(params: Parameters | None = None) -> list[dict[str, Any]]:
    """One row per parameter: name, value, default and the documented metadata."""
    params = params or Parameters()
    rows = []
    for f in dataclasses.fields(Parameters):
        rows.append(
            {
                "name": f.name,
                "value": getattr(params, f.name),
                "default": f.default,
                **f.metadata,
            }
        )
    return rows
