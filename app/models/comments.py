"""Comments of work groups under prompts, their earlier versions, flags and the audit log."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import TimestampMixin, UTCDateTime, str_enum, utcnow
from .groups import WorkGroup
from .processes import Process
from .prompts import Prompt
from .users import User

#: Longest comment, in characters of Markdown source.
COMMENT_MAX_LENGTH = 4000


class Comment(TimestampMixin, db.Model):
    """A post under a prompt on behalf of a work group; a reply when it has a parent.

    Moderation and deletion set flags instead of deleting rows, so a thread keeps its
    shape and the audit log keeps what it points at.
    """

    __tablename__ = "comments"
    __table_args__ = (
        sa.UniqueConstraint("author_id", "submission_key"),
        # A question's threads in the pages' order, with what their counts read
        # (migration 0017): counting them reads the index, not every row.
        sa.Index(
            "ix_comments_thread_order",
            "prompt_id",
            "parent_id",
            "created_at",
            "id",
            "deleted_at",
        ),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    prompt_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Prompt.id, ondelete="CASCADE"), index=True
    )
    group_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(WorkGroup.id, ondelete="CASCADE"), index=True
    )
    author_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL"), index=True
    )
    #: The top-level comment of the thread; replies are one level deep.
    parent_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    #: The comment actually answered, which may itself be a reply (shown flat).
    reply_to_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("comments.id", ondelete="SET NULL")
    )
    body: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    #: ``body`` rendered by app.text when saved; never rendered per view.
    body_html: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    #: A random key from the form: a resent form finds its first comment.
    submission_key: so.Mapped[str | None] = so.mapped_column(sa.String(64))
    edited_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    #: Deleted by its author: the text is gone, the place stays for the replies.
    deleted_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    hidden_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    #: Shown in place of a hidden comment.
    hidden_reason: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    hidden_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    #: A locked thread (a top-level comment) takes no more replies or edits.
    locked_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    #: A workshop note the facilitator merged into another as a duplicate: shown
    #: with it, counted once.
    merged_into_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey("comments.id", ondelete="SET NULL"), index=True
    )

    prompt: so.Mapped[Prompt] = so.relationship()
    group: so.Mapped[WorkGroup] = so.relationship()
    author: so.Mapped[User | None] = so.relationship(foreign_keys=[author_id])
    hidden_by: so.Mapped[User | None] = so.relationship(foreign_keys=[hidden_by_id])
    parent: so.Mapped[Comment | None] = so.relationship(
        remote_side=[id], foreign_keys=[parent_id], back_populates="replies"
    )
    replies: so.Mapped[list[Comment]] = so.relationship(
        foreign_keys=[parent_id],
        back_populates="parent",
        order_by="Comment.created_at, Comment.id",
        passive_deletes=True,
    )
    reply_to: so.Mapped[Comment | None] = so.relationship(
        remote_side=[id], foreign_keys=[reply_to_id]
    )
    versions: so.Mapped[list[CommentVersion]] = so.relationship(
        back_populates="comment",
        order_by="CommentVersion.created_at.desc(), CommentVersion.id.desc()",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    flags: so.Mapped[list[CommentFlag]] = so.relationship(
        back_populates="comment",
        order_by="CommentFlag.created_at",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<Comment {self.id} prompt={self.prompt_id} group={self.group_id}>"

    @property
    def process(self) -> Process:
        return self.prompt.process

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None

    @property
    def thread(self) -> Comment:
        """The top-level comment of this comment's thread."""
        return self.parent or self

    @property
    def is_locked(self) -> bool:
        return self.thread.locked_at is not None

    @property
    def open_flags(self) -> list[CommentFlag]:
        return [flag for flag in self.flags if flag.resolved_at is None]


class CommentVersion(db.Model):
    """The text a comment had before an edit; facilitators can read the history."""

    __tablename__ = "comment_versions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    comment_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="CASCADE"), index=True
    )
    body: so.Mapped[str] = so.mapped_column(sa.Text)
    body_html: so.Mapped[str] = so.mapped_column(sa.Text)
    #: When this text was written (the comment's creation or an earlier edit).
    written_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime)
    #: When it was replaced by the next text.
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)

    comment: so.Mapped[Comment] = so.relationship(back_populates="versions")


class CommentFlag(db.Model):
    """A reader's report that a comment breaks the rules; one open flag per reader."""

    __tablename__ = "comment_flags"
    __table_args__ = (sa.UniqueConstraint("comment_id", "user_id"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    comment_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="CASCADE"), index=True
    )
    user_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL"), index=True
    )
    reason: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    #: Set when a facilitator hides the comment or dismisses the flag.
    resolved_at: so.Mapped[datetime | None] = so.mapped_column(UTCDateTime)
    resolved_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )

    comment: so.Mapped[Comment] = so.relationship(back_populates="flags")
    user: so.Mapped[User | None] = so.relationship(foreign_keys=[user_id])
    resolved_by: so.Mapped[User | None] = so.relationship(foreign_keys=[resolved_by_id])


class ModerationAction(enum.StrEnum):
    FLAG = "flag"
    HIDE = "hide"
    RESTORE = "restore"
    LOCK = "lock"
    UNLOCK = "unlock"
    DISMISS_FLAGS = "dismiss_flags"


class ModerationEvent(db.Model):
    """The audit log: who did what to which comment, when and why."""

    __tablename__ = "moderation_events"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    comment_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Comment.id, ondelete="SET NULL"), index=True
    )
    actor_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )
    action: so.Mapped[ModerationAction] = so.mapped_column(
        str_enum(ModerationAction, length=20)
    )
    reason: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    created_at: so.Mapped[datetime] = so.mapped_column(
        UTCDateTime, default=utcnow, index=True
    )

    comment: so.Mapped[Comment | None] = so.relationship()
    actor: so.Mapped[User | None] = so.relationship()
