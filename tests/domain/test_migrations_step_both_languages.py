"""Schema step STEP_BOTH_LANGUAGES: what the rules composed, kept in Chinese only by version 8, in
both languages; a demo database keeps printing the demo estate's letterhead, a real one none."""
from __future__ import annotations

import json

import pytest

from models import authority, intake, migrations, notices, settings
from models.db import database
from models.errors import SlipdeskError
from models.i18n import composed, shown
from models.letterhead import LetterheadMissing
from models.notices import Notice
from models.slips import Slip
from models.connection import close_database, open_database
from printouts.kinds import make
from tests import printing_checks as check
from tests.support.slips import phone_intake


def _as_version_8() -> None:
    """What version 8 kept: the rules' summary in Chinese on the slip and in its notices, and a
    letterhead that was the code's default (no row for it in the settings)."""
    for slip in Slip.select():
        chinese = shown(slip.authority_suggestion, "zh")
        reason = chinese if composed(slip.escalation_reason) else slip.escalation_reason
        Slip.update(authority_suggestion=chinese, escalation_reason=reason).where(Slip.id == slip.id).execute()
    for notice in Notice.select():
        details = {key: shown(value, "zh") if isinstance(value, str) else value
                   for key, value in notice.details.items()}
        Notice.update(data=json.dumps(details, ensure_ascii=False)).where(Notice.id == notice.id).execute()
    settings.Setting.delete().where(settings.Setting.key.startswith("estate.")).execute()
    database.execute_sql('UPDATE "schema_version" SET "version" = 8')


def _sent_up_by_the_rules(users) -> Slip:
    return intake.save(phone_intake(complaint="楼道里的燃气管道漏气，味道很大，孩子头晕。"), users["clerk"])


def _reopened(db_url: str) -> None:
    close_database()
    open_database(db_url)
    assert migrations.current_version() == migrations.LATEST


@pytest.mark.parametrize("demo_database", [False, True])
def test_a_version_8_database_keeps_its_slips_meaning_in_both_languages(db_url, users, demo_database):
    gone_up = _sent_up_by_the_rules(users)
    settled = intake.save(phone_intake(complaint="楼下的路灯坏了两盏。", unit_code="5-1-101", caller_number="13900000002"),
                          users["clerk"])  # another caller: within authority, not a repeat
    assessment = authority.suggestion_of(gone_up)
    assert not assessment.within and gone_up.status == "awaiting_confirmation"
    settings.put_system("demo.database", demo_database)
    with database.atomic():
        _as_version_8()
    assert Slip.get_by_id(gone_up.id).escalation_reason == assessment.summary("zh")
    _reopened(db_url)

    slip = Slip.get_by_id(gone_up.id)
    assert composed(slip.authority_suggestion) == assessment.composed()
    assert shown(slip.escalation_reason, "en") == assessment.summary("en")
    assert shown(slip.escalation_reason, "zh") == assessment.summary("zh")
    assert slip.status == "awaiting_confirmation" and slip.within_authority is False  # its meaning kept
    calm = Slip.get_by_id(settled.id)
    assert shown(calm.authority_suggestion, "en") == authority.suggestion_of(calm).summary("en")
    asked = [n for n in notices.for_user(users["supervisor"]) if n.kind == "escalation_requested"]
    assert [n.slip_id for n in asked] == [gone_up.id]
    assert assessment.summary("en") in asked[0].text("en") and assessment.summary("zh") in asked[0].text("zh")
    if demo_database:
        assert "阳光花园物业服务中心" in check.text(make("receipt", slip, "zh").pdf)
    else:  # a real database printed the demo estate's letterhead until now: it is asked for its own
        assert settings.get("estate.name") == ""
        with pytest.raises(LetterheadMissing) as refused:
            make("receipt", slip, "zh")
        assert isinstance(refused.value, SlipdeskError)
    _reopened(db_url)  # and opening again changes nothing
    assert composed(Slip.get_by_id(gone_up.id).authority_suggestion) == assessment.composed()


def test_a_persons_words_stay_as_typed(db_url, users):
    slip = _sent_up_by_the_rules(users)
    Slip.update(escalation_reason="客户要求赔偿，超出前台处理权限").where(Slip.id == slip.id).execute()
    with database.atomic():
        _as_version_8()
    _reopened(db_url)
    assert Slip.get_by_id(slip.id).escalation_reason == "客户要求赔偿，超出前台处理权限"
