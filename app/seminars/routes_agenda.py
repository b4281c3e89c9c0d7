"""The agenda's items: add, edit and remove (facilitators)."""

from functools import partial

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import login_required

from ..forms import edit_form
from ..i18n import to_helsinki_input
from ..models import AgendaKind
from ..web import confirm_then, save_or_show
from . import bp, services
from .forms import AgendaItemForm
from .labels import item_title
from .queries import load_agenda_item, load_seminar, page_context
from .urls import settings_url

AGENDA_RULE = "/<slug>/seminars/<int:phase_id>/agenda"


def _save_or_show(form: AgendaItemForm, process, seminar, item, save, saved_message):
    """Apply the add or edit, or show the form; a refusal is shown beside the field
    it concerns."""

    def field_of(error):
        if isinstance(error, services.BlockHasWorkshops):
            return form.kind
        return form[getattr(error, "field", None) or "starts_at"]

    return save_or_show(
        form,
        lambda: save(**form.values()),
        field_of,
        saved_message,
        lambda saved: settings_url(process.slug, seminar.phase_id, f"item-{saved.id}"),
        lambda: render_template(
            "seminars/agenda_item_form.html",
            form=form,
            **page_context(process, seminar),
            item=item,
        ),
    )


@bp.route(f"{AGENDA_RULE}/new", methods=["GET", "POST"])
@login_required
def add_item(slug: str, phase_id: int):
    """Add an agenda item; its start defaults to after the last item, on the day."""
    process, seminar = load_seminar(slug, phase_id, "seminar.manage")
    form = AgendaItemForm(main_language=process.language)
    if request.method == "GET":
        form.starts_at.data = to_helsinki_input(services.default_start(seminar))
    return _save_or_show(
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
    process, seminar, item = load_agenda_item(slug, phase_id, item_id, "seminar.manage")
    # The stored times are aware UTC; the inputs show naive Helsinki time.
    form = edit_form(
        AgendaItemForm,
        item,
        {
            "starts_at": to_helsinki_input(item.starts_at),
            "ends_at": to_helsinki_input(item.ends_at),
            "kind": item.kind.value,
        },
        main_language=process.language,
    )
    return _save_or_show(
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
    process, seminar, item = load_agenda_item(slug, phase_id, item_id, "seminar.manage")
    title = item_title(item, process.language)
    return confirm_then(
        "seminars/agenda_item_delete.html",
        partial(services.delete_agenda_item, item),
        _("The agenda item “%(title)s” has been removed.", title=title),
        settings_url(slug, phase_id, "agenda"),
        **page_context(process, seminar),
        item=item,
        title=title,
        is_block=item.kind is AgendaKind.WORKSHOPS,
    )
