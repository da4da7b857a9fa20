"""Whatever file a manager picks for the resident import gets a clear message or a correct import:
never a crash, and a refused file leaves the directory exactly as it was.

Hypothesis writes CSV and XLSX files from rows of overlong text, control characters, emoji, mixed
scripts, SQL metacharacters and impossible dates under right, wrong and missing headings, then
truncates or damages some of them, and pushes each through read_table / plan / apply and through
`slipdesk-admin import`. Workbooks with one damaged part inside the zip are tried one by one.
"""
from __future__ import annotations

import csv
import hashlib
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop.commands.admin import main as admin
from models import residents_io
from models.accounts import create_user
from models.directory import Resident, Unit
from models.connection import close_database, open_database
from models.vocab import Role

HEADINGS = ["房号", "楼栋", "单元", "室", "姓名", "称呼", "电话", "备用电话", "邮箱", "unit", "name", "phone",
            "备注", "", "姓名 ", "'; DROP TABLE resident; --"]
GOOD = ["3-2-1201", "3栋2单元1201", "张三", "李四", "欧阳" + "娜" * 30, "先生", "女士", "13812345678", "010-62345678",
        "zhang@example.com", "5-1-302"]
NASTY = ["'", '"', ";", "--", "' OR 1=1 --", "DROP TABLE unit;", "%", "_", "\\", "\x00", "\x07", "\x1b[31m",
         "\u202e", "\ufeff", "\r\n", "\t", "😀", "👨‍👩‍👧", "𠀀", "Ωμέγα", "مرحبا", "Зоя", "2026-02-30", "0000-00-00",
         "31/02/2026", "=CMD()", "1e309", "-0", "NaN"]
cell = st.one_of(
    st.sampled_from(GOOD),
    st.lists(st.sampled_from(GOOD + NASTY), min_size=1, max_size=6).map("".join),
    st.text(max_size=40),
    st.builds(lambda s, n: (s or "噪") * n, st.text(max_size=3), st.integers(60, 5000)),
    st.just("长" * 100_000),
)
rows = st.lists(st.lists(cell, max_size=7), max_size=8)
headers = st.one_of(st.just(["房号", "姓名", "称呼", "电话"]), st.lists(st.sampled_from(HEADINGS), max_size=7),
                    st.lists(cell, max_size=5))
# How a file gets damaged on its way: not at all, cut off, or bytes overwritten somewhere.
damage = st.one_of(st.none(), st.tuples(st.just("cut"), st.floats(0, 1)),
                   st.tuples(st.just("overwrite"), st.floats(0, 1), st.binary(min_size=1, max_size=16)))
SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck))


def csv_bytes(head: list[str], body: list[list[str]], encoding: str) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([head, *body])
    return out.getvalue().encode(encoding, errors="replace")


def xlsx_bytes(head: list[str], body: list[list[str]]) -> bytes:
    book = Workbook()
    for row in [head, *body]:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", value)[:32767] for value in row])  # as Excel can hold
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def damaged(data: bytes, how) -> bytes:
    if how is None:
        return data
    if how[0] == "cut":
        return data[: int(len(data) * how[1])]
    at = int(len(data) * how[1])
    return data[:at] + how[2] + data[at + len(how[2]):]


def directory() -> str:
    units = list(Unit.select(Unit.code, Unit.room).order_by(Unit.id).tuples())
    people = list(Resident.select(Resident.unit, Resident.name, Resident.title, Resident.phone, Resident.phone2,
                                  Resident.email).order_by(Resident.id).tuples())
    return hashlib.sha256(repr((units, people)).encode()).hexdigest()


@pytest.fixture
def manager(db, users):
    """A directory with residents already in it: what a refused import must leave alone."""
    table = residents_io.Table(["房号", "姓名", "电话"], [["3-2-1201", "张三", "13812345678"], ["5-1-302", "王芳", ""]])
    residents_io.apply(residents_io.plan(table, residents_io.guess_mapping(table.headers)), users["manager"])
    return users["manager"]


def import_file(path, user) -> None:
    """One file through the import as the screen drives it: refused, or imported and stored."""
    before = directory()
    try:
        table = residents_io.read_table(path)
    except residents_io.ImportRefused as refused:
        assert str(refused)
        assert directory() == before
        return
    import_plan = residents_io.plan(table, residents_io.guess_mapping(table.headers))
    if not import_plan.ok:
        assert all(str(error) for error in import_plan.errors)
        with pytest.raises(residents_io.ImportRefused):
            residents_io.apply(import_plan, user)
        assert directory() == before
        return
    residents_io.apply(import_plan, user)
    stored = {(r.unit.code, r.name): r for r in Resident.select().join(Unit)}
    last = {(record["unit"], record["name"]): record for record in import_plan.records}
    for key, record in last.items():
        resident = stored[key]
        assert (resident.title, resident.phone, resident.phone2, resident.email) == (
            record["title"], record["phone"], record["phone2"], record["email"])


@settings(max_examples=150, **SETTINGS)
@given(head=headers, body=rows, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
       how=damage)
