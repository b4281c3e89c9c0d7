"""Every model, imported here so Alembic and the app see all tables."""

from .base import TimestampMixin, UTCDateTime, utcnow
from .coding import (
    FollowUpProposal,
    ProposalStatus,
    ProposalVersion,
    TagStatus,
    ThemeTag,
)
from .comments import (
    COMMENT_MAX_LENGTH,
    Comment,
    CommentFlag,
    CommentVersion,
    ModerationAction,
    ModerationEvent,
)
from .discussions import Discussion, Prompt, Visibility
from .groups import GroupMembership, WorkGroup, new_invite_code, normalise_invite_code
from .organisations import Organisation, OrganisationKind
from .outbox import OutboxMessage
from .processes import Phase, PhaseKind, Process, ProcessRole, ProcessRoleKind, Theme
from .seminars import (
    AgendaItem,
    AgendaKind,
    FeelingMark,
    Seminar,
    Workshop,
    WorkshopChoice,
    WorkshopMemo,
    WorkshopMethod,
)
from .users import PasswordResetToken, Role, User
from .voting import (
    Ballot,
    BallotOption,
    ResultsVisibility,
    Vote,
    VoteEntry,
    VoterUnit,
    VotingMethod,
)

__all__ = [
    "FeelingMark",
    "WorkshopMemo",
    "AgendaItem",
    "AgendaKind",
    "Seminar",
    "Workshop",
    "WorkshopChoice",
    "WorkshopMethod",
    "FollowUpProposal",
    "ProposalStatus",
    "ProposalVersion",
    "TagStatus",
    "ThemeTag",
    "Ballot",
    "BallotOption",
    "ResultsVisibility",
    "Vote",
    "VoteEntry",
    "VoterUnit",
    "VotingMethod",
    "COMMENT_MAX_LENGTH",
    "Comment",
    "CommentFlag",
    "CommentVersion",
    "ModerationAction",
    "ModerationEvent",
    "OutboxMessage",
    "Discussion",
    "Prompt",
    "Visibility",
    "GroupMembership",
    "Organisation",
    "OrganisationKind",
    "PasswordResetToken",
    "Phase",
    "PhaseKind",
    "Process",
    "ProcessRole",
    "ProcessRoleKind",
    "Role",
    "Theme",
    "TimestampMixin",
    "UTCDateTime",
    "User",
    "WorkGroup",
    "new_invite_code",
    "normalise_invite_code",
    "utcnow",
]
