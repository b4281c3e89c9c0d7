"""Word (.docx) building blocks every exported document shares.

The themed summary (exports) and the annual report (monitoring) are written with
Word's own styles; here are the pieces both need: the document's proofing language,
the chart width, a grid table whose header row repeats on every page, and the text
cleaning at the boundary: python-docx (lxml) refuses a string that XML cannot hold,
so one control character in a comment stored before forms were cleaned (or by a
path that did not clean) would make every export of the process fail.
``word_safe`` cleans the whole data object a document is built from, and ``word_text``
each string handed to python-docx directly.
"""

from __future__ import annotations

import copy
import dataclasses
import re

from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.table import Table

from .text import clean_control_characters

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


#: What XML 1.0 cannot hold beyond the control characters: lone surrogates and the
#: two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def word_text(text: str) -> str:
    """``text`` as Word can hold it: no control characters but newline and tab, and
    nothing else XML refuses."""
    text = clean_control_characters(text)
    return _NOT_XML.sub("", text)


def word_safe(value, _seen: dict | None = None):
    """A copy of ``value`` (dataclasses, lists, tuples, dicts, strings, nested) with
    every plain string passed through ``word_text``; other values are kept as they
    are (enums too, though some are ``str``). The original is not changed."""
    seen = {} if _seen is None else _seen
    if type(value) is str:
        return word_text(value)
    if id(value) in seen:
        return seen[id(value)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        clean = copy.copy(value)
        seen[id(value)] = clean
        for item in dataclasses.fields(value):
            old = getattr(value, item.name)
            new = word_safe(old, seen)
            if new is not old:
                object.__setattr__(clean, item.name, new)
        return clean
    if type(value) in (list, tuple):
        return type(value)(word_safe(item, seen) for item in value)
    if type(value) is dict:
        return {
            word_safe(key, seen): word_safe(item, seen) for key, item in value.items()
        }
    return value


#: A cell: plain text, or runs of (text, bold).
Cell = str | list[tuple[str, bool]]


def table(document: DocumentType, header: list[str], rows: list[list[Cell]]) -> Table:
    """A grid table whose first row is a header repeated on every page."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(word_text(text)).bold = True
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_properties.append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            if isinstance(value, str):
                cell.text = word_text(value)
                continue
            for text, bold in value:
                cell.paragraphs[0].add_run(word_text(text)).bold = bold or None
    return table
