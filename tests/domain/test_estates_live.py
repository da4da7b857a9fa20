"""Issue 17's live feed on a company database (issue 20): the notifying triggers run under
row-level security, whoever writes: an estate's desk hears its own desks' saves and the result
head office's department hands back to it."""
from __future__ import annotations

import select
import time

import pytest

from models import intake, live, workflow
from models.accounts import User, create_first_manager, create_user
from models.db import database
from models.live import NOTICE, SLIP, Changes
from models.slips import Slip
from models.connection import close_database
from models.vocab import Role, Status
from tests.support.company import PG_ADMIN_URL, create_company, drop_company, sent_up
from tests.support.slips import phone_intake

pytestmark = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def _told(listener: live.Listener, within: float = 3.0) -> Changes:
    """What arrived until something did, or `within` seconds passed."""
    found, deadline = Changes(), time.monotonic() + within
    while not found and time.monotonic() < deadline:
        if select.select([listener.fileno()], [], [], max(0.0, deadline - time.monotonic()))[0]:
            found = listener.drain()
    return found


def test_an_estates_desk_hears_its_own_saves_and_head_offices_hand_back(company):
    slip_id = sent_up(company, "A", "外墙瓷砖脱落，险些砸到人。")
    company.open_as("A")  # the desk's listening connection, with the estate's login
    listener = live.Listener.for_database(database.obj)
    listener.connect()
    try:
        saved = intake.save(phone_intake(complaint="楼道灯不亮。"), User.get(User.username == "clerk"))
        assert _told(listener).slip_ids == {saved.id}
        close_database()

        company.open_as("head")
        quality = create_first_manager("quality", "总部质量经理", "password1")
        department = create_user("upper", "总部服务管理部", "password1", Role.UPPER, actor=quality)
        version = Slip.get_by_id(slip_id).version
        handed = workflow.apply(slip_id, "hand_back", department, expected_version=version, result="已修复外墙。")
        assert handed.status == Status.HANDLED
        changes = _told(listener)
        assert changes.touches_slip(slip_id) and changes.touches(NOTICE) and SLIP in changes.topics
    finally:
        listener.close()
        close_database()
