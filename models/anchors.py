"""Anchors outside the database: what the database held at a moment, kept where its writer cannot
reach it, so that a database rewound or recomputed after that moment shows.

A hash chain proves that nothing in it was changed unless someone recomputed it from the change
on; and it cannot prove that its newest events were not simply removed. An anchor records, at a
moment, every slip's number and the count and newest hash of its history, the desk chain's
(models.audit) count and newest hash, and the slip counters; its digest (`Anchor.digest`, with a
short `fingerprint` people can read) covers all of it. Every later state of an honest database
extends each chain of the anchor: `compare` names each slip, counter or chain that does not —
gone, renumbered, rewound to fewer events, or recomputed (the event at the anchored count no
longer has the anchored hash).

Anchors are taken with every backup (and written into it), when the daily handover and the
review are printed (their fingerprint printed on them), and kept in an anchor file per database
outside it (`keep`; the folder is `SLIPDESK_ANCHOR_DIR`, else the data folder's `anchors`). The
manager may copy the file to another medium; the printed fingerprint shows which file is genuine.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from models import audit, clock, settings, statements
from models.errors import SlipdeskError
from models.i18n import t

MAGIC = "slipdesk-anchor 1"
HEAD_CHARS = 32  # of each slip's newest hash: 128 bits, beyond anyone's forging
ENVIRONMENT = "SLIPDESK_ANCHOR_DIR"


class AnchorRefused(SlipdeskError):
    pass


@dataclass
class Anchor:
    taken_at: dt.datetime
    database_id: str
    location: str
    desk: tuple[int, str]  # the desk chain's count and newest hash
    counters: dict[int, int] = field(default_factory=dict)  # year → the last number issued
    slips: dict[int, tuple[str, int, str]] = field(default_factory=dict)  # id → number, events, newest hash

    def body(self) -> str:
        lines = [MAGIC, f"taken {self.taken_at:%Y-%m-%d %H:%M:%S}", f"database {self.database_id}",
                 f"location {self.location}", f"desk {self.desk[0]} {self.desk[1]}"]
        lines += [f"counter {year} {last}" for year, last in sorted(self.counters.items())]
        lines += [f"slip {ident} {number} {count} {head}" for ident, (number, count, head) in sorted(self.slips.items())]
        return "\n".join(lines) + "\n"

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.body().encode("utf-8")).hexdigest()

    @property
    def fingerprint(self) -> str:
        """The digest's first 20 hexadecimal digits in groups of four: short enough to print and
        compare by eye, long enough that no other anchor shares it."""
        return " ".join(self.digest[i:i + 4].upper() for i in range(0, 20, 4))

    def contents(self) -> str:
        return self.body() + f"digest {self.digest}\n"

    def describe(self) -> str:
        return t("anchor of {at}, {slips:,} slips, fingerprint {fingerprint}", at=f"{self.taken_at:%Y-%m-%d %H:%M}",
                 slips=len(self.slips), fingerprint=self.fingerprint)


def database_id() -> str:
    return str(settings.get("integrity.database_id") or "")


def take(location: str = "") -> Anchor:
    """The open database's anchor now, read in one transaction (a consistent moment)."""
    from models.db import database, describe, is_sqlite

    with database.atomic():
        if not is_sqlite():  # every read of the one moment (PostgreSQL reads each statement's own otherwise)
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        return read_from(lambda sql: statements.execute(sql).fetchall(), location or describe(), database_id())


def read_from(query, location: str, ident: str) -> Anchor:
    """An anchor read through `query(sql) -> rows` (the open database, or a backup's own file)."""
    desk = query('SELECT "count", "head" FROM "chain_head" WHERE "name" = \'desk\'')
    anchor = Anchor(clock.now(), ident, location, tuple(desk[0]) if desk else (0, audit.GENESIS))
    anchor.counters = dict(query('SELECT "year", "last" FROM "slip_counter"'))
    for ident_, number, count, head in query('SELECT "id", "number", "event_count", "history_head" FROM "slip"'):
        anchor.slips[ident_] = (number, count, (head or "")[:HEAD_CHARS])
    return anchor


def parse(text: str, name: str = "") -> Anchor:
    """An anchor from its text; AnchorRefused when it is not one, or was altered or damaged."""
    lines = text.splitlines()
    damaged = AnchorRefused(t("{name} is not a Slipdesk anchor, or it was altered or damaged.", name=name or t("The anchor")))
    if len(lines) < 6 or lines[0] != MAGIC or not lines[-1].startswith("digest "):
        raise damaged
    try:
        values = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in lines[1:5]}
        count, head = values["desk"].split(" ")
        anchor = Anchor(dt.datetime.strptime(values["taken"], "%Y-%m-%d %H:%M:%S"), values["database"],
                        values["location"], (int(count), head))
        for line in lines[5:-1]:
            kind, *parts = line.split(" ")
            if kind == "counter":
                anchor.counters[int(parts[0])] = int(parts[1])
            elif kind == "slip":
                anchor.slips[int(parts[0])] = (parts[1], int(parts[2]), parts[3])
            else:
                raise damaged
    except (KeyError, ValueError, IndexError):
        raise damaged from None
    if anchor.digest != lines[-1].partition(" ")[2].strip():
        raise damaged
    return anchor


