"""Exporting the filtered slips: round trips through XLSX and CSV; personal data for managers only."""
from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from models import demo, exports
from models.audit import AuditEvent
from models.errors import PermissionDenied
from models.queries import SlipFilter, count
from models.slips import Slip
from tests.support.slips import recorded_change


@pytest.fixture
def demo_slips(db, users):
    demo.generate_slips(120, seed=11)


def _expected(flt: SlipFilter) -> list[str]:
    from models.queries import matching

    return [s.number for s in matching(flt, Slip.number, Slip.id).order_by(Slip.id.desc())]


def test_csv_round_trip_with_a_filter(demo_slips, users, tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "BATCH", 7)  # several keyset pages
    flt = SlipFilter(channels=("phone",))
    path = tmp_path / "phone.csv"
    written = exports.export(flt, path, users["supervisor"])
    with open(path, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:3] == ["处理单号", "受理时间", "投诉方式"] and "联系电话" not in table[0]
    assert written == count(flt) == len(table) - 1
    assert [row[0] for row in table[1:]] == _expected(flt)
    assert {row[2] for row in table[1:]} == {"电话投诉"}
    stored = Slip.get(Slip.number == table[1][0])
    assert table[1][8] == stored.complaint


def read_xlsx(path) -> list[list]:
    """The first sheet's rows; a read-only workbook holds its file open until closed."""
    book = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in book.active.iter_rows(values_only=True)]
    finally:
        book.close()


def test_xlsx_round_trip_in_english(demo_slips, users, tmp_path):
    flt = SlipFilter(buildings=(3,))
    path = tmp_path / "b3.xlsx"
    written = exports.export(flt, path, users["supervisor"], lang="en")
    table = read_xlsx(path)
    assert table[0][0] == "Slip number" and written == len(table) - 1
    assert [row[0] for row in table[1:]] == _expected(flt)
    assert all(row[6].startswith("3-") for row in table[1:])


def test_personal_data_needs_a_manager_and_is_logged(demo_slips, users, tmp_path):
    with pytest.raises(PermissionDenied):
        exports.export(SlipFilter(), tmp_path / "all.xlsx", users["supervisor"], personal=True)
    assert not (tmp_path / "all.xlsx").exists()
    written = exports.export(SlipFilter(), tmp_path / "all.csv", users["manager"], personal=True)
    with open(tmp_path / "all.csv", encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert "联系电话" in header and "地址" in header
    (event,) = AuditEvent.select().where(AuditEvent.action == "export_personal")
    assert event.user_id == users["manager"].id and event.details["rows"] == written == 120


def test_cancelled_export_leaves_no_file(demo_slips, users, tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 10)
    path = tmp_path / "cut.csv"
    with pytest.raises(exports.ExportRefused):
        exports.export(SlipFilter(), path, users["supervisor"], progress=lambda done: False)
    assert not path.exists()


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"点击\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_complaint_that_looks_like_a_formula_is_exported_as_text(db, users, tmp_path, suffix):
    demo.generate_slips(len(FORMULAS) + 1, seed=5)
    slips = list(Slip.select().order_by(Slip.id.desc()))
    for slip, text in zip(slips, FORMULAS):
        recorded_change(slip, users["clerk"], complaint=text)
    plain = slips[-1].complaint
    path = tmp_path / f"formulas{suffix}"
    exports.export(SlipFilter(), path, users["supervisor"])
    if suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as handle:
            table = list(csv.reader(handle))
    else:  # XML reads a carriage return back as a line feed
        table = [[v.replace("\n", "\r") if isinstance(v, str) else v for v in row] for row in read_xlsx(path)]
    column = table[0].index("投诉内容")
    cells = [row[column] for row in table[1:]]
    assert cells == ["'" + text for text in FORMULAS] + [plain]  # a quote in front: shown, never run
    assert [cell[1:] for cell in cells[:-1]] == FORMULAS  # the documented round trip: drop the quote
    assert not plain.startswith(exports.FORMULA_STARTS)
