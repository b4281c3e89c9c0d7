"""The *room* mix of the seminar-room benchmark (issue 17, item 6): 300 phones that
add notes, vote in the workshop's open quick vote, and send questions to the
speaker and like others' questions, while the wall's projectors and the stage's
screen of questions poll.

Each phone thinks (``--think``), then does one action picked by :data:`ACTIONS`'s
weights. Every action is the form a phone without JavaScript sends (with the CSRF
token and, for notes and questions, the submission key of the page it came from),
then the 302 followed to the page it leads to; the pair is timed together as the
action, as adding a note is in the notes-only mix.

- *vote*: the quick vote's form on the phone page, one choice of 4; a phone's first
  vote casts its ballot, each later one changes it to another option.
- *question*: the questions page's form (the seed's opening talk, ``?item=``).
- *like*: a like button of the questions page the phone last saw, on a question
  neither its own nor liked by it already; with nothing to like, it asks instead.
  The first question or like opens the questions page (reported on its own).

After the run, :func:`integrity` compares the database with the accepted responses.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field

from .locustfile import WORDS, Participant, Projector, Scenario, hidden_value

#: The request names in the results.
VOTE = "vote (POST + redirected GET)"
POST_VOTE = "POST quick vote -> 302"
GET_AFTER_VOTE = "GET phone page after the vote"
ASK = "ask a question (POST + redirected GET)"
POST_QUESTION = "POST question -> 302"
GET_AFTER_QUESTION = "GET questions page after the question"
LIKE = "like a question (POST + redirected GET)"
POST_LIKE = "POST like -> 302"
GET_AFTER_LIKE = "GET questions page after the like"
OPEN_QUESTIONS = "GET questions page (opened)"
PRESENTER = "GET presenter fragment (If-None-Match)"

#: What a phone does after thinking, with its weight.
ACTIONS = {"note": 0.35, "vote": 0.25, "question": 0.15, "like": 0.25}

_LIKE_FORM = re.compile(
    r'<form\b[^>]*action="([^"]*/questions/(\d+)/like[^"]*)"[^>]*>(.*?)</form>',
    re.DOTALL,
)


@dataclass
class RoomScenario(Scenario):
    """The shared timeline, plus what the phones had accepted, for the check."""

    votes_accepted: int = 0
    #: Each phone's last accepted choice: {participant number: option id}.
    last_choice: dict = field(default_factory=dict)
    questions_accepted: int = 0
    likes_accepted: int = 0

    def questions_path(self) -> str:
        return (
            f"/p/{self.seed['slug']}/seminars/{self.seed['phase_id']}/questions"
            f"?item={self.seed['talk_id']}"
        )

    def vote_path(self) -> str:
        return (
            f"/p/{self.seed['slug']}/workshops/{self.seed['workshop_id']}"
            f"/votes/{self.seed['vote_id']}"
        )


class RoomPhone(Participant):
    """A phone in the room: notes, the quick vote, questions and likes."""

    fixed_count = 300

    def on_start(self) -> None:
        self.choice: int | None = None
        self.vote_token: str | None = None
        self.ask_form: dict[str, str] = {}
        self.like_forms: dict[int, tuple[str, str]] = {}
        self.liked: set[int] = set()
        super().on_start()

    def read_form(self, page) -> None:
        """The note form (as the notes-only phones do) and the quick vote's token."""
        super().read_form(page)
        prefix = f"vote{self.scenario.seed['vote_id']}"
        self.vote_token = hidden_value(page.text or "", f"{prefix}-csrf_token")

    def read_questions(self, page) -> None:
        """The question form's fields and the like buttons of a questions page."""
        html = page.text or ""
        fields = {
            name: hidden_value(html, name)
            for name in ("ask-csrf_token", "ask-submission_key", "ask-group_id")
        }
        self.ask_form = fields if all(fields.values()) else {}
        self.like_forms = {}
        for match in _LIKE_FORM.finditer(html):
            action, question_id, inner = match.groups()
            if hidden_value(inner, "liked") == "1":
                token = hidden_value(inner, "csrf_token") or ""
                self.like_forms[int(question_id)] = (
                    action.replace("&amp;", "&"),
                    token,
                )

    def act(self, phase: str) -> None:
        action = random.choices(list(ACTIONS), weights=list(ACTIONS.values()))[0]
        if action == "vote":
            self.vote(phase)
        elif action == "question":
            self.ask(phase)
        elif action == "like":
            self.like(phase)
        else:
            self.add_note(phase)

    def post_and_follow(self, path, data, names, goes_to, phase, read) -> bool:
        """POST a form (expect a 302 to ``goes_to``), follow it (expect 200) and read
        the page with ``read``; the pair is timed as ``names[0]``. True when the POST
        was accepted (the write is made, whatever the page after it did)."""
        action, post_name, get_name = names
        started = time.perf_counter()
        error = None
        post = self.checked(
            "POST", path, post_name, (302,), data=data, phase=phase, goes_to=goes_to
        )
        location = (post.headers or {}).get("Location") or ""
        accepted = post.status_code == 302 and goes_to in location
        if accepted:
            page = self.checked(
                "GET", location.split("#")[0], get_name, (200,), phase=phase
            )
            if page.status_code == 200:
                read(page)
            else:
                error = RuntimeError(f"HTTP {page.status_code} after {action}")
        else:
            error = RuntimeError(f"HTTP {post.status_code} for {action}")
        self.environment.events.request.fire(
            request_type="ACTION",
            name=action,
            response_time=(time.perf_counter() - started) * 1000,
            response_length=0,
            exception=error,
            context={"phase": phase},
        )
        return accepted

    def vote(self, phase: str) -> None:
        """Cast a vote, or change it to another option."""
        scenario = self.scenario
        if not self.vote_token:  # the last phone page did not come: load it again
            page = self.checked(
                "GET", scenario.live_path(), "GET phone page (reload)", (200,)
            )
            try:
                self.read_form(page)
            except ValueError:
                return
        options = [o for o in scenario.seed["vote_options"] if o != self.choice]
        choice = random.choice(options)
        prefix = f"vote{scenario.seed['vote_id']}"
        data = {
            f"{prefix}-csrf_token": self.vote_token,
            f"{prefix}-choice": str(choice),
            f"{prefix}-submit": "1",
        }
        if self.post_and_follow(
            scenario.vote_path(),
            data,
            (VOTE, POST_VOTE, GET_AFTER_VOTE),
            scenario.live_path(),
            phase,
            self.read_form,
        ):
            self.choice = choice
            scenario.last_choice[self.number] = choice
            scenario.votes_accepted += 1

    def open_questions(self) -> bool:
        page = self.checked(
            "GET", self.scenario.questions_path(), OPEN_QUESTIONS, (200,)
        )
        if page.status_code == 200:
            self.read_questions(page)
        return bool(self.ask_form)

    def ask(self, phase: str) -> None:
        """Send a question to the talk (the form keeps a fresh submission key)."""
        if not self.ask_form and not self.open_questions():
            return
        words = " ".join(random.choices(WORDS, k=random.randint(5, 15)))
        data = dict(
            self.ask_form,
            **{"ask-body": f"Kysymys {self.number}: {words}?", "ask-submit": "1"},
        )
        self.ask_form = {}  # a submission key is never sent twice
        scenario = self.scenario
        if self.post_and_follow(
            scenario.questions_path(),
            data,
            (ASK, POST_QUESTION, GET_AFTER_QUESTION),
            "/questions",
            phase,
            self.read_questions,
        ):
            scenario.questions_accepted += 1

    def like(self, phase: str) -> None:
        """Like a question of the list last seen; ask one when there is none."""
        if not self.like_forms and not self.ask_form:
            self.open_questions()
        candidates = [q for q in self.like_forms if q not in self.liked]
        if not candidates:
            self.ask(phase)
            return
        question = random.choice(candidates)
        action, token = self.like_forms.pop(question)
        if self.post_and_follow(
            action,
            {"csrf_token": token, "liked": "1"},
            (LIKE, POST_LIKE, GET_AFTER_LIKE),
            "/questions",
            phase,
            self.read_questions,
        ):
            self.liked.add(question)
            self.scenario.likes_accepted += 1


