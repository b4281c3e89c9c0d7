"""Memos of workshops and seminars: drafting, one memo each, final/reopen, roles."""

from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from app.extensions import db as _db
from app.models import Comment, FeelingMark, WorkshopMemo, WorkshopMethod
from app.seminars import services, services_workshops
from app.seminars import services_memos as memos
from app.seminars.methods import spec
from app.seminars.queries_memos import is_final, memo_for

NOW = datetime(2026, 10, 7, 12, 0, tzinfo=UTC)


@pytest.fixture()
def workshop(db, world, make_workshop):
    """A process walk with two stations: notes on the first, none on the second."""
    workshop = make_workshop(
        "Osaaminen",
        method=WorkshopMethod.PROCESS_WALK,
        facilitator_name="Maija Mallikas",
        room="A1",
        description={"fi": "Selvitetään **osaamistarpeet**.", "en": "Skills needs."},
    )
    services_workshops.add_workshop_prompt(workshop, question={"fi": "Mikä toimii?"})
    services_workshops.add_workshop_prompt(workshop, question={"fi": "Mitä puuttuu?"})
    db.session.commit()
    return workshop


@pytest.fixture()
def notes(db, world, workshop):
    """Notes on the first station: visible, hidden, deleted, and merged duplicates."""
    prompt = workshop.prompts[0]
    made = {}

    def note(key, body, minutes, **extra):
        comment = Comment(
            prompt=prompt,
            group=world.group,
            author=world.member,
            body=body,
            body_html=f"<p>{body}</p>",
            created_at=NOW + timedelta(minutes=minutes),
            **extra,
        )
        db.session.add(comment)
        db.session.flush()
        made[key] = comment
        return comment

    note("kept", "Yhteiset tilat", 1)
    note("hidden", "Piilotettu asia", 2, hidden_at=NOW)
    note("deleted", "Poistettu asia", 3, deleted_at=NOW)
    main = note("main", "Lisää koulutusta", 4)
    note("dup1", "Koulutusta lisää", 5, merged_into_id=main.id)
    note("dup2", "Koulutus", 6, merged_into_id=main.id)
    # A hidden duplicate does not add to the count.
    note("dup3", "Koulutus!!", 7, merged_into_id=main.id, hidden_at=NOW)
    db.session.commit()
    return made


def in_finnish(text):
    with force_locale("fi"):
        return str(_(text))


class TestDrafting:
    def test_workshop_memo_is_drafted_from_the_workshop(
        self, db, world, workshop, notes
    ):
        """Aims from the description, the method and room, notes grouped by question."""
        memo = memos.draft_memo(
            world.seminar, workshop, actor=world.facilitator, now=NOW
        )
        assert memo.aims == "Selvitetään **osaamistarpeet**."
        with force_locale("fi"):
            method = spec(WorkshopMethod.PROCESS_WALK)
            assert f"**{method.name}**: {method.explanation}" in memo.way_of_working
        assert "Maija Mallikas" in memo.way_of_working
        assert "A1" in memo.way_of_working
        assert memo.results.startswith("**Mikä toimii?**\n\n- Yhteiset tilat\n")
        assert "- Lisää koulutusta (×3)" in memo.results
        for left_out in ("Piilotettu", "Poistettu", "Koulutusta lisää", "Koulutus!!"):
            assert left_out not in memo.results
        assert f"**Mitä puuttuu?**\n\n*{in_finnish('No notes.')}*" in memo.results
        assert "<strong>Mikä toimii?</strong>" in memo.html["results"]
        assert "<li>Lisää koulutusta (×3)</li>" in memo.html["results"]
        assert memo.final_at is None and memo.edited_by_id == world.facilitator.id

    def test_feeling_line_memo_shows_the_distribution(self, db, world, make_workshop):
        """A feeling line's memo counts the marks on each point of the scale."""
        workshop = make_workshop("Tunnerivi", method=WorkshopMethod.FEELING_LINE)
        prompt = services_workshops.add_workshop_prompt(
            workshop, question={"fi": "Yhteistyö sujuu"}
        )
        for user, value in ((world.member, 4), (world.other_member, 4)):
            db.session.add(
                FeelingMark(prompt_id=prompt.id, user_id=user.id, value=value)
            )
        db.session.flush()
        memo = memos.draft_memo(world.seminar, workshop, actor=None, now=NOW)
        assert "1: 0, 2: 0, 3: 0, 4: 2, 5: 0" in memo.results

    def test_seminar_memo_links_its_workshops(self, db, world, workshop, notes):
        """The seminar memo: the goal, the agenda, a section per workshop with a link."""
        services.update_seminar(
            world.seminar,
            place="",
            online_url="",
            goal={"fi": "Yhteinen tilannekuva"},
            expected_output={"fi": "Muistio"},
        )
        memo = memos.draft_memo(world.seminar, actor=world.facilitator, now=NOW)
        assert memo.workshop_id is None
        assert memo.aims.startswith("Yhteinen tilannekuva")
        assert "Muistio" in memo.aims
        assert "13.30–14.30" in memo.way_of_working
        assert "**Osaaminen**" in memo.results
        path = f"/p/{world.process.slug}/workshops/{workshop.id}/memo"
        assert f"]({path})" in memo.results
        assert f'href="{path}"' in memo.html["results"]

    def test_one_seminar_memo_and_one_per_workshop(self, db, world, workshop):
        """The service refuses a second memo, also for the seminar (NULL workshop)."""
        memos.draft_memo(world.seminar, actor=None, now=NOW)
        memos.draft_memo(world.seminar, workshop, actor=None, now=NOW)
        with pytest.raises(memos.MemoExists):
            memos.draft_memo(world.seminar, actor=None, now=NOW)
        with pytest.raises(memos.MemoExists):
            memos.draft_memo(world.seminar, workshop, actor=None, now=NOW)
        assert db.session.query(WorkshopMemo).count() == 2
        assert memo_for(world.seminar).workshop_id is None
        assert memo_for(world.seminar, workshop).workshop_id == workshop.id


