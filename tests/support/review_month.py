"""A small estate month with figures worked out by hand, for the review's tests.

November 2026, reviewed on Tue 2026-11-24 10:00 (the `frozen_now` moment):

slip  received      channel  category  unit      name  deadline      first reply   closed       sat settled
S1    11-02 09:00   onsite   noise     3-2-1201  张三  11-03 09:00   11-02 15:00   11-03 09:00  6   yes
S2    11-05 10:00   phone    leak      3-2-1201  张三  11-06 10:00   11-07 10:00   11-08 10:00  3   no  (reopened once)
S3    11-10 14:00   letter   fees      5-1-302   李四  11-13 14:00   —             (escalated, beyond authority)
S4    11-20 08:30   book     cleaning  5-1-302   王五  11-26 17:00   —             (in handling)
S5    11-21 11:00   onsite   noise     3-2-1201  张三  answered at once            11-21 11:00  7   yes
S6    10-30 09:00   phone    leak      7-1-101   赵六  11-01 09:00   10-31 09:00   11-02 09:00  5   yes
S7    10-15 09:00   onsite   noise     7-1-101   赵六  answered at once            10-15 09:00
S8    12-01 09:00   onsite   noise     7-1-101   赵六  (next month)
"""
from __future__ import annotations

import datetime as dt

from models import clock, history
from models.accounts import User
from models.catalog import Category
from models.db import write_transaction
from models.directory import building_of
from models.slips import Slip, next_number
from models.vocab import Channel, Status

REVIEWED_AT = dt.datetime(2026, 11, 24, 10, 0)

# The hand-computed figures of 2026-11.
EXPECTED = {
    "received": 5, "previous_received": 2,
    "by_channel": {"onsite": 2, "phone": 1, "book": 1, "letter": 1},
    "by_category": {"噪音扰民": 2, "漏水维修": 1, "物业收费": 1, "环境卫生": 1},
    "by_building": {"3": 3, "5": 2},
    "authority": {"answered": 1, "within": 3, "beyond": 1, "undecided": 0},
    "promises": (5, 2, 1, 1, 1),  # due, kept, late, overdue, pending
    "first_reply": (2, 27.0, 27.0, 48.0),  # count, average, median, longest (hours)
    "to_close": (3, 56.0, 72.0, 72.0),
    "closed": 4,
    "satisfaction": {3: 1, 5: 1, 6: 1, 7: 1},
    "satisfied": 3, "settled": 3, "unsettled": 1,
    "reopened": (1, 1),
    "motive_types": {"suggestion": 1, "venting": 1, "compensation": 1, "scheming": 1},
    "repeat_units": [("3-2-1201", 3), ("5-1-302", 2)],
    "repeat_complainants": [("张三", "3-2-1201", 3)],  # name and unit: no phone in a review
    "open_promises": ["TS-2026-000005", "TS-2026-000006"],  # S3 (overdue), S4 (due 11-26)
}


def _at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute)


def _slip(clerk: User, received: dt.datetime, category: str, unit: str, name: str, phone: str,
          deadline: dt.datetime | None) -> Slip:
    """A slip as the desk stored it (written directly: the review reads the database, not the forms)."""
    clock.freeze(received)
    at_once = deadline is None
    with write_transaction():
        seq, number = next_number(received.year)
        slip = Slip.create(number=number, year=received.year, seq=seq, channel=Channel.ONSITE,
                           status=Status.ANSWERED if at_once else Status.RECEIVED, received_at=received,
                           received_by=clerk, complainant_name=name, complainant_title="mr", unit_code=unit,
                           building=building_of(unit), phone=phone, complaint="投诉内容", read_back=True,
                           category=Category.get(Category.code == category), answered_at_once=at_once,
                           deadline=deadline, closed_at=received if at_once else None)
        history.record(slip, clerk, "created", to_status=slip.status)
    return slip


def _reply(slip: Slip, clerk: User, at: dt.datetime) -> None:
    clock.freeze(at)
    history.record(slip, clerk, "record_reply", from_status=Status.HANDLED, to_status=Status.REPLIED)


def build(clerk: User) -> dict[str, Slip]:
    """Write the month's slips (numbers TS-2026-000001 … in received order) and their replies."""
    plan = [
        ("S7", _at(10, 15, 9), "noise", "7-1-101", "赵六", "13600000004", None),
        ("S6", _at(10, 30, 9), "leak", "7-1-101", "赵六", "13600000004", _at(11, 1, 9)),
        ("S1", _at(11, 2, 9), "noise", "3-2-1201", "张三", "13800000001", _at(11, 3, 9)),
        ("S2", _at(11, 5, 10), "leak", "3-2-1201", "张三", "13800000001", _at(11, 6, 10)),
        ("S3", _at(11, 10, 14), "fees", "5-1-302", "李四", "13900000002", _at(11, 13, 14)),
        ("S4", _at(11, 20, 8, 30), "cleaning", "5-1-302", "王五", "13700000003", _at(11, 26, 17)),
        ("S5", _at(11, 21, 11), "noise", "3-2-1201", "张三", "13800000001", None),
        ("S8", _at(12, 1, 9), "noise", "7-1-101", "赵六", "13600000004", None),
    ]
    slips = {key: _slip(clerk, *rest) for key, *rest in plan}
    _reply(slips["S6"], clerk, _at(10, 31, 9))
    _reply(slips["S1"], clerk, _at(11, 2, 15))
    _reply(slips["S2"], clerk, _at(11, 7, 10))
    finished = {
        "S7": dict(closed_at=_at(10, 15, 9)),
        "S6": dict(channel=Channel.PHONE, status=Status.CLOSED, within_authority=True, closed_at=_at(11, 2, 9),
                   satisfaction=5, settled=True),
        "S1": dict(status=Status.CLOSED, within_authority=True, closed_at=_at(11, 3, 9), satisfaction=6, settled=True,
                   motive_type="venting", motive_kind="attention"),
        "S2": dict(channel=Channel.PHONE, status=Status.CLOSED, within_authority=True, closed_at=_at(11, 8, 10),
                   satisfaction=3, settled=False, reopened_count=1, motive_type="compensation", motive_kind="redress"),
        "S3": dict(channel=Channel.LETTER, status=Status.ESCALATED, within_authority=False,
                   motive_type="scheming", motive_kind="exposure"),
        "S4": dict(channel=Channel.BOOK, status=Status.IN_HANDLING, within_authority=True),
        "S5": dict(satisfaction=7, settled=True, motive_type="suggestion", motive_kind="improve"),
    }
    for key, values in finished.items():
        if "motive_type" in values:
            values["motive_confirmed_at"] = slips[key].received_at
        Slip.update(**values).where(Slip.id == slips[key].id).execute()
    clock.freeze(REVIEWED_AT)
    return slips
