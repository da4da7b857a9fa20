"""Head office on a company database: every estate's escalations in one queue with the estate
shown, the handling result handed back to the estate's desk, the company's review by estate."""
from __future__ import annotations

import pytest

from models import head_office, history, intake, notices, queries, review, settings, upper, workflow
from models.accounts import User, create_first_manager, create_user
from models.errors import PermissionDenied, SlipdeskError
from models.queries import SlipFilter
from models.slips import Slip
from models.connection import close_database
from models.vocab import Role, Status
from tests.support.company import COMPANY_NAME, PG_ADMIN_URL, create_company, drop_company, sent_up
from tests.support.slips import phone_intake

pytestmark = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")


def _found(text: str) -> list[int]:
    return [row.id for row in queries.page(SlipFilter(text=text))]


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def test_an_escalation_goes_to_head_office_and_its_result_comes_back(company):
    """Head office's department is the upper department of every estate: its accounts (Role.UPPER)
    list every estate's escalations and hand each back with the workflow's one hand_back step."""
    a_slip = sent_up(company, "A", "外墙瓷砖脱落，险些砸到人。")
    b_slip = sent_up(company, "B", "地下车库渗水严重。")

    company.open_as("head")
    quality = create_first_manager("quality", "总部质量经理", "password1")  # head office's own accounts
    department = create_user("upper", "总部服务管理部", "password1", Role.UPPER, actor=quality)
    listed = list(upper.waiting(department))
    named = head_office.estates_of_slips([slip.id for slip in listed])
    assert {(named[slip.id], slip.number) for slip in listed} == {("阳光花园", "YG-2026-000001"),
                                                                 ("海滨苑", "HB-2026-000001")}
    sent = next(slip for slip in listed if slip.id == a_slip)
    with pytest.raises(PermissionDenied):  # only the department hands back, not head office's desk
        workflow.apply(a_slip, "hand_back", create_user("desk", "总部前台", "password1", Role.CLERK, actor=quality),
                       expected_version=sent.version, result="x")
    handed = workflow.apply(a_slip, "hand_back", department, expected_version=sent.version,
                            result="已安排专业队伍检测外墙并修复，费用由维修基金列支。")
    assert handed.status == Status.HANDLED
    assert [slip.id for slip in upper.waiting(department)] == [b_slip]
    with pytest.raises(SlipdeskError):  # handed back: no longer head office's to change
        workflow.apply(a_slip, "hand_back", department, expected_version=handed.version, result="再次处理")
    close_database()

    company.open_as("A")
    slip = Slip.get_by_id(a_slip)
    assert slip.status == Status.HANDLED and "维修基金" in slip.handling_notes
    assert history.verify_slip(slip) is None
    last = history.events_of(slip)[-1]
    assert (last.action, last.actor, last.details["by_upper_department"]) == ("hand_back", "总部服务管理部", True)
    clerk = slip.escalation_requested_by
    told = [n for n in notices.for_user(clerk) if n.kind == "handed_back"]
    assert len(told) == 1 and "YG-2026-000001" in told[0].text("en")
    assert _found("外墙瓷砖") == [a_slip]  # its search entry, written again by head office's hand-back
    close_database()

    company.open_as("B")  # B's slip is still with head office; A's hand-back is none of B's
    assert Slip.get_by_id(b_slip).status == Status.ESCALATED
    assert [n for n in notices.Notice.select() if n.kind == "handed_back"] == []
    assert _found("外墙瓷砖") == []  # A's slip, its search entry written again by head office, is not B's
    close_database()


def test_the_company_review_compares_estates_and_shows_any_estates_own(company):
    sent_up(company, "A", "外墙瓷砖脱落。")
    sent_up(company, "B", "地下车库渗水。")
    company.open_as("B")
    manager = User.get(User.username == "manager")
    clerk = create_user("clerk2", "前台B2", "password1", Role.CLERK, actor=manager)
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
    company.open_as("head")  # every printout carries a letterhead: head office gives its own
    create_first_manager("quality", "总部质量经理", "password1")  # who takes the review out (--user)
    settings.put_setup("estate.address", "上海市浦东新区滨江大道 1 号")
    settings.put_setup("estate.supervision_phone", "021-5888 0000")
    close_database()
    pdf, xlsx, own = tmp_path / "company.pdf", tmp_path / "company.xlsx", tmp_path / "b.pdf"
    for target in (pdf, xlsx):
        run_admin("company", "review", "--period", "2026-11", "--db", company.urls["head"], "--user", "quality",
                  "-o", str(target))
    text = flat(pdf_text(pdf.read_bytes()))
    assert COMPANY_NAME in text and "各项目投诉情况对比" in text and "阳光花园" in text and "海滨苑" in text and "全部项目" in text
    sheet = load_workbook(xlsx).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    assert rows["阳光花园"][1] == 1 and rows["全部项目"][1] == 2 and len(sheet._charts) == 6
    run_admin("company", "review", "--period", "2026-11", "--db", company.urls["head"], "--estate", "B",
              "--user", "quality", "-o", str(own))
    text = flat(pdf_text(own.read_bytes()))
    assert "海滨苑" in text and "投诉情况月度总结与检讨" in text and "阳光花园" not in text