class TestFinal:
    def test_a_final_memo_is_reopened_before_editing(self, db, world, workshop):
        """Saving a final memo is refused with a clear message until it is reopened."""
        memo = memos.draft_memo(world.seminar, workshop, actor=None, now=NOW)
        memos.mark_final(memo, actor=world.facilitator, now=NOW)
        assert memo.final_at == NOW
        texts = {"aims": "A", "way_of_working": "B", "results": "*C*"}
        with pytest.raises(memos.MemoIsFinal, match="Reopen it first"):
            memos.save_memo(memo, **texts, actor=world.facilitator, now=NOW)
        with pytest.raises(memos.MemoIsFinal):
            memos.mark_final(memo, actor=None, now=NOW)
        memos.reopen(memo, actor=world.facilitator, now=NOW)
        with pytest.raises(memos.MemoNotFinal):
            memos.reopen(memo, actor=None, now=NOW)
        memos.save_memo(memo, **texts, actor=world.facilitator, now=NOW)
        assert memo.html == {
            "aims": "<p>A</p>",
            "way_of_working": "<p>B</p>",
            "results": "<p><em>C</em></p>",
        }


# Pages ------------------------------------------------------------------------------


def urls(world, workshop):
    return {
        "seminar": f"{world.base}/memo",
        "workshop": f"/p/{world.process.slug}/workshops/{workshop.id}/memo",
    }


@pytest.fixture()
def drafted(db, world, workshop):
    """Both memos drafted, not yet final."""
    seminar_memo = memos.draft_memo(world.seminar, actor=None, now=NOW)
    workshop_memo = memos.draft_memo(world.seminar, workshop, actor=None, now=NOW)
    db.session.commit()
    return seminar_memo, workshop_memo


