"""The only way user-written text becomes HTML: Markdown, then bleach, then linkify.

Rendered once when a text is saved; the cleaned HTML is stored beside its source.
"""

from __future__ import annotations

import re
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter
from markupsafe import Markup

#: A strict allow-list. Never add svg, math, noscript, style, iframe or xmp: they carry
#: bleach's known mutation-XSS cases.
ALLOWED_TAGS = frozenset(
    {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code", "pre"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"


def _set_rel(attrs, new=False):
    """Give every link rel="nofollow noopener", whether written or linkified."""
    href_key = (None, "href")
    if href_key not in attrs:
        return attrs
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    filters=[partial(LinkifyFilter, callbacks=[_set_rel], skip_tags={"pre", "code"})],
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


def render_markdown(source: str | None) -> Markup:
    """Render Markdown to cleaned, safe HTML."""
    if not source or not source.strip():
        return Markup("")
    html = markdown.markdown(source, output_format="html")
    return Markup(_cleaner.clean(html).strip())


def render_translated(texts: dict | None) -> dict:
    """Render each language of a translated Markdown text."""
    return {
        lang: str(render_markdown(text)) for lang, text in (texts or {}).items() if text
    }
