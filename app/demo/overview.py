"""What the demo offers for trying it out: its accounts and the codes of its work groups."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from ..auth import services as auth_services
from ..extensions import db
from ..models import Process, WorkGroup


@dataclass
class DemoAccount:
    email: str
    name: str
    role: str
    #: "facilitator" or "observer" of the demo process, or "".
    process_role: str
    password: str
    #: False when someone has changed the password since the demo was loaded.
    password_works: bool


@dataclass
class DemoGroup:
    name: str
    organisation: str
    invite_code: str
    invite_open: bool


@dataclass
class DemoOverview:
    slug: str
    #: False when the demo process is not in the database.
    loaded: bool
    accounts: list[DemoAccount] = field(default_factory=list)
    groups: list[DemoGroup] = field(default_factory=list)


def demo_overview(spec: dict) -> DemoOverview:
    """Describe the demo's accounts and work groups as they are in the database."""
    slug = spec["process"]["slug"]
    process = db.session.scalar(sa.select(Process).where(Process.slug == slug))
    overview = DemoOverview(slug=slug, loaded=process is not None)
    if process is None:
        return overview
    for data in spec["accounts"]:
        user = auth_services.find_user_by_email(data["email"])
        if user is None:
            continue
        role = data.get("process_role")
        overview.accounts.append(
            DemoAccount(
                email=user.email,
                name=user.name,
                role=user.role.value,
                process_role=role.value if role else "",
                password=spec["password"],
                password_works=user.check_password(spec["password"]),
            )
        )
    groups = db.session.scalars(
        sa.select(WorkGroup)
        .where(WorkGroup.process_id == process.id)
        .order_by(WorkGroup.name)
    )
    for group in groups:
        overview.groups.append(
            DemoGroup(
                name=group.name,
                organisation=group.organisation.name,
                invite_code=group.invite_code,
                invite_open=group.invite_open,
            )
        )
    return overview
