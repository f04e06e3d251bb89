"""Beslutsunderlag (AppTest and the two files): every part of the council paper, in Word and PDF,
with the officials' saved work in it and every name as plain text."""

from __future__ import annotations

import io

from docx import Document
from pages_support import open_page
from pypdf import PdfReader

from ui import council, documents, i18n
from ui.state import ViewState

PAGE = "pages/beslutsunderlag.py"
PARTS_SV = [
    "Förslag till beslut",
    "Bakgrund",
    "Alternativen 2035",
    "Förslagets konsekvenser",
    "Juridisk checklista",
    "Barnkonsekvensanalys",
    "Dialog med politiker och invånare",
    "Omställningsstrategi",
    "Bilaga: beslutsanalys",
]


def docx_text(content: bytes) -> tuple[list[str], str]:
    document = Document(io.BytesIO(content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return headings, "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_paper_has_every_part_in_word_and_pdf(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b,merge-b-c")
    assert at.title[0].value == "Beslutsunderlag (tjänsteskrivelse)"
    assert at.selectbox(key="w.council.alternative").value == "merge-a-b"
    headers = [h.value for h in at.header]  # the legal form's, the paper's title, then its parts
    assert headers[0] == "Juridisk checklista" and headers[1].startswith("Tjänsteskrivelse: Slå samman Åsby")
    assert headers[2:] == PARTS_SV
    i18n.use_language("sv")
    view = ViewState(scenario="bas", alternatives=("merge-a-b", "merge-b-c"))
    blocks = council.paper(view, "merge-a-b")
    headings, text = docx_text(documents.to_docx(blocks))
    assert headings == PARTS_SV
    assert "Kommunfullmäktige beslutar att genomföra Slå samman Åsby och Norrby (2027)" in text
    assert "Skolor som stängs: Åsby skola." in text and "Skolor som stängs: Lövnäs skola." in text  # each alternative
    assert "Skollagen 10 kap. 32 §" in text and "(inte ifyllt)" in text
    pdf = PdfReader(io.BytesIO(documents.to_pdf(blocks, "Källa: test")))
    pdf_text = " ".join(page.extract_text() for page in pdf.pages)
    for part in PARTS_SV:
        assert part in pdf_text, part


def test_the_legal_checklist_is_saved_and_goes_into_the_paper(app_store) -> None:
    at = open_page(PAGE, alt="merge-a-b")
    at.checkbox(key="council.legal.transport").check()
    at.text_input(key="council.legal.transport.comment").input("Skolskjuts från Åsby ordnas från 2027")
    at = next(b for b in at.button if b.proto.label == "Spara checklistan").click().run()
    assert not at.exception
    assert at.success[0].value == "Checklistan är sparad."
    again = open_page(PAGE, alt="merge-a-b")
    assert again.checkbox(key="council.legal.transport").value is True
    legal = next(d.value for d in again.dataframe if "Krav" in d.value.columns)
    row = legal[legal["Krav"].str.startswith("Skollagen 10 kap. 32 §")].iloc[0]
    assert row["Prövat"] == "Ja" and row["Kommentar"] == "Skolskjuts från Åsby ordnas från 2027"
