"""The house's checks, run with the suite so CI fails on them: the layers (arrows point one way,
desktop → forms → models and desktop → printouts → models, no Qt below the shell), no import
cycle among the modules of models/, and ruff's small rule set from pyproject.toml.

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
    module.write_text("def show():\n    from PySide6.QtWidgets import QMessageBox\n    import desktop.shell.app\n")
    assert imported_names(module) == [(2, "PySide6.QtWidgets"), (3, "desktop.shell.app")]


def _outside_type_checking(tree: ast.AST):
    """Every node of `tree` except those under `if TYPE_CHECKING:` (never run)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for other in node.orelse for n in [other, *_outside_type_checking(other)])
            continue
        yield node
        yield from _outside_type_checking(node)


def model_imports(folder: Path, package: str = "models") -> dict[str, dict[str, int]]:
    """Each module of the package and the package's modules it imports (anywhere: in a function
    body too), with the line of the first such import."""
    modules = {path.stem: path for path in sorted(folder.glob("*.py")) if path.stem != "__init__"}
    graph: dict[str, dict[str, int]] = {}
    for name, path in modules.items():
        edges: dict[str, int] = {}
        for node in _outside_type_checking(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module == package:
                targets = [f"{package}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                targets = [node.module]
            for target in targets:
                parts = target.split(".")
                if len(parts) > 1 and parts[0] == package and parts[1] in modules and parts[1] != name:
                    edges.setdefault(parts[1], node.lineno)
        graph[name] = edges
    return graph


def import_cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle (a list of modules, the first repeated at the end) in each group of modules that
    import each other, directly or through others (strongly connected components)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's algorithm
        order[v] = low[v] = len(order)
        stack.append(v)
        for w in graph[v]:
            if w not in order:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], order[w])
        if low[v] == order[v]:
            group = []
            while not group or group[-1] != v:
                group.append(stack.pop())
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in order:
            visit(v)
    cycles = []
    for group in groups:
        start = min(group)
        paths = {start: [start]}
        queue = [start]
        while queue:  # the shortest way back to `start` inside the group
            v = queue.pop(0)
            for w in sorted(graph[v]):
                if w == start:
                    cycles.append(paths[v] + [start])
                    queue = []
                    break
                if w in group and w not in paths:
                    paths[w] = paths[v] + [w]
                    queue.append(w)
    return cycles


def described(cycle: list[str], graph: dict[str, dict[str, int]], package: str = "models") -> str:
    return " -> ".join(f"{package}/{a}.py:{graph[a][b]} imports {package}.{b}" for a, b in zip(cycle, cycle[1:]))


def test_no_import_cycle_in_models():
    """A module imports another only if that one, through any chain, never imports it back: not
    even in a function body (an import there dodges the cycle at load time, not in the design)."""
    graph = model_imports(ROOT / "models")
    cycles = import_cycles(graph)
    assert not cycles, "import cycles in models/ (one shown per group of modules):\n" + "\n".join(
        described(cycle, graph) for cycle in cycles)


def test_the_cycle_check_sees_an_import_inside_a_function(tmp_path):
    """The check itself: a cycle closed by an import in a function body is found and named; one
    under `if TYPE_CHECKING:` is not a cycle."""
    (tmp_path / "a.py").write_text("from models import b\nimport models.d\n")
    (tmp_path / "b.py").write_text("def later():\n    from models.c import x\n")
    (tmp_path / "c.py").write_text("import models.a\n")
    (tmp_path / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from models import a\n")
    graph = model_imports(tmp_path)
    assert import_cycles(graph) == [["a", "b", "c", "a"]]
    assert described(["a", "b", "c", "a"], graph) == ("models/a.py:1 imports models.b -> models/b.py:2 imports "
                                                      "models.c -> models/c.py:1 imports models.a")
    assert graph["d"] == {}


def test_ruff_finds_nothing():
    """The rule set is pyproject.toml's [tool.ruff.lint]; ruff is in the test extra."""
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
