"""Turn the demo's coding and follow-up proposal (``content/coding.toml``,
``content/proposal.toml``) into rows.

The facilitator's work is replayed through the coding and proposal services, as she
would have done it in the app: the tool's suggestions first, then her decisions on
them (accept, add by hand, reject the rest), the chosen quotes, and last the
suggestions on the comments she has not reached yet, which learn from her codes.
Then the proposal is drafted from the summary and her text saved as version 2.

Loading again creates nothing new, and what was done while trying the demo stays,
as with the demo's comments and votes:

- a comment with any decision on it (a confirmed or rejected code) is left as it is,
  so a code removed or added in the app, or a quote chosen there, stays; the demo's
  codes go only to comments nobody has decided on yet;
- a waiting comment's suggestions are refreshed as the app's own suggest button
  would (same texts, same scores: nothing changes when nothing else has);
- the proposal is drafted once (one per process); the demo's text is saved as a new
  version only while the proposal is a draft whose newest version is the demo's own
  (saved by the demo facilitator at the demo's times) and only when the text differs.
  A version saved in the app, or a publishing, stays.

Codes and the proposal keep the times of the load that made them: a reload on
another day (which moves the phases, comments and votes) leaves them as they are.

Hidden and deleted comments are never coded (the services refuse them anyway).
"""

from __future__ import annotations

from datetime import datetime

from ..auth.services import find_user_by_email
from ..coding.queries import scope_comments
from ..coding.services import (
    add_code,
    confirm,
    reject,
    set_featured,
    store_suggestions,
    tag_of,
)
from ..coding.suggest import decided_themes, suggest_explained
from ..extensions import db
from ..followup.services import draft_proposal, save_version
from ..models import (
    Comment,
    FollowUpProposal,
    Process,
    ProposalStatus,
    ProposalVersion,
    TagStatus,
    Theme,
    ThemeTag,
    User,
)
from .base import LoadReport


def load_coding(process: Process, spec: dict | None, report: LoadReport) -> None:
    """Code the demo's comments and draft its follow-up proposal; flush.

    Call after the comments and the ballot: the proposal is drafted from both.
    """
    if not spec:
        return
    db.session.flush()  # ids for the queries below
    actor = find_user_by_email(spec["by"])
    at = spec["coded_at"]
    visible = scope_comments(process)
    by_key = {c.submission_key: c for c in visible if c.submission_key}
    decided = decided_themes([c.id for c in visible])
    themes = {theme.position: theme for theme in process.themes}

    def untouched(keys) -> list[Comment]:
        """The data's comments that are visible and that nobody has decided on."""
        return [by_key[k] for k in keys if k in by_key and not decided[by_key[k].id]]

    to_code = untouched(spec["codes"])
    if to_code:
        # What the tool suggested when she started: nothing confirmed yet to learn from.
        suggested, _new = _suggestions(process, visible, to_code, at)
        for comment in to_code:
            positions = spec["codes"][comment.submission_key]
            wanted = [themes[p] for p in positions if p in themes]
            _code(comment, wanted, suggested[comment.id], actor, at, report)
        coded_now = {comment.submission_key for comment in to_code}
        for key, position in spec.get("featured", ()):
            if key in coded_now and position in themes:
                tag = tag_of(by_key[key], themes[position])
                if tag is not None and tag.status is TagStatus.CONFIRMED:
                    set_featured(tag, True, actor=actor)
    waiting = untouched(spec.get("suggested_only", ()))
    if waiting:
        _stored, new = _suggestions(process, visible, waiting, at)
        if new:
            report.created["theme suggestion"] += new
    db.session.flush()
    if spec.get("proposal"):
        load_proposal(process, spec["proposal"], actor, report)


def _suggestions(
    process: Process, visible: list[Comment], targets: list[Comment], at: datetime
) -> tuple[dict[int, dict[int, ThemeTag]], int]:
    """Store the tool's suggestions for ``targets``; return them and how many are new.

    The suggestions come as ``{comment_id: {theme_id: tag}}``.

    Scored among all the visible comments, as ``refresh_suggestions`` scores them (the
    TF-IDF weights depend on the whole set), so the app's suggest button agrees with
    the demo. Not ``refresh_suggestions`` itself: it would also suggest the next
    themes on the comments already decided on, after every load.
    """
    ranked, reasons = suggest_explained(process, visible)
    # Flushed: persistent before the coding services use them (tag.comment loads).
    return store_suggestions([c.id for c in targets], ranked, reasons, at)


def _code(
    comment: Comment,
    themes: list[Theme],
    suggested: dict[int, ThemeTag],
    actor: User,
    at: datetime,
    report: LoadReport,
) -> None:
    """Her decisions on one comment: accept or add its themes, reject the other ideas."""
    for theme in themes:
        tag = suggested.pop(theme.id, None)
        if tag is not None:
            confirm(tag, actor=actor, now=at)
        else:
            # The tool missed it: added by hand.
            add_code(comment, theme, actor=actor, now=at)
        report.created["theme code"] += 1
    for tag in suggested.values():
        reject(tag, actor=actor, now=at)
        report.created["rejected suggestion"] += 1


# The follow-up proposal ------------------------------------------------------------


def load_proposal(
    process: Process, spec: dict, actor: User | None, report: LoadReport
) -> FollowUpProposal | None:
    """Draft the demo's proposal once and save the facilitator's text as a version."""
    proposal = process.proposal
    if proposal is None:
        proposal = draft_proposal(process, actor=actor, now=spec["drafted_at"])
        report.created["proposal"] += 1
        report.created["proposal version"] += 1
    elif proposal.status is not ProposalStatus.DRAFT or not _demo_made(
        proposal.current, actor, spec
    ):
        return proposal  # published or written further in the app: that stays
    current = proposal.current
    version = save_version(
        proposal,
        # The drafted summary stays; the title and the written sections are hers.
        sections={**current.sections, **spec["sections"]},
        themes=current.themes,
        actor=actor,
        now=spec["edited_at"],
    )
    if version is not None:
        report.created["proposal version"] += 1
    return proposal


def _demo_made(version: ProposalVersion | None, actor: User | None, spec: dict) -> bool:
    """Whether the version is the demo's own: by its facilitator, at its times."""
    return (
        version is not None
        and actor is not None
        and version.created_by_id == actor.id
        and version.created_at in (spec["drafted_at"], spec["edited_at"])
    )
