"""Organisations whose work groups take part in processes."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import UTCDateTime, str_enum, utcnow

if TYPE_CHECKING:
    from .groups import WorkGroup


class OrganisationKind(enum.StrEnum):
    MUNICIPALITY = "municipality"
    EDUCATION_PROVIDER = "education_provider"
    WELLBEING_COUNTY = "wellbeing_county"
    NGO = "ngo"
    OTHER = "other"


class Organisation(db.Model):
    __tablename__ = "organisations"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(160), unique=True)
    kind: so.Mapped[OrganisationKind] = so.mapped_column(
        str_enum(OrganisationKind, length=32),
        default=OrganisationKind.OTHER,
    )
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)

    work_groups: so.WriteOnlyMapped[WorkGroup] = so.relationship(
        back_populates="organisation", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"

    def process_ids(self) -> set[int]:
        """The processes that use this organisation: for a work group, an action's
        owner or a monitored value."""
        from .groups import WorkGroup
        from .monitoring import Action, Goal, Indicator, IndicatorValue

        statement = sa.union(
            sa.select(WorkGroup.process_id).where(WorkGroup.organisation_id == self.id),
            sa.select(Goal.process_id)
            .join(Action, Action.goal_id == Goal.id)
            .where(Action.owner_organisation_id == self.id),
            sa.select(Goal.process_id)
            .join(Indicator, Indicator.goal_id == Goal.id)
            .join(IndicatorValue, IndicatorValue.indicator_id == Indicator.id)
            .where(IndicatorValue.organisation_id == self.id),
        )
        return set(db.session.scalars(statement))

    def used_only_in_processes_of(self, user) -> bool:
        """True when every process using this organisation is one the user
        facilitates (an organisation nobody uses yet counts: its maker may fix it).

        A rename shows in every process that uses the organisation, so one
        facilitator must not rename another's.
        """
        from .processes import ProcessRole, ProcessRoleKind

        if user is None or not getattr(user, "is_authenticated", False):
            return False
        own = set(
            db.session.scalars(
                sa.select(ProcessRole.process_id).where(
                    ProcessRole.user_id == user.id,
                    ProcessRole.role == ProcessRoleKind.FACILITATOR,
                )
            )
        )
        return self.process_ids() <= own
