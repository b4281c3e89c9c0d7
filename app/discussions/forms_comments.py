"""Writing comments: a new comment or reply, and an edit."""

import secrets
from collections.abc import Callable

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import HiddenField, SelectField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from ..forms import KEY_MARK, blank_fields
from ..models import COMMENT_MAX_LENGTH

BODY_HINT = _l(
    "At most %(max)d characters. You can use Markdown: *emphasis*, **bold**, "
    "lists, > quotes and links.",
    max=COMMENT_MAX_LENGTH,
)


def new_submission_key() -> str:
    return secrets.token_hex(16)


def body_field(label) -> TextAreaField:
    return TextAreaField(
        label,
        validators=[
            DataRequired(message=_l("Write the comment before sending it.")),
            Length(
                max=COMMENT_MAX_LENGTH,
                message=_l(
                    "The comment is too long: at most %(max)d characters.",
                    max=COMMENT_MAX_LENGTH,
                ),
            ),
        ],
        description=BODY_HINT,
        # No maxlength: the browser would cut a pasted text silently; the counter
        # warns and the server refuses with a message instead.
        render_kw={
            "rows": 8,
            "data-max-length": COMMENT_MAX_LENGTH,
            "maxlength": False,
        },
    )


class CommentForm(FlaskForm):
    """A new comment or reply. The submission key makes a resent form harmless."""

    body = body_field(_l("Comment"))
    #: Shown only when the author belongs to several groups of the process.
    group_id = SelectField(_l("On behalf of the work group"), coerce=int)
    submission_key = HiddenField(validators=[Optional(), Length(max=64)])
    submit = SubmitField(_l("Send the comment"))

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.group_id.choices = [(group.id, group.name) for group in groups]
        if len(groups) == 1 and not self.group_id.data:
            self.group_id.data = groups[0].id
        if not self.submission_key.data:
            self.submission_key.data = new_submission_key()

    @property
    def session_expired(self) -> bool:
        """True when only the CSRF token failed: the text is kept and can be resent."""
        return bool(getattr(self, "csrf_token", None) and self.csrf_token.errors)


class ReplyForm(CommentForm):
    body = body_field(_l("Reply"))
    submit = SubmitField(_l("Send the reply"))


class EditCommentForm(FlaskForm):
    body = body_field(_l("Comment"))
    submit = SubmitField(_l("Save the changes"))


def _blank(form: CommentForm, csrf: str, key: str) -> CommentForm:
    """``form`` with the stand-ins of ``app.forms.blank_fields``."""
    if hasattr(form, "csrf_token"):  # not when CSRF is off (some tests)
        form.csrf_token.current_token = csrf
    form.submission_key.data = key
    return form


def _groups_key(groups) -> tuple:
    # What the fields show of the groups: the choice of group, or the one group.
    return tuple((group.id, group.name) for group in groups)


def blank_comment_fields(groups, render_fields: Callable) -> Markup:
    """The empty post form's fields for a reader with these groups, with a new
    submission key (``render_fields``: the ``post_fields`` macro)."""
    html = blank_fields(
        ("comment", *_groups_key(groups)),
        lambda csrf, key: render_fields(
            _blank(CommentForm(groups=groups, formdata=None), csrf, key), groups
        ),
    )
    return Markup(html.replace(KEY_MARK, new_submission_key()))


class ReplyFields:
    """The reply form under every comment of a thread page, rendered once per worker.

    One ``ReplyForm`` with a placeholder prefix is rendered (``app.forms.blank_fields``:
    once per language and groups), and each comment gets a copy of that HTML with
    its own prefix (the names and ids the reply view reads: ``reply<id>-body``...)
    and a submission key of its own. The placeholders are only ever replaced inside
    attribute values (after a raw ``"``, which escaped text such as a group's name
    cannot contain).
    """

    PREFIX = "replyID"

    def __init__(self, groups):
        self.groups = groups

    def copies(self, render_fields: Callable) -> Callable[[int], Markup]:
        """Each comment's copy of the fields (``render_fields``: the
        ``reply_fields`` macro)."""
        html = blank_fields(
            ("reply", *_groups_key(self.groups)),
            lambda csrf, key: render_fields(
                _blank(
                    ReplyForm(groups=self.groups, prefix=self.PREFIX, formdata=None),
                    csrf,
                    key,
                ),
                self.groups,
            ),
        )
        prefix, key = f'"{self.PREFIX}-', f'value="{KEY_MARK}"'

        def copy(comment_id: int) -> Markup:
            return Markup(
                html.replace(prefix, f'"reply{comment_id}-').replace(
                    key, f'value="{new_submission_key()}"'
                )
            )

        return copy
