"""The follow-up plan's pages: who may read and change, forms, confirmations."""

import io
import re
from datetime import date, timedelta

import pytest

from app.models import (
    Action,
    ActionStatus,
    FollowUpProposal,
    Goal,
    IndicatorValue,
    ProposalStatus,
    ProposalVersion,
)
from app.monitoring import services, services_indicators


def page(response) -> str:
    return response.get_data(as_text=True)


def manage_urls(plan) -> list[str]:
    base, ind = plan.base, plan.indicator.id
    return [
        f"{base}/goals/new",
        f"{base}/goals/{plan.goal.id}/edit",
        f"{base}/goals/{plan.goal.id}/delete",
        f"{base}/goals/from-proposal",
        f"{base}/goals/{plan.goal.id}/actions/new",
        f"{base}/goals/{plan.goal.id}/indicators/new",
        f"{base}/indicators/{ind}/edit",
        f"{base}/indicators/{ind}/delete",
        f"{base}/indicators/{ind}/values/new",
        f"{base}/import",
        f"{base}/import/template.csv",
    ]


def test_anonymous_is_sent_to_sign_in(client, plan):
    """The plan is for signed-in people of the process only."""
    response = client.get(plan.base)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


@pytest.mark.parametrize("who", ["member", "observer"])
def test_process_people_read_but_cannot_manage(client, auth, plan, who):
    """Participants and observers read the plan and indicator pages, without edit
    controls, and get 403 from every page that changes something."""
    auth.login_as(getattr(plan, who))
    response = client.get(plan.base)
    assert response.status_code == 200
    assert "Communal work" in page(response)
    assert "Add a goal" not in page(response)
    indicator_page = client.get(f"{plan.base}/indicators/{plan.indicator.id}")
    assert indicator_page.status_code == 200
    assert "Add a value" not in page(indicator_page)
    for url in manage_urls(plan):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(f"{plan.base}/goals/new", data={"title-fi": "X"}).status_code == 403
    )
    assert db_goal_count() == 1


def db_goal_count() -> int:
    from app.extensions import db

    return db.session.query(Goal).count()


def test_other_process_facilitator_is_refused(client, auth, plan):
    """A facilitator of another process can neither read nor change this plan."""
    auth.login_as(plan.outsider)
    assert client.get(plan.base).status_code == 403
    for url in manage_urls(plan):
        assert client.get(url).status_code == 403, url


def test_facilitator_and_admin_see_edit_controls(client, auth, plan):
    """The process's facilitators and admins get the edit controls."""
    for user in (plan.facilitator, plan.admin):
        auth.login_as(user)
        body = page(client.get(plan.base))
        assert "Add a goal" in body
        assert "Move up: Communal work" in body
        for url in manage_urls(plan):
            assert client.get(url).status_code == 200, url


def test_empty_plan_explains_what_to_do(client, auth, db, plan):
    """Without goals the page tells the team how to start, and readers to wait."""
    services.delete_goal(plan.goal)
    db.session.commit()
    auth.login_as(plan.facilitator)
    body = page(client.get(plan.base))
    assert "The follow-up plan has no goals yet." in body
    assert "draw them from the themes" in body
    assert "not published" in body
    auth.login_as(plan.member)
    assert "Come back later" in page(client.get(plan.base))


def test_goal_form_keeps_input_on_errors(client, auth, plan):
    """A goal without a title in the main language is refused; the text stays."""
    auth.login_as(plan.facilitator)
    response = client.post(
        f"{plan.base}/goals/new",
        data={"title-en": "Only English", "description-fi": "Kuvaus **tässä**"},
    )
    assert response.status_code == 422
    body = page(response)
    assert "Only English" in body and "Kuvaus **tässä**" in body
    assert db_goal_count() == 1


