"""Shared pieces of the end-to-end journeys: the texts they type, where they went, and
the keyboard helpers (Tab until the right element has focus, checking on the way that
every focused element shows a visible focus ring).

The mouse journey (test_full_journey.py) records every page it visits, as the
facilitator and as a participant, in ``RECORD``; the sweep (test_journey_pages.py)
opens the same pages at 320 px in Finnish, Swedish and English.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from .conftest import assert_accessible

HELSINKI = ZoneInfo("Europe/Helsinki")
#: The discussion's video: a direct .mp4 file on a host the tests answer themselves
#: (a Playwright route), so no page waits for the network.
VIDEO_HOST = "https://video.example.fi"
VIDEO_URL = f"{VIDEO_HOST}/kirjastot-esittely.mp4"
TRANSCRIPT = (
    "Kirjastotoimenjohtaja kertoo videolla kirjastojen yhteisestä tilannekuvasta."
)


def local_input(moment: datetime) -> str:
    """A moment as a datetime-local input wants it, in Helsinki time (what the form reads)."""
    return moment.astimezone(HELSINKI).strftime("%Y-%m-%dT%H:%M")


def discussion_times() -> tuple[datetime, datetime]:
    """An open discussion: started an hour ago, ends in thirty days (whole minutes)."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return now - timedelta(hours=1), now + timedelta(days=30)


def stub_video_host(page) -> None:
    """Answer the video host's requests with 404 inside the browser: no real network."""
    page.context.route(
        f"{VIDEO_HOST}/**", lambda route: route.fulfill(status=404, body="")
    )


@dataclass
class Recorded:
    """The pages one journey visited, by role: name -> path (with its query)."""

    facilitator: dict[str, str] = field(default_factory=dict)
    participant: dict[str, str] = field(default_factory=dict)
    invite_path: str = ""
    #: Set when the journey reached its end: only then are the pages complete.
    complete: bool = False


#: Filled by the mouse journey; read by the 320 px / three-language sweep.
RECORD = Recorded()


def path_of(url: str) -> str:
    """The path and query of a URL (no origin, no #fragment such as the skip link's)."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def watch_server_errors(page) -> list[str]:
    """Collect every 5xx answer the page gets (an app bug), to assert on at each step."""
    errors: list[str] = []
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 500
            else None
        ),
    )
    page.server_errors = errors
    return errors


def check_page(page, pages: dict[str, str] | None, name: str, shot, lang: str = "fi"):
    """One step's checks: no 5xx, the page's language, a screenshot, axe; record it."""
    assert getattr(page, "server_errors", []) == [], page.server_errors
    assert page.get_attribute("html", "lang") == lang, (name, page.url)
    if pages is not None:
        pages.setdefault(name, path_of(page.url))
    shot(page, name)
    assert_accessible(page, f"{name} ({lang}, {page.viewport_size['width']} px)")


def docx_text(data: bytes) -> str:
    """All text of a Word file (paragraphs and table cells), read with python-docx."""
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


# --- Keyboard ----------------------------------------------------------------------

#: What the focused element is, where it is, and whether its focus can be seen. The
#: ring counts as visible when the focused element has an outline of some width or a
#: box-shadow / border / background that its unfocused self does not have (checked by
#: blurring and focusing it again: script focus keeps :focus-visible after keyboard use).
FOCUS_INFO_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return {tag: "BODY", describe: "<body>", visible: true, ring: "none"};
  }
  const look = (s) => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow,
                       s.borderTopColor, s.backgroundColor].join("|");
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  let visible = outline;
  let ring = outline ? `outline ${style.outlineWidth} ${style.outlineStyle}` : "";
  if (!visible) {
    const focusedLook = look(style);
    el.blur();
    const unfocusedLook = look(getComputedStyle(el));
    el.focus({preventScroll: true});
    visible = focusedLook !== unfocusedLook;
    ring = visible ? `box-shadow/border/background change` : `none (${focusedLook})`;
  }
  const rect = el.getBoundingClientRect();
  const text = (el.getAttribute("aria-label") || el.innerText || el.value || "")
    .replace(/\\s+/g, " ").trim().slice(0, 60);
  const id = el.id ? `#${el.id}` : "";
  const href = el.getAttribute("href");
  return {
    tag: el.tagName, id: el.id, name: el.getAttribute("name") || "",
    type: el.getAttribute("type") || "", href: href || "", text,
    form: el.form ? (el.form.getAttribute("action") || "(this page)") : "",
    focusVisible: el.matches(":focus-visible"), visible, ring,
    top: rect.top + window.scrollY, left: rect.left + window.scrollX,
    describe: `<${el.tagName.toLowerCase()}${id}${href ? ` href=${href}` : ""}> ${text}`,
  };
}"""


