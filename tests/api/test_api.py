"""The read-only API (issue 18) as its users call it: public data without a key,
private data with a personal token, pages, ETags, errors, limits and CORS."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from app.exports.json import summary_data
from app.exports.proposal_view import proposal_view
from app.exports.summary import build_summary
from app.models import Comment, Role
from app.text import render_markdown
from app.tokens.services import create_token, revoke_token

from ..opendata_world import DELETED_WORD, HIDDEN_WORD

API = "/api/v1"
SUMMARY_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "summary.schema.json").read_text()
)


def _token(db, world, processes=None, days=30):
    now = datetime.now(UTC)
    token, text = create_token(
        world.facilitator,
        name="Raportti",
        processes=processes or [world.process],
        days=days,
        now=now,
    )
    db.session.commit()
    return token, text


def _bearer(text):
    return {"Authorization": f"Bearer {text}"}


def test_index_and_process_list(client, open_world):
    assert client.get(f"{API}/").json["links"]["openapi"] == "/api/v1/openapi.json"
    data = client.get(f"{API}/processes").json
    assert [p["slug"] for p in data["data"]] == ["kuntakokeilu"]
    assert data["next_cursor"] is None
    process = data["data"][0]
    assert process["title"]["sv"] == "Kommunförsöket"
    assert process["public"] is True
    assert process["links"]["page"] == "/open/kuntakokeilu/"


def test_public_process_reads(client, open_world):
    base = f"{API}/processes/kuntakokeilu"
    assert client.get(base).json["data"]["slug"] == "kuntakokeilu"
    phases = client.get(f"{base}/phases").json["data"]
    assert phases[0]["kind"] == "discussion" and phases[0]["state"] == "closed"
    prompts = client.get(f"{base}/prompts").json["data"]
    assert [p["question"]["en"] for p in prompts] == [
        "What works?",
        "What should change?",
    ]
    themes = client.get(f"{base}/themes").json["data"]
    assert [t["title"]["en"] for t in themes][:2] == ["Guidance", "Wellbeing"]
    ballots = client.get(f"{base}/ballots").json["data"]
    assert ballots[0]["state"] == "closed"
    rows = ballots[0]["results"]["rows"]
    assert rows[0]["theme_id"] == open_world.themes[3].id and rows[0]["score"] == 3
    indicators = client.get(f"{base}/indicators").json["data"]
    assert indicators[0]["targets"] == [{"subgroup": "", "value": 30.0}]
    assert [v["value"] for v in indicators[0]["values"]] == [22.0, 26.0]


def test_comments_are_visible_ones_with_confirmed_themes(client, open_world):
    data = client.get(f"{API}/processes/kuntakokeilu/comments").json
    body = json.dumps(data, ensure_ascii=False)
    for word in (HIDDEN_WORD, DELETED_WORD, "Maija Meikäläinen"):
        assert word not in body
    comments = {c["id"]: c for c in data["data"]}
    assert len(comments) == 10
    t1, t2, t3, t4, _t5 = (t.id for t in open_world.themes)
    c = open_world.comments
    assert comments[c[0].id]["themes"] == [t1]
    assert comments[c[6].id]["themes"] == [t3]
    assert comments[c[7].id]["themes"] == []  # only suggested
    assert comments[c[9].id]["themes"] == []  # rejected
    assert comments[c[3].id]["parent_id"] == c[0].id
    assert all(comment["author"] is None for comment in comments.values())


def test_names_only_when_the_process_shows_them(client, db, open_world):
    open_world.process.show_names = True
    db.session.commit()
    data = client.get(f"{API}/processes/kuntakokeilu/comments").json["data"]
    assert data[0]["author"] == "Maija Meikäläinen"


def test_comments_come_a_page_at_a_time(client, open_world):
    url = f"{API}/processes/kuntakokeilu/comments?limit=3"
    seen = []
    while url:
        page = client.get(url).json
        assert len(page["data"]) <= 3
        seen.extend(c["id"] for c in page["data"])
        cursor = page["next_cursor"]
        url = (
            cursor and f"{API}/processes/kuntakokeilu/comments?limit=3&cursor={cursor}"
        )
    assert seen == sorted(c.id for c in open_world.comments)


@pytest.mark.parametrize(
    "query",
    ["limit=0", "limit=201", "limit=abc", "cursor=nonsense", "cursor=YWZ0ZXI6eA"],
)
def test_bad_page_parameters_are_400_json(client, open_world, query):
    response = client.get(f"{API}/processes/kuntakokeilu/comments?{query}")
    assert response.status_code == 400
    assert response.json["error"]["code"] == "bad_request"
    assert response.json["error"]["status"] == 400
    assert response.json["error"]["message"]


def test_open_discussion_comments_need_a_token(client, db, open_world):
    open_world.phase.ends_at = datetime.now(UTC) + timedelta(days=1)
    open_world.ballot.closes_at = datetime.now(UTC) + timedelta(days=1)
    db.session.commit()
    base = f"{API}/processes/kuntakokeilu"
    assert client.get(f"{base}/comments").json["data"] == []
    assert client.get(f"{base}/ballots").json["data"][0]["results"] is None
    assert client.get(f"{base}/summary").status_code == 404
    _token_row, text = _token(db, open_world)
    assert len(client.get(f"{base}/comments", headers=_bearer(text)).json["data"]) == 10
    ballot = client.get(f"{base}/ballots", headers=_bearer(text)).json["data"][0]
    assert ballot["results"]["voters"] == 3
    assert client.get(f"{base}/summary", headers=_bearer(text)).status_code == 200


def test_summary_is_the_exports_data_object(client, open_world):
    response = client.get(f"{API}/processes/kuntakokeilu/summary?lang=en")
    assert response.status_code == 200
    data = response.json["data"]
    jsonschema.validate(data, SUMMARY_SCHEMA)
    expected = summary_data(
        build_summary(open_world.process, language="en"),
        proposal_view(open_world.process, staff=False),
    )
    data.pop("generated_at")
    expected.pop("generated_at")
    assert data == json.loads(json.dumps(expected))
    assert HIDDEN_WORD not in response.get_data(as_text=True)
    phase = client.get(
        f"{API}/processes/kuntakokeilu/summary?phase={open_world.phase.id}"
    )
    assert phase.json["data"]["phase_id"] == open_world.phase.id
    assert (
        client.get(f"{API}/processes/kuntakokeilu/summary?lang=de").status_code == 400
    )


def test_private_process_needs_a_token_of_its_own(client, db, open_world, create_user):
    open_world.process.is_public = False
    db.session.commit()
    base = f"{API}/processes/kuntakokeilu"
    missing = client.get(base)
    assert missing.status_code == 404
    assert missing.json["error"]["code"] == "not_found"
    assert client.get(f"{API}/processes").json["data"] == []
    token, text = _token(db, open_world)
    assert token.token_hash != text and text.startswith("osa_")
    response = client.get(base, headers=_bearer(text))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    listed = client.get(f"{API}/processes", headers=_bearer(text)).json["data"]
    assert [p["slug"] for p in listed] == ["kuntakokeilu"]
    # The other process is not covered by the token.
    assert (
        client.get(f"{API}/processes/toinen", headers=_bearer(text)).status_code == 404
    )
    # A token gives no more than its owner has: removed from the process, nothing.
    for role in list(open_world.process.roles):
        if role.user_id == open_world.facilitator.id:
            db.session.delete(role)
    db.session.commit()
    assert client.get(base, headers=_bearer(text)).status_code == 404


@pytest.mark.parametrize("header", ["Bearer osa_wrong", "Basic abc", "Bearer "])
def test_unknown_tokens_are_401(client, open_world, header):
    response = client.get(f"{API}/processes", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_revoked_and_expired_tokens_stop_working(client, db, open_world):
    token, text = _token(db, open_world)
    assert client.get(f"{API}/processes", headers=_bearer(text)).status_code == 200
    revoke_token(token, actor=open_world.facilitator, now=datetime.now(UTC))
    db.session.commit()
    assert client.get(f"{API}/processes", headers=_bearer(text)).status_code == 401
    token2, text2 = _token(db, open_world)
    token2.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    assert client.get(f"{API}/processes", headers=_bearer(text2)).status_code == 401


def test_etag_and_cache_control(client, db, open_world):
    url = f"{API}/processes/kuntakokeilu/themes"
    first = client.get(url)
    assert first.headers["Cache-Control"] == "public, max-age=60"
    etag = first.headers["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    open_world.themes[0].title = {"fi": "Ohjaus ja neuvonta"}
    db.session.commit()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    summary = f"{API}/processes/kuntakokeilu/summary"
    tag = client.get(summary).headers["ETag"]
    assert client.get(summary, headers={"If-None-Match": tag}).status_code == 304


def test_errors_are_json_of_one_shape(client, open_world):
    for url, status, code in (
        (f"{API}/nothing-here", 404, "not_found"),
        (f"{API}/processes/no-such", 404, "not_found"),
        (f"{API}/processes/kuntakokeilu/comments?phase=0", 404, "not_found"),
    ):
        response = client.get(url)
        assert response.status_code == status, url
        assert response.mimetype == "application/json"
        assert set(response.json["error"]) == {"status", "code", "message"}
        assert response.json["error"]["code"] == code
    post = client.post(f"{API}/processes")
    assert post.status_code in (400, 405)
    assert post.mimetype == "application/json"


def test_rate_limit_answers_429_json(client, app, open_world):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    statuses = [client.get(f"{API}/processes").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get(f"{API}/processes")
    assert response.json["error"]["code"] == "rate_limited"
    assert int(response.headers["Retry-After"]) > 0


def test_cors_is_off_by_default_and_configurable(client, app, open_world):
    origin = {"Origin": "https://data.example.fi"}
    response = client.get(f"{API}/processes", headers=origin)
    assert "Access-Control-Allow-Origin" not in response.headers
    app.config["API_CORS_ORIGINS"] = "https://data.example.fi"
    response = client.get(f"{API}/processes", headers=origin)
    assert response.headers["Access-Control-Allow-Origin"] == "https://data.example.fi"
    other = client.get(f"{API}/processes", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options(
        f"{API}/processes",
        headers={**origin, "Access-Control-Request-Headers": "Authorization"},
    )
    assert "Authorization" in preflight.headers["Access-Control-Allow-Headers"]


def test_fixed_sql_whatever_the_page_size(client, db, open_world):
    """The number of statements of a comments page does not grow with its size."""
    import sqlalchemy as sa

    world = open_world
    prompt = world.comments[0].prompt
    for n in range(40):
        body = f"Lisäkommentti {n}"
        db.session.add(
            Comment(
                prompt_id=prompt.id,
                group_id=world.groups[n % 3].id,
                author_id=world.members[n % 3].id,
                body=body,
                body_html=str(render_markdown(body)),
                created_at=datetime(2026, 11, 21, tzinfo=UTC) + timedelta(minutes=n),
            )
        )
    db.session.commit()
    statements = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    engine = db.engine
    counts = {}
    for limit in (1, 5, 50):
        for url in (
            f"{API}/processes/kuntakokeilu/comments?limit={limit}",
            f"{API}/processes?limit={limit}",
        ):
            statements.clear()
            sa.event.listen(engine, "before_cursor_execute", count)
            try:
                assert client.get(url).status_code == 200
            finally:
                sa.event.remove(engine, "before_cursor_execute", count)
            counts.setdefault(url.split("?")[0], set()).add(
                len([s for s in statements if not s.startswith(("BEGIN", "ROLLBACK"))])
            )
    for path, numbers in counts.items():
        assert len(numbers) == 1, (path, numbers)
        assert 0 < min(numbers) <= 6, (path, numbers)


def test_token_covering_another_process_is_refused(db, open_world, create_user):
    other = create_user(Role.FACILITATOR)
    from app.tokens.services import NotYourProcess

    with pytest.raises(NotYourProcess):
        create_token(
            other,
            name="x",
            processes=[open_world.process],
            days=1,
            now=datetime.now(UTC),
        )
