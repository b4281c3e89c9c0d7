"""The seminar-room benchmark: 150 phones adding notes in one minute, 3 projectors.

Run from the project root with the benchmark's own environment (``make bench``
creates it)::

    bench/.venv/bin/python -m bench.run                       # SQLite
    bench/.venv/bin/python -m bench.run --database postgres   # PostgreSQL
    bench/.venv/bin/python -m bench.run --mix room            # 300 phones, issue 17

``--mix room`` (``bench/mixed_room.py``) is issue 17's room: 300 phones adding
notes, voting in an open quick vote, and sending and liking questions to the
speaker, with the stage's screen of questions polling beside the projectors.

It migrates and seeds a throwaway database, serves it with gunicorn on a free
loopback port, signs the clients in through the invite links, and then runs the
timeline: a warm-up (not counted), the measured minute, a quiet spell in which only
the projectors poll, and a burst in which every participant sends a note at the same
moment. Latency is measured on the client, per request. The figures are printed and
written as JSON under ``bench/results/``.
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
import psutil  # noqa: E402
from locust.env import Environment  # noqa: E402

from . import locustfile as room  # noqa: E402
from . import mixed_room  # noqa: E402
from .report import Sample, print_summary, summarise, verdict  # noqa: E402
from .server import BENCH_JOIN_LIMIT, DEFAULT_APP_PYTHON, ROOT, database, served  # noqa: E402
from .wall_freshness import wall_freshness  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument(
        "--mix",
        choices=("notes", "room"),
        default="notes",
        help="notes: phones add notes (issue 6); room: notes, quick votes, questions"
        " and likes (issue 17, bench/mixed_room.py)",
    )
    parser.add_argument(
        "--clients", type=int, help="participants (150; 300 with --mix room)"
    )
    parser.add_argument("--projectors", type=int, default=3)
    parser.add_argument("--warmup", type=float, default=10, help="seconds, not counted")
    parser.add_argument("--duration", type=float, default=60, help="measured seconds")
    parser.add_argument("--quiet", type=float, default=15, help="seconds, no notes")
    parser.add_argument(
        "--think",
        type=float,
        nargs=2,
        default=(10.0, 30.0),
        metavar=("MIN", "MAX"),
        help="seconds a participant takes between notes (uniform)",
    )
    parser.add_argument("--no-burst", dest="burst", action="store_false")
    parser.add_argument(
        "--phone-polling",
        action="store_true",
        help="phones also poll their notes every 2.5 s, as live-poll.js does",
    )
    parser.add_argument(
        "--embeddings",
        choices=("worker", "web", "off"),
        default="worker",
        help="worker: an embedding worker beside gunicorn, fed through Redis, as in"
        " production; web: each web worker embeds its new notes after answering (the"
        " app's default without JOBS_REDIS_URL); off",
    )
    parser.add_argument(
        "--ratelimit-storage",
        default="redis://127.0.0.1:6379/0",
        help="as in production (Redis); memory:// counts per worker",
    )
    parser.add_argument("--app-python", type=Path, default=DEFAULT_APP_PYTHON)
    parser.add_argument(
        "--app-root",
        type=Path,
        default=ROOT,
        help="the checkout to serve (another one to compare two versions)",
    )
    parser.add_argument("--output", type=Path, help="the JSON file to write")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0,
        metavar="SECONDS",
        help="first wait up to this long for other work on the machine to end",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder with the logs"
    )
    args = parser.parse_args(argv)
    if args.clients is None:
        args.clients = 300 if args.mix == "room" else 150
    return args


class CpuMeter:
    """Where the machine's CPU went between two points: the gunicorn workers, the
    database's server processes (PostgreSQL), the embedding worker (when one runs),
    this driver, and everything else."""

    def __init__(
        self,
        server_pid: int,
        database_name: str | None,
        embedder_pid: int | None = None,
    ):
        self.server = psutil.Process(server_pid)
        self.database_name = database_name
        self.embedder = psutil.Process(embedder_pid) if embedder_pid else None
        self.me = psutil.Process()

    def _processes(self) -> dict[str, list[psutil.Process]]:
        groups = {"server": [self.server, *self.server.children(recursive=True)]}
        groups["embedder"] = [self.embedder] if self.embedder else []
        groups["database"] = []
        if self.database_name:
            for process in psutil.process_iter(["cmdline"]):
                if self.database_name in " ".join(process.info["cmdline"] or []):
                    groups["database"].append(process)
        groups["driver"] = [self.me]
        return groups

    @staticmethod
    def _busy(process: psutil.Process) -> float:
        try:
            times = process.cpu_times()
        except psutil.Error:
            return 0.0
        return times.user + times.system

    def _snapshot(self) -> dict:
        machine = psutil.cpu_times()
        return {
            "at": time.monotonic(),
            "machine": sum(machine) - machine.idle - getattr(machine, "iowait", 0),
            "groups": {
                name: {p.pid: self._busy(p) for p in processes}
                for name, processes in self._processes().items()
            },
        }

    def start(self) -> None:
        self.began = self._snapshot()

    def stop(self) -> dict:
        end = self._snapshot()
        wall = end["at"] - self.began["at"]
        result = {"seconds": round(wall, 1)}
        accounted = 0.0
        for name, pids in end["groups"].items():
            before = self.began["groups"].get(name, {})
            used = sum(busy - before.get(pid, 0.0) for pid, busy in pids.items())
            accounted += used
            result[f"{name}_cores_busy"] = round(used / wall, 2)
        machine = (end["machine"] - self.began["machine"]) / wall
        result["machine_cores_busy"] = round(machine, 2)
        # Other work on the same machine (the cores are shared): worth a re-run if high.
        result["other_cores_busy"] = round(max(0.0, machine - accounted / wall), 2)
        return result


def wait_until_idle(limit_s: float, busy_below: float = 0.25) -> float:
    """Wait up to ``limit_s`` for the machine to be idle; return the busy cores seen."""
    deadline = time.monotonic() + limit_s
    while True:
        before = psutil.cpu_times()
        time.sleep(2)
        after = psutil.cpu_times()
        idle = (after.idle - before.idle) + (after.iowait - before.iowait)
        busy = max(0.0, (sum(after) - sum(before) - idle) / 2)
        if busy < busy_below or time.monotonic() > deadline:
            return round(busy, 2)
        print(f"waiting for an idle machine: {busy:.2f} cores busy", flush=True)
        time.sleep(3)


def wait_for(condition, timeout: float, what: str, fatal: bool = True) -> bool:
    """Wait for ``condition``; past ``timeout`` raise (``fatal``) or return False."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            if not fatal:
                print(f"!! timed out waiting for {what}", flush=True)
                return False
            raise RuntimeError(f"timed out waiting for {what}")
        gevent.sleep(0.1)
    return True


