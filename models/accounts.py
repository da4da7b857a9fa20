"""Users of the desk, their roles, and signing in with argon2id-hashed passwords."""
from __future__ import annotations

import datetime as dt
import math
from functools import cache
from typing import Any, Callable

import peewee

from models import clock, estates, validation
from models.db import BaseModel, write_transaction
from models.errors import LoginFailed, PermissionDenied, ValidationFailed
from models.i18n import language, plural, t
from models.vocab import Role, label

# Each change of an account is an event of the desk's chain. models.audit records it and, to verify
# the chain, reads this module's User: `log_account(actor, action, user_id, **detail)` is handed
# over by models.providers when a database is opened (models.connection).
_chain: list[Callable[..., Any]] = []


def record_changes_with(log_account: Callable[..., Any]) -> None:
    _chain[:] = [log_account]


def log_change(actor: User | None, action: str, user_id: int, **detail: Any) -> None:
    """Record a change of an account in the desk's chain, in the transaction that makes it."""
    if not _chain:
        raise RuntimeError("models.accounts was not handed the desk's chain: open the database with "
                           "models.connection.open_database (models.providers)")
    _chain[0](actor, action, user_id, **detail)


@cache
def _hasher():
    """argon2id with the library's current recommended parameters; loaded at the first sign-in,
    not with the desk's start-up."""
    from argon2 import PasswordHasher

    return PasswordHasher()


MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD = 8
USER_NAME_MAX, DISPLAY_NAME_MAX, WORK_ID_MAX = 64, 64, 32  # the columns' sizes
PASSWORD_MAX = 1024


class User(BaseModel):
    username = peewee.CharField(max_length=64, unique=True)
    display_name = peewee.CharField(max_length=64)
    role = peewee.CharField(max_length=16, default=Role.CLERK)
    # 工号: one person may hold a clerk and a supervisor account; the work ID ties them together
    work_id = peewee.CharField(max_length=32, default="")
    password_hash = peewee.CharField(max_length=256)
    active = peewee.BooleanField(default=True)
    failed_logins = peewee.IntegerField(default=0)
    locked_until = peewee.DateTimeField(null=True)
    created_at = peewee.DateTimeField(default=clock.now)
    # Set when a manager resets the password (NULL, on rows older than the column, reads as False):
    # the manager knows that password, so its owner replaces it at the next sign-in.
    must_change_password = peewee.BooleanField(null=True)

    def __str__(self) -> str:
        return self.display_name

    @property
    def person(self) -> str:
        """Who this account belongs to, across accounts: the work ID, else the account."""
        return self.work_id.strip() or f"user:{self.id}"

    def has_role(self, *roles: str) -> bool:
        return self.role in roles

    def is_locked(self, now: dt.datetime | None = None) -> bool:
        """Locked out by repeated failed sign-ins, until the lockout runs out or a manager unlocks it."""
        return bool(self.locked_until and self.locked_until > (now or clock.now()))


def has_any_user() -> bool:
    """Any account of this desk's estate (head office's login sees every estate's: its own)."""
    return User.select().where(_own()).exists()


def create_user(username: str, display_name: str, password: str, role: str = Role.CLERK,
                work_id: str = "", *, actor: User | None, must_change: bool = False) -> User:
    """A new account, made by an active manager (`actor`, as stored now) or, on a desk with no
    account yet, as its first manager; recorded in the desk's chain (models.audit).
    `must_change`: its owner replaces the password at the first sign-in (the manager knows it)."""
    with write_transaction():
        first = actor is None and not has_any_user()
        if not first:
            current = User.get_or_none(User.id == actor.id) if actor is not None else None
            require_role(current, Role.MANAGER, action=t("add an account"))
        elif role != Role.MANAGER:
            raise PermissionDenied(t("A desk's first account is its manager's."))
        username = (username or "").strip()
        errors = details_errors(display_name, work_id, role)
        if problem := username_error(username):
            errors["username"] = problem
        elif User.select().where((User.username == username) & _own()).exists():
            errors["username"] = t("The user name “{name}” is taken.", name=username)
        if password_error(password):
            errors["password"] = password_error(password)
        if errors:
            raise ValidationFailed(errors)
        user = User.create(username=username, display_name=display_name.strip(), role=role,
                           work_id=(work_id or "").strip(), password_hash=_hasher().hash(password),
                           must_change_password=True if must_change else None)
        log_change(actor, "account_added", user.id, username=user.username, role=role,
                   display_name=user.display_name, work_id=user.work_id)
    return user


def username_error(username: str) -> str | None:
    """Why a user name cannot be used ("" / None when it can)."""
    if not username:
        return t("A user name is required.")
    if len(username) > USER_NAME_MAX:
        return t("A user name has at most {n} characters.", n=USER_NAME_MAX)
    if validation.has_control_chars(username) or any(ch.isspace() for ch in username):
        return t("A user name has no spaces or control characters.")
    return None


