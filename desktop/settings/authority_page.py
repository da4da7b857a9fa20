"""The manager's settings for the desk's rules: handling authority, the lists, the office hours.

What a clerk may settle (处理权限) is the estate's decision, kept as data: per category (and the
department that handles it), the limits on goodwill compensation and repair cost, the words
that always send a complaint up, and repeated complaints from one unit. Beside them the lists
the rules refer to (categories, departments and responsible people) and the office hours every
reply deadline counts in. Each tab saves through models/, which refuses anyone but a manager.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTime, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QTabWidget, QTimeEdit, QVBoxLayout, QWidget)

from desktop.settings.desk_security_tab import DeskSecurityTab
from desktop.settings.letterhead_tab import LetterheadTab
from desktop.shell.session import Session
from forms.fields import StatusLine, refusal_text
from models import authority, catalog, commentbook, deadlines, progress, settings
from models.accounts import User
from models.db import write_transaction
from models.errors import SlipdeskError
from models.i18n import pick

ROW_ID = Qt.ItemDataRole.UserRole + 1
WEEKDAYS = (QT_TRANSLATE_NOOP("OfficeHoursTab", "Mon"), QT_TRANSLATE_NOOP("OfficeHoursTab", "Tue"),
            QT_TRANSLATE_NOOP("OfficeHoursTab", "Wed"), QT_TRANSLATE_NOOP("OfficeHoursTab", "Thu"),
            QT_TRANSLATE_NOOP("OfficeHoursTab", "Fri"), QT_TRANSLATE_NOOP("OfficeHoursTab", "Sat"),
            QT_TRANSLATE_NOOP("OfficeHoursTab", "Sun"))



def text_item(text: str, row_id: int | None = None, editable: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setData(ROW_ID, row_id)
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def check_item(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def is_checked(table: QTableWidget, row: int, column: int) -> bool:
    return table.item(row, column).checkState() == Qt.CheckState.Checked


def combo(choices: list[tuple[str, object]], current: object) -> QComboBox:
    box = QComboBox()
    for text, data in choices:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


def put_combo(grid: QTableWidget, row: int, column: int, choices: list[tuple[str, object]], current: object) -> None:
    """A choice in a table cell, named after its column for screen readers."""
    box = combo(choices, current)
    box.setAccessibleName(grid.horizontalHeaderItem(column).text())
    grid.setCellWidget(row, column, box)


def table(headers: list[str]) -> QTableWidget:
    grid = QTableWidget(0, len(headers))
    grid.setHorizontalHeaderLabels(headers)
    grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    grid.verticalHeader().hide()
    grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    grid.horizontalHeader().setStretchLastSection(True)
    return grid


class Tab(QWidget):
    """A tab with a message line and a Save button that runs `save` in one transaction."""

    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.layout_ = QVBoxLayout(self)
        self.message = StatusLine()
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.submit)

    def finish(self) -> None:
        """Put the message and the Save button under what the subclass laid out."""
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.layout_.addLayout(row)

    @property
    def user(self) -> User:
        return self.session.user

    def save(self) -> None:
        """Each tab writes its rows through models/ (called inside one transaction)."""
        raise NotImplementedError

    def load(self) -> None:
        """Each tab reads what is stored now (after saving too: codes and ids filled in)."""
        raise NotImplementedError

    def submit(self) -> bool:
        try:
            with write_transaction():
                self.save()
        except SlipdeskError as refused:
            self.message.say(refusal_text(refused), error=True)
            return False
        self.message.say(self.tr("Saved."), error=False)
        self.load()
        self.saved.emit()
        return True

class CategoriesTab(Tab):
    """Categories, whether a clerk may settle each, and who handles it then."""
    HEADERS = (QT_TRANSLATE_NOOP("CategoriesTab", "Code"), QT_TRANSLATE_NOOP("CategoriesTab", "Chinese"),
               QT_TRANSLATE_NOOP("CategoriesTab", "English"), QT_TRANSLATE_NOOP("CategoriesTab", "Active"),
               QT_TRANSLATE_NOOP("CategoriesTab", "Clerk may settle"), QT_TRANSLATE_NOOP("CategoriesTab", "Handled by"),
               QT_TRANSLATE_NOOP("CategoriesTab", "Words that suggest it (separated by 、)"))

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.grid = table([self.tr(h) for h in self.HEADERS])
        self.grid.setAccessibleName(self.tr("Categories and their authority"))
        add = QPushButton(self.tr("&Add a category"))
        add.clicked.connect(self.add_row)
        self.layout_.addWidget(self.grid, 1)
        self.layout_.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish()
        self.load()

    def _departments(self) -> list[tuple[str, object]]:
        return [(self.tr("(none)"), None)] + [(d.name(self.session.lang), d.id) for d in catalog.departments()
                                              if not d.upper]

    def load(self) -> None:
        rows = list(catalog.Category.select().order_by(catalog.Category.sort, catalog.Category.id))
        self.grid.setRowCount(0)
        for category in rows:
            rule = authority.category_rule(category)
            self._append(category.code, category.name_zh, category.name_en, category.active,
                         rule.clerk_may_settle, rule.department_id, category.id, category.keywords)

    def _append(self, code: str, zh: str, en: str, active: bool, may_settle: bool, department: int | None,
                row_id: int | None, keywords: str = "") -> int:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        self.grid.setItem(row, 0, text_item(code, row_id, editable=row_id is None))
        self.grid.setItem(row, 1, text_item(zh))
        self.grid.setItem(row, 2, text_item(en))
        self.grid.setItem(row, 3, check_item(active))
        self.grid.setItem(row, 4, check_item(may_settle))
        put_combo(self.grid, row, 5, self._departments(), department)
        self.grid.setItem(row, 6, text_item(keywords))
        return row

    def add_row(self) -> None:
        row = self._append("", "", "", True, True, None, None)
        self.grid.setCurrentCell(row, 0)
        self.grid.editItem(self.grid.item(row, 0))

    def save(self) -> None:
        for row in range(self.grid.rowCount()):
            text = [self.grid.item(row, column).text() for column in range(3)]
            category = catalog.save_category(self.user, *text, active=is_checked(self.grid, row, 3),
                                             keywords=self.grid.item(row, 6).text())
            authority.set_category_rule(self.user, category.id, is_checked(self.grid, row, 4),
                                        self.grid.cellWidget(row, 5).currentData())


def short_fields_form() -> QFormLayout:
    """A form whose amounts, counts and times keep their own width instead of stretching
    across a wide window, where the eye loses the number."""
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    return form


class LimitsTab(Tab):
    """The amounts a clerk may settle up to, and repeated complaints from one unit."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        form = short_fields_form()
        self.amounts: dict[str, QDoubleSpinBox] = {}
        for limit in authority.limits():
            box = QDoubleSpinBox()
            box.setRange(0, 9_999_999)
            box.setDecimals(2)
            box.setPrefix("¥ ")
            name = pick(limit.name_en, limit.name_zh, session.lang)
            box.setAccessibleName(name)
            self.amounts[limit.code] = box
            form.addRow(name, box)
        self.repeat_days = QSpinBox()
        self.repeat_days.setRange(1, 365)
        self.repeat_days.setSuffix(self.tr(" days"))
        self.repeat_days.setAccessibleName(self.tr("Days within which a second complaint is a repeat"))
        self.quiet_days = QSpinBox()
        self.quiet_days.setRange(1, progress.QUIET_DAYS_MAX)
        self.quiet_days.setSuffix(self.tr(" days"))
        self.quiet_days.setAccessibleName(self.tr("Days without a progress update before a slip is flagged"))
        form.addRow(self.tr("A second complaint of one unit or caller is a repeat within"), self.repeat_days)
        form.addRow(self.tr("Flag a slip in handling without a progress update (进展告知) after"), self.quiet_days)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.finish()
        self.load()

    def load(self) -> None:
        for limit in authority.limits():
            self.amounts[limit.code].setValue(float(limit.amount))
        self.repeat_days.setValue(int(settings.get("authority.repeat_days")))
        self.quiet_days.setValue(progress.quiet_days())

    def save(self) -> None:
        for code, box in self.amounts.items():
            authority.set_limit(self.user, code, f"{box.value():.2f}")
        authority.set_repeat_rule(self.user, self.repeat_days.value())
        progress.set_quiet_days(self.user, self.quiet_days.value())


