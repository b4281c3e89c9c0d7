"""A process with a known discussion, known codes and a known vote, for the exports.

``summary_world`` (see its docstring) is the one fixture every export test reads;
``summary`` is its summary built in English at a fixed time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.discussions.services import add_prompt, ensure_discussion
from app.exports.summary import build_summary
from app.models import (
    Comment,
    FollowUpProposal,
    PhaseKind,
    ProposalStatus,
    ProposalVersion,
    Role,
    TagStatus,
    ThemeTag,
)
from app.text import render_markdown
from app.voting import services as voting

#: Words that appear only in comments no reader may see.
HIDDEN_WORD = "SALAISUUS"
DELETED_WORD = "POISTETTU"
#: The fixed time the summary is made at (Helsinki 23.11.2026 12.00).
MADE_AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

THEMES = (
    {"fi": "Ohjaus", "sv": "Handledning", "en": "Guidance"},
    {"fi": "Hyvinvointi", "sv": "Välmående", "en": "Wellbeing"},
    {"fi": "Yhteistyö", "sv": "Samarbete", "en": "Cooperation"},
    {"fi": "Resurssit", "sv": "Resurser", "en": "Resources"},
    {"fi": "Osallisuus", "sv": "Delaktighet", "en": "Inclusion"},
)

PROPOSAL_SECTIONS = {
    "title": "Ehdotus jatkotyöstä",
    "summary": "Tiivistelmä **tärkeimmästä**.",
    "principles": "- Ohjaus ensin\n- Yhteisöllinen työ",
    "next_steps": "1. Kartoitus\n2. Kokeilu",
    "resourcing": "Kaksi henkilötyövuotta.",
}


@pytest.fixture(autouse=True)
def english_pages(client):
    """Pages in English (the source texts); the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"


