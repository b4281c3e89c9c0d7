"""Views of the surveys blueprint (imports the route modules)."""

from . import routes_answer, routes_manage, routes_results  # noqa: F401
