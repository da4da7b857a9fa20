"""Estates on one company database, kept apart by PostgreSQL itself: two estates and head office,
each with its own LOGIN role, through the app and through raw SQL typed with those logins."""
from __future__ import annotations

import datetime as dt

import psycopg
import pytest

from models import estates, head_office, history, intake, queries, search, settings
from models.accounts import User, authenticate, create_first_manager, create_user
from models.catalog import Category
from models.db import database
from models.queries import SlipFilter
from models.schema import MODELS
from models.slips import Slip
from models.connection import close_database
from models.vocab import Role
from tests.support.company import PG_ADMIN_URL, create_company, drop_company, run_admin
from tests.support.slips import phone_intake

needs_pg = pytest.mark.skipif(not PG_ADMIN_URL, reason="needs the PostgreSQL test server (SLIPDESK_TEST_PG)")


@pytest.fixture
def company():
    made = create_company()
    yield made
    drop_company(made)


def _desk_with_a_slip(company, who: str, complaint: str) -> tuple[int, str]:
    """An estate's desk: its first manager, a clerk, one phone complaint saved. (slip id, number)"""
    company.open_as(who)
    manager = create_first_manager("manager", f"经理{who}", "password1")
    clerk = create_user("clerk", f"前台{who}", "password1", Role.CLERK, actor=manager)
    slip = intake.save(phone_intake(complaint=complaint), clerk)
    close_database()
    return slip.id, slip.number


def test_every_table_is_listed_as_an_estates_or_the_companys():
    """A table another branch adds must be placed: in ESTATE_TABLES (an estate's data) or not."""
    tables = {model._meta.table_name for model in MODELS} | {"schema_version"}
    unplaced = tables - set(estates.ESTATE_TABLES) - set(estates.COMPANY_TABLES)
    assert unplaced == set()


def test_a_one_desk_database_is_the_implicit_estate(db, users):
    slip = intake.save(phone_intake(), users["clerk"])
    assert not estates.is_company()
    assert estates.current_estate() == estates.IMPLICIT_ESTATE
    held = database.execute_sql('SELECT DISTINCT "estate_id" FROM "slip"').fetchall()
    assert held == [(estates.IMPLICIT_ESTATE,)]
    assert slip.number.startswith("TS-2026-")


def test_company_init_refuses_sqlite(tmp_path, capsys):
    from desktop.commands import admin

    assert admin.main(["company", "init", str(tmp_path / "desk.db")]) == 2
    assert "postgresql://" in capsys.readouterr().err


@needs_pg
def test_each_estate_sees_only_its_own_slips_through_the_app(company):
    a_id, a_number = _desk_with_a_slip(company, "A", "A 楼道灯不亮。")
    b_id, b_number = _desk_with_a_slip(company, "B", "B 电梯停运。")
    assert a_number == "YG-2026-000001" and b_number == "HB-2026-000001"  # numbers run per estate

    company.open_as("A")
    assert [s.complaint for s in Slip.select()] == ["A 楼道灯不亮。"]
    assert Slip.get_or_none(Slip.id == b_id) is None
    assert settings.get("estate.name") == "阳光花园"
    assert authenticate("clerk", "password1").display_name == "前台A"  # user names are per estate
    assert history.verify_slip(Slip.get_by_id(a_id)) is None
    close_database()

    company.open_as("head")
    assert estates.is_head_office() and estates.current_estate() is None
    assert {s.number for s in Slip.select()} == {a_number, b_number}
    assert head_office.estate_names() == {1: "阳光花园", 2: "海滨苑"}
    assert not User.select().where(estates.own(User)).exists()  # head office's own accounts: none yet
    close_database()


@needs_pg
def test_each_estates_search_finds_and_counts_its_own_slips_from_the_index(company):
    """The search reads the GIN index through slipdesk_matches, which keeps to the caller's estate:
    each estate finds and counts its own slips only, head office every estate's (or the one it is
    viewing), whatever the query's shape: one character, a word, a unit number, dates."""
    _desk_with_a_slip(company, "A", "楼道灯不亮，电梯也坏了。")
    _desk_with_a_slip(company, "B", "电梯停运，楼道很黑。")
    for who, expected in (("A", ["楼道灯不亮，电梯也坏了。"]), ("B", ["电梯停运，楼道很黑。"])):
        company.open_as(who)
        for text in ("电", "电梯", "楼道 梯", "梯 灯" if who == "A" else "梯 黑"):
            flt = SlipFilter(text=text, received_from=dt.date(2026, 11, 1))
            assert [row.excerpt for row in queries.page(flt)] == expected, (who, text)
            assert queries.count(flt) == 1
        assert queries.count(SlipFilter(text="停运" if who == "A" else "灯不亮")) == 0  # the other's words
        close_database()
    company.open_as("head")
    assert queries.count(SlipFilter(text="电梯")) == 2
    with database.atomic(), estates.viewing(2):
        assert [row.excerpt for row in queries.page(SlipFilter(text="电梯"))] == ["电梯停运，楼道很黑。"]
    close_database()


@needs_pg
def test_no_login_searches_as_another(company):
    """slipdesk_matches answers only for a role the session may act as: an estate's login that
    names another estate's gets a refusal, not its slips."""
    _desk_with_a_slip(company, "B", "B 电梯停运。")
    _desk_with_a_slip(company, "A", "A 楼道灯不亮。")
    with company.raw("A") as conn:
        own = conn.execute("SELECT count(*) FROM slipdesk_matches(%s::tsquery, current_user, NULL, NULL, NULL)",
                           (search.tsquery(["梯"]),)).fetchone()
        assert own == (0,)  # A's slip has no 梯; B's does
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT * FROM slipdesk_matches(%s::tsquery, %s, NULL, NULL, NULL)",
                         (search.tsquery(["梯"]), company.logins["B"]))
    with company.raw("A") as conn:
        assert conn.execute("SELECT count(*) FROM search_tokens").fetchone() == (1,)  # its own row only


