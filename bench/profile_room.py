"""The room mix's requests for ``bench.profile_request --room``: a quick vote, a
question, a like, and the questions page the last two lead to.

A second participant (another work group's invite link) first asks ``questions``
questions, so the profiled participant has a full list to read and questions that
are not its own to like.
"""

from __future__ import annotations

import itertools
import re

_LIKE = re.compile(r'action="([^"]*/questions/(\d+)/like[^"]*)"[^>]*>\s*<input[^>]*>\s*'
                   r'<input type="hidden" name="liked" value="1"')  # fmt: skip


def sign_in(app, code: str, name: str, hidden):
    client = app.test_client()
    page = client.get(f"/join/{code}").text
    client.post(
        f"/join/{code}",
        data={"display_name": name, "csrf_token": hidden(page, "csrf_token")},
    )
    return client


def room_kinds(app, seed: dict, client, hidden, questions: int) -> dict:
    """name -> (unprofiled set-up giving the call's argument, the profiled call)."""
    base = f"/p/{seed['slug']}"
    live = f"{base}/workshops/{seed['workshop_id']}/live"
    vote = f"{base}/workshops/{seed['workshop_id']}/votes/{seed['vote_id']}"
    asked = f"{base}/seminars/{seed['phase_id']}/questions?item={seed['talk_id']}"
    prefix = f"vote{seed['vote_id']}"
    options = itertools.cycle(seed["vote_options"])

    def ask(who, page: str, number: int):
        data = {
            name: hidden(page, name)
            for name in ("ask-csrf_token", "ask-submission_key", "ask-group_id")
        }
        data.update({"ask-body": f"Kysymys {number}?", "ask-submit": "1"})
        response = who.post(asked, data=data)
        assert response.status_code == 302, response.status_code
        return response

    other = sign_in(app, seed["invite_codes"][1], "Kysyjä", hidden)
    for number in range(questions):
        ask(other, other.get(asked).text, number)

    def cast(page: str, _n: int):
        response = client.post(
            vote,
            data={
                f"{prefix}-csrf_token": hidden(page, f"{prefix}-csrf_token"),
                f"{prefix}-choice": str(next(options)),
                f"{prefix}-submit": "1",
            },
        )
        assert response.status_code == 302, response.status_code
        return response

    def like(page: str, _n: int):
        action = _LIKE.search(page)
        assert action, "nothing left to like"
        response = client.post(
            action.group(1).replace("&amp;", "&"),
            data={"csrf_token": hidden(page, "csrf_token"), "liked": "1"},
        )
        assert response.status_code == 302, response.status_code
        return response

    return {
        "POST quick vote (a change)": (lambda: client.get(live).text, cast),
        f"GET questions page ({questions}+ questions)": (
            lambda: None,
            lambda _, n: client.get(asked),
        ),
        "POST question": (
            lambda: client.get(asked).text,
            lambda page, n: ask(client, page, 90_000 + n),
        ),
        "POST like": (lambda: client.get(asked).text, like),
    }
