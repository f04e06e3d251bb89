"""Text as Swedish spreadsheets write it: encodings, delimiters, decimal commas."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel writes it in Sweden."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def sniff_delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def parse_number(text: str) -> float:
    """'1 234,5', '1234.5', '12,5' → float; raises ValueError otherwise."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("−", "-")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


def suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" — menade du '{close[0]}'?" if close else ""


# Characters a value shown to users may not hold: C0/C1 controls (NUL, escape, line breaks …),
# the Unicode line and paragraph separators, and the bidirectional overrides that can make
# a name read differently from what it holds ("Trojan Source").
_FORBIDDEN = frozenset(
    {*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
    | {0xFEFF, 0xFFFE, 0xFFFF}
)
SHOWN_CHARS = 40  # how much of a bad value a message repeats


def forbidden_char(text: str) -> tuple[int, str] | None:
    """(1-based position, U+XXXX) of the first character a value may not hold, or None."""
    for i, ch in enumerate(text, 1):
        if ord(ch) in _FORBIDDEN or 0xD800 <= ord(ch) <= 0xDFFF:
            return i, f"U+{ord(ch):04X}"
    return None


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value as a message may repeat it: control characters as '?', at most ``limit`` characters."""
    text = value if isinstance(value, str) else repr(value)
    clean = "".join("?" if ord(ch) in _FORBIDDEN or 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text[: limit + 1])
    return clean if len(text) <= limit else clean[:limit] + "…"


def text_problem(text: str, max_chars: int, multiline: bool = False) -> str | None:
    """What is wrong with a text value (too long, a forbidden character), in Swedish, or None.

    A name or an id is one line without control characters. A description (``multiline``) may
    hold line breaks, tabs and other control characters, as a text box gives them, but never
    NUL (it ends strings in C and breaks exports) nor a bidirectional override.
    """
    if len(text) > max_chars:
        return f"texten är {len(text)} tecken lång; högst {max_chars} tecken är tillåtet"
    bad = forbidden_char(text) if not multiline else _forbidden_in_paragraph(text)
    if bad is not None:
        position, code = bad
        return (
            f"otillåtet tecken {code} (ett styrtecken, t.ex. NUL, radbrytning eller tabb) på plats {position}; "
            "skriv texten på en rad utan specialtecken"
            if not multiline
            else f"otillåtet tecken {code} (NUL eller ett tecken som vänder skrivriktningen) på plats {position}"
        )
    return None


_PARAGRAPH_FORBIDDEN = frozenset({0x00, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFFFE, 0xFFFF})


def _forbidden_in_paragraph(text: str) -> tuple[int, str] | None:
    for i, ch in enumerate(text, 1):
        if ord(ch) in _PARAGRAPH_FORBIDDEN or 0xD800 <= ord(ch) <= 0xDFFF:
            return i, f"U+{ord(ch):04X}"
    return None
