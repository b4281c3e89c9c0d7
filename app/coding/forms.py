"""Forms of the coding view: each is a small POST form on a comment's card; and the
list's filters read from the query string."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ..models import Phase, Process
from ..requests import parse_id
from . import queries
from .queries import CodingFilters, CodingStatus


class CodingActionForm(FlaskForm):
    """Accept, reject, remove or choose as a quote: the CSRF token and where to
    return (the next comment of the page, when this one leaves the filtered list)."""

    after = HiddenField(validators=[Optional(), Regexp(r"^\d{1,12}$")])

    @property
    def after_id(self) -> int | None:
        return int(self.after.data) if self.after.data else None


class SuggestForm(FlaskForm):
    """The "Suggest themes" button; the scope comes from the page's filters."""


class AddCodeForm(CodingActionForm):
    """A person codes a comment by hand: one of the process's themes."""

    theme = SelectField(
        _l("Add a theme"),
        coerce=int,
        validators=[DataRequired(message=_l("Choose a theme."))],
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.theme.choices = [(theme_id, title) for theme_id, title in themes]


def int_arg(args, name: str) -> int | None:
    """A whole number of the query string, or None."""
    return parse_id(args.get(name, ""))


def filters_from_args(process: Process, args) -> tuple[CodingFilters, Phase | None]:
    """The page's filters from the query string; unknown ids are ignored."""
    phases = {phase.id: phase for phase in queries.coding_phases(process)}
    phase = phases.get(int_arg(args, "phase"))
    prompts = {prompt.id for _phase, prompt in queries.prompts_of(process, phase)}
    groups = {group.id for group in process.work_groups}
    organisations = {group.organisation_id for group in process.work_groups}
    try:
        status = CodingStatus(args.get("status", "all"))
    except ValueError:
        status = CodingStatus.ALL
    filters = CodingFilters(
        phase_id=phase.id if phase else None,
        prompt_id=p if (p := int_arg(args, "prompt")) in prompts else None,
        group_id=g if (g := int_arg(args, "group")) in groups else None,
        organisation_id=o
        if (o := int_arg(args, "organisation")) in organisations
        else None,
        status=status,
    )
    return filters, phase


def page_args(filters: CodingFilters, args) -> dict:
    """The filters and the page number: carried by every form back to the list."""
    page_args = filters.as_args()
    page = int_arg(args, "page")
    if page and page > 1:
        page_args["page"] = page
    return page_args


class DiscoverForm(FlaskForm):
    """Theme discovery's button, and whether to group all comments or only those
    not coded to a theme yet."""

    only_uncoded = BooleanField(
        _l("Only comments not coded to any theme yet"),
        default=True,
        description=_l(
            "Leaves out the comments a person has confirmed to a theme. Untick to "
            "group every comment."
        ),
    )


class AdoptForm(FlaskForm):
    """Making a candidate a theme: its title, which the person may change."""

    title = StringField(
        _l("Title of the new theme"),
        validators=[
            DataRequired(message=_l("Give the theme a title.")),
            Length(max=200, message=_l("At most %(max)d characters.")),
        ],
    )


class DismissForm(FlaskForm):
    """Dismissing a candidate: the CSRF token only (it can be found again by
    grouping anew only if its comments change)."""
