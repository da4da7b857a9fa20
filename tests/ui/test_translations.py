"""The Chinese interface: every message the code has now is translated in the shipped .ts, the
shipped .qm is that .ts compiled, and a desk started in Chinese shows Chinese.

When the first test fails: translate the listed messages in models/catalogue/zh_CN.json, then run
`python tools/i18n.py` (it rewrites the .ts and the .qm).
"""
from __future__ import annotations

import importlib.util
import sys
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QLabel, QMenu, QPushButton
from forms import asking

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("slipdesk_i18n_tool", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


i18n_tool = _tool()
SHIPPED_QM = resources.files("desktop") / "i18n" / "slipdesk_zh_CN.qm"


@pytest.fixture(scope="module")
def messages():
    """What pyside6-lupdate finds in desktop/ and forms/ now, in run-time contexts."""
    return i18n_tool.extract()


def test_every_ui_message_has_a_chinese_translation_in_the_shipped_ts(messages):
    done = i18n_tool.shipped()
    missing = [f"[{m.context}] {m.source}" for m in messages if (m.context, m.source) not in done]
    assert len(messages) > 900
    assert not missing, (f"{len(missing)} UI message(s) without Chinese (translate them in models/catalogue/zh_CN.json, "
                         "then run `python tools/i18n.py`):\n" + "\n".join(missing))


def test_no_translation_drops_a_placeholder(messages):
    assert i18n_tool.placeholder_problems(messages, i18n_tool.load_table()) == []


def test_the_shipped_qm_is_the_shipped_ts_compiled(tmp_path):
    fresh = tmp_path / "fresh.qm"
    i18n_tool.compile_qm(i18n_tool.TS, fresh)
    assert fresh.read_bytes() == SHIPPED_QM.read_bytes(), "run `python tools/i18n.py` to rebuild the .qm"


@pytest.fixture
def chinese(qapp):
    """The desk's Chinese translators installed (ours and Qt's), removed afterwards."""
    from desktop.shell.app import install_translators
    from models import i18n

    installed = install_translators(qapp, "zh")
    i18n.set_language("zh")
    yield installed
    i18n.set_language("en")
    for translator in installed:
        qapp.removeTranslator(translator)


def test_the_shipped_qm_translates_known_messages(chinese):
    assert len(chinese) == 2  # ours and qtbase's
    translate = QCoreApplication.translate
    assert translate("pages", "Slips") == "处理单"
    assert translate("SlipForm", "Read back (复述)") == "复述"
    assert translate("SlipForm", "&Complaint") == "投诉内容(&C)"  # the accelerator the Chinese way
    assert translate("DeskGuard", "&Back up now…") == "立即备份(&B)…"
    assert translate("DraftsDialog", "%1 unsaved forms will be deleted for good. Nothing of them was saved "
                     "as a slip.").startswith("将永久删除 %1 份未保存的表单")
    alone = QTranslator()
    assert alone.load(str(SHIPPED_QM)) and not alone.isEmpty()


def test_qts_own_dialogs_speak_chinese_too(qtbot, chinese):
    """Standard buttons and Qt's own file dialog come from qtbase_zh_CN, loaded with ours."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Discard)
    qtbot.addWidget(buttons)
    texts = {button.text().replace("&", "") for button in buttons.buttons()}
    assert {"取消", "保存"} <= {text.split("(")[0] for text in texts}
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    assert {b.text().replace("&", "").split("(")[0] for b in box.buttons()} == {"是", "否"}
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert any("文件名" in text for text in labels) and any("查看" in text or "类型" in text for text in labels), labels


def test_a_desk_started_in_chinese_shows_chinese(qtbot, chinese, sqlite_db, users, monkeypatch):
    from desktop.shell.main_window import KEY_ROLE, MainWindow
    from desktop.shell.session import Session

    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    session = Session(lang="zh")
    session.sign_in(users["manager"])
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    titles = {window.navigation.item(i).data(KEY_ROLE): window.navigation.item(i).text()
              for i in range(window.navigation.count())}
    assert titles["slips"].startswith("处理单") and titles["dashboard"].startswith("今日")
    assert titles["comment_book"].startswith("意见簿") and titles["directory"].startswith("住户名录")
    assert [action.text() for action in window.menuBar().actions()] == ["文件(&F)", "视图(&V)", "帮助(&H)"]

    form = window.new_slip("phone").form
    assert form.editors["complaint"].accessibleName() == "投诉内容"
    assert {"投诉内容(&C)", "来电号码(&N)"} <= {label.text() for label in form.findChildren(QLabel)}

    page = window.show_page("settings_authority")
    buttons = {button.text() for button in page.findChildren(QPushButton)}
    assert "保存(&S)" in buttons  # the tabs' inherited tr() finds their base class's translation
    assert not [text for text in buttons if text.isascii() and any(ch.isalpha() for ch in text)]


def test_the_language_is_chosen_in_the_view_menu_for_the_next_start(qtbot, session, monkeypatch):
    from desktop.shell import language_menu
    from desktop.shell.main_window import MainWindow
    from desktop.shell.session import ui_language

    told = []
    monkeypatch.setattr(language_menu, "tell_next_start", told.append)
    window = MainWindow(session)
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None and menu.menuAction() in window.view_menu.actions()
    choices = {action.text(): action for action in menu.actions()}
    assert set(choices) == {"Follow the &system", "中文", "English"} and choices["Follow the &system"].isChecked()
    choices["中文"].trigger()
    assert ui_language() == "zh" and ui_language("en") == "en"  # --lang still wins
    assert told == [window]
    choices["Follow the &system"].trigger()
    assert language_menu.chosen_language() == "" and len(told) == 2


def test_a_refusal_from_models_reads_in_chinese_on_a_chinese_desk(chinese, sqlite_db, users):
    from models import residents_io
    from models.errors import PermissionDenied

    with pytest.raises(PermissionDenied, match="^只有经理可以导入住户名录。$"):
        residents_io.apply(residents_io.Plan(), users["clerk"])
