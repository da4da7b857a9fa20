"""Ten thousand generated inputs and more — right and wrong types, huge, empty, control characters,
lone surrogates, NUL — through intake on every channel, edits, replies, the import and every admin
command: each ends in a clear refusal (a SlipdeskError with a message, exit status 2) or a correct
save, and nothing stored before is lost or changed. An "unclear failure" is anything else: another
exception, exit status 1, "unexpected error", a half-written or `.partial` file.

The examples are derandomised (the same every run) and the counts below add up to the figure
reported (`INPUTS`).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import edits, history, intake, replies
from models.errors import SlipdeskError
from models.slips import Slip
from models.vocab import Channel, Status
from tests.support.slips import phone_intake, slip_in

pytestmark = pytest.mark.slow

COUNTS = {"intake": 2500, "edits": 1500, "replies": 1500, "import": 500, "admin": 4000}
INPUTS = sum(COUNTS.values())


def examples(kind: str):
    return settings(max_examples=COUNTS[kind], deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


controls = st.sampled_from(["\x00", "\x07", "\x1b", "\ud800", "\udfff", "\u202e", "\r\n", "\t", "\x7f", "\ufeff"])
texts = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec=None, categories=("Cc", "Cs", "Lo", "Zs", "So")), max_size=30),
    st.builds(lambda a, c, b: a + c + b, st.text(max_size=10), controls, st.text(max_size=10)),
    st.builds(lambda s, n: (s or "投") * n, st.text(max_size=3), st.integers(60, 30_000)),
    st.sampled_from(["", " ", "张三", "3-2-1201", "13812345678", "021-58881234", "a@b.cn", "phone", "letter"]),
)
anything = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70), st.floats(allow_nan=True),
    texts, st.binary(max_size=64), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3),
                                                                                       st.integers(), max_size=2),
    st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)), st.dates(),
    st.decimals(allow_nan=True), st.sampled_from([Decimal("1e30"), Decimal("-5"), Decimal("12.345")]),
)


def fingerprint(exclude: set[int] = frozenset()) -> str:
    """Every stored slip but the new ones, whole (facts and history head): nothing lost, nothing changed."""
    rows = [row for row in Slip.select().order_by(Slip.id).tuples() if row[0] not in exclude]
    return hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass")).hexdigest()


def clear(refusal: BaseException) -> bool:
    return isinstance(refusal, SlipdeskError) and bool(str(refusal).strip())


@pytest.fixture
def desk(db, users, frozen_now):
    """On each backend: what reaches the database is checked the same on both."""
    return {"users": users, "slip": slip_in(Status.IN_HANDLING, users), "now": frozen_now}


@pytest.fixture
def sqlite_desk(sqlite_db, users, frozen_now, tmp_path):
    """For the commands, whose refusals come before the database (the backends' own are above)."""
    return {"users": users, "slip": slip_in(Status.IN_HANDLING, users), "now": frozen_now,
            "url": str(tmp_path / "slipdesk.db")}


# ----- intake, every channel ---------------------------------------------------------------------

INTAKE_FIELDS = [f.name for f in intake.Intake.__dataclass_fields__.values() if f.name != "letter_scans"]


@examples("intake")
@given(channel=st.sampled_from(list(Channel) + ["fax"]), wrong=st.dictionaries(
    st.sampled_from(INTAKE_FIELDS), anything, max_size=4), scans=st.lists(st.tuples(texts, st.binary(max_size=64)),
                                                                          max_size=2))
def test_intake_of_anything_is_saved_correctly_or_refused_clearly(desk, channel, wrong, scans):
    now = desk["now"]
    values = dict(phone_intake().__dict__, channel=channel, book_entry_date=now.date(), book_entry_ref="第3页",
                  letter_received=now.date(), sender_address="阳光花园3-2-1201")
    values.update(wrong)
    values["letter_scans"] = [intake.LetterScan(name, data) for name, data in scans]
    before, count = fingerprint(), Slip.select().count()
    try:
        slip = intake.save(intake.Intake(**values), desk["users"]["clerk"])
    except Exception as refusal:  # noqa: BLE001 - a clear refusal is the only other outcome allowed
        assert clear(refusal), repr(refusal)
        assert fingerprint() == before and Slip.select().count() == count
        return
    stored = Slip.get_by_id(slip.id)
    assert stored.complaint == values["complaint"].strip() and stored.channel == channel
    assert stored.complainant_name == values["complainant_name"].strip()
    assert history.verify_slip(stored) is None and fingerprint({slip.id}) == before


# ----- edits ---------------------------------------------------------------------------------------

@examples("edits")
@given(changes=st.dictionaries(st.one_of(st.sampled_from(list(edits.EDITABLE)), texts), anything, min_size=1,
                               max_size=3))
def test_an_edit_of_anything_is_saved_correctly_or_refused_clearly(desk, changes):
    slip = Slip.get_by_id(desk["slip"].id)
    before = fingerprint()
    try:
        edits.edit_slip(slip.id, slip.version, changes, desk["users"]["clerk"])
    except Exception as refusal:  # noqa: BLE001
        assert clear(refusal), repr(refusal)
        assert fingerprint() == before
        return
    stored = Slip.get_by_id(slip.id)
    for name, value in changes.items():
        if name in ("complainant_name", "complaint", "handling_notes", "address", "sender_address"):
            assert getattr(stored, name) == value
    assert history.verify_slip(stored) is None


# ----- replies -------------------------------------------------------------------------------------

REPLY_FIELDS = list(replies.ReplyInput.__dataclass_fields__)


@examples("replies")
@given(method=st.sampled_from(["phone", "visit", "book", "email", "letter", "sms", "fax", "?"]),
       wrong=st.dictionaries(st.sampled_from(REPLY_FIELDS), anything, max_size=3))
def test_a_reply_of_anything_is_recorded_correctly_or_refused_clearly(desk, method, wrong):
    slip = Slip.get_by_id(desk["waiting"].id) if "waiting" in desk else None
    if slip is None or slip.status != Status.HANDLED:  # a slip waiting for its reply, each time
        slip = desk["waiting"] = slip_in(Status.HANDLED, desk["users"])
    values = dict(method=method, summary="电话告知已处理。", opinion="accepted", identity_stated=True,
                  place="业主家中", appointment_agreed=True, signed_by="张小梅",
                  staff=[replies.StaffMember("王师傅", "E017"), replies.StaffMember("李慧", "S001")])
    values.update(wrong)
    before = fingerprint()
    try:
        done = replies.record(slip.id, desk["users"]["clerk"], replies.ReplyInput(**values), expected_version=slip.version)
    except Exception as refusal:  # noqa: BLE001
        assert clear(refusal), repr(refusal)
        assert fingerprint() == before
        return
    assert done.reply.opinion == values["opinion"] and history.verify_slip(Slip.get_by_id(slip.id)) is None



# ----- the import and every admin command ----------------------------------------------------------

def _no_leftovers(folder) -> None:
    assert not list(folder.rglob("*.partial")), "a half-written file was left behind"


@examples("import")
@given(content=st.one_of(st.binary(max_size=300), texts.map(lambda s: s.encode("utf-8", "surrogatepass")),
                         st.lists(st.lists(texts, max_size=4), max_size=5).map(
                             lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".csv", ".xlsx", ".txt", ""]))
def test_the_import_of_any_file_is_refused_clearly_or_imported(sqlite_desk, tmp_path_factory, capsys, content,
                                                              suffix):
    from desktop.commands import admin
    from models.connection import open_database

    folder = tmp_path_factory.mktemp("import")
    path = folder / f"rows{suffix}"
    path.write_bytes(content)
    before = fingerprint()
    db_url = sqlite_desk["url"]
    code = admin.main(["import", str(path), "--db", db_url])
    err = capsys.readouterr().err
    open_database(db_url)
    assert code in (0, 2) and "unexpected error" not in err, err
    assert fingerprint() == before
    _no_leftovers(folder)


OPTIONS = ["--db", "-o", "--output", "--period", "--user", "--slips", "--seed", "--anchor", "--key", "--map",
           "--as", "--lang", "--size", "--body", "--body-file", "--all-open", "--dry-run", "--sheet"]
COMMAND_LINES = ["demo", "print", "report", "backup", "restore", "verify", "anchor", "key", "import"]


@pytest.mark.tampers  # not tampering: `key new` may sign the database with a key the check after it lacks
@examples("admin")
@given(command=st.sampled_from(COMMAND_LINES), tail=st.lists(st.one_of(
    st.sampled_from(OPTIONS), texts, st.sampled_from(["letter", "slip", "label", "TS-2026-000001", "2026-11",
                                                      "0001-W01", "2026-W53", "9999-12", "x.pdf", "x.xlsx", "/",
                                                      "", ".", "..", "manager", "new", "slips/x.db"]),
    st.builds(lambda n: "a" * n + ".pdf", st.integers(200, 5000))), max_size=6))
def test_every_admin_command_answers_anything_clearly(sqlite_desk, tmp_path_factory, capsys, monkeypatch, command,
                                                      tail):
    from desktop.commands import admin
    from models.connection import open_database

    db_url = sqlite_desk["url"]
    folder = tmp_path_factory.mktemp("admin")
    monkeypatch.chdir(folder)  # files named by the arguments land here
    argv = [command, *tail]
    if "--db" not in tail:
        argv += ["--db", db_url]
    before = fingerprint()
    try:
        code = admin.main(argv)
    except SystemExit as usage:  # argparse: usage and exit status 2
        code = usage.code
    err = capsys.readouterr().err
    open_database(db_url)
    assert code in (0, 2), (argv, err)
    assert "unexpected error" not in err and "Traceback" not in err, (argv, err)
    if command not in ("print", "key", "import", "demo"):  # those may add their print, key or rows, each recorded
        assert fingerprint() == before
    _no_leftovers(folder)