def run_timeline(args, server) -> tuple[list[Sample], dict, room.Scenario]:
    """Sign the clients in, then warm-up, measured minute, quiet spell, burst."""
    mixed = args.mix == "room"
    scenario = (mixed_room.RoomScenario if mixed else room.Scenario)(
        host=server.url,
        seed=server.seed,
        think=tuple(args.think),
        phone_polling=args.phone_polling,
        burst=args.burst,
    )
    samples: list[Sample] = []
    failures: list[str] = []

    def record(request_type, name, response_time, exception=None, **kw):
        response = kw.get("response")
        status = (
            getattr(response, "status_code", None) if response is not None else None
        )
        phase = (kw.get("context") or {}).get("phase", scenario.phase)
        samples.append(Sample(phase, name, response_time, status, exception is None))
        if exception is not None and len(failures) < 20:
            failures.append(f"{phase} {name}: {exception!r}")

    phone = mixed_room.RoomPhone if mixed else room.Participant
    phone.fixed_count = args.clients
    room.Projector.fixed_count = args.projectors
    users = [phone, room.Projector] + ([mixed_room.StageScreen] if mixed else [])
    env = Environment(user_classes=users, host=server.url)
    env.scenario = scenario
    env.events.request.add_listener(record)

    def user_error(user_instance, exception, tb):
        if len(failures) < 20:
            failures.append(f"{type(user_instance).__name__} crashed: {exception!r}")

    env.events.user_error.add_listener(user_error)
    runner = env.create_local_runner()
    total = sum(user.fixed_count for user in users)
    started = time.monotonic()
    runner.start(total, spawn_rate=50)
    wait_for(
        lambda: scenario.signed_in + scenario.signin_failures >= total,
        120,
        "the clients to sign in",
    )
    signin_seconds = time.monotonic() - started
    print(
        f"signed in {scenario.signed_in} clients in {signin_seconds:.1f} s", flush=True
    )
    if scenario.signin_failures:
        raise RuntimeError(f"{scenario.signin_failures} clients could not sign in")
    name = (
        server.database_url.rsplit("/", 1)[-1] if args.database == "postgres" else None
    )
    meter = CpuMeter(
        server.process.pid, name, server.embedder.pid if server.embedder else None
    )
    meter.start()
    gevent.sleep(3)  # the machine before the load: other work shares the cores
    cpu = {"before": meter.stop()}
    scenario.phase = room.WARMUP
    scenario.writing.set()
    gevent.sleep(args.warmup)
    scenario.phase = room.MEASURE
    meter.start()
    print(f"measuring for {args.duration:.0f} s", flush=True)
    gevent.sleep(args.duration)
    cpu["measure"] = meter.stop()
    scenario.phase = room.QUIET
    meter.start()
    gevent.sleep(args.quiet)
    cpu["quiet"] = meter.stop()
    if args.burst:
        scenario.phase = room.BURST
        meter.start()
        scenario.burst_go.set()
        # Not fatal: the figures of the minute stand even if a phone never finishes.
        wait_for(
            lambda: scenario.burst_done >= args.clients, 180, "the burst", fatal=False
        )
        cpu["burst"] = meter.stop()
        cpu["burst_done"] = scenario.burst_done
    scenario.phase = room.DONE
    scenario.finished.set()
    gevent.sleep(0.5)
    runner.quit()
    for failure in failures:
        print("failed:", failure, flush=True)
    if cpu["measure"]["other_cores_busy"] > 0.3:
        print(
            f"!! other work kept {cpu['measure']['other_cores_busy']} cores busy during"
            " the measured minute: the figures are disturbed; run again when idle",
            flush=True,
        )
    cpu["signin_seconds"] = round(signin_seconds, 1)
    return samples, cpu, scenario


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def stop_on_signals() -> None:
    """Ctrl-C or a TERM ends the run through its ``finally`` blocks: gunicorn stops,
    the PostgreSQL database is dropped, the temporary folder removed."""
    main_greenlet = gevent.getcurrent()
    for number in (signal.SIGINT, signal.SIGTERM):
        gevent.signal_handler(number, gevent.kill, main_greenlet, KeyboardInterrupt)


