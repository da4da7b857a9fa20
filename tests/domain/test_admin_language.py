"""`slipdesk-admin` speaks the system locale's language in every line it writes: success lines,
refusals, argparse's own usage and errors, and the help, under LANG=zh_CN.UTF-8 and LANG=C."""
from __future__ import annotations

import re

import pytest

from desktop.commands import admin
from desktop.commands import COMMANDS

HAN = re.compile(r"[\u4e00-\u9fff]")
# Words of the English messages that must not be left in a Chinese one (paths, options, numbers,
# slip numbers and the commands' own names are the same in both languages).
ENGLISH = re.compile(r"\b(wrote|slips?|backed|verified|restored|error|usage|options|no|the|of|to|in|and|"
                     r"invalid|argument|required|cannot|give|rows?|imported|nothing|check|database|demo "
                     r"accounts|history|kept|print|write|letter)\b", re.IGNORECASE)
PATH_OR_OPTION = re.compile(r"(/\S+|--[a-z-]+|-[a-zA-Z]\b|\S+\.(db|pdf|xlsx|csv)\b|TS-\d{4}-\d+|"
                            r"slipdesk-admin( [a-z-]+)?|"
                            r"postgresql://\S*|pg_dump|pg_restore|SQLite|PostgreSQL|PDF|XLSX|\{[^}]*\}|'[^']*'|"
                            r"\b(letter|slip|transmittal|receipt|book-reply|sheet|label|zh|en|DL|C5|N|bench-N)\b)")


def run(argv: list[str], capsys) -> tuple[int, list[str]]:
    try:
        code = admin.main(argv)
    except SystemExit as stop:  # argparse's refusals and --help end the process
        code = stop.code
    captured = capsys.readouterr()
    return code, [line for line in (captured.out + captured.err).splitlines() if line.strip()]


@pytest.fixture
def locale_is(monkeypatch):
    def set_lang(value: str) -> None:
        for name in ("LC_ALL", "LC_MESSAGES"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("LANG", value)
    return set_lang


def a_working_day(tmp_path, capsys) -> list[tuple[int, list[str]]]:
    """An administrator's commands, successes and refusals, on a small demo database."""
    path, copy = str(tmp_path / "desk.db"), str(tmp_path / "copy.db")
    return [
        run(["demo", "--db", path, "--slips", "12"], capsys),
        run(["verify", "--db", path], capsys),
        run(["backup", "--db", path, "-o", copy], capsys),
        run(["restore", copy, "--db", str(tmp_path / "restored.db")], capsys),
        run(["print", "letter", "TS-2026-000001", "--db", path, "-o", str(tmp_path / "l.pdf")], capsys),
        run(["print", "slip", "TS-2026-000001", "TS-2026-000002", "--db", path, "-o", str(tmp_path / "s.pdf")], capsys),
        run(["report", "--period", "2026-11", "--db", path, "-o", str(tmp_path / "r.xlsx"), "--user", "manager"],
            capsys),
        run(["print", "letter", "TS-2099-000001", "--db", path, "-o", str(tmp_path / "x.pdf")], capsys),
        run(["print", "letter", "--db", path, "-o", str(tmp_path / "x.pdf")], capsys),
        run(["print", "lettre", "TS-2026-000001", "--db", path, "-o", str(tmp_path / "x.pdf")], capsys),
        run(["report", "--period", "2026-11", "--db", path, "-o", str(tmp_path / "r.txt")], capsys),
        run(["verify", "--db", str(tmp_path / "missing.db")], capsys),
        run(["demo", "--db", path, "--slips", "-1"], capsys),
    ]


def test_every_message_is_chinese_under_a_chinese_locale(db, users, tmp_path, capsys, locale_is):
    locale_is("zh_CN.UTF-8")
    day = a_working_day(tmp_path, capsys)
    assert [code for code, _ in day] == [0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]
    lines = [line for _, printed in day for line in printed]
    assert any(line.startswith("已将 12 张处理单写入") for line in lines)
    assert any("用法：slipdesk-admin print" in line for line in lines)
    for line in lines:
        assert HAN.search(line), line
        assert not ENGLISH.search(PATH_OR_OPTION.sub("", line)), line


def test_every_message_is_english_under_the_c_locale(db, users, tmp_path, capsys, locale_is):
    locale_is("C")
    day = a_working_day(tmp_path, capsys)
    assert [code for code, _ in day] == [0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2]
    lines = [line for _, printed in day for line in printed]
    assert "wrote 12 slips" in lines[0]
    assert any(line.startswith("usage: slipdesk-admin print") for line in lines)
    assert any("wrote 2 handling slips as one PDF" in line for line in lines)
    for line in lines:
        assert not HAN.search(line), line


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8", "C"])
def test_help_says_what_each_command_does_in_the_locales_language(lang, capsys, locale_is):
    locale_is(lang)
    code, lines = run(["--help"], capsys)
    assert code == 0
    chinese = lang.startswith("zh")
    names = [module.__name__.rpartition(".")[2].rstrip("_").replace("_", "-") for module in COMMANDS]  # bench-live
    for name in names:  # each command has its sentence in the overview
        at = next(i for i, line in enumerate(lines) if line.strip() == name or line.strip().startswith(name + " "))
        line = lines[at] if lines[at].strip() != name else lines[at + 1]  # a long name: its sentence below
        said = line if chinese else re.sub(r"\([^)]*\)", "", line)  # English quotes the seeds' terms in brackets
        assert bool(HAN.search(said)) == chinese, line
    for name in names:
        code, own = run([name, "--help"], capsys)
        assert code == 0
        text = "\n".join(own)
        assert ("用法：" in text) == chinese and ("usage:" in text) != chinese
        assert ("显示此帮助后退出" in text) == chinese
    _, bench = run(["bench", "--help"], capsys)
    assert "bench-N.db" in "".join(bench)  # where it works without --db
    _, printing = run(["print", "--help"], capsys)
    assert all(kind in "".join(printing) for kind in ("book-reply", "transmittal", "label"))
    assert ("手写回信用的预填信纸" in "".join(printing)) == chinese
