"""The only way user-written text becomes HTML: Markdown, then bleach, then linkify.

Rendered once when a text is saved; the cleaned HTML is stored beside its source.
"""

from __future__ import annotations

import re
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter, build_url_re
from markupsafe import Markup

#: A strict allow-list. Never add svg, math, noscript, style, iframe or xmp: they carry
#: bleach's known mutation-XSS cases.
ALLOWED_TAGS = frozenset(
    {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code", "pre"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"


#: bleach's address pattern, but tried only where an address can begin: from the first
#: "(" of a run and not inside a word. Tried from every "(" of "((((..." or every
#: letter of "-x-x-x...", as bleach does, it costs quadratic time.
_URL_RE = re.compile(
    build_url_re()
    .pattern.replace(r"\(*  # Match", r"(?<!\()\(*  # Match", 1)
    .replace(r"\b(?<![@.])", r"\b(?<![@.\w-])", 1),
    re.IGNORECASE | re.VERBOSE | re.UNICODE,
)
assert r"(?<![@.\w-])" in _URL_RE.pattern, "bleach's URL pattern has changed"


#: The scheme of an address, as a browser reads it.
_SCHEME = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.-]*):")


def _set_rel(attrs, new=False):
    """Give every link rel="nofollow noopener", whether written or linkified, and
    drop an address of any other scheme than the allowed ones: bleach reads
    "javascript:11" as a host and a port and lets it through."""
    href_key = (None, "href")
    if href_key not in attrs:
        return attrs
    scheme = _SCHEME.match(attrs[href_key])
    if scheme and scheme.group(1).lower() not in ALLOWED_PROTOCOLS:
        del attrs[href_key]
        return attrs
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    filters=[
        partial(
            LinkifyFilter,
            callbacks=[_set_rel],
            skip_tags={"pre", "code"},
            url_re=_URL_RE,
        )
    ],
)


#: C0 and C1 control characters other than tab and newline (CR is turned into a
#: newline first). Nobody means them, and some consumers refuse them outright:
#: python-docx raises on a vertical tab, PostgreSQL on a NUL.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_control_characters(text: str) -> str:
    """Newlines as ``\n`` (a browser sends CRLF), without other control characters.

    Applied to every submitted form value, so a text is counted, stored and shown
    the way the writer saw it in the text box.
    """
    if text.isprintable():
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARACTERS.sub("", text)


#: Stand-ins for marks that must reach the page as typed, not as Markdown. They pass
#: through Markdown as plain letters (in code too, where a backslash escape would show)
#: and are turned back after it. Private-use characters nobody types; any in a text
#: are dropped first.
_PLAIN = {"[": "\ue000", "]": "\ue001", "*": "\ue002", "_": "\ue003", "`": "\ue004"}
_PLAIN_LT = "\ue005"
_DROP_STAND_INS = {ord(mark): None for mark in [*_PLAIN.values(), _PLAIN_LT]}
_RESTORE = {ord(stand_in): mark for mark, stand_in in _PLAIN.items()} | {
    ord(_PLAIN_LT): "&lt;"
}

#: An inline link or image as people write them: ``[text](https://...)``.
_INLINE_LINK = re.compile(
    r"!?\[[^\[\]\n]{0,500}\]"
    # the address may hold one level of parentheses: .../Foo_(bar)
    r'\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:[ \t]+"[^"\n]{0,500}")?\)'
)
#: A bracket after an even number of backslashes (none included): not escaped yet.
_BRACKET = re.compile(r"(?<!\\)((?:\\\\)*)([\[\]])")


def _plain_bracket(match: re.Match) -> str:
    return match.group(1) + _PLAIN[match.group(2)]


