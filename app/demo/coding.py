"""How the demo's facilitator coded the first discussion's comments by theme.

Plain data only; ``loader_coding.load_coding`` turns it into theme tags. The
facilitator went through the comments after the discussion closed (30.10.2026), with
the tool's suggestions on screen: she accepted the right ones, added the themes the
tool missed and rejected the rest. Comments are named by their ``key`` in
``comments.py`` and themes by their position (1..12) in ``themes.THEME_SPECS``; the
first theme listed is the comment's main one.

Five replies are still waiting (``SUGGESTED_ONLY``): they carry only the tool's
suggestions, so the coding view has work to show. The hidden comment (demo-c18) is
not coded at all: hidden comments never are. The codes give the summary the seed's
question something to answer: prevention (4) and regional cooperation (11) are talked
about most, the shared outline (1) far less than its first place in the vote, staff
(12) a lot but with one vote, and the child welfare plan (2) not at all.
"""

from __future__ import annotations

from .comments import FACILITATOR
from .phases import helsinki
from .proposal import PROPOSAL

#: When the facilitator coded: the Monday after the first discussion closed.
CODED_AT = helsinki(2026, 11, 2, 10, 0)

#: Confirmed themes of each coded comment, the main one first.
CODES: dict[str, tuple[int, ...]] = {
    # The same support wherever the student lives; communal work, the 30 %.
    "demo-c01": (4, 11),
    # Shared rules across the region rather than new structures; the nurses' 15 %.
    "demo-c02": (11, 4),
    # Individual work crowds out communal work; curators' calendars are full.
    "demo-c03": (4, 12),
    # Sites in six municipalities: one agreement, one contact list, a shared base.
    "demo-c04": (11, 1),
    # The students' own voice and the guardians'.
    "demo-c05": (8,),
    # Youth work, school and student welfare at one table; a prevention afternoon.
    "demo-c06": (4, 6),
    # What counts as communal work: lessons with teachers, the psychologist's rounds.
    "demo-c07": (4,),
    # Students who live in Nurmijärvi study elsewhere; the municipality's contacts.
    "demo-c08": (6,),
    # Curators and psychologists move to the county; who sees which register.
    "demo-c09": (12, 3),
    # Substitutes and named workers who stay; one way of recording.
    "demo-c10": (12, 3),
    # Six weeks' wait and no answers: no people behind the percentages.
    "demo-c11": (12,),
    # Organising the groups on every site; what may be recorded where.
    "demo-c12": (5, 3),
    # A change of culture that needs training and the leaders' support.
    "demo-c13": (9, 10),
    # The steering group follows up and evaluates; the town's changed role.
    "demo-c14": (7, 6),
    # How to record a walk-in visit: a shared guideline.
    "demo-c17": (3,),
    # Training and consultation on offer; support that follows the student.
    "demo-c19": (9, 11),
    # The region's overview from the county; a measure of communal work.
    "demo-c20": (11, 7),
    # Wellbeing lessons for first-year students; a training day for teachers.
    "demo-c21": (4, 9),
    # Service paths as the base of a regional model; shared principles.
    "demo-c22": (1, 11),
    # A shared base for the plans, followed up together at one table.
    "demo-c23": (1, 6, 7),
    # Outreach youth work in prevention; a shared calendar of theme days.
    "demo-c24": (4, 11),
}

#: Comments the facilitator has not reached yet: the tool's suggestions wait on them.
SUGGESTED_ONLY: tuple[str, ...] = (
    "demo-c15",
    "demo-c16",
    "demo-c25",
    "demo-c26",
    "demo-c27",
)

#: ``(comment key, theme position)``: quotes chosen for the two top themes of the vote.
FEATURED: tuple[tuple[str, int], ...] = (
    ("demo-c22", 1),
    ("demo-c07", 4),
)

CODING = {
    #: The account that decides (the demo facilitator) and when.
    "by": FACILITATOR,
    "coded_at": CODED_AT,
    "codes": CODES,
    "suggested_only": SUGGESTED_ONLY,
    "featured": FEATURED,
    #: The follow-up proposal drafted from the coded comments and the vote.
    "proposal": PROPOSAL,
}
