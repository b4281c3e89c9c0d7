"""Follow-up and monitoring: goals with actions and indicators, and indicator values.

A process's goals are what its published follow-up proposal set out to change; each
goal has actions (who does what by when, and how it is going) and indicators (the
figures that show whether it changed, with targets).
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
import sqlalchemy.orm as so

from ..extensions import db
from .base import (
    DescribedMixin,
    TimestampMixin,
    UTCDateTime,
    str_enum,
    utcnow,
)
from .followup import FollowUpProposal
from .organisations import Organisation
from .processes import Process, Theme
from .users import User


class ActionStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Direction(enum.StrEnum):
    """Which way an indicator should move."""

    HIGHER = "higher"  #: higher is better: the target is a minimum
    LOWER = "lower"  #: lower is better: the target is a maximum


class IndicatorSource(enum.StrEnum):
    REPORT = "report"  #: a published report (e.g. the School Health Promotion study)
    SURVEY = "survey"  #: this process's own feedback survey
    MANUAL = "manual"  #: entered by hand by the facilitators


class PeriodKind(enum.StrEnum):
    SCHOOL_YEAR = "school_year"  #: written "2025-2026"
    CALENDAR_YEAR = "calendar_year"  #: written "2026"


class ValueOrigin(enum.StrEnum):
    """How a value got into the database."""

    MANUAL = "manual"
    IMPORT = "import"
    SURVEY = "survey"


class Goal(DescribedMixin, TimestampMixin, db.Model):
    """A goal of a process's follow-up, e.g. "communal work in the region's schools"."""

    __tablename__ = "goals"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    process_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Process.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    #: The published proposal this goal was drawn from (None: written directly).
    proposal_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(FollowUpProposal.id, ondelete="SET NULL")
    )
    #: The proposal's theme this goal was drawn from (drawing again skips it).
    theme_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Theme.id, ondelete="SET NULL")
    )

    process: so.Mapped[Process] = so.relationship(
        backref=so.backref(
            "goals",
            order_by="Goal.position",
            cascade="all, delete-orphan",
            passive_deletes=True,
        )
    )
    actions: so.Mapped[list[Action]] = so.relationship(
        back_populates="goal",
        order_by="Action.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    indicators: so.Mapped[list[Indicator]] = so.relationship(
        back_populates="goal",
        order_by="Indicator.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"<Goal {self.id} #{self.position}>"


class Action(TimestampMixin, db.Model):
    """Something an organisation does for a goal, by a date, with a status."""

    __tablename__ = "goal_actions"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    goal_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Goal.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    #: Written in the process's language (actions are working notes, not translated).
    title: so.Mapped[str] = so.mapped_column(sa.String(300))
    description: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    description_html: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    owner_organisation_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Organisation.id, ondelete="SET NULL"), index=True
    )
    due_on: so.Mapped[date | None] = so.mapped_column(sa.Date)
    #: The status of the newest status note (kept here so lists need no join).
    status: so.Mapped[ActionStatus] = so.mapped_column(
        str_enum(ActionStatus), default=ActionStatus.PLANNED
    )

    goal: so.Mapped[Goal] = so.relationship(back_populates="actions")
    owner: so.Mapped[Organisation | None] = so.relationship()
    notes: so.Mapped[list[ActionNote]] = so.relationship(
        back_populates="action",
        order_by="(ActionNote.noted_on.desc(), ActionNote.id.desc())",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def process(self) -> Process:
        return self.goal.process

    def __repr__(self) -> str:
        return f"<Action {self.id} {self.status.value}>"


class ActionNote(db.Model):
    """A dated status note of an action: what happened, and the status it left."""

    __tablename__ = "action_notes"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    action_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Action.id, ondelete="CASCADE"), index=True
    )
    #: The day the note is about (may be earlier than the day it was written).
    noted_on: so.Mapped[date] = so.mapped_column(sa.Date)
    status: so.Mapped[ActionStatus] = so.mapped_column(str_enum(ActionStatus))
    body: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    body_html: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    created_at: so.Mapped[datetime] = so.mapped_column(UTCDateTime, default=utcnow)
    created_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )

    action: so.Mapped[Action] = so.relationship(back_populates="notes")
    created_by: so.Mapped[User | None] = so.relationship()

    @property
    def process(self) -> Process:
        return self.action.process


