"""The summary as HTML: the body shared by the summary page, and a standalone
printable page.

The printable page is one self-contained file (it is downloaded and opened from
disk, mailed or archived): its stylesheet static/css/print.css is embedded in a
<style> element and the vote charts are PNG data URIs. When the app serves it, the
route allows exactly that stylesheet by its hash (``style_hash``), nothing else.
Served as a page to read and print in the browser (``printable_csp``), it also has a
print button whose script is a static file: no inline script either way.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

from flask import current_app, render_template
from markupsafe import Markup

from . import labels
from .chart import vote_chart_png
from .proposal_view import ProposalView
from .summary import GAP_WORTH_NOTING, Summary


@cache
def _read_css(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def print_css() -> str:
    """The printable page's stylesheet, embedded as is."""
    return _read_css(str(Path(current_app.static_folder) / "css" / "print.css"))


def style_hash() -> str:
    """The CSP source that allows the embedded stylesheet and no other."""
    digest = hashlib.sha256(print_css().encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def printable_csp(*, with_script: bool) -> str:
    """The printable page's policy: its own stylesheet by hash and data images; as a
    browser page also same-origin script files (the print button), never inline."""
    script = "script-src 'self'; " if with_script else ""
    return (
        f"default-src 'none'; style-src {style_hash()}; img-src data:; {script}"
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def chart_uris(summary: Summary) -> dict[int, str]:
    """Each ballot's bar chart as a PNG data URI (call in the summary's language)."""
    uris = {}
    for ballot in summary.ballots:
        if not ballot.rows:
            continue
        png = vote_chart_png(
            ballot,
            tied_text=labels.tied_text(),
            score_label=labels.score_heading(ballot.method),
        )
        uris[ballot.ballot_id] = "data:image/png;base64," + base64.b64encode(
            png
        ).decode("ascii")
    return uris


def _context(summary: Summary, proposal: ProposalView | None) -> dict:
    return {
        "summary": summary,
        "proposal": proposal,
        "L": labels,
        "headings": labels.headings(),
        "cols": labels.column_headings(),
        "gap_limit": GAP_WORTH_NOTING,
        # The descriptions' HTML was cleaned by app.text when the theme was saved.
        "descriptions": {
            theme.theme_id: Markup(theme.description_html) for theme in summary.themes
        },
    }


def body_html(summary: Summary, proposal: ProposalView | None = None) -> Markup:
    """The summary's sections (h2 and below) for the summary page, in its language."""
    with labels.in_language(summary):
        return Markup(
            render_template(
                "exports/_summary_body.html",
                charts={},
                **_context(summary, proposal),
            )
        )


def to_html(
    summary: Summary,
    proposal: ProposalView | None = None,
    *,
    back_url: str | None = None,
) -> str:
    """A standalone printable page: title page, then a page per theme.

    :param back_url: served as a page in the browser (not as a file): a link back
        to the summary and a print button (static/js/print.js), neither printed.
    """
    with labels.in_language(summary):
        context = _context(summary, proposal)
        charts = chart_uris(summary)
        body = Markup(
            render_template("exports/_summary_body.html", charts=charts, **context)
        )
        return render_template(
            "exports/printable.html",
            body=body,
            css=Markup(print_css()),
            title=labels.document_title(summary),
            scope=labels.scope_text(summary),
            generated=labels.generated_text(summary),
            back_url=back_url,
            **context,
        )
