"""What the desk needs from the models to keep a shared PC safe: the manager's idle-lock and
backup settings, drafts holding money as typed, backups that report progress, and a restore
over a damaged file that keeps the damaged bytes."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from models import audit, backup, demo, desk_security, drafts, intake, settings
from models.errors import PermissionDenied, ValidationFailed
from models.connection import close_database, open_database
from models.paths import data_dir, default_database_path


def test_the_manager_sets_the_idle_lock_and_backups_and_it_is_logged(db, users, tmp_path):
    assert desk_security.current() == desk_security.DeskSecurity(10.0, "", 14)
    folder = str(tmp_path / "usb")
    chosen = desk_security.set_desk_security(users["manager"], 5, folder, "30")
    assert chosen == desk_security.DeskSecurity(5.0, folder, 30)
    assert settings.get("security.idle_minutes") == 5 and settings.get("backup.keep") == 30
    (event,) = audit.recent("desk_security_changed")
    assert event.details["before"]["idle_minutes"] == 10.0 and event.details["after"]["backup_folder"] == folder
    assert desk_security.backup_folder(tmp_path / "any.db") == Path(folder)


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_a_manager_changes_the_idle_lock(db, users, role):
    with pytest.raises(PermissionDenied):
        desk_security.set_desk_security(users[role], 30, "", 14)
    assert desk_security.current().idle_minutes == 10.0


def test_impossible_desk_settings_are_refused_field_by_field(db, users, tmp_path):
    a_file = tmp_path / "not-a-folder.txt"
    a_file.write_text("x")
    cases = [(0, "", 14, "idle_minutes"), (241, "", 14, "idle_minutes"), (True, "", 14, "idle_minutes"),
             ("ten", "", 14, "idle_minutes"), (10, "", 0, "backup_keep"), (10, "", 366, "backup_keep"),
             (10, "relative/folder", 14, "backup_folder"), (10, str(a_file), 14, "backup_folder"),
             (10, "/tmp/\x00evil", 14, "backup_folder")]
    for minutes, folder, keep, field in cases:
        with pytest.raises(ValidationFailed) as refused:
            desk_security.set_desk_security(users["manager"], minutes, folder, keep)
        assert field in refused.value.errors
    assert desk_security.current() == desk_security.DeskSecurity(10.0, "", 14)
    assert audit.recent("desk_security_changed") == []


def test_default_backup_folder_keeps_each_database_apart(tmp_path):
    assert desk_security.default_backup_folder(default_database_path()) == data_dir() / "backups"
    assert desk_security.default_backup_folder(tmp_path / "estate2.db") == data_dir() / "backups" / "estate2"


def test_a_draft_keeps_amounts_as_decimals(db, users):
    form = intake.Intake(customer_request="希望尽快处理。", channel="onsite", complainant_name="张三", compensation_amount=Decimal("1200.50"))
    draft_id = drafts.save_draft(users["clerk"], "intake:onsite", form)
    (kept,) = drafts.drafts_of(users["clerk"])
    assert kept.id == draft_id
    assert drafts.from_payload(kept.payload)["compensation_amount"] == Decimal("1200.50")


@pytest.fixture
def desk_file(tmp_path):
    path = tmp_path / "desk.db"
    open_database(path)
    demo.generate_slips(30, seed=5)
    yield path
    close_database()


def test_a_backup_reports_its_progress_to_the_last_page(desk_file, tmp_path):
    heard: list[tuple[int, int]] = []
    copy = backup.rotated_backup(tmp_path / "backups", keep=3, progress=lambda done, total: heard.append((done, total)))
    assert backup.check_file(copy).slips == 30
    assert heard and heard[-1][0] == heard[-1][1] > 0


@pytest.mark.parametrize("where", ["header", "pages"])
def test_restoring_over_a_damaged_file_keeps_the_damaged_bytes(desk_file, tmp_path, where):
    good = tmp_path / "good.db"
    backup.backup_sqlite(good)
    close_database()
    damaged = bytearray(desk_file.read_bytes())
    if where == "header":
        damaged[:100] = b"\xff" * 100  # SQLite cannot even read it
    else:
        damaged[4096 * 2:4096 * 6] = b"\x41" * 4096 * 4  # readable, but pages are garbage
    desk_file.write_bytes(damaged)
    assert not backup.check_file(desk_file, quick=True).ok
    kept = backup.restore_sqlite(good, desk_file)
    assert kept.read_bytes() == bytes(damaged)
    assert backup.check_file(desk_file).slips == 30
