"""The seminar room as locust users: 150 phones adding notes, 3 projectors polling.

``bench/run.py`` drives these users through a timeline kept in a shared
:class:`Scenario` (sign-in, warm-up, the measured minute, a quiet spell, a burst):
the users only read its phase and wait on its events. Every request is reported
through locust's ``request`` event with the phase it started in, so the driver can
leave the sign-in and the warm-up out of the figures.

Participants sign in as people in the room do, through their work group's invite
link, each with their own cookies; a note is the phone page's form sent with the
CSRF token and submission key the page gave, then the 302 followed to the page with
the note on it. Projectors sign in as the facilitator and poll the projector's
fragment every 3 s with ``If-None-Match``, as ``static/js/live-poll.js`` does.

The *room* mix (``bench/mixed_room.py``) subclasses these: phones that also vote and
ask and like questions, and the stage's screen of questions.
"""

from __future__ import annotations

import itertools
import random
import re
import time
from dataclasses import dataclass, field

import gevent
from gevent.event import Event
from locust import FastHttpUser, task
from locust.contrib.fasthttp import FastHttpSession
from locust.exception import StopUser

#: Phases in order; requests are labelled with the one they started in.
SIGNIN, WARMUP, MEASURE, QUIET, BURST, DONE = (
    "signin",
    "warmup",
    "measure",
    "quiet",
    "burst",
    "done",
)
WRITING = (WARMUP, MEASURE)

#: Names of the requests in the results.
ADD_NOTE = "add a note (POST + redirected GET)"
POST_NOTE = "POST phone page (note) -> 302"
GET_AFTER_NOTE = "GET phone page after the note"
PROJECTOR = "GET projector fragment (If-None-Match)"
PHONE_POLL = "GET phone fragment (If-None-Match)"

WORDS = (
    "kirjasto yhteistyö lukeminen nuoret kokoelmat tilat vapaaehtoiset kumppanit "
    "kunta koulu tapahtumat digituki saavutettavuus aukioloajat palvelut asukkaat "
    "kokeilu resurssit viestintä verkosto"
).split()


def hidden_value(html: str, name: str) -> str | None:
    """The value of the input called ``name`` in a page (attributes in any order)."""
    for tag in re.finditer(r"<input\b[^>]*>", html):
        if f'name="{name}"' in tag.group(0):
            value = re.search(r'value="([^"]*)"', tag.group(0))
            return value.group(1) if value else None
    return None


@dataclass
class Scenario:
    """What the driver and the users share: the seed, the settings, the timeline."""

    host: str
    seed: dict
    think: tuple[float, float] = (10.0, 30.0)
    #: As the app's pages poll (app/seminars/queries_wall.POLL_INTERVAL_MS).
    poll_interval: float = 2.5
    phone_polling: bool = False
    burst: bool = True
    phase: str = SIGNIN
    writing: Event = field(default_factory=Event)
    burst_go: Event = field(default_factory=Event)
    finished: Event = field(default_factory=Event)
    signed_in: int = 0
    signin_failures: int = 0
    burst_done: int = 0
    #: When notes were accepted (monotonic seconds, phase): for the wall's freshness.
    notes_accepted_at: list = field(default_factory=list)
    #: Each wall projector's polls: (started, ended, phase), monotonic seconds.
    wall_polls: dict = field(default_factory=dict)
    _numbers: itertools.count = field(default_factory=lambda: itertools.count(1))

    def next_number(self) -> int:
        return next(self._numbers)

    def live_path(self) -> str:
        return f"/p/{self.seed['slug']}/workshops/{self.seed['workshop_id']}/live"

    def projector_fragment_path(self) -> str:
        return (
            f"/p/{self.seed['slug']}/workshops/{self.seed['workshop_id']}"
            "/projector/live"
        )


def sleep_while(scenario: Scenario, seconds: float, phases: tuple[str, ...]) -> bool:
    """Sleep up to ``seconds``; stop early (False) when the phase leaves ``phases``."""
    deadline = time.monotonic() + seconds
    while scenario.phase in phases:
        left = deadline - time.monotonic()
        if left <= 0:
            return True
        gevent.sleep(min(left, 0.25))
    return False


