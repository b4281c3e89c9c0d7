"""Parse a page as a browser would and list every piece of markup a user could have injected.

html5lib (the copy bleach ships) follows the HTML5 parsing algorithm, so foreign content
(svg, math) and mutation cases are seen as a browser sees them. The rules:

- inside a ``.user-text`` container (the only place cleaned user HTML is put with
  ``|safe``) only app.text's allow-list of tags and attributes may appear;
- anywhere: no inline script, no script from outside /static/, no object/embed/base,
  no iframe except the video allow-list, no ``on*`` attribute, no ``style`` attribute
  (the CSP forbids inline style, so the app writes none), no style element outside head,
  and no href/src/action/formaction/xlink:href/poster/background/srcdoc whose decoded,
  whitespace-free, lower-cased value starts with javascript:, vbscript: or data:
  (a data: image is allowed only as the src of an <img> the app drew itself: a chart,
  outside user text).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bleach._vendor import html5lib

from app.discussions.video import FRAME_HOSTS
from app.text import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "poster",
    "background",
    "data",
    "srcset",
    "dynsrc",
    "lowsrc",
    "ping",
    "codebase",
    "cite",
}
FORBIDDEN_ANYWHERE = {
    "object",
    "embed",
    "applet",
    "base",
    "frame",
    "frameset",
    "xmp",
    "plaintext",
    "isindex",
    "keygen",
    "noembed",
    "noframes",
    "math",
    "marquee",
    "template",
    "noscript",
    # SVG elements that run script or set attributes; the app's charts use none.
    "animate",
    "set",
    "animatemotion",
    "animatetransform",
    "handler",
    "discard",
    "foreignobject",
    "use",
    "feimage",
}
HEAD_ONLY = {"style", "meta", "link", "title"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:", "mocha:")
#: A URL's scheme as the URL standard reads it; anything else makes a relative URL.
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u00ad\u200b-\u200f\u2028\u2029\ufeff]")


def _local(tag: str) -> str:
    """html5lib names foreign elements {namespace}tag; keep the tag."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _attr_name(name: str) -> str:
    if name.startswith("{http://www.w3.org/1999/xlink}"):
        return "xlink:" + name.rsplit("}", 1)[1]
    return _local(name)


def scheme_of(value: str) -> str:
    """The lower-cased start of a URL as a browser reads it (no spaces or controls)."""
    return _INVISIBLE.sub("", value).lower()


def parse(html: str):
    return html5lib.parse(html, namespaceHTMLElements=False)


def findings(html: str) -> list[str]:
    """Every injected-looking element or attribute in the page, described; [] if clean."""
    found: list[str] = []
    root = parse(html)
    frame_hosts = {urlsplit(host).netloc or host for host in FRAME_HOSTS}

    def walk(element, in_head: bool, in_user_text: bool, path: str) -> None:
        tag = _local(element.tag)
        if not tag:  # a comment
            return
        attrs = {_attr_name(k): v for k, v in element.attrib.items()}
        where = f"{path}>{tag}"
        if in_user_text:
            if tag not in ALLOWED_TAGS:
                found.append(f"tag <{tag}> in user text at {where}")
            allowed = set(ALLOWED_ATTRIBUTES.get(tag, ()))
            for name in attrs:
                if name not in allowed:
                    found.append(f"attribute {name!r} on <{tag}> in user text")
            if tag == "a" and "href" in attrs:
                scheme = _SCHEME.match(scheme_of(attrs["href"]))
                if scheme and scheme.group(1) not in ALLOWED_PROTOCOLS:
                    found.append(f"link scheme {scheme.group(1)!r} in user text")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"event handler {name}={value!r} on <{tag}>")
            if name == "style":
                found.append(f"style attribute {value!r} on <{tag}>")
            if name == "srcdoc":
                found.append(f"srcdoc on <{tag}>")
            if name in URL_ATTRIBUTES:
                start = scheme_of(value)
                if start.startswith(BAD_SCHEMES):
                    chart = (
                        tag == "img"
                        and name == "src"
                        and start.startswith("data:image/png;base64,")
                        and not in_user_text
                    )
                    if not chart:
                        found.append(f"{name}={value[:80]!r} on <{tag}>")
        if tag == "script":
            src = attrs.get("src", "")
            if not src.startswith("/static/") or (element.text or "").strip():
                found.append(f"script src={src!r} text={(element.text or '')[:60]!r}")
        if tag == "iframe":
            host = urlsplit(attrs.get("src", "")).netloc
            if host not in frame_hosts:
                found.append(f"iframe src={attrs.get('src')!r}")
        if tag in FORBIDDEN_ANYWHERE:
            found.append(f"<{tag}> at {where}")
        if tag in HEAD_ONLY and not in_head:
            if not (tag == "title" and "svg" in path):
                found.append(f"<{tag}> outside head at {where}")
        if tag == "svg" and in_user_text:
            found.append("svg in user text")
        classes = attrs.get("class", "").split()
        child_user_text = in_user_text or ("user-text" in classes)
        for child in element:
            walk(child, in_head or tag == "head", child_user_text, where)

    walk(root, False, False, "")
    return found


def text_of(html: str) -> str:
    """The page's text as a reader sees it (entities decoded, tags gone)."""
    root = parse(html)
    parts: list[str] = []
    for element in root.iter():
        if _local(element.tag) in {"script", "style"}:
            continue
        if element.text:
            parts.append(element.text)
        if element.tail:
            parts.append(element.tail)
    return "".join(parts)


def user_text_blocks(html: str) -> list:
    """The .user-text containers of a page (cleaned user HTML), as elements."""
    root = parse(html)
    return [
        element
        for element in root.iter()
        if isinstance(element.tag, str)
        and "user-text" in element.attrib.get("class", "").split()
    ]
