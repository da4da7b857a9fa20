"""Estates: many estates on one PostgreSQL database, kept apart by the database itself.

A property company runs tens of estates. Every row of an estate's data carries `estate_id`;
`ESTATE_TABLES` below is the one list of the tables that do. On a company database (PostgreSQL,
`slipdesk-admin company init`) the column's DEFAULT is `slipdesk_estate()`, the estate of the
database login the desk connected with, and row-level security policies keep each login to its
own estate's rows: the application's inserts and queries need no change, and an estate's login
cannot read or change another estate's rows even with its own SQL. Head office's logins (the
service-management department, quality managers) belong to no estate: they read every row and
write their own rows (estate_id NULL) and, on the slips sent up to them, what handling needs.

On SQLite, and on a PostgreSQL database of one estate, there is one implicit estate: the column
is there with DEFAULT 1 and nothing else changes.

A table added later joins by being named in `ESTATE_TABLES` and by a migration step that calls
`apply()`, which (re)makes the column, its default, the per-estate unique indexes, the triggers,
the policies and the grants for every listed table; it is safe to run again.
"""
from __future__ import annotations

import re

import peewee

from models import clock
from models.db import BaseModel, database, is_sqlite
from models.errors import SlipdeskError
from models.i18n import t

COLUMN = "estate_id"
IMPLICIT_ESTATE = 1  # SQLite's (and a one-estate PostgreSQL database's) only estate

# The one list: every table holding an estate's data. A new table of an estate's data goes here
# (and a migration step calls apply()); tests/domain/test_estates.py fails for a table of
# models.schema.MODELS that is in neither list.
ESTATE_TABLES: tuple[str, ...] = (
    "user", "category", "department", "unit", "resident", "setting", "slip_counter", "slip", "attachment",
    "slip_event", "search_doc", "draft", "responsible_person", "category_rule", "authority_limit",
    "escalation_signal", "transmittal", "notice", "notice_read", "book_check", "book_entry", "handover_note",
    "handover_read", "audit_event", "motive_rule", "motive_decision", "motive_rule_hit", "forbidden_phrase",
    "standard_answer", "answer_version", "return_visit", "suggestion_reward", "reply_letter", "reply",
    "thanks_follow_up", "moved_block",
    # the estate's working calendar: the package's holidays seeded for each estate, its managers mark its own days
    "calendar_year", "calendar_day",
    # PostgreSQL's search tokens (models.search.TOKENS), one row per slip like search_doc
    "search_tokens",
    # the head of the estate's own audit chain (models.audit): each estate's desk chains its log
    "chain_head",
)
# Tables of the whole company (or of the program), in no estate.
COMPANY_TABLES: tuple[str, ...] = ("schema_version", "rule_stamp", "estate", "estate_login", "company",
                                   "fact_columns")  # the slip's column sets, named by their digest: one schema

# Head office handles what the estates send up: on these tables its login may write rows of any
# estate (a handling result on the slip, its history event, the notice to the estate's desk);
# everywhere else only its own rows. Slips it may change only while they are in these states.
HEAD_OFFICE_HANDLES: tuple[str, ...] = ("slip", "slip_event", "search_doc", "search_tokens", "notice", "notice_read",
                                        "attachment")
HEAD_OFFICE_SLIP_STATUSES: tuple[str, ...] = ("escalated",)
# Derived rows its handling makes again (a slip's search entry is deleted and written anew).
HEAD_OFFICE_REBUILDS: tuple[str, ...] = ("search_doc", "search_tokens")

# Read by their owner past the policies, through a function whose fixed body keeps to the caller's
# estate (slipdesk_matches below: the search's candidates from the GIN index).
OWNER_READS: tuple[str, ...] = ("search_tokens",)

# Indexes a company database adds, led by the estate: an estate's login reads its own slips by
# period, deadline and state without walking every estate's (the review, the dashboard).
COMPANY_INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "slip": (("received_at",), ("deadline",), ("closed_at",), ("status", "deadline")),
    "reply": (("at",),),
    "transmittal": (("sent_at",),),
    "search_doc": (("key",),),  # the search walks an estate's newest slips first (models.queries)
}

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
PREFIX_PATTERN = re.compile(r"^[A-Z0-9]{1,6}$")
LOGIN_PATTERN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class Estate(BaseModel):
    """An estate of the company: its code, its name, the database login its desks connect with."""
    code = peewee.CharField(max_length=16, unique=True)
    name = peewee.CharField(max_length=64)
    login = peewee.CharField(max_length=63, default="")
    created_at = peewee.DateTimeField(default=clock.now)


