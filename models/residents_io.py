"""Importing the resident directory from XLSX or CSV: preview, column mapping, a row-by-row
error report, and all-or-nothing — a file with one bad row imports nothing.
"""
from __future__ import annotations

import csv
import io
import logging
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from models import audit, validation
from models.accounts import User, require_role
from models.db import write_transaction
from models.directory import Resident, Unit, normalize_unit, pinyin_initials
from models.errors import SlipdeskError
from models.i18n import plural, t
from models.vocab import Role

log = logging.getLogger("slipdesk.residents_io")

MAX_ROWS = 200_000
MAX_BYTES = 50 * 1024 * 1024
PROGRESS_EVERY = 200  # rows between progress reports (and chances to cancel) while importing

# The directory's fields and the column headings estates use for them.
FIELDS: dict[str, tuple[str, ...]] = {
    "unit": ("房号", "房屋", "房屋编号", "单元号", "unit", "unit code", "地址"),
    "building": ("楼栋", "栋", "楼号", "幢", "building"),
    "entrance": ("单元", "entrance"),
    "room": ("室", "房间", "门牌", "room"),
    "name": ("姓名", "业主", "业主姓名", "住户", "name"),
    "title": ("称呼", "性别", "title", "gender"),
    "phone": ("电话", "手机", "手机号", "联系电话", "phone", "mobile"),
    "phone2": ("备用电话", "其他电话", "phone2"),
    "email": ("邮箱", "电子邮件", "email", "e-mail"),
}
TITLES = {"先生": "mr", "男": "mr", "mr": "mr", "mr.": "mr", "male": "mr", "m": "mr",
          "女士": "ms", "女": "ms", "ms": "ms", "ms.": "ms", "mrs": "ms", "female": "ms", "f": "ms",
          "": ""}


class ImportRefused(SlipdeskError):
    pass


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it (header = 1)
    column: str
    message: str

    def __str__(self) -> str:
        return t("row {row}, {column}: {message}", row=self.row, column=self.column,
                 message=self.message)


