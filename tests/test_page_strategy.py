"""Omställningsstrategi (AppTest): suggestions until saved, the timeline from the alternative, a
workshop's weights, saving for everyone, and the Word document with every part."""

from __future__ import annotations

import io

from docx import Document
from pages_support import open_page, texts

from engine.measures.workshop import new_workshop, response_document, workshop_document
from engine.store import Store
from ui import decision
from ui.i18n import use_language

PAGE = "pages/omstallning.py"


def test_the_strategy_opens_with_the_methods_suggestions_and_the_alternatives_timeline(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    assert at.title[0].value == "Omställningsstrategi"
    assert at.selectbox(key="w.strategy.alternative").value == "merge-a-b"
    shown = texts(at)
    assert "**Vi anpassar för att säkra kvaliteten.**" in shown
    assert "mindre än om vi behåller alla skolor" in shown  # the merge costs less a year
    timeline = at.dataframe[0].value
    assert timeline.iloc[:, 0].tolist() == ["2026", "2026", "2026", "2027", "2028"]
    assert timeline.iloc[1, 1] == "Beslut i kommunfullmäktige om förändringarna 2027"
    assert timeline.iloc[3, 1] == "Åsby skola slås samman med Norrby skola"
    assert any("Ingen workshop har hållits ännu" in c.value for c in at.caption)
    assert any(c.value.startswith("Inte sparad ännu") for c in at.caption)


def test_the_strategy_is_saved_for_everyone(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    at.select_slider(key="strategy.weight.economy").set_value(5)
    at.button[0].click().run()  # the form's only button: Spara strategin
    assert not at.exception
    assert any(s.value == "Strategin är sparad." for s in at.success)
    again = open_page(PAGE)  # another visitor, no alternative in the link: the saved one opens
    assert again.selectbox(key="w.strategy.alternative").value == "merge-a-b"
    assert again.select_slider(key="strategy.weight.economy").value == 5
    assert any(c.value.startswith("Senast sparad ") for c in again.caption)
    assert again.get("download_button")[0].proto.label == "Ladda ner som Word-dokument"


def test_a_workshops_mean_weights_are_the_starting_point(app_store) -> None:
    store = Store(app_store)
    held = new_workshop("KS-mars", "bas", ["merge-a-b"], {}, {}, 10, pin="1234", created="2026-12-01")
    store.save_workshop("2099", held.id, workshop_document(held))
    # Two politicians: economy 5 and 1 → mean 3; travel 4 and 4 → 4.
    store.save_workshop_input("2099", held.id, "p1", response_document({"economy": 5, "travel": 4}, "", ""))
    store.save_workshop_input("2099", held.id, "p2", response_document({"economy": 1, "travel": 4}, "", ""))
    at = open_page(PAGE)
    assert at.select_slider(key="strategy.weight.economy").value == 3
    assert at.select_slider(key="strategy.weight.travel").value == 4
    assert at.select_slider(key="strategy.weight.quality").value == 0
    assert any("Vikterna kommer från workshoppen KS-mars (2 svar, medelvärde)" in c.value for c in at.caption)


def test_the_word_document_holds_every_part_as_plain_text() -> None:
    use_language("sv")
    chosen = decision.Strategy(
        alternative="merge-a-b",
        principles=("Likvärdig service, inte identisk service", '=HYPERLINK("http://x")'),
        plan=({"audience": "Personalen", "message": "Varför", "channel": "APT", "when": "Före", "who": "Rektor"},),
    )
    content = decision.strategy_docx(
        chosen,
        "**Vi anpassar för att säkra kvaliteten.** Elever 1 090 → 798.",
        [
            (2026, "Beslut i kommunfullmäktige om förändringarna 2027"),
            (2027, "Åsby skola slås samman med Norrby skola"),
        ],
        [("Ekonomi", 5.0), ("Kvalitet i skolan", 3.0)],
        "Omställningsstrategi: Vålberga kommun",
    )
    document = Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert paragraphs[0] == "Omställningsstrategi: Vålberga kommun"
    assert "Vi anpassar för att säkra kvaliteten. Elever 1 090 → 798." in paragraphs  # no markdown stars
    assert "Likvärdig service, inte identisk service" in paragraphs
    assert '=HYPERLINK("http://x")' in paragraphs  # a principle is text in Word, which has no formulas
    assert ["Ekonomi", "5"] in cells and ["2027", "Åsby skola slås samman med Norrby skola"] in cells
    assert ["Personalen", "Varför", "APT", "Före", "Rektor"] in cells
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Principer", "Prioriteringskriterier", "Tidsplan år för år", "Kommunikationsplan"]
