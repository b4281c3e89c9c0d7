"""The installation's facts for the privacy notice and the accessibility statement.

Each comes from the config (an environment variable, see ``SETTINGS``). A setting
left empty is shown on the page as a marked placeholder for the administrator to fill
in: the pages never state a fact the installation has not given.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from flask import current_app

from ..i18n import DATE_PATTERN, current_language

#: The date the statutory texts in templates/privacy/ were last reviewed.
TEXTS_REVIEWED = date(2026, 11, 24)

#: Config key -> what it is (for the docs and the placeholders).
SETTINGS = {
    "PRIVACY_CONTROLLER": "the controller: the public body responsible",
    "PRIVACY_CONTROLLER_ADDRESS": "the controller's postal address and business ID",
    "PRIVACY_CONTACT_EMAIL": "the contact for data protection matters",
    "PRIVACY_DPO_CONTACT": "the data protection officer's contact details",
    "PRIVACY_PUBLIC_TASK": "the controller's statutory task the processing serves",
    "PRIVACY_PROCESSORS": "the hosting and mail providers processing data",
    "PRIVACY_RETENTION": "how long process data is kept (records management plan)",
    "PRIVACY_LOG_RETENTION": "how long server logs and backups are kept",
    "PRIVACY_NOTICE_DATE": "the date of the privacy notice (YYYY-MM-DD)",
    "ACCESSIBILITY_MANUAL_CHECKS": "the manual accessibility checks made, by whom, when",
    "ACCESSIBILITY_FEEDBACK_EMAIL": "where accessibility feedback is sent",
    "ACCESSIBILITY_STATEMENT_DATE": "the date of the accessibility statement",
}


def _date(value: str | None) -> str:
    try:
        day = date.fromisoformat(value) if value else TEXTS_REVIEWED
    except ValueError:
        day = TEXTS_REVIEWED
    return format_date(day, DATE_PATTERN, locale=current_language())


def legal_facts() -> dict[str, str]:
    """Each setting's value ("" when not set); the two dates formatted."""
    config = current_app.config
    facts = {key: (config.get(key) or "").strip() for key in SETTINGS}
    facts["PRIVACY_NOTICE_DATE"] = _date(facts["PRIVACY_NOTICE_DATE"])
    facts["ACCESSIBILITY_STATEMENT_DATE"] = _date(facts["ACCESSIBILITY_STATEMENT_DATE"])
    facts["IDLE_MINUTES"] = str(int(config["IDLE_TIMEOUT"].total_seconds() // 60))
    facts["RESET_HOURS"] = str(
        int(config["PASSWORD_RESET_MAX_AGE"].total_seconds() // 3600)
    )
    return facts
