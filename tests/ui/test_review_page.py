"""The review screen: the month's figures and charts, the period picker, exports."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from desktop.reports.review_page import ReviewPage
from desktop.shell.session import Session
from forms import asking
from models import audit, review
from tests import printing_checks as pdf_check
from tests.support.review_month import build

pytestmark = pytest.mark.tampers  # the month is arranged with direct updates (tests/support/review_month.py)


@pytest.fixture
def page(sqlite_db, users, qtbot):
    build(users["clerk"])
    session = Session("zh")
    session.sign_in(users["manager"])
    page = ReviewPage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.review is not None, timeout=20000)  # counted off the UI thread
    assert page.review.period == review.parse_period("2026-11")
    return page


def test_the_month_shows_the_hand_computed_figures(page):
    figures = {key: (f.value.text(), f.note.text()) for key, f in page.figures.items()}
    assert figures["received"] == ("5", "previous period 2")
    assert figures["answered"][0] == "20%"
    assert figures["kept"] == ("50%", "2/4")
    assert figures["first_reply"][0] == "27.0 h"
    assert figures["satisfied"] == ("75%", "3/4")
    assert figures["open_promises"] == ("2", "1 overdue")
    bars = page.channel_chart.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [2, 1, 1, 1]
    satisfaction = page.satisfaction_chart.chart().series()[0].barSets()[0]
    assert [satisfaction.at(i) for i in range(7)] == [0, 0, 1, 0, 1, 1, 1]
    assert page.repeat_units.item(0, 0).text() == "3-2-1201" and page.repeat_units.item(0, 1).text() == "3"
    people = page.repeat_people
    assert [people.horizontalHeaderItem(c).text() for c in range(people.columnCount())] == ["Name", "Unit", "Slips"]
    assert [people.item(0, c).text() for c in range(3)] == ["张三", "3-2-1201", "3"]  # no phone on the screen
    assert [page.promises.item(r, 0).text() for r in range(page.promises.rowCount())] == [
        "TS-2026-000005", "TS-2026-000006"]
    assert "27.0 h" in page.times.text() and "Reopened (reply not accepted): 1 slips, 1 times" in page.times.text()


def test_the_week_picker_moves_a_week_at_a_time(page, qtbot):
    page.kind.setCurrentIndex(page.kind.findData("week"))
    qtbot.waitUntil(lambda: page.review is not None and page.review.period.kind == "week", timeout=20000)
    assert page.review.period.code == "2026-W48"
    with qtbot.waitSignal(page.loaded, timeout=20000) as loaded:
        page.previous.click()
    assert loaded.args[0].period.code == "2026-W47" and loaded.args[0].received == 2
    assert page.period_label.text().startswith("2026年第47周")


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
def test_export_writes_the_file_and_audits_it(page, qtbot, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"november.{fmt}"
    monkeypatch.setattr(asking, "review_path", lambda parent, suggested, _fmt: str(target))
    with qtbot.waitSignal(page.exported, timeout=30000):
        (page.export_pdf if fmt == "pdf" else page.export_xlsx).click()
    data = target.read_bytes()
    if fmt == "pdf":
        assert "现场口头投诉240%" in pdf_check.flat(pdf_check.text(data, "-layout"))
    else:
        assert load_workbook(io.BytesIO(data)).worksheets[0]["B7"].value == 5
    assert audit.recent("review_exported")[0].details["period"] == "2026-11"


def test_a_clerk_sees_no_export_and_is_refused_anyway(sqlite_db, users, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    session = Session("zh")
    session.sign_in(users["clerk"])
    page = ReviewPage(session)
    qtbot.addWidget(page)
    assert not page.export_pdf.isVisibleTo(page)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    page.export("pdf")
    assert warned == ["Only a supervisor or manager may export the review."]
    qtbot.waitUntil(lambda: page.review is not None, timeout=20000)
    assert page.review.period.start <= dt.datetime(2026, 11, 24) < page.review.period.end
