"""Who is signed in at this desk, the bridge pages listen on, and the desk's local settings.

Screens never call each other to say "a slip changed": whoever saved announces it on the
session (`announce_slip_saved`), and every page that shows slips refreshes from the signal.
What the database says changed — another desk's work, within two seconds — comes as
`changed_elsewhere` (desktop.shell.live), which each open view takes in its own way.
Local, per-desk preferences (window layout, language, last user name) live in QSettings under
namespaced keys ("main_window/geometry"); estate-wide settings live in the database
(models.settings).
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal

from desktop.shell.local_settings import APPLICATION, ORGANIZATION, put_setting, setting, settings  # noqa: F401
from models.accounts import User
from models.vocab import Role


def ui_language(override: str | None = None) -> str:
    """'zh' or 'en': the command line, else the desk's choice, else the system's language."""
    chosen = override or setting("ui/language", "") or ""
    if chosen in ("zh", "en"):
        return chosen
    return "zh" if QLocale.system().name().startswith("zh") else "en"


class Session(QObject):
    """The signed-in user and the signals that keep every open page current."""

    slip_saved = Signal(int)  # a slip was created or changed here; its id
    slips_changed = Signal()  # something about slips changed: counts and lists refresh
    changed_elsewhere = Signal(object)  # models.live.Changes: what the database says changed (desktop.shell.live)
    user_changed = Signal()

    def __init__(self, lang: str | None = None, demo: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._user: User | None = None
        self.lang = lang
        self.demo = demo

    @property
    def user(self) -> User | None:
        return self._user

    def sign_in(self, user: User) -> None:
        self._user = user
        if setting("login/last_user") != user.username:  # rewriting the desk's settings costs ms at each start
            put_setting("login/last_user", user.username)
        self.user_changed.emit()

    def sign_out(self) -> None:
        self._user = None
        self.user_changed.emit()

    def has_role(self, *roles: str) -> bool:
        return self._user is not None and self._user.role in roles

    @property
    def is_supervisor(self) -> bool:
        return self.has_role(Role.SUPERVISOR, Role.MANAGER)

    def announce_slip_saved(self, slip_id: int) -> None:
        """Call after a slip was created or changed in this window."""
        self.slip_saved.emit(slip_id)
        self.slips_changed.emit()

    def announce_slips_changed(self) -> None:
        """Call after changes to several slips (a batch, an import)."""
        self.slips_changed.emit()
