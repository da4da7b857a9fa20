"""Whatever a clerk types or pastes gets a clear message: no crash, nothing saved changed.

Hypothesis pushes generated text — overlong, control characters, emoji, mixed scripts, SQL
metacharacters — and impossible dates through every intake and edit validator and the save
paths, then checks the database is as it was.
"""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import accounts, edits, intake, validation
from models.catalog import Category
from models.errors import SlipdeskError, ValidationFailed
from models.slips import Slip

SQL_BITS = ["'", '"', ";", "--", "/*", "*/", "' OR 1=1 --", "DROP TABLE slip;", "%", "_", "\\", "\x00"]
nasty_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.lists(st.sampled_from(SQL_BITS + ["张三", "😀", "𠀀", "\u202e", "\r\n", "\t", "3-2-1201"]), max_size=20).map("".join),
    st.builds(lambda s, n: (s or "噪") * n, st.text(max_size=5), st.integers(1000, 100_000)),
)
odd_dates = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)),
                      st.dates(), st.sampled_from(["2026-02-30", "yesterday", 0, -1]))
SETTINGS = settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))


def _fingerprint() -> str:
    rows = Slip.select(Slip.number, Slip.version, Slip.complaint, Slip.phone).order_by(Slip.id).tuples()
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


@pytest.fixture
def saved_slip(sqlite_db, users, frozen_now):
    return intake.save(intake.Intake(
        customer_request="希望尽快处理。",
        channel="phone", complainant_name="张三", complaint="楼上噪音", read_back=True,
        category_id=Category.get(Category.code == "noise").id, caller_number="13812345678",
        call_time=frozen_now, thanked=True, deadline=frozen_now + dt.timedelta(days=1)), users["clerk"])


@SETTINGS
@given(value=nasty_text)
def test_every_text_validator_answers_with_a_message_or_none(value):
    for check in (validation.name, validation.text, validation.phone, validation.email,
                  lambda v: validation.required(v), lambda v: validation.normalize_phone(v) and None):
        message = check(value)
        assert message is None or (isinstance(message, str) and message)


@SETTINGS
@given(value=odd_dates)
def test_date_validators_never_crash(value):
    for check in (validation.past_date, validation.future_deadline):
        message = check(value)
        assert message is None or isinstance(message, str)


@SETTINGS
@given(name=nasty_text, complaint=nasty_text, phone=nasty_text, unit=nasty_text, channel=st.sampled_from(
    ["onsite", "phone", "book", "letter", "fax", ""]), when=odd_dates, deadline=odd_dates)
def test_intake_refuses_bad_input_cleanly_and_saves_nothing(saved_slip, users, name, complaint, phone, unit,
                                                           channel, when, deadline):
    before = _fingerprint()
    form = intake.Intake(customer_request="希望尽快处理。", channel=channel, complainant_name=name, complaint=complaint, phone=phone,
                         caller_number=phone, unit_code=unit, call_time=when, letter_received=when,
                         book_entry_date=when, deadline=deadline, category_id=saved_slip.category_id,
                         read_back=True, thanked=True, book_entry_ref="1", sender_address=unit)
    try:
        intake.save(form, users["clerk"])
    except ValidationFailed as refused:
        assert refused.errors and all(isinstance(m, str) and m for m in refused.errors.values())
        assert _fingerprint() == before
    else:
        assert Slip.select().count() >= 2


@SETTINGS
@given(field=st.sampled_from(list(edits.EDITABLE)), value=st.one_of(nasty_text, odd_dates, st.integers()))
def test_edits_refuse_bad_values_without_changing_the_slip(saved_slip, users, field, value):
    before = _fingerprint()
    try:
        edits.edit_slip(saved_slip.id, Slip.get_by_id(saved_slip.id).version, {field: value}, users["clerk"])
    except SlipdeskError as refused:
        assert str(refused)
        assert _fingerprint() == before


@settings(max_examples=1000, deadline=None, suppress_health_check=list(HealthCheck))
@given(username=nasty_text, password=nasty_text)
def test_sign_in_with_anything_fails_politely(saved_slip, username, password):
    with pytest.raises(SlipdeskError) as refused:
        accounts.authenticate(username, password)
    assert str(refused.value)


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(content=st.one_of(st.binary(max_size=4096), st.just(b"SQLite format 3\x00").map(lambda h: h + b"\x01" * 300)))
def test_restore_of_a_broken_or_foreign_file_is_refused(tmp_path_factory, content):
    from desktop.commands.admin import main as admin

    folder = tmp_path_factory.mktemp("restore")
    broken = folder / "broken.db"
    broken.write_bytes(content)
    target = folder / "desk.db"
    target.write_bytes(b"keep me")
    assert admin(["restore", str(broken), "--db", str(target)]) == 2
    assert target.read_bytes() == b"keep me"


def _is_int(text: str) -> bool:
    try:
        int(text)
    except ValueError:
        return False
    return True


_COMMANDS = {"demo", "verify", "backup", "restore", "print", "import", "report", "bench", "-h", "--help"}


@settings(max_examples=500, deadline=None, suppress_health_check=list(HealthCheck))
@given(argument=nasty_text.filter(lambda s: len(s) < 300 and not _is_int(s) and s.strip() not in _COMMANDS))
def test_admin_arguments_that_make_no_sense_get_usage_not_a_traceback(tmp_path_factory, capsys, argument):
    from desktop.commands.admin import main as admin

    folder = tmp_path_factory.mktemp("args")
    for argv in (["demo", "--db", str(folder / "d.db"), "--slips", argument], [argument or "?", "--db", str(folder / "x.db")]):
        with pytest.raises(SystemExit) as usage:
            admin(argv)
        assert usage.value.code == 2
        assert "usage: slipdesk-admin" in capsys.readouterr().err
