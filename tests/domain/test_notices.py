"""In-app notices: the right people hear of a slip, once, and each marks it read for themselves."""
from __future__ import annotations

import datetime as dt

from models import catalog, intake, notices
from tests.support.slips import department, phone_intake


def test_the_department_hears_of_an_assignment_and_the_person_in_charge_of_a_slip_not_answered_at_once(
        db, users, frozen_now):
    catalog.save_person(users["manager"], department("engineering"), "王师傅", "13900001111",
                        account=users["clerk2"])
    slip = intake.save(phone_intake(), users["clerk"])  # lighting → 工程部
    (notice,) = notices.for_user(users["clerk2"])
    assert notice.kind == "assigned" and notice.slip_id == slip.id and not notice.read
    assert notice.text("zh").startswith(f"处理单{slip.number}已派给工程部")
    assert notice.text("en").startswith(f"Slip {slip.number} is assigned to Engineering")
    (reported,) = notices.for_user(users["supervisor"])  # 请示负责人处理: the seed's words, and what happens
    assert reported.kind == "reported" and reported.slip_id == slip.id
    assert reported.text("zh").startswith(f"处理单{slip.number}当场不能答复，请示负责人处理（已派工程部）")
    notices.mark_read(users["clerk2"], notice.id)
    notices.mark_read(users["clerk2"], notice.id)  # twice is harmless
    assert notices.unread_count(users["clerk2"]) == 0 and notices.for_user(users["clerk2"])[0].read


def test_each_person_in_charge_reads_for_themselves(db, users, frozen_now):
    intake.save(phone_intake(complaint="燃气管道漏气，味道很大。"), users["clerk"])
    assert notices.unread_count(users["supervisor"]) == 1 and notices.unread_count(users["manager"]) == 1
    notices.mark_all_read(users["supervisor"])
    assert notices.unread_count(users["supervisor"]) == 0 and notices.unread_count(users["manager"]) == 1


def test_due_and_overdue_are_noticed_once_per_promise(db, users, frozen_now):
    slip = intake.save(phone_intake(deadline=frozen_now + dt.timedelta(hours=2)), users["clerk"])
    intake.save(phone_intake(deadline=frozen_now + dt.timedelta(days=2), unit_code="5-1-101",
                             caller_number="13900000002"), users["clerk"])  # another caller: no repeat
    (due,) = notices.scan_deadlines()
    assert due.kind == "due" and due.user_id == users["clerk"].id and "12:00" in due.text("zh")
    assert notices.scan_deadlines() == []
    later = frozen_now + dt.timedelta(hours=3)
    overdue = notices.scan_deadlines(later)
    assert sorted((n.kind, n.role) for n in overdue) == [("overdue", ""), ("overdue", "supervisor")]
    assert notices.scan_deadlines(later) == []
    assert [n.kind for n in notices.for_user(users["supervisor"])] == ["overdue", "reported", "reported"]
    assert {n.slip_id for n in overdue} == {slip.id}


def test_an_assignment_reaches_the_department_with_who_sent_it(db, users, frozen_now):
    from tests.support.slips import received_slip, step

    catalog.save_person(users["manager"], department("cleaning"), "赵阿姨", "13900002222", account=users["clerk2"])
    slip = step(received_slip(users["clerk"]), "assign", users["clerk"], department=department("cleaning"),
                assignee="赵阿姨")
    (notice,) = notices.for_user(users["clerk2"])
    assert (notice.kind, notice.slip_id, notice.sender_name, notice.read) == ("assigned", slip.id, "张小梅", False)
    assert notice.details["number"] == slip.number and notices.unread_count(users["clerk2"]) == 1
    assert notices.for_user(users["clerk"]) == []  # nobody is told of their own doing


def test_a_returned_escalation_reaches_the_clerk_who_asked(db, users, frozen_now):
    from tests.support.slips import received_slip, step

    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主要求赔偿")
    step(slip, "return_escalation", users["supervisor"], reason="属前台权限，请直接派工程部处理。")
    (notice,) = notices.for_user(users["clerk"])
    assert notice.kind == "escalation_returned" and notice.sender_name == "李慧"
    assert notice.text("en") == f"The person in charge returned slip {slip.number}: 属前台权限，请直接派工程部处理。"
    assert notices.for_user(users["clerk2"]) == []


def test_marking_read_touches_only_the_readers_own_notices(db, users, frozen_now):
    from tests.support.slips import received_slip, step

    step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="涉及收费争议")
    theirs = notices.for_user(users["supervisor"])[0]
    notices.mark_read(users["clerk2"], theirs.id)  # not addressed to clerk2: nothing recorded
    assert notices.NoticeRead.select().count() == 0
    for number in range(3):
        step(received_slip(users["clerk2"]), "request_escalation", users["clerk2"], reason=f"第{number}件")
    assert notices.unread_count(users["supervisor"]) == 4
    notices.mark_read(users["supervisor"], theirs.id)
    assert notices.unread_count(users["supervisor"]) == 3
    notices.mark_all_read(users["supervisor"])
    assert notices.unread_count(users["supervisor"]) == 0 and notices.unread_count(users["manager"]) == 4
    notices.mark_all_read(users["supervisor"])  # again: nothing new, nothing doubled
    assert notices.NoticeRead.select().where(notices.NoticeRead.user == users["supervisor"]).count() == 4
    assert all(n.read for n in notices.for_user(users["supervisor"]))
