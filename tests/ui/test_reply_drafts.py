"""Nothing typed into a reply is lost: the reply form and, above all, the reply letter autosave as
the clerk types; a killed desk offers them back at the next sign-in exactly as typed; recording,
saving or a deliberate cancel leaves no draft; a slip changed since still gets its text back and
the save goes through the optimistic lock."""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import threading

import pytest

from desktop.shell import drafts_dialog
from desktop.shell.main_window import MainWindow
from desktop.replies.dialogs import LetterDialog, ReplyDialog, open_for, restore_draft
from forms import asking, reply_draft
from forms.fields import to_qdatetime
from models import drafts, replies
from models.slips import Slip
from models.vocab import Opinion, ReplyMethod, Status
from tests.support.slips import slip_in

# Typed as a clerk types a letter: several paragraphs, full-width punctuation, a trailing space.
LETTER = ("李四先生:\n\n    您好！您于11月反映的楼道声控灯不亮一事，我们已安排工程部王师傅更换了3号楼2单元"
          "各层的声控灯，并于当晚逐层测试，现已恢复正常。\n\n    给您带来的不便，我们深表歉意。"
          "如仍有问题，请拨打服务监督电话。 \n\n此致\n敬礼")


@pytest.fixture(autouse=True)
def _closing_discards(monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)


@pytest.fixture
def handled(session, users, frozen_now) -> Slip:
    return slip_in(Status.HANDLED, users)