class EstateRefused(SlipdeskError):
    pass


# ------------------------------------------------------------------------------------------------
# Which estate, which database


def is_company() -> bool:
    """A company database: PostgreSQL with estates kept apart (slipdesk-admin company init)."""
    db = database.obj
    if db is None or is_sqlite():
        return False
    known = getattr(db, "_slipdesk_company", None)
    if known is None:
        known = db.table_exists("company")
        db._slipdesk_company = known
    return known


def forget() -> None:
    """Ask again whether the open database is a company's (company init just made it one)."""
    if database.obj is not None:
        database.obj._slipdesk_company = None


def current_estate() -> int | None:
    """The estate of this connection: its login's on a company database (None for head office),
    else the implicit one."""
    if not is_company():
        return IMPLICIT_ESTATE
    return database.execute_sql("SELECT slipdesk_estate()").fetchone()[0]


def is_head_office() -> bool:
    return is_company() and database.execute_sql("SELECT slipdesk_head_office()").fetchone()[0]


def own_filter(column: str = f'"{COLUMN}"') -> str:
    """SQL to AND onto a query that must read this login's own rows even where head office's
    login sees every estate's (its settings, its accounts); empty where only one estate is."""
    if not is_company():
        return ""
    return f" AND {column} IS NOT DISTINCT FROM slipdesk_estate()"


def own(model: type[peewee.Model]) -> peewee.Node:
    """`own_filter` for a peewee query on `model`."""
    if not is_company():
        return peewee.SQL("1 = 1")
    return peewee.SQL(f"{COLUMN} IS NOT DISTINCT FROM slipdesk_estate()")


def conflict_target(*columns: str) -> tuple[str, ...]:
    """An upsert's ON CONFLICT columns on a table whose unique key is per estate on a company
    database (where the key is unique together with the estate)."""
    return (*columns, COLUMN) if is_company() else columns


# ------------------------------------------------------------------------------------------------
# The column, on every backend


def add_columns() -> None:
    """Every listed table has its estate column (DEFAULT 1 outside a company database). Two reads
    and one statement on PostgreSQL: a new database (every test's) pays little for it."""
    present = set(database.get_tables())
    missing = [table for table in ESTATE_TABLES if table in present and table not in _with_column(present)]
    added = [f'ALTER TABLE "{table}" ADD COLUMN "{COLUMN}" INTEGER DEFAULT {IMPLICIT_ESTATE}' for table in missing]
    if not added:
        return
    if is_sqlite():
        for statement in added:
            database.execute_sql(statement)
    else:
        database.execute_sql("DO $$ BEGIN " + "; ".join(added) + "; END $$")


def _with_column(tables: set[str]) -> set[str]:
    if is_sqlite():
        return {table for table in ESTATE_TABLES if table in tables
                and COLUMN in {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}}
    rows = database.execute_sql(
        "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
        "AND a.attname = %s AND NOT a.attisdropped", (COLUMN,)).fetchall()
    return {row[0] for row in rows}


def apply() -> None:
    """Bring every listed table to the estate rules of this database; safe to run again."""
    add_columns()
    if is_company():
        _scope_company()


# ------------------------------------------------------------------------------------------------
# A company database (PostgreSQL)

# Head office reads every estate, or the one it narrowed its view to (`viewing`): one estate's
# own review is then the estate's review, computed by the same code.
VIEW_SETTING = "slipdesk.view_estate"
_VIEW = f"(SELECT NULLIF(current_setting('{VIEW_SETTING}', true), '')::integer)"
_VIEWED = f'{_VIEW} IS NULL OR "{COLUMN}" = {_VIEW}'


