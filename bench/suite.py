"""The product benchmark (issue 19): every kind of visitor against one large process.

Run from the project root with the benchmark's own environment (``make bench``)::

    bench/.venv/bin/python -m bench.suite                      # SQLite, 2 workers
    bench/.venv/bin/python -m bench.suite --database postgres
    bench/.venv/bin/python -m bench.suite --smoke              # seconds, tiny sizes

Seeds a throwaway database (``bench/product_seed.py``: 10,000 comments from 200
groups, 500 groups, a live ballot, a seminar, a public process), serves it with
gunicorn on loopback, serves a bare Flask page (``bench/ceiling.py``) with the same
settings, and runs the scenarios one after another, each closed-loop (every client
sends its next request when the last one is answered) for ``--duration`` seconds.
Then it downloads the exports as the facilitator and reads the workers' peak memory.
Prints one table (Markdown) and writes ``bench/results/<time>-suite.json``.
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
import psutil  # noqa: E402
import requests  # noqa: E402
from locust.env import Environment  # noqa: E402

from . import suite_users as users  # noqa: E402
from .locustfile import hidden_value  # noqa: E402
from .report import percentile  # noqa: E402
from .run import RESULTS, CpuMeter, _no_nan, machine, stop_on_signals, wait_for  # noqa: E402
from .server import (  # noqa: E402
    DEFAULT_APP_PYTHON,
    ROOT,
    database,
    gunicorn,
    served,
    server_environment,
)

#: Settings besides the seminar room's. The limits are lifted for a capacity run:
#: every client comes from 127.0.0.1 and writes as fast as it is answered (429s would
#: measure the limiter, not the app). Embedding is off: in production a separate
#: worker embeds new comments (JOBS_REDIS_URL, docs/deployment.md); without one each
#: web worker embeds every new comment itself after its answer, and the post scenario
#: measured the model (3 comments a second, p50 24 s: in bench/results,
#: 20261207T170049-suite-embedding-in-web-workers.json).
LIFTED = {
    "COMMENT_LIMIT_PER_USER": "1000000 per minute",
    "API_RATE_LIMIT": "1000000 per minute",
    "EMBEDDINGS": "off",
}
COMMENTS = (
    "SELECT count(*) FROM comments JOIN prompts ON prompts.id = comments.prompt_id"
    " JOIN discussions ON discussions.id = prompts.discussion_id"
    " WHERE discussions.phase_id = :phase"
)
VOTE_REVISIONS = (
    "SELECT coalesce(sum(revision), 0) FROM votes WHERE ballot_id = :ballot"
)


@dataclass(frozen=True)
class Scenario:
    name: str
    user_classes: tuple
    key: str  #: the request whose latency the table shows
    clients: str = "clients"  #: the option giving the number of clients
    rows: str | None = None  #: SQL counting what the key request writes
    target: float | None = None  #: the issue's ratio to the ceiling (SQLite, 2 workers)
    ceiling: bool = False  #: served by the bare Flask app
    #: Paced, not closed loop: each client acts every ``pace`` seconds (at
    #: ``--duration`` 30; scaled with it) for twice ``--duration``.
    pace: float = 0.0


SCENARIOS = (
    Scenario("ceiling", (users.CeilingUser,), users.CEILING, ceiling=True),
    Scenario("read thread", (users.ThreadReader,), users.READ_THREAD, target=0.15),
    Scenario("post comment", (users.Poster,), users.POST_COMMENT, "writers",
             COMMENTS, 0.05),
    Scenario("vote", (users.Voter,), users.POST_VOTE, "writers", VOTE_REVISIONS, 0.08),
    Scenario("post comment, one every 10 s", (users.Poster,), users.POST_COMMENT,
             "writers", COMMENTS, pace=10.0),
    Scenario("vote, 500 groups in a minute", (users.Voter,), users.POST_VOTE,
             "writers", VOTE_REVISIONS, pace=6.0),
    Scenario("live view", (users.LiveViewer, users.PausingVoter), users.BALLOT_POLL,
             target=0.25),
    Scenario("API read", (users.ApiReader,), users.API_READ),
)  # fmt: skip
EXPORTS = ("docx", "csv", "json")
#: The issue's targets for the exports: seconds, and a worker's peak memory.
EXPORT_TARGET_S = {"docx": 5.0, "csv": 1.0, "json": 1.0}
MEMORY_TARGET_MB = 300
P95_TARGET_MS = 250.0
SMOKE = {"comments": 200, "groups": 30, "comment_groups": 10, "clients": 4,
         "writers": 4, "duration": 3.0, "workers": 1, "export_repeats": 1}  # fmt: skip


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    parser.add_argument("--clients", type=int, default=20, help="readers per scenario")
    parser.add_argument("--writers", type=int, default=100, help="posters, voters")
    parser.add_argument("--groups-per-voter", type=int, default=5)
    parser.add_argument("--duration", type=float, default=30, help="s per scenario")
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--comment-groups", type=int, default=200)
    parser.add_argument("--export-repeats", type=int, default=3)
    parser.add_argument(
        "--only", nargs="*", help="scenario names (ceiling always runs)"
    )
    parser.add_argument("--smoke", action="store_true", help=f"tiny sizes: {SMOKE}")
    parser.add_argument("--ratelimit-storage", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--app-python", type=Path, default=DEFAULT_APP_PYTHON)
    parser.add_argument("--output", type=Path, help="the JSON file to write")
    parser.add_argument("--keep", action="store_true", help="keep the logs' folder")
    args = parser.parse_args(argv)
    if args.smoke:
        for name, value in SMOKE.items():
            setattr(args, name, value)
    return args


def run_scenario(scenario: Scenario, args, host: str, server, pid: int) -> dict:
    """Sign the clients in, measure ``--duration`` seconds, let them finish; ``pid``
    is the gunicorn serving ``host`` (its CPU is the server's, not other work)."""
    seed = server.seed
    samples: list[tuple[str, str, float, int | None, bool]] = []
    failures: list[str] = []
    scale = args.duration / 30
    run = users.Run(host=host, seed=seed, groups_per_voter=args.groups_per_voter,
                    pace=scenario.pace * scale)  # fmt: skip
    duration = args.duration * (2 if scenario.pace else 1)

    def record(request_type, name, response_time, exception=None, **kw):
        response = kw.get("response")
        status = (
            getattr(response, "status_code", None) if response is not None else None
        )
        phase = (kw.get("context") or {}).get("phase", run.phase)
        samples.append((phase, name, response_time, status, exception is None))
        if exception is not None and len(failures) < 10:
            failures.append(f"{phase} {name}: {exception!r}")

    clients = getattr(args, scenario.clients)
    counts = [clients] + [1] * (len(scenario.user_classes) - 1)
    for user_class, count in zip(scenario.user_classes, counts, strict=True):
        user_class.fixed_count = count
    env = Environment(user_classes=list(scenario.user_classes), host=host)
    env.scenario = run
    env.events.request.add_listener(record)
    runner = env.create_local_runner()
    runner.start(sum(counts), spawn_rate=100)
    wait_for(lambda: run.signed_in + run.signin_failures >= sum(counts), 300,
             f"the {scenario.name} clients to sign in")  # fmt: skip
    before = server.scalar(scenario.rows, **seed_params(seed)) if scenario.rows else 0
    # PostgreSQL's server processes are the app's database, not other work.
    database = (
        server.database_url.rsplit("/", 1)[-1] if args.database == "postgres" else None
    )
    meter = CpuMeter(pid, database)
    meter.start()
    run.phase = users.MEASURE
    started = time.monotonic()
    gevent.sleep(duration)
    run.phase = users.DONE
    seconds = time.monotonic() - started
    cpu = meter.stop()
    wait_for(lambda: run.active == 0, 120, "the last actions to end")
    runner.quit()
    measured = [s for s in samples if s[0] == users.MEASURE]
    key = sorted(s[2] for s in measured if s[1] == scenario.key)
    answered = [s for s in measured if s[1] == scenario.key and s[4]]
    result = {
        "clients": sum(counts),
        "signin_failures": run.signin_failures,
        "seconds": round(seconds, 1),
        "requests": len(measured),
        "req_per_s": len(measured) / seconds,
        "key_request": scenario.key,
        "key_count": len(key),
        "key_per_s": len(key) / seconds,
        "p50_ms": percentile(key, 50),
        "p95_ms": percentile(key, 95),
        "p99_ms": percentile(key, 99),
        "errors": sum(not s[4] for s in samples if s[0] != users.SIGNIN),
        "failures": failures,
        "cpu": cpu,
        "by_request": {
            name: len([s for s in measured if s[1] == name])
            for name in sorted({s[1] for s in measured})
        },
    }
    if scenario.key == users.BALLOT_POLL:
        polls = [
            s for s in measured if s[1] in (users.BALLOT_POLL, users.WORKSHOP_POLL)
        ]
        result["share_304"] = sum(s[3] == 304 for s in polls) / max(1, len(polls))
        result["ballot_share_304"] = sum(s[3] == 304 for s in answered) / max(
            1, len(answered)
        )
    if scenario.rows:
        # Every accepted write of the scenario, whichever phase it started in.
        result["responses"] = sum(1 for s in samples if s[1] == scenario.key and s[4])
        result["rows_written"] = (
            server.scalar(scenario.rows, **seed_params(seed)) - before
        )
    return result


def seed_params(seed: dict) -> dict:
    return {"phase": seed["phase_id"], "ballot": seed["ballot_id"]}


def worker_memory(master_pid: int) -> dict[int, dict[str, float]]:
    """Each gunicorn worker's resident memory now and at its peak, in MB."""
    found = {}
    for child in psutil.Process(master_pid).children():
        try:
            status = Path(f"/proc/{child.pid}/status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        found[child.pid] = {
            name: int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM")
        }
    return found


def run_exports(args, server) -> dict:
    """The facilitator downloads each export ``--export-repeats`` times; the time of
    each, its size, the exported comments (CSV lines), and the workers' peak memory."""
    seed = server.seed
    session = requests.Session()
    page = session.get(server.url + "/login", timeout=60)
    session.post(server.url + "/login", timeout=60, allow_redirects=False, data={
        "email": seed["facilitator_email"], "password": seed["facilitator_password"],
        "csrf_token": hidden_value(page.text, "csrf_token")})  # fmt: skip
    memory_before = worker_memory(server.process.pid)
    results = {}
    for fmt in EXPORTS:
        times, errors, size, lines = [], 0, 0, None
        for _ in range(args.export_repeats):
            started = time.perf_counter()
            response = session.get(f"{server.url}/p/{seed['slug']}/summary.{fmt}",
                                   timeout=300, allow_redirects=False)  # fmt: skip
            times.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200
            size = len(response.content)
            if fmt == "csv":
                lines = response.text.count("\n")
        memory = worker_memory(server.process.pid)
        results[fmt] = {
            "repeats": len(times),
            "p50_ms": statistics.median(times),
            "max_ms": max(times),
            "errors": errors,
            "bytes": size,
            "csv_lines": lines,
            "worker_peak_mb": max((m["VmHWM"] for m in memory.values()), default=0),
        }
    results["workers_before_mb"] = memory_before
    results["workers_after_mb"] = worker_memory(server.process.pid)
    return results


def _ms(value) -> str:
    return "-" if value is None or value != value else f"{value:.0f}"


def table(result: dict) -> str:
    """The one table: a Markdown table, for the terminal and docs/performance.md."""
    scenarios, exports = result["scenarios"], result["exports"]
    ceiling = scenarios.get("ceiling", {}).get("req_per_s") or float("nan")
    rows = ["| scenario | clients | req/s | p50 | p95 | p99 | errors | rows written"
            " / responses | ratio to ceiling (target) | notes |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]  # fmt: skip
    for scenario in SCENARIOS:
        row = scenarios.get(scenario.name)
        if row is None:
            continue
        ratio = "paced" if scenario.pace else f"{row['req_per_s'] / ceiling:.1%}"
        target = f" (≥ {scenario.target:.0%})" if scenario.target else ""
        written = (f"{row['rows_written']} / {row['responses']}"
                   if "rows_written" in row else "")  # fmt: skip
        notes = [f"{row['key_request']}: {row['key_per_s']:.1f}/s"]
        if "share_304" in row:
            notes.append(f"304 share {row['share_304']:.0%}")
        if row["cpu"].get("database_cores_busy"):
            notes.append(f"database {row['cpu']['database_cores_busy']} cores")
        notes.append(f"other work {row['cpu']['other_cores_busy']} cores")
        rows.append(
            f"| {scenario.name} | {row['clients']} | {row['req_per_s']:.0f} |"
            f" {_ms(row['p50_ms'])} | {_ms(row['p95_ms'])} | {_ms(row['p99_ms'])} |"
            f" {row['errors']} | {written} | {ratio}{target} | {'; '.join(notes)} |"
        )
    for fmt in EXPORTS:
        row = exports.get(fmt)
        if row is None:
            continue
        rows.append(
            f"| export .{fmt} | 1 | {1000 / row['p50_ms']:.2f} | {_ms(row['p50_ms'])} |"
            f" {_ms(row['max_ms'])} | {_ms(row['max_ms'])} | {row['errors']} | | |"
            f" {row['repeats']}×, {row['bytes'] / 1e6:.1f} MB; worker peak"
            f" {row['worker_peak_mb']:.0f} MB (target < {EXPORT_TARGET_S[fmt]:.0f} s,"
            f" < {MEMORY_TARGET_MB} MB) |"
        )
    return "\n".join(rows)


def main(argv=None) -> int:
    args = parse_args(argv)
    stop_on_signals()
    began = datetime.now(UTC)
    load_before = os.getloadavg()
    workdir = Path(tempfile.mkdtemp(prefix="osallistamo-suite-"))
    wanted = [s for s in SCENARIOS if s.ceiling or not args.only or s.name in args.only]
    seed_command = ("bench.product_seed", "--comments", str(args.comments),
                    "--groups", str(args.groups),
                    "--comment-groups", str(args.comment_groups))  # fmt: skip
    scenarios: dict[str, dict] = {}
    try:
        with database(args.database, workdir, args.app_python) as database_url:
            seeding = time.monotonic()
            with served(database_url=database_url, workdir=workdir,
                        workers=args.workers, ratelimit_storage=args.ratelimit_storage,
                        app_python=args.app_python, seed=seed_command,
                        extra_env=LIFTED) as server:  # fmt: skip
                print(f"seeded and serving in {time.monotonic() - seeding:.0f} s at"
                      f" {server.url} ({args.workers} workers)", flush=True)  # fmt: skip
                env = server_environment(workdir, database_url,
                                         args.ratelimit_storage, ROOT)  # fmt: skip
                with gunicorn("bench.ceiling:create_app()", env=env, workdir=workdir,
                              workers=args.workers, app_python=args.app_python,
                              app_root=ROOT, name="ceiling") as (ceiling_url, bare, _l):  # fmt: skip
                    for scenario in wanted:
                        host, pid = (ceiling_url, bare.pid) if scenario.ceiling else (
                            server.url, server.process.pid)  # fmt: skip
                        scenarios[scenario.name] = run_scenario(
                            scenario, args, host, server, pid
                        )
                        row = scenarios[scenario.name]
                        print(f"{scenario.name}: {row['req_per_s']:.0f} req/s,"
                              f" {row['errors']} errors", flush=True)  # fmt: skip
                exports = run_exports(args, server)
    finally:
        if args.keep:
            print(f"the logs are kept in {workdir}", flush=True)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    result = {
        "benchmark": "product suite (issue 19)",
        "started_at": began.isoformat(timespec="seconds"),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "machine": machine(),
        "settings": {
            key: str(value) if isinstance(value, Path) else value
            for key, value in vars(args).items()
        }
        | {"lifted": LIFTED},  # fmt: skip
        "scenarios": scenarios,
        "exports": exports,
    }
    result["table"] = table(result)
    print()
    print(result["table"])
    print(f"\nload average before {result['load_average_before']},"
          f" after {result['load_average_after']}")  # fmt: skip
    output = args.output or RESULTS / (
        f"{began:%Y%m%dT%H%M%S}-suite" + ("-smoke" if args.smoke else "") + ".json"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(_no_nan(result), indent=2) + "\n")
    print(f"written {output}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("stopped; the servers, the database and the folder are gone")
