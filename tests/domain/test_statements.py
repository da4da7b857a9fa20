"""The hot paths' plain SQL stores exactly what peewee itself stores, on each backend."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from models import statements
from models.audit import AuditEvent
from models.authority import AuthorityLimit

AT = dt.datetime(2026, 11, 24, 10, 0, 5)


def _stored(model, row_id: int) -> dict:
    return {k: v for k, v in model.select().where(model._meta.primary_key == row_id).dicts().get().items()
            if k != model._meta.primary_key.name}


@pytest.mark.tampers  # rows written around the audit chain
def test_an_insert_stores_what_create_stores(db, users):
    values = {"at": AT, "user": users["clerk"], "actor": "张小梅", "action": "export", "detail": '{"rows": 3}'}
    ours = statements.insert(AuditEvent, values)
    theirs = AuditEvent.create(**values)
    assert ours.id != theirs.id and not ours.dirty_fields
    assert _stored(AuditEvent, ours.id) == _stored(AuditEvent, theirs.id)
    assert ours.user_id == users["clerk"].id


def test_an_update_writes_the_named_fields_only(db):
    limit = AuthorityLimit.get(AuthorityLimit.code == "repair_cost")
    limit.amount, limit.name_en = Decimal("123.45"), "not written"
    statements.update(limit, ["amount"])
    stored = AuthorityLimit.get_by_id(limit.id)
    assert (stored.amount, stored.name_en) == (Decimal("123.45"), "Repair cost")
    assert limit.dirty_fields == [AuthorityLimit.name_en]
