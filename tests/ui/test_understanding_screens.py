"""The screens around understanding customers: standard answers, the manager's rules, satisfaction
at closing and the return visit, the motive on a saved slip and on the intake form."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from desktop.understanding.motive_dialog import MotiveDialog
from desktop.understanding.satisfaction_dialog import ReturnVisitDialog, SatisfactionDialog
from desktop.replies.answers_page import AnswersPage
from desktop.settings.motive_rules_page import MotiveRulesPage
from desktop.shell.session import Session
from desktop.slips.actions import SlipContext
from desktop.understanding.actions import slip_actions
from forms import asking
from forms.answer_picker import AnswerPicker
from models import answers, clock, history, intake, motives, phrases, satisfaction
from models.catalog import Category
from models.slips import Slip
from models.vocab import Channel, Status
from tests.support.slips import recorded_change

FEES = "{称呼}您好：您反映的物业费问题(单号 {单号})我们已核对，将在{约定时限}前给您书面答复。"


def _session(user) -> Session:
    session = Session("zh")
    session.sign_in(user)
    return session


def _slip(users, now, status=None, **extra) -> Slip:
    values = dict(channel=Channel.ONSITE, customer_request="希望尽快处理。", complainant_name="张三", complainant_title="mr", unit_code="3-2-1201",
                  complaint="物业费多收了，要求退费。", read_back=True,
                  category_id=Category.get(Category.code == "fees").id, deadline=now + dt.timedelta(days=1))
    values.update(extra)
    slip = intake.save(intake.Intake(**values), users["clerk"])
    if status:
        recorded_change(slip, users["clerk"], status=status)
    return Slip.get_by_id(slip.id)


def test_manager_writes_a_new_version_and_a_clerk_only_reads(sqlite_db, users, qtbot, frozen_now):
    page = AnswersPage(_session(users["manager"]))
    qtbot.addWidget(page)
    page.start_new()
    page.title.setText("物业费核对")
    page.answer_category.setCurrentIndex(page.answer_category.findData(Category.get(Category.code == "fees").id))
    page.body.setPlainText(FEES)
    with qtbot.waitSignal(page.saved):
        page.save.click()
    page.body.setPlainText(FEES.replace("书面答复", "电话答复"))
    page.note.setText("改为电话答复")
    page.save.click()
    assert page.versions.count() == 2 and "改为电话答复" in page.versions.item(0).text()
    assert "v2" in page.results.item(0).text()
    page.body.setPlainText("{客户}您好")
    page.save.click()
    assert "{客户}" in page.message.text()

    clerk_page = AnswersPage(_session(users["clerk"]))
    qtbot.addWidget(clerk_page)
    assert clerk_page.body.isReadOnly() and not clerk_page.save.isVisibleTo(clerk_page)
    clerk_page.query.setText("电话答复")
    clerk_page.refresh()
    assert clerk_page.results.count() == 1
    clerk_page.copy.click()
    assert QApplication.clipboard().text().endswith("电话答复。")


def test_picker_fills_the_answer_from_the_slip(sqlite_db, users, qtbot, frozen_now):
    answers.save_answer(users["manager"], "物业费核对", FEES, Category.get(Category.code == "fees").id)
    slip = _slip(users, frozen_now)
    picker = AnswerPicker(slip)
    qtbot.addWidget(picker)
    assert picker.results.count() == 1 and picker.insert.isEnabled()
    assert picker.text().startswith("张先生您好：") and slip.number in picker.text()
    assert "2026年11月25日 10:00前" in picker.text() and picker.missing.text() == ""
    picker.query.setText("找不到的词")
    picker.search_now()
    assert not picker.insert.isEnabled()


def test_rules_page_shows_the_corrected_rule_first_and_saves_a_rule(sqlite_db, users, qtbot, frozen_now):
    slip = _slip(users, frozen_now)
    suggestion = motives.suggest(slip.complaint)
    motives.confirm(slip.id, users["clerk"], motives.Choice("venting", "attention"), suggestion,
                    expected_version=slip.version)
    page = MotiveRulesPage(_session(users["manager"]))
    qtbot.addWidget(page)
    rules = page.rules
    assert rules.table.item(0, 0).text() in ("redress.money", "need.rational", "compensation.words")
    assert rules.table.item(0, 4).text() == "1" and rules.table.item(0, 5).text() == "100%"
    assert "1 decisions by clerks, 1 of them corrections" in rules.summary.text()
    assert "希望受到重视 × 1" in rules.missed.text()
    rules.start_new()
    rules.code.setText("redress.subsidy")
    rules.target.setCurrentIndex(rules.target.findData("kind"))
    rules.value.setCurrentIndex(rules.value.findData("redress"))
    rules.words.setPlainText("补贴\n贴补")
    rules.save.click()
    assert motives.suggest("能不能给点补贴").kind == "redress"
    page.phrases.start_new()
    page.phrases.phrase.setText("你等着吧")
    page.phrases.alternative.setPlainText("给出明确的时间")
    page.phrases.save.click()
    assert [f.phrase for f in phrases.check("你等着吧")] == ["你等着吧"]


def test_a_clerk_cannot_change_the_rules_even_from_the_page(sqlite_db, users, qtbot):
    page = MotiveRulesPage(_session(users["clerk"]))
    qtbot.addWidget(page)
    page.rules.start_new()
    page.rules.code.setText("x")
    page.rules.words.setPlainText("x")
    page.rules.save.click()
    assert page.rules.message.text() == "Only a manager may change the motive rules."


def test_satisfaction_at_closing_with_return_visit_and_thanks(sqlite_db, users, qtbot, frozen_now):
    slip = _slip(users, frozen_now, status=Status.REPLIED, channel=Channel.BOOK, read_back=False,
                 book_entry_date=frozen_now.date(), book_entry_ref="第3页")
    session = _session(users["clerk"])
    dialog = SatisfactionDialog(session, slip.id)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "Choose the customer's level" in dialog.message.text()
    dialog.levels.button(6).setChecked(True)
    dialog.settled.button(1).setChecked(True)
    dialog.note.setText("业主说很快就修好了")
    dialog.visit.setChecked(True)
    dialog.visit_purpose.setText("回访维修效果")
    dialog.reward.setChecked(True)
    dialog.reward_kind.setCurrentIndex(dialog.reward_kind.findData("small_gift"))
    with qtbot.waitSignal(session.slip_saved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = Slip.get_by_id(slip.id)
    assert (saved.satisfaction, saved.settled) == (6, True)
    assert [e.action for e in history.events_of(saved)][-3:] == [
        "satisfaction", "return_visit_scheduled", "suggestion_rewarded"]
    visit = satisfaction.next_visit(slip.id)
    assert visit.due == frozen_now + dt.timedelta(days=7) and visit.purpose == "回访维修效果"

    recorder = ReturnVisitDialog(session, visit.id)
    qtbot.addWidget(recorder)
    recorder.save()
    assert recorder.message.text() == "Write down what the customer said."
    recorder.outcome.setPlainText("一切正常，谢谢")
    recorder.levels.button(7).setChecked(True)
    recorder.save()
    assert Slip.get_by_id(slip.id).satisfaction == 7 and satisfaction.next_visit(slip.id) is None


def test_motive_dialog_confirms_on_a_saved_slip(sqlite_db, users, qtbot, frozen_now):
    slip = _slip(users, frozen_now, complaint="你们再不处理我就找记者曝光！")
    session = _session(users["clerk"])
    dialog = MotiveDialog(session, slip.id)
    qtbot.addWidget(dialog)
    assert dialog.panel.kind.currentData() == "exposure"
    with qtbot.waitSignal(session.slip_saved):
        dialog.confirm.click()
    assert Slip.get_by_id(slip.id).motive_kind == "exposure"


def test_slip_view_offers_the_actions_that_apply(sqlite_db, users, qtbot, frozen_now):
    from PySide6.QtWidgets import QWidget

    holder = QWidget()
    qtbot.addWidget(holder)
    session = _session(users["clerk"])
    open_slip = _slip(users, frozen_now)
    names = [a.objectName() for a in slip_actions(SlipContext(open_slip, session, holder))]
    assert names == ["motive", "progress"]  # open: the customer can be told how it stands
    replied = _slip(users, frozen_now, status=Status.REPLIED)
    satisfaction.schedule_return_visit(replied.id, users["clerk"], frozen_now + dt.timedelta(days=1),
                                       expected_version=replied.version)
    names = [a.objectName() for a in slip_actions(SlipContext(Slip.get_by_id(replied.id), session, holder))]
    assert names == ["motive", "progress", "cause", "satisfaction", "return-visit"]  # handled: its cause too


def test_the_intake_form_carries_the_motive_panel(sqlite_db, users, qtbot, frozen_now):
    from forms.intake import SlipForm
    from forms.motive_panel import MotivePanel

    form = SlipForm(Channel.ONSITE, users["clerk"], "zh")  # a Chinese desk: the card in the seed's words
    qtbot.addWidget(form)
    panel = getattr(form, "motive_panel", None) or MotivePanel.attach(form)
    form.complaint.setPlainText("说了好几次了一直没人管，太过分了！")
    panel.suggest_now()
    assert panel.kind.currentData() == "attention" and "让客户发泄不满" in panel.card.toPlainText()
    slip = _slip(users, frozen_now, complaint=form.complaint.toPlainText())
    form.saved.emit(slip.id)  # what SlipForm.save() announces once the slip is stored
    assert Slip.get_by_id(slip.id).motive_kind == "attention"


def test_withdrawing_asks_first(sqlite_db, users, qtbot, monkeypatch):
    answer = answers.save_answer(users["manager"], "停车", "{称呼}您好")
    page = AnswersPage(_session(users["manager"]))
    qtbot.addWidget(page)
    monkeypatch.setattr(asking, "withdraw_answer", lambda parent: False)
    page.retire.click()
    assert answers.search() == [answer]
    monkeypatch.setattr(asking, "withdraw_answer", lambda parent: True)
    page.retire.click()
    assert answers.search() == [] and page.results.count() == 0


@pytest.fixture(autouse=True)
def _clock_runs_after(frozen_now):
    yield
    clock.freeze(None)
