"""Printing at the desk: the preview shows the printout, prints it, saves it; batches of slips."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop.shell import tasks
from desktop.slips.printing import PreviewDialog, batch_print, batch_task, print_document
from forms import asking
from models import history
from models.slips import Slip
from printouts.kinds import make
from tests import printing_checks as check
from tests.domain.printout_slips import letter_slip, onsite_slip
from tests.support.slips import recorded_change

MM = 72 / 25.4


def pdf_printer(path) -> QPrinter:
    """A real QPrinter writing what it prints to a PDF file instead of paper."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def printed_events(slip_id: int) -> list[dict]:
    return [e.details for e in history.events_of(Slip.get_by_id(slip_id)) if e.action == "printed"]


@pytest.fixture
def slip(sqlite_db, users, frozen_now):
    return letter_slip(users["clerk"], frozen_now)


def test_preview_shows_the_draft_letter_and_saves_it_as_pdf(sqlite_db, qtbot, users, slip, tmp_path, monkeypatch):
    dialog = print_document(None, "letter", slip.id, "zh", users["clerk"])
    qtbot.addWidget(dialog)
    assert dialog.page_count == check.pages(dialog.printout.pdf) == 1
    assert dialog.isVisible() and "DRAFT" in dialog._notice.text()
    target = tmp_path / "reply"
    monkeypatch.setattr(asking, "pdf_path", lambda parent, suggested: str(target))
    with qtbot.waitSignal(dialog.printed) as saved:
        dialog._save.click()
    assert saved.args == ["pdf"]
    assert (tmp_path / "reply.pdf").read_bytes() == dialog.printout.pdf
    assert printed_events(slip.id) == [{"kind": "letter", "lang": "zh", "draft": True, "to": "pdf"}]


def test_print_button_sends_every_page_to_the_printer(sqlite_db, qtbot, users, slip, tmp_path, monkeypatch):
    recorded_change(slip, users["clerk"], complaint="我家卫生间天花板漏水，水一直往下滴，墙面已经发霉。" * 120)
    dialog = print_document(None, "slip", slip.id, "zh", users["clerk"])
    qtbot.addWidget(dialog)
    assert dialog.page_count >= 2
    out = tmp_path / "printer.pdf"
    monkeypatch.setattr(asking, "printer", lambda parent: pdf_printer(out))
    with qtbot.waitSignal(dialog.printed):
        dialog._print.click()
    printed = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(printed.pages) == dialog.page_count
    box = printed.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (pytest.approx(210 * MM, abs=2), pytest.approx(297 * MM, abs=2))
    assert printed_events(slip.id) == [{"kind": "slip", "lang": "zh", "draft": False, "to": "printer"}]


def test_envelope_prints_on_envelope_paper(sqlite_db, qtbot, users, slip, tmp_path, monkeypatch):
    dialog = print_document(None, "label", slip.id, "zh", users["clerk"], size="C5")
    qtbot.addWidget(dialog)
    out = tmp_path / "envelope.pdf"
    monkeypatch.setattr(asking, "printer", lambda parent: pdf_printer(out))
    with qtbot.waitSignal(dialog.printed):
        dialog._print.click()
    box = PdfReader(io.BytesIO(out.read_bytes())).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (pytest.approx(229 * MM, abs=2), pytest.approx(162 * MM, abs=2))


def test_unknown_slip_gives_a_message_not_a_traceback(qtbot, sqlite_db, monkeypatch):
    shown = []
    monkeypatch.setattr("forms.asking.QMessageBox.warning", lambda *args: shown.append(args[2]))
    assert print_document(None, "slip", 99999, "zh") is None
    assert shown == ["The slip no longer exists."]


def test_batch_print_is_one_job_logged_on_every_slip(sqlite_db, qtbot, users, frozen_now, slip, tmp_path):
    others = [onsite_slip(users["clerk"], frozen_now, name=f"李{n}") for n in ("梅", "雷")]
    ids = [slip.id] + [s.id for s in others]
    out = tmp_path / "batch.pdf"
    task = batch_print(None, ids + [slip.id], "zh", users["clerk"], printer=pdf_printer(out))
    assert task.dialog.windowTitle() == "Batch print" and task.dialog.labelText() == "Printing 3 slips…"
    with qtbot.waitSignal(task.succeeded, timeout=60000) as printed:
        pass
    task.wait()
    assert printed.args == [3]
    expected_pages = sum(check.pages(make("slip", Slip.get_by_id(i)).pdf) for i in ids)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == expected_pages
    for slip_id in ids:
        assert printed_events(slip_id) == [{"kind": "slip", "lang": "zh", "draft": False, "to": "printer"}]


