"""Tampering, as a person with write access to the database file (or a psql prompt) could do it,
each kind applied to a fresh desk's database and named by `slipdesk-admin verify`.

The class is "anything that person can do": edit, insert, delete or reorder rows of any table that
holds a fact — history events, slips, replies, letters, attachments' bytes, transmittals, accounts,
settings, the audit log — with or without recomputing the hash chains after reading the code. What
the chains and the replayed facts show, `verify` names alone; a chain recomputed from the change on,
or a database rewound as a whole (newest events or slips removed and the heads and counters set
back), only an anchor taken before shows (`verify --anchor`), or a history key kept outside the
database (`--key`). Each kind says which it needs, and the test holds it to that.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Callable

import peewee
import pytest

from desktop.commands import admin
from models import anchors, audit, clock, history, history_key, integrity, replies, settings
from models.accounts import User
from models.audit import AuditEvent
from models.facts import FactColumns
from models.history import SlipEvent, _digest
from models.replies import Letter, Reply
from models.slips import Attachment, Slip, SlipCounter
from models.connection import open_database
from models.transmittals import Transmittal
from models.vocab import Status
from tests.support.slips import phone_intake, reply_input, slip_in, step

PDF = b"%PDF-1.4\n% the customer's letter\n"

pytestmark = pytest.mark.tampers  # tampering is what these tests do


@dataclass
class Desk:
    letter: Slip  # a letter with its scan, a reply letter approved and sent, a reply, closed
    replied: Slip  # a phone complaint replied to
    escalated: Slip  # sent up, with its transmittal
    received: Slip
    newest: Slip


@pytest.fixture
def desk(db, users, frozen_now) -> Desk:
    from models import intake

    clerk, supervisor = users["clerk"], users["supervisor"]
    letter = intake.save(intake.Intake(
        channel="letter", complainant_name="王五", complaint="来信反映垃圾清运不及时。",
        category_id=phone_intake().category_id, deadline=frozen_now + dt.timedelta(days=2),
        letter_received=frozen_now.date(), sender_address="阳光花园3-2-1201",
        letter_scans=[intake.LetterScan("scan.pdf", PDF)]), clerk)
    letter = step(letter, "record_handling", clerk, result="已增加清运班次。")
    drafted = replies.save_letter(letter.id, clerk, "王五先生：您好！来信收悉……", expected_version=letter.version)
    letter = Slip.get_by_id(letter.id)
    replies.submit_letter(letter.id, clerk, expected_version=letter.version)
    replies.approve_letter(drafted.id, supervisor, expected_version=Slip.get_by_id(letter.id).version)
    posted = replies.record(letter.id, clerk, reply_input(method="letter", opinion="accepted"),
                            expected_version=Slip.get_by_id(letter.id).version)
    replies.record_thanks_impossible(posted.follow_up.id, clerk, "来信未留电话和电子邮箱。",
                                     expected_version=posted.slip.version)
    letter = replies.close_accepted(letter.id, clerk, expected_version=Slip.get_by_id(letter.id).version)
    return Desk(letter, slip_in(Status.REPLIED, users), slip_in(Status.ESCALATED, users),
                slip_in(Status.RECEIVED, users), slip_in(Status.IN_HANDLING, users))


def verify(db_url: str, capsys, *extra: str) -> tuple[int, str]:
    code = admin.main(["verify", "--db", db_url, *extra])
    out = capsys.readouterr().out
    open_database(db_url)  # the command closed the test's connection when it opened its own
    return code, out


def event(slip: Slip, seq: int) -> SlipEvent:
    return SlipEvent.get((SlipEvent.slip == slip.id) & (SlipEvent.seq == seq))


def newest(slip: Slip) -> int:
    return Slip.get_by_id(slip.id).event_count


def recompute(slip_id: int, number: str | None = None) -> None:
    """What someone who read models.history does after a change: every hash again from the start,
    and the slip's head set to the new newest."""
    slip = Slip.get_by_id(slip_id)
    prev = history.GENESIS
    for e in SlipEvent.select().where(SlipEvent.slip == slip_id).order_by(SlipEvent.seq):
        digest = _digest(prev, number or slip.number, e.seq, e.at, e.user_id, e.actor, e.action, e.from_status,
                         e.to_status, e.note, e.data, e.facts)
        SlipEvent.update(prev_hash=prev, hash=digest).where(SlipEvent.id == e.id).execute()
        prev = digest
    count = SlipEvent.select().where(SlipEvent.slip == slip_id).count()
    Slip.update(history_head=prev, event_count=count, **({"number": number} if number else {})).where(
        Slip.id == slip_id).execute()


