"""Head office's page on a company database: the estates' escalations listed with their estate,
the result handed back from the page; on an estate's desk the page is not there."""
from __future__ import annotations

import pytest

from desktop.main_window import MainWindow
from desktop.pages import available_pages
from desktop.pages.head_office import HeadOfficePage
from desktop.session import Session
from models.accounts import create_first_manager
from models.slips import Slip
from models.store import close_database
from models.vocab import Role, Status
from tests.support.company import PG_ADMIN_URL, create_company, drop_company, sent_up

pytestmark = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def test_head_office_hands_a_slip_back_from_its_page(qtbot, qapp, company):
    slip_id = sent_up(company, "A", "外墙瓷砖脱落，险些砸到人。")
    company.open_as("head")
    desk = Session(lang="en")
    desk.sign_in(create_first_manager("quality", "总部质量经理", "password1"))
    window = MainWindow(desk)
    qtbot.addWidget(window)
    assert "head_office" in [page.key for page in available_pages(Role.MANAGER)]
    page = window.show_page("head_office")
    assert isinstance(page, HeadOfficePage)
    row = [page.table.item(0, column).text() for column in range(page.table.columnCount())]
    assert row[:2] == ["阳光花园", "YG-2026-000001"] and "外墙瓷砖脱落" in row[4]
    assert not page.hand_back_button.isEnabled()  # nothing written yet
    page.result.setPlainText("已安排检测并修复外墙。")
    with qtbot.waitSignal(page.count_changed) as counted:
        page.hand_back_button.click()
    assert counted.args == [0] and not page.empty.isHidden()
    assert Slip.get_by_id(slip_id).status == Status.HANDLED
    window.close()
    close_database()

    company.open_as("A")  # an estate's desk has no such page
    assert "head_office" not in [page.key for page in available_pages(Role.MANAGER)]
    close_database()
