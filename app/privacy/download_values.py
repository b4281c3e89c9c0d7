"""How the own-data download writes what it reads: rows of a query, ISO times, and a
process as its web address and title (shared by the two parts of the download)."""

from __future__ import annotations

from datetime import date, datetime

from ..extensions import db
from ..i18n import localized
from ..models import Process


def all_rows(stmt) -> list:
    """Every row of a select, as a list."""
    return list(db.session.scalars(stmt))


def iso_time(value: datetime | date | None) -> str | None:
    """A time or date in ISO 8601, or None."""
    return value.isoformat() if value is not None else None


def process_ref(process: Process | None) -> dict | None:
    """A process as the download names it: its web address and title."""
    if process is None:
        return None
    return {"slug": process.slug, "title": localized(process.title, process.language)}
