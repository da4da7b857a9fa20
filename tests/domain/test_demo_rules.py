"""The demo's slips follow the channels' rules and end honestly, in the bulk history (models.demo)
and in the desk's last days (models.demo_today): only on-site and phone answered at once, letters
answered by letter and closed after the thanks, book entries written back and signed, unaccepted
endings by the person in charge, no call at night."""
from __future__ import annotations

import pytest

from models import commentbook, demo, history, replies
from models.accounts import User
from models.replies import Letter, Reply, ThanksFollowUp, within_working_hours
from models.slips import Slip
from models.vocab import Channel, Opinion, ReplyMethod, Role, Status

FINISHED = (Status.CLOSED, Status.ENDED_UNACCEPTED)


@pytest.fixture
def demo_desk(db, frozen_now):
    demo.generate_slips(500, seed=31, days=120, today=True)
    return {u.username: u for u in User.select()}


def test_every_demo_slip_keeps_its_channels_rules_and_ends_honestly(demo_desk):
    follow_ups = {f.letter_id: f for f in ThanksFollowUp.select()}
    by_slip: dict[int, list[Reply]] = {}
    for reply in Reply.select().order_by(Reply.at, Reply.id):
        by_slip.setdefault(reply.slip_id, []).append(reply)
    seen = {"letter closed after thanks": 0, "book written back": 0, "ended": 0}
    for slip in Slip.select():
        answers = by_slip.get(slip.id, [])
        if slip.answered_at_once:
            assert slip.channel in (Channel.ONSITE, Channel.PHONE), slip.number
        if slip.status in FINISHED:
            assert replies.missing_for_complete(slip) == [], (slip.number, replies.missing_for_complete(slip))
        for reply in answers:
            if reply.method in (ReplyMethod.PHONE, ReplyMethod.SMS):
                assert within_working_hours(reply.at) or slip.urgent or slip.after_hours_ok, slip.number
            if slip.channel == Channel.LETTER and reply.method != ReplyMethod.LETTER:
                assert reply.facts.get("method_reason") or not slip.sender_address, slip.number
            if reply.method == ReplyMethod.LETTER:
                assert reply.letter.is_approved and reply.letter.approved_by.role in (Role.SUPERVISOR, Role.MANAGER)
        if slip.channel == Channel.LETTER and slip.status in FINISHED and slip.sender_address:
            thanks = follow_ups[next(r.letter_id for r in answers if r.method == ReplyMethod.LETTER)]
            assert thanks.done_at is not None and (thanks.method in (ReplyMethod.PHONE, ReplyMethod.EMAIL)
                                                   or thanks.impossible_reason)
            if thanks.method == ReplyMethod.PHONE:
                assert within_working_hours(thanks.done_at)
            seen["letter closed after thanks"] += 1
        if slip.channel == Channel.BOOK and slip.status in FINISHED:
            assert any(r.method == ReplyMethod.BOOK and r.facts["signed_by"] for r in answers)
            seen["book written back"] += 1
        if slip.status == Status.ENDED_UNACCEPTED:
            ended = history.events_of(slip)[-1]
            assert ended.action == "end_unaccepted" and slip.end_reason and slip.end_offer
            assert User.get_by_id(ended.user_id).role in (Role.SUPERVISOR, Role.MANAGER)  # never a clerk alone
            seen["ended"] += 1
    assert all(count > 0 for count in seen.values()), seen


def test_the_demo_desk_shows_every_ending_and_channel_rule(demo_desk):
    names = {slip.complainant_name: slip for slip in Slip.select().order_by(Slip.id)}  # the staged slips come last
    assert names["孟凡"].status == Status.ENDED_UNACCEPTED and "物业费减免" in names["孟凡"].end_reason
    assert names["钱志刚"].status == Status.REPLIED and names["钱志刚"].reply_opinion == Opinion.NOT_ACCEPTED
    assert names["周国平"].status == Status.CLOSED  # answered by letter, thanked again, closed
    assert names["吴建华"].reply_opinion == Opinion.PENDING and replies.open_follow_up(names["吴建华"])
    assert ThanksFollowUp.get(ThanksFollowUp.slip == names["许文"].id).impossible_reason
    anonymous = names["匿名"]
    assert anonymous.channel == Channel.LETTER and not anonymous.sender_address and anonymous.status == Status.CLOSED
    assert not Letter.select().where(Letter.slip == anonymous.id).exists()  # no reply letter, said plainly
    written_back = names["匿名业主"]
    assert written_back.status == Status.CLOSED and written_back.reply_opinion == Opinion.NONE
    assert names["刘女士"].status == Status.CLOSED and {r.method for r in replies.replies_of(names["刘女士"])} == {
        ReplyMethod.BOOK, ReplyMethod.PHONE}
    assert all(entry.text for entry in commentbook.BookEntry.select())  # the entries list shows what they say


def test_the_admin_demo_shows_the_same_endings_and_rules(tmp_path, capsys):
    from desktop.commands import admin
    from models.connection import close_database, open_database

    path = tmp_path / "demo.db"
    assert admin.main(["demo", "--db", str(path), "--slips", "120"]) == 0
    open_database(path)
    try:
        assert Slip.select().where(Slip.status == Status.ENDED_UNACCEPTED).exists()
        assert Slip.select().where(Slip.channel == Channel.LETTER, Slip.sender_address == "").exists()
        assert commentbook.BookEntry.select().where(commentbook.BookEntry.text.is_null(False)).exists()
        assert ThanksFollowUp.select().where(ThanksFollowUp.impossible_reason.is_null(False)).exists()
        assert Reply.select().where(Reply.opinion == Opinion.PENDING).exists()
    finally:
        close_database()
