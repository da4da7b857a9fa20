"""The motive panel beside the complaint, and the phrase check under a reply."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from forms.motive_panel import MotivePanel
from forms.phrase_check import PhraseCheck
from models import history, intake, motives
from models.catalog import Category
from models.slips import Slip
from models.vocab import Channel


@pytest.fixture
def panel(sqlite_db, qtbot):
    widget = MotivePanel("zh")
    qtbot.addWidget(widget)
    return widget


def _typed(panel: MotivePanel, text: str) -> None:
    panel.set_text(text)
    panel.suggest_now()  # what the pause after typing does


def test_venting_shows_its_card_let_them_finish(panel):
    _typed(panel, "太过分了，说了好几次了一直没人管！")
    assert panel.type.currentData() == "venting" and panel.kind.currentData() == "attention"
    assert "没人管" in panel.reasons.text() and "太过分" in panel.reasons.text()
    card = panel.card.toPlainText()
    assert "让客户发泄不满" in card and "不要打断" in card and "给客人一个发泄的机会" in card


def test_threat_of_exposure_is_signalled_for_the_authority_preview(panel, qtbot):
    with qtbot.waitSignal(panel.exposure_changed) as signalled:
        _typed(panel, "不给个说法我就找记者曝光，再打12345。")
    assert signalled.args == [("记者", "曝光", "12345")]
    assert panel.kind.currentData() == "exposure" and "逼迫满足曝光威胁" in panel.card.toPlainText()
    with qtbot.waitSignal(panel.exposure_changed) as cleared:
        _typed(panel, "楼道灯不亮。")
    assert cleared.args == [()]


def test_asking_for_the_boss_brings_up_that_card(panel):
    _typed(panel, "叫你们经理出来！")
    assert panel.card.toPlainText().startswith("强烈要求找领导怎么办")


def test_neutral_words_suggest_nothing(panel):
    _typed(panel, "请问快递柜在哪里？")
    assert panel.choice() == motives.Choice() and "neutral" in panel.reasons.text()


def test_correcting_keeps_the_choice_and_is_counted_on_commit(panel, users, frozen_now):
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="张三", unit_code="3-2-1201", complaint="物业费多收了，要求退费。",
        read_back=True, category_id=Category.get(Category.code == "fees").id,
        deadline=frozen_now + dt.timedelta(days=1)), users["clerk"])
    _typed(panel, slip.complaint)
    assert panel.kind.currentData() == "redress" and not panel.corrected
    panel.kind.setCurrentIndex(panel.kind.findData("attention"))
    assert panel.type.currentData() == "compensation"  # the type is a list of its own: it stays
    panel.type.setCurrentIndex(panel.type.findData("venting"))
    assert panel.corrected and "counted" in panel.state.text()
    _typed(panel, slip.complaint + "谢谢")  # more typing does not undo the clerk's choice
    assert panel.kind.currentData() == "attention"
    saved = panel.commit(slip.id, users["clerk"], expected_version=Slip.get_by_id(slip.id).version)
    assert (saved.motive_type, saved.motive_kind) == ("venting", "attention")
    assert history.events_of(saved)[-1].action == "motive_corrected"
    assert motives.rule_stats().corrections == 1


def test_choosing_another_type_keeps_the_kind(panel):
    """The four types and the six kinds are separate lists: neither chooses the other."""
    _typed(panel, "要求赔偿")
    panel.type.setCurrentIndex(panel.type.findData("suggestion"))
    assert (panel.type.currentData(), panel.kind.currentData()) == ("suggestion", "redress")


def test_phrase_check_underlines_and_offers_the_alternative(sqlite_db, qtbot):
    editor = QPlainTextEdit()
    check = PhraseCheck(editor)
    qtbot.addWidget(editor)
    qtbot.addWidget(check)
    with qtbot.waitSignal(check.flags_changed, timeout=3000) as changed:
        editor.setPlainText("张先生，很抱歉，我无能为力，这是公司的规定。")
    assert [f.phrase for f in changed.args[0]] == ["我无能为力", "这是公司的规定"]
    assert len(editor.extraSelections()) == 2
    assert check.list.count() == 2 and "提供其他的选择" in check.list.item(0).text()
    check.list.itemActivated.emit(check.list.item(1))
    assert editor.textCursor().selectedText() == "这是公司的规定"
    editor.setPlainText("张先生，您反映的问题已经处理好了。")
    check.check_now()
    assert check.flags == [] and editor.extraSelections() == [] and not check.list.isVisibleTo(check)
