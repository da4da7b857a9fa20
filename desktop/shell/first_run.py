"""A first run that leads: the estate's letterhead is asked of the first manager before anything
prints, since every letter, form and envelope carries it (a real database has none of its own
until then, and prints none: models.letterhead).

The manager is asked when they first sign in to a database without one (`MainWindow` calls
`ask_after_sign_in` once the window shows), and again by a printout asked for before it was given
(`ensure_letterhead`); anyone else is told that a manager must give it.
"""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.shell.layout_memory import remember
from desktop.shell.session import Session
from forms import asking
from models import letterhead
from models.accounts import User
from models.vocab import Role
from forms.translation import translator


_tr = translator("FirstRun")


class LetterheadDialog(QDialog):
    """The letterhead's settings in a dialog of their own, closed once they are saved."""

    def __init__(self, session: Session | SimpleNamespace, parent: QWidget | None = None):
        super().__init__(parent)
        from desktop.settings.letterhead_tab import LetterheadTab

        self.setObjectName("letterheadDialog")
        self.setWindowTitle(_tr("The estate's letterhead"))
        self.intro = QLabel(_tr(
            "Before the first letter goes out: give the name the estate's letters are signed with, its address, "
            "the service-supervision phone (服务监督电话) every reply letter cites, and the company whose seal "
            "(公章) they carry. Every letter, slip form and envelope prints them."))
        self.intro.setWordWrap(True)
        self.tab = LetterheadTab(session, self)
        self.buttons = QDialogButtonBox()
        self.later_button = self.buttons.addButton(_tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setToolTip(_tr("Nothing prints until the letterhead is given."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tab, 1)
        layout.addWidget(self.buttons)
        remember(self, "letterhead_dialog", default_size=(760, 640))
        self.tab.saved.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.tab.editors["estate.name"].setFocus()


def ask_letterhead(user: User, lang: str, parent: QWidget | None) -> bool:
    """The manager gives the letterhead (tests replace this); whether it is given now. The tab
    reads only who saves and the language from its session."""
    LetterheadDialog(SimpleNamespace(user=user, lang=lang), parent).exec()
    return letterhead.is_set()


def ensure_letterhead(user: User | None, lang: str, parent: QWidget | None) -> bool:
    """Whether printing may go on: the letterhead is given, or a manager gives it now; anyone else
    is told who can."""
    if letterhead.is_set():
        return True
    if user is not None and user.role == Role.MANAGER:
        return ask_letterhead(user, lang, parent)
    asking.inform(parent, _tr("No letterhead yet"), _tr(
        "Nothing can be printed before the estate's letterhead (name, address, service-supervision phone) is "
        "given. Ask a manager to give it under Authority and lists (F9) › Letterhead and printing."))
    return False


def ask_after_sign_in(session: Session, parent: QWidget | None) -> LetterheadDialog | None:
    """A manager signing in to a database without a letterhead is asked for it at once, in a
    window-modal dialog over the main window (a demo database has the demo estate's)."""
    if session.demo or not session.has_role(Role.MANAGER) or letterhead.is_set():
        return None
    dialog = LetterheadDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
