"""Documents as plain-text blocks, laid out as Word, as PDF, or on the page.

A document (the council paper, the transition strategy) is a list of :class:`Block`
values. Every text is plain: names from a dataset, the store or a visitor go in as the text
they are (python-docx writes text; the PDF escapes fpdf2's markdown through ui.safe.pdf;
the page through ui.safe.md).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from docx import Document

from ui import memo, safe


@dataclass(frozen=True, kw_only=True)
class Block:
    """One piece of the paper: a heading (level 0 is the title), a paragraph, bullets or a table."""

    kind: str  # heading, paragraph, bullets, table
    text: str = ""
    level: int = 1
    items: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


def to_docx(blocks: list[Block]) -> bytes:
    """The paper as a Word document, every text as plain text."""
    document = Document()
    for block in blocks:
        if block.kind == "heading":
            document.add_heading(safe.text(block.text), level=block.level)
        elif block.kind == "paragraph":
            document.add_paragraph(safe.text(block.text))
        elif block.kind == "bullets":
            for item in block.items:
                document.add_paragraph(safe.text(item), style="List Bullet")
        elif block.kind == "table":
            table = document.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = safe.text(text)
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = safe.text(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def to_pdf(blocks: list[Block], source: str) -> bytes:
    """The paper as an A4 PDF in the memo's typography; texts escaped for fpdf2's markdown."""
    pdf = memo.PdfDocument(source)
    pdf.add_page()
    for block in blocks:
        if block.kind == "heading" and block.level == 0:
            pdf.set_font(size=20, style="B")
            pdf.multi_cell(0, 9, safe.pdf(block.text), markdown=True, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif block.kind == "heading" and block.level == 1:
            pdf.heading(safe.text(block.text), keep=25)  # headings are written as text, not markdown
        elif block.kind == "heading":
            pdf.set_font(size=11, style="B")
            pdf.multi_cell(0, 5.5, safe.text(block.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.kind == "paragraph":
            pdf.paragraph(safe.pdf(block.text), size=10)
        elif block.kind == "bullets":
            for item in block.items:
                pdf.paragraph(f"•  {safe.pdf(item)}", size=10, after=1)
            pdf.ln(2)
        elif block.kind == "table":
            pdf.grid(
                [safe.text(h) for h in block.header],
                [[safe.text(c) for c in row] for row in block.rows],
                numbers=False,
            )
            pdf.ln(3)
    return bytes(pdf.output())


def show(blocks: list[Block]) -> None:
    """The paper on the page, as it will read (every text shown as text)."""
    for block in blocks:
        if block.kind == "heading":
            (st.header if block.level <= 1 else st.subheader)(safe.md(block.text))
        elif block.kind == "paragraph":
            st.markdown(safe.md(block.text))
        elif block.kind == "bullets":
            st.markdown("\n".join(f"- {safe.md(item)}" for item in block.items))
        elif block.kind == "table":
            st.dataframe(
                pd.DataFrame(list(block.rows), columns=_unique(block.header)), hide_index=True, width="stretch"
            )


def _unique(header: tuple[str, ...]) -> list[str]:
    """Column names a table can show: a repeated one (two alternatives of one name) gets a number."""
    seen: dict[str, int] = {}
    out = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out
