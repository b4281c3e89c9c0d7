"""Forms of the coding view: each is a small POST form on a comment's card."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField
from wtforms.validators import DataRequired, Optional, Regexp


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
