"""Understanding and preventing on the screens the clerk and the person in charge use: the
customer's request and the suggested category at intake, a manager called by name, progress told,
the cause analysis, the flags when a letter is submitted and on the approvals queue, the review's
per-staff table, and a form that scrolls without changing a field nobody clicked into."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.understanding.progress_dialogs import CauseDialog, ProgressDialog
from desktop.intake.window import IntakeWindow
from desktop.intake.named_call_watch import NamedCallWatcher
from desktop.approvals.page import ApprovalsPage
from desktop.reports.review_page import ReviewPage
from desktop.shell.session import Session
from desktop.slips.view import SlipView
from forms import asking
from forms.reply_form import LetterEditor
from models import history, intake, named_call, notices, replies, review
from models.slips import Slip
from models.vocab import Channel, Status
from tests.support.slips import category, slip_in, step, valid_inputs


def signed_in(user, lang: str = "en") -> Session:
    desk = Session(lang=lang)
    desk.sign_in(user)
    return desk


@pytest.fixture
def onsite(qtbot, session, monkeypatch) -> IntakeWindow:
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    window = IntakeWindow(session, Channel.ONSITE)
    qtbot.addWidget(window)
    window.show()
    return window


def test_intake_asks_what_the_customer_wants_and_suggests_the_category(qtbot, onsite, users):
    form = onsite.form
    e = form.editors
    e["calmed"].setChecked(True)
    e["complainant_name"].setText("王芳")
    e["unit_code"].setText("6-1-802")
    e["complaint"].setPlainText("厨房的水管漏水，楼下都渗水了。")
    form.category_suggester.suggest_now()
    assert e["category_id"].currentData() == category("leak")
    assert "“漏水”" in form.rows["category_id"].hint.text() and form.rows["category_id"].hint.isVisible()
    e["category_id"].setCurrentIndex(e["category_id"].findData(category("noise")))  # the clerk knows better
    e["complaint"].setPlainText("厨房的水管漏水，楼下都渗水了，还有噪音。")
    form.category_suggester.suggest_now()
    assert e["category_id"].currentData() == category("noise")  # the clerk's choice stays
    e["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    onsite.save_button.click()
    assert "希望如何解决" in form.error_for("customer_request")
    e["customer_request"].setPlainText("希望今天修好。")
    with qtbot.waitSignal(onsite.session.slip_saved) as saved:
        onsite.save_button.click()
    assert Slip.get_by_id(saved.args[0]).customer_request == "希望今天修好。"


def test_a_manager_asked_for_by_name_is_called_from_the_form_and_sees_it(qtbot, onsite, users, frozen_now):
    panel = onsite.form.named_call_panel
    panel.person.setCurrentIndex(panel.person.findData(users["manager"].id))
    onsite.form.editors["complainant_name"].setText("曹文斌")
    notice_id = panel.call()
    assert "王建国" in panel.state.text() and notice_id is not None
    manager_desk = signed_in(users["manager"], "zh")
    host = QApplication.activeWindow() or onsite
    watcher = NamedCallWatcher(manager_desk, host)
    (shown,) = watcher.check()
    box = watcher.shown[shown.id]
    assert "曹文斌在前台指名要找王建国" in box.text()
    coming = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    with qtbot.waitSignal(watcher.acknowledged):
        coming.click()
    assert named_call.pending_for(users["manager"]) == [] and watcher.check() == []
    assert onsite.form.intake().named_calls == [notice_id]


def test_progress_told_and_the_cause_from_the_slip_view(qtbot, session, users, frozen_now):
    slip = slip_in(Status.IN_HANDLING, users)
    view = SlipView(session, slip.id)
    qtbot.addWidget(view)
    assert "progress" in {a.objectName() for a in view.action_bar.actions()}
    dialog = ProgressDialog(session, slip.id, view)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "told" in dialog.rows and dialog.rows["told"].message  # what was told is required
    dialog.told.setPlainText("工程部已订购开关，明天更换。")
    with qtbot.waitSignal(session.slip_saved):
        dialog.save()
    assert history.events_of(Slip.get_by_id(slip.id))[-1].action == "progress_told"
    handled = step(Slip.get_by_id(slip.id), "record_handling", users["clerk"], **valid_inputs("record_handling"))
    cause = CauseDialog(session, handled.id, view)
    qtbot.addWidget(cause)
    cause.whys[0].setText("为什么灯坏？开关老化")
    cause.root_cause.setPlainText("开关老化未更换。")
    cause.save()
    assert cause.rows["corrective_action"].message
    cause.action.setPlainText("每季度检查开关。")
    with qtbot.waitSignal(session.slip_saved):
        cause.save()
    view.load()
    assert Slip.get_by_id(slip.id).root_cause == "开关老化未更换。"
    assert any("开关老化未更换。" == label.text() for label in view.findChildren(type(view.number)))


def test_a_letter_with_flags_is_submitted_only_after_the_clerk_saw_them(qtbot, session, users, monkeypatch):
    handled = slip_in(Status.HANDLED, users)
    editor = LetterEditor(handled, users["clerk"], "en", "经查，这是公司的规定。对不起，这是我们的过失。")
    qtbot.addWidget(editor)
    seen = []
    monkeypatch.setattr(asking, "submit_with_flags", lambda parent, flags: seen.append(flags) or False)
    assert editor.submit() is None and len(seen[0]) == 2
    assert [f.banned for f in seen[0]] == [True, False]
    assert "Never say" in editor.phrases.list.item(0).text() and "Better said" in editor.phrases.list.item(1).text()
    monkeypatch.setattr(asking, "submit_with_flags", lambda parent, flags: True)
    assert editor.submit().status == replies.LetterStatus.SUBMITTED
    page = ApprovalsPage(signed_in(users["supervisor"]))
    qtbot.addWidget(page)
    row = page.letters.list.item(0).text()
    assert handled.number in row and "⚠" in row and "never to say" in row and "better said" in row


def test_the_review_page_names_each_staff_member(qtbot, sqlite_db, users, frozen_now):
    slip = intake.save(intake.Intake(channel=Channel.ONSITE, complainant_name="王芳", complaint="灯坏了。",
                                     read_back=True, category_id=category("lighting"), customer_request="修好。",
                                     answered_at_once=True, answer_note="已当场更换。", phone="13700001111"),
                       users["clerk2"])
    page = ReviewPage(signed_in(users["manager"]))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.review is not None, timeout=20000)
    assert page.review.period == review.parse_period("2026-11") and slip.status == Status.ANSWERED
    assert [page.staff.item(0, c).text() for c in range(4)] == ["陈丽", "1", "1/1", "100%"]


def _wheel(widget) -> None:
    centre = widget.rect().center()
    QApplication.sendEvent(widget, QWheelEvent(QPointF(centre), QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                                               QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                                               Qt.ScrollPhase.NoScrollPhase, False))


@pytest.mark.parametrize("field", ["category_id", "preferred_reply", "deadline"])
def test_scrolling_the_form_never_changes_a_field_not_clicked_into(qtbot, onsite, field):
    form = onsite.form
    form.editors["outcome"].later.click()
    form.editors["complainant_name"].setFocus()
    editor = form.editors[field]
    form.scroll.ensureWidgetVisible(editor)
    value = editor.currentIndex() if hasattr(editor, "currentIndex") else editor.dateTime()
    bar = form.scroll.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    _wheel(editor)
    after = editor.currentIndex() if hasattr(editor, "currentIndex") else editor.dateTime()
    assert after == value and editor.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert bar.value() != before or bar.maximum() == 0  # the page scrolled instead
    editor.setFocus()  # clicked into: the wheel is the clerk's
    _wheel(editor)
    changed = editor.currentIndex() if hasattr(editor, "currentIndex") else editor.dateTime()
    assert changed != value


def test_a_quiet_slip_is_flagged_on_its_view(qtbot, session, users, frozen_now):
    slip = intake.save(intake.Intake(channel=Channel.ONSITE, complainant_name="王芳", complaint="灯坏了。",
                                     read_back=True, category_id=category("lighting"), customer_request="修好。",
                                     deadline=frozen_now + dt.timedelta(days=5), phone="13700001111",
                                     received_at=frozen_now - dt.timedelta(days=4)), users["clerk"])
    view = SlipView(session, slip.id)
    qtbot.addWidget(view)
    view.show()
    assert view.quiet_chip.isVisible()
    assert notices.Notice.select().count() >= 1


def test_the_manager_sets_the_repeat_window_the_quiet_days_the_firm_signals_and_the_words(qtbot, sqlite_db, users):
    from desktop.settings.authority_page import AuthoritySettingsPage
    from models import authority, categorize, progress, settings
    from models.catalog import Category

    page = AuthoritySettingsPage(signed_in(users["manager"]))
    qtbot.addWidget(page)
    limits = page.pages["LimitsTab"]
    assert (limits.repeat_days.value(), limits.quiet_days.value()) == (30, 3)
    limits.repeat_days.setValue(14)
    limits.quiet_days.setValue(5)
    assert limits.submit()
    assert settings.get("authority.repeat_days") == 14 and progress.quiet_days() == 5
    signals = page.pages["SignalsTab"]
    firm = [r for r in range(signals.grid.rowCount()) if signals.grid.item(r, 5).checkState() == Qt.CheckState.Checked]
    assert [signals.grid.item(r, 0).text() for r in firm] == ["受贿或员工违规"]
    categories = page.pages["CategoriesTab"]
    other = next(r for r in range(categories.grid.rowCount()) if categories.grid.item(r, 0).text() == "other")
    categories.grid.item(other, 6).setText("快递柜、快递")
    assert categories.submit()
    assert categorize.suggest("快递柜满了").category_id == Category.get(Category.code == "other").id
    assert authority.assess({"complaint": "保安索要好处费"}).firm
