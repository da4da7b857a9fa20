"""Users of the desk, their roles, and signing in with argon2id-hashed passwords."""
from __future__ import annotations

import datetime as dt
import math

from functools import cache

import peewee

from models import clock
from models.db import BaseModel, database
from models.errors import LoginFailed, PermissionDenied, ValidationFailed
from models.i18n import language, plural, t
from models.vocab import Role, label



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
    # Set when a manager resets the password (schema step 5; NULL on older rows reads as False):
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
                work_id: str = "") -> User:
    username = (username or "").strip()
    errors = details_errors(display_name, work_id, role)
    if not username:
        errors["username"] = t("A user name is required.", "请填写用户名。")
    elif len(username) > USER_NAME_MAX:
        errors["username"] = t("A user name has at most {n} characters.", "用户名最多 {n} 个字符。", n=USER_NAME_MAX)
    elif User.select().where((User.username == username) & _own()).exists():
        errors["username"] = t("The user name “{name}” is taken.", "用户名“{name}”已被使用。", name=username)
    if password_error(password):
        errors["password"] = password_error(password)
    if errors:
        raise ValidationFailed(errors)
    return User.create(username=username, display_name=display_name.strip(), role=role,
                       work_id=(work_id or "").strip(), password_hash=_hasher().hash(password))


def details_errors(display_name: str, work_id: str, role: str) -> dict[str, str]:
    """What is wrong with an account's name, work ID and role, field by field (empty: nothing)."""
    errors = {}
    if not (display_name or "").strip():
        errors["display_name"] = t("A display name is required.", "请填写显示姓名。")
    elif len(display_name.strip()) > DISPLAY_NAME_MAX:
        errors["display_name"] = t("A display name has at most {n} characters.", "显示姓名最多 {n} 个字符。",
                                   n=DISPLAY_NAME_MAX)
    if len((work_id or "").strip()) > WORK_ID_MAX:
        errors["work_id"] = t("A work ID has at most {n} characters.", "工号最多 {n} 个字符。", n=WORK_ID_MAX)
    if role not in set(Role):
        errors["role"] = t("Unknown role “{role}”.", "未知的角色“{role}”。", role=role)
    return errors


def password_error(password: str) -> str:
    """Why a new password is refused, or "" when it will do."""
    if len(password or "") < MIN_PASSWORD:
        return t("The password needs at least {n} characters.", "密码至少需要 {n} 个字符。", n=MIN_PASSWORD)
    return ""


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def _own():
    """Accounts are per estate: a user name is looked up among the login's own estate's."""
    from models import estates

    return estates.own(User)


def create_first_manager(username: str, display_name: str, password: str, work_id: str = "") -> User:
    """The account asked for on first start; refused once any account exists."""
    with database.atomic():
        if has_any_user():
            raise PermissionDenied(t("The first manager account exists already.", "首个经理账户已经存在。"))
        return create_user(username, display_name, password, Role.MANAGER, work_id)


def authenticate(username: str, password: str) -> User:
    """The user, or LoginFailed; repeated failures lock the account for a while."""
    user = User.get_or_none((User.username == (username or "").strip()) & _own())
    if user is None or not user.active:
        _hasher().hash(password or "x")  # same cost either way: no user-name probing by timing
        raise LoginFailed(t("Wrong user name or password.", "用户名或密码错误。"))
    now = clock.now()
    if user.locked_until and user.locked_until > now:
        minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
        raise LoginFailed(t("Too many failed attempts: the account is locked for {minutes} more.",
                            "登录失败次数过多，账户已锁定，请 {minutes}后再试。",
                            minutes=plural(minutes, "minute", "minutes", "分钟")))
    if not _verify(user, password):
        _record_failure(user, now)
        raise LoginFailed(t("Wrong user name or password.", "用户名或密码错误。"))
    _record_success(user, password)
    return user


def _verify(user: User, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _record_failure(user: User, now: dt.datetime) -> None:
    failures = user.failed_logins + 1
    locked = now + LOCKOUT if failures >= MAX_FAILURES else None
    User.update(failed_logins=0 if locked else failures, locked_until=locked).where(
        User.id == user.id).execute()


def _record_success(user: User, password: str) -> None:
    changes = {"failed_logins": 0, "locked_until": None}
    if _hasher().check_needs_rehash(user.password_hash):  # parameters raised since it was hashed
        changes["password_hash"] = _hasher().hash(password)
    User.update(**changes).where(User.id == user.id).execute()


def verify_password(user: User, password: str) -> bool:
    """For the idle lock screen: the same account typing its password again."""
    return _verify(User.get_by_id(user.id), password)


def change_password(user: User, old: str, new: str) -> None:
    if not _verify(User.get_by_id(user.id), old):
        raise ValidationFailed({"old_password": t("The present password is wrong.", "当前密码不正确。")})
    if password_error(new):
        raise ValidationFailed({"password": password_error(new)})
    User.update(password_hash=_hasher().hash(new), must_change_password=False).where(User.id == user.id).execute()


def require_role(user: User | None, *roles: str, action: str | None = None) -> None:
    """Refuse unless `user` holds one of `roles`: the check behind every restricted action.

    `action` says what was refused, in the current language: t("confirm an escalation", "确认上报").
    """
    if user is None or not user.active or user.role not in roles:
        raise PermissionDenied(t("Only a {names} may {action}.", "只有{names}可以{action}。",
                                 names=" or ".join(roles) if language() == "en" else "或".join(
                                     label(role, "zh") for role in roles),
                                 action=action or t("do this", "执行此操作")))
