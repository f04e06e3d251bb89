"""A merge the receiving school cannot hold: reported, per year, with where the pupils went.

The tiny municipality (tests/conftest.py) in its base year, with Björkängens skola (S-B,
grades F–6) merged into Östra Cé skola (S-C, F–6) from 2025. S-C becomes the first
choice of B's 13 pupils in grades F–6 (grades 0: 6, 3: 4, 5: 3) and of C's own 5
(grades 0: 3, 2: 2): 18 pupils. With 12 places at S-C, 6 cannot go there; the only
other school teaching those grades is Åby skola (S-A, capacity 100), and B's pupils are
nearer to it than C's, so 6 of B's pupils go to S-A.
"""

from __future__ import annotations

import json

import pytest

from engine import load_dataset
from engine.cli.main import main
from engine.measures.effects import merge_shortfalls
from engine.model.evaluate import evaluate

MERGE_2025 = {
    "id": "merge-b-c-2025",
    "name": "Slå ihop Björkängen med Östra Cé 2025",
    "action": [{"year": 2025, "action": "merge", "unit": "S-B", "to": "S-C"}],
}


@pytest.fixture
def short_path(tmp_path, tiny_spec, dataset_writer):
    next(u for u in tiny_spec["units"] if u["unit_id"] == "S-C")["capacity"] = 12
    tiny_spec["alternatives"].append(MERGE_2025)
    return dataset_writer(tmp_path / "short", tiny_spec)


def test_the_pupils_a_full_receiving_school_cannot_take_are_reported_with_where_they_went(short_path):
    r = evaluate(load_dataset(short_path), "bas", "merge-b-c-2025", years=1)
    first = r.merge_targets.query("year == 2025").iloc[0]
    assert first["unit_id"] == "S-C" and first["merged_from"] == ["S-B"]
    assert first["pupils"] == pytest.approx(12) and first["capacity"] == 12
    assert first["pupils_elsewhere"] == pytest.approx(6)
    assert first["full"]
    went = r.merge_overflow.query("year == 2025")
    assert went[["unit_id", "to_unit_id", "to_name"]].values.tolist() == [["S-C", "S-A", "Åby skola"]]
    assert went["pupils"].sum() == pytest.approx(6)
    # As before: the receiving school is at 100 %, nobody is overcrowded; the pupils are all placed.
    unit = r.units.query("year == 2025 and unit_id == 'S-C'").iloc[0]
    assert unit["utilisation"] == pytest.approx(1.0) and unit["overcrowded_pupils"] == pytest.approx(0)


def test_the_shortfall_in_one_value_for_the_pages_and_the_memo(short_path):
    r = evaluate(load_dataset(short_path), "bas", "merge-b-c-2025", years=3)
    (short,) = merge_shortfalls(r)
    assert short.unit_id == "S-C" and short.name == "Östra Cé skola"
    assert short.pupils == pytest.approx(r.merge_targets["pupils_elsewhere"].max())
    assert short.destinations[0][0] == "Åby skola"
    assert sum(p for _, p in short.destinations) == pytest.approx(short.pupils)
    assert short.year in short.years and 2025 in short.years


def test_a_merge_with_room_is_not_flagged(tiny):
    r = evaluate(tiny, "bas", "merge-b-c", years=3)
    targets = r.merge_targets
    assert set(targets["year"]) == {2026, 2027, 2028} and not targets["full"].any()
    assert (targets["pupils_elsewhere"] == 0).all()
    assert r.merge_overflow.empty and merge_shortfalls(r) == []
    # No merge, no receiving school.
    assert evaluate(tiny, "bas", "close-b", years=3).merge_targets.empty


def test_evaluate_json_adds_the_merge_keys_and_keeps_the_others(short_path, capsys):
    code = main(["evaluate", str(short_path), "--scenario", "bas", "--alternative", "merge-b-c-2025", "--years", "1"])
    assert code == 0
    capsys.readouterr()
    main(
        ["evaluate", str(short_path), "--scenario", "bas", "--alternative", "merge-b-c-2025", "--years", "1", "--json"]
    )
    doc = json.loads(capsys.readouterr().out)
    assert {"scenario", "alternative", "base_year", "years", "units", "services", "economy"} <= set(doc)
    target = next(t for t in doc["merge_targets"] if t["year"] == 2025)
    assert target["unit_id"] == "S-C" and target["full"] is True and target["merged_from"] == ["S-B"]
    assert target["pupils_elsewhere"] == pytest.approx(6)
    assert [(m["to_unit_id"], round(m["pupils"], 6)) for m in doc["merge_overflow"] if m["year"] == 2025] == [
        ("S-A", 6.0)
    ]


