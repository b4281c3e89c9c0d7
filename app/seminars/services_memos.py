"""Memos of workshops and seminars: drafted from what happened, edited, marked final.

A memo says what was aimed at, how the group worked and what resulted. It is drafted
in the process's language from the workshop (its description, method, facilitator,
room and the notes on its prompts) or, for the whole seminar, from the seminar's goal,
agenda and workshops. The texts are Markdown, rendered with app.text when saved.

A final memo is what everyone in the process reads; changing it needs reopening first,
so a reader never sees a "final" text change under them without it saying so.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..errors import DomainError
from ..extensions import db
from ..i18n import localized
from ..models import (
    AgendaKind,
    Comment,
    Prompt,
    Seminar,
    User,
    Workshop,
    WorkshopMemo,
    WorkshopMethod,
)
from ..text import render_markdown
from .labels import AGENDA_KIND_LABELS, agenda_time
from .methods import spec
from .queries import workshops_of
from .queries_live import distribution
from .queries_memos import is_final, memo_for
from .queries_questions import memo_markdown as questions_markdown
from .queries_votes import results_markdown
from .urls import memo_url

log = logging.getLogger("osallistamo.seminars")

#: The memo's texts, in the order the page shows them.
PARTS = ("aims", "way_of_working", "results")


class MemoExists(
    DomainError, message=_l("This memo has already been drafted. Edit it instead.")
): ...


class MemoIsFinal(
    DomainError,
    message=_l(
        "The memo is marked final. Reopen it first; then you can edit it and mark it"
        " final again."
    ),
): ...


class MemoNotFinal(DomainError, message=_l("The memo is not marked final.")): ...


class NotThisSeminar(
    DomainError, message=_l("The workshop belongs to another seminar.")
): ...


# What the draft is made of ---------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """A visible note with the number of notes it stands for (itself + duplicates)."""

    comment: Comment
    count: int


def _root(comment: Comment, by_id: dict[int, Comment]) -> Comment:
    """The note a duplicate was merged into, following merges of merges (no loops)."""
    seen = set()
    while comment.merged_into_id is not None and comment.id not in seen:
        seen.add(comment.id)
        target = by_id.get(comment.merged_into_id)
        if target is None:  # merged into a note of another prompt: stands alone
            return comment
        comment = target
    return comment


def _visible(comment: Comment) -> bool:
    return comment.hidden_at is None and comment.deleted_at is None


def visible_notes(prompt: Prompt) -> list[Note]:
    """The prompt's notes a memo shows, oldest first; duplicates counted with the note
    they were merged into. A hidden or deleted note is left out with its duplicates.
    """
    comments = list(
        db.session.scalars(
            sa.select(Comment)
            .where(Comment.prompt_id == prompt.id)
            .order_by(Comment.created_at, Comment.id)
        )
    )
    by_id = {comment.id: comment for comment in comments}
    counts: Counter[int] = Counter()
    for comment in comments:
        root = _root(comment, by_id)
        if _visible(comment) and _visible(root):
            counts[root.id] += 1
    return [
        Note(comment, counts[comment.id]) for comment in comments if counts[comment.id]
    ]


def feeling_counts(prompt: Prompt) -> dict[int, int]:
    """How many marks each point 1..5 of the feeling line got for a statement."""
    return distribution(prompt).counts


def _one_line(text: str) -> str:
    """A note as one bullet: its lines joined, so it cannot break the list."""
    return " ".join((text or "").split())


def _note_line(note: Note) -> str:
    text = _one_line(note.comment.body)
    return f"- {text} (×{note.count})" if note.count > 1 else f"- {text}"


def _workshop_texts(workshop: Workshop, language: str) -> dict[str, str]:
    """The three parts of a workshop's memo, in the current (forced) locale."""
    method = spec(workshop.method)
    aims = localized(workshop.description, language, language)
    facts = []
    if workshop.facilitator_name:
        facts.append(_("Facilitator") + f": {workshop.facilitator_name}")
    if workshop.room:
        facts.append(_("Room") + f": {workshop.room}")
    way = f"**{method.name}**: {method.explanation}"
    if facts:
        way += "\n\n" + "  \n".join(facts)
    sections = []
    for prompt in workshop.prompts:
        question = _one_line(localized(prompt.question, language, language))
        lines = [f"**{question}**", ""]
        if workshop.method is WorkshopMethod.FEELING_LINE:
            counts = feeling_counts(prompt)
            lines.append(
                _("Marks on the scale from 1 (disagree) to 5 (agree):")
                + " "
                + ", ".join(f"{value}: {counts[value]}" for value in counts)
            )
            lines.append("")
        notes = visible_notes(prompt)
        if notes:
            lines += [_note_line(note) for note in notes]
        elif workshop.method is not WorkshopMethod.FEELING_LINE:
            lines.append("*" + _("No notes.") + "*")
        sections.append("\n".join(lines).rstrip())
    results = "\n\n".join(sections) or "*" + _("The workshop had no prompts.") + "*"
    votes = results_markdown(workshop)
    if votes:
        results += "\n\n" + votes
    return {"aims": aims, "way_of_working": way, "results": results}