@needs_pg
def test_an_estate_login_cannot_reach_another_estates_rows_with_raw_sql(company):
    a_id, _ = _desk_with_a_slip(company, "A", "A 的投诉")
    b_id, _ = _desk_with_a_slip(company, "B", "B 的投诉")
    with company.raw("B") as conn:
        b_events = conn.execute("SELECT count(*) FROM slip_event").fetchone()[0]
    with company.raw("A") as conn:
        assert conn.execute("SELECT id FROM slip").fetchall() == [(a_id,)]
        assert conn.execute("SELECT count(*) FROM slip_event WHERE slip_id = %s", (b_id,)).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM \"user\" WHERE estate_id <> slipdesk_estate()").fetchone() == (0,)
        assert conn.execute("UPDATE slip SET complaint = 'x' WHERE id = %s", (b_id,)).rowcount == 0
        assert conn.execute("DELETE FROM slip_event WHERE slip_id = %s", (b_id,)).rowcount == 0
        own = conn.execute("SELECT count(*) FROM setting WHERE estate_id = slipdesk_estate()").fetchone()[0]
        assert own == 3  # its name, its slip-number prefix, its database identity (models.anchors)
        assert conn.execute("UPDATE setting SET value = '\"x\"'").rowcount == own  # its own only
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # a row written into B
            conn.execute("INSERT INTO category (code, name_zh, name_en, sort, active, estate_id) "
                         "VALUES ('x', 'x', 'x', 0, true, 2)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # its own row handed to B
            conn.execute("UPDATE slip SET estate_id = 2 WHERE id = %s", (a_id,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the login → estate mapping
            conn.execute("UPDATE estate_login SET estate_id = 2")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # the policies themselves
            conn.execute("ALTER TABLE slip DISABLE ROW LEVEL SECURITY")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{company.logins["B"]}"')
    with company.raw("B") as conn:  # B's rows as they were
        assert conn.execute("SELECT complaint FROM slip").fetchall() == [("B 的投诉",)]
        assert conn.execute("SELECT count(*) FROM slip_event").fetchone() == (b_events,) and b_events > 0
        assert conn.execute("SELECT value FROM setting WHERE key = 'estate.name'").fetchone() == ('"海滨苑"',)


@needs_pg
def test_head_office_reads_every_estate_and_writes_only_what_it_may(company):
    a_id, _ = _desk_with_a_slip(company, "A", "A 的投诉")
    b_id, _ = _desk_with_a_slip(company, "B", "B 的投诉")
    with company.raw("head") as conn:
        assert {row[0] for row in conn.execute("SELECT id FROM slip")} == {a_id, b_id}
        assert conn.execute("SELECT count(DISTINCT estate_id) FROM slip_event").fetchone() == (2,)
        # a slip not sent up is the estate's: head office cannot change it, nor the estates' rules
        assert conn.execute("UPDATE slip SET complaint = 'x' WHERE id = %s", (a_id,)).rowcount == 0
        assert conn.execute("UPDATE category SET name_zh = 'x' WHERE estate_id IS NOT NULL").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # history is never deleted
            conn.execute("DELETE FROM slip_event")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO category (code, name_zh, name_en, sort, active, estate_id) "
                         "VALUES ('x', 'x', 'x', 0, true, 1)")
        assert conn.execute("UPDATE slip_counter SET last = last + 1").rowcount == 0  # an estate's numbers
        # its own rows (no estate): its settings
        conn.execute("INSERT INTO setting (key, value) VALUES ('estate.address', '\"总部\"')")
        assert conn.execute("SELECT estate_id FROM setting WHERE value = '\"总部\"'").fetchone() == (None,)
    with company.raw("A") as conn:  # head office's own rows are not an estate's
        assert conn.execute("SELECT count(*) FROM setting WHERE value = '\"总部\"'").fetchone() == (0,)


@needs_pg
def test_estate_add_refuses_a_clash_and_bad_input(company, capsys):
    from desktop.commands import admin

    assert admin.main(["estate", "add", "A", "--name", "又一个", "--login", company.name + "_again",
                       "--db", company.owner_url]) == 2
    assert "code A" in capsys.readouterr().err
    assert admin.main(["estate", "add", "C", "--name", "新项目", "--login", company.logins["B"],
                       "--db", company.owner_url]) == 2
    assert "exists already" in capsys.readouterr().err
    assert admin.main(["estate", "add", "C", "--name", "新项目", "--prefix", "toolong1",
                       "--login", company.name + "_c", "--db", company.owner_url]) == 2
    assert "prefix" in capsys.readouterr().err
    listed = run_admin("estate", "list", "--db", company.owner_url)
    assert [line.split("\t")[0] for line in listed.splitlines()] == ["A", "B"]


@needs_pg
def test_a_new_estate_starts_with_its_own_lists_and_rules(company):
    printed = run_admin("estate", "add", "C", "--name", "翠湖居", "--prefix", "CH", "--login",
                        company.name + "_c", "--db", company.owner_url)
    password = printed.strip().rsplit(":", 1)[-1].split("@")[0]
    assert company.name + "_c:" in printed and len(password) >= 16
    close_database()
    company.open_as("A")
    assert Category.select().count() == 11  # its own eleven, not 22 or 33
    close_database()
