"""Exporting the slip list through its dialog: the filtered slips land in the file and read back
(XLSX with openpyxl, CSV with csv); personal data only for a manager, refused beside its box for
anyone else; a cancelled export leaves no file."""
from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QPushButton

from desktop.slips.list_page import SlipsPage
from desktop.shell.session import Session
from models import demo, queries
from models.audit import AuditEvent
from models.queries import SlipFilter
from models.slips import Slip
from models.vocab import Channel

SLIPS = 300


@pytest.fixture
def slips_page(qtbot, sqlite_db, users, frozen_now):
    demo.generate_slips(SLIPS, seed=3, days=30)

    def _open(role: str = "supervisor") -> SlipsPage:
        desk = Session(lang="en")
        desk.sign_in(users[role])
        page = SlipsPage(desk)
        qtbot.addWidget(page)
        page.show()
        return page
    return _open


def export_through(qtbot, page: SlipsPage, path, personal: bool = False):
    dialog = page.export()
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    dialog.personal.setChecked(personal)
    return dialog


def test_the_phone_slips_listed_are_exported_to_a_workbook_that_reads_back(qtbot, slips_page, tmp_path):
    page = slips_page()
    page.channel.setCurrentIndex(page.channel.findData(Channel.PHONE))
    expected = list(Slip.select(Slip.number).where(Slip.channel == Channel.PHONE).order_by(Slip.id.desc()).tuples())
    dialog = export_through(qtbot, page, tmp_path / "phone-slips")  # no suffix: the format chosen adds it
    assert dialog.filter.channels == (Channel.PHONE,) and "channel" in dialog.findChild(type(dialog.result)).text()
    with qtbot.waitSignal(dialog.exported, timeout=30000) as exported:
        dialog.export_button.click()
    path, rows = exported.args
    assert path.endswith("phone-slips.xlsx") and rows == len(expected) > 0
    book = load_workbook(path, read_only=True)
    table = list(book.active.iter_rows(values_only=True))
    book.close()
    assert table[0][:4] == ("Slip number", "Received", "Channel", "Status") and "Phone" not in table[0]
    assert [(row[0],) for row in table[1:]] == expected
    assert {row[2] for row in table[1:]} == {"Phone"}
    assert f"{rows} slips written to" in dialog.result.text() and dialog.open_button.isVisible()
    assert AuditEvent.get(AuditEvent.action == "export").details["rows"] == rows


def test_a_manager_exports_phones_and_addresses_to_csv_and_it_is_audited(qtbot, slips_page, tmp_path):
    page = slips_page("manager")
    page.overdue.setChecked(True)
    dialog = export_through(qtbot, page, tmp_path / "overdue.csv", personal=True)
    assert dialog.format.currentData() == "csv"
    with qtbot.waitSignal(dialog.exported, timeout=30000) as exported:
        dialog.start_export()
    with open(exported.args[0], encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert "Phone" in table[0] and "Address" in table[0]
    assert len(table) - 1 == exported.args[1] == queries.count(SlipFilter(overdue=True))
    numbers = {row[0] for row in table[1:]}
    assert numbers == {s.number for s in Slip.select() if s.is_overdue()}
    assert AuditEvent.get(AuditEvent.action == "export_personal").details["filter"] == {"overdue": True}


def test_a_clerk_asking_for_personal_data_is_refused_beside_the_box(qtbot, slips_page, tmp_path):
    page = slips_page("clerk")
    dialog = export_through(qtbot, page, tmp_path / "all.xlsx", personal=True)
    with qtbot.waitSignal(dialog.refused, timeout=30000):
        dialog.export_button.click()
    assert dialog.personal_row.message.startswith("Only a manager may export personal data")
    assert not (tmp_path / "all.xlsx").exists() and not AuditEvent.select().where(
        AuditEvent.action.startswith("export")).exists()
    qtbot.waitUntil(lambda: dialog.task is None)
    dialog.personal.setChecked(False)
    assert dialog.personal_row.message == ""
    with qtbot.waitSignal(dialog.refused, timeout=30000) as refused:  # names too: the review's policy
        dialog.export_button.click()
    assert refused.args[0].startswith("Only a supervisor or manager may export complainants' names")
    assert not (tmp_path / "all.xlsx").exists()


def test_a_cancelled_export_leaves_no_file(qtbot, slips_page, tmp_path):
    page = slips_page()
    dialog = export_through(qtbot, page, tmp_path / "everything.csv")
    with qtbot.waitSignal(dialog.refused, timeout=30000) as refused:
        task = dialog.start_export()
        task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    assert refused.args[0] == "Export cancelled; no file was written."
    qtbot.waitUntil(lambda: dialog.task is None)
    assert not (tmp_path / "everything.csv").exists()
