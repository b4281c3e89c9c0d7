"""The product benchmark's clients as locust users, one class per kind of visitor.

``bench/suite.py`` runs one scenario at a time: its users sign in (phase
``signin``), then repeat their action with no pause while the phase is ``measure``,
and finish the action they are in when it ends, so every write the server made has
its response counted. Requests are reported through locust's ``request`` event with
the phase they started in (``RoomUser.checked``).
"""

from __future__ import annotations

import itertools
import random
import time
from dataclasses import dataclass, field

import gevent
from locust import task
from locust.exception import StopUser

from .locustfile import RoomUser, hidden_value

SIGNIN, MEASURE, DONE = "signin", "measure", "done"

CEILING = "GET bare Flask page"
READ_THREAD = "GET thread page"
POST_COMMENT = "POST comment -> 302"
AFTER_COMMENT = "GET thread after the comment"
POST_VOTE = "POST vote -> 302"
AFTER_VOTE = "GET ballot after the vote"
BALLOT_POLL = "GET ballot projector (If-None-Match)"
WORKSHOP_POLL = "GET workshop projector (If-None-Match)"
API_READ = "GET /api/v1 (public process)"


@dataclass
class Run:
    """What the driver and one scenario's users share."""

    host: str
    seed: dict
    groups_per_voter: int = 5
    #: Seconds between the actions of users that pause (the live view's voter).
    think: float = 2.0
    #: Paced scenarios: each client acts once every ``pace`` seconds (0: no pause).
    pace: float = 0.0
    phase: str = SIGNIN
    signed_in: int = 0
    signin_failures: int = 0
    active: int = 0
    #: Groups handed out to voters, so no two voters ever share one.
    _next_group: itertools.count = field(default_factory=itertools.count)
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    def next_number(self) -> int:
        return next(self._numbers)

    def take_groups(self, count: int, *, commenting: bool = False) -> list:
        """``count`` groups, round robin (over the commenting groups if asked)."""
        pool = (
            self.seed["groups"][: self.seed["comment_groups"]]
            if commenting
            else (self.seed["groups"])
        )
        return [pool[next(self._next_group) % len(pool)] for _ in range(count)]

    def thread_path(self, prompt_id: int) -> str:
        return (
            f"/p/{self.seed['slug']}/discussions/{self.seed['phase_id']}"
            f"/prompts/{prompt_id}/"
        )

    def ballot_path(self) -> str:
        return f"/p/{self.seed['slug']}/ballots/{self.seed['ballot_id']}/"


class Visitor(RoomUser):
    """Signs in (``sign_in``), then repeats ``action`` while the phase is measure."""

    abstract = True

    @property
    def state(self) -> Run:
        return self.environment.scenario

    def sign_in(self) -> None:  # nothing to do for anonymous visitors
        pass

    def on_start(self) -> None:
        self.number = self.state.next_number()
        try:
            self.sign_in()
        except Exception:
            self.state.signin_failures += 1
            raise StopUser() from None
        self.state.signed_in += 1

    def join(self, code: str) -> None:
        """Join a work group through its invite link (signed in already or not)."""
        page = self.checked("GET", f"/join/{code}", "sign-in: GET join", (200,))
        data = {"csrf_token": hidden_value(page.text, "csrf_token")}
        if 'name="display_name"' in page.text:
            data["display_name"] = f"Osallistuja {self.number:03d}"
        self.checked("POST", f"/join/{code}", "sign-in: POST join -> 302", (302,),
                     data=data)  # fmt: skip

    def action(self) -> None:
        raise NotImplementedError

    @task
    def repeat(self) -> None:
        run = self.state
        while run.phase == SIGNIN:
            gevent.sleep(0.05)
        run.active += 1
        try:
            # Paced: the clients' slots spread evenly over the first period.
            next_at = time.monotonic() + random.uniform(0, run.pace)
            while self.wait_until(next_at):
                self.action()
                next_at += run.pace
        finally:
            run.active -= 1
        raise StopUser()

    def wait_until(self, moment: float) -> bool:
        """Sleep until ``moment`` (paced) or not at all; False when the phase ends."""
        while self.state.phase == MEASURE and time.monotonic() < moment:
            gevent.sleep(min(0.25, moment - time.monotonic()))
        return self.state.phase == MEASURE

    def follow(self, post, name: str):
        """Follow a 302 as a browser would; the page, or None."""
        if post.status_code != 302:
            return None
        location = (post.headers.get("Location") or "").split("#")[0]
        page = self.checked("GET", location, name, (200,))
        return page if page.status_code == 200 else None


class CeilingUser(Visitor):
    def action(self) -> None:
        self.checked("GET", "/", CEILING, (200,))


