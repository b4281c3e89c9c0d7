"""The agenda's items: add, edit and remove (facilitators)."""

from functools import partial

from flask import flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from ..errors import DomainError
from ..extensions import db
from ..forms import ConfirmForm, form_status
from ..i18n import to_helsinki_input
from ..models import AgendaItem, AgendaKind
from ..web import get_in_process_or_404
from . import bp, services
from .forms import AgendaItemForm
from .labels import item_title
from .queries import in_seminar, load_seminar
from .urls import settings_url

AGENDA_RULE = "/<slug>/seminars/<int:phase_id>/agenda"


def _save_or_render(form: AgendaItemForm, process, seminar, item, save, saved_message):
    """Apply the add or edit, or show the form; a refusal is shown beside the field
    it concerns."""
    if form.validate_on_submit():
        try:
            saved = save(**form.values())
        except DomainError as error:
            db.session.rollback()
            field = getattr(error, "field", None)
            if isinstance(error, services.BlockHasWorkshops):
                field = "kind"
            form[field or "starts_at"].errors.append(str(error))
        else:
            db.session.commit()
            flash(saved_message, "success")
            return redirect(
                settings_url(process.slug, seminar.phase_id, f"item-{saved.id}")
            )
    page = render_template(
        "seminars/agenda_item_form.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        item=item,
    )
    return page, form_status(form)


@bp.route(f"{AGENDA_RULE}/new", methods=["GET", "POST"])
@login_required
def add_item(slug: str, phase_id: int):
    """Add an agenda item; its start defaults to after the last item, on the day."""
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    form = AgendaItemForm(main_language=process.language)
    if request.method == "GET":
        form.starts_at.data = to_helsinki_input(services.default_start(seminar))
    return _save_or_render(
        form,
        process,
        seminar,
        None,
        partial(services.add_agenda_item, seminar),
        _("The agenda item has been added."),
    )


@bp.route(
    f"{AGENDA_RULE}/<int:item_id>/edit",
    methods=["GET", "POST"],
)
@login_required
def edit_item(slug: str, phase_id: int, item_id: int):
    """Edit an agenda item."""
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    item = get_in_process_or_404(process, AgendaItem, item_id, in_seminar(seminar))
    if request.method == "GET":
        form = AgendaItemForm(obj=item, main_language=process.language)
        # The stored times are aware UTC; the inputs show naive Helsinki time.
        form.starts_at.data = to_helsinki_input(item.starts_at)
        form.ends_at.data = to_helsinki_input(item.ends_at)
        form.kind.data = item.kind.value
    else:
        form = AgendaItemForm(main_language=process.language)
    return _save_or_render(
        form,
        process,
        seminar,
        item,
        partial(services.update_agenda_item, item),
        _("The changes have been saved."),
    )


@bp.route(
    f"{AGENDA_RULE}/<int:item_id>/delete",
    methods=["GET", "POST"],
)
@login_required
def delete_item(slug: str, phase_id: int, item_id: int):
    """Ask for confirmation, then remove an agenda item (POST only)."""
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    item = get_in_process_or_404(process, AgendaItem, item_id, in_seminar(seminar))
    form = ConfirmForm()
    if form.validate_on_submit():
        title = item_title(item, process.language)
        services.delete_agenda_item(item)
        db.session.commit()
        flash(
            _("The agenda item “%(title)s” has been removed.", title=title), "success"
        )
        return redirect(settings_url(slug, phase_id, "agenda"))
    return render_template(
        "seminars/agenda_item_delete.html",
        form=form,
        process=process,
        seminar=seminar,
        phase=seminar.phase,
        item=item,
        title=item_title(item, process.language),
        is_block=item.kind is AgendaKind.WORKSHOPS,
    )
