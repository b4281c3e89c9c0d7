"""Shared pieces of the groups views: loading a process's group, template helpers."""

from __future__ import annotations

from flask import abort

from ..extensions import db
from ..models import Process, WorkGroup
from . import bp
from .services import format_invite_code


def get_group_or_404(process: Process, group_id: int) -> WorkGroup:
    """Load a work group of this process; a group of another process is a 404 too."""
    group = db.session.get(WorkGroup, group_id)
    if group is None or group.process_id != process.id:
        abort(404)
    return group


@bp.app_template_filter("invite_code")
def invite_code_filter(code: str) -> str:
    """Show an invite code in two halves for reading aloud (KX7P 2MQA)."""
    return format_invite_code(code or "")