@pytest.mark.parametrize("when", ["laying out", "sending pages"])
def test_cancelled_batch_logs_nothing(sqlite_db, qtbot, users, frozen_now, slip, tmp_path, when):
    """Cancelled while the slips are laid out, or while the pages go to the printer (its job is
    then aborted): no slip says it was printed."""
    ids = [slip.id] + [onsite_slip(users["clerk"], frozen_now).id for _ in range(3)]
    printer = pdf_printer(tmp_path / "cancelled.pdf")
    task = batch_task(ids, printer, user=users["clerk"])
    # progress: one step per slip laid out, then the pages sent take the other half
    due = (lambda done: done == 1) if when == "laying out" else (lambda done: done > len(ids))
    task.progressed.connect(lambda done, _total: task.cancel() if due(done) else None,
                            Qt.ConnectionType.DirectConnection)
    stages = []
    task.staged.connect(stages.append, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(task.cancelled, timeout=60000):
        task.start()
    task.wait()
    assert [printed_events(i) for i in ids] == [[], [], [], []]
    assert [text.split()[0] for text in stages] == (["Laying"] if when == "laying out" else ["Laying", "Sending"])


def test_batch_print_on_a_printer_that_will_not_start_says_so(sqlite_db, qtbot, users, slip, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("forms.asking.QMessageBox.warning", lambda *args: shown.append(args[1:]))
    task = batch_print(None, [slip.id], "zh", users["clerk"], printer=pdf_printer(tmp_path / "gone" / "batch.pdf"))
    with qtbot.waitSignal(task.failed, timeout=60000):
        pass
    task.wait()
    assert shown == [("Batch print", "The printer could not be started.")]
    assert printed_events(slip.id) == []


def test_print_actions_follow_the_slip(sqlite_db, qtbot, users, frozen_now, slip):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QWidget

    from desktop.slips.print_actions import slip_actions
    from desktop.shell.session import Session

    parent = QWidget()
    qtbot.addWidget(parent)
    session = Session(lang="en")
    session.sign_in(users["clerk"])
    (grouped,) = slip_actions(SimpleNamespace(slip=slip, session=session, parent=parent, place="view"))
    assert grouped.objectName() == "print-menu" and grouped.text() == "Print"
    names = [a.objectName() for a in grouped.menu().actions()]
    assert names == ["print-slip-zh", "print-letter-zh", "print-letter-en", "print-sheet-zh",
                     "print-label-zh-DL", "print-label-zh-C5"]
    onsite = onsite_slip(users["clerk"], frozen_now)
    saved = slip_actions(SimpleNamespace(slip=onsite, session=session, parent=parent, place="saved"))
    assert [a.objectName() for a in saved] == ["print-receipt-zh", "print-slip-zh"]
    saved[0].trigger()  # opens the receipt's preview
    dialog = parent.findChild(PreviewDialog)
    assert dialog is not None and dialog.printout.kind == "receipt" and dialog.user == users["clerk"]


def test_slip_list_prints_the_selected_slips_as_one_batch(sqlite_db, qtbot, users, frozen_now, tmp_path,
                                                           monkeypatch):
    """Select several slips in the list, Ctrl+P (Print selected slips…, also on the list's context
    menu): one job through the printer the clerk chose, every selected slip's print logged."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtGui import QKeySequence

    from desktop.slips.list_page import SlipsPage
    from desktop.shell.session import Session

    made = [letter_slip(users["clerk"], frozen_now)] + [onsite_slip(users["clerk"], frozen_now, name=f"李{n}")
                                                         for n in ("梅", "雷", "娜")]
    session = Session(lang="zh")
    session.sign_in(users["clerk"])
    page = SlipsPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.model.searching)  # the list is searched off the UI thread
    action = page.print_action
    assert action.shortcut() == QKeySequence("Ctrl+P") and action in page.table.actions()  # the context menu
    assert not action.isEnabled() and not page.print_button.isEnabled()  # nothing selected yet

    rows = [0, 1, 3]
    selection = page.table.selectionModel()
    for row in rows:
        selection.select(page.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    chosen = [page.model.slip_id(row) for row in rows]
    assert page.selected_slip_ids() == chosen and action.isEnabled() and page.print_button.isEnabled()
    unchosen = next(s.id for s in made if s.id not in chosen)

    out = tmp_path / "selected.pdf"
    monkeypatch.setattr(asking, "printer", lambda parent: pdf_printer(out))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = page.findChild(tasks.TaskProgress)
    assert dialog is not None and dialog.windowTitle() == "Batch print"
    # printed, and the desk has heard of it (the progress dialog gone, the task let go)
    tasks.wait_for_all()
    qtbot.waitUntil(lambda: page.findChild(tasks.TaskProgress) is None and not tasks._running, timeout=60000)
    expected_pages = sum(check.pages(make("slip", Slip.get_by_id(i)).pdf) for i in chosen)
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == expected_pages
    for slip_id in chosen:
        assert printed_events(slip_id) == [{"kind": "slip", "lang": "zh", "draft": False, "to": "printer"}]
    assert printed_events(unchosen) == []
