"""The schema's version, and the steps that bring an older database up to date.

A new database gets every table at the newest version at once. An older one runs each step
after its version in turn, each in its own transaction, so an interrupted upgrade leaves the
database at the last finished step. Never edit a released step: add the next one.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import peewee

from models.db import BaseModel, database, is_sqlite
from models.errors import SlipdeskError
from models.i18n import t

if TYPE_CHECKING:  # playhouse.migrate loads only when a database is upgraded, not at every start
    from playhouse.migrate import SchemaMigrator


class SchemaVersion(BaseModel):
    id = peewee.IntegerField(primary_key=True, default=1)
    version = peewee.IntegerField()


def _step_1(migrator: SchemaMigrator) -> None:
    """The first schema: created whole; nothing can be older than it."""


# Step 2 (issue 7): the customer's motive and satisfaction on the slip, the tables behind them
# (motive rules and decisions, words never to say, standard answers, return visits, rewards) and
# the indexes the weekly/monthly review needs. The columns are frozen here as they were added;
# tests/data/make_schema_v1.py strips these to rebuild the version-1 schema.
STEP_2_SLIP_COLUMNS: dict[str, peewee.Field] = {
    "motive_type": peewee.CharField(max_length=16, null=True),
    "motive_kind": peewee.CharField(max_length=16, null=True),
    "motive_needs": peewee.CharField(max_length=32, null=True),
    "temperament": peewee.CharField(max_length=16, null=True),
    "motive_confirmed_at": peewee.DateTimeField(null=True),
    "satisfaction": peewee.SmallIntegerField(null=True),
    "settled": peewee.BooleanField(null=True),
}
STEP_2_INDEXES = (("slip", ("deadline",)), ("slip", ("closed_at",)), ("slip_event", ("slip_id", "to_status", "at")))


def step_2_models() -> list[type[BaseModel]]:
    """The tables step 2 creates, in an order they can be created."""
    from models.answers import AnswerVersion, StandardAnswer
    from models.motives import MotiveDecision, MotiveRule, MotiveRuleHit
    from models.phrases import ForbiddenPhrase
    from models.satisfaction import ReturnVisit, SuggestionReward

    return [MotiveRule, MotiveDecision, MotiveRuleHit, ForbiddenPhrase, StandardAnswer, AnswerVersion,
            ReturnVisit, SuggestionReward]


def seed_step_2() -> None:
    from models.motives import seed_rules
    from models.phrases import seed_phrases

    seed_rules()
    seed_phrases()


def _step_2(migrator: SchemaMigrator) -> None:
    """Columns are added nullable (no table rebuild on a big SQLite file); tables are created
    from the models as step 2 shipped them: a later step changing one of them must alter it."""
    from playhouse.migrate import migrate

    migrate(*(migrator.add_column("slip", name, field) for name, field in STEP_2_SLIP_COLUMNS.items()),
            *(migrator.add_index(table, columns, False) for table, columns in STEP_2_INDEXES))
    database.create_tables(step_2_models())
    seed_step_2()


# Step 3 (issue 4): replies under the etiquette rules (models.replies): reply letters with their
# approval by the person in charge, the replies themselves, the thank-you follow-ups after a letter.
def step_3_models() -> list[type[BaseModel]]:
    """The tables step 3 creates, in an order they can be created."""
    from models.replies import Letter, Reply, ThanksFollowUp

    return [Letter, Reply, ThanksFollowUp]


def _step_3(migrator: SchemaMigrator) -> None:
    database.create_tables(step_3_models())


# Step 4 (issue 5): the dashboard's counts read small partial indexes (models.slips
# DASHBOARD_INDEXES); they replace the (reopened_count, status) index, which SQLite's planner passed
# over for the status index on a big file (a count walked every open slip).
STEP_4_DROPPED_INDEX = ("slip", ("reopened_count", "status"))


def _step_4(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import make_index_name, migrate

    from models.slips import DASHBOARD_INDEXES, Slip

    table, columns = STEP_4_DROPPED_INDEX
    if make_index_name(table, columns) in {index.name for index in database.get_indexes(table)}:
        migrate(migrator.drop_index(table, make_index_name(table, columns)))
    for index in DASHBOARD_INDEXES:
        database.execute(Slip._schema._create_index(index, safe=True))
    if is_sqlite() and database.table_exists("sqlite_stat1"):
        for index in DASHBOARD_INDEXES:  # a file analysed before: its planner needs their sizes too
            database.execute_sql(f'ANALYZE "{index._name}"')


# Step 5 (issues 2 and 6): an account whose password a manager reset must change it at the next
# sign-in (models.staff). Added nullable like step 2's columns: NULL reads as "no".
STEP_5_USER_COLUMNS: dict[str, peewee.Field] = {"must_change_password": peewee.BooleanField(null=True)}


def _step_5(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import migrate

    present = {column.name for column in database.get_columns("user")}  # a test may take a database back
    migrate(*(migrator.add_column("user", name, field) for name, field in STEP_5_USER_COLUMNS.items()
              if name not in present))


# Step 6 (issue 5): indexes no query needs, which every save kept up to date (a new slip writes two
# history events and a notice). History's (slip) index: its unique (slip, seq) index serves the same;
# its (user) and (action) indexes: no query reads events by them. The notices' (user) and (department)
# indexes: the composite ones with created_at serve the same; their (slip) and (sender) indexes: no
# query reads them. Slips and accounts are never deleted, so no foreign-key check needs them either.
STEP_6_DROPPED_INDEXES = (("slip_event", ("slip_id",)), ("slip_event", ("user_id",)), ("slip_event", ("action",)),
                          ("notice", ("slip_id",)), ("notice", ("user_id",)), ("notice", ("department_id",)),
                          ("notice", ("sender_id",)))


def _step_6(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import make_index_name

    for table, columns in STEP_6_DROPPED_INDEXES:
        database.execute_sql(f'DROP INDEX IF EXISTS "{make_index_name(table, columns)}"')


# Step 7 (issue 5): the notices' indexes by user, by department and by key hold only the notices
# that have one (models.notices NOTICE_INDEXES): made again as partial indexes, under their names.
def _step_7(migrator: SchemaMigrator) -> None:
    from models.notices import NOTICE_INDEXES, Notice

    for index in NOTICE_INDEXES:
        database.execute_sql(f'DROP INDEX IF EXISTS "{index._name}"')
        database.execute(Notice._schema._create_index(index, safe=True))


# Step 8 (issue 5): the rules that route a new slip are read again only when one changed: a token
# renewed by triggers on their tables (models.rule_stamp) instead of seven statements a save.
STEP_8_WATCHED = ("category", "category_rule", "department", "authority_limit", "escalation_signal", "motive_rule",
                  "setting")


def _step_8(migrator: SchemaMigrator) -> None:
    from models.rule_stamp import RuleStamp, create_triggers

    database.create_tables([RuleStamp])
    create_triggers(STEP_8_WATCHED)


# Step 9 (issue 14): the estate's working calendar (models.workcalendar) in the database, seeded
# with the years the chinese-calendar package covers; its tables join the rules' token triggers.
STEP_CALENDAR = 9


def step_calendar_models() -> list[type[BaseModel]]:
    from models.workcalendar import CalendarDay, CalendarYear

    return [CalendarYear, CalendarDay]


def _step_calendar(migrator: SchemaMigrator) -> None:
    from models.rule_stamp import create_triggers
    from models.workcalendar import seed_from_package

    database.create_tables(step_calendar_models())
    create_triggers([model._meta.table_name for model in step_calendar_models()])
    seed_from_package()


# Step 10 (issue 13): a slip the customer still does not accept after an answer within the
# rules is ended by the person in charge with the reason and what was offered; the thanks after a
# letter records when it was made or why it was impossible; a comment-book entry keeps its text.
# Added nullable like step 2's columns (no table rebuild on a big SQLite file): existing slips,
# follow-ups and entries keep their meaning, NULL reading as "none recorded".
STEP_ENDINGS = 10
STEP_ENDINGS_COLUMNS: dict[str, dict[str, peewee.Field]] = {
    "slip": {"end_reason": peewee.TextField(null=True), "end_offer": peewee.TextField(null=True)},
    "thanks_follow_up": {"recorded_at": peewee.DateTimeField(null=True),
                         "impossible_reason": peewee.TextField(null=True)},
    "book_entry": {"text": peewee.TextField(null=True)},
}


def _step_endings(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import migrate

    for table, columns in STEP_ENDINGS_COLUMNS.items():
        present = {column.name for column in database.get_columns(table)}
        migrate(*(migrator.add_column(table, name, field) for name, field in columns.items() if name not in present))
    # a thanks already done was recorded when it was made
    database.execute_sql('UPDATE "thanks_follow_up" SET "recorded_at" = "done_at" WHERE "done_at" IS NOT NULL')


# Step 11 (issue 18): the text the rules composed, kept until now in Chinese only, in both languages
# (models.i18n.Composed): the authority suggestion on each slip and the reason of a slip the rules
# sent up (on the slip and in its notices), read back from the assessment its "created" event keeps
# rule by rule. A person's words, and history events (their hashes cover the note), stay as they are.
# The letterhead has no default any more (a real database never prints the demo estate's): a demo
# database gets the demo estate's letterhead written in.
STEP_BOTH_LANGUAGES = 11
_BOTH_LANGUAGES_BATCH = 2000


def _step_both_languages(migrator: SchemaMigrator) -> None:
    import json

    from models import settings
    from models.authority import Assessment
    from models.history import SlipEvent
    from models.notices import Notice
    from models.slips import Slip

    last = 0
    while True:
        rows = list(Slip.select(Slip.id, Slip.authority_suggestion, Slip.escalation_reason, SlipEvent.data)
                    .join(SlipEvent, on=(SlipEvent.slip == Slip.id) & (SlipEvent.seq == 1))
                    .where(Slip.id > last, Slip.authority_suggestion != "")
                    .order_by(Slip.id).limit(_BOTH_LANGUAGES_BATCH).tuples())
        if not rows:
            break
        last = rows[-1][0]
        for slip_id, suggestion, reason, data in rows:
            assessment = Assessment.from_dict(json.loads(data or "{}").get("assessment"))
            if assessment is None or suggestion != assessment.summary("zh"):
                continue  # already composed, or not the rules' words
            both = assessment.composed().stored()
            changed = {Slip.authority_suggestion: both}
            if reason == suggestion:
                changed[Slip.escalation_reason] = both
                for notice in Notice.select(Notice.id, Notice.data).where(  # only columns this step's schema has
                        Notice.slip == slip_id, Notice.kind == "escalation_requested"):
                    details = notice.details
                    if details.get("reason") == suggestion:
                        details["reason"] = both
                        Notice.update(data=json.dumps(details, ensure_ascii=False)).where(
                            Notice.id == notice.id).execute()
            Slip.update(changed).where(Slip.id == slip_id).execute()
    if settings.get("demo.database"):
        from models.demo import create_demo_letterhead

        create_demo_letterhead(recorded=False)  # before the desk's chain (STEP_INTEGRITY) exists


# Step 12 (issue 15): search that never stalls. SQLite: one FTS5 table holds every token
# (bigrams, trigrams, characters) instead of two joined by rowid, plus the slip list's filters as
# facet tokens; PostgreSQL: the facets join each slip's tsvector. The index is filled again from
# the text each slip was indexed with (search_doc), so no slip's history is read again.
STEP_SEARCH = 12


def _step_search(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import migrate

    from models import search

    if "facets" not in {column.name for column in database.get_columns("search_doc")}:  # not when steps run again
        migrate(migrator.add_column("search_doc", "facets", peewee.TextField(default="")))
    search.upgrade_index()


# Step 13 (issue 13): understanding and preventing. On the slip: the customer's own request, the
# manager asked for by name, the latest progress update, the earlier slip it repeats, the cause and
# corrective action (models.understanding); a category's words that suggest it (models.categorize);
# a signal that no clerk may override (bribery, staff misconduct); a phrase never said or only
# better said another way (models.phrases); the replies by their time (the review's per-staff
# figures). Each column is added with its default in one statement (no table rebuild on a big
# SQLite file, instant on PostgreSQL), as frozen here.
STEP_UNDERSTANDING = 13


def _blank_text() -> peewee.TextField:
    return peewee.TextField(default="", constraints=[peewee.SQL("DEFAULT ''")])


def _blank_char(length: int) -> peewee.CharField:
    return peewee.CharField(max_length=length, default="", constraints=[peewee.SQL("DEFAULT ''")])


STEP_UNDERSTANDING_COLUMNS: dict[str, dict[str, peewee.Field]] = {
    "slip": {
        "customer_request": _blank_text(),
        "named_person": _blank_char(64),
        "named_called_at": peewee.DateTimeField(null=True),
        "progress_told_at": peewee.DateTimeField(null=True),
        "repeat_of": _blank_char(20),
        "cause_whys": _blank_text(),
        "root_cause": _blank_text(),
        "corrective_action": _blank_text(),
        "cause_by": _blank_char(64),
        "cause_at": peewee.DateTimeField(null=True),
    },
    "category": {"keywords": _blank_text()},
    "escalation_signal": {"firm": peewee.BooleanField(default=False, constraints=[peewee.SQL("DEFAULT FALSE")])},
    "forbidden_phrase": {"severity": peewee.CharField(max_length=8, default="banned",
                                                      constraints=[peewee.SQL("DEFAULT 'banned'")])},
}
STEP_UNDERSTANDING_INDEXES = (("reply", ("at",)), ("slip", ("phone", "received_at")))
# a repeat is the second complaint: no count to set
STEP_UNDERSTANDING_DROPPED_SETTINGS = ("authority.repeat_count",)


def _add_column(table: str, name: str, field: peewee.Field) -> None:
    """ALTER TABLE … ADD COLUMN with the field's own definition, NOT NULL and DEFAULT included."""
    class Frozen(BaseModel):
        class Meta:
            table_name = table

    field.bind(Frozen, name)
    context = database.get_sql_context()
    database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {context.sql(field.ddl(context)).query()[0]}')


