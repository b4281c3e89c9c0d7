"""Joining a workshop from the room: the facilitator's printable join sheet.

The projector shows the same join panel (routes_projector); both come from
``joining.join_context``: the join address, the workshop's code and a QR code.
"""

from __future__ import annotations

from flask import render_template
from flask_login import login_required

from . import bp
from .joining import join_context
from .queries import load_workshop_by_id


@bp.route("/<slug>/workshops/<int:workshop_id>/join-sheet")
@login_required
def join_sheet(slug: str, workshop_id: int):
    """A one-page sheet to print and put on the workshop's tables."""
    process, workshop = load_workshop_by_id(slug, "seminar.manage", workshop_id)
    seminar = workshop.block.seminar
    return render_template(
        "seminars/join_sheet.html",
        process=process,
        workshop=workshop,
        phase=seminar.phase,
        block=workshop.block,
        **join_context(workshop),
    )
