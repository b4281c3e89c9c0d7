"""The outbox: queueing, sending over SMTP, the command line."""
