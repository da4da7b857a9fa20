"""Nothing typed is lost: forms autosave as the clerk types, a killed desk offers them back at the
next sign-in exactly as they were, and a saved slip leaves no draft behind."""
from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
from decimal import Decimal

import pytest

from desktop.shell import drafts_dialog
from desktop.intake.window import IntakeWindow
from desktop.shell.main_window import MainWindow
from forms import asking, intake_draft
from forms.fields import from_qdate
from models import drafts
from models.slips import Slip
from models.vocab import Channel

PDF = b"%PDF-1.4\n% the scanned letter\n%%EOF\n"
COMPLAINT = "三号楼电梯上周起经常停在半层，老人被困过两次，物业一直没有答复。"


@pytest.fixture(autouse=True)
def _closing_discards(monkeypatch):
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)


def _letter_values(tmp_path, category_id: int) -> dict:
    scan = tmp_path / "letter-scan.pdf"
    scan.write_bytes(PDF)
    return {
        "channel": Channel.LETTER,
        "lines": {"complainant_name": "赵建华", "sender_address": "阳光花园3-2-1201室", "unit_code": "3-2-1201",
                  "phone": "13912345678"},
        "texts": {"complaint": COMPLAINT},
        "combos": {"complainant_title": "mr", "category_id": category_id},
        "dates": {"letter_received": "2026-11-20", "letter_date": "2026-11-17"},
        "outcome": "later",
        "scans": [str(scan)],
    }


