"""Where one request's time goes: the seminar room's requests under cProfile.

Run with the app's own environment from the project root::

    .venv/bin/python -m bench.profile_request [--notes 600] [--top 25]

It migrates and seeds a throwaway SQLite file (``bench.seed``), signs a participant
in through an invite link with Flask's test client, fills the wall with ``--notes``
notes, and then profiles, one kind at a time: adding a note (the POST), the phone
page the 302 leads to, the projector fragment when the wall changed (200) and when
it did not (304). It prints each kind's mean time per request and the functions
that took the most time. No server, no concurrency: this explains a benchmark's
figures, it is not one (``bench/run.py`` is).

``--room`` profiles the requests of the room mix too (``bench/profile_room.py``): a
quick vote, a question, a like, and the questions page with ``--questions`` on it.
Embedding is off: in production the embedding worker does it, not the web process.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def hidden(html: str, name: str) -> str:
    for tag in re.finditer(r"<input\b[^>]*>", html):
        if f'name="{name}"' in tag.group(0):
            return re.search(r'value="([^"]*)"', tag.group(0)).group(1)
    raise ValueError(f"no {name} in the page")


def prepare_env(workdir: Path) -> None:
    """Point this process's settings at the SQLite file in ``workdir``."""
    os.environ.update(
        {
            "OSALLISTAMO_ENV": "production",
            "OSALLISTAMO_INSTANCE": str(workdir),
            "DATABASE_URL": f"sqlite:///{workdir / 'profile.db'}",
            "SECRET_KEY": "profile-only-secret-key-" + "x" * 24,
            "SESSION_COOKIE_SECURE": "false",
            "RATELIMIT_ENABLED": "false",
            "MAIL_SERVER": "",
            "BASE_URL": "http://127.0.0.1",
            "LOG_LEVEL": "WARNING",
            "EMBEDDINGS": "off",
        }
    )


def prepare(workdir: Path, seed: tuple[str, ...] = ("bench.seed",)) -> dict:
    """Migrate and seed a SQLite file (``seed``: the seeding module and its
    arguments); point this process's settings at it."""
    prepare_env(workdir)
    for command in (["flask", "--app", "app", "db", "upgrade"], list(seed)):
        done = subprocess.run(
            [sys.executable, "-m", *command],
            cwd=ROOT,
            env=os.environ.copy(),
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_one(engine, event, listeners, seen, before, call, repeat: int) -> None:
    """Print the SQL statements and the time inside transactions of one call.

    On SQLite a POST begins with BEGIN IMMEDIATE, so its time in a transaction is
    the time it holds the database's single write lock.
    """
    statements = held = 0.0
    for number in range(repeat):
        argument = before()
        seen.update(statements=0, held=0.0, begun=None)
        for what, listener in listeners:
            event.listen(engine, what, listener)
        call(argument, 50_000 + number)  # note numbers apart from the others
        for what, listener in listeners:
            event.remove(engine, what, listener)
        statements += seen["statements"]
        held += seen["held"]
    print(
        f"   {statements / repeat:.0f} SQL statements per request,"
        f" {held / repeat * 1000:.1f} ms inside a transaction"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=int, default=600, help="notes on the wall")
    parser.add_argument("--repeat", type=int, default=20, help="requests per kind")
    parser.add_argument("--top", type=int, default=20, help="functions to show")
    parser.add_argument(
        "--room", action="store_true", help="also the room mix's requests"
    )
    parser.add_argument(
        "--questions", type=int, default=300, help="questions asked first (--room)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="osallistamo-profile-") as tmp:
        seed = prepare(
            Path(tmp), ("bench.seed", "--quick-vote") if args.room else ("bench.seed",)
        )
        from app import create_app  # the settings above are read on import

        # Plain http like the benchmark's server (the test client takes its scheme
        # from this, and https would make CSRF insist on a Referer).
        app = create_app(overrides={"PREFERRED_URL_SCHEME": "http"})
        client = app.test_client()
        code = seed["invite_codes"][0]
        page = client.get(f"/join/{code}").text
        client.post(
            f"/join/{code}",
            data={
                "display_name": "Profiloija",
                "csrf_token": hidden(page, "csrf_token"),
            },
        )
        live = f"/p/{seed['slug']}/workshops/{seed['workshop_id']}/live"
        fragment = f"/p/{seed['slug']}/workshops/{seed['workshop_id']}/projector/live"

        def post_note(number: int, page: str):
            data = {
                name: hidden(page, name)
                for name in (
                    "note-csrf_token",
                    "note-submission_key",
                    "note-prompt_id",
                    "note-group_id",
                )
            }
            data.update({"note-body": f"Muistiinpano {number}", "note-submit": "1"})
            response = client.post(live, data=data)
            assert response.status_code == 302, response.status_code
            return response

        for number in range(args.notes):
            post_note(number, client.get(live).text)
        after = post_note(args.notes, client.get(live).text)
        location = after.headers["Location"].split("#")[0]
        if client.get(location).status_code != 200:
            print(f"!! GET {location} fails (HTTP 500): profiling {live} instead")
            location = live

        # name -> (unprofiled set-up giving the call's argument, the profiled call)
        kinds = {
            "POST phone page (add a note)": (
                lambda: client.get(live).text,
                lambda page, n: post_note(20_000 + n, page),
            ),
            f"GET {location} (the page after the note)": (
                lambda: None,
                lambda _, n: client.get(location),
            ),
            "GET projector fragment, wall changed (200)": (
                lambda: None,
                lambda _, n: client.get(fragment),
            ),
            "GET projector fragment, unchanged (304)": (
                lambda: client.get(fragment).headers["ETag"],
                lambda etag, n: client.get(fragment, headers={"If-None-Match": etag}),
            ),
        }
        if args.room:
            from .profile_room import room_kinds

            kinds.update(room_kinds(app, seed, client, hidden, args.questions))
        from sqlalchemy import event

        from app.extensions import db

        with app.app_context():
            engine = db.engine
        seen = {"statements": 0, "begun": None, "held": 0.0}

        def on_statement(*_args, **_kwargs):
            seen["statements"] += 1

        def on_begin(_connection):
            seen["begun"] = time.perf_counter()

        def on_end(_connection):
            if seen["begun"] is not None:
                seen["held"] += time.perf_counter() - seen["begun"]
                seen["begun"] = None

        listeners = [
            ("before_cursor_execute", on_statement),
            ("begin", on_begin),
            ("commit", on_end),
            ("rollback", on_end),
        ]

        for name, (before, call) in kinds.items():
            # First without the profiler: the real time per request.
            elapsed = 0.0
            statuses = set()
            for number in range(args.repeat):
                argument = before()
                started = time.perf_counter()
                response = call(argument, number)
                elapsed += time.perf_counter() - started
                statuses.add(response.status_code)
            print(
                f"\n== {name}: {elapsed / args.repeat * 1000:.1f} ms per request,"
                f" statuses {sorted(statuses)}, {args.notes} notes on the wall"
            )
            measure_one(engine, event, listeners, seen, before, call, args.repeat)
            profile = cProfile.Profile()
            for number in range(args.repeat):
                argument = before()
                profile.enable()
                call(argument, number)
                profile.disable()
            out = io.StringIO()
            stats = pstats.Stats(profile, stream=out)
            stats.sort_stats("cumulative").print_stats(args.top)
            print(out.getvalue().split("\n", 6)[-1][:6000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
