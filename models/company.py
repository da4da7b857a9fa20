"""Making a company database and adding its estates (slipdesk-admin company init, estate add).

The estates themselves, their column and the database's policies are models.estates; here the
group roles and logins are made, and a new estate gets its own lists and rules, seeded as a new
desk's are (models.migrations).
"""
from __future__ import annotations

import re
import secrets

from models import settings
from models.accounts import User
from models.db import database, is_sqlite
from models.errors import ValidationFailed
from models.estates import (CODE_PATTERN, COLUMN, ESTATE_TABLES, LOGIN_PATTERN, PREFIX_PATTERN, Company, Estate,
                            EstateLogin, EstateRefused, acting_as, apply, default_group_names, forget, group_roles,
                            is_company, is_superuser, quote_literal, quote_name, role_exists)
from models.i18n import t
from models.migrations import seed_new_database
from models.slips import Slip


def init_company() -> tuple[str, str]:
    """Make the open PostgreSQL database a company database: the group roles, the functions,
    every listed table scoped. Refused on SQLite and on a database that holds an estate's
    slips or accounts already (move a desk in instead). Returns the two group roles."""
    if is_sqlite():
        raise EstateRefused(t("A company database is a PostgreSQL database: give a postgresql:// URL."))
    if is_company():  # run again: every listed table's column, keys, policies and grants made anew
        with database.atomic():
            apply()
        return group_roles()
    if Slip.select().exists() or User.select().exists():
        raise EstateRefused(t("This database holds an estate's slips or accounts already: start the company on "
                              "an empty database and bring a desk in with slipdesk-admin move."))
    estates_role, head_role = default_group_names()
    with database.atomic():
        for role in (estates_role, head_role):
            if not role_exists(role):
                database.execute_sql(f"CREATE ROLE {quote_name(role)} NOLOGIN")
        database.create_tables([Company, EstateLogin])
        Company.create(id=1, estates_role=estates_role, head_office_role=head_role)
        if not is_superuser():  # the owner is subject to the policies too (FORCE): it works as head office
            database.execute_sql(f"GRANT {quote_name(head_role)} TO CURRENT_USER")
        EstateLogin.insert(rolname=database.execute_sql("SELECT current_user").fetchone()[0],
                           estate=None).on_conflict_ignore().execute()
        for table in ESTATE_TABLES:  # what a new database seeded is head office's own now
            if database.table_exists(table):
                database.execute_sql(f'UPDATE "{table}" SET "{COLUMN}" = NULL')
        forget()
        apply()
    return estates_role, head_role


def _check_login(login: str) -> None:
    if not LOGIN_PATTERN.match(login):
        raise ValidationFailed({"login": t("A login name is lower-case letters, digits and _ (at most 63), "
                                           "starting with a letter.")})
    if role_exists(login):
        raise EstateRefused(t("The database login “{login}” exists already: choose another with --login.", login=login))


def _create_login(login: str, password: str | None, group: str) -> str:
    password = password or secrets.token_urlsafe(18)
    database.execute_sql(f"CREATE ROLE {quote_name(login)} LOGIN PASSWORD {quote_literal(password)} "
                         f"IN ROLE {quote_name(group)}")
    database.execute_sql(f"GRANT CONNECT ON DATABASE {quote_name(database.obj.database)} TO {quote_name(login)}")
    return password


def _require_company() -> None:
    if not is_company():
        raise EstateRefused(t("This is not a company database: run slipdesk-admin company init on it first."))


def add_estate(code: str, name: str, prefix: str = "TS", login: str | None = None,
               password: str | None = None) -> tuple[Estate, str]:
    """A new estate with its database login (and password: the one given, else a new one) and its
    own lists and rules, seeded as a new desk's are. Returns the estate and the password."""
    _require_company()
    errors = {}
    if not CODE_PATTERN.match(code or ""):
        errors["code"] = t("An estate code is 1-16 letters, digits, - or _.")
    if not (name or "").strip() or len(name.strip()) > 64:
        errors["name"] = t("An estate needs a name (at most 64 characters).")
    if not PREFIX_PATTERN.match(prefix or ""):
        errors["prefix"] = t("A slip-number prefix is 1-6 capital letters or digits.")
    if errors:
        raise ValidationFailed(errors)
    login = login or f"{database.obj.database.lower()}_{code.lower()}"[:63]
    login = re.sub(r"[^a-z0-9_]", "_", login)
    _check_login(login)
    if Estate.select().where(Estate.code == code).exists():
        raise EstateRefused(t("There is an estate with the code {code} already.",
                              code=code))
    estates_role, _ = group_roles()
    with database.atomic():
        password = _create_login(login, password, estates_role)
        estate = Estate.create(code=code, name=name.strip(), login=login)
        EstateLogin.create(rolname=login, estate=estate)
        with acting_as(login):
            _seed_estate(name.strip(), prefix)
    return estate, password


def add_head_office_login(login: str, password: str | None = None) -> str:
    """A head-office database login (reads every estate; writes its own rows and handling)."""
    _require_company()
    _check_login(login)
    _, head_role = group_roles()
    with database.atomic():
        password = _create_login(login, password, head_role)
        EstateLogin.create(rolname=login, estate=None)
    return password


def _seed_estate(name: str, prefix: str) -> None:
    seed_new_database()
    settings.put_setup("estate.name", name)
    settings.put_setup("slip.prefix", prefix)
