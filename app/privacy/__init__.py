"""Privacy: own data, account deletion, process erasure, the privacy notice and the accessibility statement."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)

from . import routes_account, routes_pages, routes_process
