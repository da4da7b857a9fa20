"""The language of the messages models/ hands to people: refusals, field problems, reasons.

models/ has no Qt, so it cannot use the desk's .qm translation; and a message written once in
English and looked up later by its English text breaks as soon as it carries a number or a
name. So every user-facing message is written in both languages where it is raised,
`t("Choose a category.", "请选择类别。")`, and comes out in the language the process speaks:
the desk sets it from the interface language at start (desktop.app), the admin command from
--lang or the system locale (desktop.admin). Until then it is English, so that tests and logs
read the same on every machine.
"""
from __future__ import annotations

import locale
import os

LANGUAGES = ("en", "zh")
_language = "en"


def set_language(lang: str) -> str:
    """Speak `lang` from now on ('zh…' is Chinese, anything else English); the language set."""
    global _language
    _language = "zh" if str(lang or "").lower().startswith("zh") else "en"
    return _language


def language() -> str:
    """'zh' or 'en': the language messages come out in now."""
    return _language


def t(en: str, zh: str, **params: object) -> str:
    """The message in the current language, its {placeholders} filled from `params`.

    Both texts take the same placeholders (str.format syntax: "{count:,}" works); without
    params the text is returned as written, braces and all.
    """
    text = zh if _language == "zh" else en
    return text.format(**params) if params else text


def plural(count: int, one: str, many: str, zh: str) -> str:
    """`count` with its noun in the current language: "1 slip", "1,200 slips", "1,200 张处理单"
    (Chinese has no plural; `zh` carries its measure word)."""
    if _language == "zh":
        return f"{count:,} {zh}"
    return f"{count:,} {one if count == 1 else many}"


def system_language() -> str:
    """'zh' when the environment's locale is Chinese (LC_ALL, LC_MESSAGES, LANG, then the
    process locale), else 'en': for programs without Qt to ask, such as slipdesk-admin."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = locale.getlocale()[0] or ""
    return "zh" if code.lower().startswith(("zh", "chinese")) else "en"
