"""Head office's department on a company database works on the upper department's page: every
estate's escalations listed with their estate, each handed back from the page to its estate."""
from __future__ import annotations

import pytest

from desktop.shell.main_window import MainWindow
from desktop.shell.pages import available_pages
from desktop.approvals.upper_page import UpperPage
from desktop.shell.session import Session
from models.accounts import create_first_manager, create_user
from models.slips import Slip
from models.connection import close_database
from models.vocab import Role, Status
from tests.support.company import PG_ADMIN_URL, create_company, drop_company, sent_up

pytestmark = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def test_head_office_hands_a_slip_back_from_the_upper_page(qtbot, qapp, company):
    slip_id = sent_up(company, "A", "外墙瓷砖脱落，险些砸到人。")
    sent_up(company, "B", "地下车库渗水严重。")
    company.open_as("head")
    quality = create_first_manager("quality", "总部质量经理", "password1")
    desk = Session(lang="en")
    desk.sign_in(create_user("upper", "总部服务管理部", "password1", Role.UPPER, actor=quality))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert "upper" in [page.key for page in available_pages(Role.UPPER)]
    page = window.show_page("upper")
    assert isinstance(page, UpperPage)
    listed = {tuple(page.waiting.item(row, column).text() for column in range(2))
              for row in range(page.waiting.rowCount())}
    assert listed == {("阳光花园", "YG-2026-000001"), ("海滨苑", "HB-2026-000001")}  # the estate first
    row = next(row for row in range(page.waiting.rowCount()) if page.waiting.item(row, 0).text() == "阳光花园")
    page.waiting.selectRow(row)
    dialog = page.hand_back()
    qtbot.addWidget(dialog)
    dialog.editors["result"].setPlainText("已安排检测并修复外墙。")
    with qtbot.waitSignal(page.count_changed) as counted:
        dialog.submit()
    assert counted.args == [1]
    assert Slip.get_by_id(slip_id).status == Status.HANDLED
    assert page.back.item(0, 0).text() == "阳光花园"
    window.close()
    close_database()
