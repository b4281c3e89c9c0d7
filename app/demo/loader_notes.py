"""Turn the demo's workshop notes and memos (``content/notes.toml``) into rows.

``load_notes`` makes the notes, ``load_memos`` the memos; between them the demo's
quick votes and questions are loaded (``loader_live``), so the memos carry them.

The notes go straight in as Comment rows on the workshops' prompts, not through
``live.add_note``: each keeps the time it was written in the room, and ``add_note``
stamps the moment it runs. A note is found again by its author and
``submission_key`` (unique together, as the phone form's resend check uses them), an
open-space topic by the participant who proposed it and its text, a memo by seminar
and workshop, so loading twice creates nothing new. The hidden note gets its HIDE row
in the audit log as the moderation service writes it; a duplicate is merged into its
note when it is created.

What was done while trying the demo stays, as for the demo's comments:

- a note moved, merged, unmerged, restored or hidden in the app keeps its place and
  state; only an unedited note's text (and its time, when a reload on another day
  moved the seminar) is set back to the data;
- a workshop's current prompt is set only when its notes are created (a new demo or
  a workshop deleted and loaded again) and only if the room shows none;
- a memo is drafted once with ``memos.draft_memo`` and, for the first seminar, marked
  final. While it is still the demo's own (last stamped by the demo facilitator at
  the demo's draft or final time), a reload compares it with what ``draft_memo``
  would write now and sets the texts back when they differ, so a fix in the notes
  reaches a loaded demo. A memo saved, reopened or marked final in the app carries
  the wall-clock time and is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm.attributes import flag_modified

from ..auth.services import find_user_by_email
from ..extensions import db
from ..models import (
    Comment,
    Process,
    Prompt,
    Seminar,
    User,
    WorkGroup,
    Workshop,
    WorkshopMemo,
)
from ..seminars import services_memos as memos
from ..seminars.queries import workshops_of
from ..seminars.queries_memos import memo_for
from ..seminars.services_live import bump
from ..text import render_markdown
from .base import (
    LoadReport,
    assign,
    at_position,
    hide,
    moved,
    participant,
    set_back_text,
    was_hidden,
)


@dataclass
class _Walls:
    """What every workshop's notes are loaded with."""

    groups: dict[str, WorkGroup]
    facilitator: User | None
    report: LoadReport
    #: The notes by key, so a duplicate finds the note it is merged into.
    by_key: dict[str, Comment] = field(default_factory=dict)


def load_notes(process: Process, spec: dict | None, report: LoadReport) -> None:
    """Create the demo's workshop notes and open-space topics; flush.

    Call after ``load_seminars``: the workshops and their prompts must exist.
    """
    if not spec:
        return
    db.session.flush()  # ids for the natural-key queries below
    facilitator = find_user_by_email(spec["by"])
    groups = {group.name: group for group in process.work_groups}
    walls = _Walls(groups, facilitator, report)
    for data in spec["workshops"]:
        workshop = _workshop(process, data)
        if workshop is not None:
            _workshop_notes(workshop, data, walls)
    db.session.flush()


def load_memos(process: Process, spec: dict | None, report: LoadReport) -> None:
    """Draft the demo's memos (or set untouched ones back); flush.

    Call last of the seminars' parts: a memo is drafted from the notes, the closed
    quick votes and the questions to the speakers (``load_live``) as they are.
    """
    if not spec:
        return
    db.session.flush()
    facilitator = find_user_by_email(spec["by"])
    demo_workshops = {
        workshop.id
        for workshop in (_workshop(process, data) for data in spec["workshops"])
        if workshop is not None
    }
    for data in spec.get("memos", ()):
        seminar = _seminar(process, data["phase"])
        if seminar is None:
            continue
        for workshop in workshops_of(seminar):
            # Only the demo's workshops: one added while trying the demo is the user's.
            if workshop.id in demo_workshops:
                _memo(seminar, workshop, data, facilitator, report)
        if data["seminar_memo"]:
            _memo(seminar, None, data, facilitator, report)
    db.session.flush()


def _seminar(process: Process, position: int) -> Seminar | None:
    phase = at_position(process.phases, position)
    return phase.seminar if phase is not None else None


def _workshop(process: Process, data: dict) -> Workshop | None:
    """The workshop by the natural keys ``load_seminars`` gives it."""
    seminar = _seminar(process, data["phase"])
    if seminar is None:
        return None
    item = at_position(seminar.agenda, data["agenda_item"])
    return at_position(item.workshops, data["workshop"]) if item is not None else None


# Notes -------------------------------------------------------------------------------


def _workshop_notes(workshop: Workshop, data: dict, walls: _Walls) -> None:
    """The workshop's notes and topics; the wall's version grows if anything changed."""
    prompts = {prompt.position: prompt for prompt in workshop.prompts}
    created = changed = False
    targets: list[tuple[Prompt, Iterable[dict]]] = [
        (prompts[position], notes)
        for position, notes in enumerate(data["prompts"], start=1)
        if position in prompts
    ]
    for topic_data in data["topics"]:
        topic, new = _topic(workshop, topic_data, walls)
        created |= new
        targets.append((topic, topic_data["notes"]))
    for prompt, notes in targets:
        for note in notes:
            state = _note(prompt, note, walls)
            created |= state == "created"
            changed |= state is not None
    if created and workshop.current_prompt_id is None:
        first = at_position(workshop.prompts, data["current"])
        if first is not None:
            workshop.current_prompt_id = first.id
    if created or changed:
        db.session.flush()
        bump(workshop)  # an open projector refreshes itself