class SignalsTab(Tab):
    """Words in a complaint that always send it up (injury, safety, legal, media, fee disputes)."""
    HEADERS = (QT_TRANSLATE_NOOP("SignalsTab", "Chinese"), QT_TRANSLATE_NOOP("SignalsTab", "English"),
               QT_TRANSLATE_NOOP("SignalsTab", "Words (separated by 、)"),
               QT_TRANSLATE_NOOP("SignalsTab", "Not after (worries)"), QT_TRANSLATE_NOOP("SignalsTab", "Active"),
               QT_TRANSLATE_NOOP("SignalsTab", "Beyond any clerk (no override)"))

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.grid = table([self.tr(h) for h in self.HEADERS])
        self.grid.setAccessibleName(self.tr("Signals that always escalate"))
        add = QPushButton(self.tr("&Add a signal"))
        add.clicked.connect(self.add_row)
        self.layout_.addWidget(self.grid, 1)
        self.layout_.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.finish()
        self.load()

    def load(self) -> None:
        self.grid.setRowCount(0)
        for signal in authority.signals():
            self._append(signal.name_zh, signal.name_en, signal.keywords, signal.unless_after, signal.active, signal.id,
                         signal.firm)

    def _append(self, zh: str, en: str, words: str, hedges: str, active: bool, row_id: int | None,
                firm: bool = False) -> int:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        for column, text in enumerate((zh, en, words, hedges)):
            self.grid.setItem(row, column, text_item(text, row_id))
        self.grid.setItem(row, 4, check_item(active))
        self.grid.setItem(row, 5, check_item(firm))
        return row

    def add_row(self) -> None:
        row = self._append("", "", "", "", True, None)
        self.grid.setCurrentCell(row, 0)
        self.grid.editItem(self.grid.item(row, 0))

    def save(self) -> None:
        for row in range(self.grid.rowCount()):
            zh, en, words, hedges = (self.grid.item(row, c).text() for c in range(4))
            authority.save_signal(self.user, zh, en, words, hedges, active=is_checked(self.grid, row, 4),
                                  signal_id=self.grid.item(row, 0).data(ROW_ID), firm=is_checked(self.grid, row, 5))