def set_facts(e: SlipEvent, change: Callable[[dict], None]) -> None:
    facts = json.loads(e.facts)
    change(facts)
    SlipEvent.update(facts=json.dumps(facts, ensure_ascii=False)).where(SlipEvent.id == e.id).execute()


def rewind(slip: Slip) -> None:
    """Remove the slip's newest event and set the slip back to what the one before left: its head,
    count, version and every column the removed event changed, and the rows it wrote."""
    from models.facts import tracked

    last = event(slip, newest(slip))
    changed = json.loads(last.facts).get("slip", {})
    for table, rows in json.loads(last.facts).get("rows", {}).items():
        model = tracked()[table]
        model.delete().where(model.id.in_([int(ident) for ident in rows])).execute()
    before = {}
    for e in SlipEvent.select().where(SlipEvent.slip == slip.id, SlipEvent.seq < last.seq).order_by(SlipEvent.seq):
        recorded = json.loads(e.facts or "null") or {}
        if "values" in recorded:
            names = json.loads(FactColumns.get_by_id(recorded["columns"]).names)
            before.update(zip(names, recorded["values"]))
        before.update(recorded.get("slip", {}))
    previous = event(slip, last.seq - 1)
    SlipEvent.delete().where(SlipEvent.id == last.id).execute()
    restored = {name: before.get(name) for name in changed}
    Slip.update(history_head=previous.hash, event_count=last.seq - 1, **restored).where(Slip.id == slip.id).execute()


def recompute_desk() -> None:
    prev = audit.GENESIS
    for e in AuditEvent.select().order_by(AuditEvent.seq):
        digest = hashlib.sha256(audit.payload(prev, e.seq, e.at, e.user_id, e.actor, e.action, e.detail,
                                              e.facts)).hexdigest()
        AuditEvent.update(prev_hash=prev, hash=digest).where(AuditEvent.id == e.id).execute()
        prev = digest
    audit.ChainHead.update(head=prev, count=AuditEvent.select().count()).execute()


# ----- what verify names alone ------------------------------------------------------------------

def _edit_event(d):
    SlipEvent.update(note="业主同意不再追究").where(SlipEvent.id == event(d.replied, 2).id).execute()
    return d.replied.number, "event 2: content edited after it was recorded"


def _insert_event(d):
    first = event(d.replied, 1)
    for seq in range(newest(d.replied), 1, -1):
        SlipEvent.update(seq=seq + 1).where(SlipEvent.id == event(d.replied, seq).id).execute()
    values = dict(slip=d.replied.id, seq=2, at=first.at, user=first.user_id, actor=first.actor, action="note",
                  from_status="", to_status="", note="业主撤回投诉", data="{}", facts="{}", prev_hash=first.hash)
    values["hash"] = _digest(first.hash, d.replied.number, 2, first.at, first.user_id, first.actor, "note", "", "",
                             "业主撤回投诉", "{}", "{}")
    SlipEvent.insert(**values).execute()
    return d.replied.number, "event 3: does not follow the previous event"


def _delete_middle_event(d):
    SlipEvent.delete().where(SlipEvent.id == event(d.replied, 2).id).execute()
    return d.replied.number, "event 2: event missing (deleted)"


def _delete_newest_event(d):
    SlipEvent.delete().where(SlipEvent.id == event(d.replied, newest(d.replied)).id).execute()
    return d.replied.number, "the newest events were deleted"


def _delete_newest_event_and_set_the_head_back(d):
    """The newest event gone and the head set back, but the slip's columns left as that event set them."""
    last = newest(d.replied)
    SlipEvent.delete().where(SlipEvent.id == event(d.replied, last).id).execute()
    Slip.update(history_head=event(d.replied, last - 1).hash, event_count=last - 1).where(
        Slip.id == d.replied.id).execute()
    return d.replied.number, "was changed without an event"


