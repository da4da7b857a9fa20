"""Every restricted action is refused in models for the wrong role or no user, and audited when allowed:
correcting a slip no longer open, creating and changing accounts, changing a setting, exporting
personal data (one policy for exports and the review), making a history key, demo data."""
from __future__ import annotations


import pytest

from models import audit, demo, disclosure, edits, exports, history, review, settings
from models.accounts import create_user
from models.errors import PermissionDenied, ValidationFailed
from models.queries import SlipFilter
from models.slips import Slip
from models.vocab import Role, Status
from tests.support.slips import phone_intake, slip_in


def test_a_closed_slip_is_corrected_only_by_a_manager_with_a_reason(db, users):
    closed = slip_in(Status.CLOSED, users)
    with pytest.raises(PermissionDenied, match="^Only a manager may correct a slip that is Closed"):
        edits.edit_slip(closed.id, closed.version, {"complainant_name": "李四海"}, users["supervisor"])
    with pytest.raises(ValidationFailed) as refused:
        edits.edit_slip(closed.id, closed.version, {"complainant_name": "李四海"}, users["manager"])
    assert set(refused.value.errors) == {"reason"}
    assert Slip.get_by_id(closed.id).version == closed.version
    fixed = edits.edit_slip(closed.id, closed.version, {"complainant_name": "李四海"}, users["manager"],
                            reason="业主来电更正姓名")
    last = history.events_of(fixed)[-1]
    assert (fixed.complainant_name, last.action, last.note, last.user_id) == ("李四海", "corrected", "业主来电更正姓名",
                                                                             users["manager"].id)
    assert history.verify_slip(fixed) is None


def test_no_slip_changes_without_a_signed_in_account(db, users):
    from models import intake, workflow

    slip = slip_in(Status.RECEIVED, users)
    for attempt in (lambda: edits.edit_slip(slip.id, slip.version, {"complainant_name": "某人"}, None),
                    lambda: workflow.apply(slip.id, "assign", None, expected_version=slip.version, department=1),
                    lambda: intake.save(phone_intake(), None)):
        with pytest.raises(PermissionDenied):
            attempt()
    from models import staff

    deactivated = staff.deactivate(users["manager"], users["clerk2"].id)
    with pytest.raises(PermissionDenied):
        edits.edit_slip(slip.id, slip.version, {"complainant_name": "某人"}, deactivated)
    assert Slip.get_by_id(slip.id).version == slip.version


def test_accounts_are_created_by_a_manager_and_recorded(db, users):
    since = audit.head()[0]
    for who in (None, users["clerk"], users["supervisor"]):
        with pytest.raises(PermissionDenied):
            create_user("zhao", "赵敏", "first-pass", Role.CLERK, actor=who)
    made = create_user("zhao", "赵敏", "first-pass", Role.CLERK, actor=users["manager"])
    [event] = [e for e in audit.recent("account_added") if e.seq > since]
    assert event.user_id == users["manager"].id and event.recorded["user"][str(made.id)]["role"] == "clerk"
    assert audit.verify_desk() == []


def test_settings_are_changed_by_a_manager_and_recorded(db, users):
    for who in (None, users["clerk"], users["supervisor"]):
        with pytest.raises(PermissionDenied):
            settings.put("backup.keep", 3, who)
    with pytest.raises(ValidationFailed):
        settings.put("integrity.database_id", "forged", users["manager"])  # Slipdesk's own
    with pytest.raises(ValidationFailed):
        settings.put("no.such.setting", 1, users["manager"])
    settings.put("backup.keep", 3, users["manager"])
    [event] = audit.recent("setting_changed", limit=1)
    assert event.user_id == users["manager"].id and event.details == {"key": "backup.keep", "value": 3}
    assert settings.get("backup.keep") == 3 and audit.verify_desk() == []


def test_one_policy_for_every_export_of_personal_data(db, users, tmp_path):
    slip_in(Status.RECEIVED, users)
    period = review.parse_period("2026-11")
    for who in (None, users["clerk"]):
        with pytest.raises(PermissionDenied, match="complainants' names|the review"):
            exports.export(SlipFilter(), tmp_path / "slips.csv", who)
        with pytest.raises(PermissionDenied):
            review.record_export(who, period, "pdf")
    with pytest.raises(PermissionDenied, match="personal data"):
        exports.export(SlipFilter(), tmp_path / "slips.csv", users["supervisor"], personal=True)
    assert exports.export(SlipFilter(), tmp_path / "slips.csv", users["supervisor"]) == 1
    assert exports.export(SlipFilter(), tmp_path / "all.csv", users["manager"], personal=True) == 1
    review.record_export(users["supervisor"], period, "pdf")
    assert [e.action for e in audit.recent(limit=3)] == ["review_exported", "export_personal", "export"]
    assert disclosure.may(users["supervisor"]) and not disclosure.may(users["supervisor"], contacts=True)


def test_demo_data_go_only_to_a_database_without_real_accounts_or_slips(db, users):
    demo.require_demo_database()  # the desk's accounts have the demo accounts' names: a test desk
    create_user("boss", "老板", "first-pass", Role.MANAGER, actor=users["manager"])
    with pytest.raises(demo.DemoRefused, match="real accounts"):
        demo.require_demo_database()