class TestReading:
    @pytest.mark.parametrize("who", ["member", "observer"])
    def test_drafts_are_not_found_for_others(
        self, client, auth, world, workshop, drafted, who
    ):
        """Participants and observers get 404 for a draft: "seminar.manage" reads drafts."""
        auth.login_as(getattr(world, who))
        for url in urls(world, workshop).values():
            assert client.get(url).status_code == 404

    @pytest.mark.parametrize("who", ["member", "observer", "facilitator", "admin"])
    def test_everyone_in_the_process_reads_a_final_memo(
        self, client, auth, db, world, workshop, drafted, who
    ):
        """A final memo is for everyone in the process, texts in the process language."""
        for memo in drafted:
            memos.mark_final(memo, actor=None, now=NOW)
        db.session.commit()
        auth.login_as(getattr(world, who))
        html = client.get(urls(world, workshop)["workshop"]).get_data(as_text=True)
        assert '<div class="user-text" lang="fi">' in html
        assert "Final" in html
        html = client.get(urls(world, workshop)["seminar"]).get_data(as_text=True)
        assert f'href="{urls(world, workshop)["workshop"]}"' in html

    def test_members_see_only_final_workshop_memos_listed(
        self, client, auth, db, world, workshop, drafted
    ):
        """The seminar memo links a workshop's memo for members once it is final."""
        memos.mark_final(drafted[0], actor=None, now=NOW)
        db.session.commit()
        auth.login_as(world.member)
        html = client.get(urls(world, workshop)["seminar"]).get_data(as_text=True)
        assert "Workshop memos" not in html

    def test_outsiders_and_strangers(self, client, auth, world, workshop, drafted):
        """Another process's facilitator gets 403; anonymous visitors sign in first."""
        for url in urls(world, workshop).values():
            response = client.get(url)
            assert (
                response.status_code == 302 and "/login" in response.headers["Location"]
            )
        auth.login_as(world.outsider)
        for url in urls(world, workshop).values():
            assert client.get(url).status_code == 403

    def test_workshop_of_another_process_is_not_found(
        self, client, auth, world, workshop, create_process
    ):
        """A workshop id under another process's slug is 404."""
        other = create_process(facilitator=world.facilitator)
        auth.login_as(world.facilitator)
        url = f"/p/{other.slug}/workshops/{workshop.id}/memo"
        assert client.get(url).status_code == 404


class TestChanging:
    def test_facilitator_drafts_with_the_button(
        self, client, auth, db, world, workshop
    ):
        """Without a memo the page offers "Draft the memo"; the POST drafts it."""
        auth.login_as(world.facilitator)
        url = urls(world, workshop)["workshop"]
        assert "Draft the memo" in client.get(url).get_data(as_text=True)
        assert client.get(url + "/edit").status_code == 302  # nothing to edit yet
        response = client.post(url + "/draft")
        assert response.headers["Location"].endswith(url + "/edit")
        assert memo_for(world.seminar, workshop) is not None
        client.post(url + "/draft")  # a resent form changes nothing
        assert db.session.query(WorkshopMemo).count() == 1

    @pytest.mark.parametrize("who", ["member", "observer"])
    def test_others_cannot_change(self, client, auth, world, workshop, drafted, who):
        """Only "seminar.manage" drafts, edits, marks final or reopens."""
        auth.login_as(getattr(world, who))
        url = urls(world, workshop)["workshop"]
        for suffix in ("/draft", "/edit", "/final", "/reopen"):
            assert client.post(url + suffix).status_code == 403

    def test_edit_keeps_the_input_on_422(self, client, auth, world, workshop, drafted):
        """A too long text answers 422 with what was typed still in the form."""
        auth.login_as(world.facilitator)
        url = urls(world, workshop)["workshop"] + "/edit"
        data = {
            "aims": "Uusi tavoite",
            "way_of_working": "Tapa",
            "results": "x" * 20001,
        }
        response = client.post(url, data=data)
        assert response.status_code == 422
        assert "Uusi tavoite" in response.get_data(as_text=True)
        assert 'lang="fi"' in response.get_data(as_text=True)
        data["results"] = "- **Tulos**"
        assert client.post(url, data=data).status_code == 302
        _db.session.expire_all()
        memo = memo_for(world.seminar, workshop)
        assert memo.aims == "Uusi tavoite"
        assert memo.html["results"] == "<ul>\n<li><strong>Tulos</strong></li>\n</ul>"

    def test_finalise_and_reopen_with_confirmation(
        self, client, auth, world, workshop, drafted
    ):
        """Both changes ask first; a final memo's edit page sends back to reopen."""
        auth.login_as(world.facilitator)
        url = urls(world, workshop)["seminar"]
        assert "Mark the memo final?" in client.get(url + "/final").get_data(
            as_text=True
        )
        assert client.post(url + "/final").status_code == 302
        _db.session.expire_all()
        assert is_final(memo_for(world.seminar))
        response = client.get(url + "/edit")
        assert response.status_code == 302 and response.headers["Location"].endswith(
            url
        )
        data = {"aims": "Muutos", "way_of_working": "", "results": ""}
        response = client.post(url + "/edit", data=data)
        assert response.status_code == 409
        assert "Reopen it first" in response.get_data(as_text=True)
        assert "Muutos" in response.get_data(as_text=True)
        assert "Reopen the memo" in client.get(url + "/reopen").get_data(as_text=True)
        assert client.post(url + "/reopen").status_code == 302
        assert client.post(url + "/edit", data=data).status_code == 302
        _db.session.expire_all()
        assert memo_for(world.seminar).aims == "Muutos"