def _swap_events(d):
    two, three = event(d.replied, 2), event(d.replied, 3)
    SlipEvent.update(seq=-1).where(SlipEvent.id == two.id).execute()
    SlipEvent.update(seq=2).where(SlipEvent.id == three.id).execute()
    SlipEvent.update(seq=3).where(SlipEvent.id == two.id).execute()
    return d.replied.number, "event 2: does not follow the previous event"


def _move_event_to_another_slip(d):
    e = event(d.received, newest(d.received))
    SlipEvent.update(slip=d.escalated.id, seq=newest(d.escalated) + 1).where(SlipEvent.id == e.id).execute()
    return d.received.number, "the newest events were deleted"


def _event_time(d):
    SlipEvent.update(at=dt.datetime(2026, 11, 1, 9, 0)).where(SlipEvent.id == event(d.replied, 2).id).execute()
    return d.replied.number, "event 2: content edited after it was recorded"


def _event_facts_without_the_hash(d):
    set_facts(event(d.replied, newest(d.replied)), lambda f: f["slip"].update(reply_opinion="not_accepted"))
    return d.replied.number, "content edited after it was recorded"


def _head_only(d):
    Slip.update(history_head="0" * 64).where(Slip.id == d.replied.id).execute()
    return d.replied.number, "the newest events were deleted"


def _complaint(d):
    Slip.update(complaint="业主表示满意").where(Slip.id == d.replied.id).execute()
    return d.replied.number, "complaint was changed without an event"


def _status(d):
    Slip.update(status=Status.CLOSED).where(Slip.id == d.received.id).execute()
    return d.received.number, "status was changed without an event"


def _deadline(d):
    Slip.update(deadline=dt.datetime(2027, 1, 1, 17, 0)).where(Slip.id == d.newest.id).execute()
    return d.newest.number, "deadline was changed without an event"


def _version(d):
    Slip.update(version=Slip.version - 1).where(Slip.id == d.replied.id).execute()
    return d.replied.number, "version was changed without an event"


def _phone(d):
    Slip.update(caller_number="13900000000").where(Slip.id == d.replied.id).execute()
    return d.replied.number, "caller_number was changed without an event"


def _reply_text(d):
    Reply.update(content="电话告知业主无法处理").where(Reply.slip == d.replied.id).execute()
    return d.replied.number, "content was changed without an event"


def _reply_opinion(d):
    Reply.update(opinion="accepted", customer_words="").where(Reply.slip == d.replied.id).execute()
    Reply.update(opinion="not_accepted").where(Reply.slip == d.replied.id).execute()
    return d.replied.number, "opinion was changed without an event"


def _reply_deleted(d):
    Reply.delete().where(Reply.slip == d.replied.id).execute()
    return d.replied.number, "was removed without an event"


def _reply_inserted(d):
    row = Reply.get(Reply.slip == d.replied.id).__data__
    Reply.insert(**{**{k: v for k, v in row.items() if k != "id"}, "content": "又回复了一次"}).execute()
    return d.replied.number, "was added without an event"


def _reply_moved(d):
    Reply.update(slip=d.received.id).where(Reply.slip == d.replied.id).execute()
    return d.received.number, "was added without an event"


def _letter_text(d):
    new = "王五先生：您的问题与物业无关。"
    Letter.update(text=new, approved_sha256=hashlib.sha256(new.encode()).hexdigest()).where(
        Letter.slip == d.letter.id).execute()
    return d.letter.number, "text was changed without an event"


def _letter_approval(d):
    Letter.update(approved_by=None).where(Letter.slip == d.letter.id).execute()
    return d.letter.number, "approved_by was changed without an event"


def _scan_bytes(d):
    Attachment.update(data=b"%PDF-1.4\n% another letter\n").where(Attachment.slip == d.letter.id).execute()
    return d.letter.number, "its bytes no longer match their recorded hash"


def _scan_bytes_and_hash(d):
    data = b"%PDF-1.4\n% another letter\n"
    Attachment.update(data=data, sha256=hashlib.sha256(data).hexdigest(), size=len(data)).where(
        Attachment.slip == d.letter.id).execute()
    return d.letter.number, "sha256 was changed without an event"


def _scan_deleted(d):
    Attachment.delete().where(Attachment.slip == d.letter.id).execute()
    return d.letter.number, "attachment"


def _transmittal(d):
    Transmittal.update(recipient="无人").where(Transmittal.slip == d.escalated.id).execute()
    return d.escalated.number, "recipient was changed without an event"


