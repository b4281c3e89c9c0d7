"""The phone page's service worker, served under /p/ so that it may look after the
workshops' phone pages there (a worker's scope is its own folder and below).

The worker (static/js/live-sw.js) keeps the last copy of a phone page and the static
files, so a reload without a connection still shows the page and the notes kept on
the phone (IndexedDB, static/js/live-offline.js).
"""

from __future__ import annotations

from flask import current_app, send_from_directory

from . import bp


@bp.route("/live-sw.js")
def service_worker():
    """The live pages' service worker script (public: it holds no data)."""
    response = send_from_directory(
        current_app.static_folder,
        "js/live-sw.js",
        mimetype="text/javascript",
        max_age=0,
    )
    # Like every page: the browser asks again each time (it checks for updates).
    response.headers["Cache-Control"] = "no-store"
    return response
