"""Hostile input: oversized bodies, binary and malformed UTF-8, NUL bytes, empty and
whitespace-only forms, garbage query arguments and ids. Never a 500; always a clear
message (a translated 4xx page or the form's own error), and a refused comment keeps
what was typed."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.models import Comment

from .conftest import errors_of
from .html_check import text_of

ONE_MB = 1024 * 1024
BINARY = bytes(range(256)) * 64
#: Invalid UTF-8: a lone continuation byte, an overlong "<", a surrogate, a cut-off
#: sequence, and 0xff/0xfe which never appear in UTF-8.
MALFORMED = b"\x80 \xc0\xbc \xed\xa0\x80 \xe2\x82 \xff\xfe <\xc0\xbcscript>"


def _form(pairs: dict[str, bytes]) -> bytes:
    """An application/x-www-form-urlencoded body from raw bytes (percent-encoded)."""
    from urllib.parse import quote_from_bytes

    return b"&".join(
        quote_from_bytes(k.encode()).encode() + b"=" + quote_from_bytes(v).encode()
        for k, v in pairs.items()
    )


def _multipart(pairs: dict[str, bytes]) -> tuple[bytes, str]:
    boundary = "----osallistamo-hostile"
    parts = []
    for name, value in pairs.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + value
            + b"\r\n"
        )
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _assert_clear(response, allowed=(200, 302, 303, 400, 404, 409, 410, 413, 422)):
    """Not a 500, and a 4xx carries a readable page with a message, not a bare text."""
    assert response.status_code != 500
    assert response.status_code in allowed, response.status_code
    if response.status_code >= 400:
        html = response.get_data(as_text=True)
        assert "<h1" in html, f"{response.status_code} without a page: {html[:200]}"
        assert text_of(html).strip()


def _post_raw(client, url, body: bytes, content_type: str):
    return client.post(url, data=body, content_type=content_type)


def _targets(world):
    """Forms a participant or facilitator sends: (url, field names, who)."""
    return [
        ("/login", ["email", "password"], None),
        ("/join", ["code"], None),
        (f"/join/{world.group.invite_code}", ["display_name"], None),
        (world.thread, ["body", "submission_key"], "member"),
        (f"/p/{world.slug}/edit", ["title-en", "description-en", "region"], "fac"),
        (
            f"/p/{world.slug}/themes/new",
            ["title-en", "description-en", "keywords"],
            "fac",
        ),
        ("/organisations/new", ["name", "kind"], "admin"),
        (f"/p/{world.slug}/groups/new", ["name", "contact_name"], "fac"),
        (world.live, ["note-body", "note-submit"], "member"),
    ]


def _sign_in(auth, world, who):
    if who is None:
        auth.logout()
    else:
        auth.login_as(
            {"member": world.member, "fac": world.facilitator, "admin": world.admin}[
                who
            ]
        )


@pytest.mark.parametrize(
    "kind", ["binary", "malformed", "nul", "empty", "spaces", "huge_field"]
)
def test_forms_survive_hostile_bodies(client, auth, world, kind):
    """Every main form, sent binary bytes, malformed UTF-8, NUL bytes, nothing,
    only spaces or 100 000 characters per field (urlencoded and multipart), answers
    with its own form errors or a translated 4xx page, never a 500."""
    value = {
        "binary": BINARY[:4000],
        "malformed": MALFORMED,
        "nul": b"Hei\x00<script>__xss(0)</script>\x00",
        "empty": b"",
        "spaces": b" \t\r\n \xc2\xa0 ",
        "huge_field": b"x" * 100_000,
    }[kind]
    for url, fields, who in _targets(world):
        _sign_in(auth, world, who)
        pairs = {name: value for name in fields}
        response = _post_raw(
            client, url, _form(pairs), "application/x-www-form-urlencoded"
        )
        _assert_clear(response)
        body, content_type = _multipart(pairs)
        _assert_clear(_post_raw(client, url, body, content_type))


def test_one_megabyte_body_and_many_fields(client, auth, world):
    """A 1 MB field and 5000 fields are refused with a translated page (413) or
    the form's own errors; never a 500 and never the server's bare error text."""
    auth.login_as(world.member)
    huge = _form({"body": b"a" * ONE_MB})
    response = _post_raw(
        client, world.thread, huge, "application/x-www-form-urlencoded"
    )
    _assert_clear(response)
    many = b"&".join(b"f%d=x" % n for n in range(5000)) + b"&body=Hei"
    response = _post_raw(
        client, world.thread, many, "application/x-www-form-urlencoded"
    )
    _assert_clear(response)
    body, content_type = _multipart({f"f{n}": b"x" for n in range(2000)})
    _assert_clear(_post_raw(client, world.thread, body, content_type))


def test_too_long_comment_keeps_the_text(client, auth, db, world):
    """A comment over the limit is refused with the form's message, the text kept."""
    auth.login_as(world.member)
    text = "Pitkä kommentti " + "ä" * 5000
    response = client.post(world.thread, data={"body": text})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "The comment is too long" in text_of(html)
    assert "ä" * 5000 in html
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 0


