"""The open-data setting of a process (issue 18)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SubmitField


class PublicityForm(FlaskForm):
    is_public = BooleanField(
        _l("Make the process public"),
        description=_l(
            "Anyone can then read the parts listed above without signing in, "
            "and search engines may show them."
        ),
    )
    submit = SubmitField(_l("Save"))
