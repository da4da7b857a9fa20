"""Head office on a company database: every estate's escalations in one queue with the estate
shown, the handling result handed back to the estate's desk, the company's review by estate."""
from __future__ import annotations

import pytest

from models import head_office, history, intake, notices, review
from models.accounts import create_first_manager, create_user
from models.errors import PermissionDenied, SlipdeskError
from models.slips import Slip
from models.store import close_database
from models.vocab import Role, Status
from tests.support.company import COMPANY_NAME, PG_ADMIN_URL, create_company, drop_company, sent_up
from tests.support.slips import phone_intake

pytestmark = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def test_an_escalation_goes_to_head_office_and_its_result_comes_back(company):
    a_slip = sent_up(company, "A", "外墙瓷砖脱落，险些砸到人。")
    b_slip = sent_up(company, "B", "地下车库渗水严重。")

    company.open_as("head")
    quality = create_first_manager("quality", "总部质量经理", "password1")  # head office's own account
    listed = head_office.queue()
    assert {(row.estate, row.number) for row in listed} == {("阳光花园", "YG-2026-000001"),
                                                           ("海滨苑", "HB-2026-000001")}
    assert all(row.sent_at is not None and row.reason for row in listed)
    sent = next(row for row in listed if row.slip_id == a_slip)
    with pytest.raises(PermissionDenied):
        head_office.hand_back(a_slip, create_user("desk", "总部前台", "password1", Role.CLERK), "x",
                              expected_version=sent.version)
    handed = head_office.hand_back(a_slip, quality, "已安排专业队伍检测外墙并修复，费用由维修基金列支。",
                                   expected_version=sent.version)
    assert handed.status == Status.HANDLED
    assert [row.slip_id for row in head_office.queue()] == [b_slip]
    with pytest.raises(SlipdeskError):  # handed back: no longer head office's to change
        head_office.hand_back(a_slip, quality, "再次处理", expected_version=handed.version)
    close_database()

    company.open_as("A")
    slip = Slip.get_by_id(a_slip)
    assert slip.status == Status.HANDLED and "维修基金" in slip.handling_notes
    assert history.verify_slip(slip) is None
    last = history.events_of(slip)[-1]
    assert (last.action, last.actor, last.details["by_upper_department"]) == ("record_handling", "总部质量经理", True)
    clerk = slip.escalation_requested_by
    told = [n for n in notices.for_user(clerk) if n.kind == "handed_back"]
    assert len(told) == 1 and "YG-2026-000001" in told[0].text("en")
    close_database()

    company.open_as("B")  # B's slip is still with head office; A's hand-back is none of B's
    assert Slip.get_by_id(b_slip).status == Status.ESCALATED
    assert [n for n in notices.Notice.select() if n.kind == "handed_back"] == []
    close_database()


def test_the_company_review_compares_estates_and_shows_any_estates_own(company):
    sent_up(company, "A", "外墙瓷砖脱落。")
    sent_up(company, "B", "地下车库渗水。")
    company.open_as("B")
    clerk = create_user("clerk2", "前台B2", "password1", Role.CLERK)
    intake.save(phone_intake(unit_code="3-2-1201"), clerk)
    intake.save(phone_intake(unit_code="3-2-1201"), clerk)
    close_database()

    company.open_as("head")
    november = review.parse_period("2026-11")
    compared = head_office.company_review(november)
    by_name = {row.name: row for row in compared.estates}
    assert set(by_name) == {"阳光花园", "海滨苑"}
    assert (by_name["阳光花园"].received, by_name["海滨苑"].received) == (1, 3)
    assert (by_name["阳光花园"].escalations, by_name["海滨苑"].escalations) == (1, 1)
    assert by_name["海滨苑"].repeat_slips == 3  # all three from 3-2-1201
    assert compared.total.received == 4
    b_id = next(row.estate_id for row in compared.estates if row.name == "海滨苑")
    assert head_office.estate_review(b_id, november).received == 3
    assert head_office.review_of_all(november).received == 4
    close_database()

    company.open_as("A")  # an estate's login compares nothing: it sees its own estate only
    assert [row.received for row in head_office.company_review(november).estates if row.received] == [1]
    close_database()


def test_the_company_review_as_pdf_and_xlsx_and_one_estates_own(company, tmp_path):
    from openpyxl import load_workbook

    from tests.printing_checks import flat, text as pdf_text
    from tests.support.company import run_admin

    sent_up(company, "A", "外墙瓷砖脱落。")
    sent_up(company, "B", "地下车库渗水。")
    pdf, xlsx, own = tmp_path / "company.pdf", tmp_path / "company.xlsx", tmp_path / "b.pdf"
    for target in (pdf, xlsx):
        run_admin("company", "review", "--period", "2026-11", "--db", company.urls["head"], "-o", str(target))
    text = flat(pdf_text(pdf.read_bytes()))
    assert COMPANY_NAME in text and "各项目投诉情况对比" in text and "阳光花园" in text and "海滨苑" in text and "全部项目" in text
    sheet = load_workbook(xlsx).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert rows["阳光花园"][1] == 1 and rows["全部项目"][1] == 2 and len(sheet._charts) == 6
    run_admin("company", "review", "--period", "2026-11", "--db", company.urls["head"], "--estate", "B",
              "-o", str(own))
    text = flat(pdf_text(own.read_bytes()))
    assert "海滨苑" in text and "投诉情况月度总结与检讨" in text and "阳光花园" not in text