_FUNCTIONS = (
    # The search's candidates (models.queries), read from the GIN index as the table's owner: under
    # the policies PostgreSQL evaluates them first and may not use an index for `@@`, which is not
    # LEAKPROOF, so an estate's search would read every estate's tokens. The body is fixed and
    # keeps to the caller's estate (head office: every estate, or the one it is viewing); `caller`
    # is the caller's current_user and must be a role the session may act as.
    f"""CREATE OR REPLACE FUNCTION slipdesk_matches(q tsquery, caller name, low bigint, high bigint, most integer)
  RETURNS TABLE (slip_id integer, key bigint) LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  login estate_login%ROWTYPE;
BEGIN
  IF NOT pg_has_role(session_user, caller, 'MEMBER') THEN
    RAISE EXCEPTION 'slipdesk_matches: % may not search as %', session_user, caller
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO login FROM estate_login WHERE rolname = caller;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT t.slip_id, t.key FROM search_tokens t
    WHERE t.tsv @@ q AND (low IS NULL OR t.key >= low) AND (high IS NULL OR t.key < high)
      AND CASE WHEN login.estate_id IS NOT NULL THEN t.estate_id = login.estate_id
               ELSE {_VIEWED.replace('"estate_id"', "t.estate_id")} OR t.estate_id IS NULL END
    LIMIT most;
END $$""",
    """CREATE OR REPLACE FUNCTION slipdesk_estate() RETURNS integer LANGUAGE sql STABLE AS
  $$ SELECT estate_id FROM estate_login WHERE rolname = current_user $$""",
    """CREATE OR REPLACE FUNCTION slipdesk_head_office() RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT EXISTS (SELECT 1 FROM estate_login WHERE rolname = current_user AND estate_id IS NULL) $$""",
    """CREATE OR REPLACE FUNCTION slipdesk_keep_estate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a row never moves to another estate (%.estate_id)', TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$""",
    """CREATE OR REPLACE FUNCTION slipdesk_estate_from_parent() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_id text;
  found integer;
  i integer := 0;
BEGIN
  IF NEW.estate_id IS NOT NULL THEN
    RETURN NEW;
  END IF;
  WHILE i < TG_NARGS LOOP
    parent_id := to_jsonb(NEW) ->> TG_ARGV[i + 1];
    IF parent_id IS NOT NULL THEN
      EXECUTE format('SELECT estate_id FROM %I WHERE %I = $1::bigint', TG_ARGV[i], TG_ARGV[i + 2])
        INTO found USING parent_id;
      NEW.estate_id := found;
      RETURN NEW;
    END IF;
    i := i + 3;
  END LOOP;
  RETURN NEW;
END $$""",
)


class Company(BaseModel):
    """The company database's group roles: every estate login is in the first, every head-office
    login in the second; the policies name them."""
    id = peewee.IntegerField(primary_key=True, default=1)
    estates_role = peewee.CharField(max_length=63)
    head_office_role = peewee.CharField(max_length=63)
    created_at = peewee.DateTimeField(default=clock.now)


class EstateLogin(BaseModel):
    """A database login and its estate (NULL: a head-office login)."""
    rolname = peewee.CharField(max_length=63, primary_key=True)
    estate = peewee.ForeignKeyField(Estate, null=True, backref="logins")


def quote_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def group_roles() -> tuple[str, str]:
    row = Company.get_by_id(1)
    return row.estates_role, row.head_office_role


def _scope_company() -> None:
    estates_role, head_role = group_roles()
    for statement in _FUNCTIONS:
        database.execute_sql(statement.replace("%", "%%"))  # the driver reads % as a placeholder
    scoped = set(ESTATE_TABLES)
    for table in ESTATE_TABLES:
        if database.table_exists(table):
            _scope_table(table, scoped, estates_role, head_role)
            for columns in COMPANY_INDEXES.get(table, ()):
                quoted = ", ".join(quote_name(column) for column in (COLUMN, *columns))
                name = quote_name(f"{table}_estate_{'_'.join(columns)}")
                database.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {quote_name(table)} ({quoted})")
    _grant_company_tables(estates_role, head_role)


