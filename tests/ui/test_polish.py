"""What a clerk feels on a busy day: recent callers come back as a number is typed, every input
has a name a screen reader can say, larger text at once, a dark system stays readable, the
whole desk fits a 1280×720 screen, layouts come back, and the guide is one key away."""
from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QCheckBox, QComboBox, QLabel,
                               QLineEdit, QPlainTextEdit, QRadioButton, QTableWidget, QTextEdit, QWidget)

from desktop.shell import pages, style
from desktop.intake.directory_import import ImportDialog
from desktop.shell.layout_memory import remember
from desktop.shell.login import LoginDialog
from desktop.shell.main_window import MainWindow
from desktop.intake.directory_page import DirectoryPage
from desktop.shell.session import Session, setting
from desktop.slips.export import ExportDialog
from forms import asking
from models import demo, intake
from models.queries import SlipFilter
from models.slips import Slip
from models.vocab import Channel

SCREEN = (1280, 720)
TITLE_BAR = 32


@pytest.fixture
def styled(qapp):
    """The application styled as the desk is; put back as it was afterwards."""
    before = (qapp.style().name(), qapp.font(), qapp.styleSheet(), qapp.palette())
    yield qapp
    name, font, sheet, palette = before
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    qapp.setStyle(name)
    style._state["dark"] = False
    from desktop.shell import icons

    icons.use_ink(icons.DEFAULT_COLOUR)


@pytest.fixture
def desk(qtbot, sqlite_db, users, frozen_now, monkeypatch):
    """A demo estate (slips, residents) and a main window opener for any role."""
    demo.generate_slips(60, seed=5, days=20)
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)

    def _open(role: str = "manager") -> MainWindow:
        session = Session(lang="en")
        session.sign_in(users[role])
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        return window
    return _open


def every_screen(window: MainWindow) -> list[QWidget]:
    """Each page of the navigation, the four intake forms, a slip, and the directory dialogs."""
    screens = []
    for key in list(window._entries):
        screens.append(window.show_page(key))
    for channel in Channel:
        screens.append(window.new_slip(channel))
    screens.append(window.open_slip(Slip.select().order_by(Slip.id).first().id))
    screens.append(ImportDialog(window.session, window))
    screens.append(ExportDialog(window.session, SlipFilter(), 10, window))
    screens.append(window.show_guide())
    screens.append(LoginDialog(window.session, window))
    return screens


# ----- recent callers

def test_a_number_that_called_before_brings_back_its_caller(qtbot, desk, category_id):
    window = desk("clerk")
    intake.save(intake.Intake(customer_request="希望尽快处理。", channel=Channel.PHONE, complainant_name="邵佳", complainant_title="ms",
                              unit_code="7-1-101", caller_number="13812345678", call_time=dt.datetime(2026, 11, 24, 9),
                              complaint="楼道灯不亮", read_back=True, category_id=category_id,
                              answered_at_once=True, answer_note="已派电工", thanked=True), window.session.user)
    form = window.new_slip(Channel.PHONE).form
    number = form.editors["caller_number"]
    qtbot.keyClicks(number, "5678")
    popup = form.caller_completer.completer.popup()
    assert popup.isVisible()
    offered = [form.caller_completer.model.item(r).text() for r in range(form.caller_completer.model.rowCount())]
    assert offered[0].startswith("13812345678 · 邵佳 Ms · 7-1-101")
    popup.setCurrentIndex(form.caller_completer.model.index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert number.text() == "13812345678"
    assert form.editors["complainant_name"].text() == "邵佳" and form.editors["unit_code"].text() == "7-1-101"
    assert form.editors["complainant_title"].currentData() == "ms"


# ----- accessible names

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QCheckBox, QRadioButton)


def unnamed_inputs(root: QWidget) -> list[str]:
    """Inputs with neither an accessible name, nor their own text, nor a label that is their buddy."""
    widgets = [root, *root.findChildren(QWidget)]
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in widgets:
        if not isinstance(widget, INPUTS) or isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # the line edit inside a combo box or a date edit is named by its owner
        own_text = widget.text().replace("&", "").strip() if isinstance(widget, QAbstractButton) else ""
        if widget.accessibleName().strip() or own_text or id(widget) in buddies:
            continue
        missing.append(f"{type(root).__name__}: {type(widget).__name__} {widget.objectName() or ''} "
                       f"(in {type(widget.parentWidget()).__name__})")
    return missing


