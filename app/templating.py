"""Jinja globals and filters: permissions, translated texts, Helsinki dates."""

from __future__ import annotations

from flask import Flask, request, url_for
from flask_login import current_user

from . import i18n
from .permissions import can
from .urls import external_url


def language_switch_url(lang: str) -> str:
    """The link that switches to ``lang`` and comes back to the current page."""
    target = request.full_path if request.query_string else request.path
    return url_for("main.set_language", lang=lang, next=target)


def register_template_helpers(app: Flask) -> None:
    app.jinja_env.globals.update(
        can=lambda action, obj=None: can(current_user, action, obj),
        localized=i18n.localized,
        localized_lang=i18n.localized_lang,
        current_language=i18n.current_language,
        language_names=i18n.LANGUAGE_NAMES,
        language_switch_url=language_switch_url,
        external_url=external_url,
    )
    app.jinja_env.filters.update(
        datetime=i18n.format_datetime,
        date=i18n.format_date,
        time=i18n.format_time,
    )
    # After Flask-Babel's init_app, which installed its own.
    i18n.install_template_gettext(app.jinja_env)
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