@dataclass
class Plan:
    """What an import would do: the rows as they will be stored, or why not."""
    records: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(path: str | Path, sheet: str | None = None) -> Table:
    """The first sheet (or `sheet`) of an XLSX file, or a CSV in UTF-8 or GB18030."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused(t("{path} does not exist.", path=path))
    if path.stat().st_size > MAX_BYTES:
        raise ImportRefused(t("{name} is larger than 50 MB.", name=path.name))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".txt"):
        return _read_csv(path.read_bytes())
    raise ImportRefused(t("{name}: import an .xlsx or .csv file.", name=path.name))


# What a damaged workbook raises from inside openpyxl: the zip (a bad archive, a bad CRC, a cut-off
# or undecodable member; an unknown compression method or an encrypted member: RuntimeError), the
# XML in it (ElementTree's and lxml's parse errors are SyntaxErrors), values of the wrong kind
# where openpyxl expects numbers, names or references, or a workbook without a worksheet.
UNREADABLE = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, IndexError, OSError, ValueError, TypeError,
              SyntaxError, RuntimeError)


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    """The workbook's rows; read whole here because openpyxl reads a sheet's XML only as its rows
    are asked for, so a damaged sheet fails while iterating, not when the workbook opens. The file
    is opened here: openpyxl leaves its own handle open when a damaged workbook fails to load."""
    from openpyxl import load_workbook

    with open(path, "rb") as handle:
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except UNREADABLE as err:
            raise _unreadable(path, err) from err
        try:
            if sheet and sheet not in book.sheetnames:
                raise ImportRefused(t("{name} has no sheet “{sheet}” (it has: {sheets}).",
                                      name=path.name, sheet=sheet, sheets=", ".join(book.sheetnames)))
            rows_iter = (book[sheet] if sheet else book.worksheets[0]).iter_rows(values_only=True)
            rows = [[_cell(v) for v in row] for _, row in zip(range(MAX_ROWS + 2), rows_iter)]
        except UNREADABLE as err:
            raise _unreadable(path, err) from err
        finally:
            book.close()
    return _table(rows, path.name)


def _unreadable(path: Path, err: Exception) -> ImportRefused:
    log.info("unreadable workbook %s", path, exc_info=err)
    return ImportRefused(t("{name} is not a readable Excel workbook: it is damaged or not a workbook ({err}). "
                           "Nothing was imported; save it again from Excel or WPS and retry.", name=path.name, err=err))


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(data: bytes) -> Table:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRefused(t("The CSV file is neither UTF-8 nor GB18030 text."))
    if "\x00" in text:
        raise ImportRefused(t("The CSV file contains binary data."))
    try:
        rows = [[c.strip() for c in row] for _, row in zip(range(MAX_ROWS + 2), csv.reader(io.StringIO(text)))]
    except csv.Error as err:
        raise ImportRefused(t("The CSV file cannot be read: {err}", err=err)) from err
    return _table(rows, t("the CSV file"))


def _table(rows: list[list[str]], name: str) -> Table:
    rows = [row for row in rows if any(cell for cell in row)]
    if not rows:
        raise ImportRefused(t("{name} is empty.", name=name))
    if len(rows) > MAX_ROWS + 1:
        raise ImportRefused(t("{name} has more than {most:,} rows; split it.",
                              name=name, most=MAX_ROWS))
    headers = [h or t("column {n}", n=i + 1) for i, h in enumerate(rows[0])]
    width = len(headers)
    return Table(headers, [(row + [""] * width)[:width] for row in rows[1:]])


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """Directory field → column heading, from the headings estates usually write."""
    mapping: dict[str, str] = {}
    for heading in headers:
        key = heading.strip().lower()
        for name, aliases in FIELDS.items():
            if name not in mapping and key in aliases:
                mapping[name] = heading
                break
    if {"building", "entrance"} <= set(mapping) and "room" not in mapping and "unit" in mapping:
        mapping["room"] = mapping.pop("unit")  # 房号 beside 楼栋 and 单元 is the room alone
    return mapping


def plan(table: Table, mapping: dict[str, str]) -> Plan:
    """Check every row against the mapping; the plan lists all errors, not only the first."""
    result = Plan()
    unknown = [heading for heading in mapping.values() if heading not in table.headers]
    if unknown:
        result.errors.append(RowError(1, ", ".join(unknown), t("no such column in the file")))
        return result
    if "name" not in mapping:
        result.errors.append(RowError(1, "name", t("map a column to the resident's name")))
    if "unit" not in mapping and not {"building", "entrance", "room"} <= set(mapping):
        result.errors.append(RowError(1, "unit", t("map a unit column (3-2-1201) or building, entrance and room")))
    if result.errors:
        return result
    index = {name: table.headers.index(heading) for name, heading in mapping.items()}
    for number, row in enumerate(table.rows, start=2):
        record, errors = _row(number, {name: row[i] for name, i in index.items()}, mapping)
        result.errors.extend(errors)
        if not errors:
            result.records.append(record)
    return result


def _row(number: int, values: dict[str, str], mapping: dict[str, str]) -> tuple[dict, list[RowError]]:
    errors: list[RowError] = []

    def bad(name: str, message: str) -> None:
        parts = [mapping[k] for k in ("building", "entrance", "room") if k in mapping]
        column = mapping.get(name) or ("/".join(parts) if name == "unit" else name)
        errors.append(RowError(number, column, message))

    raw_unit = values.get("unit") or "-".join(values.get(k, "") for k in ("building", "entrance", "room"))
    unit = normalize_unit(raw_unit)
    if unit is None:
        bad("unit", t("“{unit}” is not a unit (building-entrance-room, e.g. 3-2-1201)", unit=raw_unit))
    if message := validation.name(values.get("name", "")):
        bad("name", message)
    title = TITLES.get(values.get("title", "").strip().lower())
    if title is None:
        bad("title", t("write 先生 or 女士 (or leave it empty)"))
    phones = {}
    for key in ("phone", "phone2"):
        raw = values.get(key, "")
        if raw and validation.normalize_phone(raw) is None:
            bad(key, t("“{raw}” is not a phone number", raw=raw))
        phones[key] = validation.normalize_phone(raw) or ""
    if message := validation.email(values.get("email", "")):
        bad("email", message)
    record = {"unit": unit, "name": values.get("name", "").strip(), "title": title or "",
              "email": values.get("email", "").strip(), **phones}
    return record, errors


def apply(import_plan: Plan, user: User, source: str = "",
          progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Store a clean plan in one transaction: units created, residents added or updated.

    `progress(done, total)` is told every PROGRESS_EVERY rows; an exception it raises (the
    clerk cancelled) rolls the whole import back, so nothing is half-imported.
    """
    require_role(user, Role.MANAGER, action=t("import the resident directory"))
    if not import_plan.ok:
        raise ImportRefused(t("Nothing imported: {count} to correct first.",
                              count=plural(len(import_plan.errors), "row error", "row errors")))
    counts = {"units": 0, "added": 0, "updated": 0}
    total = len(import_plan.records)
    with write_transaction():
        for done, record in enumerate(import_plan.records, start=1):
            unit = _unit(record["unit"], counts)
            _resident(unit, record, counts)
            if progress and (done % PROGRESS_EVERY == 0 or done == total):
                progress(done, total)
        audit.log(user, "directory_import", source=source, **counts)
    return counts


def _unit(code: str, counts: dict[str, int]) -> Unit:
    unit = Unit.get_or_none(Unit.code == code)
    if unit is None:
        building, entrance, room = code.split("-")
        unit = Unit.create(code=code, building=int(building), entrance=int(entrance), room=room)
        counts["units"] += 1
    return unit


def _resident(unit: Unit, record: dict, counts: dict[str, int]) -> None:
    values = {k: record[k] for k in ("title", "phone", "phone2", "email")}
    existing = Resident.get_or_none((Resident.unit == unit) & (Resident.name == record["name"]))
    if existing is None:
        Resident.create(unit=unit, name=record["name"], initials=pinyin_initials(record["name"]), **values)
        counts["added"] += 1
    elif any(getattr(existing, k) != v for k, v in values.items()):
        Resident.update(**values).where(Resident.id == existing.id).execute()
        counts["updated"] += 1
