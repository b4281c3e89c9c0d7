"""``flask users``: create and list accounts from the command line."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup
from flask_babel import force_locale

from ..auth.services import WeakPassword
from ..database import unique_write
from ..errors import DomainError, DuplicateName
from ..i18n import to_helsinki
from . import queries, services
from .letters import password_link

users_cli = AppGroup("users", help="Create and list accounts.")

#: Messages of the domain (password policy, errors) in English on the terminal.
CLI_LANGUAGE = "en"


def _read_password() -> str:
    password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise click.ClickException("No password on standard input.")
    return password


@users_cli.command("create")
@click.argument("email")
@click.option(
    "--role",
    required=True,
    type=click.Choice([role.value for role in services.ASSIGNABLE_ROLES]),
    help="The account's role in the whole installation.",
)
@click.option(
    "--name", default="", help="Shown to others; defaults to the part before @."
)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input instead of printing a set-password link.",
)
def create_user(email: str, role: str, name: str, password_stdin: bool) -> None:
    """Create an account; print a one-time link (72 h) to choose its password."""
    password = _read_password() if password_stdin else None
    with force_locale(CLI_LANGUAGE):
        try:
            with unique_write():
                user = services.create_account(
                    email=email, name=name, role=role, password=password
                )
                raw_token = (
                    None if password else services.issue_set_password_token(user)
                )
        except WeakPassword as error:
            reasons = "\n".join(f"  - {problem}" for problem in error.problems)
            raise click.ClickException(
                f"The password was refused:\n{reasons}"
            ) from None
        except DuplicateName:
            raise click.ClickException(
                f"An account with the email {email.strip().lower()} already exists."
            ) from None
        except DomainError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"Created the {user.role.value} account {user.email} ({user.name}).")
        if raw_token:
            hours = int(services.SET_PASSWORD_MAX_AGE.total_seconds() // 3600)
            click.echo(
                f"Give the person this one-time link to choose a password ({hours} hours):"
            )
            click.echo(password_link(raw_token))


@users_cli.command("list")
def list_users() -> None:
    """List every account: id, email, role, status, last sign-in (Helsinki time), name."""
    users = queries.all_users()
    if not users:
        click.echo("No accounts yet.")
        return
    rows = [("ID", "EMAIL", "ROLE", "STATUS", "LAST SIGN-IN", "NAME")]
    for user in users:
        last = (
            to_helsinki(user.last_login_at).strftime("%Y-%m-%d %H:%M")
            if user.last_login_at
            else "never"
        )
        rows.append(
            (
                str(user.id),
                user.email or "-",
                user.role.value,
                "active" if user.is_active_account else "inactive",
                last,
                user.name,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join(cells + [row[-1]]))
