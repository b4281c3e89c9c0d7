"""No object is reachable by guessing another process's id.

For every rule with an object id in its address, a person allowed on process A
(its facilitator, or a member of its group where only members may act) asks for A's
address with process B's object in place of A's: the answer is 404 (or 403), never a
page of B's object and never a change to it. Ids of the wrong kind inside A (a
workshop note where a discussion comment belongs) are not found either.
"""

from __future__ import annotations

import pytest

from app import create_app
from config import TestingConfig

from .route_expectations import EXPECTATIONS, ID_ARGUMENTS, Obj, arguments_for, rule_key
from .world import _fresh_rate_limits as _world_rate_limits
from .world import (
    changed_tables,
    client_for,
    fingerprint,
    path_for,
    resolve,
)
from .world import matrix_world as _world_fixture

#: The shared module-scoped world and the per-test limiter reset (fixtures).
matrix_world = _world_fixture
_fresh_rate_limits = _world_rate_limits

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

#: Who asks: the first of these that the policy lets in on A (GET or POST).
PREFERENCE = ("facilitator", "participant", "observer", "admin")

#: The same role in process B, for the control request.
COUNTERPARTS = {"facilitator": "other_facilitator", "participant": "outsider"}


def _cases():
    """(rule key, id argument) for every id argument of every rule."""
    app = create_app(TestingConfig, {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    cases = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for name in sorted(rule.arguments & ID_ARGUMENTS):
            cases.append((rule_key(rule), name))
    return sorted(cases)


CASES = _cases()


def _rule(app, key):
    for rule in app.url_map.iter_rules():
        if rule.endpoint != "static" and rule_key(rule) == key:
            return rule
    raise AssertionError(f"no rule {key}")


def _role_for(key: str, method: str) -> str:
    expectation = EXPECTATIONS.get(key)
    assert expectation is not None, f"{key} is not classified (test_route_matrix)"
    allowed = expectation.get if method == "GET" else expectation.post_roles
    return next((role for role in PREFERENCE if role in (allowed or ())), None)


def _swapped_url(app, world, key: str, name: str, replacement=None) -> tuple[str, int]:
    """A's address of the rule with B's object (or ``replacement``) for ``name``."""
    rule = _rule(app, key)
    arguments = arguments_for(key, rule)
    values = {arg: resolve(world.a, value) for arg, value in arguments.items()}
    ref = arguments[name]
    assert isinstance(ref, Obj), f"{key}: {name} is not an object id"
    values[name] = replacement if replacement is not None else resolve(world.b, ref)
    assert values[name] != resolve(world.a, ref)
    return path_for(rule, values), values[name]


@pytest.mark.parametrize(("key", "name"), CASES)
def test_other_process_id_is_not_found(_session_app, matrix_world, key, name):
    """A's address with B's object id is refused for GET and POST, and writes nothing."""
    app, world = _session_app, matrix_world
    url, _ = _swapped_url(app, world, key, name)
    rule = _rule(app, key)
    problems = []
    checked = 0
    if "GET" in rule.methods:
        role = _role_for(key, "GET")
        if role is not None:
            response = client_for(app, world, role).get(url)
            checked += 1
            if response.status_code not in (403, 404):
                problems.append(f"GET as {role}: {response.status_code}")
    method = next((m for m in WRITE_METHODS if m in rule.methods), None)
    if method is not None:
        role = _role_for(key, method)
        if role is not None:
            before = fingerprint()
            response = client_for(app, world, role).open(url, method=method, data={})
            checked += 1
            if response.status_code not in (403, 404):
                problems.append(f"{method} as {role}: {response.status_code}")
            changed = changed_tables(before, fingerprint())
            if changed:
                problems.append(f"{method} as {role} changed {changed}")
    assert checked, f"{key}: nobody of A may use it; nothing was checked"
    assert not problems, f"{key} with B's {name} ({url}):\n" + "\n".join(problems)
    # The control: B's object is real, and served at B's own address to B's people.
    role = _role_for(key, "GET") if "GET" in rule.methods else None
    if role in COUNTERPARTS:
        values = {
            arg: resolve(world.b, value)
            for arg, value in arguments_for(key, rule).items()
        }
        response = client_for(app, world, COUNTERPARTS[role]).get(
            path_for(rule, values)
        )
        expected = EXPECTATIONS[key].allowed_statuses(role)
        assert response.status_code in expected, (
            f"control: {key} of B for {COUNTERPARTS[role]}: {response.status_code}"
        )


#: Comments of A that are not discussion comments: a workshop note, a survey answer.
FOREIGN_COMMENTS = ("note", "survey_comment")

#: The discussion views that load a comment by id.
DISCUSSION_COMMENT_KEYS = sorted(
    key
    for key, _name in CASES
    if key.startswith("discussions.") and _name == "comment_id"
)


@pytest.mark.parametrize("kind", FOREIGN_COMMENTS)
@pytest.mark.parametrize("key", DISCUSSION_COMMENT_KEYS)
def test_discussion_comment_views_do_not_serve_other_comments(
    _session_app, matrix_world, key, kind
):
    """A workshop note or a survey answer of the same process is not a discussion
    comment: the discussion's comment pages answer 404, not a server error."""
    app, world = _session_app, matrix_world
    expectation = EXPECTATIONS[key]
    role = next(r for r in PREFERENCE if r in expectation.get)
    url, _ = _swapped_url(app, world, key, "comment_id", world.a[kind].id)
    before = fingerprint()
    response = client_for(app, world, role).get(url)
    assert response.status_code == 404, f"GET {url} as {role}: {response.status_code}"
    if "POST" in _rule(app, key).methods:
        response = client_for(app, world, role).post(url, data={"reason": "x"})
        status = response.status_code
        assert status == 404, f"POST {url} as {role}: {status}"
    assert changed_tables(before, fingerprint()) == []


#: phase_id of another kind of A's phases: what each blueprint must not serve.
WRONG_PHASES = {
    "discussions": ("seminar_phase", "survey_phase"),
    "seminars": ("discussion_phase", "survey_phase", "followup_phase"),
    "voting": ("survey_phase", "followup_phase"),
}


def _wrong_phase_cases():
    return [
        (key, phase)
        for key, name in CASES
        if name == "phase_id"
        for phase in WRONG_PHASES.get(key.split(".", 1)[0], ())
    ]


@pytest.mark.parametrize(("key", "phase"), _wrong_phase_cases())
def test_phase_of_the_wrong_kind_is_not_found(_session_app, matrix_world, key, phase):
    """A's phase of another kind in a seminar's, discussion's or ballot's address is
    not found (404), not served as if it were of the right kind."""
    app, world = _session_app, matrix_world
    method = "GET" if "GET" in _rule(app, key).methods else "POST"
    role = _role_for(key, method)
    url, _ = _swapped_url(app, world, key, "phase_id", world.a[phase].id)
    before = fingerprint()
    response = client_for(app, world, role).open(url, method=method, data={})
    assert response.status_code == 404, (
        f"{method} {url} as {role}: {response.status_code}"
    )
    assert changed_tables(before, fingerprint()) == []


def _form_cases(world):
    """(role, path, form) posts that carry one of B's ids inside the form."""
    a, b = world.a, world.b
    control = f"/p/{a['slug']}/workshops/{a['workshop'].id}/control"
    thread = (
        f"/p/{a['slug']}/discussions/{a['discussion_phase'].id}"
        f"/prompts/{a['prompt'].id}/"
    )
    return {
        "control: hide B's note": (
            "facilitator",
            f"{control}/hide",
            {"note_id": b["note"].id, "reason": "Asiaton"},
        ),
        "control: move a note to B's prompt": (
            "facilitator",
            f"{control}/move",
            {"note_id": a["note"].id, "prompt_id": b["workshop_prompt"].id},
        ),
        "control: merge into B's note": (
            "facilitator",
            f"{control}/merge",
            {"note_id": a["note"].id, "into_id": b["note"].id},
        ),
        "control: show B's prompt": (
            "facilitator",
            f"{control}/current",
            {"prompt_id": b["workshop_prompt"].id},
        ),
        "live: a note on B's prompt": (
            "participant",
            f"/p/{a['slug']}/workshops/{a['workshop'].id}/live",
            {
                "note-body": "Väärä paikka",
                "note-prompt_id": b["workshop_prompt"].id,
                "note-group_id": a["group1"].id,
                "note-submit": "x",
            },
        ),
        "thread: a comment for B's group": (
            "participant",
            thread,
            {"body": "Väärä ryhmä", "group_id": b["group1"].id},
        ),
        "survey: a question feeding B's indicator": (
            "facilitator",
            f"/p/{a['slug']}/surveys/{a['survey_phase'].id}/questions/new",
            {
                "kind": "likert",
                "text-fi": "Väärä mittari",
                "scale_max": "5",
                "indicator": b["indicator"].id,
            },
        ),
        "coding: a code of B's theme": (
            "facilitator",
            f"/p/{a['slug']}/coding/comments/{a['reply'].id}/codes",
            {"theme": b["theme"].id},
        ),
    }


FORM_CASE_NAMES = (
    "control: hide B's note",
    "control: move a note to B's prompt",
    "control: merge into B's note",
    "control: show B's prompt",
    "live: a note on B's prompt",
    "thread: a comment for B's group",
    "survey: a question feeding B's indicator",
    "coding: a code of B's theme",
)


@pytest.mark.parametrize("case", FORM_CASE_NAMES)
def test_other_process_id_in_a_form_is_refused(_session_app, matrix_world, case):
    """An id of B's object sent in a form field on A's page is refused and changes
    nothing (the page's own choices or a check of the object's process)."""
    app, world = _session_app, matrix_world
    role, url, data = _form_cases(world)[case]
    before = fingerprint()
    response = client_for(app, world, role).post(url, data=data)
    changed = changed_tables(before, fingerprint())
    assert changed == [], f"{case}: {response.status_code}, changed {changed}"
    assert response.status_code in (302, 400, 404, 409, 422), (
        f"{case}: {response.status_code}"
    )
