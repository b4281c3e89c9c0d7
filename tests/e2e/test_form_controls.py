"""Forms that do not trip people, in a real browser at 320 px and on a desktop:
radio buttons and checkboxes beside their labels, and a ballot's button that stays
where it is while the remaining-choices text changes (issue 15)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import join, sign_in

pytestmark = pytest.mark.e2e

SIZES = {
    "320px": {"width": 320, "height": 640},
    "desktop": {"width": 1280, "height": 900},
}

#: For every visible radio button and checkbox: is its label's first line beside it?
BESIDE_LABELS = """() => {
  const misplaced = [];
  for (const input of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    const box = input.getBoundingClientRect();
    if (!box.width || !input.id) continue;
    const label = document.querySelector(`label[for="${input.id}"]`);
    if (!label) continue;
    const range = document.createRange();
    range.selectNodeContents(label);
    const first = range.getClientRects()[0];
    const middle = box.top + box.height / 2;
    const beside = first.left >= box.right - 1 && middle >= first.top - 6 && middle <= first.bottom + 6;
    const lines = Math.round(label.getBoundingClientRect().height / first.height);
    if (!beside) misplaced.push(`${input.id} (label ${lines} lines)`);
  }
  return misplaced;
}"""


def _place(locator) -> list[float]:
    """Where an element is on the page (not in the viewport, which scrolls)."""
    return locator.evaluate(
        "el => { const r = el.getBoundingClientRect();"
        " return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }"
    )


def _ballot_url(live_server) -> str:
    return f"/p/{live_server.process_slug}/ballots/{live_server.ballot_id}/"


@pytest.mark.parametrize("size", SIZES)
def test_choices_stay_beside_their_labels(new_page, live_server, shot, size):
    """On the process form (long radio labels, a checkbox with a long label) and the
    ballot, every box sits on the first line of its label, which wraps beside it."""
    facilitator = new_page(viewport=SIZES[size])
    sign_in(facilitator)
    facilitator.goto(f"/p/{live_server.process_slug}/edit")
    assert facilitator.locator("input[type=radio]").count() >= 2
    assert facilitator.evaluate(BESIDE_LABELS) == []
    shot(facilitator, f"process-form-{size}")

    voter = new_page(viewport=SIZES[size])
    join(voter, live_server, "Valintaruutu Testaaja")
    voter.goto(_ballot_url(live_server))
    assert voter.locator("input[type=checkbox]").count() >= 3
    assert voter.evaluate(BESIDE_LABELS) == []
    shot(voter, f"ballot-{size}")


@pytest.mark.parametrize("size", SIZES)
def test_the_save_button_does_not_move_while_the_feedback_changes(
    new_page, live_server, shot, size
):
    """Choosing themes changes the feedback ("1 of 2 chosen", over the limit...) but
    never the place of the button, so a click a moment after a change lands on it."""
    page = new_page(viewport=SIZES[size])
    join(page, live_server, "Paikallaan Pysyvä")
    page.goto(_ballot_url(live_server))
    button = page.locator("form[data-ballot-form] button[type=submit]")
    feedback = page.locator("#ballot-feedback")
    boxes = page.locator("form[data-ballot-form] input[type=checkbox]")
    # Other tests may have saved a vote for this group: start from no choice.
    for index in range(boxes.count()):
        boxes.nth(index).uncheck()
    expect(feedback).to_have_class(re.compile(r"^(?!.*is-over)"))
    before = _place(button)
    texts = [feedback.inner_text()]
    for index in range(3):  # the third choice is over the limit of two
        boxes.nth(index).check()
        expect(feedback).not_to_have_text(texts[-1])
        texts.append(feedback.inner_text())
        assert _place(button) == before, f"the button moved after: {texts[-1]}"
    assert len(set(texts)) == 4
    shot(page, f"ballot-over-{size}")
