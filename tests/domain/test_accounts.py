"""Accounts on a shared front-desk PC: argon2id hashes, a lockout, and the first manager."""
from __future__ import annotations

import datetime as dt

import pytest

from models import accounts, clock
from models.accounts import (LOCKOUT, MAX_FAILURES, User, authenticate, create_first_manager, create_user,
                             has_any_user, require_role)
from models.errors import LoginFailed, PermissionDenied, ValidationFailed
from models.vocab import Role


def first_manager() -> User:
    """The desk's manager, who adds the accounts (the first one when there is none yet)."""
    return User.get_or_none(User.role == Role.MANAGER) or create_first_manager("wang", "王建国", "a-long-password")


def test_passwords_are_stored_as_argon2id_hashes(db):
    user = create_user("clerk", "张小梅", "password1", actor=first_manager())
    stored = User.get_by_id(user.id).password_hash
    assert stored.startswith("$argon2id$") and "password1" not in stored
    assert authenticate("clerk", "password1").id == user.id


def test_wrong_password_and_unknown_user_read_the_same(db):
    create_user("clerk", "张小梅", "password1", actor=first_manager())
    for name, password in (("clerk", "wrong-one"), ("nobody", "password1")):
        with pytest.raises(LoginFailed, match="^Wrong user name or password.$"):
            authenticate(name, password)


def test_five_failures_lock_the_account_for_a_while(db, frozen_now):
    create_user("clerk", "张小梅", "password1", actor=first_manager())
    for _ in range(MAX_FAILURES - 1):
        with pytest.raises(LoginFailed, match="Wrong"):
            authenticate("clerk", "guess")
    assert authenticate("clerk", "password1")  # a success clears the count
    for _ in range(MAX_FAILURES):
        with pytest.raises(LoginFailed, match="Wrong"):
            authenticate("clerk", "guess")
    with pytest.raises(LoginFailed, match="locked"):
        authenticate("clerk", "password1")  # even the right password waits out the lockout
    clock.freeze(frozen_now + LOCKOUT + dt.timedelta(seconds=1))
    assert authenticate("clerk", "password1").username == "clerk"


@pytest.mark.tampers  # an account disabled in the table
def test_disabled_account_cannot_sign_in(db):
    user = create_user("clerk", "张小梅", "password1", actor=first_manager())
    User.update(active=False).where(User.id == user.id).execute()
    with pytest.raises(LoginFailed):
        authenticate("clerk", "password1")


def test_first_manager_only_on_an_empty_database(db):
    assert not has_any_user()
    manager = create_first_manager("wang", "王建国", "a-long-password", "M001")
    assert manager.role == Role.MANAGER and has_any_user()
    with pytest.raises(PermissionDenied, match="exists already"):
        create_first_manager("li", "李慧", "another-password")
    assert User.select().count() == 1


def test_account_rules_are_told_field_by_field(db):
    create_user("clerk", "张小梅", "password1", actor=first_manager())
    with pytest.raises(ValidationFailed) as refused:
        create_user("clerk", " ", "short", role="boss", actor=first_manager())
    assert set(refused.value.errors) == {"username", "display_name", "password", "role"}


def test_roles_are_checked_in_the_model(db):
    clerk = create_user("clerk", "张小梅", "password1", actor=first_manager())
    with pytest.raises(PermissionDenied, match="^Only a supervisor or manager may confirm an escalation.$"):
        require_role(clerk, Role.SUPERVISOR, Role.MANAGER, action="confirm an escalation")
    require_role(clerk, Role.CLERK)


def test_an_old_hash_is_upgraded_at_the_next_sign_in(db, monkeypatch):
    from argon2 import PasswordHasher

    user = create_user("clerk", "张小梅", "password1", actor=first_manager())
    old = User.get_by_id(user.id).password_hash
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(accounts, "_hasher", lambda: stronger)
    authenticate("clerk", "password1")
    renewed = User.get_by_id(user.id).password_hash
    assert renewed != old and renewed.startswith("$argon2id$v=19$m=2048,t=2")
