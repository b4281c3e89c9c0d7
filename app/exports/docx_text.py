"""Markdown sources into Word paragraphs, for the memo (python-docx).

Covers what our editors produce (``app.text`` allows paragraphs, emphasis, lists,
quotes, code and links): paragraphs, bullet and numbered lists, block quotes,
``**strong**``, ``*emphasis*``, ``code`` and links written out as "text (address)".
Headings inside a text become bold paragraphs, so the memo's outline stays ours.
"""

from __future__ import annotations

import re

from docx.document import Document
from docx.text.paragraph import Paragraph

from ..docxfiles import word_text

_INLINE = re.compile(
    r"(\*\*(?P<strong>.+?)\*\*|__(?P<strong2>.+?)__"
    r"|\*(?P<em>[^*\s][^*]*?)\*|(?<!\w)_(?P<em2>[^_\s][^_]*?)_(?!\w)"
    r"|`(?P<code>[^`]+)`|\[(?P<text>[^\]]+)\]\((?P<url>[^)\s]+)\))"
)
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d+[.)]\s+(.*)$")
_HEADING = re.compile(r"^\s*#{1,6}\s+(.*?)\s*#*\s*$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")


def add_inline(paragraph: Paragraph, text: str, *, bold: bool = False) -> None:
    """Add ``text`` to a paragraph with its inline emphasis as runs."""
    text = word_text(text)
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()]).bold = bold or None
        groups = match.groupdict()
        if groups["strong"] or groups["strong2"]:
            paragraph.add_run(groups["strong"] or groups["strong2"]).bold = True
        elif groups["em"] or groups["em2"]:
            run = paragraph.add_run(groups["em"] or groups["em2"])
            run.italic = True
            run.bold = bold or None
        elif groups["code"]:
            run = paragraph.add_run(groups["code"])
            run.font.name = "Courier New"
        else:
            paragraph.add_run(f"{groups['text']} ({groups['url']})").bold = bold or None
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:]).bold = bold or None


def _blocks(source: str) -> list[tuple[str, str]]:
    """(kind, text) blocks: paragraph, bullet, number, heading, quote."""
    blocks: list[tuple[str, str]] = []
    current: list[str] = []
    kind = "paragraph"

    def flush() -> None:
        nonlocal current
        if current:
            blocks.append((kind, " ".join(part.strip() for part in current)))
        current = []

    for line in source.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            flush()
            continue
        for name, pattern in (
            ("heading", _HEADING),
            ("bullet", _BULLET),
            ("number", _NUMBER),
            ("quote", _QUOTE),
        ):
            match = pattern.match(line)
            if match:
                # A new list item or heading starts a block; quote lines run on.
                if name != "quote" or kind != "quote":
                    flush()
                kind = name
                current.append(match.group(1))
                if name == "heading":
                    flush()
                break
        else:
            # A plain line continues the open block (lazy continuation) or
            # starts a paragraph.
            if not current:
                kind = "paragraph"
            current.append(line)
    flush()
    return blocks


STYLES = {
    "paragraph": None,
    "bullet": "List Bullet",
    "number": "List Number",
    "quote": "Quote",
    "heading": None,
}


def add_markdown(document: Document, source: str) -> None:
    """Append a Markdown text as Word paragraphs."""
    for kind, text in _blocks(source):
        paragraph = document.add_paragraph(style=STYLES[kind])
        add_inline(paragraph, text, bold=kind == "heading")
