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
    cost_per_pupil_sek: float = _param(
        30_000,
        label=("Kostnad som följer eleven", "Cost that follows each pupil"),
        unit="kr per elev och år",
        sv="Kostnad som följer varje elev: måltider, läromedel, elevhälsa och övrigt.",
        en="Cost that follows each pupil: meals, materials, pupil health and other.",
        source="Skolverket: måltider 6 %, läromedel 4 %, elevhälsa 3 %, övrigt 15 % av ≈ 123 500 kr per elev (SCB 2021), delvis rörligt.",
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
    values: dict[str, float | int] = {}
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