@pytest.fixture()
def summary_world(
    db,
    create_user,
    create_process,
    create_phase,
    create_group,
    create_organisation,
    create_theme,
    create_ballot,
):
    """Process ``kuntakokeilu`` (main language fi, names not shown) with five
    themes T1..T5, four work groups (``groups``: Aalto and Celsius of one
    organisation, Bore and Delta of others) and one open discussion phase.

    Comments (``comments`` c1..c10 visible, ``hidden`` and ``deleted`` not):
    T1 confirmed on c1, c2, c3 and the reply c4 (3 groups, 2 organisations);
    T2 confirmed on c5 and c6 (c6 featured as the quote); T3 confirmed on c7 (which
    starts with "="), suggested on c8; T4 suggested on c9, rejected on c10; T5 none.
    The hidden and the deleted comment (Delta's only ones) carry confirmed codes.

    Ballot ``ballot`` (pick two, per group): Aalto T4+T5, Bore T4+T1, Celsius
    T4+T5, so T4 3, T5 2, T1 1, T2 and T3 0 (tied 4th). A draft ``proposal``.
    People: ``facilitator``, ``observer``, ``admin``, ``outsider`` (facilitator
    account without a role here), ``members`` (one per group, named).
    """
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    names = ("Maija Meikäläinen", "Pekka Puhuja", "Sanna Sanoja", "Hilkka Hiljainen")
    members = [create_user(Role.PARTICIPANT, name=name) for name in names]
    process = create_process(
        facilitator=facilitator,
        observer=observer,
        slug="kuntakokeilu",
        title={"fi": "Kuntakokeilu", "sv": "Kommunförsöket", "en": "Municipal trial"},
        language="fi",
        show_names=False,
    )
    education = create_organisation(name="Keski-Uudenmaan koulutus")
    city = create_organisation(name="Järvenpään kaupunki")
    municipality = create_organisation(name="Tuusulan kunta")
    groups = [
        create_group(process, name=name, organisation=org, members=(member,))
        for name, org, member in zip(
            ("Ryhmä Aalto", "Ryhmä Bore", "Ryhmä Celsius", "Ryhmä Delta"),
            (education, city, education, municipality),
            members,
            strict=True,
        )
    ]
    themes = [create_theme(process, title=title) for title in THEMES]
    now = datetime.now(UTC)
    phase = create_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        title={"fi": "Verkkokeskustelu", "sv": "Webbdiskussion", "en": "Online talk"},
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=7),
    )
    discussion = ensure_discussion(phase)
    works = add_prompt(
        discussion,
        question={"fi": "Mikä toimii?", "sv": "Vad fungerar?", "en": "What works?"},
        guidance={},
    )
    change = add_prompt(
        discussion,
        question={
            "fi": "Mitä pitäisi muuttaa?",
            "sv": "Vad borde ändras?",
            "en": "What should change?",
        },
        guidance={},
    )
    aalto, bore, celsius, delta = groups
    started = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    specs = [
        # (group, prompt, body, parent index)
        (aalto, works, "Opinto-ohjaus toimii, kun ohjaaja tuntee opiskelijan.", None),
        (bore, works, "Ohjauksen jatkuvuus on tärkeää siirtymissä.", None),
        (
            celsius,
            change,
            "Ohjaajia tarvitaan lisää, jotta jokainen saa ohjausta.",
            None,
        ),
        (bore, works, "Samaa mieltä: ohjaus ja tuki kulkevat yhdessä.", 0),
        (aalto, change, "Hyvinvointi vaatii kuraattorin aikaa.", None),
        (aalto, change, "**Hyvinvointi** paranee yhteisöllisellä työllä.", None),
        (celsius, works, '=HYPERLINK("http://example.com","Yhteistyö") toimii.', None),
        (bore, change, "Yhteistyötä kunnan kanssa pitäisi lisätä.", None),
        (celsius, change, "Resursseja ei ole tarpeeksi.", None),
        (aalto, works, "Kaikki on hyvin.", None),
    ]
    member_of = dict(zip((g.id for g in groups), members, strict=True))
    comments = []
    for index, (group, prompt, body, parent) in enumerate(specs):
        comment = Comment(
            prompt=prompt,
            group=group,
            author=member_of[group.id],
            body=body,
            body_html=str(render_markdown(body)),
            parent=comments[parent] if parent is not None else None,
            created_at=started + timedelta(minutes=index),
        )
        db.session.add(comment)
        comments.append(comment)
    hidden = Comment(
        prompt=works,
        group=delta,
        author=members[3],
        body=f"{HIDDEN_WORD}: piilotettu kommentti ohjauksesta.",
        body_html=f"<p>{HIDDEN_WORD}: piilotettu kommentti ohjauksesta.</p>",
        created_at=started + timedelta(hours=1),
        hidden_at=started + timedelta(hours=2),
    )
    deleted = Comment(
        prompt=change,
        group=delta,
        author=members[3],
        body=f"{DELETED_WORD}: poistettu kommentti hyvinvoinnista.",
        body_html=f"<p>{DELETED_WORD}: poistettu kommentti hyvinvoinnista.</p>",
        created_at=started + timedelta(hours=1, minutes=5),
        deleted_at=started + timedelta(hours=2),
    )
    db.session.add_all([hidden, deleted])
    db.session.flush()
    t1, t2, t3, t4, _t5 = themes
    confirmed, suggested, rejected = (
        TagStatus.CONFIRMED,
        TagStatus.SUGGESTED,
        TagStatus.REJECTED,
    )
    codes = [
        *((comments[i], t1, confirmed) for i in range(4)),
        (comments[4], t2, confirmed),
        (comments[5], t2, confirmed),
        (comments[6], t3, confirmed),
        (comments[7], t3, suggested),
        (comments[8], t4, suggested),
        (comments[9], t4, rejected),
        (hidden, t1, confirmed),
        (deleted, t2, confirmed),
    ]
    for comment, theme, status in codes:
        db.session.add(
            ThemeTag(
                comment=comment,
                theme=theme,
                status=status,
                featured=comment is comments[5],
                decided_by=facilitator if status is not suggested else None,
            )
        )
    db.session.commit()

    ballot = create_ballot(
        phase,
        title={"fi": "Tärkeimmät teemat", "sv": "Viktigaste teman", "en": "Top themes"},
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
    )
    t5 = themes[4]
    for member, group, picks in (
        (members[0], aalto, (t4, t5)),
        (members[1], bore, (t4, t1)),
        (members[2], celsius, (t4, t5)),
    ):
        voting.cast_vote(
            ballot,
            voter=member,
            group=group,
            choice={theme.id: 1 for theme in picks},
            now=now,
        )
    db.session.commit()

    proposal = FollowUpProposal(process=process, status=ProposalStatus.DRAFT)
    db.session.add(proposal)
    proposal.versions.append(
        ProposalVersion(
            number=1,
            sections=dict(PROPOSAL_SECTIONS),
            sections_html={
                key: str(render_markdown(text))
                for key, text in PROPOSAL_SECTIONS.items()
                if key != "title"
            },
            themes=[{"theme_id": t1.id, "why": "Eniten puhuttu."}],
            created_by=facilitator,
        )
    )
    db.session.commit()

    other_process = create_process(slug="toinen")
    other_phase = create_phase(other_process)
    return SimpleNamespace(
        process=process,
        phase=phase,
        themes=themes,
        groups=groups,
        members=members,
        comments=comments,
        hidden=hidden,
        deleted=deleted,
        ballot=ballot,
        proposal=proposal,
        facilitator=facilitator,
        observer=observer,
        admin=create_user(Role.ADMIN),
        outsider=create_user(Role.FACILITATOR),
        other_process=other_process,
        other_phase=other_phase,
        base=f"/p/{process.slug}",
    )


@pytest.fixture()
def summary(summary_world):
    """The whole process's summary in English, made at ``MADE_AT``."""
    return build_summary(summary_world.process, language="en", now=MADE_AT)
