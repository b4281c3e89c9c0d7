"""Joining a workshop from the wall: its short code, the join address and a QR code.

The projector and the printed join sheet show the join page's address, the
workshop's code and a QR code of the join page with the code filled in. The QR
code is drawn here on the server as SVG markup (segno, no outside service), put
into the page inline: the Content-Security-Policy allows inline SVG (it has no
script and no style attribute).
"""

from __future__ import annotations

import io

import segno
import sqlalchemy as sa
from flask_babel import gettext as _
from markupsafe import Markup

from ..extensions import db
from ..i18n import localized
from ..models import JOIN_CODE_LENGTH, Workshop, normalise_join_code
from ..urls import external_url


def find_workshop_by_code(code: str | None) -> Workshop | None:
    """The workshop with this join code (typed in any case, with spaces), or None."""
    normal = normalise_join_code(code or "")
    if len(normal) != JOIN_CODE_LENGTH:
        return None
    return db.session.scalar(sa.select(Workshop).where(Workshop.join_code == normal))


def join_address() -> str:
    """The join page's address to type, without the code (e.g. https://x.fi/join)."""
    return external_url("auth.join_code")


def join_link(workshop: Workshop) -> str:
    """The join page with the workshop's code filled in: what the QR code opens."""
    return external_url("auth.join_code", code=workshop.join_code)


def shown_address(url: str) -> str:
    """An address as people type it: without https:// (browsers add it)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme) :]
    return url


def qr_svg(url: str, label: str) -> Markup:
    """The QR code of ``url`` as inline SVG markup, named by ``label`` for assistive
    technology (the address itself is always written beside the code)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=True,
        nl=False,
        omitsize=True,
        svgclass="qr-code",
        lineclass=None,
        dark="#000",
        light="#fff",
        border=4,
    )
    svg = buffer.getvalue().decode("ascii")
    # An image with a name (role="img" + aria-label); segno escapes nothing we add.
    opening = f'<svg role="img" aria-label="{Markup.escape(label)}" focusable="false" '
    return Markup(svg.replace("<svg ", opening, 1))


def qr_label(workshop: Workshop) -> str:
    """What the QR code is, for assistive technology (its address is written beside)."""
    return _(
        "QR code: the join page of the workshop %(workshop)s",
        workshop=localized(workshop.title, workshop.process.language),
    )


def join_context(workshop: Workshop) -> dict:
    """What the projector's join panel and the join sheet show."""
    link = join_link(workshop)
    label = qr_label(workshop)
    return {
        "join_address": shown_address(join_address()),
        "join_link": link,
        "join_link_shown": shown_address(link),
        "join_code": workshop.join_code,
        "qr": qr_svg(link, label),
    }
