"""Domain errors raised by services, and the translated error pages."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError

from .extensions import db


class DomainError(Exception):
    """A rule of the domain refused an action; its message is shown to the user.

    A refusal is declared in one line with its lazy message:
    ``class NotAllowed(DomainError, message=_l("You are not allowed to do that.")): ...``
    """

    message = _l("The action could not be completed.")

    def __init_subclass__(cls, message=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if message is not None:
            cls.message = message

    def __init__(self, message=None):
        # Keep the message lazy: it is translated when shown, in the reader's language.
        if message is not None:
            self.message = message
        super().__init__(self.message)

    def __str__(self) -> str:
        return str(self.message)


class NotAllowed(DomainError, message=_l("You are not allowed to do that.")): ...


class InviteClosed(
    DomainError,
    message=_l("This invitation is closed. Ask your facilitator for a new link."),
): ...


class GroupFull(DomainError):
    """Every place of the work group is taken (issue 16: joining again and again
    must not multiply a group's votes)."""

    def __init__(self, seats: int):
        super().__init__(
            _l(
                "This work group is full (places: %(num)d). Ask your facilitator to "
                "add places to the group.",
                num=seats,
            )
        )


class InviteNotFound(
    DomainError,
    message=_l("No work group has this code. Check the code and try again."),
): ...


class InvalidToken(
    DomainError, message=_l("This link is invalid or has expired. Ask for a new one.")
): ...


class DuplicateName(DomainError, message=_l("That name is already in use.")): ...


class MissingTitle(
    DomainError,
    message=_l("Write the title at least in the main language of the process."),
): ...


class InvalidSchedule(
    DomainError, message=_l("The end must come after the start.")
): ...


class AccountNotFound(
    DomainError,
    message=_l("No account has this email. Ask an administrator to create it."),
): ...


class NotTeamEligible(
    DomainError, message=_l("Participants of work groups cannot be added to the team.")
): ...


class AlreadyInTeam(
    DomainError,
    message=_l(
        "This person is already in the team. Change their role in the list instead."
    ),
): ...


class LastFacilitator(
    DomainError,
    message=_l(
        "A process needs at least one facilitator. Make another person a facilitator first."
    ),
): ...


ERROR_TEXTS = {
    400: (
        _l("Bad request"),
        _l("The request could not be understood. Please go back and try again."),
    ),
    403: (_l("Access denied"), _l("You do not have permission to view this page.")),
    404: (
        _l("Page not found"),
        _l("The page you were looking for does not exist or has moved."),
    ),
    405: (_l("Method not allowed"), _l("This page cannot be used that way.")),
    413: (
        _l("Too much data"),
        _l(
            "What you sent was too large. Shorten the text or send fewer items at a time."
        ),
    ),
    429: (
        _l("Too many attempts"),
        _l("Too many attempts in a short time. Please wait a while and try again."),
    ),
    500: (
        _l("Something went wrong"),
        _l("An unexpected error occurred. It has been logged; please try again later."),
    ),
}


#: Where the JSON API lives: its errors are JSON in one shape, not pages.
API_PREFIX = "/api/"
#: The stable ``code`` of each status in the API's errors.
API_ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "rate_limited",
    500: "server_error",
}


def api_error(code: int, message: str):
    """``{"error": {"status", "code", "message"}}`` with the status."""
    response = jsonify(
        {
            "error": {
                "status": code,
                "code": API_ERROR_CODES.get(code, "error"),
                "message": str(message),
            }
        }
    )
    response.status_code = code
    return response


def _own_description(error) -> str | None:
    """A description the code gave (``abort(400, description=...)``), not the default."""
    description = getattr(error, "description", None)
    if not description or description == type(error).description:
        return None
    return description


def render_error(code: int, detail: str | None = None, error=None):
    title, text = ERROR_TEXTS.get(code, ERROR_TEXTS[500])
    if request.path.startswith(API_PREFIX):
        return api_error(code, detail or _own_description(error) or text)
    return render_template(
        "errors/error.html", code=code, title=title, text=detail or text
    ), code


def register_error_handlers(app: Flask) -> None:
    for code in (400, 403, 404, 405, 413, 429):
        app.register_error_handler(
            code, lambda e, code=code: render_error(code, error=e)
        )

    @app.errorhandler(CSRFError)
    def _csrf_error(error):
        return render_error(
            400,
            _l(
                "Your form expired or was sent from another page. Go back, reload the page and send it again."
            ),
        )

    @app.errorhandler(OverflowError)
    def _number_too_large(error):
        # An id or page number beyond any database integer names nothing that exists.
        db.session.rollback()
        return render_error(404)

    @app.errorhandler(DataError)
    def _data_refused(error):
        # The database refused a value (a number out of range, a NUL byte on
        # PostgreSQL): the request was bad, not the server.
        db.session.rollback()
        return render_error(400)

    @app.errorhandler(500)
    def _server_error(error):
        db.session.rollback()
        return render_error(500)
