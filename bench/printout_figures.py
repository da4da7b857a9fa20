"""Figures for the closing note: how fast the printouts are made (a benchmark, not a test).

1. A reply letter with the embedded CJK subset, against a minimal reportlab document with the
   same font and the same text, measured in the same run (target: at most 2×).
2. A batch print of 1,000 handling slips as the desk does it — read in batched queries, laid
   out as one PDF, each slip's print logged in one transaction (target: at most 15 s) — on a
   private temporary database so no real slip gets a "printed" event.

`rows()` returns (name, value, baseline, ratio, target, met) rows for `slipdesk-admin bench`;
`python -m bench.printout_figures` prints them. When a row has a baseline, the target applies to the
ratio; otherwise to the value.
"""
from __future__ import annotations

import datetime as dt
import io
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from models import clock
from models.db import database
from models.i18n import t
from printouts.data import LetterData, Letterhead, Recipient
from printouts.fonts import cjk_fonts
from printouts.letter import render_letter

LETTER_PARAGRAPHS = [
    "您于2026年11月20日通过电话反映的“楼上每天晚上十一点以后还在拖椅子，吵得孩子睡不着”问题，"
    "我中心已收到，感谢您对我们工作的关心和监督。",
    "经调查核实，现将处理情况答复如下：我中心工程部与安保部于11月21日上门核实，已与楼上住户沟通，"
    "对方承诺晚上十点以后不再拖动家具，并加装了椅脚垫。我们将在今后两周内每晚巡查一次，确保问题不再发生。",
    "如您对处理结果仍有疑问，或有其他意见和建议，欢迎拨打我中心服务监督电话021-58881234与我们联系。"
    "再次感谢您的理解与支持！",
]


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    baseline: float | None
    ratio: float | None
    target: float
    met: bool
    unit: str = "ms"


def _median_ms(make, repeats: int) -> float:
    make()  # warm: fonts registered, code paths loaded
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        make()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _letter() -> LetterData:
    head = Letterhead("阳光花园物业服务中心", "阳光物业管理有限公司", "上海市浦东新区阳光路 88 号", "200120",
                      "021-58881234", "021-58885678")
    return LetterData("zh", head, "TS-2026-000123", dt.date(2026, 11, 24), Recipient("张三", "mr", "3-2-1201"),
                      "关于您反映噪音扰民问题的答复", LETTER_PARAGRAPHS, draft=True)


def _minimal_letter(font: str) -> bytes:
    """The least reportlab can do with the same font and text: paragraphs on an A4 page."""
    buffer = io.BytesIO()
    style = ParagraphStyle("minimal", fontName=font, fontSize=12, leading=22, wordWrap="CJK")
    data = _letter()
    texts = [data.subject, data.recipient.salutation("zh"), *data.paragraphs, "此致", "敬礼！",
             data.letterhead.company, "2026年11月24日"]
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(text, style) for text in texts])
    return buffer.getvalue()


def letter_row(repeats: int = 40) -> Row:
    fonts = cjk_fonts()
    data = _letter()
    ours = _median_ms(lambda: render_letter(data, fonts), repeats)
    minimal = _median_ms(lambda: _minimal_letter(fonts.body), repeats)
    ratio = ours / minimal
    return Row(t("reply letter with embedded CJK subset, ms (baseline: minimal reportlab doc)"),
               round(ours, 1), round(minimal, 1), round(ratio, 2), 2.0, ratio <= 2.0)


def batch_row(count: int = 1000) -> Row:
    """A batch print of `count` slips on a private demo database, as the desk's batch print does
    it: the slips read in batched queries, laid out as one PDF, every print logged in one
    transaction (printouts.batch)."""
    from models import demo
    from models.slips import Slip
    from models.connection import open_database
    from printouts.batch import log_batch, make_batch

    previous = database.obj
    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "bench.db")
        try:
            clock.freeze(dt.datetime(2026, 11, 24, 10, 0))
            demo.generate_slips(count, seed=4)
            ids = [s.id for s in Slip.select(Slip.id).order_by(Slip.id)]
            make_batch(ids[:1])  # warm: fonts registered, code paths loaded
            started = time.perf_counter()
            log_batch(make_batch(ids), None, to="pdf")
            seconds = time.perf_counter() - started
        finally:
            clock.freeze(None)
            database.close()
            database.initialize(previous)
    return Row(t("batch print of {count:,} slips as one PDF (read, render, log), s", count=count),
               round(seconds, 1), None, None, 15.0, seconds <= 15.0, unit="s")


def rows(batch: int = 1000) -> list[Row]:
    return [letter_row(), batch_row(batch)]


def main() -> None:
    print(f"{'figure':<76} {'value':>8} {'baseline':>9} {'ratio':>6} {'target':>7}  met")
    for row in rows():
        baseline = f"{row.baseline:.1f}" if row.baseline is not None else "—"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "—"
        print(f"{row.name:<76} {row.value:>8.1f} {baseline:>9} {ratio:>6} {row.target:>7.1f}  "
              f"{'yes' if row.met else 'NO'}")


if __name__ == "__main__":
    main()
