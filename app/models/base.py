"""Shared column types and mixins for the models."""

from __future__ import annotations

import enum
import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so


def new_thread_version() -> int:
    """A new random version token (non-negative, fits a signed 64-bit column)."""
    return secrets.randbits(62)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A timezone-aware datetime stored in UTC.

    PostgreSQL keeps the offset itself; SQLite would hand back naive values, so they
    are normalised to UTC on the way in and marked UTC on the way out. Naive values
    are refused: every time in this app is aware.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware datetime in UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def str_enum(enum_class: type[enum.Enum], length: int = 20) -> sa.Enum:
    """Store an enum by its value as a plain string column (same on SQLite and PostgreSQL)."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
    )


#: Texts facilitators write in several languages: ``{"fi": ..., "sv": ..., "en": ...}``.
TranslatedText = sa.JSON


class TimestampMixin:
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    updated_at: so.Mapped[datetime] = so.mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )


class DescribedMixin:
    """A title and a Markdown description per language (the main language's title is
    required), with the description's cleaned HTML rendered when saved."""

    title: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    description: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
    description_html: so.Mapped[dict] = so.mapped_column(TranslatedText, default=dict)
