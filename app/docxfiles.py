"""Word (.docx) building blocks every exported document shares.

The themed summary (exports) and the annual report (monitoring) are written with
Word's own styles; here are the pieces both need: the document's proofing language,
the chart width, and a grid table whose header row repeats on every page.
"""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.table import Table

#: Word's language tags for proofing.
WORD_LANGUAGES = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
CHART_WIDTH = Inches(6.0)


def set_language(document: DocumentType, language: str) -> None:
    """Set the document's language, so Word proofs it in that language."""
    tag = WORD_LANGUAGES.get(language, language)
    document.core_properties.language = tag
    rpr = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


#: A cell: plain text, or runs of (text, bold).
Cell = str | list[tuple[str, bool]]


def table(document: DocumentType, header: list[str], rows: list[list[Cell]]) -> Table:
    """A grid table whose first row is a header repeated on every page."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_properties.append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            if isinstance(value, str):
                cell.text = value
                continue
            for text, bold in value:
                cell.paragraphs[0].add_run(text).bold = bold or None
    return table