def _run_desk_until_autosaved(db_path: str, values_file) -> subprocess.Popen:
    """Start a desk typing the values; return once its draft is written (the process still runs)."""
    child = subprocess.Popen([sys.executable, "-m", "tests.support.intake_driver", db_path, "clerk",
                              str(values_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    autosaved = threading.Event()

    def read() -> None:
        for line in child.stdout:
            lines.append(line)
            if line.startswith("autosaved"):
                autosaved.set()

    threading.Thread(target=read, daemon=True).start()
    if not autosaved.wait(timeout=120):
        child.kill()
        pytest.fail(f"the desk never autosaved: {child.stderr.read()}")
    return child


def test_a_desk_killed_mid_entry_offers_the_form_back_exactly_as_typed(qtbot, session, users, category_id,
                                                                       tmp_path, sqlite_db):
    values = _letter_values(tmp_path, category_id)
    values_file = tmp_path / "values.json"
    values_file.write_text(json.dumps(values, ensure_ascii=False), encoding="utf-8")
    child = _run_desk_until_autosaved(sqlite_db.obj.database, values_file)
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
    assert row[0] == "Letter complaint (信函投诉)" and row[1] == "赵建华 3-2-1201"
    assert row[2].startswith("三号楼电梯") and row[3]  # when it was last typed

    offer.restore_button.click()
    assert window.guard.drafts_dialog is None
    form = window.new_slip(Channel.LETTER).form
    e = form.editors
    assert (e["complainant_name"].text(), e["sender_address"].text(), e["unit_code"].text(), e["phone"].text()) == (
        "赵建华", "阳光花园3-2-1201室", "3-2-1201", "13912345678")
    assert e["complaint"].toPlainText() == COMPLAINT
    assert e["complainant_title"].currentData() == "mr" and e["category_id"].currentData() == category_id
    assert from_qdate(e["letter_received"].date()) == dt.date(2026, 11, 20)
    assert from_qdate(e["letter_date"].date()) == dt.date(2026, 11, 17)
    assert e["outcome"].choice() == "later"
    (scan,) = e["letter_scans"].scans
    assert scan.data == PDF and scan.filename.endswith("letter-scan.pdf")
    assert e["letter_scans"].list.count() == 1

    intake = window.new_slip(Channel.LETTER)
    with qtbot.waitSignal(session.slip_saved, timeout=5000) as saved:
        intake.save_button.click()
    slip = Slip.get_by_id(saved.args[0])
    assert slip.complainant_name == "赵建华" and slip.letter_received == dt.date(2026, 11, 20)
    assert drafts.drafts_of(users["clerk"]) == []  # saving the slip discards its draft


def test_the_form_autosaves_after_a_pause_and_again_while_typing_on(qtbot, session, users, category_id):
    window = IntakeWindow(session, Channel.PHONE)
    qtbot.addWidget(window)
    window.show()
    form = window.form
    assert drafts.drafts_of(users["clerk"]) == []  # an untouched form leaves nothing behind
    with qtbot.waitSignal(window.autosave.saved, timeout=5000):
        form.editors["caller_number"].setText("13812345678")
    (draft,) = drafts.drafts_of(users["clerk"])
    assert draft.kind == "intake:phone"
    assert drafts.from_payload(draft.payload)["caller_number"] == "13812345678"
    with qtbot.waitSignal(window.autosave.saved, timeout=5000):
        form.editors["complaint"].setPlainText(COMPLAINT)
    (draft,) = drafts.drafts_of(users["clerk"])  # the same draft, brought up to date
    assert drafts.from_payload(draft.payload)["complaint"] == COMPLAINT
    window.reject()
    assert drafts.drafts_of(users["clerk"]) == []  # closed and discarded on purpose: gone


@pytest.mark.parametrize("channel", [Channel.ONSITE, Channel.PHONE, Channel.BOOK])
def test_every_channel_comes_back_from_its_draft(qtbot, session, users, category_id, channel, frozen_now):
    first = IntakeWindow(session, channel)
    qtbot.addWidget(first)
    first.show()  # closed at the end like a clerk closes it: its draft discarded
    form = first.form
    e = form.editors
    e["complainant_name"].setText("王芳")
    e["complaint"].setPlainText("垃圾房的门坏了，味道很大，我要曝光到业主群。")
    e["category_id"].setCurrentIndex(e["category_id"].findData(category_id))
    e["unit_code"].setText("5-1-302")
    extra = {Channel.ONSITE: {"calmed": True, "quiet_place": True, "read_back": True},
             Channel.PHONE: {"thanked": True, "read_back": True},
             Channel.BOOK: {"contact_left": True}}[channel]
    for key, on in extra.items():
        e[key].setChecked(on)
    if channel == Channel.PHONE:
        e["caller_number"].setText("021-58881234")
        e["transferred_to"].setCurrentText("李慧")
    if channel == Channel.BOOK:
        e["book_entry_ref"].setText("第12页第3条")
    e["outcome"].answered.click()
    form.answer_note.setPlainText("当场联系保洁修好门锁。")
    form.authority_panel.compensation.setText("200")
    form.authority_panel.update_now()
    motive = form.motive_panel
    motive.suggest_now()
    motive.temperament.setCurrentIndex(motive.temperament.count() - 1)  # the clerk corrects the suggestion
    saved = intake_draft.state(form)

    second = IntakeWindow(session, channel)
    qtbot.addWidget(second)
    second.show()
    intake_draft.fill(second.form, drafts.from_payload(drafts.to_payload(saved)))
    assert intake_draft.state(second.form) == saved
    assert second.form.intake().compensation_amount == Decimal("200")
    assert second.form.motive_panel.choice() == motive.choice()


def test_a_restore_never_overwrites_a_form_being_filled(qtbot, session, users, category_id):
    window = MainWindow(session)
    qtbot.addWidget(window)
    left = drafts.save_draft(users["clerk"], "intake:phone", {"channel": "phone", "complainant_name": "左边",
                                                              "form": {"outcome": ""}})
    busy = window.new_slip(Channel.PHONE)
    busy.form.editors["complainant_name"].setText("正在输入")
    offer = drafts_dialog.DraftsDialog(users["clerk"], drafts_dialog.left_behind(users["clerk"]),
                                       window.guard.open_draft, window)
    qtbot.addWidget(offer)
    assert [d.id for d in offer.remaining] == [left]  # the open form's own draft is not offered
    offer.restore_button.click()
    assert busy.form.editors["complainant_name"].text() == "正在输入"
    assert "Not restored" in offer.message.text() and [d.id for d in offer.remaining] == [left]


def test_discarding_drafts_asks_first(qtbot, session, users, monkeypatch):
    draft_id = drafts.save_draft(users["clerk"], "intake:onsite", {"channel": "onsite", "complainant_name": "张三"})
    offer = drafts_dialog.DraftsDialog(users["clerk"], drafts_dialog.left_behind(users["clerk"]), lambda d: True)
    qtbot.addWidget(offer)
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: False)
    offer.discard_button.click()
    assert [d.id for d in drafts.drafts_of(users["clerk"])] == [draft_id]
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: count == 1)
    offer.discard_button.click()
    assert drafts.drafts_of(users["clerk"]) == [] and offer.result() == offer.DialogCode.Accepted
