"""The whole summary as JSON, described by docs/summary.schema.json.

The dataclasses map one to one onto objects with the same field names; computed
properties that readers would otherwise recompute (``gap_worth_noting``, the main
ballot's id) are written out too. Times are ISO 8601 in Helsinki time with their
offset (``2026-11-23T19:14:00+02:00``), the same as in the CSV files.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from datetime import datetime
from typing import Any

from ..i18n import to_helsinki
from .proposal_view import ProposalView
from .summary import Summary

#: Tells readers what the file is; grows when a field's meaning changes.
FORMAT = "osallistamo-summary"
FORMAT_VERSION = 1


def iso(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 with the Helsinki offset."""
    if value is None:
        return None
    return to_helsinki(value).isoformat(timespec="seconds")


def _plain(value: Any) -> Any:
    """Datetimes and enums as JSON values, recursively."""
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def summary_data(summary: Summary, proposal: ProposalView | None = None) -> dict:
    """The summary as JSON-ready dicts and lists."""
    data = _plain(dataclasses.asdict(summary))
    for theme, theme_data in zip(summary.themes, data["themes"], strict=True):
        theme_data["gap_worth_noting"] = theme.gap_worth_noting
    main = summary.main_ballot
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        **data,
        "main_ballot_id": main.ballot_id if main else None,
        "proposal": _plain(dataclasses.asdict(proposal)) if proposal else None,
    }


def to_json(summary: Summary, proposal: ProposalView | None = None) -> str:
    """Pretty-printed UTF-8 JSON (letters such as ä written as themselves)."""
    return (
        json.dumps(summary_data(summary, proposal), ensure_ascii=False, indent=2) + "\n"
    )