def test_any_csv_is_refused_clearly_or_imported_correctly(manager, tmp_path_factory, head, body, encoding, how):
    path = tmp_path_factory.mktemp("csv") / "residents.csv"
    path.write_bytes(damaged(csv_bytes(head, body, encoding), how))
    import_file(path, manager)


@settings(max_examples=60, **SETTINGS)
@given(head=headers, body=rows, how=damage)
def test_any_workbook_is_refused_clearly_or_imported_correctly(manager, tmp_path_factory, head, body, how):
    path = tmp_path_factory.mktemp("xlsx") / "residents.xlsx"
    path.write_bytes(damaged(xlsx_bytes(head, body), how))
    import_file(path, manager)


def good_workbook() -> bytes:
    return xlsx_bytes(["房号", "姓名", "电话"], [["3-2-1201", "张三", "13812345678"], ["7-1-101", "赵六", ""]])


def with_part(data: bytes, name: str, change) -> bytes:
    """The workbook with one part inside the zip replaced by change(its bytes)."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.namelist():
            content = source.read(item)
            target.writestr(item, change(content) if item == name else content)
    return out.getvalue()


PARTS = ["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml",
         "xl/_rels/workbook.xml.rels", "_rels/.rels"]
BREAKS = {"cut in half": lambda b: b[: len(b) // 2], "not xml": lambda b: b"\x89PNG\r\n\x1a\n" + b[:50],
          "empty": lambda b: b"", "wrong tags": lambda b: b.replace(b"row", b"wor")}


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("breakage", BREAKS)
def test_a_workbook_with_a_damaged_part_is_refused(manager, tmp_path, part, breakage):
    path = tmp_path / "residents.xlsx"
    path.write_bytes(with_part(good_workbook(), part, BREAKS[breakage]))
    before = directory()
    try:
        table = residents_io.read_table(path)
    except residents_io.ImportRefused as refused:
        assert str(refused)
        if breakage == "cut in half":  # broken XML: what used to end in "unexpected error: unclosed token"
            assert "not a readable Excel workbook" in str(refused) and "Nothing was imported" in str(refused)
    else:  # openpyxl reads past some damage (an empty styles part): then the rows must be the right ones
        assert table.rows == [["3-2-1201", "张三", "13812345678"], ["7-1-101", "赵六", ""]]
    assert directory() == before


def test_the_import_command_refuses_broken_xml_inside_the_zip(tmp_path, capsys, monkeypatch):
    db_path = tmp_path / "desk.db"
    open_database(db_path)
    create_user("manager", "王建国", "password1", Role.MANAGER, "M001", actor=None)
    close_database()
    path = tmp_path / "residents.xlsx"
    path.write_bytes(with_part(good_workbook(), "xl/worksheets/sheet1.xml", BREAKS["cut in half"]))
    assert admin(["import", str(path), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err
    assert "residents.xlsx is not a readable Excel workbook" in err and "unexpected error" not in err
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert admin(["import", str(path), "--db", str(db_path)]) == 2
    assert "不是可读取的 Excel 工作簿" in capsys.readouterr().err


def test_a_long_name_imports_on_every_backend(manager):
    """64 characters make a name; their initials do not fit the 16 of their column as they are
    (PostgreSQL refused the whole import with 'value too long'): the first 16 are kept."""
    name = "欧阳" + "娜" * 62
    table = residents_io.Table(["房号", "姓名"], [["9-1-101", name]])
    residents_io.apply(residents_io.plan(table, residents_io.guess_mapping(table.headers)), manager)
    stored = Resident.get(Resident.name == name)
    assert stored.initials == "oy" + "n" * 14


@pytest.fixture
def desk_file(tmp_path):
    """A closed desk file with a manager and two residents: `slipdesk-admin import` opens it itself."""
    path = tmp_path / "desk.db"
    open_database(path)
    manager = create_user("manager", "王建国", "password1", Role.MANAGER, "M001", actor=None)
    table = residents_io.Table(["房号", "姓名"], [["3-2-1201", "张三"], ["5-1-302", "王芳"]])
    residents_io.apply(residents_io.plan(table, residents_io.guess_mapping(table.headers)), manager)
    close_database()
    return path


@settings(max_examples=60, **SETTINGS)
@given(head=headers, body=rows, kind=st.sampled_from(["csv", "xlsx"]), how=damage)
def test_the_import_command_answers_any_file_with_a_message_or_an_import(desk_file, tmp_path_factory, capsys,
                                                                         head, body, kind, how):
    path = tmp_path_factory.mktemp("cli") / f"residents.{kind}"
    made = csv_bytes(head, body, "utf-8") if kind == "csv" else xlsx_bytes(head, body)
    path.write_bytes(damaged(made, how))
    open_database(desk_file)
    before = directory()
    close_database()
    code = admin(["import", str(path), "--db", str(desk_file)])
    captured = capsys.readouterr()
    assert code in (0, 2), captured
    assert "unexpected error" not in captured.err and "Traceback" not in captured.err
    open_database(desk_file)
    try:
        if code == 2:
            assert captured.err.strip() or "nothing imported" in captured.out
            assert directory() == before
        else:
            assert "imported" in captured.out
    finally:
        close_database()
