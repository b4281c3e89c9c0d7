"""Osallistamo: participatory workshops and online discussions for the public sector."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from flask import Flask

from config import Config, config_for


def create_app(
    config: type[Config] | str | None = None, overrides: Mapping | None = None
) -> Flask:
    """Build the application. No side effects: no migrations, no network calls."""
    app = Flask(
        __name__,
        template_folder="../templates",
        static_folder="../static",
        instance_relative_config=False,
    )
    config_class = config if isinstance(config, type) else config_for(config)
    app.config.from_object(config_class)
    if overrides:
        app.config.update(overrides)
    config_class.check(app.config)

    configure_logging(app)
    configure_proxies(app)
    configure_requests(app)
    configure_extensions(app)
    configure_jobs(app)
    configure_blueprints(app)
    configure_templates(app)
    configure_security(app)
    configure_errors(app)
    configure_cli(app)
    return app


def configure_logging(app: Flask) -> None:
    """Log our own events at LOG_LEVEL (development mail included), others' warnings."""
    if app.testing:
        return  # pytest's caplog collects the records
    logging.basicConfig(
        level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("osallistamo").setLevel(app.config["LOG_LEVEL"])


def configure_requests(app: Flask) -> None:
    """Read forms without NUL bytes and ids within range (app/requests.py)."""
    from .requests import configure_requests as configure

    configure(app)


def configure_proxies(app: Flask) -> None:
    """Trust X-Forwarded-For and -Proto from exactly the configured number of proxies.

    X-Forwarded-Host is never trusted: links are built on BASE_URL alone.
    """
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=0)


def configure_extensions(app: Flask) -> None:
    from . import models  # noqa: F401  (every table known to Alembic)
    from .auth.sessions import configure_sessions
    from .database import configure_database
    from .extensions import babel, csrf, limiter, migrate
    from .i18n import select_locale
    from .thread_versions import register as watch_thread_versions

    configure_database(app)
    watch_thread_versions()
    from .extensions import db

    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    limiter.init_app(app)
    configure_sessions(app)


def configure_blueprints(app: Flask) -> None:
    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .coding import bp as coding_bp
    from .discussions import bp as discussions_bp
    from .exports import bp as exports_bp
    from .followup import bp as followup_bp
    from .groups import bp as groups_bp
    from .main import bp as main_bp
    from .monitoring import bp as monitoring_bp
    from .privacy import bp as privacy_bp
    from .processes import bp as processes_bp
    from .public import bp as public_bp
    from .seminars import bp as seminars_bp
    from .surveys import bp as surveys_bp
    from .tokens import bp as tokens_bp
    from .voting import bp as voting_bp

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(processes_bp, url_prefix="/p")
    app.register_blueprint(discussions_bp, url_prefix="/p")
    app.register_blueprint(voting_bp, url_prefix="/p")
    app.register_blueprint(coding_bp, url_prefix="/p")
    app.register_blueprint(exports_bp, url_prefix="/p")
    app.register_blueprint(followup_bp, url_prefix="/p")
    app.register_blueprint(seminars_bp, url_prefix="/p")
    app.register_blueprint(monitoring_bp, url_prefix="/p")
    app.register_blueprint(surveys_bp, url_prefix="/p")
    app.register_blueprint(privacy_bp)
    app.register_blueprint(groups_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(public_bp, url_prefix="/open")
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(tokens_bp, url_prefix="/tokens")


def configure_templates(app: Flask) -> None:
    from .templating import register_template_helpers

    register_template_helpers(app)


def configure_security(app: Flask) -> None:
    from .security import register_security_headers

    register_security_headers(app)


def configure_errors(app: Flask) -> None:
    from .errors import register_error_handlers

    register_error_handlers(app)


def configure_jobs(app: Flask) -> None:
    """Comments that are new or changed go to the embedding worker after commit."""
    from .embeddings.queue import listen

    listen()


def configure_cli(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
