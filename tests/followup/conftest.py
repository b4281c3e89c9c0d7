"""A process with results: comments coded to themes, a ballot with votes, people.

Shared by the follow-up tests. The discussion phase is open around the real clock so
the pages (which use the real time) see it open; services get ``world.now``.
"""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.discussions import services as discussion_services
from app.models import Comment, PhaseKind, Role, TagStatus, ThemeTag
from app.text import render_markdown
from app.voting import services as voting_services


@pytest.fixture()
def world(
    db,
    create_user,
    create_process,
    create_phase,
    create_group,
    create_organisation,
    create_theme,
    create_ballot,
):
    """Process "Future of education" (main language en) with six themes and three groups.

    People: ``facilitator``, ``observer``, ``admin``, ``outsider``; ``anna``
    (participant with email anna@example.fi) and ``bo`` (participant without email)
    in ``aalto`` (contact "Anna@Example.fi", the same address as Anna's);
    ``cecilia`` (email) in ``bore`` (contact bore@example.fi); ``cedar`` has no
    members and no contact.

    Coded comments (confirmed unless said): theme 1: three comments, one featured
    ("Yhteinen opinto-ohjaus...") and one hidden (never quoted); theme 2: two;
    theme 3: one; theme 4: only a suggestion (does not count). Ballot "The most important"
    (pick 2, per work group): aalto picks themes 1 and 2, bore themes 1 and 3, so
    theme 1 is first (100 %), themes 2 and 3 share the second place (50 %).
    """
    now = datetime.now(UTC)
    facilitator = create_user(Role.FACILITATOR, name="Fiia Fasilitaattori")
    observer = create_user(Role.MEMBER, name="Olavi Observoija")
    anna = create_user(Role.PARTICIPANT, name="Anna Aalto", email="anna@example.fi")
    bo = create_user(Role.PARTICIPANT, name="Bo Berg")
    cecilia = create_user(Role.MEMBER, name="Cecilia", email="cecilia@example.fi")
    process = create_process(
        facilitator=facilitator,
        observer=observer,
        slug="tulevaisuus",
        title={"fi": "Kasvatuksen tulevaisuus", "en": "Future of education"},
        # English: the drafted texts are the source strings, whatever the catalogues.
        language="en",
    )
    aalto = create_group(
        process,
        name="Ryhmä Aalto",
        organisation=create_organisation(name="Keski-Uudenmaan koulutus"),
        contact_email="Anna@Example.fi",
        members=(anna, bo),
    )
    bore = create_group(
        process,
        name="Ryhmä Bore",
        organisation=create_organisation(name="Järvenpään kaupunki"),
        contact_email="bore@example.fi",
        members=(cecilia,),
    )
    cedar = create_group(process, name="Ryhmä Cedar")
    themes = [
        create_theme(process, title={"fi": f"Teema {n}", "en": f"Theme {n}"})
        for n in range(1, 7)
    ]
    phase = create_phase(
        process,
        kind=PhaseKind.DISCUSSION,
        title={"fi": "Verkkokeskustelu 1", "en": "Online discussion 1"},
        starts_at=now - timedelta(days=3),
        ends_at=now + timedelta(days=7),
    )
    discussion = discussion_services.ensure_discussion(phase)
    prompt = discussion_services.add_prompt(
        discussion,
        question={"fi": "Mikä on tärkeintä?", "en": "What matters most?"},
        guidance={},
    )
    discussion_services.add_prompt(
        discussion,
        question={"fi": "Mitä puuttuu?", "en": "What is missing?"},
        guidance={},
    )

    def comment(group, author, body, *, minutes, hidden=False):
        made = Comment(
            prompt_id=prompt.id,
            group_id=group.id,
            author_id=author.id,
            body=body,
            body_html=str(render_markdown(body)),
            created_at=now - timedelta(days=2, minutes=-minutes),
            updated_at=now,
            hidden_at=now if hidden else None,
        )
        db.session.add(made)
        db.session.flush()
        return made

    def tag(made, theme, status=TagStatus.CONFIRMED, featured=False):
        db.session.add(
            ThemeTag(comment=made, theme=theme, status=status, featured=featured)
        )

    featured = comment(
        aalto,
        anna,
        "Yhteinen opinto-ohjaus kaikille oppilaitoksille.\n\nSe säästää aikaa.",
        minutes=1,
    )
    tag(featured, themes[0], featured=True)
    tag(
        comment(bore, cecilia, "Opinto-ohjausta lisää kouluihin.", minutes=2), themes[0]
    )
    tag(
        comment(aalto, bo, "Salainen piilotettu kommentti.", minutes=3, hidden=True),
        themes[0],
    )
    tag(comment(aalto, anna, "Tilat yhteiskäyttöön iltaisin.", minutes=4), themes[1])
    tag(
        comment(bore, cecilia, "Liikuntatilat kaikkien käyttöön.", minutes=5), themes[1]
    )
    tag(comment(bore, cecilia, "Kirjastoautot kiertämään.", minutes=6), themes[2])
    tag(
        comment(aalto, anna, "Ehdotettu vain.", minutes=7),
        themes[3],
        status=TagStatus.SUGGESTED,
    )
    ballot = create_ballot(
        phase,
        title={"fi": "Tärkeimmät", "en": "The most important"},
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
    )
    for voter, group, picks in (
        (anna, aalto, (themes[0], themes[1])),
        (cecilia, bore, (themes[0], themes[2])),
    ):
        voting_services.cast_vote(
            ballot,
            voter=voter,
            group=group,
            choice={theme.id: 1 for theme in picks},
            now=now,
        )
    db.session.commit()
    return SimpleNamespace(
        now=now,
        process=process,
        phase=phase,
        discussion=discussion,
        prompt=prompt,
        ballot=ballot,
        themes=themes,
        groups=(aalto, bore, cedar),
        facilitator=facilitator,
        observer=observer,
        admin=create_user(Role.ADMIN),
        outsider=create_user(Role.FACILITATOR),
        anna=anna,
        bo=bo,
        cecilia=cecilia,
        base=f"/p/{process.slug}",
    )


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts; the catalogues are tested elsewhere."""
    with client.session_transaction() as session:
        session["lang"] = "en"
