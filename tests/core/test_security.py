"""Safe by default: headers, error pages, Markdown cleaning, production settings."""

import pytest

from app import create_app
from app.text import render_markdown
from config import ConfigError, ProductionConfig


def test_security_headers_on_every_response(client):
    """Every response carries a CSP without inline script and the other headers."""
    for path in ("/", "/login", "/no-such-page"):
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_have_no_inline_script(client):
    """Templates contain no inline script or inline event handlers."""
    html = client.get("/").get_data(as_text=True)
    assert "<script>" not in html and "onclick=" not in html


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_404_page_is_translated_and_styled(client, lang):
    """The 404 page uses the site layout in the reader's language."""
    client.get(f"/language/{lang}")
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.get_data(as_text=True)
    assert 'href="#main"' in response.get_data(as_text=True)


def test_500_page():
    """An unexpected error shows the translated 500 page, not a traceback."""
    from config import TestingConfig

    app = create_app(
        TestingConfig,
        {"SQLALCHEMY_DATABASE_URI": "sqlite://", "PROPAGATE_EXCEPTIONS": False},
    )

    @app.route("/boom-test")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/boom-test")
    assert response.status_code == 500
    assert "RuntimeError" not in response.get_data(as_text=True)
    assert 'href="#main"' in response.get_data(as_text=True)


def test_403_for_a_signed_in_user_without_rights(client, auth, create_user):
    """A signed-in user without rights gets 403, not a sign-in redirect."""
    from app.models import Role

    auth.login_as(create_user(Role.FACILITATOR))
    assert client.get("/admin/users/").status_code == 403


def test_production_refuses_to_start_without_secret_key(monkeypatch):
    """In production a missing SECRET_KEY is a clear start-up error."""

    class NoKey(ProductionConfig):
        SECRET_KEY = None

    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(NoKey, {"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_cookies_are_secure():
    """Production marks the session cookie Secure and sends HSTS."""

    class WithKey(ProductionConfig):
        SECRET_KEY = "x" * 64
        SESSION_COOKIE_SECURE = True
        BASE_URL = "https://osallistamo.example.fi"

    app = create_app(WithKey, {"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    response = app.test_client().get("/language/fi")
    assert "max-age" in response.headers["Strict-Transport-Security"]


def test_development_generates_a_secret_key_once(tmp_path, monkeypatch):
    """Development writes a secret key into instance/ once and reuses it."""
    import config

    monkeypatch.setattr(config, "INSTANCE_DIR", tmp_path)
    first = config.development_secret_key()
    assert (tmp_path / "secret_key").read_text() == first
    assert config.development_secret_key() == first
    assert len(first) >= 64


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[x](javascript:alert(1))",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        '<a href="http://ok.example" onclick="x()">ok</a>',
        "<iframe src=//evil.example></iframe>",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    ],
)
def test_markdown_cleaning_removes_script_vectors(source):
    """Nothing from the known XSS vectors survives cleaning."""
    html = str(render_markdown(source)).lower()
    for needle in (
        "<script",
        "onerror",
        "javascript:",
        "<svg",
        "<math",
        "<iframe",
        "onclick",
        "<style",
        "<img",
    ):
        assert needle not in html


def test_markdown_keeps_the_allowed_subset_and_marks_links():
    """Emphasis, lists, quotes and links survive; links get rel=nofollow noopener."""
    html = str(
        render_markdown(
            "*a* **b**\n\n- c\n\n> d\n\n[e](https://example.fi) www.example.org"
        )
    )
    assert "<em>a</em>" in html and "<strong>b</strong>" in html
    assert "<li>c</li>" in html and "<blockquote>" in html
    assert 'href="https://example.fi" rel="nofollow noopener"' in html
    assert 'href="http://www.example.org" rel="nofollow noopener"' in html


def test_forwarded_address_is_ignored_without_trusted_proxies(app):
    """Reached directly, a forged X-Forwarded-For does not change the client address."""
    with app.test_request_context(
        "/",
        headers={"X-Forwarded-For": "203.0.113.9"},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    ):
        from flask import request

        assert request.remote_addr == "10.0.0.1"


def test_forwarded_address_is_used_behind_a_trusted_proxy():
    """Behind one trusted proxy, rate limits see the visitor's address."""
    from config import TestingConfig

    app = create_app(
        TestingConfig, {"SQLALCHEMY_DATABASE_URI": "sqlite://", "TRUSTED_PROXIES": 1}
    )
    seen = {}

    @app.route("/whoami-test")
    def whoami():
        from flask import request

        seen["addr"] = request.remote_addr
        return ""

    app.test_client().get(
        "/whoami-test",
        headers={"X-Forwarded-For": "203.0.113.9"},
        environ_base={"REMOTE_ADDR": "10.0.0.1"},
    )
    assert seen["addr"] == "203.0.113.9"
