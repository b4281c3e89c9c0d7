"""Workshop methods as templates: what each is, and the prompts it needs.

One table row per method. The explanation is shown to participants on the agenda, so
it is written in plain words; ``prompts_hint`` tells the facilitator what the
workshop's prompts mean for that method, and ``structure_warning`` says when a
workshop's prompts do not fit it yet (shown on the set-up pages, never enforced: a
facilitator may prepare a workshop in several sittings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ..models import Workshop, WorkshopMethod


@dataclass(frozen=True)
class MethodSpec:
    method: WorkshopMethod
    name: object  # a lazy string
    #: Shown to participants: how the workshop works, in plain words.
    explanation: object
    #: What one prompt is called with this method ("Station"), and several ("Stations").
    prompt_label: object
    prompts_label: object
    add_label: object
    #: For the facilitator: what the prompts mean for this method.
    prompts_hint: object
    min_prompts: int = 0
    max_prompts: int | None = None
    #: Prompts created with the workshop: (question, guidance) in three languages.
    default_prompts: tuple[tuple[dict, dict], ...] = field(default_factory=tuple)


# The treasure map's parts are content (stored in the workshop's prompts), so they are
# written out in the three languages here rather than through the interface catalogue.
TREASURE_MAP_PARTS: tuple[tuple[dict, dict], ...] = (
    (
        {"fi": "Nyt", "sv": "Nu", "en": "Now"},
        {
            "fi": "Missä olemme nyt? Mikä toimii, mikä puuttuu?",
            "sv": "Var är vi nu? Vad fungerar, vad saknas?",
            "en": "Where are we now? What works, what is missing?",
        },
    ),
    (
        {"fi": "Askeleet", "sv": "Steg", "en": "Steps"},
        {
            "fi": "Mitkä askeleet vievät meidät nykytilasta tavoitteeseen?",
            "sv": "Vilka steg tar oss från nuläget till målet?",
            "en": "Which steps take us from now to the goal?",
        },
    ),
    (
        {"fi": "Tavoite", "sv": "Mål", "en": "Goal"},
        # The vision question: the facilitator may change the horizon here.
        {
            "fi": "Missä haluamme olla kahden vuoden kuluttua?",
            "sv": "Var vill vi vara om två år?",
            "en": "Where do we want to be in two years?",
        },
    ),
)

_SPECS = (
    MethodSpec(
        method=WorkshopMethod.BUZZ_GROUPS,
        name=_l("Buzz groups"),
        explanation=_l(
            "You talk about a question in a small group for a few minutes, then the"
            " groups share what they found with everyone."
        ),
        prompt_label=_l("Question"),
        prompts_label=_l("Questions"),
        add_label=_l("Add a question"),
        prompts_hint=_l(
            "Each prompt is a question the small groups talk about, in this order."
        ),
        min_prompts=1,
    ),
    MethodSpec(
        method=WorkshopMethod.PROCESS_WALK,
        name=_l("Process walk"),
        explanation=_l(
            "Groups move from station to station on the facilitator's signal and add"
            " their notes at each; you see what the groups before you wrote."
        ),
        prompt_label=_l("Station"),
        prompts_label=_l("Stations"),
        add_label=_l("Add a station"),
        prompts_hint=_l(
            "Each prompt is a station with its own question. The groups visit the"
            " stations in this order. A process walk needs at least 2 stations."
        ),
        min_prompts=2,
    ),
    MethodSpec(
        method=WorkshopMethod.OPEN_SPACE,
        name=_l("Open space"),
        explanation=_l(
            "Participants propose the topics. You join the topic you want to work on,"
            " and each topic collects its own notes."
        ),
        prompt_label=_l("Topic"),
        prompts_label=_l("Topics"),
        add_label=_l("Add a topic"),
        prompts_hint=_l(
            "Participants propose the topics in the workshop. You may seed a few"
            " topics here to get started; none are needed."
        ),
    ),
    MethodSpec(
        method=WorkshopMethod.TREASURE_MAP,
        name=_l("Treasure map"),
        explanation=_l(
            "Together we picture where we want to be in two years. Notes are sorted"
            " into three parts: where we are now, the steps on the way, and the goal."
        ),
        prompt_label=_l("Part"),
        prompts_label=_l("Parts"),
        add_label=_l("Add a part"),
        prompts_hint=_l(
            "A treasure map has three fixed parts: Now, Steps and Goal. They are"
            " created with the workshop; the Goal part carries the vision question,"
            " which you may change."
        ),
        min_prompts=3,
        max_prompts=3,
        default_prompts=TREASURE_MAP_PARTS,
    ),
    MethodSpec(
        method=WorkshopMethod.FEELING_LINE,
        name=_l("Feeling line"),
        explanation=_l(
            "For each statement you place a mark on a scale from disagree to agree;"
            " everyone sees how the marks spread."
        ),
        prompt_label=_l("Statement"),
        prompts_label=_l("Statements"),
        add_label=_l("Add a statement"),
        prompts_hint=_l(
            "Each prompt is a statement. Participants answer it by placing a mark on"
            " a scale."
        ),
        min_prompts=1,
    ),
)
METHODS: dict[WorkshopMethod, MethodSpec] = {each.method: each for each in _SPECS}


def spec(method: WorkshopMethod | str) -> MethodSpec:
    """The template of a method."""
    return METHODS[WorkshopMethod(method)]


def structure_warning(workshop: Workshop) -> str | None:
    """Say what the workshop's prompts still lack for its method; None when it fits."""
    method = spec(workshop.method)
    count = len(workshop.prompts)
    if method.method is WorkshopMethod.TREASURE_MAP and count != 3:
        return ngettext(
            "A treasure map has three parts: Now, Steps and Goal. This workshop has"
            " %(num)d part.",
            "A treasure map has three parts: Now, Steps and Goal. This workshop has"
            " %(num)d parts.",
            count,
        )
    if method.method is WorkshopMethod.PROCESS_WALK and count < 2:
        return ngettext(
            "A process walk needs at least 2 stations. This workshop has %(num)d"
            " station.",
            "A process walk needs at least 2 stations. This workshop has %(num)d"
            " stations.",
            count,
        )
    if count < method.min_prompts:
        if method.method is WorkshopMethod.FEELING_LINE:
            return str(_l("A feeling line needs at least one statement."))
        return str(_l("Buzz groups need at least one question."))
    return None