def test_every_input_on_every_screen_has_an_accessible_name_or_a_label(qtbot, desk):
    window = desk("manager")
    missing = []
    for screen in every_screen(window):
        if screen.parent() is None:
            qtbot.addWidget(screen)
        missing += unnamed_inputs(screen)
    missing += unnamed_inputs(window)
    assert not missing, "\n".join(missing)


# ----- larger text

def test_larger_text_applies_to_every_window_at_once_and_is_remembered(qtbot, desk, styled):
    style.apply(styled, larger=False)
    window = desk("clerk")
    heading = window.show_page("slips").heading
    base_size = QApplication.font().pointSizeF()
    base_heading = heading.fontInfo().pointSizeF()
    form = window.new_slip(Channel.PHONE)
    window.larger_text_action.trigger()  # View › Larger text
    assert QApplication.font().pointSizeF() == pytest.approx(base_size * style.LARGER)
    assert heading.fontInfo().pointSizeF() > base_heading
    assert form.form.editors["caller_number"].fontInfo().pointSizeF() > base_size  # an open form too
    assert setting(style.LARGER_TEXT_KEY) in (True, "true")
    again = desk("clerk")
    assert again.larger_text_action.isChecked()
    again.larger_text_action.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base_size)
    assert setting(style.LARGER_TEXT_KEY) in (False, "false")


# ----- the system's dark mode

