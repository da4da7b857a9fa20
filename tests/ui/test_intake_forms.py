"""The four intake forms, driven as a clerk would: type, read back, save — and the refusals."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.intake.window import IntakeWindow
from forms import asking, intake as intake_form
from forms.fields import to_qdate, to_qdatetime
from models import history
from models.directory import add_resident
from models.slips import Attachment, Slip
from models.vocab import Channel, Status

COMPLAINT = "楼上每天晚上十一点以后还在拖椅子，吵得孩子睡不着，已经说过好几次了。"
PDF = b"%PDF-1.4\n% scanned letter\n%%EOF\n"


@pytest.fixture
def open_form(qtbot, session, monkeypatch):
    """An intake window on `channel`; closing it at the end of a test discards without asking."""
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)

    def _open(channel: str) -> IntakeWindow:
        window = IntakeWindow(session, channel)
        qtbot.addWidget(window)
        window.show()
        return window
    return _open


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def fill_complaint(form, category_id: int) -> None:
    form.editors["complaint"].setPlainText(COMPLAINT)
    form.editors["customer_request"].setPlainText("希望今天之内修好。")
    choose(form.editors["category_id"], category_id)


def save(qtbot, window) -> Slip:
    with qtbot.waitSignal(window.session.slip_saved, timeout=5000) as saved:
        window.save_button.click()
    return Slip.get_by_id(saved.args[0])


def test_onsite_complaint_feelings_first_then_read_back_and_saved(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    assert form.first_input is form.editors["calmed"]  # feelings first, then the matter
    form.editors["calmed"].setChecked(True)
    form.editors["quiet_place"].setChecked(True)
    form.editors["unit_code"].setText("3-2-1201")
    form.editors["complainant_name"].setText("张三")
    choose(form.editors["complainant_title"], "mr")
    form.editors["phone"].setText("138 1234 5678")
    fill_complaint(form, category_id)
    assert COMPLAINT in form.read_back_text.text()  # shown to read back to the customer
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    slip = save(qtbot, window)

    assert slip.channel == Channel.ONSITE and slip.calmed and slip.quiet_place and slip.read_back
    assert (slip.complainant_name, slip.complainant_title, slip.unit_code, slip.phone) == (
        "张三", "mr", "3-2-1201", "13812345678")
    assert slip.complaint == COMPLAINT and slip.category_id == category_id
    assert slip.deadline == intake_form.proposed_deadline(frozen_now) and slip.deadline > frozen_now
    assert slip.received_by.username == "clerk" and slip.received_at == frozen_now
    assert [e.action for e in history.events_of(slip)][0] == "created"
    assert window.pages.currentWidget() is window.saved_page
    assert window.saved_page.number.text() == slip.number == "TS-2026-000001"
    summary = window.saved_page.summary.text()
    assert slip.status == Status.IN_HANDLING and slip.department_id
    assert slip.department.name("en") in summary and "within authority" in summary
    assert "Reported to the person in charge (请示负责人处理)" in summary  # as the form's rules said


def test_saved_page_tells_a_slip_beyond_authority_waits_for_the_person_in_charge(qtbot, open_form, category_id,
                                                                                  frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("张三")
    form.editors["phone"].setText("13812345678")
    fill_complaint(form, category_id)
    form.editors["complaint"].setPlainText(COMPLAINT + "再不处理我就找媒体曝光，还要请律师起诉你们。")
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    slip = save(qtbot, window)
    assert slip.status == Status.AWAITING_CONFIRMATION
    summary = window.saved_page.summary.text()
    assert "person in charge to confirm" in summary and "waits for handling" not in summary


def test_after_an_onsite_save_the_receipt_can_be_printed_at_once(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("张三")
    form.editors["phone"].setText("13812345678")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    save(qtbot, window)
    offered = [window.saved_page.extra.itemAt(i).widget().defaultAction().text()
               for i in range(window.saved_page.extra.count())]
    assert "Print receipt…" in offered


def test_answered_at_once_is_one_click_and_still_recorded(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("李女士")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].answered.click()
    assert form.answer_note.hasFocus() or not window.isActiveWindow()
    form.answer_note.setPlainText("已说明装修管理规定，当场联系楼上住户，业主表示满意。")
    slip = save(qtbot, window)
    assert slip.answered_at_once and slip.status == Status.ANSWERED and slip.deadline is None
    assert slip.complaint == COMPLAINT  # it counts in the reviews
    assert "装修管理规定" in slip.answer_note


def test_phone_complaint_read_back_thanked_and_saved(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.PHONE)
    form = window.form
    assert form.first_input is form.editors["caller_number"]
    form.editors["caller_number"].setText("021-5888 1234")
    form.editors["call_time"].setDateTime(to_qdatetime(frozen_now - dt.timedelta(minutes=4)))
    form.editors["complainant_name"].setText("王先生")
    form.editors["unit_code"].setText("5栋1单元302")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    form.editors["transferred_to"].setCurrentText("李慧")
    form.editors["thanked"].setChecked(True)
    slip = save(qtbot, window)
    assert slip.caller_number == "021-58881234" and slip.phone == "021-58881234"
    assert slip.call_time == frozen_now - dt.timedelta(minutes=4)
    assert slip.unit_code == "5-1-302" and slip.thanked and slip.read_back
    assert slip.transferred_to == "李慧" and slip.preferred_reply == "phone"


def test_comment_book_entry_saved_with_its_page_and_contact(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.BOOK)
    form = window.form
    assert form.first_input is form.editors["book_entry_date"]
    form.editors["book_entry_date"].setDate(to_qdate(frozen_now.date() - dt.timedelta(days=1)))
    form.editors["book_entry_ref"].setText("第12页第3条")
    fill_complaint(form, category_id)
    form.editors["complainant_name"].setText("匿名")
    form.editors["contact_left"].setChecked(True)
    form.editors["phone"].setText("13912345678")
    form.editors["outcome"].later.click()
    slip = save(qtbot, window)
    assert slip.book_entry_date == frozen_now.date() - dt.timedelta(days=1)
    assert slip.book_entry_ref == "第12页第3条" and slip.contact_left and slip.phone == "13912345678"
    assert slip.preferred_reply == "book"


def test_letter_with_its_scan_kept_inside_the_database(qtbot, open_form, category_id, frozen_now, tmp_path,
                                                       monkeypatch):
    scan = tmp_path / "来信.pdf"
    scan.write_bytes(PDF)
    monkeypatch.setattr(asking, "scan_files", lambda parent: [str(scan)])
    window = open_form(Channel.LETTER)
    form = window.form
    form.editors["letter_received"].setDate(to_qdate(frozen_now.date()))
    form.editors["letter_date"].setDate(to_qdate(frozen_now.date() - dt.timedelta(days=3)))
    form.editors["letter_scans"].add_button.click()
    assert form.editors["letter_scans"].list.count() == 1
    form.editors["complainant_name"].setText("赵建国")
    form.editors["sender_address"].setText("阳光花园3-2-1201室")
    fill_complaint(form, category_id)
    form.editors["outcome"].later.click()
    slip = save(qtbot, window)
    scan.unlink()  # the slip must not depend on the file staying where it was
    (stored,) = Attachment.select().where(Attachment.slip == slip)
    assert bytes(stored.data) == PDF and stored.filename == "来信.pdf"
    assert slip.letter_date == frozen_now.date() - dt.timedelta(days=3)
    assert slip.sender_address == "阳光花园3-2-1201室" and slip.preferred_reply == "letter"


def test_blank_form_shows_each_message_beside_its_field(qtbot, open_form, frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    window.save_button.click()
    assert form.error_for("complainant_name") == "Enter the complainant's name (a surname is enough)."
    assert form.error_for("complaint") == "Record the complaint in the customer's words."
    assert form.error_for("category_id") == "Choose a category."
    assert "复述" in form.error_for("read_back")
    assert form.error_for("outcome") == "Agree a reply deadline with the customer (约定回复时限)."
    assert Slip.select().count() == 0 and window.pages.currentWidget() is form


def test_refused_save_keeps_everything_typed_and_clears_a_fixed_message(qtbot, open_form, category_id,
                                                                        frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("张三")
    form.editors["unit_code"].setText("3-2-1201")
    form.editors["phone"].setText("123")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    form.editors["deadline"].setDateTime(to_qdatetime(frozen_now - dt.timedelta(hours=1)))
    window.save_button.click()
    assert form.error_for("phone").startswith("Not a phone number")
    assert form.error_for("deadline") == "The reply deadline cannot be in the past."
    assert (form.editors["complainant_name"].text(), form.editors["unit_code"].text(),
            form.editors["phone"].text(), form.editors["complaint"].toPlainText()) == (
        "张三", "3-2-1201", "123", COMPLAINT)
    assert form.editors["read_back"].isChecked() and form.editors["category_id"].currentData() == category_id
    form.editors["phone"].setText("13812345678")
    assert form.error_for("phone") == ""  # the message goes as soon as the field is edited
    form.editors["deadline"].setDateTime(to_qdatetime(frozen_now + dt.timedelta(hours=4)))
    slip = save(qtbot, window)
    assert slip.phone == "13812345678"


def test_phone_call_without_read_back_or_thanks_is_refused_beside_those_fields(qtbot, open_form, category_id,
                                                                                frozen_now):
    window = open_form(Channel.PHONE)
    form = window.form
    form.editors["caller_number"].setText("13812345678")
    form.editors["complainant_name"].setText("王先生")
    fill_complaint(form, category_id)
    form.editors["outcome"].later.click()
    window.save_button.click()
    assert "复述" in form.error_for("read_back")
    assert "感谢来电" in form.error_for("thanked")
    assert Slip.select().count() == 0


def test_letter_refusals_beside_scan_dates_and_address(qtbot, open_form, category_id, frozen_now, tmp_path,
                                                       monkeypatch):
    fake = tmp_path / "letter.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf at all")
    program = tmp_path / "letter.exe"
    program.write_bytes(b"MZ")
    monkeypatch.setattr(asking, "scan_files", lambda parent: [str(fake), str(program)])
    window = open_form(Channel.LETTER)
    form = window.form
    form.editors["letter_scans"].add_button.click()
    message = form.error_for("letter_scans")
    assert "letter.pdf is damaged" in message and "letter.exe: attach a scan as PDF" in message
    assert form.editors["letter_scans"].scans == []
    form.editors["letter_date"].setDate(to_qdate(frozen_now.date() + dt.timedelta(days=2)))
    form.editors["complainant_name"].setText("赵先生")
    fill_complaint(form, category_id)
    form.editors["outcome"].later.click()
    window.save_button.click()
    assert form.error_for("letter_date") == "The letter's date cannot be in the future."
    assert form.error_for("sender_address").startswith("Record the sender's address: we reply by letter.")
    assert "tick “no return address”" in form.error_for("sender_address")
    assert Slip.select().count() == 0


def test_oversized_scan_is_refused(qtbot, open_form, tmp_path, monkeypatch):
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * (20 * 1024 * 1024))
    monkeypatch.setattr(asking, "scan_files", lambda parent: [str(big)])
    form = open_form(Channel.LETTER).form
    form.editors["letter_scans"].add_button.click()
    assert form.error_for("letter_scans") == "big.png is 20.0 MB; the limit is 20 MB."


def test_resident_found_by_pinyin_initials_fills_the_complainant(qtbot, open_form, frozen_now):
    resident = add_resident("张三", "3-2-1201", "mr", "13812345678")
    form = open_form(Channel.ONSITE).form
    name = form.editors["complainant_name"]
    qtbot.keyClicks(name, "zs")
    completer = form.resident_completer.completer
    assert form.resident_completer.model.rowCount() == 1
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert (name.text(), form.editors["complainant_title"].currentData(), form.editors["unit_code"].text(),
            form.editors["phone"].text()) == ("张三", "mr", "3-2-1201", "13812345678")
    assert resident.id


def test_unit_completion_offers_units_then_their_residents(qtbot, open_form, frozen_now):
    add_resident("李四", "3-2-1201", "ms", "13912345678")
    add_resident("王五", "3-2-1202")
    form = open_form(Channel.ONSITE).form
    qtbot.keyClicks(form.editors["unit_code"], "3-2-12")
    assert form.unit_completer.model.stringList() == ["3-2-1201", "3-2-1202"]
    completer = form.unit_completer.completer
    popup = completer.popup()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.editors["unit_code"].text() == "3-2-1201"
    assert form.resident_completer.model.item(0).text() == "李四 Ms · 3-2-1201 · 13912345678"


def test_enter_in_a_field_and_ctrl_s_both_save(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("张三")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    form.editors["phone"].setText("123")
    qtbot.keyClick(form.editors["phone"], Qt.Key.Key_Return)  # Enter: the default button, Save
    assert form.error_for("phone").startswith("Not a phone number")
    form.editors["phone"].setText("13812345678")
    with qtbot.waitSignal(window.session.slip_saved):
        window.save_shortcut.activated.emit()  # what Ctrl+S triggers
    assert window.save_shortcut.key().toString() == "Ctrl+S"
    assert Slip.select().count() == 1


def test_next_complaint_starts_on_a_blank_form(qtbot, open_form, category_id, frozen_now):
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("张三")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].answered.click()
    form.answer_note.setPlainText("当场答复")
    save(qtbot, window)
    window.saved_page.next_button.click()
    assert window.form is not form and window.form.editors["complainant_name"].text() == ""
    assert window.pages.currentWidget() is window.form and window.save_button.isVisible()


def test_closing_a_typed_form_asks_before_discarding(qtbot, open_form, monkeypatch):
    window = open_form(Channel.PHONE)
    window.form.editors["caller_number"].setText("13812345678")
    asked = []
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: asked.append(True) or False)
    window.reject()
    assert asked and window.isVisible()
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    window.reject()
    assert not window.isVisible()


def test_each_channel_asks_exactly_its_own_questions(qtbot, open_form):
    def own_questions(form) -> list[str]:  # the side column's panels add rows of their own
        return [key for key in form.rows if key not in form.authority_panel.rows and key != "named_person"]

    asked = {channel: own_questions(open_form(channel).form) for channel in Channel}
    assert asked[Channel.ONSITE][:2] == ["calmed", "quiet_place"]
    assert "thanked" in asked[Channel.PHONE] and "read_back" in asked[Channel.PHONE]
    assert "read_back" not in asked[Channel.BOOK] and "book_entry_ref" in asked[Channel.BOOK]
    assert "letter_scans" in asked[Channel.LETTER] and "caller_number" not in asked[Channel.LETTER]
    assert asked[Channel.PHONE][-2:] == ["transferred_to", "thanked"]  # thanks at the end of the call


def two_page_pdf() -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for page in (1, 2):
        canvas.drawString(100, 700, f"Letter, page {page}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def drop_files(widget, *paths) -> None:
    """The clerk drags files from the scanner's folder and drops them on the form."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from forms.intake import dropped_files

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    assert widget.acceptDrops() and dropped_files(mime) == [str(path) for path in paths]  # what a drag offers
    widget.dropEvent(event)  # the handler Qt calls on the drop (the drag itself needs the window system)
    assert event.isAccepted()


