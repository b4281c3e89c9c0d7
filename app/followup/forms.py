"""Forms of the follow-up proposal and the memo."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from ..forms import ConfirmForm
from ..i18n import localized
from ..models import PhaseKind

__all__ = ["ConfirmForm", "MemoForm", "proposal_form"]

MARKDOWN_HINT = _l(
    "Markdown: *emphasis*, **bold**, - a list item, 1. a numbered item, > a quote, "
    "[link text](https://example.fi)."
)
#: What each section is for: shown as the field's hint in the editor (the drafted
#: fields hold no guidance text).
SECTION_GUIDANCE = {
    "summary": _l(
        "The results in short, drafted from the themed summary: the top themes with "
        "their figures and key comments. Edit it freely."
    ),
    "principles": _l("The principles that the follow-up work should keep to."),
    "next_steps": _l("The next steps: what is done, by whom and by when."),
    "resourcing": _l(
        "How the planning and the follow-up work are resourced: people, time and money."
    ),
}
SECTION_MAX = 20000
WHY_MAX = 2000


def _section(label, key: str) -> TextAreaField:
    """One of the proposal's Markdown sections, with its guidance under it."""
    return TextAreaField(
        label,
        validators=[Optional(), Length(max=SECTION_MAX)],
        description=SECTION_GUIDANCE[key],
    )


class ProposalForm(FlaskForm):
    """The texts of a proposal; the themes' fields are added per process."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    summary = _section(_l("Summary of the results"), "summary")
    principles = _section(_l("Proposed principles"), "principles")
    next_steps = _section(_l("Next steps"), "next_steps")
    resourcing = _section(_l("Resourcing"), "resourcing")
    #: Said once above the texts: every section is Markdown.
    markdown_hint = MARKDOWN_HINT
    #: The version the editor started from: a newer one means someone else saved.
    base_number = HiddenField()

    #: Theme rows: ``(theme, checkbox field name, reason field name)``, in order.
    theme_rows: list = []

    def chosen_themes(self) -> list[dict]:
        """The ticked themes in the page's order, with their reasons."""
        return [
            {"theme_id": theme.id, "why": self[why].data or ""}
            for theme, take, why in self.theme_rows
            if self[take].data
        ]

    def theme_fields(self):
        """``(theme, checkbox, reason)`` for the template."""
        return [(theme, self[take], self[why]) for theme, take, why in self.theme_rows]


def proposal_form(process, version=None, **kwargs) -> ProposalForm:
    """The edit form for this process: the themes already taken up first, in their
    order, then the others in the process's order. Filled from ``version`` on GET.
    """
    chosen = list((version.themes if version is not None else None) or [])
    by_id = {theme.id: theme for theme in process.themes}
    order = [by_id[item["theme_id"]] for item in chosen if item["theme_id"] in by_id]
    order += [theme for theme in process.themes if theme not in order]

    class Form(ProposalForm):
        pass

    rows = []
    for theme in order:
        take, why = f"theme_{theme.id}", f"why_{theme.id}"
        setattr(Form, take, BooleanField(_l("Take up this theme")))
        setattr(
            Form,
            why,
            TextAreaField(_l("Why"), validators=[Optional(), Length(max=WHY_MAX)]),
        )
        rows.append((theme, take, why))
    Form.theme_rows = rows
    if version is not None:
        reasons = {item["theme_id"]: item.get("why", "") for item in chosen}
        data = dict(version.sections)
        data["base_number"] = str(version.number)
        for theme, take, why in rows:
            data[take] = theme.id in reasons
            data[why] = reasons.get(theme.id, "")
        kwargs.setdefault("data", data)
    form = Form(**kwargs)
    # The texts are written in the process's language, whatever the interface's.
    for name in ("title", "summary", "principles", "next_steps", "resourcing"):
        form[name].render_kw = {
            **(form[name].render_kw or {}),
            "lang": process.language,
        }
    for _theme, _take, why in rows:
        form[why].render_kw = {"lang": process.language}
    return form


class MemoForm(FlaskForm):
    """Which memo to send: the whole process's or one phase's."""

    phase = SelectField(_l("Memo of"), choices=[], validate_choice=True)

    def set_phases(self, process, whole_label: str) -> None:
        self.phase.choices = [("", whole_label)] + [
            (str(phase.id), localized(phase.title, process.language))
            for phase in memo_phases(process)
        ]


def memo_phases(process) -> list:
    """The phases a memo can cover: those with results (not the follow-up itself)."""
    return [phase for phase in process.phases if phase.kind is not PhaseKind.FOLLOWUP]