def _run_desk_until_autosaved(db_path: str, slip_id: int, text_file) -> subprocess.Popen:
    """Start a desk typing the letter; return once the whole text is in its draft (still running)."""
    child = subprocess.Popen([sys.executable, "-m", "tests.support.reply_driver", db_path, "clerk", str(slip_id),
                              str(text_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    autosaved = threading.Event()

    def read() -> None:
        for line in child.stdout:
            if line.startswith("autosaved"):
                autosaved.set()

    threading.Thread(target=read, daemon=True).start()
    if not autosaved.wait(timeout=120):
        child.kill()
        pytest.fail(f"the desk never autosaved the letter: {child.stderr.read()}")
    return child


def _typed_letter(qtbot, session, slip_id: int) -> LetterDialog:
    dialog = LetterDialog(session, slip_id)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.autosave.saved, timeout=10000):
        dialog.editor.text.setPlainText(LETTER)
    return dialog


def test_a_desk_killed_mid_letter_offers_it_back_exactly_as_typed(qtbot, session, users, handled, tmp_path,
                                                                  sqlite_db):
    text_file = tmp_path / "letter.txt"
    text_file.write_text(LETTER, encoding="utf-8")
    child = _run_desk_until_autosaved(sqlite_db.obj.database, handled.id, text_file)
    os.kill(child.pid, signal.SIGKILL)  # a power cut: no close, no discard
    child.wait()
    child.stdout.close()
    child.stderr.close()

    window = MainWindow(session)  # the next sign-in at this desk
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.guard.drafts_dialog is not None, timeout=5000)
    offer = window.guard.drafts_dialog
    assert offer.table.rowCount() == 1
    row = [offer.table.item(0, column).text() for column in range(4)]
    assert row[:3] == [f"Reply letter for slip {handled.number}", "李四", "小区东门路灯坏了。"] and row[3]

    offer.restore_button.click()
    assert window.guard.drafts_dialog is None
    letter = open_for(reply_draft.LETTER, handled.id)
    assert isinstance(letter, LetterDialog) and letter.isVisible()
    assert letter.editor.text.toPlainText() == LETTER  # every character, the trailing space too
    with qtbot.waitSignal(session.slip_saved, timeout=5000):
        letter.editor.save_button.click()
    assert replies.current_letter(handled).text == LETTER.strip()
    assert drafts.drafts_of(users["clerk"]) == []  # saving the letter discards its draft
    letter.close()


def test_a_letter_draft_of_a_slip_changed_since_comes_back_and_saves_through_the_lock(qtbot, session, users,
                                                                                      handled, monkeypatch):
    typed = _typed_letter(qtbot, session, handled.id)
    typed.editor.method.setCurrentIndex(typed.editor.method.findData(ReplyMethod.FAX.value))
    typed.close_keeping_draft()  # as when someone else signs in: kept for its owner
    (draft,) = drafts.drafts_of(users["clerk"])
    assert (draft.kind, draft.slip_id) == ("letter", handled.id)
    replies.agree_after_hours_calls(handled.id, users["clerk2"], expected_version=handled.version,
                                    agreed_with="李四", note="")  # another desk changes the slip meanwhile

    assert restore_draft(session, draft)
    restored = open_for(reply_draft.LETTER, handled.id)
    qtbot.addWidget(restored)
    editor = restored.editor
    assert editor.text.toPlainText() == LETTER and editor.method.currentData() == ReplyMethod.FAX
    assert editor.slip.version == handled.version  # works from the version it was typed on
    assert editor.save_draft() is None  # the optimistic lock: not a silent overwrite
    assert "changed at another desk" in editor.general_error.text() and "Your text is kept" in \
        editor.general_error.text()
    assert editor.text.toPlainText() == LETTER and replies.current_letter(handled) is None
    assert editor.slip.version == Slip.get_by_id(handled.id).version  # caught up: the next save goes through
    with qtbot.waitSignal(session.slip_saved, timeout=5000):
        editor.save_button.click()
    letter = replies.current_letter(handled)
    assert (letter.text, letter.method) == (LETTER.strip(), ReplyMethod.FAX)
    assert drafts.drafts_of(users["clerk"]) == []


def test_the_reply_form_comes_back_from_its_draft_and_recording_discards_it(qtbot, session, users, handled):
    first = ReplyDialog(session, handled.id, method=ReplyMethod.VISIT)
    qtbot.addWidget(first)
    form = first.form
    form.at.setDateTime(to_qdatetime(dt.datetime(2026, 11, 24, 9, 30)))
    form.place.setText("3-2-1201 李四家")
    form.appointment_agreed.setChecked(True)
    form.staff[0].name.setCurrentText("王师傅")
    form.staff[0].work_id.setText("E012")
    form.staff[1].name.setCurrentText("张小梅")
    form.staff[1].work_id.setText("C001")
    form.summary.setPlainText("上门查看，声控灯已全部更换。")
    form.opinion.choose(Opinion.PARTLY)
    with qtbot.waitSignal(first.autosave.saved, timeout=10000):
        form.words.setPlainText("灯是好了，但希望以后早点修。")
    typed = reply_draft.reply_values(form)
    first.close_keeping_draft()

    (draft,) = drafts_dialog.left_behind(users["clerk"])
    assert drafts_dialog.describe(draft, first)[:2] == (f"Reply to slip {handled.number}", "李四")
    assert restore_draft(session, draft)
    restored = open_for(reply_draft.REPLY, handled.id)
    qtbot.addWidget(restored)
    assert reply_draft.reply_values(restored.form) == typed
    assert not restore_draft(session, draft)  # not into a reply already open for the slip
    with qtbot.waitSignal(restored.form.recorded, timeout=5000):
        restored.record_button.click()
    assert drafts.drafts_of(users["clerk"]) == []
    assert replies.replies_of(Slip.get_by_id(handled.id))[-1].customer_words == "灯是好了，但希望以后早点修。"


def test_cancelling_on_purpose_leaves_no_draft_and_typing_after_a_save_starts_a_new_one(qtbot, session, users,
                                                                                         handled):
    dialog = _typed_letter(qtbot, session, handled.id)
    assert [d.kind for d in drafts.drafts_of(users["clerk"])] == ["letter"]
    dialog.editor.save_draft()
    assert drafts.drafts_of(users["clerk"]) == []  # saved as the slip's letter: the draft goes
    with qtbot.waitSignal(dialog.autosave.saved, timeout=10000):
        dialog.editor.text.appendPlainText("附：维修记录一份。")
    (draft,) = drafts.drafts_of(users["clerk"])
    assert drafts.from_payload(draft.payload)["values"]["text"].endswith("附：维修记录一份。")
    dialog.reject()  # closed on purpose, after agreeing to lose the change
    assert drafts.drafts_of(users["clerk"]) == []

    reply = ReplyDialog(session, handled.id)
    qtbot.addWidget(reply)
    with qtbot.waitSignal(reply.autosave.saved, timeout=10000):
        reply.form.summary.setPlainText("电话说明情况。")
    reply.reject()
    assert drafts.drafts_of(users["clerk"]) == []