class ThreadReader(Visitor):
    """A participant reading the threads: a page of 20 threads and their replies."""

    def sign_in(self) -> None:
        [(_id, code)] = self.state.take_groups(1, commenting=True)
        self.join(code)

    def action(self) -> None:
        prompt = random.choice(self.state.seed["prompt_ids"])
        page = random.randint(1, 3)
        self.checked("GET", self.state.thread_path(prompt) + f"?page={page}",
                     READ_THREAD, (200,))  # fmt: skip


class Poster(Visitor):
    """A participant posting comments: the thread page's form, then the page."""

    def sign_in(self) -> None:
        [(self.group_id, code)] = self.state.take_groups(1, commenting=True)
        self.join(code)
        self.path = self.state.thread_path(random.choice(self.state.seed["prompt_ids"]))
        self.read_form(self.checked("GET", self.path, "sign-in: GET thread", (200,)))
        self.sent = 0

    def read_form(self, page) -> None:
        self.form = {
            name: hidden_value(page.text or "", name)
            for name in ("csrf_token", "submission_key")
        }
        if not all(self.form.values()):
            raise ValueError("the thread page has no comment form")

    def action(self) -> None:
        if not self.form:
            self.read_form(
                self.checked("GET", self.path, "GET thread (reload)", (200,))
            )
        self.sent += 1
        data = dict(self.form, group_id=str(self.group_id), submit="1",
                    body=f"Kuormakommentti {self.number}-{self.sent}: lisää pyöräteitä.")  # fmt: skip
        self.form = {}  # a submission key is sent once
        page = self.follow(
            self.checked("POST", self.path, POST_COMMENT, (302,), data=data),
            AFTER_COMMENT,
        )
        if page is not None:
            self.read_form(page)


class Voter(Visitor):
    """A member of several groups casting, then changing, each group's vote."""

    #: How many groups; None: ``Run.groups_per_voter``.
    group_count: int | None = None

    def sign_in(self) -> None:
        self.groups = self.state.take_groups(
            self.group_count or self.state.groups_per_voter
        )
        for _id, code in self.groups:
            self.join(code)
        page = self.checked(
            "GET", self.state.ballot_path(), "sign-in: GET ballot", (200,)
        )
        self.csrf = hidden_value(page.text, "csrf_token")
        self.turn = 0

    def action(self) -> None:
        group_id, _code = self.groups[self.turn % len(self.groups)]
        themes = self.state.seed["theme_ids"]
        first = self.turn // len(self.groups)  # each round a different choice
        self.turn += 1
        data = {"csrf_token": self.csrf, "group_id": str(group_id), "submit": "1"}
        for n in range(3):
            data[f"theme-{themes[(first + n) % len(themes)]}"] = "y"
        self.follow(
            self.checked(
                "POST", self.state.ballot_path(), POST_VOTE, (302,), data=data
            ),
            AFTER_VOTE,
        )


class PausingVoter(Voter):
    """The live view's one voter: a change every ``Run.think`` seconds."""

    group_count = 1

    def action(self) -> None:
        super().action()
        gevent.sleep(self.state.think)


class LiveViewer(Visitor):
    """A screen polling the ballot's and the workshop's projector with its ETags."""

    def sign_in(self) -> None:
        [(_id, code)] = self.state.take_groups(1, commenting=True)
        self.join(code)
        seed = self.state.seed
        self.polls = [
            (f"/p/{seed['slug']}/ballots/{seed['ballot_id']}/projector/live",
             BALLOT_POLL),
            (f"/p/{seed['slug']}/workshops/{seed['workshop_id']}/projector/live",
             WORKSHOP_POLL),
        ]  # fmt: skip
        self.etags: dict[str, str] = {}

    def action(self) -> None:
        for path, name in self.polls:
            tag = self.etags.get(path)
            response = self.checked("GET", path, name, (200, 304),
                                    headers={"If-None-Match": tag} if tag else {})  # fmt: skip
            if response.status_code == 200:
                self.etags[path] = response.headers.get("ETag") or ""


class ApiReader(Visitor):
    """A program reading the public process: its resources, then every comment page."""

    def sign_in(self) -> None:
        base = f"/api/v1/processes/{self.state.seed['public_slug']}"
        self.paths = [base + tail for tail in
                      ("", "/phases", "/prompts", "/themes", "/ballots")]  # fmt: skip
        self.comments = base + "/comments?limit=50"
        self.cursor: str | None = None
        self.turn = 0

    def action(self) -> None:
        self.turn += 1
        if self.turn % 2:
            self.checked("GET", random.choice(self.paths), API_READ, (200,))
            return
        path = self.comments + (f"&cursor={self.cursor}" if self.cursor else "")
        response = self.checked("GET", path, API_READ, (200,))
        try:
            self.cursor = response.json().get("next_cursor")
        except ValueError:
            self.cursor = None
