"""Erasing a whole process with its participants' accounts."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..extensions import db
from ..forms import form_status
from ..i18n import localized
from ..web import load_process
from . import bp, queries, services
from .forms import EraseProcessForm


@bp.route("/p/<slug>/erase", methods=["GET", "POST"])
@login_required
def erase_process(slug: str):
    """Erase the process for good after the facilitator types its web address."""
    process = load_process(slug, "process.delete")
    form = EraseProcessForm()
    status = 200
    if form.validate_on_submit():
        if (form.slug.data or "").strip() == process.slug:
            title = localized(process.title, process.language)
            services.erase_process(process, actor=current_user._get_current_object())
            db.session.commit()
            flash(_("The process %(title)s has been erased.", title=title), "success")
            return redirect(url_for("processes.index"))
        form.slug.errors.append(
            _("The web address does not match. Nothing was erased.")
        )
        status = 422
    else:
        status = form_status(form)
    return render_template(
        "privacy/erase_process.html",
        process=process,
        form=form,
        impact=queries.process_impact(process),
    ), status
