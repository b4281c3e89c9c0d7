"""The open-data setting: what a public process shows, and the switch (issue 18)."""

from datetime import UTC, datetime

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import edit_form, form_status
from ..web import load_process
from . import bp
from .forms_publicity import PublicityForm
from .services_publicity import set_public


@bp.route("/<slug>/publicity", methods=["GET", "POST"])
@login_required
def publicity(slug: str):
    """Explain what becomes visible, then turn the public pages on or off."""
    process = load_process(slug, "process.publish")
    form = edit_form(PublicityForm, process)
    if form.validate_on_submit():
        public = bool(form.is_public.data)
        if set_public(process, public, actor=current_user, now=datetime.now(UTC)):
            db.session.commit()
            flash(
                _("The process is now public.")
                if public
                else _("The process is no longer public."),
                "success",
            )
        return redirect(url_for("processes.detail", slug=process.slug))
    return render_template(
        "processes/publicity.html", process=process, form=form
    ), form_status(form)
