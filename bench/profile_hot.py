"""Where the vote, the live polls and the comments CSV spend their time, in-process.

Run with the app's own environment from the project root::

    .venv/bin/python -m bench.profile_hot --workdir /tmp/hot [--comments 10000]
    .venv/bin/python -m bench.profile_hot --workdir /tmp/hot --profile vote

The first run migrates and seeds a SQLite file in ``--workdir`` with
``bench.product_seed`` (the product suite's process); later runs with the same
``--workdir`` start from a copy of it (``--fresh`` seeds again). A voter of five
groups, a screen and the facilitator sign in with Flask's test client; then, for
each request of the suite's *vote*, *live view* and *export .csv* scenarios, it
prints the median CPU (and wall) time of ``--repeat`` requests and their SQL
statements; ``--profile NAME`` prints cProfile's view of one of them. To compare
two checkouts, run it from each one's root with the same ``--workdir``,
alternating. No server, no concurrency: this explains ``make bench``'s figures,
it is not one.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench.profile_request import hidden, prepare, prepare_env
from bench.profile_thread import sign_in_facilitator, sign_in_participant

SEED_FILE = "seed.json"
PRISTINE = "seeded.db"


def seeded(workdir: Path, comments: int, fresh: bool) -> dict:
    """The seed's output, seeding ``workdir`` first when it has none."""
    workdir.mkdir(parents=True, exist_ok=True)
    marker = workdir / SEED_FILE
    if fresh or not marker.exists():
        (workdir / "profile.db").unlink(missing_ok=True)
        seed = prepare(workdir, ("bench.product_seed", "--comments", str(comments)))
        shutil.copyfile(workdir / "profile.db", workdir / PRISTINE)
        marker.write_text(json.dumps(seed))
        return seed
    prepare_env(workdir)
    # Each run starts from the seed (a run's sign-ins fill the groups' seats).
    shutil.copyfile(workdir / PRISTINE, workdir / "profile.db")
    return json.loads(marker.read_text())


def requests_of(app, seed: dict):
    """name -> a function making one request (and checking its status)."""
    slug = seed["slug"]
    ballot_path = f"/p/{slug}/ballots/{seed['ballot_id']}/"
    voter = app.test_client()
    groups = seed["groups"][-5:]
    for _id, code in groups:
        sign_in_participant(voter, code)  # joins each group in turn
    csrf_token = hidden(voter.get(ballot_path).text, "csrf_token")
    themes = seed["theme_ids"]
    turn = {"n": 0}

    def vote():
        group_id = groups[turn["n"] % len(groups)][0]
        first = turn["n"] // len(groups)
        turn["n"] += 1
        data = {"csrf_token": csrf_token, "group_id": str(group_id), "submit": "1"}
        for n in range(3):
            data[f"theme-{themes[(first + n) % len(themes)]}"] = "y"
        posted = voter.post(ballot_path, data=data)
        assert posted.status_code == 302, posted.status_code
        page = voter.get(posted.headers["Location"])
        assert page.status_code == 200, page.status_code

    def ballot_page():
        page = voter.get(f"{ballot_path}?group={groups[1][0]}")
        assert page.status_code == 200, page.status_code

    viewer = app.test_client()
    code = seed["groups"][0][1]
    page = viewer.get(f"/join/{code}").text
    viewer.post(
        f"/join/{code}",
        data={"display_name": "Näyttö", "csrf_token": hidden(page, "csrf_token")},
    )

    def poll(path):
        tag = {"value": ""}

        def once():
            response = viewer.get(path, headers={"If-None-Match": tag["value"]})
            assert response.status_code in (200, 304), response.status_code
            if response.status_code == 200:  # changed since (a vote): the next is 304
                tag["value"] = response.headers["ETag"]

        return once

    facilitator = app.test_client()
    sign_in_facilitator(facilitator, seed)

    def export_csv():
        response = facilitator.get(f"/p/{slug}/summary.csv")
        assert response.status_code == 200, response.status_code

    return {
        "vote": vote,
        "ballot_page": ballot_page,
        "ballot_poll": poll(f"/p/{slug}/ballots/{seed['ballot_id']}/projector/live"),
        "workshop_poll": poll(
            f"/p/{slug}/workshops/{seed['workshop_id']}/projector/live"
        ),
        "csv": export_csv,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--fresh", action="store_true", help="seed again")
    parser.add_argument("--repeat", type=int, default=300, help="requests each")
    parser.add_argument("--csv-repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", help="request names")
    parser.add_argument("--profile", help="a request name to profile")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--json", action="store_true", help="medians as JSON")
    args = parser.parse_args(argv)
    seed = seeded(args.workdir, args.comments, args.fresh)
    from sqlalchemy import event

    from app import create_app
    from app.extensions import db

    app = create_app(overrides={"PREFERRED_URL_SCHEME": "http"})
    with app.app_context():
        engine = db.engine
    calls = requests_of(app, seed)
    names = args.only or list(calls)
    medians = {}
    for name in names:
        call = calls[name]
        repeat = args.csv_repeat if name == "csv" else args.repeat
        call()  # warm
        count = {"n": 0}

        def on_statement(*_args, _count=count, **_kwargs):
            _count["n"] += 1

        times, cpu = [], []
        event.listen(engine, "before_cursor_execute", on_statement)
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            call()
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        event.remove(engine, "before_cursor_execute", on_statement)
        # CPU time: on a shared machine the wall clock also counts others' work.
        medians[name] = statistics.median(cpu) * 1000
        if not args.json:
            print(
                f"{name}: median {medians[name]:.3f} ms of CPU"
                f" ({statistics.median(times) * 1000:.3f} ms wall) of {repeat},"
                f" {count['n'] / repeat:.1f} SQL statements"
            )
    if args.json:
        print(json.dumps(medians))
    if args.profile:
        call = calls[args.profile]
        repeat = args.csv_repeat if args.profile == "csv" else args.repeat
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(repeat):
            call()
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue()[:20000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