def _seminar_texts(seminar: Seminar, language: str) -> dict[str, str]:
    """The seminar memo: its goal, the agenda, and a section per workshop."""
    phase = seminar.phase
    aims = localized(seminar.goal, language, language)
    output = localized(seminar.expected_output, language, language)
    if output:
        heading = _("Expected output")
        aims = f"{aims}\n\n**{heading}**\n\n{output}".strip()
    agenda = []
    for item in seminar.agenda:
        title = _one_line(localized(item.title, language, language))
        label = f"{AGENDA_KIND_LABELS[item.kind]}" + (f": {title}" if title else "")
        line = f"- {agenda_time(item, phase)} {label}"
        if item.speaker:
            line += f" ({item.speaker})"
        agenda.append(line)
        for workshop in item.workshops if item.kind is AgendaKind.WORKSHOPS else ():
            name = _one_line(localized(workshop.title, language, language))
            agenda.append(f"    - {name}: {spec(workshop.method).name}")
    empty_agenda = _("The agenda is empty.")
    way = "\n".join(agenda) or f"*{empty_agenda}*"
    sections = []
    read_memo = _("Read the workshop memo")
    for workshop in workshops_of(seminar):
        name = _one_line(localized(workshop.title, language, language))
        count = sum(note.count for p in workshop.prompts for note in visible_notes(p))
        sections.append(
            f"**{name}** ({spec(workshop.method).name})\n\n"
            + ngettext("%(num)d note.", "%(num)d notes.", count)
            + f" [{read_memo}]({memo_url(seminar, workshop)})"
        )
    no_workshops = _("The seminar had no workshops.")
    results = "\n\n".join(sections) or f"*{no_workshops}*"
    asked = questions_markdown(seminar)
    if asked:
        results += "\n\n" + asked
    return {"aims": aims, "way_of_working": way, "results": results}


# Changes -----------------------------------------------------------------------------


def _render(memo: WorkshopMemo) -> None:
    memo.html = {part: str(render_markdown(getattr(memo, part))) for part in PARTS}


def _clean(text: str | None) -> str:
    """The browser's CRLF and outer blank space gone."""
    return (text or "").replace("\r\n", "\n").strip()


def draft_texts(seminar: Seminar, workshop: Workshop | None = None) -> dict[str, str]:
    """The texts a draft of this memo gets now, in the process's language."""
    language = seminar.process.language
    with force_locale(language):
        if workshop is None:
            texts = _seminar_texts(seminar, language)
        else:
            texts = _workshop_texts(workshop, language)
    return {part: _clean(texts[part]) for part in PARTS}


def draft_memo(
    seminar: Seminar,
    workshop: Workshop | None = None,
    *,
    actor: User | None,
    now: datetime,
) -> WorkshopMemo:
    """Create the memo, filled in from the seminar or workshop in the process language.

    The database's unique (seminar, workshop) does not hold for the seminar memo (NULLs
    never collide), so one memo per pair is checked here for both.

    :raises MemoExists: when the memo has been drafted already.
    :raises NotThisSeminar: for a workshop of another seminar.
    """
    if workshop is not None and workshop.block.seminar_id != seminar.id:
        raise NotThisSeminar()
    if memo_for(seminar, workshop) is not None:
        raise MemoExists()
    memo = WorkshopMemo(
        seminar=seminar,
        workshop=workshop,
        **draft_texts(seminar, workshop),
        edited_by_id=actor.id if actor is not None else None,
        created_at=now,
        updated_at=now,
    )
    _render(memo)
    db.session.add(memo)
    db.session.flush()
    log.info("memo %s drafted for seminar %s", memo.id, seminar.id)
    return memo


def save_memo(
    memo: WorkshopMemo,
    *,
    aims: str,
    way_of_working: str,
    results: str,
    actor: User | None,
    now: datetime,
) -> WorkshopMemo:
    """Save the texts and their HTML.

    :raises MemoIsFinal: a final memo is reopened before it is changed.
    """
    if is_final(memo):
        raise MemoIsFinal()
    texts = {"aims": aims, "way_of_working": way_of_working, "results": results}
    for part in PARTS:
        setattr(memo, part, _clean(texts[part]))
    _render(memo)
    memo.edited_by_id = actor.id if actor is not None else None
    memo.updated_at = now
    db.session.flush()
    return memo


def _stamp(memo: WorkshopMemo, final_at: datetime | None, actor, now) -> None:
    memo.final_at = final_at
    memo.edited_by_id = actor.id if actor is not None else memo.edited_by_id
    memo.updated_at = now
    db.session.flush()


def mark_final(memo: WorkshopMemo, *, actor: User | None, now: datetime) -> None:
    """Mark the memo final: from now on everyone in the process reads it.

    :raises MemoIsFinal: when it is final already.
    """
    if is_final(memo):
        raise MemoIsFinal(_l("The memo is already marked final."))
    _stamp(memo, now, actor, now)
    log.info("memo %s marked final", memo.id)


def reopen(memo: WorkshopMemo, *, actor: User | None, now: datetime) -> None:
    """Take the memo back to a draft for editing; readers other than the team lose it.

    :raises MemoNotFinal: when it is a draft already.
    """
    if not is_final(memo):
        raise MemoNotFinal()
    _stamp(memo, None, actor, now)
    log.info("memo %s reopened", memo.id)
