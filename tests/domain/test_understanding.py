"""Understanding and preventing, as the desk's day goes: what the customer wants, keeping them
told, the cause of a repeat, bribery at the desk, a manager asked for by name, the category from
the words, and wording never said apart from wording better said another way."""
from __future__ import annotations

import datetime as dt

import pytest

from models import (authority, categorize, causes, dashboard, edits, history, intake, named_call, notices, phrases,
                    progress, queries, replies, settings, workflow)
from models.errors import PermissionDenied, TransitionRefused, ValidationFailed
from models.slips import Slip
from models.vocab import Channel, ReplyMethod, Status
from tests.support.slips import category, phone_intake, step, valid_inputs

WANTS = "希望今天之内修好。"


def _onsite(**overrides) -> intake.Intake:
    values = dict(channel=Channel.ONSITE, complainant_name="王芳", complainant_title="ms", unit_code="6-1-802",
                  phone="13700001111", complaint="楼道声控灯坏了三天了。", read_back=True, calmed=True,
                  category_id=category("lighting"), customer_request=WANTS,
                  deadline=dt.datetime(2026, 11, 25, 10, 0))
    values.update(overrides)
    return intake.Intake(**values)


# --- the customer's own request ------------------------------------------------------------------

def test_a_customer_at_the_desk_is_asked_what_they_want(db, users, frozen_now):
    with pytest.raises(ValidationFailed) as refused:
        intake.save(_onsite(customer_request="  "), users["clerk"])
    assert "希望如何解决" in refused.value.errors["customer_request"]
    slip = intake.save(_onsite(), users["clerk"])
    assert slip.customer_request == WANTS
    assert history.events_of(slip)[0].details["customer_request"] == WANTS
    letter = intake.Intake(channel=Channel.LETTER, complainant_name="赵先生", complaint="来信反映电梯问题",
                           category_id=category("lift"), deadline=frozen_now + dt.timedelta(days=3),
                           letter_received=frozen_now.date(), sender_address="阳光花园3-2-1201室")
    assert intake.save(letter, users["clerk"]).customer_request == ""  # a letter says it, or not


