"""A process's team: its facilitators and observers (process roles)."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..database import unique_write
from ..errors import (
    AccountNotFound,
    AlreadyInTeam,
    DuplicateName,
    NotTeamEligible,
)
from ..forms import ConfirmForm, form_status
from ..models import Process, ProcessRole, User
from ..permissions import can
from ..web import apply_or_flash, load_in_process, load_process, paginated
from . import bp, services_team
from .forms_team import TeamMemberForm, TeamRoleForm


def _team_url(process: Process) -> str:
    return url_for("processes.team", slug=process.slug)


def _after_change(process: Process) -> str:
    """Where to go after a team change: one may have just given up one's own rights."""
    if can(current_user, "process.team", process):
        return _team_url(process)
    if can(current_user, "process.view", process):
        return url_for("processes.detail", slug=process.slug)
    return url_for("main.index")


@bp.route("/<slug>/team", methods=["GET", "POST"])
@login_required
def team(slug: str):
    """List the facilitators and observers; add an existing account by email."""
    process = load_process(slug, "process.team")
    form = TeamMemberForm()
    if form.validate_on_submit():
        try:
            with unique_write():
                member = services_team.add_team_member(
                    process,
                    email=form.email.data,
                    role=form.role.data,
                    actor=current_user,
                )
                name = member.user.name
        except (AccountNotFound, NotTeamEligible, AlreadyInTeam) as error:
            form.email.errors.append(str(error))
        except DuplicateName:  # two requests added the same person at once
            form.email.errors.append(str(AlreadyInTeam()))
        else:
            flash(_("%(name)s has been added to the team.", name=name), "success")
            return redirect(_team_url(process))
    stmt = (
        sa.select(ProcessRole)
        .join(User, ProcessRole.user_id == User.id)
        .where(ProcessRole.process_id == process.id)
        .order_by(ProcessRole.role, User.name, User.id)
    )
    page = paginated(stmt)
    return (
        render_template(
            "processes/team.html",
            process=process,
            page=page,
            form=form,
            facilitator_count=services_team.facilitator_count(process),
        ),
        form_status(form),
    )


@bp.route("/<slug>/team/<int:member_id>/role", methods=["POST"])
@login_required
def change_team_role(slug: str, member_id: int):
    """Make a team member a facilitator or an observer."""
    process, member = load_in_process(slug, "process.team", ProcessRole, member_id)
    form = TeamRoleForm()
    if not form.validate_on_submit():
        abort(400)
    name = member.user.name
    if not apply_or_flash(
        lambda: services_team.change_team_role(
            member, form.role.data, actor=current_user
        ),
        _("The role of %(name)s has been changed.", name=name),
    ):
        return redirect(_team_url(process))
    return redirect(_after_change(process))


@bp.route("/<slug>/team/<int:member_id>/remove", methods=["GET", "POST"])
@login_required
def remove_team_member(slug: str, member_id: int):
    """Ask for confirmation, then take a person's role away (POST only)."""
    process, member = load_in_process(slug, "process.team", ProcessRole, member_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        name = member.user.name
        if not apply_or_flash(
            lambda: services_team.remove_team_member(member, actor=current_user),
            _("%(name)s has been removed from the team.", name=name),
        ):
            return redirect(_team_url(process))
        return redirect(_after_change(process))
    is_last = services_team.is_last_facilitator(member)
    return render_template(
        "processes/team_remove.html",
        form=form,
        process=process,
        member=member,
        is_last=is_last,
    )