def test_add_and_edit_goal(client, auth, db, plan):
    """A new goal goes last; editing renders its Markdown description."""
    auth.login_as(plan.facilitator)
    response = client.post(
        f"{plan.base}/goals/new",
        data={"title-fi": "Toimiva yhteistyö", "description-fi": "*Avoin* yhteistyö"},
    )
    assert response.status_code == 302
    goal = db.session.query(Goal).filter_by(position=2).one()
    assert goal.description_html == {"fi": "<p><em>Avoin</em> yhteistyö</p>"}
    edit = client.get(f"{plan.base}/goals/{goal.id}/edit")
    assert "Toimiva yhteistyö" in page(edit)
    client.post(f"{plan.base}/goals/{goal.id}/move", data={"direction": "up"})
    db.session.expire_all()
    assert goal.position == 1


def test_goal_delete_asks_first_and_counts_what_goes(client, auth, db, plan):
    """The confirmation page says how many actions, indicators and values go."""
    services.add_action(plan.goal, title="Vuosikello")
    services_indicators.save_value(plan.indicator, period="2025-2026", value=3)
    db.session.commit()
    auth.login_as(plan.facilitator)
    confirm = client.get(f"{plan.base}/goals/{plan.goal.id}/delete")
    body = page(confirm)
    assert confirm.status_code == 200
    assert "together with 1 actions, 1 indicators and 1 indicator values" in body
    assert db_goal_count() == 1
    response = client.post(f"{plan.base}/goals/{plan.goal.id}/delete")
    assert response.status_code == 302
    assert db_goal_count() == 0
    assert db.session.query(IndicatorValue).count() == 0


def test_goals_from_proposal_route(client, auth, db, plan, create_theme):
    """Without a published proposal a clear refusal; with one, the themes' goals."""
    auth.login_as(plan.facilitator)
    refused = client.post(f"{plan.base}/goals/from-proposal")
    assert refused.status_code == 409
    assert "no published follow-up proposal" in page(refused)
    theme = create_theme(plan.process, title={"fi": "Hyvinvoivat oppilaat"})
    proposal = FollowUpProposal(status=ProposalStatus.PUBLISHED)
    db.session.add(proposal)
    proposal.process = plan.process
    proposal.versions.append(
        ProposalVersion(
            number=1,
            sections={},
            sections_html={},
            themes=[{"theme_id": theme.id, "why": "Kysely näyttää huolta."}],
        )
    )
    db.session.commit()
    assert "Draw goals from the follow-up proposal" in page(client.get(plan.base))
    preview = page(client.get(f"{plan.base}/goals/from-proposal"))
    assert "Hyvinvoivat oppilaat" in preview and "Add 1 goal" in preview
    response = client.post(f"{plan.base}/goals/from-proposal", follow_redirects=True)
    assert "1 goal has been added from the proposal." in page(response)
    assert db_goal_count() == 2


def test_action_and_status_notes(client, auth, db, plan):
    """An action is added; a status note sets its status; a future note is refused
    with the typed text kept; notes are listed newest first."""
    auth.login_as(plan.facilitator)
    response = client.post(
        f"{plan.base}/goals/{plan.goal.id}/actions/new",
        data={
            "title": "Luokanvalvojan tunnit",
            "owner": str(plan.school.id),
            "due_on": "2026-05-31",
            "status": "planned",
        },
    )
    assert response.status_code == 302
    action = db.session.query(Action).one()
    assert action.owner_organisation_id == plan.school.id
    url = f"{plan.base}/actions/{action.id}"
    form = page(client.get(url))
    assert re.search(r"<option selected value=\"planned\">", form)
    future = (date.today() + timedelta(days=3)).isoformat()
    refused = client.post(
        url, data={"noted_on": future, "status": "done", "body": "Tulevaisuudesta"}
    )
    assert refused.status_code == 422
    assert "cannot be dated in the future" in page(refused)
    assert "Tulevaisuudesta" in page(refused)
    client.post(
        url, data={"noted_on": "2026-01-10", "status": "in_progress", "body": "Alku"}
    )
    client.post(
        url, data={"noted_on": "2026-02-10", "status": "done", "body": "Valmis"}
    )
    db.session.expire_all()
    assert action.status is ActionStatus.DONE
    body = page(client.get(url))
    assert body.index("Valmis") < body.index("Alku")