class DepartmentsTab(Tab):
    """Departments (工程部, 保洁部 …, the upper service-management department) and their people."""
    HEADERS = (QT_TRANSLATE_NOOP("DepartmentsTab", "Code"), QT_TRANSLATE_NOOP("DepartmentsTab", "Chinese"),
               QT_TRANSLATE_NOOP("DepartmentsTab", "English"), QT_TRANSLATE_NOOP("DepartmentsTab", "Contact"),
               QT_TRANSLATE_NOOP("DepartmentsTab", "Upper department"), QT_TRANSLATE_NOOP("DepartmentsTab", "Active"))
    PEOPLE = (QT_TRANSLATE_NOOP("DepartmentsTab", "Department"), QT_TRANSLATE_NOOP("DepartmentsTab", "Name"),
              QT_TRANSLATE_NOOP("DepartmentsTab", "Phone"), QT_TRANSLATE_NOOP("DepartmentsTab", "Slipdesk account"),
              QT_TRANSLATE_NOOP("DepartmentsTab", "Active"))

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.grid = table([self.tr(h) for h in self.HEADERS])
        self.grid.setAccessibleName(self.tr("Departments"))
        self.people = table([self.tr(h) for h in self.PEOPLE])
        self.people.setAccessibleName(self.tr("Responsible people"))
        buttons = QHBoxLayout()
        add_department = QPushButton(self.tr("Add a &department"))
        add_person = QPushButton(self.tr("Add a &person"))
        add_department.clicked.connect(lambda: self._append_department(None))
        add_person.clicked.connect(lambda: self._append_person(None))
        buttons.addWidget(add_department)
        buttons.addWidget(add_person)
        buttons.addStretch(1)
        self.layout_.addWidget(self.grid, 1)
        self.layout_.addWidget(QLabel(self.tr("Responsible people (with an account, they see their "
                                              "department's notices)")))
        self.layout_.addWidget(self.people, 1)
        self.layout_.addLayout(buttons)
        self.finish()
        self.load()

    def load(self) -> None:
        self.grid.setRowCount(0)
        for department in catalog.Department.select().order_by(catalog.Department.id):
            self._append_department(department)
        self.people.setRowCount(0)
        for person in catalog.ResponsiblePerson.select().order_by(catalog.ResponsiblePerson.id):
            self._append_person(person)

    def _append_department(self, department: catalog.Department | None) -> None:
        row = self.grid.rowCount()
        self.grid.insertRow(row)
        d = department
        self.grid.setItem(row, 0, text_item(d.code if d else "", d.id if d else None, editable=d is None))
        self.grid.setItem(row, 1, text_item(d.name_zh if d else ""))
        self.grid.setItem(row, 2, text_item(d.name_en if d else ""))
        self.grid.setItem(row, 3, text_item(d.contact if d else ""))
        self.grid.setItem(row, 4, check_item(d.upper if d else False))
        self.grid.setItem(row, 5, check_item(d.active if d else True))

    def _append_person(self, person: catalog.ResponsiblePerson | None) -> None:
        row = self.people.rowCount()
        self.people.insertRow(row)
        departments = [(d.name(self.session.lang), d.id) for d in catalog.departments()]
        accounts = [(self.tr("(none)"), None)] + [(u.display_name, u.id) for u in User.select().where(User.active)]
        put_combo(self.people, row, 0, departments, person.department_id if person else None)
        self.people.setItem(row, 1, text_item(person.name if person else "", person.id if person else None))
        self.people.setItem(row, 2, text_item(person.phone if person else ""))
        put_combo(self.people, row, 3, accounts, person.user_id if person else None)
        self.people.setItem(row, 4, check_item(person.active if person else True))

    def save(self) -> None:
        for row in range(self.grid.rowCount()):
            code, zh, en, contact = (self.grid.item(row, c).text() for c in range(4))
            catalog.save_department(self.user, code, zh, en, contact, active=is_checked(self.grid, row, 5),
                                    upper=is_checked(self.grid, row, 4))
        for row in range(self.people.rowCount()):
            account_id = self.people.cellWidget(row, 3).currentData()
            catalog.save_person(self.user, self.people.cellWidget(row, 0).currentData(),
                                self.people.item(row, 1).text(), self.people.item(row, 2).text(),
                                account=User.get_by_id(account_id) if account_id else None,
                                active=is_checked(self.people, row, 4),
                                person_id=self.people.item(row, 1).data(ROW_ID))


