"""Handling authority (处理权限): what a clerk may settle, on the words residents actually use."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import authority, intake
from models.errors import PermissionDenied, ValidationFailed
from models.vocab import Status
from tests.support.slips import category, phone_intake


def facts(text: str, cat: str = "other", **more) -> dict:
    return {"complaint": text, "category_id": category(cat), **more}


@pytest.mark.parametrize("text, rule, word", [
    ("楼上漏水，我妈在卫生间滑了一跤摔伤了腰，现在还疼。", "signal:injury", "摔伤"),
    ("客厅墙体开裂，有一条很长的裂缝，怕是房子有问题。", "signal:safety", "墙体开裂"),
    ("楼道配电箱漏电，孩子差点触电！", "signal:safety", "漏电"),
    ("地下室一股燃气味，你们赶紧派人来看。", "signal:safety", "燃气"),
    ("再不处理我就请律师起诉你们物业。", "signal:legal", "律师"),
    ("你们不管我就打12345,再找记者曝光。", "signal:media", "曝光"),
    ("我要打１２３４５投诉你们。", "signal:media", "12345"),
    ("我要投诉到住建局。", "signal:media", "投诉到"),
    ("停车费为什么多收了两个月，要求退费。", "signal:fee_dispute", "多收"),
])
def test_signals_that_always_escalate(db, text, rule, word):
    verdict = authority.assess(facts(text, "parking"))
    assert not verdict.within
    (reason,) = [r for r in verdict.reasons if r.rule == rule]
    assert f"“{word}”" in reason.zh and reason.escalates


def test_a_worry_is_not_an_injury(db):
    verdict = authority.assess(facts("健身器材的单杠晃得厉害，担心孩子受伤，请尽快维修。"))
    assert verdict.within
    assert verdict.reasons[0].en == "Category “Other”: a clerk may settle it; no rule calls for escalation."


def test_an_ordinary_complaint_is_within_authority(db):
    verdict = authority.assess(facts("楼上每天晚上十一点以后还在拖椅子。", "noise"))
    assert verdict.within and verdict.summary("zh") == "“噪音扰民”类投诉属前台处理权限，未触发上报规则。"


def test_categories_beyond_a_clerk(db):
    verdict = authority.assess(facts("物业费账单有问题，请核对。", "fees"))
    assert not verdict.within and verdict.reasons[0].rule == "category:fees"
    assert not authority.assess(facts("前台工作人员态度很差。", "attitude")).within


@pytest.mark.parametrize("field, amount, within", [
    ("compensation_amount", "150", True), ("compensation_amount", "200", True),
    ("compensation_amount", "300", False), ("repair_cost", "480.50", True), ("repair_cost", "800", False),
])
def test_limits_on_compensation_and_repair_cost(db, field, amount, within):
    verdict = authority.assess(facts("车漆被漏水滴花了，要求赔偿。", **{field: Decimal(amount)}))
    assert verdict.within is within
    if not within:
        assert verdict.reasons[0].rule == f"limit:{field}" and "超过前台权限" in verdict.reasons[0].zh


def test_repeated_complaints_from_one_unit(db, users, frozen_now):
    form = dict(complaint="楼道灯又坏了。", category_id=category("lighting"), unit_code="3栋2单元1201")
    assert authority.assess(form).within
    intake.save(phone_intake(received_at=frozen_now - dt.timedelta(days=40)), users["clerk"])  # too long ago
    assert authority.assess(form).within
    first = intake.save(phone_intake(received_at=frozen_now - dt.timedelta(days=3)), users["clerk"])
    verdict = authority.assess(form)  # the second complaint within 30 days is a repeat
    assert not verdict.within and verdict.reasons[-1].rule == "repeat" and verdict.repeat_of == first.number
    assert verdict.reasons[-1].zh == f"3-2-1201近30天内已投诉1次（最近一次 {first.number}），属重复投诉。"
    assert authority.assess(first).within  # a saved slip is not its own repeat


def test_override_needs_a_short_reason(db):
    injury = facts("孩子在游乐场摔伤了。")
    assert authority.decide(injury).problems() == {}
    overridden = authority.decide(injury, within=True)
    assert overridden.overridden and "why you may settle it yourself" in overridden.problems()["override_reason"]
    assert authority.decide(injury, within=True, override_reason="只是擦伤，已当面处理").problems() == {}
    # answering on the spot what the rules send up is the clerk deciding against the suggestion
    assert authority.decide(injury, answered_at_once=True).overridden


def test_intake_records_suggestion_and_decision(db, users, frozen_now):
    slip = intake.save(phone_intake(complaint="孩子在游乐场摔伤了，器材有尖角。", category_id=category("other"),
                                    within_authority=True, override_reason="轻微擦伤，业主只要求磨平尖角"),
                       users["clerk"])
    assert slip.status == Status.IN_HANDLING and slip.department.code == "service"
    assert slip.within_authority is True and slip.override_reason == "轻微擦伤，业主只要求磨平尖角"
    suggestion = authority.suggestion_of(slip)
    assert not suggestion.within and suggestion.reasons[0].rule == "signal:injury"
    assert "人身受伤" in slip.authority_suggestion


def test_intake_refuses_bad_amounts_and_a_missing_department(db, users, frozen_now):
    errors = intake.check(phone_intake(compensation_amount="abc", repair_cost=Decimal("-5")))
    assert set(errors) >= {"compensation_amount", "repair_cost"}
    assert "department_id" not in intake.check(phone_intake())  # lighting goes to 工程部 by default
    authority.set_category_rule(users["manager"], category("lighting"), True, None)
    assert intake.check(phone_intake())["department_id"] == "Choose the department that will handle it."


def test_only_a_manager_edits_the_rules(db, users):
    for who in ("clerk", "supervisor"):
        with pytest.raises(PermissionDenied):
            authority.set_limit(users[who], "compensation_amount", "1000")
        with pytest.raises(PermissionDenied):
            authority.save_signal(users[who], "宠物伤人", "Pet attack", "咬人")
    with pytest.raises(ValidationFailed):
        authority.set_limit(users["manager"], "compensation_amount", "-1")
    authority.set_limit(users["manager"], "compensation_amount", "500")
    assert authority.assess(facts("要求补偿。", compensation_amount=Decimal("300"))).within
    signal = authority.save_signal(users["manager"], "宠物伤人", "Pet attack", "咬人, 扑人、抓伤，挠人")
    assert signal.keywords == "咬人、扑人、抓伤、挠人"  # ASCII and full-width commas both separate
    assert authority.assess(facts("楼下的狗扑人，吓坏了老人。")).reasons[0].rule == f"signal:{signal.code}"
    authority.save_signal(users["manager"], "宠物伤人", "Pet attack", "咬人", active=False, signal_id=signal.id)
    assert authority.assess(facts("楼下的狗咬人。")).within
    authority.set_category_rule(users["manager"], category("fees"), True, None)
    assert authority.assess(facts("物业费账单有问题，请核对。", "fees")).within
    authority.set_repeat_rule(users["manager"], 7)
    with pytest.raises(ValidationFailed):
        authority.set_repeat_rule(users["manager"], 0)


def test_motive_rules_exposure_threats_escalate_without_a_second_list(db):
    from models import authority

    assessment = authority.assess({"complaint": "再不处理我就去消协投诉你们", "category_id": None})
    assert not assessment.within
    assert [r.rule for r in assessment.reasons if r.escalates] == ["signal:exposure"]
    assert "消协" in assessment.reasons[0].zh
