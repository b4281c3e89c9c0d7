"""Browser fixtures: a real server on loopback and Debian's Chromium driven by Playwright.

The server is gunicorn (two workers) on a free port, against a temporary SQLite file
migrated with ``flask db upgrade`` and seeded by ``tests/e2e/seed.py``. Every page a
test opens is checked for the Content-Security-Policy header and for CSP reports in
the console; screenshots go to ``test-artifacts/``.

What the browser tests need (Chromium, the playwright package, axe-core from npm) is
checked once here. Without it the tests are skipped on a developer's machine, and the
run ends with a plain "Browser tests SKIPPED" line saying what to install; under CI
(``CI`` set, as ``.ci/run`` does) a missing piece is a failure, never a skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .seed import FACILITATOR_EMAIL, PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Served to the page by a Playwright route, so axe loads from 'self' under our CSP.
AXE_URL_PATH = "/__e2e__/axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    # Pins the browser's own locale (date fields read mm/dd/yyyy, hh:mm AM/PM, which
    # the keyboard journey types); pages still get each context's locale (fi-FI...).
    "--lang=en-US",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
INSTALL_HINT = (
    "install with: apt-get install chromium fonts-dejavu-core; npm ci; "
    ".venv/bin/pip install -r requirements-dev.txt (or run make test-e2e to see what is needed)"
)


def in_ci() -> bool:
    """True under CI (``.ci/run`` exports CI=1): there a missing browser fails the run."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing_browser_parts() -> list[str]:
    """What the browser tests need and this machine lacks, in words."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"{CHROMIUM} missing")
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright Python package missing")
    if not AXE_SCRIPT.exists():
        missing.append(f"{AXE_SCRIPT.relative_to(ROOT)} missing (npm ci)")
    return missing


#: Checked once at start-up; read by the fixtures and by the terminal summary below.
MISSING = missing_browser_parts()
#: Reasons the browser tests gave for skipping, shown again at the end of the run.
SKIPPED_BECAUSE: set[str] = set()

if MISSING and not in_ci() and importlib.util.find_spec("playwright") is None:
    # Test modules import playwright at the top: without it they cannot even be
    # collected, so leave them out (the summary says so) rather than error.
    collect_ignore_glob = ["test_*.py"]
    SKIPPED_BECAUSE.add("the playwright Python package missing")


def skip_or_fail(reason: str) -> None:
    """Skip a browser test for a missing tool; under CI fail instead (never a silent skip)."""
    message = f"{reason} — {INSTALL_HINT}"
    if in_ci():
        pytest.fail(f"CI needs the browser tests: {message}", pytrace=False)
    SKIPPED_BECAUSE.add(reason)
    pytest.skip(message)


@pytest.hookimpl(trylast=True)
def pytest_terminal_summary(terminalreporter) -> None:
    """Say plainly at the end of the run when browser tests were skipped, and why."""
    if not SKIPPED_BECAUSE:
        return
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "tests/e2e/" in report.nodeid
    ]
    count = f"{len(skipped)} " if skipped else ""
    terminalreporter.write_sep("=", "browser tests", yellow=True, bold=True)
    terminalreporter.write_line(
        f"Browser tests SKIPPED ({count}not run): "
        f"{'; '.join(sorted(SKIPPED_BECAUSE))} — {INSTALL_HINT}",
        yellow=True,
        bold=True,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(
    url: str, process: subprocess.Popen, log_path: Path, timeout: float = 120
) -> None:
    """Wait for the server's first answer: generous, because a loaded machine (tests
    in parallel beside it) can take half a minute to start its workers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the e2e server exited early; see {log_path}:\n{log_path.read_text()}"
            )
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(
        f"the e2e server did not answer {url} in {timeout} s; see {log_path}"
    )


def run_step(command: list[str], env: dict) -> str:
    """Run a set-up command; fail with its output, return its last line of stdout."""
    done = subprocess.run(
        command, check=False, cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[1:])} failed:\n{done.stdout}{done.stderr}"
        )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@dataclass