def _topic(workshop: Workshop, data: dict, walls: _Walls) -> tuple[Prompt, bool]:
    """The open-space topic the participant proposed, added as ``propose_topic`` does."""
    report = walls.report
    author = _author(walls.groups[data["group"]], data["author"], report)
    language = workshop.process.language
    for prompt in workshop.prompts:
        if (
            prompt.proposed_by_id == author.id
            and prompt.question.get(language) == data["question"]
        ):
            assign(prompt, report, "open-space topic", **moved(prompt, data["at"]))
            return prompt, False
    last = max((prompt.position for prompt in workshop.prompts), default=0)
    topic = Prompt(
        position=last + 1,
        question={language: data["question"]},
        guidance={},
        guidance_html={},
        proposed_by_id=author.id,
        created_at=data["at"],
        updated_at=data["at"],
    )
    workshop.prompts.append(topic)
    db.session.flush()
    report.created["open-space topic"] += 1
    return topic, True


def _author(group: WorkGroup, name: str, report: LoadReport) -> User:
    """The group's participant of this name (``base.participant``), with an id."""
    author = participant(group, name, report)
    if author.id is None:
        db.session.flush()
    return author


def _note(prompt: Prompt, data: dict, walls: _Walls) -> str | None:
    """Find the note or add it: "created", "changed" (text set back, hidden) or None."""
    report, facilitator, by_key = walls.report, walls.facilitator, walls.by_key
    group = walls.groups[data["group"]]
    author = _author(group, data["author"], report)
    body, label, process = data["body"], "workshop note", prompt.process
    note = db.session.scalar(
        sa.select(Comment).where(
            Comment.author_id == author.id, Comment.submission_key == data["key"]
        )
    )
    if note is not None:
        by_key[data["key"]] = note
        # A fix in the demo text reaches a loaded demo.
        state = (
            "changed" if set_back_text(note, body, data["at"], report, label) else None
        )
        if data.get("hidden") and not note.is_hidden and not was_hidden(note):
            # Hidden in the data since the last load; a restore in the app stays.
            hide(
                process, note, facilitator, data["hidden"], data["hidden"]["at"], report
            )
            state = "changed"
        return state
    note = Comment(
        prompt=prompt,
        group=group,
        author=author,
        body=body,
        body_html=str(render_markdown(body)),
        submission_key=data["key"],
        created_at=data["at"],
        updated_at=data["at"],
    )
    target = by_key.get(data.get("merged_into") or "")
    if target is not None:
        if target.id is None:
            db.session.flush()
        # As merge_notes leaves it: shown with its target, at the target's prompt.
        note.merged_into_id = target.id
        note.prompt = target.prompt
    if data.get("hidden"):
        # Hidden in the same INSERT: an UPDATE would stamp updated_at with today.
        hide(process, note, facilitator, data["hidden"], data["hidden"]["at"], report)
    db.session.add(note)
    by_key[data["key"]] = note
    report.created[label] += 1
    return "created"


# Memos -------------------------------------------------------------------------------


def _memo(
    seminar: Seminar,
    workshop: Workshop | None,
    data: dict,
    facilitator: User,
    report: LoadReport,
) -> None:
    """Draft the memo once (final for the first seminar); set an untouched one back."""
    memo = memo_for(seminar, workshop)
    final_at = data["final_at"]
    if memo is None:
        memo = memos.draft_memo(
            seminar, workshop, actor=facilitator, now=data["drafted_at"]
        )
        report.created["memo"] += 1
        if final_at is not None:
            memos.mark_final(memo, actor=facilitator, now=final_at)
        return
    if not _demo_made(memo, facilitator, data):
        return  # saved, reopened or marked final in the app: that stays
    changed = False
    texts = drafted_texts(seminar, workshop)
    if any(getattr(memo, part) != texts[part] for part in memos.PARTS):
        for part in memos.PARTS:
            setattr(memo, part, texts[part])
        memo.html = {part: str(render_markdown(texts[part])) for part in memos.PARTS}
        changed = True
    if memo.final_at != final_at:
        memo.final_at = final_at
        changed = True
    if changed:
        # Keep the demo's time: updated_at would otherwise become today's, and the
        # memo would no longer count as the demo's own.
        memo.updated_at = final_at or data["drafted_at"]
        flag_modified(memo, "updated_at")
        report.updated["memo"] += 1


def _demo_made(memo: WorkshopMemo, facilitator: User | None, data: dict) -> bool:
    """Whether the memo is still as the demo left it: by its facilitator, at its times."""
    return (
        facilitator is not None
        and memo.edited_by_id == facilitator.id
        and memo.updated_at in (data["drafted_at"], data["final_at"])
    )


def drafted_texts(seminar: Seminar, workshop: Workshop | None) -> dict[str, str]:
    """The texts ``draft_memo`` would write for this memo now."""
    return memos.draft_texts(seminar, workshop)
