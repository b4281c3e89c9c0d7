"""Turn the demo's content into rows: accounts, organisations, the process, its
phases, themes and work groups, then each part through its own loader.

Every row is found by its natural key before it is created (user email, organisation
name, process slug, phase and theme position, group name within the process), so
loading twice creates nothing new; texts that differ from the data are set back
(``base.assign``). The content's times are placed on the calendar of the load day
first (``timeline.resolve``): a reload on another day moves them.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import sqlalchemy as sa

from ..auth import services as auth_services
from ..discussions import services as discussion_services
from ..discussions.services import ensure_discussion
from ..extensions import db
from ..groups import services as group_services
from ..models import Organisation, Phase, Process, ProcessRole, Theme, User, WorkGroup
from ..processes import services as process_services
from ..processes import services_phases as phase_services
from ..processes import services_themes as theme_services
from ..processes.services_publicity import set_public
from ..text import render_translated
from .base import LoadReport, assign, at_position, participant
from .clock import DemoClock
from .loader_coding import load_coding
from .loader_comments import load_comments
from .loader_live import load_live
from .loader_monitoring import load_monitoring
from .loader_notes import load_memos, load_notes
from .loader_seminars import load_seminars
from .loader_survey import load_survey
from .loader_voting import load_ballot
from .timeline import resolve

log = logging.getLogger("osallistamo.demo")


def has_processes() -> bool:
    """Return whether the database holds any process at all (``demo load --if-empty``)."""
    return db.session.scalar(sa.select(Process.id).limit(1)) is not None


def load_demo(content: dict, clock: DemoClock | None = None) -> LoadReport:
    """Create or refresh the demo ``content`` describes; flush, do not commit.

    :param clock: the moment of loading (default: now); every demo time counts from it.
    """
    spec = resolve(content, clock or DemoClock.current())
    report = LoadReport()
    accounts = {
        a["email"]: _account(a, spec["password"], report) for a in spec["accounts"]
    }
    actor = accounts[spec["process"]["creator"]]
    organisations = {
        o["name"]: _organisation(o, actor, report) for o in spec["organisations"]
    }
    process = _process(spec["process"], actor, report)
    report.process = process
    for account in spec["accounts"]:
        if account.get("process_role"):
            _process_role(
                process, accounts[account["email"]], account["process_role"], report
            )
    for position, phase in enumerate(spec["phases"], start=1):
        _phase(process, position, phase, report)
    for position, theme in enumerate(spec["themes"], start=1):
        _theme(process, position, theme, report)
    groups = {
        g["name"]: _group(process, g, organisations, actor, report)
        for g in spec["groups"]
    }
    for data in spec["participants"]:
        participant(groups[data["group"]], data["name"], report)
    load_comments(process, spec["comments"], groups, accounts, report)
    load_ballot(process, spec["ballot"], groups, report)
    load_seminars(process, spec["seminars"], report)
    load_notes(process, spec["notes"], report)
    # Quick votes (some on the notes) and questions to the speakers, then the memos
    # drafted from all of them.
    load_live(process, spec["live"], report)
    load_memos(process, spec["notes"], report)
    # The follow-up's goals, actions and indicators with two school years of values.
    load_monitoring(process, spec["monitoring"], report)
    # The feedback survey feeds one of those indicators. Before the coding: its
    # free-text answers are comments the coding suggestions weigh, so every load
    # (the first and any later one) suggests from the same comments.
    load_survey(process, spec["survey"], groups, report)
    # Last: the proposal is drafted from the coded comments and the vote.
    load_coding(process, spec["coding"], report)
    db.session.flush()
    log.info("demo %s loaded: created %s", process.slug, dict(report.created))
    return report


def _account(data: dict, password: str, report: LoadReport) -> User:
    user = auth_services.find_user_by_email(data["email"])
    if user is None:
        report.created["account"] += 1
        return auth_services.create_user(
            data["email"], data["name"], data["role"], password
        )
    assign(user, report, "account", name=data["name"], role=data["role"])
    if not user.check_password(password):
        # The demo accounts print their password; make it true again.
        user.set_password(password)
        report.updated["account"] += 1
    return user


def _organisation(data: dict, actor: User, report: LoadReport) -> Organisation:
    organisation = db.session.scalar(
        sa.select(Organisation).where(Organisation.name == data["name"])
    )
    if organisation is None:
        report.created["organisation"] += 1
        return group_services.create_organisation(
            actor=actor, name=data["name"], kind=data["kind"]
        )
    assign(organisation, report, "organisation", kind=data["kind"])
    return organisation


def _process(data: dict, creator: User, report: LoadReport) -> Process:
    texts = {key: data[key] for key in ("title", "language", "region", "description")}
    process = db.session.scalar(sa.select(Process).where(Process.slug == data["slug"]))
    created = process is None
    if created:
        report.created["process"] += 1
        process = process_services.create_process(
            creator=creator, slug=data["slug"], **texts
        )
    else:
        html = render_translated(data["description"])
        assign(process, report, "process", description_html=html, **texts)
    # Open data (issue 18): the demo is public, so its pages and API can be tried.
    public = bool(data.get("public", False))
    if bool(process.is_public) != public:
        set_public(process, public, actor=creator, now=datetime.now(UTC))
        if not created:
            report.updated["process"] += 1
    return process


def _process_role(process: Process, user: User, role, report: LoadReport) -> None:
    existing = db.session.scalar(
        sa.select(ProcessRole).where(
            ProcessRole.process_id == process.id, ProcessRole.user_id == user.id
        )
    )
    if existing is None:
        db.session.add(ProcessRole(process=process, user=user, role=role))
        report.created["process role"] += 1
    else:
        assign(existing, report, "process role", role=role)


def _phase(process: Process, position: int, data: dict, report: LoadReport) -> None:
    values = {
        key: data[key]
        for key in ("kind", "title", "description", "starts_at", "ends_at")
    }
    phase = db.session.scalar(
        sa.select(Phase).where(
            Phase.process_id == process.id, Phase.position == position
        )
    )
    if phase is None:
        # Appended after the last phase, which is ``position`` when loading in order.
        phase = phase_services.add_phase(process, **values)
        report.created["phase"] += 1
    else:
        html = render_translated(data["description"])
        assign(phase, report, "phase", description_html=html, **values)
    discussion = ensure_discussion(phase)
    for number, question in enumerate(data.get("prompts", ()), start=1):
        prompt = at_position(discussion.prompts, number)
        if prompt is None:
            discussion_services.add_prompt(discussion, question=question, guidance={})
            report.created["question"] += 1
        else:
            assign(prompt, report, "question", question=question)


def _theme(process: Process, position: int, data: dict, report: LoadReport) -> None:
    """The theme at ``position``: its title, description and keywords as the data says."""
    values = {
        "title": data["title"],
        "description": data.get("description", {}),
        "keywords": data.get("keywords", ""),
    }
    theme = db.session.scalar(
        sa.select(Theme).where(
            Theme.process_id == process.id, Theme.position == position
        )
    )
    if theme is None:
        theme_services.add_theme(process, **values)
        report.created["theme"] += 1
    else:
        html = render_translated(values["description"])
        assign(theme, report, "theme", description_html=html, **values)


def _group(
    process: Process,
    data: dict,
    organisations: dict[str, Organisation],
    actor: User,
    report: LoadReport,
) -> WorkGroup:
    values = {
        "organisation": organisations[data["organisation"]],
        "contact_name": data["contact_name"],
        "contact_email": data["contact_email"],
    }
    group = db.session.scalar(
        sa.select(WorkGroup).where(
            WorkGroup.process_id == process.id, WorkGroup.name == data["name"]
        )
    )
    if group is None:
        report.created["work group"] += 1
        # A new group's invite is open, so the demo can be joined with its code at once.
        return group_services.create_group(
            process, actor=actor, name=data["name"], **values
        )
    assign(group, report, "work group", **values)
    return group
