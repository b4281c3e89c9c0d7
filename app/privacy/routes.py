"""Views of the privacy blueprint (imports the route modules)."""

from . import routes_account, routes_pages, routes_process  # noqa: F401