def test_evaluate_says_it_in_words(short_path, capsys):
    main(["evaluate", str(short_path), "--scenario", "bas", "--alternative", "merge-b-c-2025", "--years", "1"])
    assert "Östra Cé skola räcker inte: 6 elever får gå till Åby skola (2025)." in capsys.readouterr().out


# --- in words and on the map: Jämför, Bygg alternativ and the memo share these -------------


def test_the_pages_and_the_memo_say_it_in_words_in_both_languages(short_path):
    from ui import i18n, safe
    from ui.memo import shortfall_sentences

    r = evaluate(load_dataset(short_path), "bas", "merge-b-c-2025", years=1)
    try:
        i18n.use_language("sv")
        assert shortfall_sentences(r) == ["**Östra Cé skola** räcker inte: 6 elever får gå till Åby skola (2025)."]
        assert shortfall_sentences(r, mark=safe.pdf)[0].endswith("6 elever får gå till Åby skola (2025).")
        i18n.use_language("en")
        assert shortfall_sentences(r) == [
            "**Östra Cé skola** is not big enough: 6 pupils have to go to Åby skola (2025)."
        ]
    finally:
        i18n.use_language("sv")
    # The same merge a year later: said for the year in which the most pupils go elsewhere.
    (later,) = shortfall_sentences(evaluate(load_dataset(short_path), "bas", "merge-b-c", years=3))
    assert later.startswith("**Östra Cé skola** räcker inte:") and "(2026)." in later


def test_the_receiving_school_is_marked_on_the_map(short_path):
    from engine.measures.map import school_map
    from ui import geo

    ds = load_dataset(short_path)
    r = evaluate(ds, "bas", "merge-b-c-2025", years=1)
    m = school_map(r, evaluate(ds, "bas", "keep-all", years=1), ds, 2025)
    kinds = dict(zip(m.schools["name"], m.schools["kind"], strict=True))
    assert kinds["Östra Cé skola"] == "full" and kinds["Åby skola"] == "receiving"  # Åby takes the six
    labels = {k: k for k in ("area", "school_open", "school_closed", "school_receiving", "school_full")}
    traces, _ = geo.school_map(
        m, colour="#123456", labels={**labels, "flow": "f", "flow_moved": "fm", "base": "b"}, pupils=str, km=str
    )
    by_name = {tr.get("name"): tr for tr in traces if tr.get("name")}
    assert len(by_name["school_full"]["x"]) == 1 and "Östra Cé skola" in by_name["school_full"]["hovertext"][0]
    assert len(by_name["school_receiving"]["x"]) == 1


@pytest.fixture
def short_app(short_path, app_store, monkeypatch):
    """The app (ui.data) pointed at the municipality whose receiving school is too small."""
    from ui import data

    monkeypatch.setattr(data, "DATASET_DIR", short_path)
    data.dataset.clear()
    yield short_path
    data.dataset.clear()


def test_jamfor_and_bygg_say_it(short_app):
    from pages_support import open_page

    at = open_page("pages/jamfor.py", alt="merge-b-c-2025")
    warnings = " ".join(w.value for w in at.warning)
    assert "**Östra Cé skola** räcker inte: 6 elever får gå till Åby skola (2025)." in warnings
    at = open_page("pages/jamfor.py", alt="close-b")
    assert not any("räcker inte" in w.value for w in at.warning)
    # Bygg alternativ, starting from the same merge.
    at = open_page("pages/bygg.py")
    at.selectbox(key="w.build.from").set_value("merge-b-c-2025").run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "**Östra Cé skola** räcker inte: 6 elever får gå till Åby skola (2025)." in warnings


def test_the_memo_says_it(short_app, monkeypatch):
    import io
    import re

    from pypdf import PdfReader

    from engine.core.types import KEEP_ALL
    from ui import memo
    from ui.state import ViewState

    monkeypatch.setattr(memo, "browser_path", lambda: None)
    monkeypatch.setattr(memo, "_renderer", None)
    pdf = memo.build_memo(ViewState(scenario="bas", alternatives=("merge-b-c-2025",)), [KEEP_ALL, "merge-b-c-2025"])
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "Östra Cé skola räcker inte: 6 elever får gå till Åby skola" in text
