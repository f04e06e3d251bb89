"""The scenario fields: one documented tree, as the parameters have (:mod:`engine.core.parameters`).

A scenario (:class:`engine.core.types.Scenario`) is a few assumptions about the future.
Each assumption is a :class:`ScenarioField` here, with its label, unit, a Swedish and an
English description, the source of its range, and **one plausible range** (``min``–``max``).
Everything that accepts a value reads that range:

* the validator (``scenarios.toml`` and the workbook's ``scenarios`` sheet) refuses a value
  outside it, naming the field, the value and the range (:func:`check`);
* the link's parser (``ui/state.py``) drops a value outside it;
* the sliders on *Scenarier* (``pages/scenarier.py``) never go beyond it, and always reach a
  value inside it (:func:`slider_span`).

A slider opens on a narrower usual span (``slider_min``–``slider_max``), so that it is fine
enough to move in a third of the page; it widens, never beyond the range, to show a dataset's
or a link's own value. So whatever ``python -m engine validate`` accepts, the page can show.

The docs' scenario table is generated from :func:`describe` (``tools/make_docs.py``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, kw_only=True)
class ScenarioField:
    """One assumption of a scenario and everything that shows or checks it."""

    name: str  # the key in scenarios.toml, the field of Scenario, the link's <scenario>.<name>
    label_sv: str  # as on the slider, with the unit of the value shown there
    label_en: str
    short_sv: str  # in running text: "barnafödande 1,45 → 2,00"
    short_en: str
    unit: str  # of the value as stored (and written in scenarios.toml)
    description_sv: str
    description_en: str
    source: str  # why the range is what it is
    min: float  # the plausible range, read by the validator, the link and the sliders
    max: float
    required: bool = True
    default: float | None = None  # the value of an optional field left out
    slider_min: float  # the span a slider opens on (inside min–max)
    slider_max: float
    step: float  # a slider's step, in the unit shown (per cent for a percent field)
    decimals: int  # decimals shown on the slider and in text
    percent: bool = False  # shown as a percentage: the stored share × 100


SCENARIO_FIELDS: tuple[ScenarioField, ...] = (
    ScenarioField(
        name="tfr",
        label_sv="Barnafödande (barn per kvinna)",
        label_en="Fertility (children per woman)",
        short_sv="barnafödande",
        short_en="fertility",
        unit="barn per kvinna",
        description_sv="Summerad fruktsamhet: hur många barn en kvinna i genomsnitt föder under livet. "
        "Sverige 2024: 1,43.",
        description_en="Total fertility rate: the average number of children a woman has over her life. "
        "Sweden 2024: 1.43.",
        source="SCB: Sverige 1,43 (2024), som högst ≈ 2,5 (1964) efter 1945. Lägst i världen: Sydkorea 0,72 "
        "(2023), Seoul ≈ 0,55. En liten kommuns nivå varierar mer än landets. 0,5–3,5 rymmer alla dessa med "
        "marginal; utanför är ett långsiktigt antagande inte rimligt.",
        min=0.5,
        max=3.5,
        slider_min=0.8,
        slider_max=2.5,
        step=0.01,
        decimals=2,
    ),
    ScenarioField(
        name="net_migration_per_1000",
        label_sv="Nettoflyttning per 1 000 invånare och år",
        label_en="Net migration per 1,000 inhabitants a year",
        short_sv="nettoflyttning",
        short_en="net migration",
        unit="personer per 1 000 invånare och år",
        description_sv="Inflyttade minus utflyttade varje år, per 1 000 invånare. Negativt = fler flyttar ut "
        "än in. Fördelas på åldrar efter kommunens flyttmönster (mest unga vuxna).",
        description_en="People moving in minus people moving out each year, per 1,000 inhabitants. Negative = "
        "more move out than in. Spread over ages by the municipality's migration pattern (mostly young adults).",
        source="SCB:s flyttstatistik: kommunernas nettoflyttning ligger oftast inom ±15 per 1 000 och år; enstaka "
        "år (som flyktingmottagandet 2015–16) kan små kommuner nå ±30 eller mer. ±50 rymmer sådana toppar; som "
        "antagande för varje år i tio år eller mer är mer än så inte rimligt.",
        min=-50.0,
        max=50.0,
        slider_min=-30.0,
        slider_max=30.0,
        step=0.5,
        decimals=1,
    ),
    ScenarioField(
        name="mortality_change",
        label_sv="Ändrad dödsrisk (%)",
        label_en="Change in death risk (%)",
        short_sv="dödsrisk",
        short_en="death risk",
        unit="relativ förändring (−0,1 = 10 % lägre)",
        description_sv="Hur mycket risken att dö ändras i alla åldrar jämfört med i dag. −10 % = något längre liv.",
        description_en="How much the risk of dying changes at every age compared with today. −10 % = "
        "somewhat longer lives.",
        source="SCB: dödsriskerna har sjunkit med 1–2 % per år (≈ −15 till −25 % på 15 år); covid-19 gav 2020 "
        "≈ +10 % fler döda i Sverige. ±50 % rymmer både en snabbare nedgång och en svår kris.",
        min=-0.5,
        max=0.5,
        required=False,
        default=0.0,
        slider_min=-0.5,
        slider_max=0.5,
        step=1.0,
        decimals=0,
        percent=True,
    ),
)

SCENARIO_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in SCENARIO_FIELDS)
_BY_NAME: dict[str, ScenarioField] = {f.name: f for f in SCENARIO_FIELDS}


class ScenarioFieldError(ValueError):
    """A scenario field name or value that the model cannot use."""


def field_of(name: str) -> ScenarioField:
    """The field called ``name``; :class:`ScenarioFieldError` for an unknown name."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ScenarioFieldError(
            f"okänt scenariofält '{name}'; giltiga namn: {', '.join(SCENARIO_FIELD_NAMES)}"
        ) from None


def check(name: str, value: float) -> float:
    """``value`` if it lies in the field's plausible range; else :class:`ScenarioFieldError`
    with a Swedish message naming the field, the value and the range."""
    spec = field_of(name)
    number = float(value)
    if not spec.min <= number <= spec.max:  # also refuses NaN
        raise ScenarioFieldError(
            f"{name} = {number:g} ligger utanför det rimliga intervallet {spec.min:g} till {spec.max:g} {spec.unit}"
        )
    return number


def slider_span(name: str, *values: float) -> tuple[float, float]:
    """A slider's span for ``name`` (stored units): the usual span, widened to reach ``values``
    (the dataset's or the link's own value), never beyond the plausible range."""
    spec = field_of(name)
    lo = min((spec.slider_min, *values))
    hi = max((spec.slider_max, *values))
    return max(lo, spec.min), min(hi, spec.max)


def describe() -> list[dict[str, Any]]:
    """One row per field with its documented metadata (the same keys as the parameters' rows)."""
    return [asdict(f) for f in SCENARIO_FIELDS]
