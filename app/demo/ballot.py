"""The ballot of the demo's second online discussion, and the work groups' votes.

Plain data only; ``loader_voting.load_ballot`` turns it into rows. As the seed says,
each work group agrees in its own meeting on the most important themes of joint
development among the process's 12 themes (pick up to three) and votes once for the
whole group; the results are shown live so the demo has something to look at.

Each vote names the themes by their position (1..12, ``data.THEMES``) and is cast by
the participant who writes the group's comments (``comments.AUTHORS``), ``minutes``
after the discussion opens. The picks follow what the groups say in their comments:

- theme 1 (a shared regional outline for the plans) wins clearly with five votes:
  Keuda, Järvenpää, Validia, the wellbeing county and Hyria all ask for one base;
- theme 4 (prevention and community: the 30 % and 15 % of communal work) is second;
- themes 3 (flow of information) and 6 (municipality and institution) tie for third;
- staff (12) is talked about a lot but gets only Hyria's vote, and themes 2 (the child
  welfare plan), 7 (the plan in everyday work) and 10 (leadership) get none.

Nurmijärvi's group, which only replied in the first discussion, has not voted, so the
turnout shows a gap.
"""

from __future__ import annotations

from ..models import ResultsVisibility, VoterUnit, VotingMethod
from .comments import (
    AUTHORS,
    HYRIA,
    HYVINKAA,
    HYVINVOINTIALUE,
    JARVENPAA,
    KEUDA,
    SEURAKUNTAOPISTO,
    VALIDIA,
)
from .phases import DISCUSSION_2, PHASES


def _at(day: int, hour: int, minute: int = 0) -> int:
    """Minutes after the opening (Monday 16.11. at 9.00) to ``day`` days later at hour:minute.

    All votes fall in the first week (16.–22.11.2026), after summer time has ended, so
    wall-clock arithmetic is exact.
    """
    return day * 24 * 60 + (hour - 9) * 60 + minute


def _vote(group: str, themes: tuple[int, int, int], minutes: int) -> dict:
    return {"group": group, "by": AUTHORS[group], "themes": themes, "minutes": minutes}


BALLOT = {
    #: The phase's position in ``PHASES`` (1..4): the second online discussion.
    "phase": PHASES.index(DISCUSSION_2) + 1,
    "title": {
        "fi": "Tärkeimmät yhteisen kehittämisen aihealueet",
        "sv": "De viktigaste områdena för gemensam utveckling",
        "en": "The most important areas for joint development",
    },
    "description": {
        "fi": """\
Keskustelkaa työryhmän palaverissa, mitkä **kolme teemaa** ovat teille tärkeimpiä \
alueellisen yhteistyön jatkotyöstämisessä, ja sopikaa niistä yhdessä.

- Kukin työryhmä äänestää kerran koko ryhmän puolesta.
- Valitkaa enintään kolme teemaa.
- Ääntä voi muuttaa äänestyksen päättymiseen asti.

Äänestyksen tulokset näkyvät kaikille jo äänestyksen aikana.""",
    },
    "opens_at": DISCUSSION_2["starts_at"],
    "closes_at": DISCUSSION_2["ends_at"],
    "voter_unit": VoterUnit.GROUP,
    "method": VotingMethod.PICK,
    "max_choices": 3,
    # Not used by *pick*; the model's defaults, so the set-up compares equal.
    "total_points": 10,
    "max_points_per_theme": 3,
    "results_visibility": ResultsVisibility.LIVE,
    #: Theme positions on the ballot: all twelve of the seed.
    "themes": list(range(1, 13)),
    "votes": [
        # Common rules and service chains, one way of recording, regional overview.
        _vote(HYVINVOINTIALUE, (1, 3, 11), _at(0, 14, 30)),
        # The same support from every municipality, teacher–curator information, 30 %.
        _vote(VALIDIA, (1, 3, 4), _at(1, 14, 10)),
        # Six municipalities: one base, organising the groups, who sees what.
        _vote(KEUDA, (1, 3, 5), _at(2, 10, 45)),
        # A shared line, or the percentage stays on paper; communal work; no people.
        _vote(HYRIA, (1, 4, 12), _at(3, 15, 20)),
        # A shared base and follow-up, measuring communal work, the same table.
        _vote(JARVENPAA, (1, 4, 6), _at(4, 13, 5)),
        # The students' own voice, a change of culture that needs training, the
        # town's steering group.
        _vote(SEURAKUNTAOPISTO, (6, 8, 9), _at(5, 12, 40)),
        # Prevention with youth work, school and youth work at one table, a shared
        # regional calendar.
        _vote(HYVINKAA, (4, 6, 11), _at(6, 10, 30)),
    ],
}
