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
