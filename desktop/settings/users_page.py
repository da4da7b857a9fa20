"""The manager's page of staff accounts (员工账号): every account with its role, work ID and
state; beside the list a form to add an account or change one, and the steps a manager takes
for a colleague: deactivate or reactivate, reset a forgotten password, unlock a locked-out account.

Everything goes through models.staff, which refuses anyone but a manager and audits each step;
a refusal shows beside its field and leaves what was typed in place.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.shell.session import Session
from forms.error_placing import ErrorPlacing
from forms.fields import FieldRow, list_and_editor, Section, StatusLine, plain_text
from models import clock, staff
from models.accounts import User
from models.errors import SlipdeskError, ValidationFailed
from models.vocab import Role, label
from models.i18n import fill

USER_ID = Qt.ItemDataRole.UserRole + 1
DETAILS = ("username", "display_name", "work_id", "role")
NEW_PASSWORD = ("password", "repeat")
RESET_PASSWORD = ("reset_password", "reset_repeat")


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UsersPage(QWidget, ErrorPlacing):
    """The account list on the left, the selected (or new) account's form on the right."""

    changed = Signal()  # an account was added or changed here

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.user_id: int | None = None
        self._build()
        self._connect_signals()
        self.refresh()
        self.new_account()

    # ----- building

    def _build(self) -> None:
        heading = QLabel(self.tr("Staff accounts"))
        heading.setObjectName("pageHeading")
        self.new_button = QPushButton(self.tr("&New account"))
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.new_button.setToolTip(self.tr("Add a clerk, a person in charge or a manager"))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.new_button)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("usersTable")
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("User name"), self.tr("Role"),
                                              self.tr("Work ID"), self.tr("Active"), self.tr("Locked")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.editors: dict[str, QWidget] = {"username": QLineEdit(), "display_name": QLineEdit(),
                                            "work_id": QLineEdit(), "role": QComboBox()}
        for role in (Role.CLERK, Role.SUPERVISOR, Role.MANAGER, Role.UPPER):
            self.editors["role"].addItem(label(role, self.session.lang), role.value)
        for key in (*NEW_PASSWORD, *RESET_PASSWORD):
            self.editors[key] = _password_edit()
        self.rows = {key: FieldRow(key, editor) for key, editor in self.editors.items()}
        self.rows["password"].hint.setText(self.tr("Pass it on in person; its owner chooses their own at the "
                                                   "first sign-in."))
        self.rows["password"].hint.show()
        self.details = Section(self.tr("New account"))
        captions = {"username": self.tr("&User name"), "display_name": self.tr("&Full name"),
                    "work_id": self.tr("&Work ID (工号)"), "role": self.tr("&Role"),
                    "password": self.tr("First &password"), "repeat": self.tr("Repeat pass&word"),
                    "reset_password": self.tr("New pass&word"), "reset_repeat": self.tr("Repeat new passwor&d")}
        for key, editor in self.editors.items():
            editor.setAccessibleName(plain_text(captions[key]))
        for key in (*DETAILS, *NEW_PASSWORD):
            self.details.add(captions[key], self.rows[key])
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.active_button = QPushButton(self.tr("&Deactivate"))
        self.unlock_button = QPushButton(self.tr("Un&lock"))
        self.unlock_button.setToolTip(self.tr("End the lockout after repeated failed sign-ins now"))
        buttons = QHBoxLayout()
        for button in (self.save_button, self.active_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.details.rows.addRow(buttons)

        self.reset = Section(self.tr("Reset the password"),
                             self.tr("For a colleague who forgot theirs: they sign in with this one and then "
                                     "choose their own."))
        for key in RESET_PASSWORD:
            self.reset.add(captions[key], self.rows[key])
        self.reset_button = QPushButton(self.tr("R&eset password"))
        reset_line = QHBoxLayout()
        reset_line.addWidget(self.reset_button)
        reset_line.addStretch(1)
        self.reset.rows.addRow(reset_line)

        self.message = self.general_error = StatusLine()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details)
        side_layout.addWidget(self.reset)
        side_layout.addWidget(self.message)
        side_layout.addStretch(1)

        self.splitter = list_and_editor("usersSplitter", self.table, side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    def _connect_signals(self) -> None:
        self.table.currentCellChanged.connect(lambda row, *_: self._show_row(row))
        self.new_button.clicked.connect(self.new_account)
        self.save_button.clicked.connect(self.save)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.reset_button.clicked.connect(self.reset_password)
        for key in NEW_PASSWORD:
            self.editors[key].returnPressed.connect(self.save)
        for key in RESET_PASSWORD:
            self.editors[key].returnPressed.connect(self.reset_password)

    # ----- the list

    def refresh(self) -> None:
        """Read the accounts again; the selected one stays selected."""
        try:
            found = staff.accounts(self.session.user)
        except SlipdeskError as refused:
            self.message.say(str(refused), error=True)
            found = []
        now = clock.now()
        yes, no = self.tr("yes"), self.tr("no")
        self.table.blockSignals(True)
        self.table.setRowCount(len(found))
        for row, user in enumerate(found):
            locked = fill(self.tr("until %1"), user.locked_until.strftime("%H:%M")) if user.is_locked(now) else ""
            cells = [user.display_name, user.username, label(user.role, self.session.lang), user.work_id,
                     yes if user.active else no, locked]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(USER_ID, user.id)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.select(self.user_id)

    def select(self, user_id: int | None) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(USER_ID) == user_id:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
                return

    def _show_row(self, row: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.show_account(item.data(USER_ID))

    # ----- the form

    def show_account(self, user_id: int) -> None:
        user = User.get_or_none(User.id == user_id)
        if user is None:
            self.new_account()
            return
        self.user_id = user.id
        self.details.setTitle(user.display_name)
        self._fill(user.username, user.display_name, user.work_id, user.role)
        self.editors["username"].setReadOnly(True)
        self._show_password_rows(new=False)
        self.active_button.setText(self.tr("&Deactivate") if user.active else self.tr("Re&activate"))
        self.active_button.setToolTip(self.tr("Deactivated accounts cannot sign in; their slips keep their name")
                                      if user.active else self.tr("Let this account sign in again"))
        self.unlock_button.setEnabled(user.is_locked())
        self.message.hide()

    def new_account(self) -> None:
        """An empty form for an account not there yet."""
        self.user_id = None
        self.table.clearSelection()
        self.details.setTitle(self.tr("New account"))
        self._fill("", "", "", Role.CLERK)
        self.editors["username"].setReadOnly(False)
        self._show_password_rows(new=True)
        self.message.hide()
        if self.isVisible():
            self.editors["username"].setFocus()

    def _fill(self, username: str, display_name: str, work_id: str, role: str) -> None:
        for key, text in (("username", username), ("display_name", display_name), ("work_id", work_id)):
            self.editors[key].setText(text)
        self.editors["role"].setCurrentIndex(max(0, self.editors["role"].findData(role)))
        for key in (*NEW_PASSWORD, *RESET_PASSWORD):
            self.editors[key].clear()
        for row in self.rows.values():
            row.clear_error()

    def _show_password_rows(self, new: bool) -> None:
        """A new account takes a first password; an existing one has its own steps instead."""
        for key in NEW_PASSWORD:
            self.rows[key].setVisible(new)
            self.details.rows.labelForField(self.rows[key]).setVisible(new)
        for button in (self.active_button, self.unlock_button):
            button.setVisible(not new)
        self.reset.setVisible(not new)

    def _text(self, key: str) -> str:
        return self.editors[key].text()

    # ----- acting

    def save(self) -> User | None:
        """Add the new account, or save the selected one's name, work ID and role."""
        self.clear_errors()
        role = self.editors["role"].currentData()
        if self.user_id is None and not self._passwords_agree(*NEW_PASSWORD):
            return None
        if self.user_id is None:
            done = self._act(lambda: staff.add_user(self.session.user, self._text("username"),
                                                    self._text("display_name"), role, self._text("work_id"),
                                                    self._text("password")))
            said = self.tr("Account added: it signs in with the first password and then chooses its own.")
        else:
            user_id = self.user_id
            done = self._act(lambda: staff.update_user(self.session.user, user_id, self._text("display_name"),
                                                       self._text("work_id"), role))
            said = self.tr("Saved.")
        return self._after(done, said)

    def toggle_active(self) -> User | None:
        user = User.get_or_none(User.id == self.user_id) if self.user_id is not None else None
        if user is None:
            return None
        self.clear_errors()
        if user.active:
            done = self._act(lambda: staff.deactivate(self.session.user, user.id))
            said = self.tr("Deactivated: this account can no longer sign in.")
        else:
            done = self._act(lambda: staff.reactivate(self.session.user, user.id))
            said = self.tr("Reactivated: this account can sign in again.")
        return self._after(done, said)

    def reset_password(self) -> User | None:
        if self.user_id is None:
            return None
        self.clear_errors()
        if not self._passwords_agree(*RESET_PASSWORD):
            return None
        user_id = self.user_id
        done = self._act(lambda: staff.reset_password(self.session.user, user_id, self._text("reset_password")),
                         {"password": "reset_password"})
        return self._after(done, self.tr("Password reset: pass it on; it must be changed at the next sign-in."))

    def unlock(self) -> User | None:
        if self.user_id is None:
            return None
        user_id = self.user_id
        done = self._act(lambda: staff.unlock(self.session.user, user_id))
        return self._after(done, self.tr("Unlocked: this account can sign in again now."))

    def _passwords_agree(self, first: str, repeat: str) -> bool:
        if self._text(first) == self._text(repeat):
            return True
        self.rows[repeat].set_error(self.tr("The two passwords differ."))
        self.editors[repeat].setFocus()
        return False

    def _act(self, step, fields: dict[str, str] | None = None) -> User | None:
        """Run a models.staff step; a refusal goes beside its field (`fields` maps the model's field
        names to this form's), or under the form, and nothing typed is cleared."""
        try:
            return step()
        except ValidationFailed as refused:
            self.show_errors({(fields or {}).get(key, key): message for key, message in refused.errors.items()})
        except SlipdeskError as refused:
            self.refused(refused)
        return None

    def placed_note(self) -> str:
        return self.tr("Not saved: see the messages beside the fields.")

    def _after(self, user: User | None, said: str) -> User | None:
        if user is None:
            return None
        self.user_id = user.id
        self.refresh()
        self.show_account(user.id)
        self.message.say(said, error=False)
        self.changed.emit()
        return user
