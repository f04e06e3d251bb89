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