def _escape_stray_brackets(source: str) -> str:
    """Make every bracket that is not part of an inline link or image plain text.

    Python-Markdown looks for the end of a link from every ``[``, which makes a text
    of many brackets cost quadratic time (seconds for one 4,000-character comment).
    Reference-style links are not offered.
    """
    if "[" not in source and "]" not in source:
        return source
    parts, end = [], 0
    for link in _INLINE_LINK.finditer(source):
        parts.append(_BRACKET.sub(_plain_bracket, source[end : link.start()]))
        parts.append(link.group(0))
        end = link.end()
    parts.append(_BRACKET.sub(_plain_bracket, source[end:]))
    return "".join(parts)


#: A run of emphasis or code marks longer than "***" means nothing in Markdown.
_LONG_MARK_RUN = re.compile(r"([*_`])\1{3,}")


def _escape_long_mark_runs(source: str) -> str:
    """Make runs of four or more ``*``, ``_`` or backticks plain text.

    Python-Markdown tries its emphasis patterns from every mark of such a run to the
    end of the text: quadratic time for "____...****" and nothing to show for it.
    """
    return _LONG_MARK_RUN.sub(
        lambda run: _PLAIN[run.group(1)] * len(run.group(0)), source
    )


#: A "<" that could open a tag but has no ">" in the next 1,000 characters.
_UNCLOSED_TAG = re.compile(r"<(?=[A-Za-z/!?])(?![^>]{0,1000}>)")


def _escape_unclosed_tags(source: str) -> str:
    """Make a "<" that no ">" closes plain text.

    The standard library's HTML parser, which Python-Markdown runs over the text,
    scans from every such "<" to the end of the text: quadratic time for "<x]<x]...".
    Shown as typed either way.
    """
    if "<" not in source:
        return source
    return _UNCLOSED_TAG.sub(_PLAIN_LT, source)


#: How deep quotes and lists may nest on one line ("> > - + 1. text").
MAX_NESTING = 8
_CONTAINER_MARKER = re.compile(r"[ \t]*(?:>|(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?")


def _limit_nesting(source: str) -> str:
    """Escape a line's quote and list markers beyond ``MAX_NESTING``.

    Python-Markdown parses each nested quote or list by recursion: a line of a
    thousand "+ " is a RecursionError, and hundreds of levels cost time for nothing.
    """
    lines = source.split("\n")
    for number, line in enumerate(lines):
        position = 0
        for _ in range(MAX_NESTING):
            marker = _CONTAINER_MARKER.match(line, position)
            if not marker:
                break
            position = marker.end()
        else:
            extra = _CONTAINER_MARKER.match(line, position)
            if extra:
                start = len(line) - len(line[position:].lstrip(" \t"))
                lines[number] = line[:start] + "\\" + line[start:]
    return "\n".join(lines)


#: The most lines one block (text between blank lines) may have before it is cut.
MAX_BLOCK_LINES = 40


def _split_long_blocks(source: str) -> str:
    """Put a blank line after every ``MAX_BLOCK_LINES`` lines of one block.

    Python-Markdown searches a block again for every line it takes off it (setext
    headings, rules, lists), so one block of thousands of short lines costs
    quadratic time; nobody writes a paragraph that long on purpose.
    """
    if source.count("\n") <= MAX_BLOCK_LINES:
        return source
    lines, run = [], 0
    for line in source.split("\n"):
        run = run + 1 if line.strip() else 0
        if run > MAX_BLOCK_LINES:
            lines.append("")
            run = 1
        lines.append(line)
    return "\n".join(lines)


def render_markdown(source: str | None) -> Markup:
    """Render Markdown to cleaned, safe HTML."""
    if not source or not source.strip():
        return Markup("")
    source = source.translate(_DROP_STAND_INS)
    source = _escape_long_mark_runs(_escape_stray_brackets(source))
    source = _escape_unclosed_tags(source)
    source = _split_long_blocks(_limit_nesting(source))
    html = markdown.markdown(source, output_format="html").translate(_RESTORE)
    return Markup(_cleaner.clean(html).strip())


def render_translated(texts: dict | None) -> dict:
    """Render each language of a translated Markdown text."""
    return {
        lang: str(render_markdown(text)) for lang, text in (texts or {}).items() if text
    }
