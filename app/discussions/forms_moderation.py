"""Forms of moderation: a reader's report and a facilitator's reason for an action."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from .services_moderation import REASON_MAX_LENGTH


def _strip(value):
    # Browsers send line breaks as \r\n; count them as the reader sees them.
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


class FlagForm(FlaskForm):
    """A reader reports a comment to the facilitators."""

    reason = TextAreaField(
        _l("Why should the facilitators look at this comment?"),
        validators=[
            DataRequired(message=_l("Write the reason.")),
            Length(max=REASON_MAX_LENGTH),
        ],
        filters=[_strip],
        description=_l(
            "Only the facilitators see your report and your name. At most %(max)d characters.",
            max=REASON_MAX_LENGTH,
        ),
    )


class ModerationReasonForm(FlaskForm):
    """The reason of restoring, unlocking or dismissing reports (optional)."""

    reason = TextAreaField(
        _l("Reason"),
        validators=[Optional(), Length(max=REASON_MAX_LENGTH)],
        filters=[_strip],
    )


class RequiredReasonForm(ModerationReasonForm):
    """The reason of hiding a comment or locking a thread (required)."""

    reason = TextAreaField(
        _l("Reason"),
        validators=[
            DataRequired(message=_l("Write the reason.")),
            Length(max=REASON_MAX_LENGTH),
        ],
        filters=[_strip],
    )
