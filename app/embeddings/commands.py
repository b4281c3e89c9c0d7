"""``flask embeddings``: fill in missing vectors, run the worker, see the state."""

from __future__ import annotations

import logging
import os
import signal
import time

import click
from flask import current_app
from flask.cli import AppGroup

from ..extensions import db
from .model import current, status
from .queue import queue_key, redis_client
from .services import BATCH, Report, count_stale, embed_comments, fill

log = logging.getLogger(__name__)

embeddings_cli = AppGroup(
    "embeddings", help="Sentence embeddings of comments (coding suggestions)."
)


def _model_or_exit():
    embedder = current()
    if embedder is None:
        click.echo(f"No embedding model: {status().reason}", err=True)
        raise click.exceptions.Exit(1)
    return embedder


def _say(report: Report) -> None:
    click.echo(
        f"Embedded: {report.embedded}. Unchanged: {report.unchanged}. "
        f"Failed: {len(report.failed)}."
    )


@embeddings_cli.command("status")
def show_status() -> None:
    """Which model is in use and how many comments wait for a vector."""
    state = status()
    if state.name is None:
        click.echo(f"Model: none ({state.reason})")
        return
    click.echo(f"Model: {state.name}")
    click.echo(f"Comments without a current vector: {count_stale(state.name)}")


@embeddings_cli.command("fill")
def fill_command() -> None:
    """Embed every comment whose vector is missing or stale, with a progress bar."""
    embedder = _model_or_exit()
    total = count_stale(embedder.name)
    db.session.commit()
    with click.progressbar(length=total, label="Embedding comments") as bar:
        report = fill(embedder, progress=bar.update)
    _say(report)
    if report.failed:
        raise click.exceptions.Exit(1)


@embeddings_cli.command("work")
@click.option(
    "--sweep-seconds",
    default=60,
    show_default=True,
    type=click.IntRange(min=1),
    help="How often to look for missing or stale vectors in the database.",
)
@click.option("--once", is_flag=True, help="Sweep once and stop (cron, tests).")
@click.option(
    "--idle/--no-idle",
    default=True,
    show_default=True,
    help="Run only on CPU time nobody else wants (Linux SCHED_IDLE); "
    "where there is no such class, --nice applies.",
)
@click.option(
    "--nice",
    "niceness",
    default=10,
    show_default=True,
    type=click.IntRange(0, 19),
    help="Without --idle, lower the worker's CPU priority by this much "
    "(0: as the web workers).",
)
def work(sweep_seconds: int, once: bool, idle: bool, niceness: int) -> None:
    """The embedding worker: takes comments queued in Redis (JOBS_REDIS_URL) as they
    come and sweeps the database for anything missed; without Redis, sweeps only."""
    # Before the model loads, so that its threads inherit the class.
    priority = _yield_cpu(idle, niceness)
    embedder = _model_or_exit()
    url = current_app.config.get("JOBS_REDIS_URL")
    client = redis_client(url) if url else None
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    click.echo(
        f"Embedding worker: {embedder.name}; "
        f"{'queue ' + queue_key() if client else 'no queue'}; "
        f"sweep every {sweep_seconds} s; {priority}."
    )
    next_sweep = 0.0
    while not stopping:
        try:
            if time.monotonic() >= next_sweep:
                report = fill(embedder)
                if report.embedded or report.failed:
                    log.info("sweep: %s", report)
                next_sweep = time.monotonic() + sweep_seconds
                if once:
                    return
            if client is None:
                time.sleep(min(1.0, sweep_seconds))
                continue
            ids = _take(client, timeout=max(1, int(next_sweep - time.monotonic())))
            if ids:
                report = embed_comments(ids, embedder)
                log.info("queued: %s", report)
        except Exception:  # a database or Redis hiccup: log, wait, go on
            db.session.rollback()
            log.exception("embedding worker step failed")
            time.sleep(2)


def _yield_cpu(idle: bool, niceness: int) -> str:
    """Give the web workers the CPU first. Embedding a note costs 0.05-0.2 s of CPU;
    on a server shared with the web workers a seminar hall's phones wait behind it
    even at nice 10 (a 300-phone room's p95: 102 ms without the worker, 138-404 ms
    with it), so by default
    the worker runs only when a core is otherwise idle and falls behind meanwhile:
    nothing is lost, the sweep and the queue catch up."""
    if idle and hasattr(os, "SCHED_IDLE"):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        return "runs on idle CPU only"
    if niceness:
        os.nice(niceness)
    return f"priority lowered by {niceness}"


def _take(client, timeout: int) -> list[int]:
    """Up to BATCH queued ids: wait for the first, take the rest that are there."""
    first = client.blpop([queue_key()], timeout=timeout)
    if first is None:
        return []
    raw = [first[1], *(client.lpop(queue_key(), BATCH - 1) or [])]
    ids = []
    for value in raw:
        try:
            ids.append(int(value))
        except ValueError:
            log.warning("ignoring a queue entry that is no id: %r", value)
    return sorted(set(ids))
