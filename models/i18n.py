"""The language of the messages models/ hands to people: refusals, field problems, reasons.

One catalogue holds every translation of the product, models/catalogue/zh_CN.json: {context:
{English source: Chinese}}. tools/i18n.py extracts the messages into it and compiles the Qt side
(desktop/i18n/*.ts for Qt Linguist, the .qm the desk loads). The widgets look their words up
through Qt (`self.tr`, forms.translation); everything without Qt — models/, printouts/, the admin
command — through this module, in the catalogue's context "models":

- `t("Choose a category.")` — a message, its {placeholders} filled in one pass by str.format;
- `plural(n, "slip", "slips")` — a count with its noun ("%n slips" in the catalogue);
- `fill(text, a, b)` — Qt's %1 %2 placeholders of an already translated text, in one pass;
- `pick(en, zh, lang)` — of a text kept in both languages (a category's two names), one.

Messages come out in the language the process speaks: the desk sets it from the interface
language at start (desktop.shell.app), the admin command from --lang or the system locale.
Until then it is English, so that tests and logs read the same on every machine. A function
that takes `lang` takes None for that current language.

Text the system composes and keeps — the authority suggestion recorded on a slip, the reason it
gives when it sends a slip up by itself, a notice's details — is read later by people speaking
either language, so it is kept in both: `Composed.of(en)` holds the two, `stored()` gives the
text to keep in a text column or a JSON field, and `shown(stored, lang)` gives the reader's
language back (a person's own words, kept as typed, come back as they are). The stored form
starts with a control character that no typed text can hold (models.validation refuses them),
so nobody's words can pass for the system's.
"""
from __future__ import annotations

import functools
import json
import locale
import os
import re
from dataclasses import dataclass
from pathlib import Path

LANGUAGES = ("en", "zh")
CATALOGUE = Path(__file__).with_name("catalogue") / "zh_CN.json"
CONTEXT = "models"  # the catalogue's context of the messages said without Qt
_language = "en"


def set_language(lang: str) -> str:
    """Speak `lang` from now on ('zh…' is Chinese, anything else English); the language set."""
    global _language
    _language = "zh" if str(lang or "").lower().startswith("zh") else "en"
    return _language


def language() -> str:
    """'zh' or 'en': the language messages come out in now."""
    return _language


def chosen(lang: str | None = None) -> str:
    """'zh' or 'en': `lang` when one is given ('zh…' is Chinese), else the current language.

    A document or a screen may speak another language than the process (a letter in English
    for one customer); every function that takes `lang` takes None for "the current one"."""
    if not lang:
        return _language
    return "zh" if str(lang).lower().startswith("zh") else "en"


def is_chinese(lang: str | None = None) -> bool:
    return chosen(lang) == "zh"


def pick(en: str, zh: str, lang: str | None = None) -> str:
    """Of a text kept in both languages (a category's two names), the one for `lang`."""
    return zh if is_chinese(lang) else en


@functools.cache
def _chinese() -> dict[str, str]:
    """The catalogue's Chinese for messages said without Qt, read at the first that needs it."""
    table = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    return table.get(CONTEXT, {})


def chinese(en: str) -> str:
    """The catalogue's Chinese for the message `en` (itself when it has none yet)."""
    return _chinese().get(en, en)


def t(en: str, **params: object) -> str:
    """The message `en` in the current language, its {placeholders} filled from `params`.

    The translation takes the same placeholders (str.format syntax: "{count:,}" works); without
    params the text is returned as written, braces and all.
    """
    text = chinese(en) if _language == "zh" else en
    return text.format(**params) if params else text


_NUMBERED = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """`template` with Qt's numbered placeholders %1, %2 … replaced by `values`, in one pass.

    Filling one placeholder after another (`.replace("%1", a).replace("%2", b)`) puts a value
    that itself holds "%2" (a file named `x%2.pdf`) through the next replacement; here a value
    is never read again. A placeholder without a value is left as written.
    """
    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)
    return _NUMBERED.sub(value, template)


COMPOSED_MARK = "\x1e"  # ASCII record separator: opens a composed text kept in both languages


@dataclass(frozen=True)
class Composed:
    """A text the system wrote, in both languages."""
    en: str
    zh: str

    @classmethod
    def of(cls, en: str, **params: object) -> Composed:
        """The message `en` and its translation, their {placeholders} filled (as `t` fills one)."""
        zh = chinese(en)
        return cls(en.format(**params), zh.format(**params)) if params else cls(en, zh)

    def text(self, lang: str | None = None) -> str:
        return pick(self.en, self.zh, lang)

    def stored(self) -> str:
        return COMPOSED_MARK + json.dumps({"en": self.en, "zh": self.zh}, ensure_ascii=False)

    def __str__(self) -> str:
        return self.text()


def composed(stored: str | None) -> Composed | None:
    """The composed text kept as `stored`, or None for a person's words (or anything else)."""
    if not isinstance(stored, str) or not stored.startswith(COMPOSED_MARK):
        return None
    try:
        both = json.loads(stored[len(COMPOSED_MARK):])
        return Composed(str(both["en"]), str(both["zh"]))
    except (ValueError, KeyError, TypeError):
        return None


def shown(stored: str | None, lang: str | None = None) -> str:
    """A kept text for a reader of `lang` (default: the current language): a composed text in that
    language, a person's words as they typed them."""
    found = composed(stored)
    if found is not None:
        return found.text(lang)
    return stored or ""


def plural(count: int, one: str, many: str) -> str:
    """`count` with its noun in the current language: "1 slip", "1,200 slips", "1,200 张处理单"
    (Chinese has no plural: the catalogue's "%n slips" carries the measure word)."""
    if _language == "zh":
        return chinese(f"%n {many}").replace("%n", f"{count:,}")
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
