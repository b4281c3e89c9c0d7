"""gunicorn settings read from this folder (command-line options still win)."""

import threading


def post_worker_init(worker):
    """Load the text-mining dictionaries in the background of each new worker, so the
    first theme suggestion does not wait for them and the worker answers at once."""
    from app.textmining import warm_up

    threading.Thread(target=warm_up, name="textmining-warm-up", daemon=True).start()
