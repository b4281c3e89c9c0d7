"""``flask export``: the summary of a process (or a phase) as a file.

    flask --app app export keski-uusimaa --format docx --out muistio.docx
    flask --app app export keski-uusimaa --format csv --kind votes --out votes.csv

The command runs as the process's staff: a draft proposal is included. Unknown
processes and phases are usage errors (exit status 2) with a message saying which.
"""

from __future__ import annotations

from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app

from ..extensions import db
from ..models import Phase, Process
from .csv import KINDS
from .formats import FORMATS, export


def _process(slug: str) -> Process:
    process = db.session.scalar(sa.select(Process).where(Process.slug == slug))
    if process is None:
        raise click.UsageError(f"No process with the address {slug!r}.")
    return process


def _phase(process: Process, phase_id: int | None) -> Phase | None:
    if phase_id is None:
        return None
    phase = db.session.get(Phase, phase_id)
    if phase is None or phase.process_id != process.id:
        ids = ", ".join(str(p.id) for p in process.phases) or "none"
        raise click.UsageError(
            f"Process {process.slug!r} has no phase {phase_id} (its phases: {ids})."
        )
    return phase


@click.command("export")
@click.argument("slug")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(FORMATS),
    help="md, html (printable), docx (Word memo), csv (Excel) or json.",
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The file to write (replaced if it exists).",
)
@click.option("--phase", "phase_id", type=int, help="Only this phase (its id).")
@click.option(
    "--lang",
    type=click.Choice(("fi", "sv", "en")),
    help="Language of the summary [default: the process's language].",
)
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default="comments",
    show_default=True,
    help="CSV only: the comments with their themes, or the vote results.",
)
def export_command(
    slug: str, fmt: str, out: Path, phase_id: int | None, lang: str | None, kind: str
) -> None:
    """Write the themed summary of process SLUG as a file."""
    process = _process(slug)
    phase = _phase(process, phase_id)
    if lang is not None and lang not in current_app.config["LANGUAGES"]:
        raise click.UsageError(f"Language {lang!r} is not in use.")
    result = export(process, fmt=fmt, staff=True, phase=phase, language=lang, kind=kind)
    out.write_bytes(result.body)
    click.echo(f"Wrote {out} ({len(result.body)} bytes).")