def test_member_cannot_post_a_note(client, auth, db, plan):
    """A participant reads the action page but cannot add a note."""
    action = services.add_action(plan.goal, title="Vuosikello")
    db.session.commit()
    auth.login_as(plan.member)
    url = f"{plan.base}/actions/{action.id}"
    assert client.get(url).status_code == 200
    assert "Add a status note" not in page(client.get(url))
    assert (
        client.post(url, data={"noted_on": "2026-01-01", "status": "done"}).status_code
        == 403
    )


def test_overdue_action_is_marked_in_text(client, auth, db, plan):
    """An open action past its due date says "Overdue"; a done one does not."""
    late = services.add_action(plan.goal, title="Myöhässä", due_on=date(2020, 1, 1))
    services.add_action(
        plan.goal, title="Tehty", due_on=date(2020, 1, 1), status=ActionStatus.DONE
    )
    db.session.commit()
    auth.login_as(plan.member)
    body = page(client.get(plan.base))
    assert body.count(">Overdue<") == 1
    assert "Overdue" in page(client.get(f"{plan.base}/actions/{late.id}"))


def test_action_delete_confirmation(client, auth, db, plan):
    """Removing an action asks first, then removes it with its notes."""
    action = services.add_action(plan.goal, title="Poistettava")
    db.session.commit()
    auth.login_as(plan.facilitator)
    confirm = page(client.get(f"{plan.base}/actions/{action.id}/delete"))
    assert "Remove the action?" in confirm and "Poistettava" in confirm
    client.post(f"{plan.base}/actions/{action.id}/delete")
    assert db.session.query(Action).count() == 0


def test_indicator_form_validates_targets_and_keeps_input(client, auth, db, plan):
    """Bad target lines are reported by line with the text kept; good ones saved."""
    auth.login_as(plan.facilitator)
    url = f"{plan.base}/goals/{plan.goal.id}/indicators/new"
    data = {
        "title-fi": "Kuraattorikäynnit",
        "unit": "käyntiä",
        "direction": "lower",
        "source": "report",
        "period_kind": "calendar_year",
        "targets": "kuraattorit = kolmekymmentä\nterveydenhoitajat = 15,5",
    }
    refused = client.post(url, data=data)
    assert refused.status_code == 422
    body = page(refused)
    assert "Line 1: write" in body
    assert "kuraattorit = kolmekymmentä" in body and "Kuraattorikäynnit" in body
    data["targets"] = "= 20\nterveydenhoitajat = 15,5"
    response = client.post(url, data=data)
    assert response.status_code == 302
    indicator = plan.goal.indicators[-1]
    db.session.refresh(indicator)
    assert {t.subgroup: t.value for t in indicator.targets} == {
        "": 20,
        "terveydenhoitajat": 15.5,
    }
    edit = page(client.get(f"{plan.base}/indicators/{indicator.id}/edit"))
    assert "terveydenhoitajat = 15.5" in edit


def test_value_form_accepts_decimal_comma_and_refuses_duplicates(
    client, auth, db, plan
):
    """ "31,5" is a number; the same period, place and subgroup twice is refused with
    a link to the existing value; a bad period keeps the typed input."""
    auth.login_as(plan.facilitator)
    url = f"{plan.base}/indicators/{plan.indicator.id}/values/new"
    data = {
        "period": "2025-2026",
        "organisation": str(plan.school.id),
        "subgroup": "psykologit ja kuraattorit",
        "value": "31,5",
    }
    assert client.post(url, data=data).status_code == 302
    row = db.session.query(IndicatorValue).one()
    assert (row.value, row.scope_key) == (31.5, f"org:{plan.school.id}")
    again = client.post(url, data=dict(data, value="40"))
    assert again.status_code == 409
    assert "Edit the existing value" in page(again)
    assert f"/values/{row.id}/edit" in page(again)
    bad = client.post(url, data=dict(data, period="2026", value="12,5", area="Etelä"))
    assert bad.status_code == 422
    body = page(bad)
    assert "Write the period like 2025-2026." in body
    assert "not both" in body
    assert 'value="12,5"' in body
    assert db.session.query(IndicatorValue).count() == 1


