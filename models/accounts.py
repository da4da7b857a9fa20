"""Users of the desk, their roles, and signing in with argon2id-hashed passwords."""
from __future__ import annotations

import datetime as dt
import math

import peewee
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from models import clock
from models.db import BaseModel, database
from models.errors import LoginFailed, PermissionDenied, ValidationFailed
from models.vocab import Role

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD = 8


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

    def __str__(self) -> str:
        return self.display_name

    @property
    def person(self) -> str:
        """Who this account belongs to, across accounts: the work ID, else the account."""
        return self.work_id.strip() or f"user:{self.id}"

    def has_role(self, *roles: str) -> bool:
        return self.role in roles


def has_any_user() -> bool:
    return User.select().exists()


def create_user(username: str, display_name: str, password: str, role: str = Role.CLERK,
                work_id: str = "") -> User:
    errors = {}
    username = (username or "").strip()
    if not username:
        errors["username"] = "A user name is required."
    elif User.select().where(User.username == username).exists():
        errors["username"] = f"The user name “{username}” is taken."
    if not (display_name or "").strip():
        errors["display_name"] = "A display name is required."
    if len(password or "") < MIN_PASSWORD:
        errors["password"] = f"The password needs at least {MIN_PASSWORD} characters."
    if role not in set(Role):
        errors["role"] = f"Unknown role “{role}”."
    if errors:
        raise ValidationFailed(errors)
    return User.create(username=username, display_name=display_name.strip(), role=role,
                       work_id=(work_id or "").strip(), password_hash=_hasher.hash(password))


def create_first_manager(username: str, display_name: str, password: str, work_id: str = "") -> User:
    """The account asked for on first start; refused once any account exists."""
    with database.atomic():
        if has_any_user():
            raise PermissionDenied("The first manager account exists already.")
        return create_user(username, display_name, password, Role.MANAGER, work_id)


def authenticate(username: str, password: str) -> User:
    """The user, or LoginFailed; repeated failures lock the account for a while."""
    user = User.get_or_none(User.username == (username or "").strip())
    if user is None or not user.active:
        _hasher.hash(password or "x")  # same cost either way: no user-name probing by timing
        raise LoginFailed("Wrong user name or password.")
    now = clock.now()
    if user.locked_until and user.locked_until > now:
        minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
        raise LoginFailed(f"Too many failed attempts: the account is locked for {minutes} more minute(s).")
    if not _verify(user, password):
        _record_failure(user, now)
        raise LoginFailed("Wrong user name or password.")
    _record_success(user, password)
    return user


def _verify(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _record_failure(user: User, now: dt.datetime) -> None:
    failures = user.failed_logins + 1
    locked = now + LOCKOUT if failures >= MAX_FAILURES else None
    User.update(failed_logins=0 if locked else failures, locked_until=locked).where(
        User.id == user.id).execute()


def _record_success(user: User, password: str) -> None:
    changes = {"failed_logins": 0, "locked_until": None}
    if _hasher.check_needs_rehash(user.password_hash):  # parameters raised since it was hashed
        changes["password_hash"] = _hasher.hash(password)
    User.update(**changes).where(User.id == user.id).execute()


def verify_password(user: User, password: str) -> bool:
    """For the idle lock screen: the same account typing its password again."""
    return _verify(User.get_by_id(user.id), password)


def change_password(user: User, old: str, new: str) -> None:
    if not _verify(User.get_by_id(user.id), old):
        raise ValidationFailed({"old_password": "The present password is wrong."})
    if len(new or "") < MIN_PASSWORD:
        raise ValidationFailed({"password": f"The password needs at least {MIN_PASSWORD} characters."})
    User.update(password_hash=_hasher.hash(new)).where(User.id == user.id).execute()


def require_role(user: User | None, *roles: str, action: str = "do this") -> None:
    """Refuse unless `user` holds one of `roles`: the check behind every restricted action."""
    if user is None or not user.active or user.role not in roles:
        names = " or ".join(roles)
        raise PermissionDenied(f"Only a {names} may {action}.")
