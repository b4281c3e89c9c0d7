"""The API's objects as JSON-ready dicts (described in openapi.py).

Translated texts are given as written, ``{"fi": ..., "sv": ..., "en": ...}`` (only
the languages that were written); times are ISO 8601 with the Helsinki offset, as
in the exports.
"""

from __future__ import annotations

from datetime import datetime

from flask import url_for

from ..exports.json import iso
from ..models import Ballot, Comment, Indicator, Phase, Process, Prompt, Theme
from ..permissions import window_state
from ..voting.scoring import BallotResults


def texts(value: dict | None) -> dict:
    """Only non-empty texts of the known languages."""
    return {
        lang: text
        for lang, text in (value or {}).items()
        if lang in ("fi", "sv", "en") and isinstance(text, str) and text
    }


def process_data(process: Process) -> dict:
    return {
        "slug": process.slug,
        "title": texts(process.title),
        "description": texts(process.description),
        "region": process.region or "",
        "language": process.language,
        "public": bool(process.is_public),
        "shows_names": bool(process.show_names),
        "links": {
            "self": url_for("api.process", slug=process.slug, _external=False),
            "page": url_for("public.process", slug=process.slug)
            if process.is_public
            else None,
        },
    }


def phase_data(phase: Phase, now: datetime) -> dict:
    return {
        "id": phase.id,
        "position": phase.position,
        "kind": phase.kind.value,
        "title": texts(phase.title),
        "starts_at": iso(phase.starts_at),
        "ends_at": iso(phase.ends_at),
        "state": window_state(phase.starts_at, phase.ends_at, now).value,
    }


def prompt_data(prompt: Prompt, phase_id: int) -> dict:
    return {
        "id": prompt.id,
        "phase_id": phase_id,
        "position": prompt.position,
        "question": texts(prompt.question),
        "guidance": texts(prompt.guidance),
    }


def theme_data(theme: Theme) -> dict:
    return {
        "id": theme.id,
        "position": theme.position,
        "title": texts(theme.title),
        "description": texts(theme.description),
    }


def comment_data(
    comment: Comment, phase_id: int, themes: list[int], show_names: bool
) -> dict:
    return {
        "id": comment.id,
        "phase_id": phase_id,
        "prompt_id": comment.prompt_id,
        "parent_id": comment.parent_id,
        "created_at": iso(comment.created_at),
        "group": comment.group.name,
        "organisation": comment.group.organisation.name,
        "author": comment.author.name
        if show_names and comment.author is not None
        else None,
        "text": comment.body,
        "html": comment.body_html,
        "themes": themes,
    }


def ballot_data(ballot: Ballot, results: BallotResults | None, now: datetime) -> dict:
    return {
        "id": ballot.id,
        "phase_id": ballot.phase_id,
        "title": texts(ballot.title),
        "method": ballot.method.value,
        "opens_at": iso(ballot.opens_at),
        "closes_at": iso(ballot.closes_at),
        "state": window_state(ballot.opens_at, ballot.closes_at, now).value,
        "results": None
        if results is None
        else {
            "voters": results.voters,
            "rows": [
                {
                    "theme_id": row.theme.id,
                    "rank": row.rank,
                    "tied": row.tied,
                    "score": row.score,
                    "share": round(row.share, 4),
                    "organisations": row.organisations,
                }
                for row in results.rows
            ],
        },
    }


def indicator_data(indicator: Indicator) -> dict:
    return {
        "id": indicator.id,
        "goal": {
            "id": indicator.goal.id,
            "title": texts(indicator.goal.title),
        },
        "position": indicator.position,
        "title": texts(indicator.title),
        "description": texts(indicator.description),
        "unit": indicator.unit,
        "direction": indicator.direction.value,
        "source": indicator.source.value,
        "period_kind": indicator.period_kind.value,
        "targets": [
            {"subgroup": target.subgroup, "value": target.value}
            for target in sorted(indicator.targets, key=lambda t: (t.subgroup, t.id))
        ],
        "values": [
            {
                "period": value.period,
                "organisation": value.organisation.name
                if value.organisation is not None
                else None,
                "area": value.area,
                "subgroup": value.subgroup,
                "value": value.value,
            }
            for value in sorted(
                indicator.values,
                key=lambda v: (v.period, v.scope_key, v.subgroup, v.id),
            )
        ],
    }
