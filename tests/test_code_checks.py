"""The house's checks, run with the suite so CI fails on them: the layers (arrows point one way,
desktop → forms → models and desktop → printouts → models, no Qt below the shell) and ruff's
small rule set from pyproject.toml.

The benchmark and its bulk loader (bench/) sit beside the shell, outside the domain: bench may
import models, printouts, forms and desktop, but models, forms and printouts never import bench,
and in desktop only the admin commands that are its command line do (BENCH_SURFACE: the bench
commands, and the demo command, whose runs of benchmark size are the bench's loader's), so that
no package needs bench to work and the desk never runs it.

The layer check reads every import statement, those inside functions too: a wrong-way import
hidden in a function body is still a wrong-way import."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6")
FORBIDDEN = {  # a package, and the top-level names it must never import
    "models": ("bench", "desktop", "forms", "printouts", *QT),
    "printouts": ("bench", "desktop", "forms", *QT),
    "forms": ("bench", "desktop", "printouts"),
}
# The only files of desktop that may import bench: the admin commands that are its command line
BENCH_SURFACE = ("desktop/commands/bench.py", "desktop/commands/bench_company.py", "desktop/commands/bench_live.py",
                 "desktop/commands/demo.py")


def imported_names(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports, with its line: `import a.b` and `from a.b import c` give a.b."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def wrong_way_imports(package: str) -> list[str]:
    forbidden = FORBIDDEN[package]
    return [f"{path.relative_to(ROOT)}:{line} imports {name}"
            for path in sorted((ROOT / package).rglob("*.py"))
            for line, name in imported_names(path)
            if name.split(".")[0] in forbidden]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_runs_the_wrong_way(package):
    assert wrong_way_imports(package) == []


def test_only_the_bench_commands_of_the_shell_import_bench():
    found = [f"{path.relative_to(ROOT).as_posix()}:{line} imports {name}"
             for path in sorted((ROOT / "desktop").rglob("*.py"))
             if path.relative_to(ROOT).as_posix() not in BENCH_SURFACE
             for line, name in imported_names(path) if name.split(".")[0] == "bench"]
    assert found == []


def test_the_layer_check_sees_an_import_inside_a_function(tmp_path):
    """The check itself: a Qt import in a function body of a model module is found."""
    module = tmp_path / "sneaky.py"
    module.write_text("def show():\n    from PySide6.QtWidgets import QMessageBox\n    import desktop.app\n")
    assert imported_names(module) == [(2, "PySide6.QtWidgets"), (3, "desktop.app")]


def test_ruff_finds_nothing():
    """The rule set is pyproject.toml's [tool.ruff.lint]; ruff is in the test extra."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
