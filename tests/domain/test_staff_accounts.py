"""Staff accounts (models.staff): the manager adds and manages accounts, every step is checked
in the model and audited; everyone changes their own password."""
from __future__ import annotations

import pytest

from models import audit, i18n, staff
from models.accounts import MAX_FAILURES, User, authenticate
from models.errors import LoginFailed, PermissionDenied, ValidationFailed
from models.vocab import Role


@pytest.fixture(autouse=True)
def _since(request):
    """Where the audit log stands once the desk's accounts exist: the tests read what came after."""
    if "users" in request.fixturenames:
        request.getfixturevalue("users")
        _start[0] = audit.head()[0]
    yield


_start = [0]


def _recent(action: str | None = None) -> list:
    """The audit events since the test's accounts were made, newest first."""
    return [event for event in audit.recent(action) if event.seq > _start[0]]


def _events(action: str) -> list[dict]:
    return [event.details for event in _recent(action)]


def test_the_manager_adds_a_clerk_who_signs_in_and_must_change_the_password(db, users):
    clerk = staff.add_user(users["manager"], " zhao ", "赵敏", Role.CLERK, "C010", "first-pass")
    assert (clerk.username, clerk.display_name, clerk.role, clerk.work_id) == ("zhao", "赵敏", "clerk", "C010")
    signed_in = authenticate("zhao", "first-pass")
    assert signed_in.id == clerk.id and signed_in.must_change_password
    [event] = _recent("account_added")
    assert event.user_id == users["manager"].id
    assert event.details == {"account": clerk.id, "username": "zhao", "role": "clerk", "display_name": "赵敏",
                             "work_id": "C010"}


def test_adding_tells_every_wrong_field_and_adds_nothing(db, users):
    with pytest.raises(ValidationFailed) as refused:
        staff.add_user(users["manager"], "clerk", "", "boss", "X" * 33, "short")
    assert set(refused.value.errors) == {"username", "display_name", "role", "work_id", "password"}
    assert "taken" in refused.value.errors["username"]
    assert User.select().count() == len(users) and not _recent("account_added")


@pytest.mark.parametrize("who", ["clerk", "supervisor"])
def test_only_a_manager_manages_accounts(db, users, who):
    actor, target = users[who], users["clerk2"]
    steps = [lambda: staff.accounts(actor),
             lambda: staff.add_user(actor, "zhao", "赵敏", Role.CLERK, "", "first-pass"),
             lambda: staff.update_user(actor, target.id, "陈丽", "C002", Role.MANAGER),
             lambda: staff.deactivate(actor, target.id),
             lambda: staff.reactivate(actor, target.id),
             lambda: staff.reset_password(actor, target.id, "new-password"),
             lambda: staff.unlock(actor, target.id)]
    for step in steps:
        with pytest.raises(PermissionDenied, match="^Only a manager may "):
            step()
    assert User.get_by_id(target.id).role == Role.CLERK and not _recent()


@pytest.mark.tampers  # a role changed in the table, as another desk's
def test_a_manager_demoted_on_another_desk_is_refused_at_once(db, users):
    manager = users["manager"]  # this desk's copy still says manager
    User.update(role=Role.CLERK).where(User.id == manager.id).execute()
    with pytest.raises(PermissionDenied):
        staff.deactivate(manager, users["clerk"].id)


def test_role_and_details_change_each_with_its_audit_event(db, users):
    clerk = users["clerk2"]
    changed = staff.update_user(users["manager"], clerk.id, " 陈丽华 ", "C020", Role.SUPERVISOR)
    assert (changed.display_name, changed.work_id, changed.role) == ("陈丽华", "C020", "supervisor")
    assert _events("account_role_changed") == [{"account": clerk.id, "username": "clerk2", "before": "clerk",
                                                "after": "supervisor"}]
    assert _events("account_details_changed") == [{"account": clerk.id, "username": "clerk2", "changes": {
        "display_name": ["陈丽", "陈丽华"], "work_id": ["C002", "C020"]}}]
    staff.update_user(users["manager"], clerk.id, "陈丽华", "C020", Role.SUPERVISOR)  # nothing changed: no event
    assert len(_recent()) == 2


def test_changes_are_checked_field_by_field(db, users):
    with pytest.raises(ValidationFailed) as refused:
        staff.update_user(users["manager"], users["clerk"].id, " ", "C001", "boss")
    assert set(refused.value.errors) == {"display_name", "role"}
    assert User.get_by_id(users["clerk"].id).display_name == "张小梅"


