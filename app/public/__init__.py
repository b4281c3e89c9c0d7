"""Open data (issue 18): the public pages of processes a facilitator made public.

Anyone reads them without signing in: the process and its phases with their dates,
the summaries of closed discussions, the results of closed ballots, the published
follow-up proposal and the follow-up dashboard. Nothing else of the process is
shown; a process that is not public is simply not found here.
"""

from flask import Blueprint

bp = Blueprint("public", __name__)

from . import routes