def test_a_corrected_request_is_audited_like_every_field(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    edited = edits.edit_slip(slip.id, slip.version, {"customer_request": "要求书面道歉。"}, users["clerk"])
    event = history.events_of(edited)[-1]
    assert event.action == "edited" and event.details["customer_request"] == [WANTS, "要求书面道歉。"]
    assert history.verify_slip(edited) is None


# --- progress told -------------------------------------------------------------------------------

def test_progress_told_keeps_the_state_and_clears_the_quiet_flag(db, users, frozen_now):
    slip = intake.save(_onsite(received_at=frozen_now - dt.timedelta(days=4)), users["clerk"])
    assert slip.status == Status.IN_HANDLING and progress.is_quiet(slip)
    assert slip.id in [s.id for s in dashboard.slips_of("progress_quiet", users["clerk"])]
    assert [r.id for r in queries.page(queries.SlipFilter(quiet=True))] == [slip.id]
    told = progress.record_progress(slip.id, users["clerk"], expected_version=slip.version, method=ReplyMethod.PHONE,
                                    told="工程部已订购开关，明天上午更换。")
    assert (told.status, told.deadline, told.version) == (slip.status, slip.deadline, slip.version + 1)
    event = history.events_of(told)[-1]
    assert (event.action, event.from_status, event.to_status) == ("progress_told", "", "")
    assert not progress.is_quiet(told) and dashboard.counts(users["clerk"])["progress_quiet"] == 0
    assert not queries.page(queries.SlipFilter(quiet=True))[:1]


def test_the_slip_list_counts_quiet_slips_through_the_search_index_too(db, users, frozen_now):
    quiet = intake.save(_onsite(received_at=frozen_now - dt.timedelta(days=4)), users["clerk"])
    intake.save(_onsite(phone="13900000009", unit_code="9-9-909"), users["clerk"])  # taken down today
    for flt in (queries.SlipFilter(quiet=True, channels=(Channel.ONSITE,)),
                queries.SlipFilter(quiet=True, text=quiet.complaint[:4])):
        assert [r.id for r in queries.page(flt)] == [quiet.id]
        assert queries.count(flt) == 1


def test_progress_is_not_told_by_phone_at_night_nor_on_a_closed_slip(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    with pytest.raises(ValidationFailed) as refused:
        progress.record_progress(slip.id, users["clerk"], expected_version=slip.version, method=ReplyMethod.PHONE,
                                 told="进展如下。", at=dt.datetime(2026, 11, 23, 22, 30))
    assert "at" in refused.value.errors
    with pytest.raises(ValidationFailed) as refused:
        progress.record_progress(slip.id, users["clerk"], expected_version=slip.version, method="pigeon", told="")
    assert set(refused.value.errors) == {"method", "told"}
    answered = intake.save(_onsite(answered_at_once=True, answer_note="已当场说明。", unit_code="", phone="13700002222"),
                           users["clerk"])
    with pytest.raises(TransitionRefused):
        progress.record_progress(answered.id, users["clerk"], expected_version=answered.version,
                                 method=ReplyMethod.PHONE, told="进展如下。")


def test_the_manager_sets_when_a_quiet_slip_is_flagged(db, users, frozen_now):
    slip = intake.save(_onsite(received_at=frozen_now - dt.timedelta(days=2)), users["clerk"])
    assert progress.quiet_days() == 3 and not progress.is_quiet(slip)
    with pytest.raises(PermissionDenied):
        progress.set_quiet_days(users["clerk"], 1)
    with pytest.raises(ValidationFailed):
        progress.set_quiet_days(users["manager"], 0)
    progress.set_quiet_days(users["manager"], 1)
    assert progress.is_quiet(Slip.get_by_id(slip.id))


# --- cause and corrective action ------------------------------------------------------------------

def _beyond_and_replied(users) -> Slip:
    slip = intake.save(_onsite(complaint="物业费多收了三百元，要求退还。", category_id=category("fees")), users["clerk"])
    assert slip.status == Status.AWAITING_CONFIRMATION
    slip = step(slip, "confirm_escalation", users["supervisor"], recipient="赵经理")
    for action in ("record_handling", "record_reply"):
        slip = step(slip, action, users["clerk"], **valid_inputs(action))
    return slip


def test_a_slip_beyond_authority_closes_only_with_its_cause_and_corrective_action(db, users, frozen_now):
    slip = _beyond_and_replied(users)
    with pytest.raises(TransitionRefused) as refused:
        replies.close_accepted(slip.id, users["clerk"], expected_version=slip.version)
    assert "cause and the corrective action" in str(refused.value)
    with pytest.raises(ValidationFailed) as missing:
        causes.record(slip.id, users["clerk"], causes.Analysis(("为什么多收？",), "", ""), expected_version=slip.version)
    assert set(missing.value.errors) == {"root_cause", "corrective_action"}
    analysed = causes.record(slip.id, users["clerk"], causes.Analysis(
        ("为什么多收？公摊电费算错", "为什么算错？电表读数录错", "为什么录错？没人复核"),
        "抄表数据无人复核。", "抄表数据双人复核。"), expected_version=slip.version)
    assert analysed.status == Status.REPLIED and analysed.cause_by == users["clerk"].display_name
    assert history.events_of(analysed)[-1].action == "cause_recorded"
    closed = replies.close_accepted(slip.id, users["clerk"], expected_version=analysed.version)
    assert closed.status == Status.CLOSED


def test_the_cause_is_analysed_once_the_handling_is_known(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    with pytest.raises(TransitionRefused):
        causes.record(slip.id, users["clerk"], causes.Analysis((), "原因", "措施"), expected_version=slip.version)
    assert not causes.required(slip) and causes.missing(slip) is None  # within authority, not a repeat
    with pytest.raises(ValidationFailed):
        causes.record(slip.id, users["clerk"], causes.Analysis(tuple("为什么" for _ in range(6)), "原因", "措施"),
                      expected_version=slip.version)


ANALYSIS = causes.Analysis(("为什么多收？公摊电费算错",), "抄表数据无人复核。", "抄表数据双人复核。")


def test_a_slip_beyond_authority_ended_as_not_accepted_still_needs_its_cause(db, users, frozen_now):
    """The person in charge ends it as 答复已按规定作出，客户仍不认可 (issue 13's first part): what
    went beyond the desk is analysed all the same, so that it does not happen again."""
    slip = intake.save(_onsite(complaint="物业费多收了三百元，要求退还。", category_id=category("fees")), users["clerk"])
    slip = step(slip, "confirm_escalation", users["supervisor"], recipient="赵经理")
    slip = step(slip, "record_handling", users["clerk"], **valid_inputs("record_handling"))
    slip = step(slip, "record_reply", users["clerk"], method="phone", summary="电话说明按规定不能退费。",
                opinion="not_accepted", customer_words="不退钱我不认可。")
    assert "end" in replies.next_steps(slip)
    with pytest.raises(TransitionRefused) as refused:
        step(slip, "end_unaccepted", users["supervisor"], **valid_inputs("end_unaccepted"))
    assert "cause and the corrective action" in str(refused.value)
    analysed = causes.record(slip.id, users["supervisor"], ANALYSIS, expected_version=Slip.get_by_id(slip.id).version)
    ended = step(analysed, "end_unaccepted", users["supervisor"], **valid_inputs("end_unaccepted"))
    assert ended.status == Status.ENDED_UNACCEPTED


def test_an_anonymous_letter_beyond_authority_closes_once_handled_and_analysed(db, users, frozen_now):
    """Nobody to reply to: handled is the end of it (issue 13's first part), but not before its cause."""
    letter = intake.Intake(channel=Channel.LETTER, complainant_name="匿名", complaint="保安索要好处费才让装修材料进门。",
                           category_id=category("security"), letter_received=frozen_now.date(),
                           letter_date=frozen_now.date(), no_return_address=True,
                           deadline=frozen_now + dt.timedelta(days=2))
    slip = intake.save(letter, users["clerk"])
    assert slip.status == Status.AWAITING_CONFIRMATION  # bribery: always beyond the clerk
    slip = step(slip, "confirm_escalation", users["supervisor"], recipient="赵经理", letter_copy_kept=True)
    slip = step(slip, "record_handling", users["clerk"], result="已调查，当事保安已停职处理。")
    with pytest.raises(TransitionRefused) as refused:
        replies.close_accepted(slip.id, users["clerk"], expected_version=slip.version)
    assert "cause and the corrective action" in str(refused.value)
    analysed = causes.record(slip.id, users["supervisor"], causes.Analysis(
        ("为什么索要？门岗无人监督",), "门岗放行无记录、无监督。", "材料进场一律登记，主管每日抽查。"), expected_version=slip.version)
    assert replies.close_accepted(slip.id, users["clerk"], expected_version=analysed.version).status == Status.CLOSED


def test_a_within_authority_slip_closes_without_a_cause(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    for action in ("record_handling", "record_reply", "close"):
        slip = step(slip, action, users["clerk"], **valid_inputs(action))
    assert slip.status == Status.CLOSED


# --- repeats ----------------------------------------------------------------------------------------

def test_the_second_complaint_of_a_unit_is_a_repeat_and_needs_its_cause(db, users, frozen_now):
    first = intake.save(_onsite(received_at=frozen_now - dt.timedelta(days=29)), users["clerk"])
    second = intake.save(_onsite(phone="13700009999", within_authority=True, override_reason="灯具问题工程部可处理"),
                         users["clerk"])
    assert second.repeat_of == first.number and second.status == Status.IN_HANDLING
    assert authority.suggestion_of(second).reasons[-1].rule == "repeat"
    for action in ("record_handling", "record_reply"):
        second = step(second, action, users["clerk"], **valid_inputs(action))
    with pytest.raises(TransitionRefused) as refused:
        replies.close_accepted(second.id, users["clerk"], expected_version=second.version)
    assert first.number in str(refused.value)


def test_the_second_call_from_one_number_is_a_repeat_within_the_managers_window(db, users, frozen_now):
    first = intake.save(phone_intake(unit_code="", received_at=frozen_now - dt.timedelta(days=10)), users["clerk"])
    assert authority.assess({"complaint": "又坏了", "phone": "138 1234 5678"}).repeat_of == first.number
    assert authority.assess({"complaint": "又坏了", "phone": "13900000000"}).repeat_of == ""
    authority.set_repeat_rule(users["manager"], 7)
    assert authority.assess({"complaint": "又坏了", "phone": "13812345678"}).within
    assert settings.get("authority.repeat_days") == 7


# --- bribery and staff misconduct --------------------------------------------------------------------

@pytest.mark.parametrize("complaint", ["装修管理员索要好处费，不给就不让进材料。", "保安收了钱才放行，这是吃拿卡要！",
                                       "维修师傅受 贿，还要红包。", "管理員收受好處費"])
def test_bribery_and_misconduct_are_always_beyond_the_clerk(db, users, complaint):
    assessment = authority.assess({"complaint": complaint, "category_id": category("other")})
    assert not assessment.within and assessment.firm and assessment.firm[0].rule == f"signal:{authority.MISCONDUCT}"
    with pytest.raises(ValidationFailed) as refused:
        intake.save(_onsite(complaint=complaint, within_authority=True, override_reason="我可以处理"), users["clerk"])
    assert "override_reason" in refused.value.errors
    with pytest.raises(ValidationFailed) as refused:
        intake.save(_onsite(complaint=complaint, answered_at_once=True, answer_note="已解释。"), users["clerk"])
    assert "outcome" in refused.value.errors
    assert intake.save(_onsite(complaint=complaint), users["clerk"]).status == Status.AWAITING_CONFIRMATION


def test_a_denied_bribe_is_no_signal(db):
    assert authority.assess({"complaint": "师傅没有收好处费，服务很好。", "category_id": category("other")}).within


# --- a manager asked for by name -----------------------------------------------------------------------

def test_the_manager_asked_for_by_name_is_called_before_the_slip_is_saved(db, users, frozen_now):
    manager = users["manager"]
    call = named_call.call(users["clerk"], manager.id, complainant="曹文斌", unit_code="2-1-1201",
                           summary="扣款扣了两次")
    assert [n.id for n in named_call.pending_for(manager)] == [call.id]
    assert "曹文斌（2-1-1201）在前台指名要找王建国" in call.text("zh") and "一分钟" in call.text("zh")
    assert named_call.pending_for(users["supervisor"]) == []  # only the person asked for
    slip = intake.save(_onsite(named_person=manager.display_name, named_user_id=manager.id, named_calls=[call.id]),
                       users["clerk"])
    assert (slip.named_person, slip.named_called_at) == ("王建国", frozen_now)
    assert notices.Notice.get_by_id(call.id).slip_id == slip.id
    named_call.acknowledge(manager, call.id)
    (record,) = named_call.calls_of(slip)
    assert (record.asked_for, record.acknowledged_by, record.acknowledged_at) == ("王建国", "王建国", frozen_now)
    assert named_call.pending_for(manager) == []


def test_a_call_not_made_from_the_form_is_made_when_the_slip_is_saved(db, users, frozen_now):
    slip = intake.save(_onsite(named_person="负责人"), users["clerk"])  # nobody with an account named
    (call,) = notices.Notice.select().where(notices.Notice.kind == named_call.KIND)
    assert call.slip_id == slip.id and call.role == "supervisor"
    assert [n.id for n in named_call.pending_for(users["supervisor"])] == [call.id]
    with pytest.raises(ValidationFailed):
        named_call.call(users["clerk"], users["clerk2"].id)  # a clerk is not a manager to call


# --- the category from the words --------------------------------------------------------------------

def test_the_category_is_suggested_from_the_words(db, users):
    assert categorize.suggest("厨房水管漏水，楼下都渗水了").category_id == category("leak")
    assert categorize.suggest("電梯壞了，困人了").category_id == category("lift")  # traditional characters
    guess = categorize.suggest("楼上装修噪音太吵")
    assert guess.category_id == category("noise") and guess.words == ("噪音", "吵")
    assert categorize.suggest("请问快递柜在哪里") is None
    from models.catalog import save_category

    save_category(users["manager"], "parcel", "快递服务", "Parcels", keywords="快递柜，快递")
    assert categorize.suggest("请问快递柜在哪里").category_id == category("parcel")


# --- wording: never said, better said -----------------------------------------------------------------

def test_never_said_is_told_from_better_said_through_spaces_punctuation_and_traditional(db):
    (apology,) = phrases.check("对不起，这是我们的过失。")
    assert apology.severity == phrases.BETTER and not apology.banned
    text = "您好，這是公司的規定。我 不，知道。"
    found = phrases.check(text)
    assert [(f.phrase, f.banned) for f in found] == [("这是公司的规定", True), ("我不知道", True)]
    assert [text[f.start:f.end] for f in found] == ["這是公司的規定", "我 不，知道"]


def test_a_letter_with_a_sentence_never_said_goes_up_only_once_the_flags_are_read(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    slip = step(slip, "record_handling", users["clerk"], **valid_inputs("record_handling"))
    replies.save_letter(slip.id, users["clerk"], "经查，这是公司的规定，请您理解。", expected_version=slip.version)
    slip = Slip.get_by_id(slip.id)
    with pytest.raises(ValidationFailed) as refused:
        replies.submit_letter(slip.id, users["clerk"], expected_version=slip.version)
    assert "“这是公司的规定”" in refused.value.errors["flags"]
    letter = replies.submit_letter(slip.id, users["clerk"], expected_version=slip.version, flags_read=True)
    event = history.events_of(Slip.get_by_id(slip.id))[-1]
    assert event.action == "letter_submitted" and event.details["flags"] == ["这是公司的规定"]
    assert [f.banned for f in replies.approval_flags(letter)] == [True]


def test_better_wording_is_shown_but_does_not_hold_a_letter_back(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    slip = step(slip, "record_handling", users["clerk"], **valid_inputs("record_handling"))
    replies.save_letter(slip.id, users["clerk"], "对不起，这是我们的过失，灯已修好。", expected_version=slip.version)
    slip = Slip.get_by_id(slip.id)
    letter = replies.submit_letter(slip.id, users["clerk"], expected_version=slip.version)
    assert history.events_of(Slip.get_by_id(slip.id))[-1].details["better_wording"] == ["这是我们的过失"]
    approved = replies.approve_letter(letter.id, users["supervisor"], expected_version=Slip.get_by_id(slip.id).version)
    assert approved.is_approved


def test_an_unknown_step_name_is_still_refused(db, users, frozen_now):
    slip = intake.save(_onsite(), users["clerk"])
    with pytest.raises(TransitionRefused):
        workflow.apply(slip.id, "cause_recorded", users["clerk"], expected_version=slip.version)


def test_the_printed_slip_carries_the_request_the_call_the_repeat_and_the_cause(db, users, frozen_now):
    from printouts.data import slip_sheet_data
    from printouts.slip_form import render_slip
    from tests import printing_checks as pdf_check

    first = intake.save(_onsite(received_at=frozen_now - dt.timedelta(days=3)), users["clerk"])
    slip = intake.save(_onsite(named_person="王建国", named_user_id=users["manager"].id, phone="13700008888"),
                       users["clerk"])
    text = pdf_check.flat(pdf_check.text(render_slip(slip_sheet_data(Slip.get_by_id(slip.id), "zh"))))
    assert f"客户诉求（希望如何解决）：{WANTS}" in text or f"客户诉求（希望如何解决）{WANTS}" in text
    assert "王建国" in text and first.number in text and "原因分析（根本原因）" in text  # a repeat: its cause is asked