def focus_info(page) -> dict:
    return page.evaluate(FOCUS_INFO_JS)


def assert_focus_visible(info: dict) -> None:
    """The focused element shows it: a ring is drawn (usually by :focus-visible; a
    date field's inner calendar button has focus without the field matching it)."""
    if info["tag"] == "BODY":
        return
    assert info["visible"], (
        f"no visible focus indicator on {info['describe']} "
        f"(:focus-visible {info['focusVisible']}): {info['ring']}"
    )


def _matcher(target: str | Callable[[dict], bool], page) -> Callable[[dict], bool]:
    if callable(target):
        return target
    return lambda info: (
        info["tag"] != "BODY"
        and page.evaluate(
            "(selector) => document.activeElement.matches(selector)", target
        )
    )


def tab_to(
    page,
    target: str | Callable[[dict], bool],
    max_steps: int = 200,
    backwards: bool = False,
) -> dict:
    """Press Tab (Shift+Tab) until the focused element matches ``target``.

    ``target`` is a CSS selector or a predicate on the focus info (tag, id, name, href,
    text...). Every element passed on the way must show a visible focus ring. Fails
    with the list of elements visited when ``max_steps`` presses do not get there.
    """
    matches = _matcher(target, page)
    key = "Shift+Tab" if backwards else "Tab"
    visited: list[str] = []
    for _ in range(max_steps):
        page.keyboard.press(key)
        info = focus_info(page)
        assert_focus_visible(info)
        visited.append(info["describe"])
        if matches(info):
            return info
    raise AssertionError(
        f"{max_steps} presses of {key} did not reach {target!r} on {page.url}; "
        "visited:\n  " + "\n  ".join(visited)
    )


def skip_to_main(page) -> None:
    """Reach the skip link (the first Tab of a page; Shift+Tab back to it when the page
    opened at an #anchor, where Tab starts from the anchor) and press Enter: <main>."""
    page.keyboard.press("Tab")
    info = focus_info(page)
    assert_focus_visible(info)
    if "skip-link" not in page.evaluate("() => document.activeElement.className"):
        tab_to(page, ".skip-link", backwards=True)
    page.keyboard.press("Enter")
    # Following the fragment moves the focus in a task of its own (it was missed
    # once in CI when asserted at once): wait for it, failing if it never comes.
    page.wait_for_function("() => document.activeElement.id === 'main'", timeout=10_000)


def press_and_wait(page, key: str = "Enter", timeout: float | None = None) -> None:
    """Press a key that submits a form or follows a link; wait for the new page."""
    with page.expect_navigation(timeout=timeout):
        page.keyboard.press(key)
    assert getattr(page, "server_errors", []) == [], page.server_errors


def follow_link(
    page, href_pattern: str, max_steps: int = 200, in_main: bool = True
) -> None:
    """Tab to the link whose href matches and press Enter: from <main> (via the skip
    link), or with ``in_main=False`` from the top of the page (the header's menu)."""
    if in_main:
        skip_to_main(page)
    pattern = re.compile(href_pattern)
    tab_to(
        page,
        lambda info: info["tag"] == "A" and bool(pattern.search(info["href"])),
        max_steps,
    )
    press_and_wait(page)


