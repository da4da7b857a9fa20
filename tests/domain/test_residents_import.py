"""Importing the resident directory: good files land whole, broken files land not at all."""
from __future__ import annotations

import hashlib

import pytest
from openpyxl import Workbook

from desktop.commands.admin import main as admin
from models import residents_io
from models.accounts import create_user
from models.audit import AuditEvent
from models.directory import Resident, Unit
from models.errors import PermissionDenied
from models.vocab import Role

GOOD_ROWS = [
    ["楼栋", "单元", "房号", "姓名", "称呼", "手机"],
    [3, 2, 1201, "张三", "先生", "13812345678"],
    [3, 2, 1202, "李四", "女士", "021-58881234"],
    [5, 1, 302, "王五", "", ""],
]


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _fingerprint():
    rows = list(Resident.select(Resident.name, Resident.phone).order_by(Resident.id).tuples())
    return hashlib.sha256(repr((rows, Unit.select().count())).encode()).hexdigest()


def test_xlsx_with_separate_columns_is_mapped_and_imported(db, users, tmp_path):
    table = residents_io.read_table(_xlsx(tmp_path / "residents.xlsx", GOOD_ROWS))
    mapping = residents_io.guess_mapping(table.headers)
    assert mapping == {"building": "楼栋", "entrance": "单元", "room": "房号", "name": "姓名",
                       "title": "称呼", "phone": "手机"}
    plan = residents_io.plan(table, mapping)
    assert plan.ok and plan.records[0] == {"unit": "3-2-1201", "name": "张三", "title": "mr",
                                           "phone": "13812345678", "phone2": "", "email": ""}
    assert residents_io.apply(plan, users["manager"]) == {"units": 3, "added": 3, "updated": 0}
    assert Resident.get(Resident.name == "张三").initials == "zs"
    # importing again updates instead of duplicating
    assert residents_io.apply(plan, users["manager"]) == {"units": 0, "added": 0, "updated": 0}
    assert AuditEvent.select().where(AuditEvent.action == "directory_import").count() == 2


def test_gb18030_csv_with_combined_unit_column(db, users, tmp_path):
    path = tmp_path / "住户.csv"
    path.write_bytes("房号,业主姓名,联系电话\n3栋2单元1201,张三,13812345678\n".encode("gb18030"))
    plan = residents_io.plan(table := residents_io.read_table(path), residents_io.guess_mapping(table.headers))
    assert plan.ok and plan.records[0]["unit"] == "3-2-1201"


def test_broken_rows_are_reported_each_and_nothing_is_imported(db, users, tmp_path):
    rows = GOOD_ROWS + [["x", 1, 101, "赵六", "先生", "138"], [4, 1, 101, "", "大人", "13812345678"]]
    table = residents_io.read_table(_xlsx(tmp_path / "broken.xlsx", rows))
    plan = residents_io.plan(table, residents_io.guess_mapping(table.headers))
    assert [(e.row, e.column) for e in plan.errors] == [(5, "楼栋/单元/房号"), (5, "手机"), (6, "姓名"), (6, "称呼")]
    before = _fingerprint()
    with pytest.raises(residents_io.ImportRefused):
        residents_io.apply(plan, users["manager"])
    assert _fingerprint() == before


def test_only_a_manager_imports(db, users, tmp_path):
    table = residents_io.read_table(_xlsx(tmp_path / "r.xlsx", GOOD_ROWS))
    plan = residents_io.plan(table, residents_io.guess_mapping(table.headers))
    with pytest.raises(PermissionDenied):
        residents_io.apply(plan, users["clerk"])
    assert Resident.select().count() == 0


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"PK\x03\x04garbage", "not a readable Excel workbook"), (b"\xff\xfe\x81\x30bin", "neither UTF-8"), (b"a,b\n\x00\x00,c", "binary"),
])
def test_unreadable_files_are_refused_with_a_reason(db, tmp_path, content, message):
    suffix = ".xlsx" if content.startswith(b"PK") else ".csv"
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(residents_io.ImportRefused, match=message):
        residents_io.read_table(path)


def test_import_command_reports_rows_and_leaves_the_database_alone(tmp_path, capsys):
    db_path = tmp_path / "desk.db"
    broken = _xlsx(tmp_path / "broken.xlsx", GOOD_ROWS + [[3, 2, 1203, "钱七", "先生", "12"]])
    from models.connection import close_database, open_database

    open_database(db_path)
    create_user("boss", "王经理", "password1", Role.MANAGER, actor=None)
    close_database()
    assert admin(["import", str(broken), "--db", str(db_path)]) == 2
    out = capsys.readouterr().out
    assert "row 5, 手机: “12” is not a phone number" in out and "nothing imported" in out
    good = _xlsx(tmp_path / "good.xlsx", GOOD_ROWS)
    assert admin(["import", str(good), "--db", str(db_path), "--dry-run"]) == 0
    assert admin(["import", str(good), "--db", str(db_path)]) == 0
    assert "3 residents added" in capsys.readouterr().out
    close_database()
