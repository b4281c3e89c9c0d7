"""The framework's ceiling: a bare Flask app rendering a small template.

Served by the product benchmark (``bench/suite.py``) with the same gunicorn settings
as the app, in the same run: each scenario's requests a second are reported as a
share of this app's. ``gunicorn 'bench.ceiling:create_app()'``.
"""

from __future__ import annotations

from flask import Flask, render_template
from jinja2 import DictLoader

PAGE = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
<ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>
</main></body></html>
"""


def create_app() -> Flask:
    app = Flask(__name__)
    app.jinja_loader = DictLoader({"page.html": PAGE})

    @app.get("/")
    def page():
        items = [f"Kohta {n}" for n in range(10)]
        return render_template("page.html", title="Katto", items=items)

    @app.get("/healthz")
    def healthz():
        return "ok"

    return app
