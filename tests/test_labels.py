"""The label table: every text in Swedish and English, every key used, every used key there."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path

from ui.i18n import LABELS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for p in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"] if p.name != "i18n.py"]
CODE = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
ASKED = set(re.findall(r"""\bt\(\s*["']([A-Za-z0-9_.]+)["']""", CODE))
LITERAL_KEYS = {k for k in ASKED if not k.endswith(".")}
# Keys built at run time, e.g. t(f"group.{group}") or t("about.origin." + origin), or taken by their
# start (ui/launch.py: key.startswith("chrome.")): their literal start.
PREFIXES = (
    set(re.findall(r"""f["']([a-z_]+\.[a-z_.]*)\{""", CODE))
    | {k for k in ASKED if k.endswith(".")}
    | set(re.findall(r"""startswith\(["']([a-z_]+\.)["']\)""", CODE))
)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def forms(text: str | Mapping[str, str]) -> list[str]:
    """A text, or every plural form of it."""
    return [text] if isinstance(text, str) else list(text.values())


def test_every_label_has_swedish_and_english_with_the_same_placeholders() -> None:
    for key, value in LABELS.items():
        assert isinstance(value, tuple) and len(value) == 2, key
        texts = [*forms(value[0]), *forms(value[1])]
        assert all(text.strip() for text in texts), key
        assert all(fields(text) == fields(texts[0]) for text in texts), key


def test_plural_labels_have_both_forms_and_show_their_count() -> None:
    for key, value in LABELS.items():
        for text in value:
            if not isinstance(text, str):
                assert set(text) == {"one", "other"}, key  # Swedish and English know only these two
                assert all("{count}" in form for form in text.values()), key


def test_every_key_the_code_asks_for_exists() -> None:
    missing = sorted(k for k in LITERAL_KEYS if k not in LABELS)
    assert not missing, missing


def test_every_label_is_used() -> None:
    quoted = set(re.findall(r"""["']([A-Za-z0-9_.]+)["']""", CODE))
    unused = sorted(k for k in LABELS if k not in quoted and not any(k.startswith(p) for p in PREFIXES))
    assert not unused, unused
