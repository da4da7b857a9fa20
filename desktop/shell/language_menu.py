"""View › Language: Chinese, English, or whatever the system speaks, for this desk.

The choice is a desk preference (QSettings "ui/language", read by session.ui_language at start:
--lang on the command line still wins). It applies from the next start: every window sets its
texts once when it is built, so the clerk is told rather than shown a half-translated screen.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from desktop.shell.local_settings import put_setting, setting
from forms import asking
from forms.translation import translator

LANGUAGE_KEY = "ui/language"
SYSTEM = ""
# each language is named in itself, so that a clerk who cannot read the present one finds theirs
CHOICES = ((SYSTEM, QT_TRANSLATE_NOOP("LanguageMenu", "Follow the &system")), ("zh", "中文"), ("en", "English"))


_tr = translator("LanguageMenu")


def chosen_language() -> str:
    """"zh", "en", or "" for the system's language."""
    value = setting(LANGUAGE_KEY, SYSTEM) or SYSTEM
    return value if value in ("zh", "en") else SYSTEM


def language_menu(parent: QWidget) -> QMenu:
    menu = QMenu(_tr("&Language"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    group.setExclusive(True)
    current = chosen_language()
    for code, text in CHOICES:
        action = QAction(_tr(text) if code == SYSTEM else text, menu)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        menu.addAction(action)
    group.triggered.connect(lambda action: choose(action.data(), parent))
    return menu


def choose(code: str, parent: QWidget | None = None) -> None:
    if code == chosen_language():
        return
    put_setting(LANGUAGE_KEY, code)
    tell_next_start(parent)


def tell_next_start(parent: QWidget | None) -> None:
    """Say when the new language applies (tests replace this function)."""
    asking.inform(parent, _tr("Language"), _tr(
        "Slipdesk shows the language you chose from its next start."))