def main(argv=None) -> int:
    args = parse_args(argv)
    stop_on_signals()
    if args.wait_idle:
        wait_until_idle(args.wait_idle)
    began = datetime.now(UTC)
    load_before = os.getloadavg()
    workdir = Path(tempfile.mkdtemp(prefix="osallistamo-bench-"))
    try:
        with database(args.database, workdir, args.app_python) as database_url:
            with served(
                database_url=database_url,
                workdir=workdir,
                workers=args.workers,
                ratelimit_storage=args.ratelimit_storage,
                app_python=args.app_python,
                app_root=args.app_root.resolve(),
                embeddings=args.embeddings,
                seed=("bench.seed", "--quick-vote")
                if args.mix == "room"
                else ("bench.seed",),
            ) as server:
                print(f"gunicorn ({args.workers} workers) at {server.url}", flush=True)
                samples, cpu, scenario = run_timeline(args, server)
                load_after = os.getloadavg()
                checks = {"notes_in_database": server.count_notes()}
                if args.mix == "room":
                    checks.update(mixed_room.integrity(scenario, server))
    finally:
        if args.keep:
            print(f"the server's logs are kept in {workdir}", flush=True)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    phases = summarise(samples)
    accepted = sum(1 for s in samples if s.name == room.POST_NOTE and s.ok)
    checks = {"notes_accepted": accepted, **checks}
    checks["nothing_lost"] = mixed_room.nothing_lost(checks)
    result = {
        "benchmark": (
            "seminar room: notes, quick votes, questions and likes from phones;"
            " projectors and the stage screen polling"
            if args.mix == "room"
            else "seminar room: notes from phones, projector polling"
        ),
        "started_at": began.isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "settings": {
            "mix": args.mix,
            "actions": mixed_room.ACTIONS if args.mix == "room" else {"note": 1.0},
            "database": args.database,
            "embeddings": args.embeddings,
            "app_root": str(args.app_root.resolve()),
            "workers": args.workers,
            "worker_class": "sync",
            "clients": args.clients,
            "projectors": args.projectors,
            "warmup_s": args.warmup,
            "duration_s": args.duration,
            "quiet_s": args.quiet,
            "think_s": list(args.think),
            "burst": args.burst,
            "phone_polling": args.phone_polling,
            "poll_interval_s": scenario.poll_interval,
            "ratelimit_storage": args.ratelimit_storage.split("://")[0],
            "join_limit_per_address": BENCH_JOIN_LIMIT,
            "comment_limit_per_user": os.environ.get(
                "COMMENT_LIMIT_PER_USER", "30 per minute (default)"
            ),
        },
        "cpu": cpu,
        "integrity": checks,
        "wall_freshness": wall_freshness(
            scenario.notes_accepted_at, scenario.wall_polls
        ),
        "phases": phases,
    }
    result["verdict"] = verdict(phases)
    print_summary(result)
    output = args.output or RESULTS / (
        f"{began:%Y%m%dT%H%M%S}-{args.database}-w{args.workers}"
        + ("-room" if args.mix == "room" else "")
        + ("-phones" if args.phone_polling else "")
        + ".json"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(_no_nan(result), indent=2) + "\n")
    print(
        f"written {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}"
    )
    return 0


def _no_nan(value):
    """JSON has no NaN: figures that could not be computed become null."""
    if isinstance(value, dict):
        return {key: _no_nan(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_no_nan(item) for item in value]
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 3)
    return value


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit("stopped; the server, its database and its folder are gone")
