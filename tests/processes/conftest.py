"""A process with every kind of person around it, for the set-up screens' tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.models import Phase, Process, ProcessRole, Role, Theme, User


@dataclass
class Cast:
    """One process with its phase, theme and team, and the people the tests sign in as."""

    process: Process
    phase: Phase
    theme: Theme
    other_process: Process
    other_phase: Phase
    other_theme: Theme
    admin: User
    facilitator: User
    observer: User
    participant: User
    other_facilitator: User
    facilitator_role: ProcessRole
    observer_role: ProcessRole
    other_role: ProcessRole

    def person(self, who: str) -> User | None:
        """The user behind a role name used in parametrised tests (None: anonymous)."""
        return None if who == "anonymous" else getattr(self, who)

    def url(self, template: str) -> str:
        """Fill a URL template such as "/p/{slug}/phases/{phase_id}/edit"."""
        return template.format(
            slug=self.process.slug,
            phase_id=self.phase.id,
            theme_id=self.theme.id,
            member_id=self.observer_role.id,
            other_phase_id=self.other_phase.id,
            other_theme_id=self.other_theme.id,
            other_member_id=self.other_role.id,
        )


@pytest.fixture()
def cast(create_user, create_process, create_group, create_phase, create_theme) -> Cast:
    """Build the process, a second process run by someone else, and their people."""
    admin = create_user(Role.ADMIN)
    facilitator = create_user(Role.FACILITATOR, name="Fiia Fasilitaattori")
    observer = create_user(Role.MEMBER, name="Olli Observoija")
    participant = create_user(Role.PARTICIPANT, name="Pekka Osallistuja")
    other_facilitator = create_user(Role.FACILITATOR, name="Toini Toinen")
    process = create_process(facilitator=facilitator, observer=observer, language="fi")
    create_group(process, members=(participant,))
    other_process = create_process(facilitator=other_facilitator)

    def role_of(proc: Process, user: User) -> ProcessRole:
        return next(r for r in proc.roles if r.user_id == user.id)

    return Cast(
        process=process,
        phase=create_phase(process),
        theme=create_theme(process),
        other_process=other_process,
        other_phase=create_phase(other_process),
        other_theme=create_theme(other_process),
        admin=admin,
        facilitator=facilitator,
        observer=observer,
        participant=participant,
        other_facilitator=other_facilitator,
        facilitator_role=role_of(process, facilitator),
        observer_role=role_of(process, observer),
        other_role=role_of(other_process, other_facilitator),
    )


@pytest.fixture()
def sign_in(client, auth, cast):
    """Sign in as a role name of the cast ("anonymous" stays signed out).

    The interface is switched to English so the tests read the source texts,
    whatever the Finnish and Swedish catalogues say.
    """

    def _sign_in(who: str) -> User | None:
        with client.session_transaction() as session:
            session["lang"] = "en"
        user = cast.person(who)
        if user is not None:
            auth.login_as(user)
        return user

    return _sign_in