def _transmittal_deleted(d):
    Transmittal.delete().where(Transmittal.slip == d.escalated.id).execute()
    return d.escalated.number, "was removed without an event"


def _slip_without_history(d):
    row = {k: v for k, v in Slip.get_by_id(d.received.id).__data__.items() if k != "id"}
    Slip.insert(**{**row, "number": "TS-2026-000999", "seq": 999, "history_head": "", "event_count": 0}).execute()
    return "TS-2026-000999", "no event records the slip's facts"


def _slip_deleted_whole(d):
    Slip.get_by_id(d.escalated.id).delete_instance(recursive=True)
    return d.escalated.number, "is missing (deleted with its history)"


def _column_set(d):
    FactColumns.update(names=peewee.fn.REPLACE(FactColumns.names, '"complaint", ', "")).execute()
    return "column set", "its list of names was edited"


def _role(d):
    User.update(role="manager").where(User.username == "clerk").execute()
    return "clerk", "role was changed without an event (clerk → manager)"


def _password(d):
    User.update(password_hash=User.get(User.username == "manager").password_hash).where(
        User.username == "clerk").execute()
    return "clerk", "password was changed without an event"


def _account_added(d):
    User.insert(username="ghost", display_name="某人", role="manager", password_hash="x",
                created_at=clock.now()).execute()
    return "ghost", "was added without an event"


def _setting(d):
    settings.Setting.insert(key="backup.keep", value="1").on_conflict(
        conflict_target=[settings.Setting.key], update={settings.Setting.value: "1"}).execute()
    return "backup.keep", "setting backup.keep was changed without an event"


def _audit_edited(d):
    AuditEvent.update(detail='{"account": 1}').where(AuditEvent.seq == 2).execute()
    return "audit log event 2", "content edited after it was recorded"


def _audit_deleted(d):
    AuditEvent.delete().where(AuditEvent.seq == 3).execute()
    return "audit log event 3", "event missing (deleted)"


def _audit_newest_deleted(d):
    AuditEvent.delete().where(AuditEvent.seq == audit.head()[0]).execute()
    return "audit log", "the newest events were deleted"


VERIFY_ALONE = [_edit_event, _insert_event, _delete_middle_event, _delete_newest_event,
                _delete_newest_event_and_set_the_head_back, _swap_events, _move_event_to_another_slip, _event_time,
                _event_facts_without_the_hash, _head_only, _complaint, _status, _deadline, _version, _phone,
                _reply_text, _reply_opinion, _reply_deleted, _reply_inserted, _reply_moved, _letter_text,
                _letter_approval, _scan_bytes, _scan_bytes_and_hash, _scan_deleted, _transmittal,
                _transmittal_deleted, _slip_without_history, _slip_deleted_whole, _column_set, _role, _password,
                _account_added, _setting, _audit_edited, _audit_deleted, _audit_newest_deleted]


@pytest.mark.parametrize("tamper", VERIFY_ALONE, ids=lambda f: f.__name__.strip("_"))
def test_verify_names_the_tampering(desk, db_url, capsys, tamper):
    code, out = verify(db_url, capsys)
    assert code == 0, out  # the desk as its own functions left it verifies
    where, what = tamper(desk)
    code, out = verify(db_url, capsys)
    assert code == 1
    assert any(where in line and what in line for line in out.splitlines()), out


# ----- what only an anchor (or a key) shows -------------------------------------------------------

def _rewind_newest_event(d):
    """The newest event removed and every column it changed set back: a consistent older slip."""
    rewind(d.replied)
    return d.replied.number, "was rewound"


def _rewind_newest_slip(d):
    """The newest slip deleted whole and the year's counter set back: no gap is left."""
    Slip.get_by_id(d.newest.id).delete_instance(recursive=True)
    SlipCounter.update(last=SlipCounter.last - 1).execute()
    return d.newest.number, "is gone"


