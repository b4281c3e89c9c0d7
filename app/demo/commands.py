"""``flask demo``: load the Keski-Uusimaa demo process and show how to sign in to it."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale

from ..extensions import db
from ..groups.services import format_invite_code
from ..urls import external_url
from . import KESKI_UUSIMAA, demo_overview, has_processes, load_demo

demo_cli = AppGroup("demo", help="The Keski-Uusimaa demo process.")


@demo_cli.command("load")
@click.option(
    "--if-empty",
    is_flag=True,
    help="Load only when the database has no processes at all.",
)
@click.option(
    "--allow-production",
    is_flag=True,
    help="Load even with production settings (a local trial such as make serve).",
)
def load(if_empty: bool, allow_production: bool) -> None:
    """Create the demo process, accounts and work groups; loading again duplicates nothing."""
    # The demo accounts have a published password: never in production by accident.
    if current_app.config.get("ENV_NAME") == "production" and not allow_production:
        raise click.ClickException(
            "Refusing to load the demo with production settings: its accounts have a "
            "published password. Pass --allow-production for a local trial."
        )
    with force_locale("en"):
        if if_empty and has_processes():
            click.echo("The database already has processes: the demo was not loaded.")
            return
        report = load_demo(KESKI_UUSIMAA)
        db.session.commit()
    created = (
        ", ".join(f"{n} {kind}" for kind, n in sorted(report.created.items()))
        or "nothing new"
    )
    updated = ", ".join(f"{n} {kind}" for kind, n in sorted(report.updated.items()))
    click.echo(f"Demo process {report.process.slug} loaded. Created: {created}.")
    if updated:
        click.echo(f"Set back to the demo data: {updated}.")


@demo_cli.command("accounts")
def accounts() -> None:
    """Print the demo accounts with their password, and the work groups' invite codes."""
    overview = demo_overview(KESKI_UUSIMAA)
    if not overview.loaded:
        click.echo("The demo is not loaded. Load it with: flask --app app demo load")
        return
    click.echo(f"Sign in at {external_url('auth.login')}")
    width = max((len(a.email) for a in overview.accounts), default=0)
    for account in overview.accounts:
        password = (
            account.password if account.password_works else "(changed since loading)"
        )
        extra = (
            f", {account.process_role} of {overview.slug}"
            if account.process_role
            else ""
        )
        click.echo(
            f"  {account.email.ljust(width)}  {password}  {account.name} ({account.role}{extra})"
        )
    click.echo(f"Join a work group at {external_url('auth.join_code')} with its code:")
    for group in overview.groups:
        state = "" if group.invite_open else "  (invite closed)"
        click.echo(f"  {format_invite_code(group.invite_code)}  {group.name}{state}")
