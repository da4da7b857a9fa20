"""Batch printing: the selected slips' handling slips as one PDF, read in batched queries and
logged in one transaction, read back with pypdf and poppler."""
from __future__ import annotations

import logging

import pytest

from models import history
from models.errors import SlipdeskError
from models.slips import Slip
from printouts.batch import log_batch, make_batch
from printouts.kinds import make
from printouts.journal import record_prints
from tests import printing_checks as check
from tests.domain.printout_slips import COMPLAINT, book_slip, letter_slip, onsite_slip


@pytest.fixture
def slips(db, users, frozen_now) -> list[Slip]:
    """Slips of three channels, one with a complaint that runs over several pages."""
    clerk = users["clerk"]
    return [letter_slip(clerk, frozen_now), onsite_slip(clerk, frozen_now),
            letter_slip(clerk, frozen_now, complaint=(COMPLAINT * 40)[:3000], name="王五"),
            book_slip(clerk, frozen_now), onsite_slip(clerk, frozen_now, name="赵敏")]


def page_ranges(slips: list[Slip]) -> list[tuple[int, int]]:
    """Where each slip's pages should sit in the batch: after the pages of the slips before it."""
    ranges, first = [], 1
    for slip in slips:
        pages = check.pages(make("slip", slip, "zh").pdf)
        ranges.append((first, first + pages - 1))
        first += pages
    return ranges


def test_batch_is_one_pdf_with_each_slip_on_its_own_numbered_pages(slips):
    batch = make_batch([s.id for s in slips])
    ranges = page_ranges(slips)
    assert check.pages(batch.pdf) == ranges[-1][1]  # the sum of each slip's pages
    assert ranges[2][1] > ranges[2][0]  # the long complaint runs over more than one page
    assert batch.numbers == tuple(s.number for s in slips)
    text = check.flat(check.text(batch.pdf))
    assert all(slip.number in text for slip in slips)
    for slip, (first, last) in zip(slips, ranges):
        for page in range(first, last + 1):
            page_text = check.flat(check.text(batch.pdf, "-f", str(page), "-l", str(page)))
            assert slip.number in page_text, (slip.number, page)
            assert f"第{page - first + 1}页共{last - first + 1}页" in page_text, (slip.number, page)
        first_page = check.flat(check.text(batch.pdf, "-f", str(first), "-l", str(first)))
        assert "投诉处理单" in first_page and check.flat(slip.complaint)[:20] in first_page


def test_each_slip_in_the_batch_reads_as_its_own_print(slips):
    batch = make_batch([s.id for s in slips])
    for slip, (first, last) in zip(slips, page_ranges(slips)):
        alone = check.text(make("slip", slip, "zh").pdf)
        assert check.text(batch.pdf, "-f", str(first), "-l", str(last)) == alone


def test_batch_embeds_one_chinese_font_once(slips):
    batch = make_batch([s.id for s in slips])
    rows = check.fonts(batch.pdf)
    assert rows and all(row.embedded and row.subset and row.type == "TrueType" for row in rows), rows
    assert len({row.name.partition("+")[2] for row in rows}) == 1  # one face
    # reportlab splits a subset into parts of 256 glyphs; one per slip would be more parts
    assert len(rows) < sum(len(check.fonts(make("slip", s, "zh").pdf)) for s in slips)
    assert batch.font_warning == ""


def test_english_batch(slips):
    batch = make_batch([s.id for s in slips[:2]], "en")
    text = check.flat(check.text(batch.pdf))
    assert "ComplaintHandlingSlip" in text and "Page1of" in text
    assert all(slip.number in text for slip in slips[:2])


def test_batches_are_byte_stable_for_golden_comparison(slips):
    ids = [s.id for s in slips]
    assert make_batch(ids, invariant=True).pdf == make_batch(ids, invariant=True).pdf


def queries_made(caplog, action) -> int:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        action()
    return sum(1 for record in caplog.records if record.name == "peewee")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_batch_reads_in_batched_queries_not_one_per_slip(db, users, frozen_now, caplog, lang):
    """In English too, where each slip's authority suggestion is read from its history's reasons."""
    made = [onsite_slip(users["clerk"], frozen_now, name=f"住户{n}") for n in range(8)]
    assert all(s.authority_suggestion for s in made)
    ids = [s.id for s in made]
    make_batch(ids[:1], lang)  # the fonts' settings read once, like any first print
    two = queries_made(caplog, lambda: make_batch(ids[:2], lang))
    eight = queries_made(caplog, lambda: make_batch(ids, lang))
    assert eight == two, (two, eight)
    assert two > 3  # the queries are logged: the count means something


def test_batch_logs_one_printed_event_per_slip(slips, users):
    versions = {s.id: Slip.get_by_id(s.id).version for s in slips}
    batch = make_batch([s.id for s in slips])
    assert log_batch(batch, users["clerk"], to="printer") == len(slips)
    for slip in slips:
        stored = Slip.get_by_id(slip.id)
        printed = [e for e in history.events_of(stored) if e.action == "printed"]
        assert [(e.actor, e.details) for e in printed] == [
            ("张小梅", {"kind": "slip", "lang": "zh", "draft": False, "to": "printer"})]
        assert history.verify_slip(stored) is None
        assert stored.version == versions[slip.id]  # printing does not make open edits stale


def test_batch_is_logged_whole_or_not_at_all(slips, users):
    ids = [s.id for s in slips]
    with pytest.raises(SlipdeskError, match="no longer exist; nothing was logged"):
        record_prints([*ids, 999_999], users["clerk"], "slip", "zh", to="pdf")
    assert not any(e.action == "printed" for s in slips for e in history.events_of(s))


def test_a_stopped_layout_logs_nothing(slips, users):
    class Stop(Exception):
        pass

    def stop_at_third(done: int) -> None:
        if done == 3:
            raise Stop

    with pytest.raises(Stop):
        make_batch([s.id for s in slips], on_slip=stop_at_third)
    assert not any(e.action == "printed" for s in slips for e in history.events_of(s))


def test_a_slip_selected_twice_prints_once_and_a_missing_one_is_refused(slips):
    batch = make_batch([slips[0].id, slips[1].id, slips[0].id])
    assert batch.numbers == (slips[0].number, slips[1].number)
    with pytest.raises(SlipdeskError, match="1 of the selected slips no longer exist"):
        make_batch([slips[0].id, 999_999])