class viewing:
    """Inside a transaction, head office's login reads only estate `estate_id` (and its own rows);
    an estate's login reads its own as always. Nothing to narrow outside a company database."""

    def __init__(self, estate_id: int | None) -> None:
        self.estate_id = estate_id

    def __enter__(self) -> None:
        if is_company():
            if not database.in_transaction():
                raise RuntimeError("viewing runs inside a transaction")
            value = "" if self.estate_id is None else str(int(self.estate_id))
            database.execute_sql("SELECT set_config(%s, %s, true)", (VIEW_SETTING, value))

    def __exit__(self, kind, *exc) -> None:
        if is_company() and kind is None:
            database.execute_sql("SELECT set_config(%s, '', true)", (VIEW_SETTING,))


def _scope_table(table: str, scoped: set[str], estates_role: str, head_role: str) -> None:
    q = quote_name(table)
    database.execute_sql(f'ALTER TABLE {q} ALTER COLUMN "{COLUMN}" SET DEFAULT slipdesk_estate()')
    _unique_per_estate(table, scoped)
    _parent_trigger(table, scoped)
    database.execute_sql(f'DROP TRIGGER IF EXISTS slipdesk_keep_estate ON {q}')
    database.execute_sql(f'CREATE TRIGGER slipdesk_keep_estate BEFORE UPDATE OF "{COLUMN}" ON {q} FOR EACH ROW '
                         f'WHEN (OLD."{COLUMN}" IS DISTINCT FROM NEW."{COLUMN}") '
                         'EXECUTE FUNCTION slipdesk_keep_estate()')
    database.execute_sql(f"ALTER TABLE {q} ENABLE ROW LEVEL SECURITY")
    database.execute_sql(f"ALTER TABLE {q} {'NO ' if table in OWNER_READS else ''}FORCE ROW LEVEL SECURITY")
    own = f'"{COLUMN}" = (SELECT slipdesk_estate())'
    policies = {
        "slipdesk_estate": f"FOR ALL TO {quote_name(estates_role)} USING ({own}) WITH CHECK ({own})",
        "slipdesk_head_office_reads": f"FOR SELECT TO {quote_name(head_role)} USING ({_VIEWED})",
        "slipdesk_head_office_own": (f'FOR ALL TO {quote_name(head_role)} USING ("{COLUMN}" IS NULL AND {_VIEW} IS NULL) '
                                     f'WITH CHECK ("{COLUMN}" IS NULL)'),
        "slipdesk_head_office_sends": None,
        "slipdesk_head_office_handles": None,
        "slipdesk_head_office_rebuilds": None,
    }
    if table in HEAD_OFFICE_REBUILDS:
        policies["slipdesk_head_office_rebuilds"] = f"FOR DELETE TO {quote_name(head_role)} USING (true)"
    if table in HEAD_OFFICE_HANDLES:
        policies["slipdesk_head_office_sends"] = f"FOR INSERT TO {quote_name(head_role)} WITH CHECK (true)"
        statuses = ", ".join(quote_literal(status) for status in HEAD_OFFICE_SLIP_STATUSES)
        handles = f'"status" IN ({statuses})' if table == "slip" else "true"
        policies["slipdesk_head_office_handles"] = (f"FOR UPDATE TO {quote_name(head_role)} USING ({handles}) "
                                                    "WITH CHECK (true)")
    for name, body in policies.items():
        database.execute_sql(f"DROP POLICY IF EXISTS {name} ON {q}")
        if body:
            database.execute_sql(f"CREATE POLICY {name} ON {q} {body}")
    database.execute_sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {q} TO {quote_name(estates_role)}")
    database.execute_sql(f"GRANT SELECT, INSERT, UPDATE ON {q} TO {quote_name(head_role)}")
    if table == "draft" or table in HEAD_OFFICE_REBUILDS:  # a saved form discards its draft
        database.execute_sql(f"GRANT DELETE ON {q} TO {quote_name(head_role)}")