def read(path: str | os.PathLike) -> Anchor:
    path = Path(path).expanduser()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AnchorRefused(t("Cannot read the anchor {path}: {err}", path=path,
                              err=getattr(err, "strerror", None) or err)) from None
    return parse(text, path.name)


def folder() -> Path:
    from models.paths import data_dir

    return Path(os.environ.get(ENVIRONMENT) or data_dir() / "anchors").expanduser()


def path_for(ident: str) -> Path:
    return folder() / f"slipdesk-{ident or 'unknown'}.anchor"


def keep(anchor: Anchor) -> Path:
    """Write `anchor` as its database's anchor file (whole or not at all), readable by its owner."""
    target = path_for(anchor.database_id)
    write(anchor, target)
    return target


def write(anchor: Anchor, target: str | os.PathLike) -> None:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(anchor.contents())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def kept() -> Anchor | None:
    """The open database's anchor file, if there is one (None when it cannot be read either: the
    caller that must know reads it with `read`)."""
    path = path_for(database_id())
    if not path.is_file():
        return None
    return read(path)


def take_and_keep() -> Anchor:
    """Anchor the open database now and keep the anchor in its file."""
    anchor = take()
    keep(anchor)
    return anchor


# ----- comparing ----------------------------------------------------------------------------------

def compare(anchor: Anchor) -> list[str]:
    """What the open database holds that does not extend `anchor` (empty: it does, every chain)."""
    found: list[str] = []
    if anchor.database_id != database_id():
        found.append(t("this database's identity is {now}, the anchor's {then}: it is another database, or its "
                       "identity was changed",
                       now=database_id() or "—", then=anchor.database_id or "—"))
    counters = dict(statements.execute('SELECT "year", "last" FROM "slip_counter"').fetchall())
    for year, last in sorted(anchor.counters.items()):
        if counters.get(year, 0) < last:
            found.append(t("the slip counter of {year} went back from {then} to {now}", year=year, then=last, now=counters.get(year, 0)))
    found += _desk_differences(anchor)
    found += _slip_differences(anchor)
    return found


def _desk_differences(anchor: Anchor) -> list[str]:
    count, head = anchor.desk
    now_count, now_head = audit.head()
    if now_count < count:
        return [t("the audit log was rewound: {then} events at the anchor, {now} now", then=count, now=now_count)]
    if count == 0:
        return []
    row = statements.execute('SELECT "hash" FROM "audit_event" WHERE "seq" = ?', (count,)).fetchone()
    if row is None or row[0] != head:
        return [t("the audit log was rewritten at or before its event {seq} (recomputed after the anchor)", seq=count)]
    return []


def _slip_differences(anchor: Anchor) -> list[str]:
    found = []
    held = {ident: (number, count, head) for ident, number, count, head in statements.execute(
        'SELECT "id", "number", "event_count", "history_head" FROM "slip"')}
    numbers = {number: ident for ident, (number, _c, _h) in held.items()}
    later = []
    for ident, (number, count, head) in sorted(anchor.slips.items()):
        now = held.get(ident)
        if now is None:
            moved = numbers.get(number)
            found.append(t("slip {number} is gone (it was there at the anchor)",
                           number=number) if moved is None else
                         t("slip {number} was put in another slip's place (renumbered)", number=number))
            continue
        if now[0] != number:
            found.append(t("slip {then} is now numbered {now} (renumbered)",
                           then=number, now=now[0]))
        elif now[1] < count:
            found.append(t("slip {number} was rewound: {then} events at the anchor, {now} now", number=number, then=count,
                           now=now[1]))
        elif now[1] == count and (now[2] or "")[:HEAD_CHARS] != head:
            found.append(_rewritten(number, count))
        elif now[1] > count:
            later.append((ident, number, count, head))
    for ident, number, count, head in later:
        row = statements.execute('SELECT "hash" FROM "slip_event" WHERE "slip_id" = ? AND "seq" = ?',
                                 (ident, count)).fetchone()
        if row is None or row[0][:HEAD_CHARS] != head:
            found.append(_rewritten(number, count))
    for ident, (number, _count, _head) in sorted(held.items()):
        if ident in anchor.slips:
            continue
        year, _, seq = number.rpartition("-")
        year = year.rpartition("-")[2]
        if year.isdigit() and seq.isdigit() and int(seq) <= anchor.counters.get(int(year), 0):
            found.append(t("slip {number} is not in the anchor, though its number was issued before it "
                           "(put in afterwards)",
                           number=number))
    return found


def _rewritten(number: str, count: int) -> str:
    return t("slip {number}'s history was rewritten at or before its event {seq} (recomputed after the anchor)", number=number, seq=count)
