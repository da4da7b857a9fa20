"""Managing the desk's staff accounts: the manager adds clerks and persons in charge, changes
their role or details, deactivates and reactivates them, resets a forgotten password and
unlocks a locked-out account; everyone changes their own password.

Accounts are never deleted: slips, their history and the audit log name the people who acted.
Every step checks the acting manager as stored now (another desk may have demoted them) and
leaves an audit event (models.audit) in the transaction that makes the change. A desk keeps at
least one active manager, or nobody could manage accounts again.
"""
from __future__ import annotations

from models import audit
from models.accounts import (User, change_password, create_user, details_errors, hash_password,
                             password_error, require_role)
from models.db import is_sqlite, write_transaction
from models.errors import PermissionDenied, ValidationFailed
from models.i18n import t
from models.vocab import Role


def accounts(actor: User) -> list[User]:
    """Every account, active ones first, then by role and name: what the manager's page lists."""
    _manager(actor, t("see the staff accounts"))
    order = {Role.MANAGER: 0, Role.SUPERVISOR: 1, Role.CLERK: 2, Role.UPPER: 3}
    return sorted(User.select(), key=lambda user: (not user.active, order.get(user.role, 3), user.username))


def add_user(actor: User, username: str, display_name: str, role: str, work_id: str, password: str) -> User:
    """A new account with a first password its owner changes at the first sign-in."""
    with write_transaction():
        _manager(actor, t("add an account"))
        return create_user(username, display_name, password, role, work_id, actor=actor, must_change=True)


def update_user(actor: User, user_id: int, display_name: str, work_id: str, role: str) -> User:
    """Change an account's display name, work ID (工号) and role; refused if it would leave the
    desk without an active manager."""
    with write_transaction():
        _manager(actor, t("change an account"))
        user = _target(user_id)
        display_name, work_id = (display_name or "").strip(), (work_id or "").strip()
        errors = details_errors(display_name, work_id, role)
        if errors:
            raise ValidationFailed(errors)
        if role != user.role:
            if user.role == Role.MANAGER and user.active:
                _keep_a_manager(user, t("Another active manager is needed before this account stops being a "
                                        "manager."))
            User.update(role=role).where(User.id == user.id).execute()
            audit.log(actor, "account_role_changed", facts=audit.account_facts(user.id), account=user.id,
                      username=user.username, before=user.role, after=role)
        details = {name: [before, after] for name, before, after in (
            ("display_name", user.display_name, display_name), ("work_id", user.work_id, work_id)) if before != after}
        if details:
            User.update(display_name=display_name, work_id=work_id).where(User.id == user.id).execute()
            audit.log(actor, "account_details_changed", facts=audit.account_facts(user.id), account=user.id,
                      username=user.username, changes=details)
    return User.get_by_id(user_id)


def deactivate(actor: User, user_id: int) -> User:
    """The account can no longer sign in; its name stays on the slips it worked on. Never your
    own: so the acting manager always remains, and a desk never loses its last manager this way."""
    with write_transaction():
        _manager(actor, t("deactivate an account"))
        user = _target(user_id)
        if user.id == actor.id:
            raise PermissionDenied(t("You cannot deactivate your own account: another manager can."))
        _set_active(actor, user, False)
    return User.get_by_id(user_id)


def reactivate(actor: User, user_id: int) -> User:
    with write_transaction():
        _manager(actor, t("reactivate an account"))
        _set_active(actor, _target(user_id), True)
    return User.get_by_id(user_id)


def reset_password(actor: User, user_id: int, password: str) -> User:
    """A new password the manager passes on; its owner must change it at the next sign-in, and
    any lockout ends. Your own password you change yourself, with the present one."""
    with write_transaction():
        _manager(actor, t("reset a password"))
        user = _target(user_id)
        if user.id == actor.id:
            raise PermissionDenied(t("Change your own password with “Change my password” in the File menu."))
        if problem := password_error(password):
            raise ValidationFailed({"password": problem})
        User.update(password_hash=hash_password(password), must_change_password=True, failed_logins=0,
                    locked_until=None).where(User.id == user.id).execute()
        audit.log(actor, "account_password_reset", facts=audit.account_facts(user.id), account=user.id,
                  username=user.username)
    return User.get_by_id(user_id)


def unlock(actor: User, user_id: int) -> User:
    """End a lockout after repeated failed sign-ins, before it runs out by itself."""
    with write_transaction():
        _manager(actor, t("unlock an account"))
        user = _target(user_id)
        User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()
        audit.log(actor, "account_unlocked", account=user.id, username=user.username,
                  was_locked_until=user.locked_until)
    return User.get_by_id(user_id)


def change_own_password(user: User, old: str, new: str) -> None:
    """Any signed-in user, with the present password; the new one must differ from it."""
    if new and new == old:
        raise ValidationFailed({"password": t("Choose a password other than the present one.")})
    change_password(user, old, new)  # recorded in the desk's chain there


def _manager(actor: User | None, action: str) -> None:
    """The acting account as stored now must be an active manager."""
    current = User.get_or_none(User.id == actor.id) if actor is not None else None
    require_role(current, Role.MANAGER, action=action)


def _target(user_id: int) -> User:
    user = User.get_or_none(User.id == user_id)
    if user is None:
        raise ValidationFailed({"account": t("This account no longer exists.")})
    return user


def _keep_a_manager(user: User, refusal: str) -> None:
    """Refuse unless an active manager other than `user` remains. On PostgreSQL every active
    manager's row is locked, `user`'s too, so that two desks each demoting the other manager queue
    and the second sees the first's change."""
    query = User.select(User.id).where(User.role == Role.MANAGER, User.active == True)  # noqa: E712
    if not is_sqlite():  # SQLite's write transaction (BEGIN IMMEDIATE) already holds the only write lock
        query = query.for_update()
    if not [row for row in query if row.id != user.id]:
        raise PermissionDenied(refusal)


def _set_active(actor: User, user: User, active: bool) -> None:
    if user.active == active:
        return
    User.update(active=active).where(User.id == user.id).execute()
    audit.log(actor, "account_reactivated" if active else "account_deactivated", facts=audit.account_facts(user.id),
              account=user.id, username=user.username)
