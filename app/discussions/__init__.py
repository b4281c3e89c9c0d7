from flask import Blueprint

bp = Blueprint("discussions", __name__)

from . import routes, routes_prompts
