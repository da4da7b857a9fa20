"""The authority and motive rules a save assesses are the ones stored now, whoever changed them.

Assessing reads the rules afresh each time and only keeps what it works out from unchanged rows,
so a manager's edit at another desk (another connection, written in plain SQL here: no hook of
this process sees it) counts at the very next save.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import authority, clock, intake, motives, routing
from models.db import make_database
from tests.support.slips import category, phone_intake

COMPLAINT = "楼道灯坏了三天，再不修我就去找人大代表反映。"


@pytest.fixture
def other_desk(db, db_url):
    """A second connection to the same database, as another desk has."""
    desk = make_database(db_url)
    desk.connect()
    yield lambda sql, *params: desk.execute_sql(sql.replace("?", desk.param), params)
    desk.close()


def verdict(**more):
    return authority.assess({"complaint": COMPLAINT, "category_id": category("lighting"), "unit_code": "3-2-1201",
                             **more})


def rules_of(assessment) -> set[str]:
    return {r.rule for r in assessment.reasons if r.escalates}


@pytest.mark.tampers  # rules changed in SQL, as another desk might
def test_a_rule_changed_at_another_desk_counts_at_once(other_desk, users, frozen_now):
    assert verdict(repair_cost=Decimal("300")).within  # warm: every rule read and worked out once

    other_desk('UPDATE "escalation_signal" SET "keywords" = "keywords" || ? WHERE "code" = ?', ",人大代表", "media")
    assert rules_of(verdict()) == {"signal:media"}
    other_desk('UPDATE "escalation_signal" SET "active" = ? WHERE "code" = ?', False, "media")
    assert verdict().within

    other_desk('UPDATE "motive_rule" SET "words" = "words" || ? WHERE "code" = ?', "、人大代表", "exposure.hotline")
    assert motives.exposure_threat(COMPLAINT) == ("人大代表",)
    assert rules_of(verdict()) == {"signal:exposure"}
    other_desk('UPDATE "motive_rule" SET "active" = ? WHERE "code" = ?', False, "exposure.hotline")
    assert verdict().within

    other_desk('UPDATE "authority_limit" SET "amount" = ? WHERE "code" = ?', Decimal("250"), "repair_cost")
    assert rules_of(verdict(repair_cost=Decimal("300"))) == {"limit:repair_cost"}

    lighting = category("lighting")
    other_desk('UPDATE "category_rule" SET "clerk_may_settle" = ? WHERE "category_id" = ?', False, lighting)
    assert rules_of(verdict()) == {"category:lighting"}
    other_desk('UPDATE "category_rule" SET "clerk_may_settle" = ?, "department_id" = NULL WHERE "category_id" = ?',
               True, lighting)
    assert verdict().within
    intake_like = type("Form", (), {"department_id": None, "category_id": lighting})()
    assert routing.handling_department(intake_like) is None  # the rule names no department now

    intake.save(phone_intake(unit_code="3-2-1201", category_id=category("noise"),
                             received_at=clock.now() - dt.timedelta(days=10)), users["clerk"])
    assert rules_of(verdict()) == {"repeat"}  # one earlier complaint from the unit in 30 days
    other_desk('INSERT INTO "setting" ("key", "value") VALUES (?, ?)', "authority.repeat_days", "7")
    assert verdict().within  # the window another desk's manager set: ten days ago is outside it
