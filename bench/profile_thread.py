"""Where a thread page's time goes: the product suite's process under cProfile.

Run with the app's own environment from the project root::

    .venv/bin/python -m bench.profile_thread [--comments 2000] [--top 25]

It migrates and seeds a throwaway SQLite file with ``bench.product_seed`` (the
suite's process, smaller by default), signs in a participant of a group that has
answered (through its invite link) and the facilitator, and then, for each, times
the first page of a question's thread (the mean of ``--repeat`` requests), counts
its SQL statements and prints the functions that took the most time. No server, no
concurrency: this explains ``make bench``'s *read thread* figure, it is not one.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

from bench.profile_request import hidden, prepare

PROFILE_SORT = "cumulative"


def sign_in_participant(client, code: str) -> None:
    page = client.get(f"/join/{code}").text
    client.post(
        f"/join/{code}",
        data={"display_name": "Profiloija", "csrf_token": hidden(page, "csrf_token")},
    )


def sign_in_facilitator(client, seed: dict) -> None:
    page = client.get("/login").text
    client.post(
        "/login",
        data={
            "email": seed["facilitator_email"],
            "password": seed["facilitator_password"],
            "csrf_token": hidden(page, "csrf_token"),
        },
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30, help="requests per reader")
    parser.add_argument("--top", type=int, default=25, help="functions to show")
    parser.add_argument("--no-profile", action="store_true", help="times only")
    parser.add_argument(
        "--sort", default=PROFILE_SORT, help="pstats order: cumulative, tottime..."
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="osallistamo-profile-") as tmp:
        seed = prepare(
            Path(tmp),
            ("bench.product_seed", "--comments", str(args.comments)),
        )
        from sqlalchemy import event

        from app import create_app  # the settings above are read on import
        from app.extensions import db

        app = create_app(overrides={"PREFERRED_URL_SCHEME": "http"})
        with app.app_context():
            engine = db.engine
        path = (
            f"/p/{seed['slug']}/discussions/{seed['phase_id']}"
            f"/prompts/{seed['prompt_ids'][0]}/"
        )
        readers = {
            "participant": lambda c: sign_in_participant(c, seed["groups"][0][1]),
            "facilitator": lambda c: sign_in_facilitator(c, seed),
        }
        for reader, sign_in in readers.items():
            client = app.test_client()
            sign_in(client)
            assert client.get(path).status_code == 200, reader
            count = {"n": 0}

            def on_statement(*_args, _count=count, **_kwargs):
                _count["n"] += 1

            event.listen(engine, "before_cursor_execute", on_statement)
            started = time.perf_counter()
            for _ in range(args.repeat):
                client.get(path)
            elapsed = (time.perf_counter() - started) / args.repeat
            event.remove(engine, "before_cursor_execute", on_statement)
            print(
                f"\n== {reader}: GET {path}: {elapsed * 1000:.2f} ms per page,"
                f" {count['n'] / args.repeat:.0f} SQL statements"
            )
            if args.no_profile:
                continue
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.repeat):
                client.get(path)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(
                args.top
            )
            print(out.getvalue().split("\n", 6)[-1][:12000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