def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"), (QPalette.ColorRole.AlternateBase, "#26272a"),
                         (QPalette.ColorRole.Text, "#e8eaed"), (QPalette.ColorRole.Button, "#2b2c2f"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed"), (QPalette.ColorRole.Highlight, "#3d6fb6"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff")):
        palette.setColor(role, QColor(colour))
    return palette


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(widget: QWidget) -> float:
    """The WCAG contrast between a widget's commonest colour (its background) and the colour of
    its text that stands out most from it, as painted."""
    image = widget.grab().toImage()
    counts: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    background = luminance(QColor.fromRgb(max(counts, key=counts.get)))
    ratios = [(max(background, luminance(QColor.fromRgb(p))) + 0.05) / (min(background, luminance(QColor.fromRgb(p)))
                                                                       + 0.05) for p in counts]
    return max(ratios)


def test_a_dark_system_keeps_every_text_readable(qtbot, desk, styled):
    styled.setPalette(dark_palette())
    style.apply(styled, larger=False)
    assert style.dark()
    window = desk("clerk")
    window.resize(*SCREEN)
    page = window.show_page("slips")
    form = window.new_slip(Channel.PHONE).form
    form.editors["caller_number"].setText("13812345678")
    page.search.setText("漏水")
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # listed: the search runs on a worker thread
    form.show_errors({"complaint": "Write down the complaint in the customer's words."})
    key_widgets = {
        "page heading": page.heading,
        "search box": page.search,
        "filter": page.status,
        "count": page.total_label,
        "slip list": page.table.viewport(),
        "navigation": window.navigation,
        "typed number": form.editors["caller_number"],
        "message beside a field": form.rows["complaint"].error,
        "section": form.sections["call"],
        "channel rules": form.side_scroll.widget(),
    }
    for name, widget in key_widgets.items():
        widget.ensurePolished()
        assert contrast(widget) >= 4.5, name
    text = QColor(style.themed("QWidget { color: %s; }" % style.INK, True).split("color: ")[1][:7])
    assert luminance(text) > 0.5  # the ink of every plain widget turned light


def test_the_light_style_is_left_as_it_was_on_a_light_system(styled):
    style.apply(styled, larger=False)
    assert not style.dark() and style.themed(style.STYLESHEET, False) == style.STYLESHEET
    assert style.colour("overdue").name() == style.ERROR


# ----- the screen

def test_the_whole_desk_fits_a_1280_by_720_screen(qtbot, desk):
    window = desk("manager")
    too_big = []
    for screen in every_screen(window):
        if screen.parent() is None:
            qtbot.addWidget(screen)
        target = window if not screen.isWindow() else screen
        needed = target.minimumSizeHint().expandedTo(target.minimumSize())
        if needed.width() > SCREEN[0] or needed.height() > SCREEN[1] - TITLE_BAR:
            too_big.append(f"{type(screen).__name__}: {needed.width()}×{needed.height()}")
    assert too_big == []
    window.resize(*SCREEN)
    slips = window.show_page("slips")
    assert slips.export_button.isVisible() and slips.export_button.geometry().right() <= slips.width()


# ----- layouts come back

def test_splitters_and_column_widths_come_back_the_way_the_clerk_left_them(qtbot, sqlite_db, users):
    session = Session(lang="en")
    session.sign_in(users["supervisor"])

    def opened() -> DirectoryPage:
        page = DirectoryPage(session)
        qtbot.addWidget(page)
        remember(page, "pages/directory")
        page.resize(1000, 600)
        page.show()
        return page

    page = opened()
    page.table.setColumnWidth(1, 233)
    page.splitter.setSizes([700, 300])
    sizes = page.splitter.sizes()
    page.hide()
    again = opened()
    assert again.table.columnWidth(1) == 233 and again.splitter.sizes() == sizes


def test_a_window_never_opens_taller_than_the_screen(qtbot, sqlite_db, users):
    session = Session(lang="en")
    session.sign_in(users["manager"])
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    available = dialog.screen().availableGeometry()
    assert dialog.height() <= available.height() and dialog.width() <= available.width()


# ----- help

def test_f1_opens_the_guide_to_the_four_channels_with_the_shortcuts(qtbot, desk):
    window = desk("clerk")
    window.guide_action.trigger()
    guide = window._guide
    text = guide.browser.toPlainText()
    for words in ("On-site, spoken (现场口头投诉)", "Comment book (意见簿)", "Letter (信函投诉)", "Phone (电话投诉)",
                  "坚持“先处理情感，后处理事件”的原则。", "投诉信函应复印，留存备查。", "Keyboard shortcuts"):
        assert words in text
    assert "Ctrl+1" in text and "New on-site slip" in text and "F3" in text
    assert window.guide_action.shortcut().toString() == "F1"
    assert isinstance(guide.browser, QTextEdit) and not pages.PAGES == []


def test_the_about_box_names_the_version_and_the_database(qtbot, desk, monkeypatch):
    from desktop.shell import main_window as module
    from models import db

    shown = {}
    monkeypatch.setattr(asking.QMessageBox, "about", lambda parent, title, text: shown.update(text=text))
    desk("clerk").about_action.trigger()
    assert module.app_version() in shown["text"] and db.describe() in shown["text"]


def test_tables_are_read_only_lists_not_inputs(qtbot, sqlite_db, users):
    """The walk above leaves tables out: they are read, not typed into (checked here once)."""
    session = Session(lang="en")
    session.sign_in(users["clerk"])
    page = DirectoryPage(session)
    qtbot.addWidget(page)
    assert all(table.editTriggers() == table.EditTrigger.NoEditTriggers for table in page.findChildren(QTableWidget))


# ----- the review's report

def test_the_review_report_can_be_cancelled_and_then_nothing_is_written(qtbot, desk, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from models.audit import AuditEvent

    window = desk("supervisor")
    review_page = window.show_page("reports")
    qtbot.waitUntil(lambda: review_page.review is not None, timeout=30000)  # its own count done first: its
    # "Counted at …" would otherwise land after the cancel and replace the message under test
    target = tmp_path / "review.pdf"
    monkeypatch.setattr(asking, "review_path", lambda parent, suggested, _fmt: str(target))
    task = review_page.export("pdf")
    with qtbot.waitSignal(task.cancelled, timeout=30000):
        task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    qtbot.waitUntil(lambda: task.isFinished())
    qtbot.waitUntil(gc.isenabled)  # the cycle collector, held while the worker ran, is back
    assert review_page.status.text() == "Export cancelled; nothing was written."
    assert not target.exists() and not AuditEvent.select().where(AuditEvent.action == "review_exported").exists()


# ----- the slip list's folded filters

def test_the_folded_filters_open_with_a_key_count_what_is_in_use_and_are_remembered(qtbot, desk):
    window = desk("clerk")
    window.resize(*SCREEN)
    page = window.show_page("slips")
    assert page.more_button.text() == "More filters" and page.more_filters.isHidden()
    assert page.more_button.shortcut().toString() == "Ctrl+Shift+F"
    page.more_button.click()  # what Ctrl+Shift+F does
    assert page.more_filters.isVisible()
    page.building.setCurrentIndex(1)
    assert page.more_button.text() == "More filters (1)"
    assert page.more_button.shortcut().toString() == "Ctrl+Shift+F"  # kept when the text changes
    assert page.current_filter().buildings == (page.building.currentData(),)
    again = desk("clerk").show_page("slips")
    assert again.more_button.isChecked() and not again.more_filters.isHidden()