class StageScreen(Projector):
    """The stage's screen: the presenter view of the questions, polled every 2.5 s."""

    fixed_count = 1
    poll_name = PRESENTER

    def page_path(self) -> str:
        path, item = self.scenario.questions_path().split("?")
        return f"{path}/presenter?{item}"

    def fragment_path(self) -> str:
        path, item = self.scenario.questions_path().split("?")
        return f"{path}/presenter/live?{item}"

    def polled(self, started: float, phase: str) -> None:
        """Not the wall: no note freshness from this screen."""


def integrity(scenario: RoomScenario, server) -> dict:
    """The database against the accepted responses: questions, likes, and the quick
    vote's ballots, whose dots per option must be the phones' last accepted choices."""
    seed = scenario.seed
    questions = server.scalar(
        "SELECT count(*) FROM speaker_questions WHERE agenda_item_id = :t",
        t=seed["talk_id"],
    )
    likes = server.scalar(
        "SELECT count(*) FROM speaker_question_likes JOIN speaker_questions"
        " ON speaker_questions.id = speaker_question_likes.question_id"
        " WHERE speaker_questions.agenda_item_id = :t",
        t=seed["talk_id"],
    )
    ballots = server.scalar(
        "SELECT count(*) FROM live_vote_ballots WHERE vote_id = :v", v=seed["vote_id"]
    )
    expected = Counter(scenario.last_choice.values())
    dots = {
        option: server.scalar(
            "SELECT coalesce(sum(dots), 0) FROM live_vote_dots WHERE option_id = :o",
            o=option,
        )
        for option in seed["vote_options"]
    }
    return {
        "questions_accepted": scenario.questions_accepted,
        "questions_in_database": questions,
        "likes_accepted": scenario.likes_accepted,
        "likes_in_database": likes,
        "votes_accepted": scenario.votes_accepted,
        "voters_accepted": len(scenario.last_choice),
        "ballots_in_database": ballots,
        "last_choices_per_option": {str(o): expected.get(o, 0) for o in dots},
        "dots_in_database_per_option": {str(o): n for o, n in dots.items()},
    }


def nothing_lost(checks: dict) -> bool:
    """Every accepted write in the database, and nothing more."""
    return (
        checks["notes_in_database"] == checks["notes_accepted"]
        and checks.get("questions_in_database") == checks.get("questions_accepted")
        and checks.get("likes_in_database") == checks.get("likes_accepted")
        and checks.get("ballots_in_database") == checks.get("voters_accepted")
        and checks.get("dots_in_database_per_option")
        == checks.get("last_choices_per_option")
    )
