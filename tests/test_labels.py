"""The label table: every text in Swedish and English, every key used, every used key there."""

from __future__ import annotations

import re
import string
from pathlib import Path

from ui.i18n import LABELS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [p for p in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"] if p.name != "i18n.py"]
CODE = "\n".join(p.read_text(encoding="utf-8") for p in SOURCES)
ASKED = set(re.findall(r"""\bt\(\s*["']([A-Za-z0-9_.]+)["']""", CODE))
LITERAL_KEYS = {k for k in ASKED if not k.endswith(".")}
# Keys built at run time, e.g. t(f"group.{group}") or t("about.origin." + origin): their literal start.
PREFIXES = set(re.findall(r"""f["']([a-z_]+\.[a-z_.]*)\{""", CODE)) | {k for k in ASKED if k.endswith(".")}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_swedish_and_english_with_the_same_placeholders() -> None:
    for key, value in LABELS.items():
        assert isinstance(value, tuple) and len(value) == 2, key
        sv, en = value
        assert sv.strip() and en.strip(), key
        assert fields(sv) == fields(en), key


def test_every_key_the_code_asks_for_exists() -> None:
    missing = sorted(k for k in LITERAL_KEYS if k not in LABELS)
    assert not missing, missing


def test_every_label_is_used() -> None:
    quoted = set(re.findall(r"""["']([A-Za-z0-9_.]+)["']""", CODE))
    unused = sorted(k for k in LABELS if k not in quoted and not any(k.startswith(p) for p in PREFIXES))
    assert not unused, unused