def test_the_last_active_manager_is_never_demoted(db, users):
    manager = users["manager"]
    with pytest.raises(PermissionDenied, match="^Another active manager is needed"):
        staff.update_user(manager, manager.id, manager.display_name, manager.work_id, Role.CLERK)
    second = staff.add_user(manager, "zhou", "周强", Role.MANAGER, "M002", "first-pass")
    staff.deactivate(manager, second.id)  # an inactive manager does not count
    with pytest.raises(PermissionDenied, match="^Another active manager is needed"):
        staff.update_user(manager, manager.id, manager.display_name, manager.work_id, Role.CLERK)
    assert User.get_by_id(manager.id).role == Role.MANAGER and not _recent("account_role_changed")
    staff.reactivate(manager, second.id)
    assert staff.update_user(manager, manager.id, manager.display_name, manager.work_id, Role.SUPERVISOR).role \
        == Role.SUPERVISOR
    with pytest.raises(PermissionDenied, match="^Another active manager is needed"):
        staff.update_user(second, second.id, "周强", "M002", Role.CLERK)
    staff.update_user(second, manager.id, manager.display_name, manager.work_id, Role.MANAGER)
    assert staff.update_user(second, second.id, "周强", "M002", Role.CLERK).role == Role.CLERK


def test_a_manager_cannot_deactivate_themself(db, users):
    manager = users["manager"]
    staff.add_user(manager, "zhou", "周强", Role.MANAGER, "M002", "first-pass")
    with pytest.raises(PermissionDenied, match="^You cannot deactivate your own account: another manager can.$"):
        staff.deactivate(manager, manager.id)
    assert User.get_by_id(manager.id).active


def test_a_deactivated_account_cannot_sign_in_until_reactivated(db, users):
    clerk = users["clerk"]
    assert not staff.deactivate(users["manager"], clerk.id).active
    with pytest.raises(LoginFailed, match="^Wrong user name or password.$"):
        authenticate("clerk", "password1")
    assert staff.reactivate(users["manager"], clerk.id).active
    assert authenticate("clerk", "password1").id == clerk.id
    assert _events("account_deactivated") == _events("account_reactivated") == [
        {"account": clerk.id, "username": "clerk"}]
    staff.reactivate(users["manager"], clerk.id)  # already active: nothing to log
    assert len(_recent("account_reactivated")) == 1


def test_a_reset_password_works_at_once_and_must_be_changed(db, users, frozen_now):
    clerk = users["clerk"]
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            authenticate("clerk", "guess")
    staff.reset_password(users["manager"], clerk.id, "temporary-1")
    signed_in = authenticate("clerk", "temporary-1")  # the reset ended the lockout too
    assert signed_in.must_change_password
    with pytest.raises(LoginFailed):
        authenticate("clerk", "password1")
    assert _events("account_password_reset") == [{"account": clerk.id, "username": "clerk"}]
    staff.change_own_password(signed_in, "temporary-1", "my-own-secret")
    assert not authenticate("clerk", "my-own-secret").must_change_password
    assert _events("password_changed") == [{"account": clerk.id, "username": "clerk"}]


def test_a_reset_is_refused_for_a_short_password_and_for_the_manager_themself(db, users):
    with pytest.raises(ValidationFailed) as refused:
        staff.reset_password(users["manager"], users["clerk"].id, "short")
    assert set(refused.value.errors) == {"password"}
    with pytest.raises(PermissionDenied, match="Change your own password"):
        staff.reset_password(users["manager"], users["manager"].id, "new-password")
    assert authenticate("clerk", "password1") and authenticate("manager", "password1")
    assert not _recent()


def test_an_unlocked_account_signs_in_before_the_lockout_runs_out(db, users, frozen_now):
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed):
            authenticate("clerk", "guess")
    assert User.get_by_id(users["clerk"].id).is_locked()
    with pytest.raises(LoginFailed, match="locked"):
        authenticate("clerk", "password1")
    assert not staff.unlock(users["manager"], users["clerk"].id).is_locked()
    assert authenticate("clerk", "password1").id == users["clerk"].id
    [event] = _recent("account_unlocked")
    assert event.details["account"] == users["clerk"].id and event.details["was_locked_until"]


def test_everyone_changes_their_own_password_with_the_present_one(db, users):
    clerk = users["clerk"]
    with pytest.raises(ValidationFailed) as refused:
        staff.change_own_password(clerk, "wrong-one", "a-new-password")
    assert set(refused.value.errors) == {"old_password"}
    with pytest.raises(ValidationFailed) as refused:
        staff.change_own_password(clerk, "password1", "short")
    assert set(refused.value.errors) == {"password"}
    with pytest.raises(ValidationFailed, match="other than the present one"):
        staff.change_own_password(clerk, "password1", "password1")
    assert not _recent()
    staff.change_own_password(clerk, "password1", "a-new-password")
    assert authenticate("clerk", "a-new-password").id == clerk.id


def test_the_list_shows_active_accounts_first_managers_leading(db, users):
    staff.deactivate(users["manager"], users["clerk"].id)
    listed = [user.username for user in staff.accounts(users["manager"])]
    assert listed == ["manager", "liu.sup", "supervisor", "clerk2", "liu", "clerk"]


def test_refusals_speak_chinese_when_the_desk_does(db, users):
    i18n.set_language("zh")
    with pytest.raises(PermissionDenied, match="^只有经理可以停用账号。$"):
        staff.deactivate(users["clerk"], users["clerk2"].id)
    with pytest.raises(PermissionDenied, match="不能停用自己的账号"):
        staff.deactivate(users["manager"], users["manager"].id)
