"""The privacy notice and the accessibility statement, in the reader's language."""

from flask import render_template

from ..i18n import current_language
from . import bp
from .settings import legal_facts


def _language() -> str:
    lang = current_language()
    return lang if lang in ("fi", "sv", "en") else "fi"


@bp.route("/privacy")
def notice():
    """The privacy notice (tietosuojaseloste), open to everyone."""
    return render_template("privacy/notice.html", facts=legal_facts(), lang=_language())


@bp.route("/accessibility")
def accessibility():
    """The accessibility statement (saavutettavuusseloste), open to everyone."""
    return render_template(
        "privacy/accessibility.html", facts=legal_facts(), lang=_language()
    )
