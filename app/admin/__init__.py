"""Administration of the installation's accounts: creating, roles, deactivating."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from . import labels, routes, routes_status
