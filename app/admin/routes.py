"""Administration: the accounts of the installation (placeholder until the screens land)."""

import sqlalchemy as sa
from flask import current_app, render_template
from flask_login import current_user, login_required

from ..extensions import db
from ..models import User
from ..permissions import require
from . import bp


@bp.route("/users/")
@login_required
def users():
    """All accounts, a page at a time."""
    require(current_user, "admin.users")
    stmt = sa.select(User).order_by(User.created_at.desc(), User.id.desc())
    page = db.paginate(stmt, per_page=current_app.config["ITEMS_PER_PAGE"], error_out=False)
    return render_template("admin/users.html", page=page)
