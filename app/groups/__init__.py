from flask import Blueprint

bp = Blueprint("groups", __name__)

from . import routes, routes_groups, routes_invites, routes_organisations
