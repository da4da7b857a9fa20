"""Field validators: each returns the message to show beside the field, or None when it is fine.

Validators never raise on odd input (overlong text, control characters, emoji, impossible
dates): whatever the clerk typed gets a clear message and stays in the form.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import phonenumbers

from models import clock

NAME_MAX = 64
TEXT_MAX = 20000
SHORT_MAX = 256
_LOCAL_LANDLINE = re.compile(r"^[2-8]\d{6,7}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def has_control_chars(text: str, allow_newlines: bool = False) -> bool:
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


def required(value, message: str = "This field is required.") -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return message
    return None


def name(value: str) -> str | None:
    if not (value or "").strip():
        return "Enter the complainant's name (a surname is enough)."
    if len(value) > NAME_MAX:
        return f"A name has at most {NAME_MAX} characters."
    if has_control_chars(value):
        return "The name contains control characters."
    return None


def text(value: str, maximum: int = TEXT_MAX, required_message: str | None = None) -> str | None:
    value = value or ""
    if required_message and not value.strip():
        return required_message
    if len(value) > maximum:
        return f"At most {maximum:,} characters ({len(value):,} typed)."
    if has_control_chars(value, allow_newlines=True):
        return "The text contains control characters; retype or paste it as plain text."
    return None


def normalize_phone(value: str) -> str | None:
    """Mainland mobile → "13812345678", landline → "021-58881234", local landline kept;
    None when it is not a phone number."""
    raw = (value or "").strip()
    if not raw or len(raw) > 32 or has_control_chars(raw):
        return None
    digits = re.sub(r"[\s\-()（）]", "", raw)
    if _LOCAL_LANDLINE.match(digits):
        return digits
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
    if not (value or "").strip():
        return "Enter a phone number." if required_field else None
    if normalize_phone(value) is None:
        return ("Not a phone number: a mobile has 11 digits starting with 1 (13812345678); "
                "a landline has its area code (021-58881234).")
    return None


def email(value: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if len(value) > 128 or not _EMAIL.match(value) or has_control_chars(value):
        return "Not an e-mail address (name@example.com)."
    return None


def past_date(value, what: str = "The date", required_field: bool = True) -> str | None:
    """A date or time that must have happened already (a letter's date, a call's time)."""
    if value is None:
        return f"{what} is required." if required_field else None
    if not isinstance(value, (dt.date, dt.datetime)):
        return f"{what} is not a valid date."
    now = clock.now()
    if isinstance(value, dt.datetime):
        if value > now + dt.timedelta(minutes=1):
            return f"{what} cannot be in the future."
    elif value > now.date():
        return f"{what} cannot be in the future."
    if value.year < 2000:
        return f"{what} is implausibly old."
    return None


def future_deadline(value) -> str | None:
    if value is None:
        return "Agree a reply deadline with the customer (约定回复时限)."
    if not isinstance(value, dt.datetime):
        return "The deadline is not a valid date and time."
    if value <= clock.now():
        return "The reply deadline cannot be in the past."
    if value > clock.now() + dt.timedelta(days=366):
        return "The reply deadline is more than a year away."
    return None
