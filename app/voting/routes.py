"""Loading ballots for the voting views (the views live in routes_*.py)."""

from flask import abort
from flask_login import current_user

from ..extensions import db
from ..models import Ballot, Process
from ..permissions import require
from ..web import get_process_or_404


def get_ballot_or_404(process: Process, ballot_id: int) -> Ballot:
    """A ballot of this process (another process's id is simply not found)."""
    ballot = db.session.get(Ballot, ballot_id)
    if ballot is None or ballot.phase.process_id != process.id:
        abort(404)
    return ballot


def load(slug: str, ballot_id: int, action: str) -> tuple[Process, Ballot]:
    """The process and ballot of a URL, after checking the action on the process."""
    process = get_process_or_404(slug)
    require(current_user, action, process)
    return process, get_ballot_or_404(process, ballot_id)
