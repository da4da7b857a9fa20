"""Printing from the desk: preview, a real printer, a PDF file, and batch printing.

The preview shows the very PDF bytes that `printouts` made (QtPdf), and a printer gets those
same pages, so what the clerk sees is what is printed. Every print and every saved PDF is
logged on the slip with `printouts.journal.record_print`, as the admin command does.

A batch print is one print job: the selected slips' handling slips laid out as one PDF
(printouts.batch), its pages sent to the printer, then every slip's print logged in one
transaction — all in a worker thread behind a cancellable progress dialog. Cancelling aborts
the printer's job and logs nothing.

Entry points for the slip view and the slip list:
    print_document(parent, kind, slip_id, lang=None, user=None) -> PreviewDialog | None
    batch_print(parent, slip_ids, lang=None, user=None) -> desktop.shell.tasks.Task | None
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, QSizeF, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.shell import tasks
from desktop.shell.first_run import ensure_letterhead
from desktop.shell.layout_memory import remember
from forms import asking
from forms.fields import counted
from models import i18n
from models.accounts import User
from models.errors import SlipdeskError
from models.letterhead import LetterheadMissing
from models.slips import Slip
from printouts.batch import log_batch, make_batch
from printouts.journal import record_print
from printouts.kinds import Printout, make
from forms.translation import translator

log = logging.getLogger("slipdesk.printing")

MAX_DPI = 300  # enough for text on paper; 600 dpi pages would take 140 MB of memory each


_tr = translator("Printing")


def load_pdf(pdf: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument reading `pdf`; keep the buffer alive as long as the document."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise SlipdeskError(_tr("The printout could not be read back for printing."))
    return document, buffer


def match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Ask the printer for the printout's own paper (A4, A5, DL or C5 envelope), no margins."""
    size = document.pagePointSize(0)
    portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                   else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(page_size, orientation, printer.pageLayout().margins()))


