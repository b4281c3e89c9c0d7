"""A process with two discussion phases, themes, work groups and coded comments."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from app.discussions import services as discussion_services
from app.models import Comment, PhaseKind, Role, TagStatus, ThemeTag
from app.text import render_markdown

#: The comments' clock: fixed, so the list order is known.
T0 = datetime(2026, 10, 12, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english_pages(client):
    """These tests read the English source texts (pages and the services' messages);
    the catalogues are tested elsewhere."""
    from flask_babel import force_locale

    with client.session_transaction() as session:
        session["lang"] = "en"
    with force_locale("en"):
        yield


def make_comment(db, prompt, group, body, minutes=0, **extra) -> Comment:
    """A comment row as posted (Markdown source and its cleaned HTML)."""
    comment = Comment(
        prompt=prompt,
        group=group,
        body=body,
        body_html=str(render_markdown(body)),
        created_at=T0 + timedelta(minutes=minutes),
        **extra,
    )
    db.session.add(comment)
    db.session.commit()
    return comment


def _discussion(db, create_phase, process, title, question_texts):
    phase = create_phase(
        process,
        title={"fi": title},
        kind=PhaseKind.DISCUSSION,
        starts_at=T0 - timedelta(days=1),
        ends_at=T0 + timedelta(days=20),
    )
    discussion = discussion_services.ensure_discussion(phase)
    prompts = [
        discussion_services.add_prompt(discussion, question={"fi": q}, guidance={})
        for q in question_texts
    ]
    db.session.commit()
    return phase, prompts


@pytest.fixture()
def world(
    db,
    create_user,
    create_process,
    create_phase,
    create_group,
    create_organisation,
    create_theme,
):
    """Two discussions of one process, three themes and comments of two groups."""
    facilitator = create_user(Role.FACILITATOR)
    observer = create_user(Role.MEMBER)
    member = create_user(Role.PARTICIPANT)
    process = create_process(facilitator=facilitator, observer=observer, language="fi")
    keuda = create_organisation(name="Keuda")
    jarvenpaa = create_organisation(name="Järvenpään kaupunki")
    group_a = create_group(
        process,
        name="Keudan opiskeluhuoltoryhmä",
        organisation=keuda,
        members=(member,),
    )
    group_b = create_group(
        process, name="Järvenpään ohjausryhmä", organisation=jarvenpaa
    )
    privacy = create_theme(
        process,
        title={
            "fi": "Tiedonkulku ja tietosuoja",
            "sv": "Informationsflöde och dataskydd",
        },
        description={"fi": "Salassapito, kirjaaminen ja rekisterit."},
    )
    staff = create_theme(
        process,
        title={"fi": "Opiskeluhuollon henkilöstö ja rekrytointi"},
        description={"fi": "Kuraattorit, psykologit ja terveydenhoitajat."},
    )
    community = create_theme(
        process,
        title={"fi": "Ennaltaehkäisevä työ ja yhteisöllisyys"},
        description={"fi": "Ryhmäytyminen, kiusaamisen ehkäisy ja hyvä ilmapiiri."},
    )
    phase1, (p1, p2) = _discussion(
        db,
        create_phase,
        process,
        "Ensimmäinen verkkokeskustelu",
        ["Mitä opiskeluhuollossa pitää kehittää?", "Mikä toimii jo hyvin?"],
    )
    phase2, (p3,) = _discussion(
        db, create_phase, process, "Toinen verkkokeskustelu", ["Mitä seuraavaksi?"]
    )
    c_privacy = make_comment(
        db,
        p1,
        group_a,
        "Tietosuoja ja salassapito mietityttävät: mitä tietoja opiskelijasta saa "
        "kirjata ja kenelle kertoa? Rekisterit ovat sekaisin.",
        1,
    )
    c_staff = make_comment(
        db,
        p1,
        group_b,
        "Kuraattorin ja psykologin paikat ovat olleet pitkään täyttämättä, "
        "rekrytointi ei onnistu.",
        2,
    )
    c_community = make_comment(
        db,
        p2,
        group_a,
        "Ryhmäytyminen syksyllä ja kiusaamisen ehkäisy ovat parantaneet ilmapiiriä.",
        3,
    )
    c_later = make_comment(
        db,
        p3,
        group_b,
        "Terveydenhoitajia tarvitaan lisää, ja psykologin rekrytointi pitää aloittaa.",
        4,
    )
    c_hidden = make_comment(
        db,
        p1,
        group_a,
        "Piilotettu kommentti tietosuojasta ja rekistereistä, salainen sisältö.",
        5,
        hidden_at=T0,
        hidden_reason="Henkilötietoja",
    )
    c_deleted = make_comment(
        db, p1, group_b, "Poistettu kommentti kuraattoreista.", 6, deleted_at=T0
    )
    # Another process, with its own theme, comment and tag.
    outsider = create_user(Role.FACILITATOR)
    other = create_process(facilitator=outsider)
    other_group = create_group(other)
    other_theme = create_theme(other, title={"fi": "Muu teema"})
    _phase, (other_prompt,) = _discussion(
        db, create_phase, other, "Muu keskustelu", ["Muu kysymys?"]
    )
    other_comment = make_comment(
        db, other_prompt, other_group, "Toisen prosessin kommentti tietosuojasta."
    )
    other_tag = ThemeTag(
        comment=other_comment, theme=other_theme, status=TagStatus.SUGGESTED, score=0.5
    )
    db.session.add(other_tag)
    db.session.commit()
    return SimpleNamespace(
        process=process,
        facilitator=facilitator,
        observer=observer,
        member=member,
        admin=create_user(Role.ADMIN),
        outsider=outsider,
        keuda=keuda,
        jarvenpaa=jarvenpaa,
        group_a=group_a,
        group_b=group_b,
        privacy=privacy,
        staff=staff,
        community=community,
        phase1=phase1,
        phase2=phase2,
        p1=p1,
        p2=p2,
        p3=p3,
        c_privacy=c_privacy,
        c_staff=c_staff,
        c_community=c_community,
        c_later=c_later,
        c_hidden=c_hidden,
        c_deleted=c_deleted,
        other=other,
        other_theme=other_theme,
        other_comment=other_comment,
        other_tag=other_tag,
        base=f"/p/{process.slug}/coding",
    )


@pytest.fixture()
def tag(db):
    """Make a theme tag: ``tag(comment, theme, status=..., score=...)``."""

    def _tag(comment, theme, status=TagStatus.SUGGESTED, score=0.3, **extra):
        row = ThemeTag(
            comment=comment, theme=theme, status=status, score=score, **extra
        )
        db.session.add(row)
        db.session.commit()
        return row

    return _tag
