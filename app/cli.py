"""Flask commands: users, demo data, the outbox, embeddings, exports, backup and restore."""

from __future__ import annotations

from flask import Flask


def register_cli(app: Flask) -> None:
    """Attach the command groups (each lives beside its domain)."""
    from .admin.commands import users_cli
    from .backup.commands import backup_command, restore_command
    from .demo.commands import demo_cli
    from .embeddings.commands import embeddings_cli
    from .exports.commands import export_command
    from .outbox.commands import outbox_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(embeddings_cli)
    app.cli.add_command(export_command)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
