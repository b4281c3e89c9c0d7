"""Every model, imported here so Alembic and the app see all tables."""

from .base import TimestampMixin, UTCDateTime, utcnow
from .coding import TagStatus, ThemeTag
from .comments import (
    COMMENT_MAX_LENGTH,
    Comment,
    CommentFlag,
    CommentVersion,
    ModerationAction,
    ModerationEvent,
)
from .discussions import Discussion, Visibility
from .embeddings import CommentEmbedding
from .followup import FollowUpProposal, ProposalStatus, ProposalVersion
from .groups import (
    GroupMembership,
    WorkGroup,
    hash_invite_code,
    normalise_invite_code,
)
from .monitoring import (
    Action,
    ActionNote,
    ActionStatus,
    Direction,
    Goal,
    Indicator,
    IndicatorSource,
    IndicatorTarget,
    IndicatorValue,
    PeriodKind,
    ValueOrigin,
    scope_key_for,
)
from .organisations import Organisation, OrganisationKind
from .outbox import OutboxMessage
from .processes import (
    DeletedAccountComments,
    Phase,
    PhaseKind,
    Process,
    ProcessRole,
    ProcessRoleKind,
    Theme,
)
from .prompts import Prompt
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
from .surveys import QuestionKind, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
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
    "Action",
    "ActionNote",
    "ActionStatus",
    "DeletedAccountComments",
    "Direction",
    "Goal",
    "Indicator",
    "IndicatorSource",
    "IndicatorTarget",
    "IndicatorValue",
    "PeriodKind",
    "QuestionKind",
    "Survey",
    "SurveyAnswer",
    "SurveyQuestion",
    "SurveyResponse",
    "ValueOrigin",
    "scope_key_for",
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
    "CommentEmbedding",
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
    "hash_invite_code",
    "normalise_invite_code",
    "utcnow",
]
