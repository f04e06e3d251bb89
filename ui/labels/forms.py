"""The shape of a label, and how a count picks its plural form.

A label is ``(Swedish, English)``. Each side is a text, or — where a count is shown —
its plural forms by CLDR category (``{"one": "{count} svar", "other": "{count} svar"}``),
chosen by the language's own plural rule from Babel's copy of CLDR.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from babel import Locale

Text = str | Mapping[str, str]
Label = tuple[Text, Text]

LANGUAGES: tuple[str, ...] = ("sv", "en")
_PLURAL_RULE: dict[str, Callable[[float], str]] = {code: Locale.parse(code).plural_form for code in LANGUAGES}


def plural_form(lang: str, count: float) -> str:
    """The CLDR plural category of ``count`` in ``lang``: "one" or "other" for Swedish and English."""
    return _PLURAL_RULE[lang](abs(count))


def choose(text: Text, lang: str, count: float | None) -> str:
    """The text itself, or the plural form that ``count`` takes in ``lang``."""
    if isinstance(text, str):
        return text
    if count is None:
        raise ValueError("a label with plural forms needs count=")
    return text.get(plural_form(lang, count), text["other"])
