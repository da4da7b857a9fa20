"""The resident directory page: find a resident, add a new tenant with problems beside the fields,
correct a number, remove someone who moved out; a clerk only looks."""
from __future__ import annotations

import pytest

from desktop.intake.directory_page import DirectoryPage
from desktop.shell.session import Session
from forms import asking
from models.audit import AuditEvent
from models.directory import Resident, add_resident


@pytest.fixture
def page(qtbot, sqlite_db, users):
    add_resident("张三", "3-2-1201", phone="13812345678")
    add_resident("李四", "5-1-302", title="ms")

    def _open(role: str = "supervisor") -> DirectoryPage:
        desk = Session(lang="en")
        desk.sign_in(users[role])
        shown = DirectoryPage(desk)
        qtbot.addWidget(shown)
        shown.show()
        return shown
    return _open


def listed(page: DirectoryPage) -> list[tuple[str, str]]:
    return [(page.table.item(r, 0).text(), page.table.item(r, 1).text()) for r in range(page.table.rowCount())]


def test_residents_are_found_by_initials_phone_or_unit(qtbot, page):
    shown = page()
    assert listed(shown) == [("3-2-1201", "张三"), ("5-1-302", "李四")]
    assert shown.count_label.text() == "2 residents"
    for typed, expected in (("ls", [("5-1-302", "李四")]), ("5678", [("3-2-1201", "张三")]),
                            ("3-2", [("3-2-1201", "张三")])):
        shown.search.setText(typed)
        shown.refresh()
        assert listed(shown) == expected
    assert shown.count_label.text() == "1 found of 2"


def test_a_new_tenant_with_mistakes_keeps_what_was_typed_then_saves(qtbot, page):
    shown = page()
    shown.new_button.click()
    shown.editors["unit_code"].setText("lobby")
    shown.editors["name"].setText("王五")
    shown.editors["phone"].setText("138")
    assert shown.save() is None
    assert "“lobby” is not a unit" in shown.rows["unit_code"].message
    assert shown.rows["phone"].message.startswith("Not a phone number")
    assert shown.rows["name"].message == "" and shown.editors["name"].text() == "王五"
    assert Resident.select().count() == 2
    shown.editors["unit_code"].setText("7栋1单元101")
    assert shown.rows["unit_code"].message == ""  # the message goes as soon as the field is edited
    shown.editors["phone"].setText("13912345678")
    saved = shown.save()
    assert saved.unit.code == "7-1-101" and shown.message.text() == "Saved."
    assert ("7-1-101", "王五") in listed(shown)
    assert shown.table.item(shown.table.currentRow(), 1).text() == "王五"
    assert AuditEvent.get(AuditEvent.action == "resident_added").details["name"] == "王五"


def test_a_changed_number_is_corrected_and_a_moved_out_resident_removed(qtbot, page, monkeypatch):
    shown = page()
    shown.table.selectRow(0)
    assert shown.editors["name"].text() == "张三" and shown.editor_box.title() == "张三"
    shown.editors["phone"].setText("13987654321")
    shown.save()
    assert Resident.get(Resident.name == "张三").phone == "13987654321"
    monkeypatch.setattr(asking, "remove_resident", lambda parent, name: name == "张三")
    shown.remove_button.click()
    assert listed(shown) == [("5-1-302", "李四")]
    assert [e.action for e in AuditEvent.select().where(AuditEvent.action.startswith("resident_")).order_by(
        AuditEvent.id)] == ["resident_changed", "resident_removed"]


def test_a_clerk_looks_residents_up_but_cannot_change_them(qtbot, page):
    shown = page("clerk")
    shown.table.selectRow(1)
    assert shown.editors["name"].text() == "李四" and not shown.editors["name"].isEnabled()
    assert shown.save_button.isHidden() and shown.new_button.isHidden() and shown.import_button.isHidden()
    assert shown.message.text() == "Only a person in charge or a manager changes the directory."


def test_the_manager_opens_the_import_from_the_page(qtbot, page):
    shown = page("manager")
    assert not shown.import_button.isHidden()
    dialog = shown.open_import()
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Import residents"


def a_big_estate(units: int) -> None:
    """`units` units of one resident each (bulk rows: the directory of a large estate)."""
    from models.db import database
    from models.directory import Unit

    with database.atomic():
        rows = [dict(code=f"{9 + i // 400}-1-{i % 400 + 101}", building=9 + i // 400, entrance=1,
                     room=str(i % 400 + 101))
                for i in range(units)]
        Unit.insert_many(rows).execute()
        ids = {u.code: u.id for u in Unit.select(Unit.id, Unit.code)}
        Resident.insert_many([dict(unit=ids[r["code"]], name=f"住户{i:04d}", initials="zh", phone=f"1380000{i:04d}")
                              for i, r in enumerate(rows)]).execute()


def test_the_directory_pages_through_any_number_of_residents(qtbot, page):
    from models import residents

    a_big_estate(1234)
    shown = page()
    assert shown.count_label.text() == "1,236 residents"
    assert shown.table.rowCount() == residents.PAGE  # read a page at a time, not all at once
    bar = shown.table.verticalScrollBar()
    while shown.table.rowCount() < 1236:  # scrolled to the end, page after page
        before = shown.table.rowCount()
        qtbot.wait(10)  # the view lays out the rows read and extends its scroll bar
        bar.setValue(bar.maximum())
        assert shown.table.rowCount() > before
    assert len({shown.table.item(r, 1).text() for r in range(shown.table.rowCount())}) == 1236  # none twice
    assert listed(shown)[-1][1] == "住户1233"
    shown.search.setText("住户")
    shown.refresh()
    assert shown.count_label.text() == "1,234 found of 1,236" and shown.table.rowCount() >= residents.PAGE


def test_a_resident_beyond_the_first_page_is_found_and_selected(qtbot, page):
    a_big_estate(1234)
    shown = page()
    last = Resident.get(Resident.name == "住户1233")
    assert shown.select(last.id)
    assert shown.table.item(shown.table.currentRow(), 1).text() == "住户1233"
    shown.table.setCurrentCell(shown.table.rowCount() - 1, 0)  # End: the cursor on the last row read
    assert shown.table.rowCount() == 1236
