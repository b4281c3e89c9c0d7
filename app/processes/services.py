"""Process rules: creating and editing a process, its slug, its facilitators."""

from __future__ import annotations

import logging
import re
import unicodedata

import sqlalchemy as sa

from ..errors import DuplicateName
from ..extensions import db
from ..models import (
    DeletedAccountComments,
    Process,
    ProcessRole,
    ProcessRoleKind,
    User,
)
from ..text import render_translated

log = logging.getLogger("osallistamo.processes")


def slugify(text: str) -> str:
    """Turn a title into a web-address part: 'Keski-Uusimaa 2026' -> 'keski-uusimaa-2026'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:70].strip("-") or "process"


def slug_taken(slug: str, exclude_id: int | None = None) -> bool:
    stmt = sa.select(Process.id).where(Process.slug == slug)
    if exclude_id is not None:
        stmt = stmt.where(Process.id != exclude_id)
    return db.session.scalar(stmt) is not None


def unique_slug(base: str) -> str:
    slug, number = base, 2
    while slug_taken(slug):
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_process(
    *,
    creator: User,
    title: dict,
    language: str,
    slug: str = "",
    region: str = "",
    description: dict | None = None,
    show_names: bool = False,
    deleted_account_comments: DeletedAccountComments = (
        DeletedAccountComments.KEEP_AS_GROUP
    ),
) -> Process:
    """Create a process; its creator becomes its first facilitator.

    :param slug: wanted web address; made from the title when empty.
    :raises DuplicateName: when the wanted slug is taken.
    """
    if slug:
        if slug_taken(slug):
            raise DuplicateName()
    else:
        slug = unique_slug(
            slugify(title.get(language) or next(iter(title.values()), ""))
        )
    description = description or {}
    process = Process(
        slug=slug,
        title=title,
        language=language,
        region=region.strip(),
        description=description,
        description_html=render_translated(description),
        show_names=show_names,
        deleted_account_comments=deleted_account_comments,
        created_by=creator,
    )
    db.session.add(process)
    db.session.add(
        ProcessRole(process=process, user=creator, role=ProcessRoleKind.FACILITATOR)
    )
    db.session.flush()
    log.info("user %s created process %s", creator.id, process.slug)
    return process


def update_process(
    process: Process,
    *,
    title: dict,
    language: str,
    slug: str,
    region: str,
    description: dict,
    show_names: bool | None = None,
    deleted_account_comments: DeletedAccountComments | None = None,
) -> Process:
    """Change a process's texts and address; the slug must stay unique.

    :param show_names: whether exports name the people behind comments (None: keep).
    :param deleted_account_comments: what a deleted account leaves behind (None: keep).
    """
    if slug and slug != process.slug:
        if slug_taken(slug, exclude_id=process.id):
            raise DuplicateName()
        process.slug = slug
    process.title = title
    process.language = language
    process.region = region.strip()
    process.description = description
    process.description_html = render_translated(description)
    if show_names is not None:
        process.show_names = show_names
    if deleted_account_comments is not None:
        process.deleted_account_comments = deleted_account_comments
    db.session.flush()
    return process
