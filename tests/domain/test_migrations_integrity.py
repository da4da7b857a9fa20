"""Schema step STEP_INTEGRITY: a database written at schema 8 still verifies after the upgrade.

tests/data/schema_v8.db.gz was written by the code of schema 8 itself (tests/data/make_schema_v8.py):
demo slips, slips taken through every desk function, accounts and settings changed. The upgrade
keeps every older event as it was (its hash as it was computed, no facts) and seals each slip and
the desk's chain; what the seal recorded is then proven, and a change made afterwards without an
event is named — for an old slip as for a new one.
"""
from __future__ import annotations

import gzip
import shutil
import sqlite3

import pytest

from models import anchors, audit, edits, history, integrity, migrations
from models.accounts import User
from models.history import SlipEvent
from models.replies import Reply
from models.slips import Slip
from models.connection import close_database, open_database
from tests.data.make_schema_v8 import TARGET


@pytest.fixture
def version_8(tmp_path):
    path = tmp_path / "desk-v8.db"
    with gzip.open(TARGET, "rb") as source, open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    yield path
    close_database()


def _events(path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT slip_id, seq, action, note, data, prev_hash, hash FROM slip_event "
                           "ORDER BY slip_id, seq").fetchall()
    finally:
        con.close()


def test_a_version_8_database_verifies_after_the_upgrade_with_its_events_kept(version_8):
    before = _events(version_8)
    slips = sqlite3.connect(version_8).execute("SELECT count(*) FROM slip").fetchone()[0]
    open_database(version_8)
    assert migrations.current_version() == migrations.LATEST
    assert list(history.verify_all()) == [] and audit.verify_desk() == [] and integrity.missing_slips() == []
    close_database()
    after = _events(version_8)
    kept = [row for row in after if row[2] != "sealed"]
    assert kept == before  # every older event as it was, its hash included
    assert len([row for row in after if row[2] == "sealed"]) == slips  # one seal a slip, at its end
    sealed = {row[0]: row[1] for row in after if row[2] == "sealed"}
    assert all(seq == max(r[1] for r in after if r[0] == slip) for slip, seq in sealed.items())


def test_older_events_carry_no_facts_and_the_seal_carries_the_slip_whole(version_8):
    open_database(version_8)
    slip = Slip.select().where(Slip.channel == "letter").order_by(Slip.id.desc()).first()
    events = list(SlipEvent.select().where(SlipEvent.slip == slip).order_by(SlipEvent.seq))
    assert all(e.facts is None for e in events[:-1])
    seal = events[-1].recorded
    assert events[-1].action == "sealed" and "values" in seal
    assert set(seal["rows"]) >= {"attachment", "reply", "reply_letter", "thanks_follow_up", "return_visit",
                                 "suggestion_reward", "motive_decision"}


def test_a_change_to_an_old_slip_after_the_upgrade_is_named(version_8):
    open_database(version_8)
    slip = Slip.select().where(Slip.channel == "letter").order_by(Slip.id.desc()).first()
    Reply.update(opinion="not_accepted").where(Reply.slip == slip.id).execute()
    Slip.update(complaint="另一封信").where(Slip.id == slip.id).execute()
    problems = [str(p) for p in history.verify_all()]
    assert f"{slip.number}: complaint was changed without an event (\"来信反映垃圾清运不及时。\" → \"另一封信\")" in problems
    assert any(p.startswith(f"{slip.number}: reply ") and "opinion was changed without an event" in p for p in problems)


def test_old_slips_go_on_through_the_desk_and_still_verify(version_8):
    open_database(version_8)
    clerk = User.get(User.username == "clerk")
    slip = Slip.select().where(Slip.status == "in_handling").order_by(Slip.id).first()
    edits.edit_slip(slip.id, slip.version, {"handling_notes": "升级后补记"}, clerk)
    assert history.verify_slip(Slip.get_by_id(slip.id)) is None
    assert [e.action for e in SlipEvent.select().where(SlipEvent.slip == slip).order_by(SlipEvent.seq)][-2:] == \
        ["sealed", "edited"]


def test_the_upgraded_database_has_an_identity_and_can_be_anchored(version_8, tmp_path):
    open_database(version_8)
    assert len(anchors.database_id()) == 32
    anchor = anchors.take()
    assert anchors.compare(anchor) == [] and len(anchor.slips) == Slip.select().count()