class Indicator(DescribedMixin, TimestampMixin, db.Model):
    """A monitored figure of a goal, e.g. "share of communal work of working time"."""

    __tablename__ = "indicators"

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    goal_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Goal.id, ondelete="CASCADE"), index=True
    )
    position: so.Mapped[int] = so.mapped_column(default=0)
    #: Shown after each value: "%", "pupils", "1–5"...
    unit: so.Mapped[str] = so.mapped_column(sa.String(40), default="")
    direction: so.Mapped[Direction] = so.mapped_column(
        str_enum(Direction), default=Direction.HIGHER
    )
    source: so.Mapped[IndicatorSource] = so.mapped_column(
        str_enum(IndicatorSource), default=IndicatorSource.MANUAL
    )
    #: Which report or register, e.g. "Kouluterveyskysely (THL)".
    source_detail: so.Mapped[str] = so.mapped_column(sa.String(300), default="")
    period_kind: so.Mapped[PeriodKind] = so.mapped_column(
        str_enum(PeriodKind), default=PeriodKind.SCHOOL_YEAR
    )

    goal: so.Mapped[Goal] = so.relationship(back_populates="indicators")
    targets: so.Mapped[list[IndicatorTarget]] = so.relationship(
        back_populates="indicator",
        order_by="IndicatorTarget.subgroup",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    values: so.Mapped[list[IndicatorValue]] = so.relationship(
        back_populates="indicator",
        order_by="(IndicatorValue.period, IndicatorValue.scope_key, "
        "IndicatorValue.subgroup)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def process(self) -> Process:
        return self.goal.process

    def __repr__(self) -> str:
        return f"<Indicator {self.id} {self.direction.value}>"


class IndicatorTarget(db.Model):
    """The target of an indicator, for one subgroup or (subgroup "") for the whole.

    E.g. communal work: psychologists and curators 30 %, school nurses 15 %.
    """

    __tablename__ = "indicator_targets"
    __table_args__ = (sa.UniqueConstraint("indicator_id", "subgroup"),)

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    indicator_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Indicator.id, ondelete="CASCADE"), index=True
    )
    #: A professional or other group the figure is split by; "" means all of them.
    subgroup: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    value: so.Mapped[float] = so.mapped_column(sa.Float)

    indicator: so.Mapped[Indicator] = so.relationship(back_populates="targets")


def scope_key_for(organisation_id: int | None, area: str) -> str:
    """The key that makes one value per (period, organisation or area, subgroup)."""
    if organisation_id is not None:
        return f"org:{organisation_id}"
    area = (area or "").strip()
    return f"area:{area.casefold()}" if area else "region"


class IndicatorValue(db.Model):
    """One figure of an indicator for a period, a place and a subgroup."""

    __tablename__ = "indicator_values"
    __table_args__ = (
        sa.UniqueConstraint("indicator_id", "period", "scope_key", "subgroup"),
    )

    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    indicator_id: so.Mapped[int] = so.mapped_column(
        sa.ForeignKey(Indicator.id, ondelete="CASCADE"), index=True
    )
    #: "2025-2026" for a school year, "2026" for a calendar year.
    period: so.Mapped[str] = so.mapped_column(sa.String(9))
    organisation_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(Organisation.id, ondelete="RESTRICT"), index=True
    )
    #: An area instead of an organisation (e.g. "Pohjoinen alue"); both empty: the
    #: whole region.
    area: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    #: ``scope_key_for(organisation_id, area)``; set by the services.
    scope_key: so.Mapped[str] = so.mapped_column(sa.String(140))
    subgroup: so.Mapped[str] = so.mapped_column(sa.String(120), default="")
    value: so.Mapped[float] = so.mapped_column(sa.Float)
    note: so.Mapped[str] = so.mapped_column(sa.Text, default="")
    origin: so.Mapped[ValueOrigin] = so.mapped_column(
        str_enum(ValueOrigin), default=ValueOrigin.MANUAL
    )
    entered_at: so.Mapped[datetime] = so.mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )
    entered_by_id: so.Mapped[int | None] = so.mapped_column(
        sa.ForeignKey(User.id, ondelete="SET NULL")
    )

    indicator: so.Mapped[Indicator] = so.relationship(back_populates="values")
    organisation: so.Mapped[Organisation | None] = so.relationship()
    entered_by: so.Mapped[User | None] = so.relationship()

    @property
    def process(self) -> Process:
        return self.indicator.process
