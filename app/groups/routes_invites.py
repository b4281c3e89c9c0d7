"""A work group's invite: a new link and closing it (each confirmed first), and
reopening it (one click: it only lets people join again)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from ..extensions import db
from ..models import WorkGroup
from ..web import confirm_then
from . import bp, services
from .queries import load_group


def _group_page(group: WorkGroup):
    return redirect(
        url_for("groups.group_detail", slug=group.process.slug, group_id=group.id)
    )


def _set_invite_open(slug: str, group_id: int, is_open: bool, message: str):
    _process, group = load_group(slug, group_id, "group.manage")
    services.set_invite_open(group, is_open)
    db.session.commit()
    flash(message, "success")
    return _group_page(group)


@bp.route("/p/<slug>/groups/<int:group_id>/rotate", methods=["GET", "POST"])
@login_required
def rotate_invite(slug: str, group_id: int):
    """Confirm, then give the group a new invite link; the old one stops working."""
    _process, group = load_group(slug, group_id, "group.manage")
    if request.method == "POST":
        services.rotate_invite(group)
        db.session.commit()
        flash(
            _(
                "A new invitation link has been created. The old link and code no longer work."
            ),
            "success",
        )
        return _group_page(group)
    return render_template("groups/rotate.html", process=group.process, group=group)


@bp.route("/p/<slug>/groups/<int:group_id>/invite/close", methods=["GET", "POST"])
@login_required
def close_invite(slug: str, group_id: int):
    """Confirm, then close the invitation: nobody new can join; members stay."""
    _process, group = load_group(slug, group_id, "group.manage")
    if request.method == "GET" and not group.invite_open:
        return _group_page(group)
    return confirm_then(
        "groups/close_invite.html",
        lambda: services.set_invite_open(group, False),
        _("The invitation is closed. Members who already joined stay in the group."),
        url_for("groups.group_detail", slug=group.process.slug, group_id=group.id),
        process=group.process,
        group=group,
    )


@bp.route("/p/<slug>/groups/<int:group_id>/invite/open", methods=["POST"])
@login_required
def open_invite(slug: str, group_id: int):
    """Open the invitation again with the same link and code."""
    return _set_invite_open(
        slug,
        group_id,
        True,
        _("The invitation is open again. The same link and code work."),
    )
