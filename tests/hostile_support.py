"""A municipality and a store full of hostile texts, for tests/test_hostile_text.py.

Every name a dataset holds (municipality, areas, units, scenarios, alternatives, their
descriptions, investments and their exit strategies) starts with one of PAYLOADS and
keeps the demo's own name after it (so names stay unique); the store holds an alternative
saved under an iframe that runs a script, and a workshop whose comments are formulas,
HTML, markdown and control characters. Participants have cookie ids the exports must
never carry.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tomllib
from pathlib import Path

from conftest import DEMO_PATH, toml_text

from engine import DatasetError, load_dataset
from engine.core.types import KEEP_ALL
from engine.measures.dialog import answer_document
from engine.measures.workshop import new_workshop, response_document, workshop_document
from engine.store import Store

SCRIPT = "<script>document.title='XSS'</script>"
IMG = "<img src=x onerror=alert(1)>"
IFRAME = "<iframe srcdoc=\"<script>parent.document.title='XSS'</script>\"></iframe>"
LINK = "[klick](https://evil.example)"
BOLD = "**fet**"
HYPERLINK = '=HYPERLINK("https://evil.example","y")'
EMOJI = ":smile:"
PAYLOADS = (SCRIPT, IMG, IFRAME, LINK, BOLD, HYPERLINK, "+1", "-2", "@SUM(A1)", "www.evil.example", "$x^2$", EMOJI)
LONG = 10_000
NUL = "\x00"

SAVED = "plan-x"  # the alternative saved in the store
SAVED_NAME = f"Plan X{IFRAME}{LINK}"
WORKSHOP = "KS-mars"
DIALOG = "samrad"
PARTICIPANTS = ("a1b2c3d4e5f6", "0f1e2d3c4b5a", "c0ffee00beef", "feedfacecafe", "abcdef012345", "5a5a5a5a5a5a")
COMMENTS = (
    HYPERLINK,
    f"+1 {IMG}",
    f"-2 {LINK}",
    f"@SUM(A1) {BOLD} {SCRIPT}",
    f"\tTab{NUL}NUL\x07bell",
    "\rCR " + "Å" * LONG,
)


def hostile(i: int, original: str) -> str:
    """The i-th payload, then the original name: a formula sign or a tag at the very start."""
    return f"{PAYLOADS[i % len(PAYLOADS)]} {original}"


def _rewrite_csv(path: Path, columns: tuple[str, ...], offset: int) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    for i, row in enumerate(rows):
        for column in columns:
            if row.get(column):
                row[column] = hostile(offset + i, row[column])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _rewrite_toml(path: Path, table: str, offset: int) -> None:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    for i, item in enumerate(doc[table]):
        item["name"] = hostile(offset + i, item["name"])
        if item.get("description"):
            item["description"] = f"{LINK} {SCRIPT} {item['description']}"
    path.write_text(toml_text(doc), encoding="utf-8")


def municipality_name(extra: str = "") -> str:
    return f"{SCRIPT}{LINK} Vålberga{extra}"


def write_hostile(folder: Path, *, unit_extra: str = "", name_extra: str = "") -> Path:
    """The demo municipality with every name hostile; ``unit_extra`` is appended to the first
    unit's name and ``name_extra`` to the municipality's (a NUL, a very long text)."""
    shutil.copytree(DEMO_PATH, folder)
    toml = folder / "municipality.toml"
    toml.write_text(
        re.sub(r'(?m)^name = ".*"$', lambda _: f"name = {json.dumps(municipality_name(name_extra))}", toml.read_text()),
        encoding="utf-8",
    )
    _rewrite_csv(folder / "areas.csv", ("name",), 0)
    _rewrite_csv(folder / "units.csv", ("name",), 3)
    _rewrite_csv(folder / "investments.csv", ("name", "exit_strategy"), 5)
    _rewrite_toml(folder / "scenarios.toml", "scenario", 1)
    _rewrite_toml(folder / "alternatives.toml", "alternative", 2)
    if unit_extra:
        units = folder / "units.csv"
        lines = units.read_text(encoding="utf-8").split("\n")
        first = next(csv.reader([lines[1]]))
        first[1] += unit_extra
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(first)
        lines[1] = out.getvalue()
        units.write_text("\n".join(lines), encoding="utf-8")
    return folder


def hostile_dataset(tmp: Path) -> tuple[Path, dict[str, list[str]]]:
    """The hostile folder, with a NUL and a 10 000-character name where the validator takes
    them; and, for each it refused, its problems (it must refuse cleanly, not crash)."""
    taken: list[str] = []
    refused: dict[str, list[str]] = {}
    for i, extra in enumerate((f" {NUL}NUL", " " + "L" * LONG)):
        probe = write_hostile(tmp / f"probe-{i}", unit_extra=extra, name_extra=extra)
        try:
            load_dataset(probe)
            taken.append(extra)
        except DatasetError as exc:
            refused[repr(extra[:8])] = [str(p) for p in exc.problems]
    extra = "".join(taken)
    return write_hostile(tmp / "hostile", unit_extra=extra, name_extra=extra), refused


def fill_store(path: Path, code: str) -> None:
    """A saved alternative with a script in its name, and a workshop with hostile comments."""
    store = Store(path)
    document = {
        "id": SAVED,
        "name": SAVED_NAME,
        "description": f"{HYPERLINK} {IMG} {BOLD}",
        "action": [{"year": 2027, "action": "close", "unit": "S-ASBY"}],
    }
    store.save_alternative(code, SAVED, json.dumps(document))
    workshop = new_workshop(WORKSHOP, "bas", [SAVED, "merge-a-b"], {}, {}, 10, pin="1234", created="2026-12-07T10:00")
    store.save_workshop(code, WORKSHOP, workshop_document(workshop))
    for i, (pid, comment) in enumerate(zip(PARTICIPANTS, COMMENTS, strict=True)):
        weights = {"economy": i % 6, "quality": 5 - i % 6, "travel": 3, "stability": 2, "robustness": 1}
        store.save_workshop_input(code, WORKSHOP, pid, response_document(weights, SAVED, comment))
    # The decision track: the officials' texts, the strategy, the legal checklist and residents' comments.
    texts = " ".join(PAYLOADS)
    notes = {"views": texts, "assessment": COMMENTS[0], "measures": COMMENTS[1], "follow_up": texts}
    store.save_document(code, "child_impact", SAVED, json.dumps(notes))
    strategy = {
        "alternative": SAVED,
        "principles": list(PAYLOADS),
        "weights": None,
        "plan": [dict.fromkeys(("audience", "message", "channel", "when", "who"), payload) for payload in PAYLOADS],
    }
    store.save_document(code, "strategy", "current", json.dumps(strategy))
    store.save_document(code, "legal", "current", json.dumps({"transport": {"done": True, "comment": texts}}))
    dialog = {
        "id": DIALOG,
        "scenario": "bas",
        "alternatives": [KEEP_ALL, SAVED],
        "years": 10,
        "open": True,
        "created": "",
    }
    store.save_dialog(code, DIALOG, json.dumps(dialog))
    for i, (pid, comment) in enumerate(zip(PARTICIPANTS, COMMENTS, strict=True)):
        answer = answer_document({"economy": i % 6}, SAVED, comment, "")
        store.save_dialog_answer(code, DIALOG, pid, answer, json.loads(answer)["comment"], 0.0)
        store.set_dialog_status(code, DIALOG, pid, "approved")
