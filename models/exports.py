"""Exporting the slips a filter finds to XLSX or CSV, streamed page by page.

The rows name complainants, their units and their words: only a person in charge or a manager
exports them, and phones and addresses only a manager (models.disclosure, the policy the review
follows too); every export is written to the audit log with the filter and the row count.

A complaint holds a resident's words as typed, and a spreadsheet opening the file reads a cell that
starts with =, +, -, @, a tab or a carriage return as a formula (CSV/formula injection): such a
text cell is written with a single quote in front ("'=1+1"), in CSV and XLSX alike, as OWASP
advises. Reading the file back, a text that starts with a quote followed by one of those
characters is the guarded text; drop the quote to get what was stored.
"""
from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from typing import Callable, Iterator

from models import audit, disclosure
from models.accounts import User
from models.catalog import Category, Department
from models.db import database
from models.errors import SlipdeskError
from models.i18n import is_chinese, t
from models.queries import SlipFilter, matching
from models.slips import Slip
from models.vocab import label, title_label
from models.settings import document_language

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 2000
PROGRESS_EVERY = 200  # rows between progress reports (and chances to cancel)
PERSONAL = ("phone", "address", "email", "caller_number", "sender_address")
COLUMNS = (
    # field, English heading, Chinese heading
    ("number", "Slip number", "处理单号"),
    ("received_at", "Received", "受理时间"),
    ("channel", "Channel", "投诉方式"),
    ("status", "Status", "状态"),
    ("complainant_name", "Complainant", "投诉人"),
    ("complainant_title", "Title", "称呼"),
    ("unit_code", "Unit", "房号"),
    ("category", "Category", "类别"),
    ("complaint", "Complaint", "投诉内容"),
    ("within_authority", "Within authority", "权限内"),
    ("department", "Department", "责任部门"),
    ("deadline", "Agreed reply deadline", "约定回复时限"),
    ("handling_notes", "Handling", "处理情况"),
    ("closed_at", "Closed", "结案时间"),
    ("phone", "Phone", "联系电话"),
    ("caller_number", "Caller number", "来电号码"),
    ("address", "Address", "地址"),
    ("sender_address", "Sender address", "来信地址"),
    ("email", "E-mail", "电子邮件"),
)


class ExportRefused(SlipdeskError):
    pass


def columns(personal: bool) -> list[tuple[str, str, str]]:
    return [c for c in COLUMNS if personal or c[0] not in PERSONAL]


def rows(flt: SlipFilter, personal: bool, lang: str | None = None) -> Iterator[list]:
    """The export's rows, newest first, read `BATCH` at a time by keyset on the id."""
    lang = document_language(lang)
    fields = [c[0] for c in columns(personal)]
    categories = {c.id: c.name(lang) for c in Category.select()}
    departments = {d.id: d.name(lang) for d in Department.select()}
    last_id = None
    while True:
        query = matching(flt, Slip).order_by(Slip.id.desc()).limit(BATCH)
        if last_id is not None:
            query = query.where(Slip.id < last_id)
        batch = list(query)
        for slip in batch:
            yield [_cell(slip, name, lang, categories, departments) for name in fields]
        if len(batch) < BATCH:
            return
        last_id = batch[-1].id


def _cell(slip: Slip, name: str, lang: str, categories: dict, departments: dict):
    value = getattr(slip, f"{name}_id" if name in ("category", "department") else name)
    if name == "category":
        return categories.get(value, "")
    if name == "department":
        return departments.get(value, "") if value else ""
    if name in ("channel", "status"):
        return label(value, lang)
    if name == "complainant_title":
        return title_label(value, lang)
    if name == "within_authority":
        return "" if value is None else ({True: "是", False: "否"} if is_chinese(lang) else {True: "yes", False: "no"})[value]
    return "" if value is None else value


def export(flt: SlipFilter, path: str | Path, user: User, personal: bool = False, lang: str | None = None,
           progress: Callable[[int], bool | None] | None = None) -> int:
    """Write the matching slips to `path` (.xlsx or .csv); returns the number of rows.

    `progress(rows_written)` returning False stops the export and removes the partial file.
    """
    lang = document_language(lang)
    disclosure.require(user, contacts=personal)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ExportRefused(t("Export to a file ending in .xlsx or .csv."))
    headings = [c[2] if is_chinese(lang) else c[1] for c in columns(personal)]
    writer = _write_xlsx if suffix == ".xlsx" else _write_csv
    with database.atomic():  # one consistent snapshot of the data
        written = writer(path, headings, rows(flt, personal, lang), progress)
        if written is None:
            path.unlink(missing_ok=True)
            raise ExportRefused(t("Export cancelled; no file was written."))
        audit.log(user, "export_personal" if personal else "export", file=str(path), rows=written,
                  filter={k: v for k, v in dataclasses.asdict(flt).items() if v not in ("", (), None, False)})
    return written


def _write_csv(path: Path, headings, data, progress) -> int | None:
    written = 0
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:  # BOM: Excel reads UTF-8 CSV right
        out = csv.writer(handle)
        out.writerow(headings)
        for row in data:
            out.writerow([_csv_cell(v) for v in row])
            written += 1
            if progress and written % PROGRESS_EVERY == 0 and progress(written) is False:
                return None
    return written


def _csv_cell(value):
    if isinstance(value, str):
        return formula_safe(value)
    return value.isoformat(sep=" ") if hasattr(value, "isoformat") else value


def _write_xlsx(path: Path, headings, data, progress) -> int | None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet("处理单")
    header = []
    for text in headings:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    written = 0
    for row in data:
        sheet.append([_excel_safe(v) for v in row])
        written += 1
        if progress and written % PROGRESS_EVERY == 0 and progress(written) is False:
            return None
    book.save(path)
    return written


def _excel_safe(value):
    """Text that Excel would read as a formula stays text; characters XML cannot hold are dropped."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return formula_safe(ILLEGAL_CHARACTERS_RE.sub("", value))


def formula_safe(text: str) -> str:
    """The text as a spreadsheet shows it and never runs it: a quote before a formula's first character."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