class LiveServer:
    url: str
    process_slug: str
    process_title: str
    group_name: str
    invite_code: str
    group_id: int
    open_phase_id: int
    prompt_id: int
    ballot_id: int
    seminar_phase_id: int
    workshop_id: int
    # The follow-up plan, the survey, the observer and the video (seed_followup).
    observer_email: str = ""
    video_phase_id: int = 0
    goal_id: int = 0
    overdue_action_id: int = 0
    note_id: int = 0
    indicator_id: int = 0
    value_id: int = 0
    survey_phase_id: int = 0
    statement_id: int = 0
    # A seminar going on now (seed_live).
    live_phase_id: int = 0
    live_workshop_id: int = 0
    live_join_code: str = ""

    def __call__(self, path: str = "/") -> str:
        return self.url + path


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Migrate and seed a fresh SQLite file, then serve it with gunicorn."""
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} missing")
    tmp = tmp_path_factory.mktemp("e2e")
    ARTIFACTS.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "OSALLISTAMO_ENV": "development",
        "OSALLISTAMO_INSTANCE": str(tmp),
        "DATABASE_URL": f"sqlite:///{tmp / 'e2e.db'}",
        "SECRET_KEY": "e2e-only-secret-key-" + "x" * 24,
        "RATELIMIT_STORAGE_URI": "memory://",
        "MAIL_SERVER": "",
        "PYTHONUNBUFFERED": "1",
        # The suite signs the same facilitator in from 127.0.0.1 a few dozen times;
        # the sign-in limits are tested in tests/auth, not here.
        "LOGIN_LIMIT_PER_EMAIL": "1000 per minute",
        "LOGIN_LIMIT_PER_ADDRESS": "1000 per minute",
        # Without a job queue the web workers would embed every posted comment after
        # answering, holding a sync worker while the browser waits for the next page;
        # the embeddings are tested in tests/embeddings.
        "EMBEDDINGS": "off",
    }
    run_step([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], env)
    seeded = json.loads(run_step([sys.executable, "-m", "tests.e2e.seed"], env))

    port = free_port()
    log_path = ARTIFACTS / "e2e-server.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--bind", f"127.0.0.1:{port}",
             "--access-logfile", "-", "--graceful-timeout", "2", "app:create_app()"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url + "/healthz", server, log_path)
        yield LiveServer(url=url, **seeded)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def browser(live_server):
    try:
        from playwright import sync_api
    except ImportError:
        skip_or_fail("the playwright Python package missing")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What the browser saw: console CSP reports and responses without a CSP header."""

    origin: str
    csp_reports: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    missing_csp: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    def on_console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.csp_reports.append(text)
        elif message.type == "error":
            self.console_errors.append(text)

    def on_response(self, response) -> None:
        if not response.url.startswith(self.origin) or AXE_URL_PATH in response.url:
            return
        self.seen.append(response.url)
        if "content-security-policy" not in response.headers:
            self.missing_csp.append(response.url)

    def assert_clean(self) -> None:
        assert self.missing_csp == [], (
            f"responses without Content-Security-Policy: {self.missing_csp}"
        )
        assert self.csp_reports == [], (
            f"CSP violations in the console: {self.csp_reports}"
        )


def _new_context(browser, live_server, **options):
    options.setdefault("locale", "fi-FI")
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(base_url=live_server.url, **options)
    context.set_default_timeout(10_000)
    if AXE_SCRIPT.exists():
        body = AXE_SCRIPT.read_bytes()
        context.route(
            f"**{AXE_URL_PATH}",
            lambda route: route.fulfill(
                status=200, content_type="text/javascript", body=body
            ),
        )
    return context


@pytest.fixture()
def new_page(browser, live_server):
    """Open pages in fresh browser contexts (own cookies); check CSP on teardown."""
    contexts, watches = [], []

    def _open(**options):
        context = _new_context(browser, live_server, **options)
        contexts.append(context)
        page = context.new_page()
        watch = PageWatch(origin=live_server.url)
        page.on("console", watch.on_console)
        page.on("response", watch.on_response)
        page.watch = watch
        watches.append(watch)
        return page

    yield _open
    for context in contexts:
        context.close()
    for watch in watches:
        watch.assert_clean()


@pytest.fixture()
def page(new_page):
    return new_page()


@pytest.fixture()
def shot(request):
    """Save a full-page screenshot as test-artifacts/<test>-<name>.png."""
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name).strip("_")

    def _shot(page, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{test_name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return _shot


def sign_in(page, email: str = FACILITATOR_EMAIL, password: str = PASSWORD) -> None:
    """Sign in through the real form (ids, not labels: labels are translated)."""
    page.goto("/login")
    page.fill("#email", email)
    page.fill("#password", password)
    # Wait for the navigation itself: wait_for_load_state alone may return for the old
    # page while the POST is still in flight, and its session cookie lands later.
    with page.expect_navigation():
        page.click("form.narrow-form [type=submit]")
    assert "/login" not in page.url, f"sign-in failed, still on {page.url}"


def join(page, live_server: LiveServer, name: str) -> None:
    """Join the seeded work group through its invite link."""
    page.goto(f"/join/{live_server.invite_code}")
    page.fill("#display_name", name)
    with page.expect_navigation():
        page.click("form.narrow-form [type=submit]")


def axe_violations(page) -> list[dict]:
    """Run axe-core in the page with the WCAG 2.1 A/AA rules; return the violations."""
    if not AXE_SCRIPT.exists():
        skip_or_fail(f"{AXE_SCRIPT.relative_to(ROOT)} missing (npm ci)")
    page.add_script_tag(url=AXE_URL_PATH)
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }""",
        WCAG_TAGS,
    )


def assert_accessible(page, name: str) -> None:
    """Fail with a readable report if axe-core finds WCAG 2.1 A/AA violations."""
    violations = axe_violations(page)
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    )
    assert violations == [], f"WCAG 2.1 A/AA violations on {name}:\n{report}"
