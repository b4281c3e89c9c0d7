"""The sanitiser under hostile input: whatever comes in, only the allow-list goes out.

Each output is parsed and checked structurally: every tag and attribute is on the
allow-list and every link uses http, https or mailto. String searches alone would
miss what a browser would still run.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

from app.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, render_markdown

HOSTILE = [
    # Script tags, plain and disguised.
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<script\x00>alert(1)</script>",
    "＜script＞alert(1)＜/script＞",
    # Event attributes.
    '<img src=x onerror="alert(1)">',
    '<p onmouseover="alert(1)">hover</p>',
    '<a href="https://ok.example" onclick="alert(1)">ok</a>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<em style="background:url(javascript:alert(1))">x</em>',
    # Dangerous link schemes, in Markdown and in HTML.
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    '<a href="javascript:alert(1)">x</a>',
    # bleach reads "javascript:11" as a host and a port.
    '<a href="javascript:11">x</a>',
    "[x](javascript:11)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "<javascript:alert(1)>",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    # Entity tricks.
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "[x](&#106;avascript:alert(1))",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    # Markdown image tricks (images are not allowed at all).
    "![x](https://evil.example/track.png)",
    '![x](x" onerror="alert(1))',
    "[![x](https://evil.example/i.png)](javascript:alert(1))",
    # Nested and mutation-prone markup.
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<object data=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>x</button></form>",
    "<base href=javascript:alert(1)//>",
    "<meta http-equiv=refresh content='0;url=javascript:alert(1)'>",
    "<blockquote><blockquote><em><strong><a href=javascript:alert(1)>x</a></strong></em></blockquote></blockquote>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    # Unicode: direction overrides, zero-width and look-alike characters.
    "\u202eevil\u202c [x](https://ok.example/\u200b)",
    "[x](https://ok.example/\u0000javascript:alert(1))",
    "<a href='\u0000javascript:alert(1)'>x</a>",
]


class Inspector(HTMLParser):
    """Collect every tag with its attributes from a piece of HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def inspect(html: str) -> list:
    parser = Inspector()
    parser.feed(html)
    parser.close()
    return parser.tags


@pytest.mark.parametrize("source", HOSTILE)
def test_only_allowed_tags_attributes_and_schemes_survive(source):
    """Hostile input gives HTML with nothing outside the allow-list."""
    html = str(render_markdown(source))
    for tag, attrs in inspect(html):
        assert tag in ALLOWED_TAGS, (source, html)
        for name, value in attrs:
            assert name in ALLOWED_ATTRIBUTES.get(tag, []), (source, html)
            if name == "href":
                scheme = urlparse((value or "").strip()).scheme.lower()
                assert scheme in {"http", "https", "mailto"}, (source, html)
    lowered = html.lower()
    # Shown as text is harmless (a stray "![x](" stays as typed); inside a tag it is not.
    assert "<script" not in lowered and not re.search(r"<[^>]*onerror", lowered)


@pytest.mark.parametrize("source", HOSTILE)
def test_cleaning_is_stable(source):
    """Cleaning the cleaned output changes nothing: no mutation on a second pass."""
    once = str(render_markdown(source))
    from app.text import _cleaner

    assert _cleaner.clean(once) == once


def test_every_link_gets_nofollow_noopener():
    """Written, Markdown and bare links all carry rel="nofollow noopener"."""
    html = str(
        render_markdown(
            '[a](https://a.example) <a href="https://b.example" rel="opener">b</a> '
            "https://c.example.org mailto:d@example.fi"
        )
    )
    hrefs = [dict(attrs) for tag, attrs in inspect(html) if tag == "a"]
    assert {link["href"] for link in hrefs} >= {
        "https://a.example",
        "https://b.example",
        "https://c.example.org",
        "mailto:d@example.fi",
    }
    assert all(link["rel"] == "nofollow noopener" for link in hrefs)


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("`a[0] = b[1]`", "a[0] = b[1]"),
        ("`x **** y ____`", "x **** y ____"),
        ("`if a <b then`", "if a &lt;b then"),
        ("    rows[2]\n", "rows[2]\n"),
    ],
)
def test_marks_made_plain_show_as_typed_inside_code(source, code):
    """Brackets, long mark runs and unclosed "<" made plain (for speed) show as
    typed in code too, without the backslashes an escape would leave there."""
    html = str(render_markdown(source))
    assert f"<code>{code}</code>" in html
    assert "\\" not in html


def test_text_inside_code_is_not_linkified():
    """Addresses inside code stay code."""
    html = str(render_markdown("`https://example.fi`"))
    assert html == "<p><code>https://example.fi</code></p>"


def test_finnish_and_swedish_text_is_kept_exactly():
    """Letters such as ä, ö, å and quotes survive as text."""
    html = str(render_markdown("Äänestys ”öljy” & åtgärder"))
    assert html == "<p>Äänestys ”öljy” &amp; åtgärder</p>"


@pytest.mark.parametrize("source", ["", "   ", "\n\n", None])
def test_empty_input_gives_empty_html(source):
    """Nothing in, nothing out."""
    assert str(render_markdown(source)) == ""
