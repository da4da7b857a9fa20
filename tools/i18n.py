"""Re-make the Chinese translation of the interface: `python tools/i18n.py`.

1. pyside6-lupdate reads every tr()/translate()/QT_TRANSLATE_NOOP in desktop/ and forms/
   (module helpers named `tr` or `_tr` count too), and every message said without Qt through
   models.i18n — t("…"), Composed.of("…"), plural(n, "…", "…") — is read in every package,
   in the context "models";
2. a message from such a helper gets the context the module made it for,
   `_tr = translator("Printing")` (forms.translation; lupdate cannot see it);
3. the translations kept in models/catalogue/zh_CN.json (the one catalogue) are applied — {context: {source: text}},
   context "*" for a text that reads the same in every context; a keyboard accelerator the
   Chinese leaves out is added the Chinese way ("&Save" → "保存(&S)"), plurals take "%n";
4. desktop/i18n/slipdesk_zh_CN.ts is written and pyside6-lrelease compiles the .qm the
   package ships.

It prints every message still without a translation (exit status 1), and every translation
that drops a %1/%n placeholder of its source. `--missing FILE` writes the untranslated ones
as a JSON skeleton to fill in and merge.

Glossary (the seeds' words; keep them the same everywhere):
    slip, handling slip            处理单          read back (read-back)     复述
    handling authority             处理权限        within / beyond authority 权限内 / 超出处理权限
    person in charge (supervisor)  负责人          reception clerk (clerk)   接待人员
    manager                        经理            escalate, send up         上报
    upper service-management dept  上级服务管理部门 reply deadline (agreed)   (约定)回复时限
    comment book                   意见簿          letter complaint          信函投诉
    phone complaint                电话投诉        on-site (spoken)          现场口头投诉
    return visit                   回访            thank-you follow-up       再次致谢
    standard answers (口径一致)    标准答复口径    words never to say        服务忌语
    reply / record the reply       回复 / 登记回复 the customer's opinion    客户意见
    complainant / customer         投诉人 / 客户   resident, residents       住户, 住户名录
    unit                           房号            category / department     类别 / 部门
    handling result                处理结果        responsible person        责任人
    transmittal (sent up)          报送单          letter copy kept on file  复印，留存备查
    motive                         投诉动机        satisfaction              满意度
    review (weekly/monthly)        总结检讨        handover                  交接班
    draft / approve / send back    草稿/批准/退回  overdue / due today       已逾期 / 今日到期
    backup / restore               备份 / 恢复     sign in / sign out        登录 / 退出登录
    the customer's request         客户诉求        progress told             进展告知
    cause / corrective action      原因分析 / 纠正预防措施   repeated complaint  重复投诉
    never say / better said        严禁使用 / 建议改说       number (on a letter) 编号
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("desktop", "forms")
WITHOUT_QT = ("models", "printouts", "bench")  # they say their words through models.i18n, context "models"
MODELS_CONTEXT = "models"
I18N = ROOT / "desktop" / "i18n"
TABLE = ROOT / "models" / "catalogue" / "zh_CN.json"  # the one catalogue: every context's Chinese
TS = I18N / "slipdesk_zh_CN.ts"
QM = I18N / "slipdesk_zh_CN.qm"
HELPERS = ("tr", "_tr")
SHARED = "*"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")  # Qt's %1 … %n: a translation keeps every one
FIELD = re.compile(r"\{(\w+)[^{}]*\}")  # str.format's {name} / {count:,}: a translation may leave one out
ACCELERATOR = re.compile(r"&([^&\s])")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    plural: bool
    comment: str = ""


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: beside this Python first (a venv), else on PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6")
    return found


def _constants(tree: ast.Module) -> dict[str, object]:
    return {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant) for target in node.targets if isinstance(target, ast.Name)}


def helper_context(path: Path) -> str | None:
    """The context a module's helper is made for: `_tr = translator("Printing")` (forms.translation)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = _constants(tree)
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1 and getattr(node.targets[0], "id", "") in HELPERS
                and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", "") == "translator"
                and node.value.args):
            first = node.value.args[0]
            if isinstance(first, ast.Constant):
                return first.value
            if isinstance(first, ast.Name):
                return constants.get(first.id)
    return None


def extract() -> list[Message]:
    """Every message the code has now, each in the context it is looked up in at run time."""
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / "extracted.ts"
        subprocess.run([qt_tool("lupdate"), "-silent", "-extensions", "py", "-tr-function-alias", "tr+=_tr",
                        "-locations", "absolute", *SOURCES, "-ts", str(ts)], cwd=ROOT, check=True)
        root = ET.parse(ts).getroot()
        found = _messages(root, ts.parent)
    found.update(_named_contexts())
    found.update(_said_without_qt())
    return sorted(found.values(), key=lambda m: (m.context, m.source))


def _said_without_qt() -> dict[tuple[str, str], Message]:
    """models.i18n's messages — t("…"), Composed.of("…"), plural(n, "…", "…") — in its context."""
    found = {}
    for folder in (*SOURCES, *WITHOUT_QT):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if not _imports_i18n(tree):
                continue
            for call in ast.walk(tree):
                if isinstance(call, ast.Call) and (source := _message_of(call)) is not None:
                    found[(MODELS_CONTEXT, source)] = Message(MODELS_CONTEXT, source, False)
    return found


