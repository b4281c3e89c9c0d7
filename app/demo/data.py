"""The Keski-Uusimaa demo's content: the TOML files in ``content/``, with the models'
enums in place of their values and work groups by their full names.

Times stay as the files write them, relative to the day of loading (``clock.py``);
``timeline.resolve`` places them on the calendar of one load. ``KESKI_UUSIMAA`` is
what ``loader.load_demo`` takes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..models import (
    ActionStatus,
    AgendaKind,
    Direction,
    IndicatorSource,
    OrganisationKind,
    PhaseKind,
    ProcessRoleKind,
    QuestionKind,
    QuestionState,
    ResultsVisibility,
    Role,
    ValueOrigin,
    VoterUnit,
    VotingMethod,
    WorkshopMethod,
)

CONTENT = Path(__file__).with_name("content")


def read(name: str) -> dict:
    """One content file, as ``tomllib`` reads it."""
    with (CONTENT / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def _typed(items: list[dict], **enums) -> list[dict]:
    """The items with the named fields turned into their enums."""
    return [
        {**item, **{k: enum(item[k]) for k, enum in enums.items() if k in item}}
        for item in items
    ]


class _Groups:
    """Work groups by the short names the content files use, and their writers."""

    def __init__(self, groups: list[dict]):
        self.full = {group["short"]: group["name"] for group in groups}
        self.writer = {group["name"]: group["writer"] for group in groups}

    def written(self, item: dict, by: str = "author") -> dict:
        """The item with its group's full name and the group's writer as ``by``."""
        name = self.full[item["group"]]
        return {**item, "group": name, by: self.writer[name]}


def _comments(groups: _Groups) -> list[dict]:
    comments = []
    for comment in read("comments")["comments"]:
        comment = groups.written(comment)
        if "flag" in comment:
            comment["flag"] = groups.written(comment["flag"], by="by")
        comments.append(comment)
    return comments


def _ballot(groups: _Groups) -> dict:
    ballot = read("ballot")["ballot"]
    votes = [groups.written(vote, by="by") for vote in ballot.pop("votes")]
    enums = {
        "voter_unit": VoterUnit,
        "method": VotingMethod,
        "results_visibility": ResultsVisibility,
    }
    return {**_typed([ballot], **enums)[0], "votes": votes}


def _workshop(data: dict) -> dict:
    return {
        "title": data["title"],
        "description": data.get("description", {}),
        "facilitator_name": data["facilitator"],
        "method": WorkshopMethod(data["method"]),
        "room": data["room"],
        "seat_limit": data.get("seats"),
        "prompts": data["prompts"],
    }


def _seminar(name: str) -> dict:
    seminar = read(name)
    agenda = [
        {
            "kind": AgendaKind(item["kind"]),
            "starts": item["starts"],
            "ends": item["ends"],
            "title": item["title"],
            "speaker": item.get("speaker", ""),
            "description": item.get("description", {}),
            "workshops": [_workshop(w) for w in item.get("workshops", ())],
        }
        for item in seminar["agenda"]
    ]
    return {**seminar, "agenda": agenda}


def _notes(groups: _Groups) -> dict:
    notes = read("notes")

    def wall(items: list[dict]) -> list[dict]:
        return [groups.written(note) for note in items]

    workshops = [
        {
            **workshop,
            "prompts": [wall(prompt["notes"]) for prompt in workshop["prompts"]],
            "topics": [
                {**groups.written(topic), "notes": wall(topic["notes"])}
                for topic in workshop.get("topics", ())
            ],
        }
        for workshop in notes["workshops"]
    ]
    return {**notes, "workshops": workshops}


def _live(groups: _Groups) -> dict:
    """The seminars' questions to the speakers and quick votes (``live.toml``)."""
    live = read("live")
    seminars = []
    for seminar in live["seminars"]:
        questions = [
            {
                **question,
                "group": groups.full[question["group"]],
                "state": QuestionState(question.get("state", "new")),
                "hidden": bool(question.get("hidden", False)),
            }
            for question in seminar.get("questions", ())
        ]
        seminars.append({**seminar, "questions": questions})
    return {**live, "seminars": seminars}


def _coding() -> dict:
    coding = read("coding")
    return {
        **coding,
        "codes": {key: tuple(themes) for key, themes in coding["codes"].items()},
        "suggested_only": tuple(coding["suggested_only"]),
        "featured": tuple((f["comment"], f["theme"]) for f in coding["featured"]),
        "proposal": read("proposal"),
    }


def _survey(groups: _Groups) -> dict:
    survey = read("survey")
    phase = {**survey["phase"], "kind": PhaseKind(survey["phase"]["kind"])}
    responses = [groups.written(response) for response in survey["responses"]]
    codes = [
        (groups.full[c["group"]], c["question"], c["theme"]) for c in survey["codes"]
    ]
    questions = _typed(survey["questions"], kind=QuestionKind)
    return {
        **survey,
        "indicator": tuple(survey["indicator"]),
        "phase": phase,
        "questions": questions,
        "responses": responses,
        "codes": codes,
    }


def _monitoring() -> dict:
    monitoring = read("monitoring")
    goals = []
    for goal in monitoring["goals"]:
        indicators = _typed(
            goal["indicators"], direction=Direction, source=IndicatorSource
        )
        for indicator in indicators:
            indicator["origin"] = [ValueOrigin(o) for o in indicator.get("origin", ())]
        actions = [
            {**action, "notes": _typed(action["notes"], status=ActionStatus)}
            for action in goal["actions"]
        ]
        goals.append({**goal, "indicators": indicators, "actions": actions})
    return {**monitoring, "goals": goals}


def _content() -> dict:
    process = read("process")
    groups = _Groups(process["groups"])
    return {
        "password": process["password"],
        "accounts": _typed(
            process["accounts"], role=Role, process_role=ProcessRoleKind
        ),
        "process": process["process"],
        "organisations": _typed(process["organisations"], kind=OrganisationKind),
        "groups": process["groups"],
        #: The participant who writes each group's comments, votes and notes.
        "authors": groups.writer,
        "participants": [
            {**p, "group": groups.full[p["group"]]} for p in process["participants"]
        ],
        "phases": _typed(read("phases")["phases"], kind=PhaseKind),
        "themes": read("themes")["themes"],
        "comments": _comments(groups),
        "ballot": _ballot(groups),
        "seminars": [_seminar(f"seminar_{n}") for n in (1, 2)],
        "notes": _notes(groups),
        "live": _live(groups),
        "coding": _coding(),
        "survey": _survey(groups),
        "monitoring": _monitoring(),
    }


#: The whole demo, times relative to the day of loading.
KESKI_UUSIMAA = _content()
#: The password of every demo account (it passes the password policy).
DEMO_PASSWORD = KESKI_UUSIMAA["password"]
#: The twelve themes' titles, in order (tests/coding's fixture refers to them).
THEMES = [theme["title"] for theme in KESKI_UUSIMAA["themes"]]
