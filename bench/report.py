"""Figures from the recorded requests: percentiles per phase and request, 304 shares."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from .locustfile import ADD_NOTE, GET_AFTER_NOTE, PHONE_POLL, POST_NOTE, PROJECTOR
from .mixed_room import (
    ASK,
    GET_AFTER_LIKE,
    GET_AFTER_QUESTION,
    GET_AFTER_VOTE,
    LIKE,
    OPEN_QUESTIONS,
    POST_LIKE,
    POST_QUESTION,
    POST_VOTE,
    PRESENTER,
    VOTE,
)

#: The issues' target for a phone's action (issue 6: adding a note; issue 17: any
#: of a phone's actions), in milliseconds.
TARGET_P95_MS = 250.0
#: What a person waits for: a form's POST and the page it leads to, timed together.
ACTIONS = (ADD_NOTE, VOTE, ASK, LIKE)
#: The figures of all actions together, in the measured phases.
ANY_ACTION = "any phone action (all four together)"
POLLED = (PROJECTOR, PHONE_POLL, PRESENTER)
#: The order of the printed table.
PRINTED = (
    ANY_ACTION,
    ADD_NOTE, POST_NOTE, GET_AFTER_NOTE,
    VOTE, POST_VOTE, GET_AFTER_VOTE,
    ASK, POST_QUESTION, GET_AFTER_QUESTION,
    LIKE, POST_LIKE, GET_AFTER_LIKE,
    OPEN_QUESTIONS, PROJECTOR, PRESENTER, PHONE_POLL,
)  # fmt: skip


@dataclass(frozen=True)
class Sample:
    phase: str
    name: str
    ms: float
    status: int | None
    ok: bool


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of values sorted ascending (share in 0..100)."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(share / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def figures(samples: list[Sample]) -> dict:
    """Count, errors, p50/p95/p99/max/mean in ms, and the statuses seen."""
    times = sorted(sample.ms for sample in samples)
    statuses: dict[str, int] = defaultdict(int)
    for sample in samples:
        statuses[str(sample.status)] += 1
    result = {
        "count": len(samples),
        "errors": sum(not sample.ok for sample in samples),
        "p50_ms": percentile(times, 50),
        "p95_ms": percentile(times, 95),
        "p99_ms": percentile(times, 99),
        "max_ms": times[-1] if times else math.nan,
        "mean_ms": sum(times) / len(times) if times else math.nan,
        "statuses": dict(sorted(statuses.items())),
    }
    if samples and samples[0].name in POLLED:
        answered = [s for s in samples if s.ok]
        not_modified = sum(s.status == 304 for s in answered)
        result["share_304"] = not_modified / len(answered) if answered else math.nan
    return result


def summarise(samples: list[Sample]) -> dict:
    """Figures per phase, then per request name inside it."""
    grouped: dict[str, dict[str, list[Sample]]] = defaultdict(lambda: defaultdict(list))
    for sample in samples:
        grouped[sample.phase][sample.name].append(sample)
        if sample.name in ACTIONS:
            grouped[sample.phase][ANY_ACTION].append(sample)
    return {
        phase: {name: figures(group) for name, group in sorted(names.items())}
        for phase, names in grouped.items()
    }


def _ms(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0f}"


def _share(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.0%}"


def print_summary(result: dict) -> None:
    """The headline figures, as the docs quote them."""
    phases = result["phases"]
    print()
    print(
        f"== {result['settings']['database']}, {result['settings']['workers']} gunicorn"
        f" workers, {result['settings']['clients']} clients,"
        f" {result['settings']['projectors']} projectors"
    )
    header = f"{'phase':<8} {'request':<42} {'n':>5} {'err':>4} " + " ".join(
        f"{label:>6}" for label in ("p50", "p95", "p99", "max")
    )
    print(header)
    for phase in ("measure", "quiet", "burst"):
        for name in PRINTED:
            if name == ANY_ACTION and result["settings"].get("mix") != "room":
                continue
            row = phases.get(phase, {}).get(name)
            if not row:
                continue
            share = f"  304s {row['share_304']:.0%}" if "share_304" in row else ""
            print(
                f"{phase:<8} {name[:42]:<42} {row['count']:>5} {row['errors']:>4} "
                + " ".join(
                    f"{_ms(row[key]):>6}"
                    for key in ("p50_ms", "p95_ms", "p99_ms", "max_ms")
                )
                + share
            )
    for phase, cpu in result["cpu"].items():
        if isinstance(cpu, dict):
            print(
                f"cores busy ({phase}, {cpu['seconds']:.0f} s): server"
                f" {cpu['server_cores_busy']}, database {cpu['database_cores_busy']},"
                f" embedding worker {cpu.get('embedder_cores_busy', 0)},"
                f" driver {cpu['driver_cores_busy']}, other work"
                f" {cpu['other_cores_busy']} (machine {cpu['machine_cores_busy']}"
                f" of {result['machine']['cores']})"
            )
    if "load_average_before" in result:
        print(
            f"load average (1, 5, 15 min) before {result['load_average_before']},"
            f" after {result['load_average_after']}"
        )
    verdict = result["verdict"]
    print(
        f"adding a note, measured minute: p95 {_ms(verdict['add_note_p95_ms'])} ms ="
        f" {verdict['p95_to_target']:.2f} x the {TARGET_P95_MS:.0f} ms target;"
        f" projector 304 share {_share(verdict['projector_304_share_measure'])} while"
        f" notes arrive, {_share(verdict['projector_304_share_quiet'])} when quiet;"
        f" errors {verdict['errors']}; notes in the database"
        f" {result['integrity']['notes_in_database']} of"
        f" {result['integrity']['notes_accepted']} accepted"
    )
    for name, row in verdict.get("actions", {}).items():
        print(
            f"  {name}: p95 {_ms(row['p95_ms'])} ms = {row['p95_to_target']:.2f} x"
            f" target: {'met' if row['meets_target'] else 'MISSED'}"
        )
    checks = result["integrity"]
    if "questions_accepted" in checks:
        print(
            f"in the database / accepted: questions {checks['questions_in_database']}"
            f" / {checks['questions_accepted']}, likes {checks['likes_in_database']}"
            f" / {checks['likes_accepted']}, ballots {checks['ballots_in_database']}"
            f" / {checks['voters_accepted']} voters ({checks['votes_accepted']} votes"
            f" and changes), dots per option {checks['dots_in_database_per_option']}"
            f" / last choices {checks['last_choices_per_option']}:"
            f" {'nothing lost' if checks['nothing_lost'] else 'MISMATCH'}"
        )
    fresh = result.get("wall_freshness")
    if fresh and fresh["pairs"]:
        print(
            f"a note on the wall, at the latest: p50 {fresh['p50_s']:.2f} s, p95"
            f" {fresh['p95_s']:.2f} s, max {fresh['max_s']:.2f} s;"
            f" {_share(fresh['share_within_target'])} within {fresh['target_s']:.0f} s"
            f" ({fresh['pairs']} note x projector pairs)"
        )


def verdict(phases: dict) -> dict:
    """The figures the issue asks about, with the p95 as a ratio of the target."""
    measure = phases.get("measure", {})
    note = measure.get(ADD_NOTE, {})
    p95 = note.get("p95_ms", math.nan)
    errors = sum(
        row["errors"]
        for phase in ("warmup", "measure", "quiet", "burst")
        for row in phases.get(phase, {}).values()
    )
    return {
        "add_note_p95_ms": p95,
        "p95_to_target": p95 / TARGET_P95_MS,
        "meets_target": bool(p95 < TARGET_P95_MS),
        "projector_304_share_measure": measure.get(PROJECTOR, {}).get(
            "share_304", math.nan
        ),
        "projector_304_share_quiet": phases.get("quiet", {})
        .get(PROJECTOR, {})
        .get("share_304", math.nan),
        "projector_304_share_all": _share_304(phases, PROJECTOR),
        "errors": errors,
        **_actions_verdict(measure),
    }


def _actions_verdict(measure: dict) -> dict:
    """The room mix: each action's p95 against the target, and all of them."""
    if ANY_ACTION not in measure:
        return {}
    rows = {
        name: {
            "p95_ms": measure[name]["p95_ms"],
            "p95_to_target": measure[name]["p95_ms"] / TARGET_P95_MS,
            "meets_target": bool(measure[name]["p95_ms"] < TARGET_P95_MS),
        }
        for name in (ANY_ACTION, *ACTIONS)
        if name in measure
    }
    return {
        "actions": rows,
        "meets_target": all(row["meets_target"] for row in rows.values()),
    }


def _share_304(phases: dict, name: str) -> float:
    """The 304 share of a polled request over the measured minute, quiet and burst."""
    answered = not_modified = 0
    for phase in ("measure", "quiet", "burst"):
        row = phases.get(phase, {}).get(name)
        if row:
            answered += row["count"] - row["errors"]
            not_modified += row["statuses"].get("304", 0)
    return not_modified / answered if answered else math.nan
