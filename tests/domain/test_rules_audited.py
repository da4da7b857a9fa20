"""A manager's change to the rules every slip is judged by leaves an audit event: who, when, what."""
from __future__ import annotations

from decimal import Decimal

import pytest

from models import audit, authority, catalog, commentbook, deadlines
from models.catalog import Category, Department
from models.errors import PermissionDenied, ValidationFailed


def test_every_rule_change_is_audited(db, users, frozen_now):
    manager = users["manager"]
    since = audit.head()[0]  # the accounts' own events come before
    noise = Category.get(Category.code == "noise")
    authority.set_limit(manager, "compensation_amount", "500")
    authority.set_category_rule(manager, noise.id, False, None)
    authority.save_signal(manager, "燃气泄漏", "Gas leak", "煤气味、漏气")
    authority.set_repeat_rule(manager, 14)
    deadlines.set_office_hours(manager, "09:00", "18:00", [0, 1, 2, 3, 4, 5])
    commentbook.set_check_by(manager, "09:30")
    catalog.save_category(manager, "gas", "燃气", "Gas")
    gas = catalog.save_department(manager, "gas", "燃气维修班", "Gas repairs", contact="021-58880000")
    catalog.save_person(manager, gas.id, "赵师傅", account=users["clerk2"])
    logged = {event.action: event for event in audit.recent() if event.seq > since}
    assert {"authority_limit", "authority_category_rule", "authority_signal", "authority_repeat_rule",
            "office_hours", "book_check_by", "category_saved", "department_saved", "person_saved"} <= set(logged)
    assert all(event.user_id == manager.id for event in logged.values())
    limit = logged["authority_limit"].details
    assert (limit["code"], Decimal(limit["before"]), Decimal(limit["after"])) == ("compensation_amount", 200, 500)
    assert logged["authority_category_rule"].details["before"]["clerk_may_settle"] is True
    assert logged["office_hours"].details == {"start": "09:00", "end": "18:00", "days": [0, 1, 2, 3, 4, 5]}
    assert logged["person_saved"].details["account"] == "clerk2"


def test_refused_changes_leave_nothing(db, users, frozen_now):
    since = audit.head()
    with pytest.raises(PermissionDenied):
        catalog.save_department(users["supervisor"], "gas", "燃气维修班", "Gas repairs")
    with pytest.raises(ValidationFailed) as refused:
        catalog.save_department(users["manager"], "gas!", "", "Gas repairs")
    assert set(refused.value.errors) == {"code", "name_zh"}
    with pytest.raises(ValidationFailed):
        catalog.save_person(users["manager"], 99999, "")
    assert not Department.select().where(Department.code == "gas").exists() and audit.head() == since
