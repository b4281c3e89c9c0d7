"""Reads of the voting pages: what a ballot page loads with the ballot."""

from __future__ import annotations

import sqlalchemy.orm as so

from ..models import Ballot, BallotOption

#: The ballot with its phase and its themes in order, in the ballot's own statement:
#: the ballot, results and summary pages read all of them (one by one, each theme
#: would be a statement of its own).
BALLOT_WITH_THEMES = (
    so.joinedload(Ballot.phase),
    so.joinedload(Ballot.options).joinedload(BallotOption.theme),
)

#: The ballot with its phase (whose process every permission asks for): a
#: projector's poll, answered 304 when nothing changed, then costs one statement
#: for the ballot.
BALLOT_WITH_PHASE = (so.joinedload(Ballot.phase),)
