"""Every message models/ (and printouts/) shows the clerk comes in Chinese too (models.i18n.t).

The first test reads the source: a refusal raised with a bare English string, a field problem
put in an `errors` dict as one, or a message handed to a validator or to require_role as one,
would reach a Chinese desk in English. The others switch the language and meet real refusals.
"""
from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import models
from models import i18n

MODELS = Path(models.__file__).parent
PRINTOUTS = MODELS.parent / "printouts"
ERROR_BASES = {"SlipdeskError", "ValidationFailed", "PermissionDenied", "TransitionRefused", "StaleSlip",
               "LoginFailed"}
# callee name → the positional indexes and keyword names that carry a message for the person
MESSAGE_ARGS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "put": ((1,), ("message",)),  # the local collector of field problems (intake, edits …)
    "required": ((1,), ("message",)),
    "text": ((), ("required_message",)),
    "past_date": ((1,), ("what",)),
    "require_role": ((), ("action",)),
    "Check": ((1,), ("problem",)),  # models.backup: why a file is not a sound database
    "RowError": ((2,), ("message",)),  # models.residents_io: a row's problem in an import
    "bad": ((1,), ()),  # residents_io's collector of a row's problems
    "ChainBreak": ((2,), ("problem",)),  # models.history: where a slip's history was tampered with
}
ERRORS_DICTS = {"errors", "problems"}
# functions that return a field's message or None (models.validation's, and *_problem ones)
CHECKERS = {"required", "name", "text", "phone", "email", "past_date", "future_deadline"}
MESSAGE_NAMES = {"message", "missing", "problem", "reason"}  # a message kept in a variable first


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """The refusal classes: models.errors' and every subclass defined in models/."""
    names = set(ERROR_BASES)
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        _name(base) in names for base in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def bare(node: ast.AST | None) -> bool:
    """A literal English text not passed through t(): "…", f"…", "…" + x, "…".format(…)."""
    if node is None:
        return False
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(bare(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return bare(node.left) or bare(node.right)
    if isinstance(node, ast.IfExp):
        return bare(node.body) or bare(node.orelse)
    if isinstance(node, ast.BoolOp):
        return any(bare(value) for value in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return bare(node.func.value)
    return False


def violations_in(path: Path, tree: ast.Module, errors: set[str]) -> list[str]:
    found = []

    def report(node: ast.AST, what: str) -> None:
        found.append(f"{path.name}:{node.lineno}: {what}: {ast.unparse(node)[:90]}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in errors:  # raised, returned or kept
            call = node
            for arg in [*call.args, *(k.value for k in call.keywords if k.arg == "message")]:
                if isinstance(arg, ast.Dict):
                    for value in arg.values:
                        if bare(value):
                            report(value, f"{_name(call.func)} field message")
                elif bare(arg):
                    report(arg, f"refusal {_name(call.func)}")
        elif isinstance(node, ast.Call) and _name(node.func) in MESSAGE_ARGS:
            positions, keywords = MESSAGE_ARGS[_name(node.func)]
            args = [node.args[i] for i in positions if i < len(node.args)]
            args += [k.value for k in node.keywords if k.arg in keywords]
            for arg in args:
                if bare(arg):
                    report(arg, f"message for {_name(node.func)}()")
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Subscript) and _name(t.value) in ERRORS_DICTS for t in targets) and bare(
                    node.value):
                report(node.value, "field message")
            elif any(isinstance(t, ast.Name) and t.id in MESSAGE_NAMES for t in targets) and bare(node.value):
                report(node.value, "message")
        elif isinstance(node, ast.Return) and bare(node.value) and _in_checker(node):
            report(node.value, "returned message")
        elif isinstance(node, ast.Dict) and _returns_errors(node):
            for value in node.values:
                if bare(value):
                    report(value, "field message")
    return found


def _in_checker(node: ast.AST) -> bool:
    """Inside a function that returns the message for a field (`amount_problem`, `validation.name`)."""
    while node is not None and not isinstance(node, ast.FunctionDef):
        node = getattr(node, "parent", None)
    return node is not None and (node.name.endswith(("_problem", "problems")) or node.name in CHECKERS)


def _returns_errors(node: ast.Dict) -> bool:
    """A dict literal bound to an `errors`-like name is checked where it is assigned."""
    parent = getattr(node, "parent", None)
    return isinstance(parent, ast.Assign) and any(_name(t) in ERRORS_DICTS for t in parent.targets)


def parsed_models() -> dict[Path, ast.Module]:
    """models/ and printouts/ (whose refusals reach the desk through the print dialogs)."""
    trees = {}
    for path in sorted([*MODELS.glob("*.py"), *PRINTOUTS.glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for parent in ast.walk(tree):
            for child in ast.iter_child_nodes(parent):
                child.parent = parent
        trees[path] = tree
    return trees


def test_every_models_message_is_written_in_both_languages():
    trees = parsed_models()
    errors = error_classes(trees)
    assert {"ImportRefused", "ExportRefused", "BackupFailed", "LetterFrozen"} <= errors
    found = [line for path, tree in trees.items() for line in violations_in(path, tree, errors)]
    assert not found, "messages not said through models.i18n.t:\n" + "\n".join(found)


def test_the_checker_catches_bare_messages():
    source = '''
def f(errors, put):
    raise PermissionDenied(f"Only {x} may.")
    raise ValidationFailed({"phone": "Enter a phone number."})
    errors["name"] = "A name is required."
    put("unit", "Write the unit.")
    require_role(user, "manager", action="import")
    raise ValidationFailed({"phone": t("Enter a phone number.", "请填写电话号码。")})
    raise PermissionDenied(reason)
'''
    tree = ast.parse(source)
    for parent in ast.walk(tree):
        for child in ast.iter_child_nodes(parent):
            child.parent = parent
    found = violations_in(Path("sample.py"), tree, set(ERROR_BASES))
    assert len(found) == 5, found


@pytest.fixture
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def test_set_language_takes_locale_names(monkeypatch):
    monkeypatch.setattr(i18n, "_chinese", lambda: {"Saved {n}.": "已保存 {n} 条。"})  # the catalogue's entry
    try:
        assert i18n.set_language("zh_CN.UTF-8") == "zh"
        assert i18n.t("Saved {n}.", n=3) == "已保存 3 条。"
        assert i18n.set_language("de_DE") == "en"
        assert i18n.t("Saved {n}.", n=3) == "Saved 3."
    finally:
        i18n.set_language("en")


def test_system_language_follows_the_environment(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.system_language() == "zh"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert i18n.system_language() == "en"


# --- real refusals in Chinese -------------------------------------------------------------------

def test_intake_without_read_back_is_refused_in_chinese(db, users, frozen_now, chinese):
    from models import intake
    from models.errors import ValidationFailed
    from tests.support.slips import phone_intake

    with pytest.raises(ValidationFailed) as refused:
        intake.save(phone_intake(read_back=False, thanked=False, caller_number="12345"), users["clerk"])
    errors = refused.value.errors
    assert errors["read_back"] == "请向客户复述投诉内容，客户确认无误后勾选。"
    assert errors["thanked"] == "通话结束时请向客户致谢（感谢来电），然后勾选。"
    assert errors["caller_number"].startswith("电话号码有误")


def test_a_phone_reply_at_night_is_refused_in_chinese(db, users, frozen_now, chinese):
    from models import clock, replies
    from models.errors import ValidationFailed
    from models.replies import ReplyInput
    from models.slips import Slip
    from models.vocab import Opinion, ReplyMethod, Status
    from tests.support.slips import slip_in

    slip = slip_in(Status.HANDLED, users)
    clock.freeze(dt.datetime(2026, 11, 24, 21, 15))
    with pytest.raises(ValidationFailed) as refused:
        replies.record(slip.id, users["clerk"], ReplyInput(
            method=ReplyMethod.PHONE, summary="电话告知灯已修好。", opinion=Opinion.ACCEPTED, identity_stated=True),
            expected_version=Slip.get_by_id(slip.id).version)
    assert refused.value.errors["at"] == (
        "2026-11-24 21:15 不在本物业的工作时间内（工作日 08:30–17:30）。电话回复原则上应选择工作时间进行，"
        "给客户打电话、发短信都是如此：只有紧急情况或经客户事先许可，才可在工作时间以外联系客户。")


def test_a_clerk_confirming_an_escalation_is_refused_in_chinese(db, users, frozen_now, chinese):
    from models.errors import PermissionDenied, TransitionRefused
    from models.vocab import Status
    from tests.support.slips import received_slip, slip_in, step

    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主威胁找媒体曝光")
    with pytest.raises(PermissionDenied) as refused:
        step(slip, "confirm_escalation", users["clerk2"])
    assert str(refused.value) == "只有负责人或经理可以确认上报。"
    with pytest.raises(TransitionRefused) as refused:
        step(slip_in(Status.CLOSED, users), "record_handling", users["manager"], result="已修复")
    assert "当前为“已结案”：只有在“处理中”或“已报上级”状态下才能“登记处理结果”。" in str(refused.value)


def test_the_same_refusal_stays_english_by_default(db, users, frozen_now):
    from models.errors import PermissionDenied
    from tests.support.slips import received_slip, step

    slip = step(received_slip(users["clerk"]), "request_escalation", users["clerk"], reason="业主威胁找媒体曝光")
    with pytest.raises(PermissionDenied, match="^Only a supervisor or manager may confirm an escalation.$"):
        step(slip, "confirm_escalation", users["clerk2"])


def test_fill_puts_every_value_in_once():
    """A value that holds a placeholder of its own is not filled again (a file named x%2.pdf)."""
    from models.i18n import fill

    assert fill("Could not save %1: %2", "x%2.pdf", "disk full") == "Could not save x%2.pdf: disk full"
    assert fill("%2 before %1", "one", "two") == "two before one"
    assert fill("%1 of %3", 7) == "7 of %3"
    assert fill("100%", 1) == "100%"


def test_every_message_said_without_qt_has_its_chinese_in_the_one_catalogue():
    """t("…"), Composed.of("…") and plural(n, "…", "…") in any package find their Chinese in
    models/catalogue/zh_CN.json, the catalogue Qt's .ts is made from too."""
    import importlib.util
    import sys

    tool_path = MODELS.parent / "tools" / "i18n.py"
    spec = importlib.util.spec_from_file_location("slipdesk_i18n_catalogue", tool_path)
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool
    spec.loader.exec_module(tool)
    said = [source for (context, source) in tool._said_without_qt() if context == i18n.CONTEXT]
    assert len(said) > 500
    missing = [source for source in said if source not in i18n._chinese()]
    assert not missing, "messages without Chinese in the catalogue (run python tools/i18n.py):\n" + "\n".join(missing)
