"""Reading memos: which memo a page is about, who may read it, what its pages show.

Everyone in the process reads a final memo; a draft is for "seminar.manage" only
(observers included in the "others": they get 404 as if there were none, like
participants), so nobody quotes a text that is still changing.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask_login import current_user

from ..extensions import db
from ..i18n import localized
from ..models import Process, Seminar, User, Workshop, WorkshopMemo
from ..permissions import can
from ..web import load_in_process
from . import bp
from .methods import spec
from .queries import load_seminar


def load_memo_subject(
    slug: str, phase_id: int | None, workshop_id: int | None, action: str
) -> tuple[Process, Seminar, Workshop | None]:
    """(process, seminar, workshop or None) of a memo address, the action checked."""
    if workshop_id is None:
        process, seminar = load_seminar(slug, phase_id, action)
        return process, seminar, None
    process, workshop = load_in_process(slug, action, Workshop, workshop_id)
    return process, workshop.block.seminar, workshop


def memo_for(seminar: Seminar, workshop: Workshop | None = None) -> WorkshopMemo | None:
    """The workshop's memo, or the seminar's own memo when ``workshop`` is None."""
    query = sa.select(WorkshopMemo).where(WorkshopMemo.seminar_id == seminar.id)
    if workshop is None:
        query = query.where(WorkshopMemo.workshop_id.is_(None))
    else:
        query = query.where(WorkshopMemo.workshop_id == workshop.id)
    # The oldest first: should a race ever have made two seminar memos, every page
    # shows the same one.
    return db.session.scalars(query.order_by(WorkshopMemo.id)).first()


def memos_of(seminar: Seminar) -> dict[int | None, WorkshopMemo]:
    """Every memo of the seminar by workshop id (None: the seminar's own memo)."""
    memos: dict[int | None, WorkshopMemo] = {}
    query = (
        sa.select(WorkshopMemo)
        .where(WorkshopMemo.seminar_id == seminar.id)
        .order_by(WorkshopMemo.id)
    )
    for memo in db.session.scalars(query):
        memos.setdefault(memo.workshop_id, memo)
    return memos


def is_final(memo: WorkshopMemo | None) -> bool:
    return memo is not None and memo.final_at is not None


def may_read(memo: WorkshopMemo | None, process: Process, user) -> bool:
    """A final memo for everyone in the process, a draft for the seminar's team."""
    if memo is None:
        return False
    return is_final(memo) or can(user, "seminar.manage", process)


@bp.app_template_global()
def readable_memos(seminar: Seminar) -> dict:
    """{workshop id or None: memo} the reader may open, for links on other pages."""
    process = seminar.process
    if not can(current_user, "seminar.view", process):
        return {}
    return {
        key: memo
        for key, memo in memos_of(seminar).items()
        if may_read(memo, process, current_user)
    }


def memo_context(
    process: Process, seminar: Seminar, workshop: Workshop | None, memo
) -> dict:
    """What every memo page shows: the subject, the memo, its editor and state."""
    texts = workshop.title if workshop is not None else seminar.phase.title
    editor = (
        db.session.get(User, memo.edited_by_id) if memo and memo.edited_by_id else None
    )
    return {
        "process": process,
        "seminar": seminar,
        "phase": seminar.phase,
        "workshop": workshop,
        "memo": memo,
        "subject": localized(texts, seminar.process.language),
        "subject_texts": texts,
        "method": spec(workshop.method) if workshop is not None else None,
        "editor": editor,
        "final": is_final(memo),
        "memo_args": (
            {"phase_id": seminar.phase_id}
            if workshop is None
            else {"workshop_id": workshop.id}
        ),
    }