def test_values_page_shows_verdicts_filters_and_pages(client, auth, db, app, plan):
    """Values are listed with their verdict in words, filtered by period and
    subgroup, a page at a time."""
    services_indicators.save_value(
        plan.indicator,
        period="2025-2026",
        value=31,
        subgroup="psykologit ja kuraattorit",
    )
    services_indicators.save_value(
        plan.indicator, period="2025-2026", value=10, subgroup="terveydenhoitajat"
    )
    for year in range(2000, 2000 + app.config["ITEMS_PER_PAGE"]):
        services_indicators.save_value(
            plan.indicator, period=f"{year}-{year + 1}", value=25
        )
    db.session.commit()
    auth.login_as(plan.member)
    url = f"{plan.base}/indicators/{plan.indicator.id}"
    body = page(client.get(url))
    assert "Target met" in body and "Target not met" in body
    assert "target at least 15 %" in body
    assert 'rel="next"' in body
    filtered = page(
        client.get(
            url, query_string={"period": "2025-2026", "subgroup": "terveydenhoitajat"}
        )
    )
    assert "1 value shown." in filtered
    assert "Target not met" in filtered and "Target met<" not in filtered
    everyone = page(client.get(url, query_string={"subgroup": "-"}))
    assert f"{app.config['ITEMS_PER_PAGE']} values shown." in everyone


def test_value_delete_confirmation(client, auth, db, plan):
    """Removing a value asks first."""
    row = services_indicators.save_value(plan.indicator, period="2025-2026", value=5)
    db.session.commit()
    auth.login_as(plan.facilitator)
    url = f"{plan.base}/indicators/{plan.indicator.id}/values/{row.id}/delete"
    assert "Remove the value?" in page(client.get(url))
    assert client.post(url).status_code == 302
    assert db.session.query(IndicatorValue).count() == 0


def upload(client, url, text, **extra):
    data = {"file": (io.BytesIO(text.encode("utf-8")), "arvot.csv"), **extra}
    return client.post(url, data=data, content_type="multipart/form-data")


def test_import_route_all_or_nothing(client, auth, db, plan):
    """A file with a bad row lists the problem by line and imports nothing; "only
    check" imports nothing; a good file reports what was added and updated."""
    auth.login_as(plan.facilitator)
    url = f"{plan.base}/import"
    ind = plan.indicator.id
    bad = f"mittari;kausi;arvo\n{ind};2025-2026;22\n{ind};2026;x\n"
    response = upload(client, url, bad)
    assert response.status_code == 422
    body = page(response)
    assert "There are 2 problems. Nothing was imported" in body
    assert '<th scope="row">3</th>' in body
    assert db.session.query(IndicatorValue).count() == 0
    good = f"mittari;kausi;arvo\n{ind};2025-2026;22\n{ind};2024-2025;21,5\n"
    checked = upload(client, url, good, check_only="y")
    assert "2 values would be added" in page(checked)
    assert db.session.query(IndicatorValue).count() == 0
    done = upload(client, url, good)
    assert done.status_code == 302
    assert "2 values added, 0 updated." in page(client.get(url))
    assert db.session.query(IndicatorValue).count() == 2
    missing = client.post(url, data={}, content_type="multipart/form-data")
    assert missing.status_code == 422 and "Choose the file to import." in page(missing)


def test_import_template_lists_indicators(client, auth, plan):
    """The template CSV lists the indicators with their codes and target subgroups."""
    auth.login_as(plan.facilitator)
    response = client.get(f"{plan.base}/import/template.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith(
        '"indicator";"indicator name";"unit";"target"'
    )
    assert f'"{plan.indicator.id}";"Share of communal work' in text
    assert "psykologit ja kuraattorit" in text and "terveydenhoitajat" in text
