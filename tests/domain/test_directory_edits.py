"""The directory by hand (add, correct, remove a resident: checked, audited), recent callers for the
phone form, and an import cancelled half-way leaving the directory as it was."""
from __future__ import annotations

import datetime as dt

import pytest

from models import callers, clock, intake, residents, residents_io
from models.audit import AuditEvent
from models.directory import Resident, Unit, add_resident
from models.errors import PermissionDenied, ValidationFailed
from models.residents import ResidentValues
from models.vocab import Channel


def test_a_new_tenant_is_added_with_the_unit_created_and_the_change_audited(db, users):
    resident = residents.save(ResidentValues("3栋2单元1201", "张三", "mr", "138 1234 5678"), users["supervisor"])
    assert (resident.unit.code, resident.phone, resident.initials) == ("3-2-1201", "13812345678", "zs")
    event = AuditEvent.get(AuditEvent.action == "resident_added")
    assert event.details == {"resident": resident.id, "unit": "3-2-1201", "name": "张三"}


def test_every_wrong_field_is_named_and_nothing_is_stored(db, users):
    with pytest.raises(ValidationFailed) as refused:
        residents.save(ResidentValues("lobby", "", "sir", "12", "", "not-an-address"), users["manager"])
    assert set(refused.value.errors) == {"unit_code", "name", "title", "phone", "email"}
    assert "lobby" in refused.value.errors["unit_code"]
    assert Resident.select().count() == 0 and Unit.select().count() == 0


def test_the_same_person_twice_at_one_unit_is_refused(db, users):
    residents.save(ResidentValues("3-2-1201", "张三"), users["manager"])
    with pytest.raises(ValidationFailed) as refused:
        residents.save(ResidentValues("3-2-1201", "张三"), users["manager"])
    assert refused.value.errors == {"name": "张三 is already listed at 3-2-1201."}


def test_a_correction_records_which_fields_changed_and_an_unchanged_save_records_nothing(db, users):
    resident = residents.save(ResidentValues("3-2-1201", "张三", phone="13812345678"), users["manager"])
    residents.save(ResidentValues("3-2-1202", "张三", phone="13987654321"), users["manager"], resident.id)
    residents.save(ResidentValues("3-2-1202", "张三", phone="13987654321"), users["manager"], resident.id)
    changes = list(AuditEvent.select().where(AuditEvent.action == "resident_changed"))
    assert [c.details["fields"] for c in changes] == [["phone", "unit_code"]]
    assert Resident.get_by_id(resident.id).unit.code == "3-2-1202"


def test_a_clerk_looks_up_but_does_not_change_the_directory(db, users):
    add_resident("张三", "3-2-1201", phone="13812345678")
    assert [r.name for r in residents.look_up("zs")] == ["张三"]
    assert [r.name for r in residents.look_up("5678")] == ["张三"]
    assert [r.name for r in residents.look_up("3栋2单元")] == [] and residents.look_up("3-2")[0].name == "张三"
    with pytest.raises(PermissionDenied):
        residents.save(ResidentValues("3-2-1202", "李四"), users["clerk"])
    with pytest.raises(PermissionDenied):
        residents.remove(Resident.get().id, users["clerk"])
    residents.remove(Resident.get().id, users["manager"])
    assert residents.count() == 0 and AuditEvent.get(AuditEvent.action == "resident_removed").details["name"] == "张三"


def test_recent_callers_come_back_by_any_digits_newest_first(db, users, frozen_now, category_id_db):
    def call(number: str, name: str, unit: str, minutes_ago: int) -> None:
        clock.freeze(frozen_now - dt.timedelta(minutes=minutes_ago))
        intake.save(intake.Intake(customer_request="希望尽快处理。", channel=Channel.PHONE, complainant_name=name, unit_code=unit,
                                  caller_number=number, call_time=frozen_now - dt.timedelta(minutes=minutes_ago),
                                  complaint="楼道灯不亮", read_back=True, category_id=category_id_db,
                                  answered_at_once=True, answer_note="已派电工", thanked=True,
                                  override_reason="电工当场修好了"), users["clerk"])  # a repeat caller, settled at once

    call("13812345678", "张三", "3-2-1201", 90)
    call("13812345678", "张三丰", "5-1-302", 30)
    call("021-58881234", "李四", "7-1-101", 60)
    found = callers.recent_callers("138")
    assert [(c.number, c.name, c.unit_code) for c in found] == [("13812345678", "张三丰", "5-1-302")]
    assert [c.name for c in callers.recent_callers("5")] == ["张三丰", "李四"]
    assert callers.recent_callers("abc") == [] and callers.recent_callers("999") == []


def test_an_import_stopped_half_way_leaves_the_directory_as_it_was(db, users):
    add_resident("老住户", "1-1-101")
    rows = [[f"3-2-{1000 + i}", f"住户{i}"] for i in range(residents_io.PROGRESS_EVERY * 2)]
    plan = residents_io.plan(residents_io.Table(["房号", "姓名"], rows), {"unit": "房号", "name": "姓名"})
    seen = []

    def stop_after_first_report(done: int, total: int) -> None:
        seen.append((done, total))
        raise KeyboardInterrupt  # what a cancel raises is the caller's business; any exception rolls back

    with pytest.raises(KeyboardInterrupt):
        residents_io.apply(plan, users["manager"], progress=stop_after_first_report)
    assert seen == [(residents_io.PROGRESS_EVERY, len(rows))]
    assert [r.name for r in Resident.select()] == ["老住户"] and Unit.select().count() == 1
    assert not AuditEvent.select().where(AuditEvent.action == "directory_import").exists()


@pytest.fixture
def category_id_db(db):
    from models.catalog import Category

    return Category.get(Category.code == "lighting").id


def test_a_long_name_keeps_sixteen_initials(db):
    """A 64-character name fits: its initials are cut to the column's 16 letters (PostgreSQL refused)."""
    from models.directory import add_resident, find_residents

    name = "欧阳" + "娜" * 62
    resident = add_resident(name, "3-2-1201")
    assert resident.initials == "oy" + "n" * 14
    assert [r.id for r in find_residents("oynn")] == [resident.id]
