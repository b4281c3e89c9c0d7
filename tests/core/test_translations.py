"""Every interface text is translated into Finnish and Swedish, placeholders intact."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = ROOT / "app" / "translations"
METHOD_MAP = [
    ("app/**.py", "python"),
    ("templates/**.html", "jinja2"),
    ("templates/**.txt", "jinja2"),
]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "_l": None,
    "lazy_gettext": None,
}
#: As in babel.cfg: without the `do` extension the extractor silently skips templates.
JINJA_OPTIONS = {"extensions": "jinja2.ext.do"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def source_messages() -> set[str]:
    """Every translatable text in the code and templates, extracted as pybabel does."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        METHOD_MAP,
        keywords=KEYWORDS,
        options_map={
            "templates/**.html": JINJA_OPTIONS,
            "templates/**.txt": JINJA_OPTIONS,
        },
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue(lang: str):
    with open(CATALOGUES / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        return read_po(handle, locale=lang)


@pytest.fixture(scope="module")
def messages():
    found = source_messages()
    assert len(found) > 100, "extraction found suspiciously few texts"
    return found


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_every_text_is_translated(messages, lang):
    """No interface text is missing, empty or fuzzy in the Finnish and Swedish catalogues."""
    po = catalogue(lang)

    def untranslated(message_id) -> bool:
        entry = po.get(message_id)
        if entry is None or entry.fuzzy:
            return True
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        return not all(strings)

    missing = sorted(m for m in messages if untranslated(m))
    assert missing == [], f"{len(missing)} texts untranslated in {lang}: {missing[:10]}"


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_placeholders_survive_translation(lang):
    """A translation keeps exactly the placeholders of its original."""
    broken = []
    for message in catalogue(lang):
        if not message.id or not any(
            message.string if isinstance(message.string, tuple) else (message.string,)
        ):
            continue
        original = message.id if isinstance(message.id, str) else message.id[0]
        translated = (
            message.string if isinstance(message.string, str) else message.string[0]
        )
        if sorted(PLACEHOLDER.findall(original)) != sorted(
            PLACEHOLDER.findall(translated)
        ):
            broken.append(original)
    assert broken == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", "Kirjaudu sisään"), ("sv", "Logga in"), ("en", "Sign in")],
)
def test_sign_in_page_in_each_language(client, lang, expected):
    """The compiled catalogues are in use: the sign-in page speaks each language."""
    client.get(f"/language/{lang}")
    assert expected in client.get("/login").get_data(as_text=True)