def _unique_per_estate(table: str, scoped: set[str]) -> None:
    """A key unique in an estate's database is unique per estate in the company's: every unique
    index (or primary key other than "id") none of whose columns points at another estate row
    (whose estate already tells it apart) is made again with the estate column last, so that
    lookups by the key alone still use it. A primary key becomes such a unique index."""
    pointing = {fk.column for fk in database.get_foreign_keys(table) if fk.dest_table in scoped}
    rows = database.execute_sql(
        "SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisprimary, c.conname, "
        "ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = x.indrelid "
        "AND a.attnum = ANY(x.indkey::int2[])) "
        "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid "
        "WHERE x.indrelid = %s::regclass AND x.indisunique", (quote_name(table),)).fetchall()
    nulls = " NULLS NOT DISTINCT" if database.server_version >= 150000 else ""
    for name, definition, primary, constraint, columns in rows:
        if COLUMN in columns or columns == ["id"] or pointing & set(columns):
            continue
        head, _, where = definition.partition(" WHERE ")
        new = f"{head[:-1]}, {quote_name(COLUMN)}){nulls}" + (f" WHERE {where}" if where else "")
        new = new.replace(f"INDEX {name} ON", f"INDEX {quote_name(name + '_estate')} ON", 1)
        if constraint:
            database.execute_sql(f"ALTER TABLE {quote_name(table)} DROP CONSTRAINT {quote_name(constraint)}")
        else:
            database.execute_sql(f"DROP INDEX {quote_name(name)}")
        database.execute_sql(new)


def _parent_trigger(table: str, scoped: set[str]) -> None:
    """Rows head office writes about an estate's slip (its history event, the notice to the desk)
    take the estate of the row they belong to; its own rows stay in no estate."""
    links = sorted(((fk.column, fk.dest_table, fk.dest_column) for fk in database.get_foreign_keys(table)
                    if fk.dest_table in scoped), key=lambda link: (link[0] != "slip_id", link[0]))
    database.execute_sql(f"DROP TRIGGER IF EXISTS slipdesk_estate_from_parent ON {quote_name(table)}")
    if not links:
        return
    arguments = ", ".join(quote_literal(part) for column, dest, dest_column in links
                          for part in (dest, column, dest_column))
    database.execute_sql(f"CREATE TRIGGER slipdesk_estate_from_parent BEFORE INSERT ON {quote_name(table)} "
                         f"FOR EACH ROW EXECUTE FUNCTION slipdesk_estate_from_parent({arguments})")


def _grant_company_tables(estates_role: str, head_role: str) -> None:
    both = f"{quote_name(estates_role)}, {quote_name(head_role)}"
    for table in ("schema_version", "estate", "estate_login", "company"):
        database.execute_sql(f"GRANT SELECT ON {quote_name(table)} TO {both}")
    if database.table_exists("rule_stamp"):  # the rules' triggers renew its token
        database.execute_sql(f"GRANT SELECT, UPDATE ON rule_stamp TO {both}")
    if database.table_exists("fact_columns"):  # a desk records a column set it writes with (models.facts)
        database.execute_sql(f"GRANT SELECT, INSERT ON fact_columns TO {both}")
    database.execute_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {both}")


# ------------------------------------------------------------------------------------------------
# Setting up a company: the admin commands call these


def role_exists(name: str) -> bool:
    return bool(database.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone())


def is_superuser() -> bool:
    return database.execute_sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()[0]


def default_group_names() -> tuple[str, str]:
    name = re.sub(r"[^a-z0-9_]", "_", database.obj.database.lower())[:40]
    return f"{name}_estates", f"{name}_head_office"


class acting_as:
    """Run the admin's statements as an estate's login (SET LOCAL ROLE inside the transaction), so
    the defaults and policies apply exactly as at that estate's desks."""

    def __init__(self, login: str) -> None:
        self.login = login

    def __enter__(self) -> None:
        if not database.in_transaction():
            raise RuntimeError("acting_as runs inside a transaction")
        if not is_superuser():
            database.execute_sql(f"GRANT {quote_name(self.login)} TO CURRENT_USER")
        database.execute_sql(f"SET LOCAL ROLE {quote_name(self.login)}")

    def __exit__(self, kind, *exc) -> None:
        if kind is None:  # after an error the rollback ends the SET LOCAL
            database.execute_sql("RESET ROLE")


def estate_by_code(code: str) -> Estate:
    estate = Estate.get_or_none(Estate.code == code)
    if estate is None:
        raise EstateRefused(t("There is no estate with the code {code}: add it with slipdesk-admin estate add.", code=code))
    return estate