def details_errors(display_name: str, work_id: str, role: str) -> dict[str, str]:
    """What is wrong with an account's name, work ID and role, field by field (empty: nothing)."""
    errors = {}
    if not isinstance(display_name, str) or not display_name.strip():
        errors["display_name"] = t("A display name is required.")
    elif len(display_name.strip()) > DISPLAY_NAME_MAX:
        errors["display_name"] = t("A display name has at most {n} characters.",
                                   n=DISPLAY_NAME_MAX)
    elif validation.has_control_chars(display_name):
        errors["display_name"] = t("The name contains control characters.")
    if not isinstance(work_id or "", str) or len((work_id or "").strip()) > WORK_ID_MAX:
        errors["work_id"] = t("A work ID has at most {n} characters.", n=WORK_ID_MAX)
    elif validation.has_control_chars(work_id or ""):
        errors["work_id"] = t("The work ID contains control characters.")
    if role not in set(Role):
        errors["role"] = t("Unknown role “{role}”.", role=role)
    return errors


def password_error(password: str) -> str:
    """Why a new password is refused, or "" when it will do."""
    if not isinstance(password or "", str) or len(password or "") < MIN_PASSWORD:
        return t("The password needs at least {n} characters.", n=MIN_PASSWORD)
    if len(password) > PASSWORD_MAX:
        return t("The password has at most {n} characters.", n=PASSWORD_MAX)
    if validation.has_control_chars(password):
        return t("The password contains control characters.")
    return ""


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _own():
    """Accounts are per estate: a user name is looked up among the login's own estate's."""
    return estates.own(User)


def create_first_manager(username: str, display_name: str, password: str, work_id: str = "") -> User:
    """The account asked for on first start; refused once any account exists."""
    with write_transaction():
        if has_any_user():
            raise PermissionDenied(t("The first manager account exists already."))
        return create_user(username, display_name, password, Role.MANAGER, work_id, actor=None)


def authenticate(username: str, password: str) -> User:
    """The user, or LoginFailed; repeated failures lock the account for a while.

    Each attempt takes its place in the count before the password is checked (one UPDATE that
    adds one, in its own transaction): desks or processes trying passwords at the same moment
    cannot check more than MAX_FAILURES of them before the account locks."""
    username = username if isinstance(username, str) else ""
    password = password if isinstance(password, str) else ""
    user = (None if validation.has_control_chars(username)
            else User.get_or_none((User.username == username.strip()) & _own()))
    if user is None or not user.active:
        _hasher().hash(password or "x")  # same cost either way: no user-name probing by timing
        raise LoginFailed(t("Wrong user name or password."))
    now = clock.now()
    attempt = _take_attempt(user, now)
    if attempt is None:
        locked = User.get_by_id(user.id).locked_until or now + LOCKOUT
        minutes = max(1, math.ceil((locked - now).total_seconds() / 60))
        raise LoginFailed(t("Too many failed attempts: the account is locked for {minutes} more.",
                            minutes=plural(minutes, "minute", "minutes")))
    if not _verify(user, password):
        if attempt >= MAX_FAILURES:
            _lock(user, now)
        raise LoginFailed(t("Wrong user name or password."))
    _record_success(user, password)
    return user


def _take_attempt(user: User, now: dt.datetime) -> int | None:
    """Count this attempt (atomically); its place in the count, or None when the account is locked
    (or this attempt is past the limit: another process is checking the last allowed one)."""
    with write_transaction():
        row = (User.update(failed_logins=User.failed_logins + 1)
               .where((User.id == user.id) & (User.locked_until.is_null() | (User.locked_until <= now)))
               .returning(User.failed_logins).execute())
        counted = next(iter(row), None)
        if counted is None:
            return None
        if counted.failed_logins > MAX_FAILURES:
            _lock(user, now)
            return None
        return counted.failed_logins


def _lock(user: User, now: dt.datetime) -> None:
    User.update(failed_logins=0, locked_until=now + LOCKOUT).where(User.id == user.id).execute()


def _verify(user: User, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _record_success(user: User, password: str) -> None:
    with write_transaction():
        User.update(failed_logins=0, locked_until=None).where(User.id == user.id).execute()
        if _hasher().check_needs_rehash(user.password_hash):  # parameters raised since it was hashed
            User.update(password_hash=_hasher().hash(password)).where(User.id == user.id).execute()
            log_change(user, "password_rehashed", user.id)


def verify_password(user: User, password: str) -> bool:
    """For the idle lock screen: the same account typing its password again."""
    return _verify(User.get_by_id(user.id), password)


def change_password(user: User, old: str, new: str) -> None:
    """The account's own new password, given the present one; recorded in the desk's chain."""
    if not _verify(User.get_by_id(user.id), old):
        raise ValidationFailed({"old_password": t("The present password is wrong.")})
    if password_error(new):
        raise ValidationFailed({"password": password_error(new)})
    with write_transaction():
        User.update(password_hash=_hasher().hash(new), must_change_password=False).where(User.id == user.id).execute()
        log_change(user, "password_changed", user.id, username=user.username)


def require_role(user: User | None, *roles: str, action: str | None = None) -> None:
    """Refuse unless `user` holds one of `roles`: the check behind every restricted action.

    `action` says what was refused, in the current language: t("confirm an escalation", "确认上报").
    """
    if user is None or not user.active or user.role not in roles:
        raise PermissionDenied(t("Only a {names} may {action}.",
                                 names=" or ".join(roles) if language() == "en" else "或".join(
                                     label(role, "zh") for role in roles),
                                 action=action or t("do this")))