def _renumbered(d):
    """A slip deleted whole, the later ones renumbered into its place and their chains recomputed."""
    gone = d.received
    Slip.get_by_id(gone.id).delete_instance(recursive=True)
    later = list(Slip.select().where(Slip.id > gone.id).order_by(Slip.id))
    for slip in later:
        year, seq = slip.year, slip.seq - 1
        number = f"TS-{year}-{seq:06d}"
        Slip.update(seq=seq).where(Slip.id == slip.id).execute()

        def renumber(facts, number=number, seq=seq):
            names = json.loads(FactColumns.get_by_id(facts["columns"]).names)
            facts["values"][names.index("number")], facts["values"][names.index("seq")] = number, seq
        set_facts(event(slip, 1), renumber)
        recompute(slip.id, number=number)
    SlipCounter.update(last=SlipCounter.last - 1).execute()
    return later[0].number, "renumbered"


def _recomputed(d):
    """An event edited, its facts and the slip's columns made to agree, and the chain recomputed."""
    e = event(d.replied, 2)
    SlipEvent.update(note="业主撤回投诉").where(SlipEvent.id == e.id).execute()
    recompute(d.replied.id)
    return d.replied.number, "rewritten at or before its event"


def _desk_recomputed(d):
    """A role changed, its event's facts made to agree, and the desk's chain recomputed."""
    clerk = User.get(User.username == "clerk")
    e = AuditEvent.get((AuditEvent.action == "account_added") & (AuditEvent.detail.contains('"clerk"')))
    facts = json.loads(e.facts)
    facts["user"][str(clerk.id)]["role"] = "manager"
    AuditEvent.update(facts=json.dumps(facts)).where(AuditEvent.id == e.id).execute()
    User.update(role="manager").where(User.id == clerk.id).execute()
    recompute_desk()
    return "audit log", "rewritten at or before its event"


def _older_copy(d):
    """The database set back as a whole: every slip after the anchor, every later event, gone."""
    Slip.get_by_id(d.newest.id).delete_instance(recursive=True)
    rewind(d.replied)
    SlipCounter.update(last=SlipCounter.last - 1).execute()
    return d.replied.number, "was rewound"


ANCHOR_ONLY = [_rewind_newest_event, _rewind_newest_slip, _renumbered, _recomputed, _desk_recomputed, _older_copy]


@pytest.mark.parametrize("tamper", ANCHOR_ONLY, ids=lambda f: f.__name__.strip("_"))
def test_an_anchor_names_a_database_rewound_or_recomputed(desk, db_url, capsys, tmp_path, tamper):
    anchor = tmp_path / "usb" / "desk.anchor"
    anchors.write(anchors.take(), anchor)
    where, what = tamper(desk)
    code, out = verify(db_url, capsys)
    assert code == 0, out  # what the chains alone cannot see
    code, out = verify(db_url, capsys, "--anchor", str(anchor))
    assert code == 1
    assert any(where in line and what in line for line in out.splitlines() if line.startswith("SINCE THE ANCHOR")), out


@pytest.mark.parametrize("tamper", [_recomputed, _renumbered, _desk_recomputed], ids=lambda f: f.__name__.strip("_"))
def test_a_history_key_makes_a_recomputed_chain_fail_without_an_anchor(desk, db_url, users, capsys, tmp_path,
                                                                      tamper):
    key_file = tmp_path / "key" / "history.key"
    history_key.use(history_key.create(key_file))
    try:
        integrity.sign_with_key(users["manager"], history_key.current())
    finally:
        history_key.use(None)
    code, out = verify(db_url, capsys, "--key", str(key_file))
    assert code == 0, out
    tamper(desk)
    code, out = verify(db_url, capsys, "--key", str(key_file))
    assert code == 1
    assert "content edited after it was recorded" in out or "not signed with the history key" in out, out


def test_an_anchor_of_an_untouched_database_is_extended_by_later_work(desk, db_url, users, capsys, tmp_path):
    anchor = tmp_path / "desk.anchor"
    anchors.write(anchors.take(), anchor)
    step(desk.newest, "record_handling", users["clerk"], result="已处理。")
    slip_in(Status.RECEIVED, users)
    code, out = verify(db_url, capsys, "--anchor", str(anchor))
    assert code == 0 and "extends the anchor" in out, out


def test_an_altered_anchor_file_is_refused(desk, db_url, capsys, tmp_path):
    anchor = tmp_path / "desk.anchor"
    anchors.write(anchors.take(), anchor)
    anchor.write_text(anchor.read_text().replace(" 1 ", " 2 ", 1))
    code = admin.main(["verify", "--db", db_url, "--anchor", str(anchor)])
    assert code == 2 and "altered or damaged" in capsys.readouterr().err
