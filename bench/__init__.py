"""Load scenarios against a real server (gunicorn on loopback) and their results."""