def test_a_scan_dropped_on_the_complaint_box_is_attached_not_pasted(qtbot, open_form, tmp_path):
    """The complaint box is the letter form's biggest target: a scan dropped there (a file manager's
    drag carries the file's URL as text too) pasted "file:///…" into the customer's words."""
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    letter = tmp_path / "来信.pdf"
    letter.write_bytes(two_page_pdf())
    window = open_form(Channel.LETTER)
    form = window.form
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(letter))])
    mime.setText(QUrl.fromLocalFile(str(letter)).toString())
    for target in (form.complaint.viewport(), form.editors["sender_address"]):
        enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, enter)
        assert enter.isAccepted()
        drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target, drop)
        assert drop.isAccepted()
    assert form.complaint.toPlainText() == "" and form.editors["sender_address"].text() == ""
    assert [s.filename for s in form.editors["letter_scans"].scans] == [str(letter), str(letter)]


def test_scans_dropped_on_the_letter_form_are_previewed_page_by_page_then_kept(qtbot, open_form, category_id,
                                                                               frozen_now, tmp_path):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    letter = tmp_path / "来信.pdf"
    letter.write_bytes(two_page_pdf())
    envelope = tmp_path / "信封.png"
    picture = QImage(400, 300, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.white)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    envelope.write_bytes(bytes(buffer.data()))
    note = tmp_path / "说明.txt"
    note.write_text("not a scan", encoding="utf-8")
    window = open_form(Channel.LETTER)
    form = window.form
    scans = form.editors["letter_scans"]
    drop_files(scans, letter, envelope)
    assert [s.filename for s in scans.scans] == [str(letter), str(envelope)]
    assert scans.preview.isVisible() and scans.preview.count() == 1  # the last one dropped: its one picture
    scans.list.setCurrentRow(0)
    assert scans.preview.count() == 2 and scans.preview.item(1).text() == "Page 2"
    assert not scans.preview.item(0).icon().isNull()
    drop_files(scans, note)
    assert len(scans.scans) == 2 and "说明.txt" in form.rows["letter_scans"].message  # refused, with why
    form.editors["letter_received"].setDate(to_qdate(frozen_now.date()))
    form.editors["letter_date"].setDate(to_qdate(frozen_now.date() - dt.timedelta(days=3)))
    form.editors["complainant_name"].setText("赵建国")
    form.editors["sender_address"].setText("阳光花园3-2-1201室")
    fill_complaint(form, category_id)
    form.editors["outcome"].later.click()
    slip = save(qtbot, window)
    kept = [a.filename for a in Attachment.select().where(Attachment.slip == slip).order_by(Attachment.id)]
    assert kept == ["来信.pdf", "信封.png"]