class RoomUser(FastHttpUser):
    """Common parts: the scenario, checked requests labelled with their phase."""

    abstract = True
    network_timeout = 60.0
    connection_timeout = 30.0

    @property
    def scenario(self) -> Scenario:
        return self.environment.scenario

    def checked(self, method: str, path: str, name: str, expect: tuple[int, ...], **kw):
        """Send a request; count it as failed unless its status is one of ``expect``."""
        phase = kw.pop("phase", self.scenario.phase)
        goes_to = kw.pop("goes_to", None)
        client = kw.pop("client", None) or self.client
        with client.request(
            method,
            path,
            name=name,
            catch_response=True,
            allow_redirects=False,
            context={"phase": phase},
            **kw,
        ) as response:
            # No headers when the request failed (a timeout): already a failure.
            location = (response.headers or {}).get("Location") or ""
            if goes_to and goes_to not in location:
                response.failure(f"redirected to {location!r}")
            elif response.status_code in expect:
                response.success()
            else:
                response.failure(f"HTTP {response.status_code}")
            return response


class Participant(RoomUser):
    """A person with a phone: joins a work group, then adds notes now and then."""

    fixed_count = 150

    def on_start(self) -> None:
        scenario = self.scenario
        self.number = scenario.next_number()
        codes = scenario.seed["invite_codes"]
        code = codes[(self.number - 1) % len(codes)]
        self.notes_sent = 0
        self.form: dict[str, str] = {}
        self.etag = ""
        try:
            page = self.checked("GET", f"/join/{code}", "sign-in: GET join", (200,))
            token = hidden_value(page.text, "csrf_token")
            self.checked(
                "POST",
                f"/join/{code}",
                "sign-in: POST join -> 302",
                (302,),
                data={
                    "display_name": f"Osallistuja {self.number:03d}",
                    "csrf_token": token,
                },
            )
            page = self.checked(
                "GET", scenario.live_path(), "sign-in: GET phone page", (200,)
            )
            self.read_form(page)
        except Exception:
            scenario.signin_failures += 1
            raise StopUser() from None
        scenario.signed_in += 1
        if scenario.phone_polling:
            # A client of its own: locust's allow_redirects=False switches a setting
            # on the shared client for the time of a request, so two greenlets on
            # one client could see each other's redirects followed.
            self.poller = FastHttpSession(
                base_url=self.host,
                request_event=self.environment.events.request,
                user=self,
                network_timeout=self.network_timeout,
                connection_timeout=self.connection_timeout,
            )
            for cookie in self.client.cookiejar:  # the same person, signed in
                self.poller.cookiejar.set_cookie(cookie)
            gevent.spawn(self.poll_phone)

    def read_form(self, page) -> None:
        """Keep the note form's fields of the page just shown (a fresh key each time)."""
        html = page.text or ""
        fields = {
            name: hidden_value(html, name)
            for name in (
                "note-csrf_token",
                "note-submission_key",
                "note-prompt_id",
                "note-group_id",
            )
        }
        if not all(fields.values()):
            raise ValueError("the phone page has no note form")
        self.form = fields
        self.etag = page.headers.get("ETag") or self.etag

    def note_text(self) -> str:
        words = " ".join(random.choices(WORDS, k=random.randint(6, 24)))
        return f"Ryhmän ajatus {self.number}-{self.notes_sent + 1}: {words}."

    def add_note(self, phase: str) -> None:
        """Send the note form, then follow the 302 as a browser would."""
        path = self.scenario.live_path()
        if not self.form:  # the last page did not come: load the form again
            try:
                self.read_form(
                    self.checked("GET", path, "GET phone page (reload)", (200,))
                )
            except ValueError:
                return
        self.notes_sent += 1
        data = dict(self.form, **{"note-body": self.note_text(), "note-submit": "1"})
        started = time.perf_counter()
        error = None
        post = self.checked(
            "POST", path, POST_NOTE, (302,), data=data, phase=phase, goes_to=path
        )
        if post.status_code == 302 and path in post.headers.get("Location", ""):
            self.scenario.notes_accepted_at.append((time.monotonic(), phase))
            location = post.headers.get("Location", "").split("#")[0]
            page = self.checked("GET", location, GET_AFTER_NOTE, (200,), phase=phase)
            if page.status_code == 200:
                try:
                    self.read_form(page)
                except ValueError as problem:
                    error = problem
            else:
                error = RuntimeError(f"HTTP {page.status_code} after the note")
        else:
            error = RuntimeError(f"HTTP {post.status_code} for the note")
        self.environment.events.request.fire(
            request_type="NOTE",
            name=ADD_NOTE,
            response_time=(time.perf_counter() - started) * 1000,
            response_length=0,
            exception=error,
            context={"phase": phase},
        )
        if error is not None:
            self.form = {}  # never send a used submission key again

    def poll_phone(self) -> None:
        """The phone page's own polling of its notes (only with --phone-polling)."""
        scenario = self.scenario
        scenario.writing.wait()
        gevent.sleep(random.uniform(0, scenario.poll_interval))
        while scenario.phase != DONE:
            headers = {"If-None-Match": self.etag} if self.etag else {}
            response = self.checked(
                "GET",
                scenario.live_path()
                + f"?prompt={scenario.seed['prompt_id']}&part=live",
                PHONE_POLL,
                (200, 304),
                headers=headers,
                client=self.poller,
            )
            if response.status_code == 200:
                self.etag = response.headers.get("ETag") or self.etag
            gevent.sleep(scenario.poll_interval)

    def act(self, phase: str) -> None:
        """What a phone does after thinking: here, a note (the room mix does more)."""
        self.add_note(phase)

    @task
    def in_the_room(self) -> None:
        """Write notes while the room writes, stay quiet, then join the burst."""
        scenario = self.scenario
        scenario.writing.wait()
        low, high = scenario.think
        wait = random.uniform(0, high)  # people start writing at different moments
        while sleep_while(scenario, wait, WRITING):
            self.act(scenario.phase)
            wait = random.uniform(low, high)
        if scenario.burst:
            scenario.burst_go.wait()
            self.add_note(BURST)
            scenario.burst_done += 1
        scenario.finished.wait()
        raise StopUser()


