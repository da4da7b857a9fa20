"""Drafts keep a half-typed form across a crash, dates and scanned letters included."""
from __future__ import annotations

import datetime as dt

from models import drafts, intake


def test_draft_round_trips_an_intake(db, users, frozen_now):
    form = intake.Intake(customer_request="希望尽快处理。", channel="letter", complainant_name="赵先生", complaint="来信反映电梯问题 😀",
                         letter_received=frozen_now.date(), deadline=frozen_now + dt.timedelta(days=2),
                         letter_scans=[intake.LetterScan("scan.pdf", b"%PDF-1.4 bytes\x00\xff")])
    draft_id = drafts.save_draft(users["clerk"], "intake:letter", form)
    form.sender_address = "阳光花园3-2-1201室"
    assert drafts.save_draft(users["clerk"], "intake:letter", form, draft_id) == draft_id
    (kept,) = drafts.drafts_of(users["clerk"])
    state = drafts.from_payload(kept.payload)
    assert state["letter_received"] == frozen_now.date()
    assert state["deadline"] == frozen_now + dt.timedelta(days=2)
    assert state["letter_scans"][0]["data"] == b"%PDF-1.4 bytes\x00\xff"
    assert state["sender_address"] == "阳光花园3-2-1201室" and state["complaint"].endswith("😀")
    assert drafts.drafts_of(users["clerk2"]) == []
    drafts.discard(draft_id)
    assert drafts.drafts_of(users["clerk"]) == []
