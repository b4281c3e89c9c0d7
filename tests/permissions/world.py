"""A fixture world for the route-wide permission tests: two processes and every role.

Process A and process B are built alike: a seminar (agenda, a workshop block, a
workshop with prompts, a note, a final seminar memo and a draft workshop memo), an
online discussion (two prompts, a comment, a teammate's comment reported by the
participant, a reply, a comment coded to a theme), a ballot with a vote, a published
follow-up proposal, monitoring (goal, action with a note, indicator with a target
and a value) and a survey phase (a Likert and a free-text question answered by a
group). Each process has two work groups of different organisations.

Roles (keys of ``World.users``):

* ``anonymous`` — nobody signed in;
* ``outsider`` — a participant of process B's group (another process);
* ``other_group`` — a participant of A's second group (another group of A);
* ``participant`` — a member of A's first group, the author of A's comments;
* ``observer`` — A's observer (an account without rights of its own);
* ``other_facilitator`` — the facilitator of B (a facilitator account);
* ``facilitator`` — the facilitator of A;
* ``admin`` — an administrator of the installation.

The world is built once per test module (``build_world``) and removed afterwards
(``tests.conftest.empty_tables``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import count

import pytest
import sqlalchemy as sa
from flask_login import AnonymousUserMixin

from app.coding import services as coding_services
from app.discussions import services as discussion_services
from app.discussions import services_moderation as moderation
from app.extensions import db, limiter
from app.followup import services as followup_services
from app.models import (
    Action,
    ActionNote,
    ActionStatus,
    AgendaKind,
    ApiToken,
    Comment,
    Goal,
    GroupMembership,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Organisation,
    OrganisationKind,
    Phase,
    PhaseKind,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Prompt,
    QuestionKind,
    Role,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    Theme,
    ThemeCandidate,
    User,
    VoterUnit,
    WorkGroup,
    scope_key_for,
)
from app.seminars import services as seminar_services
from app.seminars import services_memos as memo_services
from app.seminars import services_questions as question_services
from app.seminars import services_votes as vote_services
from app.seminars import services_workshops
from app.seminars.services import ensure_seminar
from app.text import render_markdown
from app.voting import services as voting_services
from tests.conftest import empty_tables

ROLES = (
    "anonymous",
    "outsider",
    "other_group",
    "participant",
    "observer",
    "other_facilitator",
    "facilitator",
    "admin",
)

#: A password for the accounts that have one (the change-password page needs it).
PASSWORD = "kaunis-syksyinen-metsa-42"

_numbers = count(1)


@dataclass
class ProcessWorld:
    """One process and its objects, by the names route_expectations.py uses."""

    process: Process
    objects: dict = field(default_factory=dict)

    def __getitem__(self, name: str):
        return self.objects[name]


@dataclass
class World:
    users: dict
    a: ProcessWorld
    b: ProcessWorld

    def user(self, role: str):
        return self.users[role]


def _user(role: Role, name: str, *, password: bool = False) -> User:
    n = next(_numbers)
    user = User(
        role=role,
        name=f"{name} {n}",
        email=None if role is Role.PARTICIPANT else f"matrix{n}@example.fi",
    )
    if password:
        user.set_password(PASSWORD)
    db.session.add(user)
    return user


def _comment(prompt: Prompt, group: WorkGroup, author: User, body: str, now, **kw):
    comment = Comment(
        prompt_id=prompt.id,
        group_id=group.id,
        author_id=author.id,
        body=body,
        body_html=str(render_markdown(body)),
        created_at=now,
        updated_at=now,
        **kw,
    )
    db.session.add(comment)
    db.session.flush()
    return comment


def _build_process(
    tag: str,
    *,
    facilitator: User,
    observer: User | None,
    member: User,
    teammate: User,
    second_member: User,
    now: datetime,
) -> ProcessWorld:
    """One process with a phase of every kind and the objects inside them."""
    process = Process(
        slug=f"matriisi-{tag}-{next(_numbers)}",
        title={"fi": f"Prosessi {tag.upper()}", "en": f"Process {tag.upper()}"},
        region="Keski-Uusimaa",
    )
    db.session.add(process)
    db.session.add(
        ProcessRole(process=process, user=facilitator, role=ProcessRoleKind.FACILITATOR)
    )
    if observer is not None:
        db.session.add(
            ProcessRole(process=process, user=observer, role=ProcessRoleKind.OBSERVER)
        )
    organisations = [
        Organisation(name=f"Organisaatio {tag}{n} {next(_numbers)}", kind=kind)
        for n, kind in (
            (1, OrganisationKind.EDUCATION_PROVIDER),
            (2, OrganisationKind.EDUCATION_PROVIDER),
        )
    ]
    db.session.add_all(organisations)
    group1 = WorkGroup(
        process=process,
        name=f"Ryhmä {tag}1",
        organisation=organisations[0],
        contact_email=f"ryhma-{tag}1@example.fi",
    )
    group2 = WorkGroup(
        process=process, name=f"Ryhmä {tag}2", organisation=organisations[1]
    )
    db.session.add_all([group1, group2])
    for group, person in (
        (group1, member),
        (group1, teammate),
        (group2, second_member),
    ):
        db.session.add(GroupMembership(group=group, user=person))
    themes = [
        Theme(process=process, position=n, title={"fi": f"Teema {tag}{n}"})
        for n in (1, 2, 3)
    ]
    db.session.add_all(themes)
    db.session.flush()

    # A seminar going on right now, with a workshop block and a workshop.
    seminar_phase = Phase(
        process=process,
        kind=PhaseKind.SEMINAR,
        position=1,
        title={"fi": f"Seminaari {tag}"},
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(hours=3),
    )
    db.session.add(seminar_phase)
    db.session.flush()
    seminar = ensure_seminar(seminar_phase)
    talk = seminar_services.add_agenda_item(
        seminar,
        kind=AgendaKind.INTRO_TALK,
        starts_at=now - timedelta(hours=1),
        ends_at=now - timedelta(minutes=30),
        title={"fi": "Esittelypuheenvuoro"},
    )
    block = seminar_services.add_agenda_item(
        seminar,
        kind=AgendaKind.WORKSHOPS,
        starts_at=now - timedelta(minutes=30),
        ends_at=now + timedelta(hours=2),
        title={"fi": "Työpajat"},
    )
    workshop = services_workshops.add_workshop(block, title={"fi": f"Porinat {tag}"})
    workshop_prompt = services_workshops.add_workshop_prompt(
        workshop, question={"fi": "Mikä toimii?"}, guidance={}
    )
    services_workshops.add_workshop_prompt(
        workshop, question={"fi": "Mikä puuttuu?"}, guidance={}
    )
    db.session.flush()
    note = _comment(workshop_prompt, group1, member, "Muistiinpano pajasta", now)
    seminar_memo = memo_services.draft_memo(seminar, None, actor=facilitator, now=now)
    memo_services.mark_final(seminar_memo, actor=facilitator, now=now)
    workshop_memo = memo_services.draft_memo(
        seminar, workshop, actor=facilitator, now=now
    )
    # A quick vote open on the workshop's wall (issue 17).
    live_vote = vote_services.open_vote(
        workshop,
        question="Kumpi ensin?",
        options=["Kirjasto", "Uimahalli"],
        actor=facilitator,
        now=now,
    )
    # A question to the intro talk from a member of group 1 (issue 17).
    speaker_question, _ = question_services.ask(
        seminar,
        talk=talk,
        author=member,
        group=group1,
        body="Miten tämä rahoitetaan?",
        now=now,
    )

    # An online discussion, open now, with comments of group 1 only.
    discussion_phase = Phase(
        process=process,
        kind=PhaseKind.DISCUSSION,
        position=2,
        title={"fi": f"Verkkokeskustelu {tag}"},
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    db.session.add(discussion_phase)
    db.session.flush()
    discussion = discussion_services.ensure_discussion(discussion_phase)
    prompt = discussion_services.add_prompt(
        discussion, question={"fi": "Mikä on tärkeintä?"}, guidance={}
    )
    discussion_services.add_prompt(
        discussion, question={"fi": "Mitä puuttuu?"}, guidance={}
    )
    comment = _comment(prompt, group1, member, "Yhteinen opinto-ohjaus.", now)
    teammate_comment = _comment(prompt, group1, teammate, "Tilat yhteiskäyttöön.", now)
    reply = _comment(
        prompt,
        group1,
        teammate,
        "Samaa mieltä.",
        now,
        parent_id=comment.id,
        reply_to_id=comment.id,
    )
    moderation.flag_comment(
        teammate_comment, user=member, reason="Asiaton sävy.", now=now
    )
    theme_tag = coding_services.add_code(comment, themes[0], actor=facilitator, now=now)
    candidate = ThemeCandidate(
        process=process,
        name=f"Ehdokas {tag}",
        keywords=["ehdokas"],
        comment_ids=[comment.id, teammate_comment.id],
        created_at=now,
    )
    db.session.add(candidate)

    ballot = voting_services.save_ballot(
        None,
        discussion_phase,
        title={"fi": "Tärkeimmät teemat"},
        description={},
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
        voter_unit=VoterUnit.GROUP,
        method="pick",
        max_choices=2,
        total_points=10,
        max_points_per_theme=3,
        results_visibility="live",
        theme_ids=None,
    )
    db.session.flush()
    vote, _created = voting_services.cast_vote(
        ballot, voter=member, group=group1, choice={themes[0].id: 1}, now=now
    )

    # The follow-up proposal, published (which adds the follow-up phase).
    proposal = followup_services.draft_proposal(process, actor=facilitator, now=now)
    followup_services.publish(proposal, actor=facilitator, now=now)
    db.session.flush()
    followup_phase = proposal.prompt.discussion.phase

    # Monitoring of the follow-up.
    goal = Goal(process=process, position=1, title={"fi": f"Tavoite {tag}"})
    db.session.add(goal)
    db.session.flush()
    action = Action(
        goal=goal,
        position=1,
        title=f"Toimenpide {tag}",
        owner=organisations[0],
        due_on=date.today() + timedelta(days=90),
        status=ActionStatus.PLANNED,
    )
    indicator = Indicator(goal=goal, position=1, title={"fi": f"Mittari {tag}"})
    db.session.add_all([action, indicator])
    db.session.flush()
    action_note = ActionNote(
        action=action,
        noted_on=date.today(),
        status=ActionStatus.PLANNED,
        body="Aloitettu.",
        body_html="<p>Aloitettu.</p>",
        created_by_id=facilitator.id,
    )
    target = IndicatorTarget(indicator=indicator, value=30.0)
    value = IndicatorValue(
        indicator=indicator,
        period="2024-2025",
        organisation_id=organisations[0].id,
        scope_key=scope_key_for(organisations[0].id, ""),
        value=25.0,
        entered_by_id=facilitator.id,
    )
    db.session.add_all([action_note, target, value])

    # A survey phase, open now, answered by group 1.
    survey_phase = Phase(
        process=process,
        kind=PhaseKind.SURVEY,
        position=len(process.phases) + 1,
        title={"fi": f"Kysely {tag}"},
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    db.session.add(survey_phase)
    db.session.flush()
    survey = Survey(phase=survey_phase, period="2024-2025")
    db.session.add(survey)
    db.session.flush()
    likert = SurveyQuestion(
        survey=survey,
        position=1,
        kind=QuestionKind.LIKERT,
        text={"fi": "Yhteistyö toimii."},
        indicator_id=indicator.id,
    )
    text_prompt = Prompt(
        survey_id=survey.id, position=1, question={"fi": "Mitä muuta?"}
    )
    db.session.add_all([likert, text_prompt])
    db.session.flush()
    free_text = SurveyQuestion(
        survey=survey,
        position=2,
        kind=QuestionKind.TEXT,
        text={"fi": "Mitä muuta?"},
        prompt_id=text_prompt.id,
    )
    db.session.add(free_text)
    db.session.flush()
    survey_comment = _comment(text_prompt, group1, member, "Lisää aikaa.", now)
    response = SurveyResponse(
        survey=survey, group=group1, submitted_by_id=member.id, submitted_at=now
    )
    db.session.add(response)
    db.session.flush()
    likert_answer = SurveyAnswer(response=response, question=likert, score=4)
    text_answer = SurveyAnswer(
        response=response, question=free_text, comment_id=survey_comment.id
    )
    db.session.add_all([likert_answer, text_answer])
    db.session.flush()

    observer_role = (
        db.session.scalar(
            sa.select(ProcessRole).where(
                ProcessRole.process_id == process.id,
                ProcessRole.user_id == observer.id,
            )
        )
        if observer is not None
        else None
    )
    objects = {
        "process": process,
        "slug": process.slug,
        "group1": group1,
        "group2": group2,
        "organisation": organisations[0],
        "themes": themes,
        "theme": themes[0],
        "seminar_phase": seminar_phase,
        "seminar": seminar,
        "talk": talk,
        "block": block,
        "workshop": workshop,
        "workshop_prompt": workshop_prompt,
        "note": note,
        "seminar_memo": seminar_memo,
        "workshop_memo": workshop_memo,
        "live_vote": live_vote,
        "speaker_question": speaker_question,
        "discussion_phase": discussion_phase,
        "discussion": discussion,
        "prompt": prompt,
        "comment": comment,
        "teammate_comment": teammate_comment,
        "reply": reply,
        "tag": theme_tag,
        "candidate": candidate,
        "ballot": ballot,
        "vote": vote,
        "proposal": proposal,
        "followup_phase": followup_phase,
        "goal": goal,
        "action": action,
        "action_note": action_note,
        "indicator": indicator,
        "target": target,
        "value": value,
        "survey_phase": survey_phase,
        "survey": survey,
        "likert_question": likert,
        "text_question": free_text,
        "survey_prompt": text_prompt,
        "survey_comment": survey_comment,
        "survey_response": response,
        "observer_role": observer_role,
    }
    return ProcessWorld(process=process, objects=objects)


def build_world() -> World:
    """Create both processes and the people; commit and return the world."""
    now = datetime.now(UTC)
    users = {
        "anonymous": AnonymousUserMixin(),
        "outsider": _user(Role.PARTICIPANT, "Ulkopuolinen"),
        "other_group": _user(Role.PARTICIPANT, "Toisen ryhmän"),
        "participant": _user(Role.PARTICIPANT, "Osallistuja"),
        "observer": _user(Role.MEMBER, "Havainnoija", password=True),
        "other_facilitator": _user(
            Role.FACILITATOR, "Toinen fasilitaattori", password=True
        ),
        "facilitator": _user(Role.FACILITATOR, "Fasilitaattori", password=True),
        "admin": _user(Role.ADMIN, "Ylläpitäjä", password=True),
    }
    teammate = _user(Role.PARTICIPANT, "Tiimiläinen")
    b_teammate = _user(Role.PARTICIPANT, "B-tiimiläinen")
    b_second = _user(Role.PARTICIPANT, "B-toinen")
    b_observer = _user(Role.MEMBER, "B-havainnoija")
    db.session.flush()
    a = _build_process(
        "a",
        facilitator=users["facilitator"],
        observer=users["observer"],
        member=users["participant"],
        teammate=teammate,
        second_member=users["other_group"],
        now=now,
    )
    b = _build_process(
        "b",
        facilitator=users["other_facilitator"],
        observer=b_observer,
        member=users["outsider"],
        teammate=b_teammate,
        second_member=b_second,
        now=now,
    )
    a.objects["teammate"] = teammate
    # The facilitator's personal API token for process A (the token pages).
    api_token = ApiToken(
        user_id=users["facilitator"].id,
        name="Raportointi",
        token_hash=f"{next(_numbers):064d}",
        hint="osa_matrix",
        created_at=now,
        expires_at=now + timedelta(days=30),
        processes=[a.process],
    )
    db.session.add(api_token)
    a.objects["api_token"] = api_token
    a.objects["user"] = users["participant"]
    b.objects["user"] = users["outsider"]
    db.session.commit()
    return World(users=users, a=a, b=b)


# Fixtures and helpers shared by the route-wide tests ------------------------------


@pytest.fixture(scope="module")
def matrix_world(_session_app):
    """The world, built once for a test module on the session's app and database."""
    ctx = _session_app.app_context()
    ctx.push()
    empty_tables(_session_app)
    try:
        world = build_world()
    except Exception:
        db.session.rollback()
        ctx.pop()
        empty_tables(_session_app)
        raise
    yield world
    db.session.rollback()
    db.session.remove()
    ctx.pop()
    limiter.reset()
    empty_tables(_session_app)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Many requests per account: the per-user write limits must not interfere."""
    limiter.reset()
    yield


def resolve(pw: ProcessWorld, value):
    """A URL argument's value: an ``Obj`` of the process world, or a literal."""
    from .route_expectations import Obj

    if isinstance(value, Obj):
        return getattr(pw[value.name], value.attribute)
    return value


def path_for(rule, values: dict) -> str:
    """The path of a rule with these argument values (no query string)."""
    return rule.build(values, append_unknown=False)[1]


def client_for(app, world: World, role: str):
    """A fresh test client, signed in as the role's account (by session)."""
    client = app.test_client()
    if role != "anonymous":
        user = world.user(role)
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
            session["last_seen"] = datetime.now(UTC).timestamp()
    return client


def fingerprint() -> dict:
    """Every row of every table: equal before and after means nothing was written."""
    db.session.commit()
    snapshot = {}
    with db.engine.connect() as conn:
        for table in db.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = conn.execute(sa.select(table).order_by(*order)).all()
            snapshot[table.name] = [tuple(row) for row in rows]
    return snapshot


def changed_tables(before: dict, after: dict) -> list[str]:
    return sorted(name for name in before if before[name] != after.get(name))


def is_login_redirect(response) -> bool:
    return response.status_code == 302 and "/login" in response.headers.get(
        "Location", ""
    )


def is_denied(role: str, response) -> bool:
    """Refused: 403 or 404, or for an anonymous visitor the way to sign in."""
    if response.status_code in (403, 404):
        return True
    return role == "anonymous" and is_login_redirect(response)