def choose_option(page, value: str | None = None, label: str | None = None) -> None:
    """Choose an option of the focused <select> with the arrow keys (no popup)."""
    if label is not None:
        value = page.evaluate(
            """(label) => [...document.activeElement.options]
                .find(o => o.textContent.trim() === label)?.value ?? null""",
            label,
        )
        assert value is not None, f"no option {label!r} in the focused select"
    for _ in range(50):
        current = page.evaluate("() => document.activeElement.value")
        if current == value:
            return
        index = page.evaluate(
            "(v) => [...document.activeElement.options].findIndex(o => o.value === v)",
            value,
        )
        selected = page.evaluate("() => document.activeElement.selectedIndex")
        assert index >= 0, f"no option {value!r} in the focused select"
        page.keyboard.press("ArrowDown" if index > selected else "ArrowUp")
    raise AssertionError(f"the arrow keys did not choose {value!r}")


def type_datetime(page, moment: datetime) -> None:
    """Type a Helsinki time into the focused datetime-local field, segment by segment.

    Chromium's field here reads mm/dd/yyyy, hh:mm AM/PM (its own locale, whatever the
    page's). The year takes up to six digits, so an arrow key ends it.
    """
    local = moment.astimezone(HELSINKI)
    page.keyboard.type(local.strftime("%m%d%Y"))
    page.keyboard.press("ArrowRight")
    page.keyboard.type(local.strftime("%I%M"))
    page.keyboard.type("A" if local.hour < 12 else "P")
    value = page.evaluate("() => document.activeElement.value")
    assert value == local_input(moment), (
        f"typed {local_input(moment)} but the field holds {value!r}"
    )


@dataclass
class FormWalk:
    """The order in which Tab visited a form's fields, to compare with their layout."""

    steps: list[dict] = field(default_factory=list)

    def assert_visual_order(self) -> None:
        """Focus moves down the page (or right along one row), never back up."""
        for before, after in itertools.pairwise(self.steps):
            same_row = abs(after["top"] - before["top"]) < 4
            assert after["top"] > before["top"] or (
                same_row and after["left"] >= before["left"]
            ), (
                "focus order differs from the visual order: "
                f"{before['describe']} (top {before['top']:.0f}) then "
                f"{after['describe']} (top {after['top']:.0f})"
            )


def fill_form(
    page,
    actions: dict[str, str | Callable[[], None]],
    submit: str = "[type=submit]",
    form: str = "main form:not(.inline-form):not([method=get])",
    max_steps: int = 120,
) -> FormWalk:
    """Fill the page's main form by keyboard and submit it with Enter.

    Starting from <main>, Tab goes through the form field by field; ``actions`` maps a
    field id to the text to type or to a callable run while the field has focus. Every
    field passed must show its focus; the order must follow the layout. Returns the walk.
    """
    skip_to_main(page)
    tab_to(page, f"{form} :is(input, select, textarea, button)", max_steps)
    walk = FormWalk()
    done: set[str] = set()
    for _ in range(max_steps):
        info = focus_info(page)
        assert_focus_visible(info)
        in_form = page.evaluate(
            "(selector) => !!document.activeElement.closest(selector)", form
        )
        if in_form and (not walk.steps or walk.steps[-1]["id"] != info["id"]):
            walk.steps.append(info)
        if in_form and info["id"] in actions and info["id"] not in done:
            done.add(info["id"])
            action = actions[info["id"]]
            if callable(action):
                action()
            else:
                page.keyboard.type(action)
        if in_form and page.evaluate(
            "(selector) => document.activeElement.matches(selector)", submit
        ):
            missing = set(actions) - done
            assert not missing, f"Tab never reached {sorted(missing)} in {form}"
            walk.assert_visual_order()
            press_and_wait(page)
            return walk
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab did not reach {submit} of {form} on {page.url}")
