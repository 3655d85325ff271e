"""The reviewer's name: asked once, kept in the user's settings, stored with every annotation.

The name is kept in QSettings (per user, so it follows the reviewer from database to database) and
registered in each database's reviewers table (desktop.core.review.reviewers) when first used there. It is asked
through ``dialogs.get_text`` (patchable in tests) the first time an annotation is made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from desktop.core.changes import Changes
from desktop.core.review.reviewers import Reviewer, ReviewerNameError, get_or_create_reviewer
from desktop.gui import dialogs
from desktop.gui.undo import UndoableStore

SETTINGS_KEY = "reviewer/name"


def saved_name(settings: QSettings) -> str:
    return str(settings.value(SETTINGS_KEY, "") or "").strip()


def ask_name(parent: QWidget | None, current: str = "") -> str | None:
    """Ask for the reviewer's name (None when cancelled); an empty answer is asked again."""
    while True:
        name = dialogs.get_text(parent, QCoreApplication.translate("Annotations", "Your name"),
                                QCoreApplication.translate("Annotations", "Your name is stored with every annotation you make, so that reviews by several "
                                    "people can be told apart and merged:"), current)
        if name is None:
            return None
        if name.strip():
            return name.strip()
        current = ""


def package_reviewer(store: UndoableStore) -> str:
    """The reviewer a package database was made for ('' for an ordinary database): who works in it."""
    from desktop.core.storage.settings import get_setting

    return (get_setting(store.reader, "package_reviewer") or "") if store.reader is not None else ""


def ensure_reviewer(parent: QWidget | None, settings: QSettings, store: UndoableStore) -> Reviewer | None:
    """The reviewer for new annotations: from the settings, else asked once; registered in the open database.

    Returns None when the reviewer cancels the question (nothing is annotated then).
    """
    name = package_reviewer(store) or saved_name(settings)
    if not name:
        name = ask_name(parent) or ""
        if not name:
            return None
        settings.setValue(SETTINGS_KEY, name)
    if store.reviewer_id is None or store.reviewer_name != name:
        try:
            reviewer = store.write(get_or_create_reviewer, name)
        except ReviewerNameError as exc:  # a look-alike of another reviewer's name: asked again next time
            dialogs.warning(parent, QCoreApplication.translate("Annotations", "Your name"), str(exc))
            settings.setValue(SETTINGS_KEY, "")
            return None
        store.reviewer_id, store.reviewer_name = reviewer.id, reviewer.name
        store.announce(Changes.of("reviews"))  # whose reviews the views show may have changed
    return Reviewer(store.reviewer_id, store.reviewer_name)


def change_name(parent: QWidget | None, settings: QSettings, store: UndoableStore) -> str | None:
    """Let the reviewer correct their name; later annotations carry the new one. Returns it, or None."""
    name = ask_name(parent, saved_name(settings))
    if not name:
        return None
    settings.setValue(SETTINGS_KEY, name)
    store.reviewer_id = None
    if store.ready:
        ensure_reviewer(parent, settings, store)
    return name