def paint_pages(document: QPdfDocument, printer: QPrinter, painter: QPainter,
                before_page: Callable[[int, int], None] | None = None) -> None:
    """Each page of `document` as an image at the printer's resolution (at most 300 dpi).
    `before_page(index, count)` is told before each page; it may raise to stop."""
    dpi = min(printer.resolution(), MAX_DPI)
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    count = document.pageCount()
    for index in range(count):
        if before_page:
            before_page(index, count)
        if index:
            printer.newPage()
        points = document.pagePointSize(index)
        image = document.render(index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
        painter.drawImage(QRectF(target), image)


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print one PDF on `printer`; returns the number of pages."""
    document, _buffer = load_pdf(pdf)
    match_paper(printer, document)
    painter = QPainter()
    if not painter.begin(printer):
        raise SlipdeskError(_tr("The printer could not be started."))
    try:
        paint_pages(document, printer, painter)
    finally:
        painter.end()
    return document.pageCount()


class PreviewDialog(QDialog):
    """The printout as it will come out, with Print… and Save as PDF…."""

    printed = Signal(str)  # where it went: "printer" or "pdf"

    def __init__(self, printout: Printout, slip_id: int, user: User | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.printout, self.slip_id, self.user = printout, slip_id, user
        self._document, self._buffer = load_pdf(printout.pdf, self)
        self._view = QPdfView(self)
        self._view.setDocument(self._document)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._notice = QLabel(self)
        self._notice.setWordWrap(True)
        self._buttons = QDialogButtonBox(self)
        self._print = self._buttons.addButton(_tr("&Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self._save = self._buttons.addButton(_tr("Save as &PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self._close = self._buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self._notice)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._buttons)
        remember(self, "print_preview", default_size=(760, 900))
        self._connect_signals()
        self.translate_ui()

    def _connect_signals(self) -> None:
        self._print.clicked.connect(self._on_print)
        self._save.clicked.connect(self._on_save)
        self._close.clicked.connect(self.reject)

    def translate_ui(self) -> None:
        self.setWindowTitle(_tr("Print preview — {title}").format(title=self.printout.title()))
        self._view.setAccessibleName(_tr("Print preview"))
        notices = []
        if self.printout.draft:
            notices.append(_tr("This letter prints as a DRAFT: the person in charge has not approved its text."))
        if self.printout.font_warning:
            notices.append(self.printout.font_warning)
        self._notice.setText("\n".join(notices))
        self._notice.setVisible(bool(notices))

    @property
    def page_count(self) -> int:
        return self._document.pageCount()

    def print_to(self, printer: QPrinter) -> None:
        print_pdf(self.printout.pdf, printer)
        self._log("printer")

    def save_to(self, path: str | Path) -> None:
        path = Path(path)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        path.write_bytes(self.printout.pdf)
        self._log("pdf")

    def _log(self, to: str) -> None:
        record_print(Slip.get_by_id(self.slip_id), self.user, self.printout, to=to)
        self.printed.emit(to)

    def _on_print(self) -> None:
        printer = asking.printer(self)
        if printer is not None:
            self._guarded(lambda: self.print_to(printer), _tr("Printing failed"))

    def _on_save(self) -> None:
        path = asking.pdf_path(self, self.printout.filename)
        if path:
            self._guarded(lambda: self.save_to(path), _tr("Saving the PDF failed"))

    def _guarded(self, action: Callable[[], None], title: str) -> None:
        try:
            action()
        except (SlipdeskError, OSError) as err:
            asking.warn(self, title, str(err))
        except Exception:  # noqa: BLE001 - the clerk gets a sentence, the log the traceback
            log.exception("printing slip %s failed", self.slip_id)
            asking.warn(self, title, _tr("Something went wrong; the details are in the log file."))


def print_document(parent: QWidget | None, kind: str, slip_id: int, lang: str | None = None, user: User | None = None,
                   **options) -> PreviewDialog | None:
    """Open the print preview of one printout of a slip (options: body=, size= as for `make`)."""
    slip = Slip.get_or_none(Slip.id == slip_id)
    if slip is None:
        asking.warn(parent, _tr("Cannot print"), _tr("The slip no longer exists."))
        return None
    try:
        try:
            printout = make(kind, slip, lang, **options)
        except LetterheadMissing:  # a new estate's first printout: a manager gives the letterhead now
            if not ensure_letterhead(user, i18n.language(), parent):
                return None
            printout = make(kind, slip, lang, **options)
        dialog = PreviewDialog(printout, slip_id, user, parent)
    except SlipdeskError as err:
        asking.warn(parent, _tr("Cannot print"), str(err))
        return None
    except Exception:  # noqa: BLE001
        log.exception("making printout %s of slip %s failed", kind, slip_id)
        asking.warn(parent, _tr("Cannot print"), _tr("Something went wrong; the details are in the log file."))
        return None
    dialog.open()
    return dialog


def batch_task(slip_ids: list[int], printer: QPrinter, lang: str | None = None, user: User | None = None) -> tasks.Task:
    """The handling slips of many slips printed as ONE print job, as a task not yet started; it
    returns how many slips were printed and logged.

    Three stages: the slips laid out as one PDF (progress per slip), its pages sent to the
    printer (progress per page), every slip's print logged in one transaction. A cancel before
    the pages are all sent aborts the printer's job and logs nothing; once they are, the batch
    is printed and is logged whole.
    """
    slip_ids = list(dict.fromkeys(slip_ids))
    count = len(slip_ids)

    def work(progress: tasks.Progress) -> int:
        painter = QPainter()
        try:
            progress.report(0, 2 * count)  # each slip laid out, then each page sent
            progress.stage(counted(count, _tr("Laying out %1 slip…"), _tr("Laying out %1 slips…")))
            batch = make_batch(slip_ids, lang, on_slip=lambda done: progress.report(done, 2 * count))
            document, _buffer = load_pdf(batch.pdf)
            progress.stage(counted(document.pageCount(), _tr("Sending %1 page to the printer…"),
                                   _tr("Sending %1 pages to the printer…")))
            match_paper(printer, document)
            if not painter.begin(printer):
                raise SlipdeskError(_tr("The printer could not be started."))
            paint_pages(document, printer, painter,
                        before_page=lambda index, pages: progress.report(count + count * index // pages, 2 * count))
            progress.check()
            painter.end()  # the job is complete: from here it is printed, and logged whole
            progress.say(_tr("Logging the prints on the slips…"))
            return log_batch(batch, user, to="printer")
        except tasks.Cancelled:
            if painter.isActive():
                printer.abort()
            raise
        finally:
            if painter.isActive():
                painter.end()

    # no sentence of its own for a file that fails: whatever failed, nothing was logged
    failed = _tr("Batch printing failed; nothing was logged. The details are in the log file.")
    return tasks.Task(work, what=f"batch print of {count} slips", file_error=failed, other_error=failed)


def batch_print(parent: QWidget | None, slip_ids: list[int], lang: str | None = None, user: User | None = None,
                printer: QPrinter | None = None) -> tasks.Task | None:
    """Ask for a printer (unless given), then print the slips' handling slips as one job behind
    a progress dialog; a failure is told in a message."""
    if not slip_ids or not ensure_letterhead(user, i18n.language(), parent):
        return None
    if printer is None:
        printer = asking.printer(parent)
        if printer is None:
            return None
    task = batch_task(slip_ids, printer, lang, user)
    dialog = tasks.progress_dialog(task, _tr("Batch print"),
                                   counted(len(set(slip_ids)), _tr("Printing %1 slip…"), _tr("Printing %1 slips…")),
                                   parent)
    dialog.setMinimumDuration(0)  # shown at once: the clerk pressed Print and waits on the printer
    task.failed.connect(lambda message: asking.warn(parent, _tr("Batch print"), message))
    task.start()
    return task
