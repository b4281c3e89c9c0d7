"""``flask export``: the summary of a process (or a phase) as a file.

    flask --app app export keski-uusimaa --format docx --out muistio.docx
    flask --app app export keski-uusimaa --format csv --kind votes --out votes.csv
    flask --app app export keski-uusimaa --kind annual --period 2025-2026 \
        --format docx --out vuosiraportti.docx

``--kind annual`` writes the follow-up's annual report of a period (Word or CSV)
instead of the summary; without ``--period`` the latest period with values.

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
from ..monitoring import report_files as annual
from ..monitoring.report import UnknownPeriod
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
    type=click.Choice((*KINDS, "annual")),
    default="comments",
    show_default=True,
    help="CSV: the comments with their themes, or the vote results; "
    "annual (docx or csv): the follow-up's annual report.",
)
@click.option(
    "--period",
    help="With --kind annual: the school year (2025-2026) or calendar year "
    "[default: the latest with values].",
)
def export_command(
    slug: str,
    fmt: str,
    out: Path,
    phase_id: int | None,
    lang: str | None,
    kind: str,
    period: str | None,
) -> None:
    """Write the themed summary (or the annual report) of process SLUG as a file."""
    process = _process(slug)
    phase = _phase(process, phase_id)
    if lang is not None and lang not in current_app.config["LANGUAGES"]:
        raise click.UsageError(f"Language {lang!r} is not in use.")
    if kind == "annual":
        _export_annual(process, fmt=fmt, out=out, language=lang, period=period)
        return
    if period is not None:
        raise click.UsageError("--period goes with --kind annual.")
    result = export(process, fmt=fmt, staff=True, phase=phase, language=lang, kind=kind)
    out.write_bytes(result.body)
    click.echo(f"Wrote {out} ({len(result.body)} bytes).")


def _export_annual(
    process: Process, *, fmt: str, out: Path, language: str | None, period: str | None
) -> None:
    """The annual report of the follow-up: Word or CSV only."""
    if fmt not in annual.FORMATS:
        raise click.UsageError(
            f"The annual report is made as docx or csv, not {fmt!r}."
        )
    try:
        result = annual.export_report(
            process, fmt=fmt, period=period, language=language
        )
    except UnknownPeriod:
        raise click.UsageError(
            f"Period {period!r} is neither a school year (2025-2026) nor a year (2026)."
        ) from None
    out.write_bytes(result.body)
    click.echo(f"Wrote {out} ({len(result.body)} bytes).")