def test_a_busy_database_is_said_plainly_and_the_form_keeps_every_word(qtbot, open_form, category_id, frozen_now,
                                                                      monkeypatch):
    """Another desk holds the write lock past the wait (shortened here): "Not saved", said plainly;
    everything typed stays; Save again once the lock is free saves it."""
    import sqlite3

    from models.db import database

    said = []
    monkeypatch.setattr(asking.QMessageBox, "warning", lambda parent, title, text: said.append((title, text)))
    window = open_form(Channel.ONSITE)
    form = window.form
    form.editors["complainant_name"].setText("张三")
    form.editors["unit_code"].setText("3-2-1201")
    fill_complaint(form, category_id)
    form.editors["read_back"].setChecked(True)
    form.editors["outcome"].later.click()
    database.execute_sql("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(database.obj.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.save_button.click()
    finally:
        other.execute("ROLLBACK")
        other.close()
    [(title, text)] = said
    assert title == "Not saved" and text.startswith("The database is busy") and "still here" in text
    assert (form.editors["complainant_name"].text(), form.editors["unit_code"].text(),
            form.editors["complaint"].toPlainText()) == ("张三", "3-2-1201", COMPLAINT)
    assert not Slip.select().exists()
    assert save(qtbot, window).complaint == COMPLAINT