class OfficeHoursTab(Tab):
    """The office hours every reply deadline counts in, and when the comment book must be checked."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        form = short_fields_form()
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        self.check_by = QTimeEdit()
        for editor in (self.start, self.end, self.check_by):
            editor.setDisplayFormat("HH:mm")
        self.days = [QCheckBox(self.tr(name)) for name in WEEKDAYS]
        day_row = QHBoxLayout()
        for box in self.days:
            day_row.addWidget(box)
        day_row.addStretch(1)
        form.addRow(self.tr("Office opens"), self.start)
        form.addRow(self.tr("Office closes"), self.end)
        form.addRow(self.tr("Open on (working days of the Chinese calendar)"), day_row)
        form.addRow(self.tr("Comment book checked by"), self.check_by)
        note = QLabel(self.tr("Public holidays and make-up working days (调休) come from the Chinese "
                              "calendar; reply deadlines count only office hours on working days."))
        note.setObjectName("mutedText")
        note.setWordWrap(True)
        self.layout_.addLayout(form)
        self.layout_.addWidget(note)
        self.layout_.addStretch(1)
        self.finish()
        self.load()

    def load(self) -> None:
        office = deadlines.OfficeHours.from_settings()
        self.start.setTime(QTime(office.start.hour, office.start.minute))
        self.end.setTime(QTime(office.end.hour, office.end.minute))
        for index, box in enumerate(self.days):
            box.setChecked(index in office.days)
        hour = commentbook.check_by()
        self.check_by.setTime(QTime(hour.hour, hour.minute))

    def save(self) -> None:
        days = [index for index, box in enumerate(self.days) if box.isChecked()]
        deadlines.set_office_hours(self.user, self.start.time().toString("HH:mm"),
                                   self.end.time().toString("HH:mm"), days)
        commentbook.set_check_by(self.user, self.check_by.time().toString("HH:mm"))


TABS: list[tuple[str, Callable[[Session], QWidget]]] = [
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Authority by category"), CategoriesTab),
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Limits and repeats"), LimitsTab),
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Always escalate"), SignalsTab),
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Departments and people"), DepartmentsTab),
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Office hours"), OfficeHoursTab),
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Desk security and backups"), DeskSecurityTab),
    (QT_TRANSLATE_NOOP("AuthoritySettingsPage", "Letterhead and printing"), LetterheadTab),
]


class AuthoritySettingsPage(QWidget):
    """The manager's page: one tab per part of the rules."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("authoritySettingsPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        heading = QLabel(self.tr("Authority and lists (处理权限)"))
        heading.setObjectName("pageHeading")
        self.tabs = QTabWidget()
        self.pages: dict[str, Tab] = {}
        for title, make in TABS:
            tab = make(session)
            self.pages[make.__name__] = tab
            self.tabs.addTab(tab, self.tr(title))
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
