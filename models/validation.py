"""Field validators: each returns the message to show beside the field, or None when it is fine.

Validators never raise on odd input (overlong text, control characters, emoji, impossible
dates): whatever the clerk typed gets a clear message and stays in the form.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from models import clock
from models.i18n import t

NAME_MAX = 64
TEXT_MAX = 20000
SHORT_MAX = 256
_LOCAL_LANDLINE = re.compile(r"^[2-8]\d{6,7}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def has_control_chars(text: str, allow_newlines: bool = False) -> bool:
    """Control characters (NUL among them) or lone surrogates, which no column can store."""
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


def not_text(value) -> str | None:
    """The message for a value that should be text and is not (a form never sends one; a script might)."""
    return None if value is None or isinstance(value, str) else t("Expected text.")


def kind_problem(field, value) -> str | None:
    """Whether `value` is of the kind the model `field` stores (text, yes/no, a date, a number);
    the message when it is not. Lengths and characters are `column_problem`'s."""
    import peewee

    if value is None:  # text and yes/no columns that must hold a value (a date may be left out)
        if field.null or not isinstance(field, (peewee.CharField, peewee.TextField, peewee.BooleanField)):
            return None
        return t("Expected yes or no.") if isinstance(field, peewee.BooleanField) else t(
            "Expected text.")
    if isinstance(field, (peewee.CharField, peewee.TextField)):
        return not_text(value)
    if isinstance(field, peewee.BooleanField):
        return None if isinstance(value, bool) else t("Expected yes or no.")
    if isinstance(field, peewee.DateTimeField):
        return None if isinstance(value, dt.datetime) else t("Expected a date and time.")
    if isinstance(field, peewee.DateField):
        ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
        return None if ok else t("Expected a date.")
    if isinstance(field, (peewee.ForeignKeyField, peewee.IntegerField)):
        ok = isinstance(value, int) and not isinstance(value, bool) and -2**31 < value < 2**31
        return None if ok else t("Not one of the offered choices.")
    return None


def column_problem(field, value) -> str | None:
    """Text that does not fit the model `field`'s column: too long, or with characters no column
    stores (one line for a short column; lines and tabs allowed in a long text)."""
    import peewee

    if not isinstance(value, str):
        return None
    if isinstance(field, peewee.CharField):
        return text(value, field.max_length) if "\n" not in value and "\r" not in value else t(
            "Write it on one line.")
    if isinstance(field, peewee.TextField):
        return text(value, TEXT_MAX)
    return None


def required(value, message: str | None = None) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return message or t("This field is required.")
    return None


def name(value: str) -> str | None:
    if problem := not_text(value):
        return problem
    if not (value or "").strip():
        return t("Enter the complainant's name (a surname is enough).")
    if len(value) > NAME_MAX:
        return t("A name has at most {n} characters.", n=NAME_MAX)
    if has_control_chars(value):
        return t("The name contains control characters.")
    return None


def text(value: str, maximum: int = TEXT_MAX, required_message: str | None = None) -> str | None:
    if problem := not_text(value):
        return problem
    value = value or ""
    if required_message and not value.strip():
        return required_message
    if len(value) > maximum:
        return t("At most {maximum:,} characters ({typed:,} typed).",
                 maximum=maximum, typed=len(value))
    if has_control_chars(value, allow_newlines=True):
        return t("The text contains control characters; retype or paste it as plain text.")
    return None


def normalize_phone(value: str) -> str | None:
    """See `_normalize_phone`; None for anything but text."""
    return _normalize_phone(value) if isinstance(value, str) else None


@functools.lru_cache(maxsize=4096)
def _normalize_phone(value: str) -> str | None:
    """Mainland mobile → "13812345678", landline → "021-58881234", local landline kept;
    None when it is not a phone number. Kept per number: a save checks a number and then stores
    it, and parsing one takes phonenumbers a tenth of a millisecond."""
    raw = value.strip()
    if not raw or len(raw) > 32 or has_control_chars(raw):
        return None
    digits = re.sub(r"[\s\-()（）]", "", raw)
    if _LOCAL_LANDLINE.match(digits):
        return digits
    import phonenumbers  # here, not at the top: its tables cost a desk's start-up ~30 ms before any phone is typed

    try:
        number = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    national = str(number.national_number)
    if number.country_code != 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
        return national
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    area, _, rest = formatted.partition(" ")
    return f"{area}-{rest.replace(' ', '')}" if rest else formatted


def phone(value: str, required_field: bool = False) -> str | None:
    if problem := not_text(value):
        return problem
    if not (value or "").strip():
        return t("Enter a phone number.") if required_field else None
    if normalize_phone(value) is None:
        return t("Not a phone number: a mobile has 11 digits starting with 1 (13812345678); "
                 "a landline has its area code (021-58881234).")
    return None


def email(value: str) -> str | None:
    if problem := not_text(value):
        return problem
    value = (value or "").strip()
    if not value:
        return None
    if len(value) > 128 or not _EMAIL.match(value) or has_control_chars(value):
        return t("Not an e-mail address (name@example.com).")
    return None


def past_date(value, what: str | None = None, required_field: bool = True) -> str | None:
    """A date or time that must have happened already (a letter's date, a call's time);
    `what` names it in the message, in the current language (t(...))."""
    what = what or t("The date")
    if value is None:
        return t("{what} is required.", what=what) if required_field else None
    if not isinstance(value, (dt.date, dt.datetime)):
        return t("{what} is not a valid date.", what=what)
    now = clock.now()
    if isinstance(value, dt.datetime):
        if value > now + dt.timedelta(minutes=1):
            return t("{what} cannot be in the future.", what=what)
    elif value > now.date():
        return t("{what} cannot be in the future.", what=what)
    if value.year < 2000:
        return t("{what} is implausibly old.", what=what)
    return None


def future_deadline(value) -> str | None:
    if value is None:
        return t("Agree a reply deadline with the customer (约定回复时限).")
    if not isinstance(value, dt.datetime):
        return t("The deadline is not a valid date and time.")
    if value <= clock.now():
        return t("The reply deadline cannot be in the past.")
    if value > clock.now() + dt.timedelta(days=366):
        return t("The reply deadline is more than a year away.")
    return None
