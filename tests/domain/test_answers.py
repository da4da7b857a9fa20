"""Standard answers (口径一致): versioned by the manager, searched and filled in by the clerks."""
from __future__ import annotations

import datetime as dt

import pytest

from models import answers, intake
from models.catalog import Category
from models.errors import PermissionDenied, ValidationFailed
from models.vocab import Channel

PARKING_FEE = ("停车费调整的说明",
               "{称呼}您好：您反映的停车费调整问题(单号 {单号}),我们已按物价部门核准的标准执行，"
               "调整前已在各单元公告栏公示。我们会在{约定时限}前把公示文件送到{单元}。如有疑问请拨打{服务监督电话}。")


def _category(code: str) -> int:
    return Category.get(Category.code == code).id


def test_only_a_manager_writes_answers(db, users):
    with pytest.raises(PermissionDenied):
        answers.save_answer(users["clerk"], *PARKING_FEE)
    with pytest.raises(PermissionDenied):
        answers.save_answer(users["supervisor"], *PARKING_FEE)


def test_every_edit_is_a_new_version_and_old_versions_are_kept(db, users, frozen_now):
    manager = users["manager"]
    answer = answers.save_answer(manager, *PARKING_FEE, category_id=_category("parking"))
    assert answer.version == 1
    edited = answers.save_answer(manager, PARKING_FEE[0], PARKING_FEE[1].replace("公告栏", "公告栏和业主群"),
                                 category_id=_category("parking"), answer_id=answer.id, note="加上业主群")
    assert edited.version == 2 and "业主群" in edited.body
    unchanged = answers.save_answer(manager, edited.title, edited.body, _category("parking"), answer.id)
    assert unchanged.version == 2
    history = answers.versions(answer.id)
    assert [v.version for v in history] == [2, 1]
    assert history[1].body == PARKING_FEE[1] and history[0].note == "加上业主群"
    assert history[0].author_id == manager.id and history[0].at == frozen_now


def test_answers_are_searched_by_words_and_category(db, users):
    manager = users["manager"]
    parking = answers.save_answer(manager, *PARKING_FEE, category_id=_category("parking"))
    noise = answers.save_answer(manager, "装修噪音的规定", "{称呼}您好：装修时间为工作日8:00-12:00、14:00-18:00。",
                                category_id=_category("noise"))
    assert answers.search("停车费") == [parking]
    assert answers.search("您好 装修") == [noise]
    assert answers.search(category_id=_category("noise")) == [noise]
    assert answers.search("不存在的词") == []
    answers.retire_answer(manager, noise.id)
    assert answers.search("装修") == []
    assert answers.search("装修", include_retired=True)[0].id == noise.id


def test_unknown_placeholders_are_refused_with_the_known_ones_named(db, users):
    with pytest.raises(ValidationFailed) as refused:
        answers.save_answer(users["manager"], "x", "{客户名}您好")
    assert "{客户名}" in refused.value.errors["body"] and "{称呼}" in refused.value.errors["body"]


def test_fill_puts_in_the_customer_and_the_slip(db, users, frozen_now):
    answer = answers.save_answer(users["manager"], *PARKING_FEE, category_id=_category("parking"))
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="欧阳娜娜", complainant_title="ms", unit_code="3栋2单元1201",
        complaint="停车费为什么涨了", read_back=True, category_id=_category("parking"),
        deadline=dt.datetime(2026, 11, 26, 17, 0)), users["clerk"])
    filled = answers.fill(answer, slip)
    assert filled.missing == ()
    assert filled.text.startswith("欧阳女士您好：")
    assert "单号 TS-2026-000001" in filled.text
    assert "2026年11月26日 17:00前把公示文件送到3-2-1201" in filled.text
    assert "021-58881234" in filled.text


def test_fill_leaves_what_the_slip_lacks_and_says_so(db, users, frozen_now):
    slip = intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel=Channel.ONSITE, complainant_name="张三", complaint="询问", read_back=True,
        category_id=_category("other"), answered_at_once=True, answer_note="已当场答复。"), users["clerk"])
    filled = answers.fill("{称呼}您好，请于{约定时限}前来取。{未知}", slip)
    assert filled.text == "张三您好，请于{约定时限}前来取。{未知}"
    assert filled.missing == ("约定时限",)
