"""Importing the resident directory through the dialog: a clean file lands whole; a broken one is
reported row by row and lands not at all; a cancelled import leaves the directory as it was."""
from __future__ import annotations

import csv
import hashlib

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.intake.directory_import import ImportDialog
from desktop.shell.session import Session
from forms import asking
from models import residents_io
from models.audit import AuditEvent
from models.directory import Resident, Unit, add_resident

GOOD = [["楼栋", "单元", "房号", "姓名", "称呼", "手机"],
        [3, 2, 1201, "张三", "先生", "13812345678"],
        [3, 2, 1202, "李四", "女士", "021-58881234"],
        [5, 1, 302, "王五", "", ""]]


def xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def fingerprint() -> str:
    rows = list(Resident.select(Resident.name, Resident.phone, Resident.unit).order_by(Resident.id).tuples())
    return hashlib.sha256(repr((rows, Unit.select().count())).encode()).hexdigest()


@pytest.fixture
def open_dialog(qtbot, sqlite_db, users):
    def _open(role: str = "manager") -> ImportDialog:
        desk = Session(lang="en")
        desk.sign_in(users[role])
        dialog = ImportDialog(desk)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return _open


def load(qtbot, dialog: ImportDialog, path):
    with qtbot.waitSignal(dialog.checked, timeout=20000) as checked:
        dialog.load(path)
    qtbot.waitUntil(lambda: dialog.task is None)  # the worker has ended: the dialog is ready again
    return checked.args[0]


def test_a_clean_workbook_is_previewed_mapped_and_imported_whole(qtbot, open_dialog, tmp_path):
    add_resident("张三", "3-2-1201", phone="13800000000")  # moved number: updated, not duplicated
    dialog = open_dialog()
    plan = load(qtbot, dialog, xlsx(tmp_path / "住户.xlsx", GOOD))
    assert plan.ok and len(plan.records) == 3
    assert dialog.preview.rowCount() == 3 and dialog.preview.columnCount() == 6
    assert dialog.preview.item(0, 3).text() == "张三"
    assert dialog.mapping() == {"building": "楼栋", "entrance": "单元", "room": "房号", "name": "姓名",
                                "title": "称呼", "phone": "手机"}
    assert dialog.report.rowCount() == 0 and dialog.import_button.isEnabled()
    assert not dialog.copy_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20000) as imported:
        dialog.import_button.click()
    assert imported.args[0] == {"units": 2, "added": 2, "updated": 1}
    assert "2 units created, 2 residents added, 1 resident updated" in dialog.summary.text()
    assert Resident.get(Resident.name == "张三").phone == "13812345678" and Resident.select().count() == 3
    assert AuditEvent.get(AuditEvent.action == "directory_import").details["source"] == "住户.xlsx"
    qtbot.waitUntil(lambda: dialog.task is None)
    assert not dialog.import_button.isEnabled()  # the same rows are not imported twice by accident


def test_a_broken_csv_is_reported_row_by_row_and_imports_nothing(qtbot, open_dialog, tmp_path, monkeypatch):
    add_resident("老住户", "1-1-101")
    before = fingerprint()
    path = tmp_path / "broken.csv"
    path.write_text("房号,姓名,称呼,电话\n3-2-1201,张三,先生,13812345678\nlobby,李四,女士,138\n"
                    "5-1-302,,大人,\n", encoding="utf-8")
    dialog = open_dialog()
    plan = load(qtbot, dialog, path)
    shown = [[dialog.report.item(r, c).text() for c in range(3)] for r in range(dialog.report.rowCount())]
    assert shown == [["3", "房号", "“lobby” is not a unit (building-entrance-room, e.g. 3-2-1201)"],
                     ["3", "电话", "“138” is not a phone number"],
                     ["4", "姓名", "Enter the complainant's name (a surname is enough)."],
                     ["4", "称呼", "write 先生 or 女士 (or leave it empty)"]]
    assert len(plan.records) == 1 and not dialog.import_button.isEnabled()
    assert "4 problems in 2 rows" in dialog.summary.text()
    assert dialog.start_import() is None  # even asked directly, nothing goes in
    assert fingerprint() == before
    dialog.copy_report()
    assert QApplication.clipboard().text().splitlines()[1] == shown[0][0] + "\t" + shown[0][1] + "\t" + shown[0][2]
    monkeypatch.setattr(asking, "report_path", lambda parent, suggested: str(tmp_path / suggested))
    saved = dialog.save_report()
    assert saved.name == "broken-problems.csv"
    with open(saved, encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle)) == [["Row", "Column", "Problem"], *shown]


def test_unusual_headings_are_mapped_by_hand_with_the_problem_beside_the_combo(qtbot, open_dialog, tmp_path):
    dialog = open_dialog()
    plan = load(qtbot, dialog, xlsx(tmp_path / "flats.xlsx", [["Flat", "Resident"], ["3-2-1201", "张三"]]))
    assert not plan.ok and dialog.mapping() == {}
    assert dialog.mapping_rows["name"].message == "map a column to the resident's name"
    assert dialog.mapping_rows["unit"].message.startswith("map a unit column")
    with qtbot.waitSignal(dialog.checked, timeout=20000) as checked:
        dialog.set_mapping("unit", "Flat")
        dialog.set_mapping("name", "Resident")
    qtbot.waitUntil(lambda: dialog.task is None)
    assert checked.args[0].ok and dialog.mapping_rows["name"].message == ""
    assert dialog.import_button.isEnabled()


def test_an_unreadable_file_is_refused_with_its_reason(qtbot, open_dialog, tmp_path):
    path = tmp_path / "residents.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    dialog = open_dialog()
    with qtbot.waitSignal(dialog.refused, timeout=20000) as refused:
        dialog.load(path)
    assert "not a readable Excel workbook" in refused.args[0] and dialog.summary.text() == refused.args[0]
    assert not dialog.import_button.isEnabled()


def test_a_cancelled_import_leaves_the_directory_as_it_was(qtbot, open_dialog, tmp_path):
    rows = [["房号", "姓名"]] + [[f"3-2-{1000 + i}", f"住户{i}"] for i in range(residents_io.PROGRESS_EVERY * 3)]
    dialog = open_dialog()
    load(qtbot, dialog, xlsx(tmp_path / "big.xlsx", rows))
    before = fingerprint()
    with qtbot.waitSignal(dialog.refused, timeout=20000) as refused:
        task = dialog.start_import()
        task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel button
    assert refused.args[0] == "Stopped. Nothing was imported."
    qtbot.waitUntil(lambda: dialog.task is None)
    assert fingerprint() == before
    assert not AuditEvent.select().where(AuditEvent.action == "directory_import").exists()


def test_only_a_manager_imports_and_the_clerk_is_told_why(qtbot, open_dialog, tmp_path):
    dialog = open_dialog("clerk")
    load(qtbot, dialog, xlsx(tmp_path / "r.xlsx", GOOD))
    with qtbot.waitSignal(dialog.refused, timeout=20000) as refused:
        dialog.import_button.click()
    assert refused.args[0] == "Only a manager may import the resident directory."
    qtbot.waitUntil(lambda: dialog.task is None)
    assert Resident.select().count() == 0
