"""The password policy: long enough, not a common password, not the email."""

from __future__ import annotations

from functools import lru_cache

from flask_babel import lazy_gettext as _l

MIN_LENGTH = 10
MAX_LENGTH = 256  # scrypt on megabytes of input would be a denial of service

#: Common Finnish and Swedish choices that an English list misses.
LOCAL_COMMON = {
    "salasana",
    "salasana1",
    "salasana123",
    "salasanani",
    "tunnussana",
    "kissa123",
    "koira123",
    "suomi",
    "suomi100",
    "suomifinland",
    "perkele",
    "hyvinkää",
    "järvenpää",
    "kesäloma",
    "talvi2024",
    "kevät2025",
    "syksy2025",
    "lösenord",
    "lösenord1",
    "sommar",
    "sverige",
    "hejhej",
    "qwertyuiop",
    "asdfghjkl",
    "1234567890",
    "0123456789",
    "osallistamo",
    "opiskeluhuolto",
}


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The 30 000 most common passwords (zxcvbn's list) plus local ones."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"]) | frozenset(LOCAL_COMMON)


def _core(password: str) -> str:
    """The password without trailing digits and punctuation ("Salasana2024!" -> salasana)."""
    return password.lower().rstrip("0123456789!?.,-_#@*+ ")


def password_problems(password: str, email: str | None = None) -> list[str]:
    """Return the reasons the password is refused; an empty list means it is fine."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(str(_l("Use at least %(count)d characters.", count=MIN_LENGTH)))
    if len(password) > MAX_LENGTH:
        problems.append(str(_l("Use at most %(count)d characters.", count=MAX_LENGTH)))
    lowered = password.lower()
    common = common_passwords()
    core = _core(password)
    if (
        lowered in common
        or (len(core) >= 4 and core in common)
        or len(set(lowered)) < 4
    ):
        problems.append(
            str(_l("This password is too common or easy to guess. Choose another one."))
        )
    if email:
        email = email.lower()
        local_part = email.split("@")[0]
        if email in lowered or (len(local_part) >= 3 and local_part in lowered):
            problems.append(
                str(_l("The password must not contain your email address."))
            )
    return problems