@pytest.mark.parametrize("body", ["", "   ", "\n\t\r\n", "\u00a0\u2003"])
def test_empty_comment_is_refused_with_a_message(client, auth, db, world, body):
    """An empty or whitespace-only comment is refused with "Write the comment"."""
    auth.login_as(world.member)
    response = client.post(world.thread, data={"body": body})
    assert response.status_code == 422
    assert any("Write the comment" in e for e in errors_of(response.get_data(True)))
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 0


def test_malformed_utf8_comment_is_stored_readably(client, auth, db, world):
    """Malformed UTF-8 in a comment is kept as readable text (replacement characters
    or its percent escapes), never an error, and never becomes markup."""
    auth.login_as(world.member)
    body = _form({"body": b"Hyv\xe4 " + MALFORMED})
    response = _post_raw(
        client, world.thread, body, "application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    comment = db.session.scalars(sa.select(Comment)).one()
    comment.body.encode("utf-8")  # no lone surrogates: storable anywhere
    assert comment.body.startswith("Hyv") and "<script" not in comment.body_html


def test_nul_bytes_are_dropped_and_the_text_is_saved(client, auth, db, world):
    """NUL bytes are dropped when the form is read, so the text is saved without them
    (PostgreSQL refuses them in text; keeping them would lose the comment)."""
    auth.login_as(world.member)
    response = client.post(world.thread, data={"body": "Hei\x00 maailma\x00"})
    assert response.status_code == 302
    bodies = [comment.body for comment in db.session.scalars(sa.select(Comment))]
    assert "Hei maailma" in bodies
    assert all("\x00" not in body for body in bodies)


def test_a_huge_id_in_the_address_is_not_found(client, auth, world):
    """Ids beyond the database's integer range are a 404 at routing, not an overflow."""
    auth.login_as(world.member)
    response = client.get(world.thread.rsplit("/", 2)[0] + "/99999999999999999999/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=0",
        "page=abc",
        "page=99999999999999999999",
        "page=1e9",
        "page=%00",
        "sort=garbage",
        "sort=%3Cscript%3E",
        "group=abc",
        "theme=-5",
        "status=%ff%fe",
        "per_page=100000",
        "q=" + "x" * 5000,
        "prompt=99999999999999999999",
        "part=live&prompt=abc",
    ],
)
def test_list_pages_survive_garbage_query_arguments(client, auth, world, query):
    """Lists and filters with nonsense arguments answer 200 or a clear 4xx page."""
    auth.login_as(world.facilitator)
    for path in [
        world.thread,
        f"/p/{world.slug}/coding/",
        f"/p/{world.slug}/moderation/log",
        f"/p/{world.slug}/groups/",
        "/organisations/",
        "/p/",
        f"/p/{world.slug}/summary",
        world.live,
    ]:
        response = client.get(f"{path}?{query}")
        _assert_clear(response)
        # Query text never comes back as markup.
        assert "<script>" not in response.get_data(as_text=True).lower() or (
            "%3cscript" not in query.lower()
        )


@pytest.mark.parametrize(
    "path",
    [
        "/p/{slug}/discussions/99999999999999999999/",
        "/p/{slug}/discussions/{phase}/prompts/99999999999999999999/",
        "/p/{slug}/comments/99999999999999999999/edit",
        "/p/{slug}/comments/-1/edit",
        "/p/{slug}/comments/abc/reply",
        "/p/{slug}/groups/99999999999999999999",
        "/p/{slug}/ballots/99999999999999999999/",
        "/p/{slug}/themes/99999999999999999999/edit",
        "/p/{slug}/workshops/99999999999999999999/live",
        "/p/%00/",
        "/p/%ff%fe/",
        "/p/" + "x" * 3000 + "/",
        "/join/%00%ff",
        "/join/" + "A" * 5000,
        "/organisations/99999999999999999999/edit",
    ],
)
def test_impossible_ids_are_not_found(client, auth, world, path):
    """Huge, negative, non-numeric or binary ids give a translated 404 page."""
    auth.login_as(world.admin)
    response = client.get(path.format(slug=world.slug, phase=world.phase.id))
    _assert_clear(response, allowed=(404, 410))


def test_csv_and_json_endpoints_with_garbage(client, auth, world):
    """Exports asked for with garbage arguments still answer, never with a 500."""
    auth.login_as(world.facilitator)
    for fmt in ("csv", "json", "md", "html"):
        for query in ("", "?phase=abc", "?phase=99999999999999999999", "?lang=%ff"):
            response = client.get(f"/p/{world.slug}/summary.{fmt}{query}")
            assert response.status_code != 500
            assert response.status_code in (200, 400, 404)