class Projector(RoomUser):
    """The room's screen: signed in as the facilitator, polls the wall every 3 s."""

    fixed_count = 3
    #: The name of its polls in the results.
    poll_name = PROJECTOR

    def page_path(self) -> str:
        return self.scenario.projector_fragment_path().removesuffix("/live")

    def fragment_path(self) -> str:
        return self.scenario.projector_fragment_path()

    def polled(self, started: float, phase: str) -> None:
        """Keep the wall's poll times: how soon a note is on the screen."""
        polls = self.scenario.wall_polls.setdefault(id(self), [])
        polls.append((started, time.monotonic(), phase))

    def on_start(self) -> None:
        scenario = self.scenario
        seed = scenario.seed
        try:
            page = self.checked("GET", "/login", "sign-in: GET login", (200,))
            self.checked(
                "POST",
                "/login",
                "sign-in: POST login -> 302",
                (302,),
                data={
                    "email": seed["facilitator_email"],
                    "password": seed["facilitator_password"],
                    "csrf_token": hidden_value(page.text, "csrf_token"),
                },
            )
            page = self.checked(
                "GET", self.page_path(), "sign-in: GET projector page", (200,)
            )
        except Exception:
            scenario.signin_failures += 1
            raise StopUser() from None
        self.etag = page.headers.get("ETag", "")
        scenario.signed_in += 1

    @task
    def poll(self) -> None:
        """Ask for the wall with the ETag it has; a 200 brings a new one."""
        scenario = self.scenario
        scenario.writing.wait()
        gevent.sleep(random.uniform(0, scenario.poll_interval))
        while scenario.phase != DONE:
            headers = {"If-None-Match": self.etag} if self.etag else {}
            started, phase = time.monotonic(), scenario.phase
            response = self.checked(
                "GET",
                self.fragment_path(),
                self.poll_name,
                (200, 304),
                headers=headers,
            )
            if response.status_code in (200, 304):
                self.polled(started, phase)
            if response.status_code == 200:
                self.etag = response.headers.get("ETag") or self.etag
            gevent.sleep(scenario.poll_interval)
        raise StopUser()