def seed_understanding() -> None:
    """What the understanding step's rules start with: the firm signal (bribery, staff misconduct),
    the categories' words, the phrases only better said another way, the motive types' own words.
    The estate's own entries are kept as they are."""
    from models.authority import seed_firm_signals
    from models.categorize import seed_keywords
    from models.motives import seed_rules
    from models.phrases import mark_better_wording

    seed_firm_signals()
    seed_keywords()
    mark_better_wording()
    seed_rules()


def _step_understanding(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import make_index_name

    for table, columns in STEP_UNDERSTANDING_COLUMNS.items():
        present = {column.name for column in database.get_columns(table)}
        for name, field in columns.items():
            if name not in present:
                _add_column(table, name, field)
    for table, columns in STEP_UNDERSTANDING_INDEXES:
        quoted = ", ".join(f'"{column}"' for column in columns)
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{make_index_name(table, columns)}" ON "{table}" ({quoted})')
    marks = ", ".join("?" if is_sqlite() else "%s" for _ in STEP_UNDERSTANDING_DROPPED_SETTINGS)
    database.execute_sql(f'DELETE FROM "setting" WHERE "key" IN ({marks})', STEP_UNDERSTANDING_DROPPED_SETTINGS)
    seed_understanding()


# Step 14 (issue 17): several desks live. A notice is done once what it asked was done (its when, by
# whom and by which step), found by slip among the notices still open; on PostgreSQL, triggers
# notify the desks listening when a transaction changed slips, notices or the comment book
# (models.live). Notices an older desk left that ask for something the slip has since moved past
# (an escalation no longer awaiting confirmation, a promise kept) are done from now.
STEP_LIVE = 14
STEP_LIVE_NOTICE_COLUMNS: dict[str, peewee.Field] = {  # added nullable; who did it: an account never deleted
    "done_at": peewee.DateTimeField(null=True),
    "done_by_id": peewee.IntegerField(null=True),
    "done_action": peewee.CharField(max_length=32, null=True),
}
# the kinds whose task is over once the slip is in none of these states
STEP_LIVE_PENDING_IN = {
    "escalation_requested": ("awaiting_confirmation",),
    "assigned": ("received", "in_handling"),
    "reported": ("received", "in_handling"),
    "escalation_returned": ("received", "in_handling"),
    "due": ("received", "in_handling", "awaiting_confirmation", "escalated", "handled"),
    "overdue": ("received", "in_handling", "awaiting_confirmation", "escalated", "handled"),
    "deadline_recount": ("received", "in_handling", "awaiting_confirmation", "escalated", "handled"),
    "escalated": ("escalated",),  # before this step the department's copy of "sent up" was one of these
}


def _step_live(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import migrate

    from models import clock, live
    from models.notices import OPEN_BY_SLIP, Notice
    from models.slips import Slip

    present = {column.name for column in database.get_columns("notice")}  # a test may take a database back
    migrate(*(migrator.add_column("notice", name, field) for name, field in STEP_LIVE_NOTICE_COLUMNS.items()
              if name not in present))

    for kind, pending in STEP_LIVE_PENDING_IN.items():
        moved_on = Slip.select(Slip.id).where(Slip.status.not_in(pending))
        asked = Notice.kind == kind
        if kind == "escalated":  # the department's copy asked it to handle the slip; the clerk's only told
            asked &= Notice.department.is_null(False)
        (Notice.update(done_at=clock.now(), done_action="")
         .where(asked, Notice.done_at.is_null(), Notice.slip.in_(moved_on)).execute())
    database.execute(Notice._schema._create_index(OPEN_BY_SLIP, safe=True))
    live.create_triggers()


# Step 15 (issue 16): history that proves itself. Slip events carry the facts they set (models.facts)
# and the slip's column sets they name; the audit log becomes the desk's own hash chain (models.audit)
# with the facts of accounts and settings; the database gets an identity its anchors name
# (models.anchors). Events and audit entries written before it keep their meaning: the slips'
# are hashed as they always were (no facts), the audit entries are chained in the order they were
# written, and each slip and the desk's chain get a "sealed" event recording them whole as they stood.
STEP_INTEGRITY = 15
STEP_INTEGRITY_EVENT_COLUMNS: dict[str, peewee.Field] = {"facts": peewee.TextField(null=True)}
STEP_INTEGRITY_AUDIT_COLUMNS: dict[str, peewee.Field] = {
    "seq": peewee.IntegerField(null=True), "facts": peewee.TextField(null=True),
    "prev_hash": peewee.CharField(max_length=64, null=True), "hash": peewee.CharField(max_length=64, null=True)}
STEP_INTEGRITY_HANDOVER_COLUMNS: dict[str, peewee.Field] = {"anchor": peewee.CharField(max_length=80, null=True)}


def step_integrity_models() -> list[type[BaseModel]]:
    from models.audit import ChainHead
    from models.facts import FactColumns

    return [FactColumns, ChainHead]


def _step_integrity(migrator: SchemaMigrator) -> None:
    from playhouse.migrate import migrate

    from models import audit, history

    present = {column.name for column in database.get_columns("slip_event")}
    migrate(*(migrator.add_column("slip_event", name, field) for name, field in STEP_INTEGRITY_EVENT_COLUMNS.items()
              if name not in present))
    for table, columns in (("audit_event", STEP_INTEGRITY_AUDIT_COLUMNS),
                           ("handover_note", STEP_INTEGRITY_HANDOVER_COLUMNS)):
        present = {column.name for column in database.get_columns(table)}
        migrate(*(migrator.add_column(table, name, field) for name, field in columns.items() if name not in present))
    from playhouse.migrate import make_index_name

    if make_index_name("audit_event", ("seq",)) not in {index.name for index in database.get_indexes("audit_event")}:
        migrate(migrator.add_index("audit_event", ("seq",), True))  # a test may take a database back
    database.create_tables(step_integrity_models())
    _start_integrity()
    audit.chain_older_events()
    audit.log(None, "sealed", facts=audit.desk_state())
    history.seal_all(reason="integrity upgrade")


def _start_integrity() -> None:
    """What every database has from the integrity step on: its column set recorded, the desk
    chain's head, and an identity."""
    import uuid

    from models import facts, settings
    from models.audit import DESK, GENESIS, ChainHead

    facts.ensure_columns()
    ChainHead.insert(name=DESK, count=0, head=GENESIS).on_conflict_ignore().execute()
    if not settings.get("integrity.database_id"):
        settings.put_system("integrity.database_id", uuid.uuid4().hex)


# Step 16 (issue 20): estates. Every table of an estate's data gets its estate column
# (models.estates.ESTATE_TABLES), DEFAULT the implicit estate; on a company database the column's
# default, the per-estate keys and the row-level security policies are made again for every listed
# table. A later step that adds a table of an estate's data lists it there and calls estates.apply().
STEP_ESTATES = 16


def _step_estates(migrator: SchemaMigrator) -> None:
    from models.estates import Estate, apply
    from models.moved_ids import MovedBlock

    database.create_tables([Estate, MovedBlock])
    apply()


STEPS: dict[int, Callable[[SchemaMigrator], None]] = {
    1: _step_1,
    2: _step_2,
    3: _step_3,
    4: _step_4,
    5: _step_5,
    6: _step_6,
    7: _step_7,
    8: _step_8,
    STEP_CALENDAR: _step_calendar,
    STEP_ENDINGS: _step_endings,
    STEP_BOTH_LANGUAGES: _step_both_languages,
    STEP_SEARCH: _step_search,
    STEP_UNDERSTANDING: _step_understanding,
    STEP_LIVE: _step_live,
    STEP_INTEGRITY: _step_integrity,
    STEP_ESTATES: _step_estates,
}
LATEST = max(STEPS)


def seed_new_database() -> None:
    """What a new database (and a new estate of a company's) starts with: the lists, the authority
    rules, the motive rules and the words never to say, the working calendar the package knows,
    what the understanding step's rules start with; and its desk chain's head and identity."""
    from models.authority import seed_authority
    from models.catalog import seed_catalog
    from models.workcalendar import seed_from_package

    _start_integrity()
    seed_catalog()
    seed_authority()
    seed_step_2()
    seed_from_package()
    seed_understanding()


class NewerSchema(SlipdeskError):
    pass


def current_version() -> int:
    """0 for an empty database."""
    if not database.table_exists(SchemaVersion._meta.table_name):
        return 0
    row = SchemaVersion.get_or_none(SchemaVersion.id == 1)
    return row.version if row else 0


def _set_version(version: int) -> None:
    SchemaVersion.insert(id=1, version=version).on_conflict(
        conflict_target=[SchemaVersion.id], update={SchemaVersion.version: version}).execute()


def upgrade() -> int:
    """Bring the open database to `LATEST`; returns the version it was at. The models are imported
    only to create a database: a desk opening a current one (every start) does not load them all."""
    found = current_version()
    if found > LATEST:
        raise NewerSchema(t("This database was written by a newer Slipdesk (schema {found}, "
                            "this program knows {latest}). Update Slipdesk before opening it.", found=found, latest=LATEST))
    if found == 0:
        from models import estates, live
        from models.rule_stamp import create_triggers
        from models.schema import MODELS

        with database.atomic():
            database.create_tables([SchemaVersion, *MODELS])
            create_triggers()
            live.create_triggers()
            estates.add_columns()
            seed_new_database()
            _set_version(LATEST)
        return 0
    if found == LATEST:
        _record_columns()
        return found
    from playhouse.migrate import SchemaMigrator

    migrator = SchemaMigrator.from_database(database.obj)
    for version in sorted(step for step in STEPS if step > found):  # a step number merged elsewhere may be absent
        with database.atomic():
            STEPS[version](migrator)
            _set_version(version)
    _record_columns()
    return found


def _record_columns() -> None:
    """The slip's present column set, recorded once (a later step may have added a column; the
    events of new slips name the set: models.facts)."""
    from models import facts

    facts.ensure_columns()
