"""Seed the product benchmark's database through the app's own services.

Run as ``python -m bench.product_seed [--comments N] [--groups G] ...`` with the
server's environment (DATABASE_URL...), in the app's virtualenv; prints one line of
JSON for the load driver (``bench/suite.py``).

What it builds:

- a facilitator and a process with an open discussion of ``--prompts`` questions
  (4, the most a discussion takes), ``--groups`` work groups (500) with open invite links, and
  ``--comments`` comments (10,000) from the first ``--comment-groups`` groups (200),
  posted with ``post_comment``, a fifth of them replies;
- a ballot in that discussion (pick 3 of 8 themes, one vote per group, results live);
- a seminar happening now with a workshop (``bench.seed.add_seminar``), for the
  projector;
- a second, public process whose discussion has closed, with a fifth as many
  comments, for the anonymous API (comments of open discussions are not public).

Commits every ``BATCH`` comments: 10,000 comments take well under a minute on SQLite.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
from datetime import UTC, datetime, timedelta

from .seed import FACILITATOR_EMAIL, PASSWORD, add_seminar

BATCH = 500
ORGANISATIONS = 20
THEMES = 8
WORDS = (
    "kirjasto yhteistyö lukeminen nuoret kokoelmat tilat vapaaehtoiset kumppanit "
    "kunta koulu tapahtumat digituki saavutettavuus aukioloajat palvelut asukkaat "
    "kokeilu resurssit viestintä verkosto liikenne kaavoitus hyvinvointi"
).split()


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--comment-groups", type=int, default=200)
    parser.add_argument("--prompts", type=int, default=4, help="at most 4")
    return parser.parse_args(argv)


def text(rng: random.Random, number: int) -> str:
    return f"Kommentti {number}: " + " ".join(rng.choices(WORDS, k=rng.randint(8, 40)))


def discussion_process(
    facilitator, organisations, *, title, groups, prompts, opens, closes
):
    """A process with one discussion phase from ``opens`` to ``closes``, its prompts
    (readable by every group at once) and its work groups with invite codes."""
    from app.discussions import services as discussion_services
    from app.groups import services as group_services
    from app.models import PhaseKind, Visibility
    from app.processes import services as process_services
    from app.processes.services_phases import add_phase

    process = process_services.create_process(
        creator=facilitator, title={"fi": title}, language="fi", region="Uusimaa"
    )
    phase = add_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        title={"fi": "Verkkokeskustelu"},
        starts_at=opens,
        ends_at=closes,
    )
    discussion = phase.discussion
    discussion.visibility = Visibility.ALWAYS
    questions = [
        discussion_services.add_prompt(
            discussion, question={"fi": f"Kysymys {n + 1}: mitä kehittäisit?"},
            guidance={},
        )
        for n in range(prompts)
    ]  # fmt: skip
    work_groups = [
        group_services.create_group(
            process,
            actor=facilitator,
            name=f"Työryhmä {n + 1:03d}",
            organisation=organisations[n % len(organisations)],
        )
        for n in range(groups)
    ]
    return process, phase, questions, work_groups


def post_comments(prompts, groups, count: int, now: datetime, seed: int) -> None:
    """``count`` comments spread over the prompts from one member of each group; every
    fifth a reply to an earlier comment of the same prompt; committed in batches."""
    from app.discussions.services_comments import post_comment
    from app.extensions import db
    from app.groups.services import join_group

    rng = random.Random(seed)
    authors = [
        join_group(g.invite_code, user=None, display_name=f"Kirjoittaja {n + 1}")[0]
        for n, g in enumerate(groups)
    ]
    db.session.commit()
    earlier: dict[int, list] = {prompt.id: [] for prompt in prompts}
    for number in range(count):
        prompt = prompts[number % len(prompts)]
        at = number % len(groups)
        targets = earlier[prompt.id]
        reply_to = rng.choice(targets) if targets and number % 5 == 4 else None
        comment, _created = post_comment(
            prompt,
            author=authors[at],
            group=groups[at],
            body=text(rng, number + 1),
            now=now,
            reply_to=reply_to,
        )
        if reply_to is None:
            targets.append(comment)
        if (number + 1) % BATCH == 0:
            db.session.commit()
    db.session.commit()


def seed(args: argparse.Namespace) -> dict:
    from app import create_app
    from app.auth import services as auth_services
    from app.extensions import db
    from app.groups import services as group_services
    from app.models import OrganisationKind, Role
    from app.processes.services_publicity import set_public
    from app.processes.services_themes import add_theme
    from app.voting.services import save_ballot

    app = create_app()
    logging.getLogger("osallistamo").setLevel(logging.WARNING)  # a line per row
    with app.app_context():
        now = datetime.now(UTC)
        facilitator = auth_services.create_user(
            FACILITATOR_EMAIL, "Fanni Fasilitaattori", Role.FACILITATOR, PASSWORD
        )
        organisations = [
            group_services.create_organisation(
                actor=facilitator,
                name=f"Kuormakunta {n + 1:02d}",
                kind=OrganisationKind.MUNICIPALITY,
            )
            for n in range(ORGANISATIONS)
        ]
        process, phase, prompts, groups = discussion_process(
            facilitator,
            organisations,
            title="Kuormitustesti: alueen kehittämisohjelma",
            groups=args.groups,
            prompts=args.prompts,
            opens=now - timedelta(days=1),
            closes=now + timedelta(days=1),
        )
        themes = [
            add_theme(process, title={"fi": f"Teema {n + 1}"}) for n in range(THEMES)
        ]
        ballot = save_ballot(
            None,
            phase,
            title={"fi": "Mitkä teemat ensin?"},
            description={"fi": ""},
            opens_at=now - timedelta(hours=1),
            closes_at=now + timedelta(days=1),
            voter_unit="group",
            method="pick",
            max_choices=3,
            total_points=10,
            max_points_per_theme=5,
            results_visibility="live",
            theme_ids=[theme.id for theme in themes],
        )
        workshop, _prompts, _talk = add_seminar(process, facilitator)
        db.session.commit()
        post_comments(prompts, groups[: args.comment_groups], args.comments, now, 1)

        opened = now - timedelta(days=3)
        public, public_phase, public_prompts, public_groups = discussion_process(
            facilitator,
            organisations,
            title="Kuormitustesti: avoin prosessi",
            groups=max(1, args.comment_groups // 10),
            prompts=max(1, args.prompts // 2),
            opens=opened,
            closes=now - timedelta(hours=1),  # closed: its comments are public
        )
        set_public(public, True, actor=facilitator, now=now)
        db.session.commit()
        post_comments(
            public_prompts,
            public_groups,
            max(1, args.comments // 5),
            opened + timedelta(hours=1),
            2,
        )
        return {
            "slug": process.slug,
            "phase_id": phase.id,
            "prompt_ids": [prompt.id for prompt in prompts],
            "ballot_id": ballot.id,
            "theme_ids": [theme.id for theme in themes],
            "workshop_id": workshop.id,
            "groups": [[group.id, group.invite_code] for group in groups],
            "comment_groups": args.comment_groups,
            "comments": args.comments,
            "public_slug": public.slug,
            "facilitator_email": FACILITATOR_EMAIL,
            "facilitator_password": PASSWORD,
        }


if __name__ == "__main__":
    print(json.dumps(seed(parse_args())))
