"""The engine's units (Swedish, as the parameter tree writes them) in both languages.

Countable units have plural forms, so a value of 1 reads "1 elev" / "1 pupil".
A unit that starts with "andel" is a share: it is shown as a percentage followed by
the share's suffix (:data:`SHARE_SUFFIXES`), e.g. 1,2 % av invånarna.
"""

from ui.labels.forms import Label

UNITS: dict[str, Label] = {
    "elever": ({"one": "elev", "other": "elever"}, {"one": "pupil", "other": "pupils"}),
    "barn": ({"one": "barn", "other": "barn"}, {"one": "child", "other": "children"}),
    "år": ({"one": "år", "other": "år"}, {"one": "year", "other": "years"}),
    "årskurser": ({"one": "årskurs", "other": "årskurser"}, {"one": "grade", "other": "grades"}),
    "heltidstjänster": (
        {"one": "heltidstjänst", "other": "heltidstjänster"},
        {"one": "full-time post", "other": "full-time posts"},
    ),
    "heltidstjänster per klass": ("heltidstjänster per klass", "full-time posts per class"),
    "elever per heltidstjänst": ("elever per heltidstjänst", "pupils per full-time post"),
    "barn per heltidstjänst": ("barn per heltidstjänst", "children per full-time post"),
    "km": ("km", "km"),
    "faktor": ("faktor", "factor"),
    "kr per barn och år": ("kr per barn och år", "SEK per child and year"),
    "kr per elev och år": ("kr per elev och år", "SEK per pupil and year"),
    "kr per heltidstjänst och år": ("kr per heltidstjänst och år", "SEK per full-time post and year"),
    "kr per invånare och år": ("kr per invånare och år", "SEK per inhabitant and year"),
    "kr per plats och år": ("kr per plats och år", "SEK per place and year"),
    "kr per skjutsad elev och år": ("kr per skjutsad elev och år", "SEK per transported pupil and year"),
    "kr per stängd eller sammanslagen skola": (
        "kr per stängd eller sammanslagen skola",
        "SEK per closed or merged school",
    ),
    "kr per stängd enhet": ("kr per stängd enhet", "SEK per closed unit"),
    "barn per kvinna": ("barn per kvinna", "children per woman"),
    "personer per 1 000 invånare och år": (
        "personer per 1 000 invånare och år",
        "persons per 1,000 inhabitants a year",
    ),
    "relativ förändring (−0,1 = 10 % lägre)": (
        "relativ förändring (−0,1 = 10 % lägre)",
        "relative change (−0.1 = 10 % lower)",
    ),
    "andel (0–1)": ("andel (0–1)", "share (0–1)"),
    "andel av invånarna": ("andel av invånarna", "share of the inhabitants"),
    "andel per år": ("andel per år", "share per year"),
}

# What follows the percentage of a share: "1,2 % av invånarna", "2 % per år".
SHARE_SUFFIXES: dict[str, Label] = {
    "andel (0–1)": ("", ""),
    "andel av invånarna": ("av invånarna", "of the inhabitants"),
    "andel per år": ("per år", "a year"),
}
