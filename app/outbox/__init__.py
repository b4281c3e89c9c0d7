"""The outbox: letters are queued in the database and sent by ``flask outbox send``."""
