"""Organisations and work groups (placeholder list until the set-up screens land)."""

import sqlalchemy as sa
from flask import current_app, render_template
from flask_login import current_user, login_required

from ..extensions import db
from ..models import Organisation
from ..permissions import require
from . import bp


@bp.route("/organisations/")
@login_required
def organisations():
    """All organisations, a page at a time."""
    require(current_user, "organisation.manage")
    stmt = sa.select(Organisation).order_by(Organisation.name)
    page = db.paginate(stmt, per_page=current_app.config["ITEMS_PER_PAGE"], error_out=False)
    return render_template("groups/organisations.html", page=page)