def _imports_i18n(tree: ast.Module) -> bool:
    """Whether the module says anything through models.i18n (another `t` is not ours)."""
    return any(isinstance(node, ast.ImportFrom) and node.module == "models.i18n" for node in ast.walk(tree))


def _message_of(call: ast.Call) -> str | None:
    """The catalogue source a models.i18n call looks up, when it is written out."""
    func, args = call.func, call.args
    literal = [arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None for arg in args]
    if isinstance(func, ast.Name) and func.id == "t" and literal[:1] != [None] and args:
        return literal[0]
    if isinstance(func, ast.Attribute) and func.attr == "of" and getattr(func.value, "id", "") == "Composed" and args:
        return literal[0]
    if isinstance(func, ast.Name) and func.id == "plural" and len(args) == 3 and literal[2] is not None:
        return f"%n {literal[2]}"
    return None


def _named_contexts() -> dict[tuple[str, str], Message]:
    """QT_TRANSLATE_NOOP(CONTEXT, "…") with the context in a module constant: lupdate skips those."""
    found = {}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            constants = _constants(tree)
            for call in ast.walk(tree):
                if (isinstance(call, ast.Call) and getattr(call.func, "id", getattr(call.func, "attr", ""))
                        in ("QT_TRANSLATE_NOOP", "translate") and len(call.args) >= 2
                        and isinstance(call.args[0], ast.Name) and isinstance(call.args[1], ast.Constant)
                        and isinstance(constants.get(call.args[0].id), str)):
                    context, source = constants[call.args[0].id], call.args[1].value
                    found[(context, source)] = Message(context, source, False)
    return found


def _messages(root: ET.Element, base: Path) -> dict[tuple[str, str], Message]:
    found: dict[tuple[str, str], Message] = {}
    contexts: dict[Path, str | None] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            names = {name}
            if not name:  # module helpers: lupdate cannot tell their context, and merges their messages
                names = set()
                for location in message.iter("location"):
                    path = (base / location.get("filename")).resolve()
                    if path not in contexts:
                        contexts[path] = helper_context(path)
                    names.add(contexts[path] or "")
            for context_name in names:
                found.setdefault((context_name, source), Message(
                    context_name, source, message.get("numerus") == "yes", message.findtext("comment") or ""))
    return found


def load_table(path: Path = TABLE) -> dict[str, dict[str, str]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def with_accelerator(source: str, text: str) -> str:
    """"保存" for "&Save" becomes "保存(&S)"; before a trailing "…" or colon, the Chinese way."""
    found = ACCELERATOR.search(source.replace("&&", ""))
    if not found or "&" in text:
        return text
    key = f"(&{found.group(1).upper()})"
    stripped = text.rstrip("…:：.")
    return stripped + key + text[len(stripped):]


def translation(message: Message, table: dict[str, dict[str, str]]) -> str | None:
    text = table.get(message.context, {}).get(message.source)
    if text is None:
        text = table.get(SHARED, {}).get(message.source)
    return with_accelerator(message.source, text) if text else None


def placeholder_problems(messages: list[Message], table: dict[str, dict[str, str]]) -> list[str]:
    """Translations that lose or invent a %1 … %9 or %n of their source, or name a {field} it
    does not fill (English needs "{have}" where Chinese does not, so one may be left out)."""
    problems = []
    for message in messages:
        text = translation(message, table)
        if text is not None and (set(PLACEHOLDER.findall(message.source)) != set(PLACEHOLDER.findall(text))
                                 or not set(FIELD.findall(text)) <= set(FIELD.findall(message.source))):
            problems.append(f"{message.context}: {message.source!r} → {text!r}")
    return problems


def write_ts(messages: list[Message], table: dict[str, dict[str, str]], path: Path = TS) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    for name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = name
        for message in by_context[name]:
            element = ET.SubElement(context, "message", numerus="yes") if message.plural else ET.SubElement(
                context, "message")
            ET.SubElement(element, "source").text = message.source
            if message.comment:
                ET.SubElement(element, "comment").text = message.comment
            text = translation(message, table)
            done = ET.SubElement(element, "translation")
            if text is None:
                done.set("type", "unfinished")
            elif message.plural:
                ET.SubElement(done, "numerusform").text = text
            else:
                done.text = text
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def shipped(path: Path = TS) -> dict[tuple[str, str], str]:
    """(context, source) → the finished translation in a .ts file (unfinished ones left out)."""
    done = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            if element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = [form.text or "" for form in element.iter("numerusform")]
            text = "".join(forms) if forms else element.text or ""
            if text.strip():
                done[(name, message.findtext("source") or "")] = text
    return done


def compile_qm(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missing", metavar="FILE", help="write the untranslated messages as JSON to fill in")
    args = parser.parse_args(argv)
    messages = extract()
    table = load_table()
    write_ts(messages, table)
    compile_qm()
    missing = [m for m in messages if translation(m, table) is None]
    problems = placeholder_problems(messages, table)
    print(f"{len(messages)} messages, {len(messages) - len(missing)} translated, {len(missing)} missing; "
          f"wrote {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    for problem in problems:
        print(f"placeholder dropped: {problem}")
    if args.missing:
        skeleton: dict[str, dict[str, str]] = {}
        for message in missing:
            skeleton.setdefault(message.context, {})[message.source] = ""
        Path(args.missing).write_text(json.dumps(skeleton, ensure_ascii=False, indent=1), encoding="utf-8")
    for message in missing:
        print(f"missing: [{message.context}] {message.source}")
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
