"""``flask outbox``: send the waiting letters and see which are stuck."""

from __future__ import annotations

from datetime import UTC, datetime

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from ..extensions import db
from ..models import OutboxMessage
from .services import MAX_ATTEMPTS, send_pending

outbox_cli = AppGroup("outbox", help="Send queued mail and list what is waiting.")


@outbox_cli.command("send")
@click.option(
    "--limit",
    default=100,
    show_default=True,
    type=click.IntRange(min=1),
    help="Send at most this many letters.",
)
def send(limit: int) -> None:
    """Send the waiting letters (run it from cron); exit 1 when some failed."""
    report = send_pending(datetime.now(UTC), limit=limit)
    click.echo(f"Sent: {report.sent}. Failed: {report.failed}.")
    if report.failed:
        raise click.exceptions.Exit(1)


def unsent() -> list[OutboxMessage]:
    """Letters not sent yet: waiting ones and those that used up their attempts."""
    return list(
        db.session.scalars(
            sa.select(OutboxMessage)
            .where(OutboxMessage.sent_at.is_(None))
            .order_by(OutboxMessage.created_at, OutboxMessage.id)
        )
    )


@outbox_cli.command("list")
def list_messages() -> None:
    """List the unsent letters: id, kind, recipient, attempts, last error."""
    messages = unsent()
    if not messages:
        click.echo("No letters waiting.")
        return
    rows = [("ID", "KIND", "RECIPIENT", "ATTEMPTS", "LAST ERROR")]
    for message in messages:
        attempts = f"{message.attempts}/{MAX_ATTEMPTS}"
        error = " ".join((message.last_error or "-").split())
        rows.append((str(message.id), message.kind, message.recipient, attempts, error))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join(cells + [row[-1]]))
