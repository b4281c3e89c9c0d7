"""Place the demo's content (``data.KESKI_UUSIMAA``) on the calendar of one load.

``resolve`` returns the plain structures the loaders take, every relative time of
the content files turned into an aware UTC datetime by the ``DemoClock`` of the load
(``clock.py``). Comments and votes keep theirs as minutes after their phase opens,
as the loaders count them. Texts with date placeholders are filled in.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ..models import PhaseKind
from .clock import DemoClock
from .data import KESKI_UUSIMAA


def resolve(content: dict, clock: DemoClock) -> dict:
    """The content with its times placed by ``clock``: what ``load_demo`` loads."""
    phases = [_phase(phase, clock) for phase in content["phases"]]
    return {
        **content,
        "phases": phases,
        "comments": _comments(content["comments"], phases, clock),
        "ballot": _ballot(content["ballot"], phases, clock),
        "seminars": [_seminar(s, phases, clock) for s in content["seminars"]],
        "notes": _notes(content["notes"], phases, clock),
        "live": _live(content["live"], phases, clock),
        "coding": _coding(content["coding"], clock),
        "survey": _survey(content["survey"], clock),
        "monitoring": _monitoring(content["monitoring"], clock),
    }


def demo_spec(clock: DemoClock | None = None) -> dict:
    """The demo as loaded by ``clock`` (by default: now)."""
    return resolve(KESKI_UUSIMAA, clock or DemoClock.current())


def _phase(data: dict, clock: DemoClock) -> dict:
    phase = {k: v for k, v in data.items() if k not in ("starts", "ends")}
    phase["starts_at"] = clock.moment(data["starts"])
    # The phase's first day: its times ("day 0 at 12.53") count from it.
    phase["day"] = clock.day_of(data["starts"])
    phase["ends_at"] = clock.moment(data["ends"])
    return phase


def _minutes(clock: DemoClock, phase: dict, data: dict) -> int:
    """Minutes from the phase's opening to ``data``'s ``day`` and ``time`` (Helsinki)."""
    opened = phase["starts_at"]
    return int((clock.within(phase["day"], data) - opened) / timedelta(minutes=1))


def _timed(data: dict, clock: DemoClock, phase: dict) -> dict:
    item = {k: v for k, v in data.items() if k not in ("day", "time")}
    item["minutes"] = _minutes(clock, phase, data)
    return item


def _comments(comments: list[dict], phases: list[dict], clock: DemoClock):
    phase = next(p for p in phases if p["kind"] is PhaseKind.DISCUSSION)
    result = []
    for data in comments:
        comment = _timed(data, clock, phase)
        for part in ("flag", "hidden"):
            if part in data:
                comment[part] = _timed(data[part], clock, phase)
        result.append(comment)
    return result


def _ballot(ballot: dict, phases: list[dict], clock: DemoClock) -> dict:
    phase = phases[ballot["phase"] - 1]
    return {
        **ballot,
        "opens_at": phase["starts_at"],
        "closes_at": phase["ends_at"],
        "votes": [
            {**_timed(vote, clock, phase), "themes": tuple(vote["themes"])}
            for vote in ballot["votes"]
        ],
    }


def _seminar(seminar: dict, phases: list[dict], clock: DemoClock) -> dict:
    first = phases[seminar["phase"] - 1]["day"]
    agenda = []
    for data in seminar["agenda"]:
        item = {k: v for k, v in data.items() if k not in ("starts", "ends")}
        item["starts_at"] = clock.within(first, {"time": data["starts"]})
        item["ends_at"] = clock.within(first, {"time": data["ends"]})
        agenda.append(item)
    return {**seminar, "agenda": agenda}


def _notes(notes: dict, phases: list[dict], clock: DemoClock) -> dict:
    def at(phase: int, data: dict | None) -> datetime | None:
        """``data``'s day and time counted from the seminar's day."""
        if data is None:
            return None
        return clock.within(phases[phase - 1]["day"], data)

    def wall(phase: int, items: list[dict]) -> list[dict]:
        result = []
        for data in items:
            note = {k: v for k, v in data.items() if k != "time"}
            note["at"] = at(phase, data)
            if "hidden" in data:
                hidden = data["hidden"]
                note["hidden"] = {"reason": hidden["reason"], "at": at(phase, hidden)}
            result.append(note)
        return result

    workshops = []
    for data in notes["workshops"]:
        phase = data["phase"]
        topics = [
            {
                **{k: v for k, v in topic.items() if k != "time"},
                "at": at(phase, topic),
                "notes": wall(phase, topic["notes"]),
            }
            for topic in data["topics"]
        ]
        prompts = [wall(phase, items) for items in data["prompts"]]
        workshops.append({**data, "prompts": prompts, "topics": topics})
    memos = [
        {
            "phase": memo["phase"],
            "drafted_at": at(memo["phase"], memo["drafted"]),
            "final_at": at(memo["phase"], memo.get("final")),
            "seminar_memo": memo["seminar_memo"],
        }
        for memo in notes["memos"]
    ]
    return {**notes, "workshops": workshops, "memos": memos}


#: How far apart the likes of a question and the ballots of a vote lie.
LIKE_STEP = timedelta(seconds=30)
BALLOT_STEP = timedelta(seconds=10)


def _live(live: dict, phases: list[dict], clock: DemoClock) -> dict:
    """The seminars' questions and quick votes with their times: on the seminar's
    day; today's (with ``before``) at the latest that many minutes before the hour
    of the load and after the phase opened; likes, ballots and marks never after
    that hour. The hour, not the minute, as for the phases: a reload within the
    hour moves nothing."""
    hour = clock.now.replace(minute=0, second=0, microsecond=0)
    latest = hour

    def placer(phase: dict):
        def at(data: dict, key: str = "time") -> datetime:
            moment = clock.within(phase["day"], {"time": data[key]})
            if "before" in data:
                moment = min(moment, hour - timedelta(minutes=data["before"]))
                moment = max(moment, phase["starts_at"] + timedelta(minutes=5))
            return moment

        return at

    def steps(first: datetime, count: int, step: timedelta) -> list[datetime]:
        return [min(first + step * (n + 1), latest) for n in range(count)]

    seminars = []
    for seminar in live["seminars"]:
        at = placer(phases[seminar["phase"] - 1])
        questions = []
        for data in seminar.get("questions", ()):
            asked = at(data)
            liked = steps(asked, data.get("likes", 0), LIKE_STEP)
            marked = min((liked[-1] if liked else asked) + LIKE_STEP, latest)
            questions.append(
                {**data, "at": asked, "liked_at": liked, "marked_at": marked}
            )
        votes = []
        for data in seminar.get("votes", ()):
            opened = at(data, "opened")
            vote = {
                **data,
                "opened_at": opened,
                "cast_at": steps(opened, len(data["ballots"]), BALLOT_STEP),
                "closed_at": at(data, "closed") if "closed" in data else None,
            }
            votes.append(vote)
        seminars.append({**seminar, "questions": questions, "votes": votes})
    return {**live, "seminars": seminars}


def _coding(coding: dict, clock: DemoClock) -> dict:
    proposal = coding["proposal"]
    sections = {k: clock.fill(text) for k, text in proposal["sections"].items()}
    return {
        **coding,
        "coded_at": clock.moment(coding["coded"]),
        "proposal": {
            "by": proposal["by"],
            "drafted_at": clock.moment(proposal["drafted"]),
            "edited_at": clock.moment(proposal["edited"]),
            "sections": sections,
        },
    }


def _filled(texts: dict, clock: DemoClock) -> dict:
    return {language: clock.fill(text) for language, text in texts.items()}


def _survey(survey: dict, clock: DemoClock) -> dict:
    phase = survey["phase"]
    responses = []
    for data in survey["responses"]:
        response = {**data, "at": clock.school_moment(data["at"])}
        response["scores"] = tuple(score or None for score in data["scores"])
        if "revised" in data:
            revised = data["revised"]
            response["revised"] = {**revised, "at": clock.school_moment(revised["at"])}
        responses.append(response)
    return {
        **survey,
        "period": clock.period(survey["school_year"]),
        "phase": {
            "kind": phase["kind"],
            "title": _filled(phase["title"], clock),
            "description": _filled(phase["description"], clock),
            "starts_at": clock.school_moment(phase["starts"]),
            "ends_at": clock.school_moment(phase["ends"]),
        },
        "intro": _filled(survey["intro"], clock),
        "responses": responses,
        "coded_at": clock.school_moment(survey["coded"]),
    }


def _indicator(data: dict, periods: list[str]) -> dict:
    rows = [
        {
            "organisation": row["organisation"] or None,
            "subgroup": row["subgroup"],
            "period": period,
            "value": value,
        }
        for row in data["values"]
        for period, value in zip(periods, row["values"], strict=False)
    ]
    return {
        **data,
        "values": rows,
        "origin": dict(zip(periods, data["origin"], strict=False)),
        "note": dict(zip(periods, data.get("note", ()), strict=False)),
    }


def _action(data: dict, clock: DemoClock) -> dict:
    notes = [
        (clock.school_date(note["on"]), note["status"], note["text"])
        for note in data["notes"]
    ]
    return {**data, "due_on": clock.school_date(data["due"]), "notes": notes}


def _monitoring(monitoring: dict, clock: DemoClock) -> dict:
    periods = [clock.period(offset) for offset in monitoring["school_years"]]
    goals = [
        {
            **goal,
            "indicators": [_indicator(i, periods) for i in goal["indicators"]],
            "actions": [_action(a, clock) for a in goal["actions"]],
        }
        for goal in monitoring["goals"]
    ]
    return {**monitoring, "periods": periods, "goals": goals}
