"""The estate's letterhead and printing settings: what every letter, form and envelope prints at
its head (name, address, postcode, the service-supervision phone 服务监督电话, a logo) and the
font file printouts may use.

The manager sets them; each is checked here before it is kept, because a letter goes out to a
customer with them: a postcode that is not six digits or a logo reportlab cannot draw would
show on paper, not on screen. The logo is kept inside the database (an Attachment without a
slip, named by the `estate.logo_attachment` setting that printouts.data.letterhead reads), so
it travels with the database and its backups instead of pointing at a file that may move.
"""
from __future__ import annotations

import enum
import hashlib
import io
import re
from pathlib import Path
from typing import Any, Mapping

from models import audit, settings, validation
from models.accounts import User, require_role
from models.db import write_transaction
from models.errors import SlipdeskError, ValidationFailed
from models.i18n import t
from models.slips import Attachment
from models.vocab import Role

TEXT_KEYS = ("estate.name", "estate.company", "estate.address", "estate.postcode",
             "estate.supervision_phone", "estate.office_phone", "printing.font_path")
LANGUAGE_KEY = "printing.language"  # what paper goes out in unless someone chooses (settings.document_language)
KEPT_KEYS = (*TEXT_KEYS, LANGUAGE_KEY)
LOGO_KEY = "estate.logo_attachment"
LOGO_KIND = "logo"
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000  # per side: a letterhead logo prints 17 mm high
LOGO_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
NAME_MAX = 64
ADDRESS_MAX = 200
_POSTCODE = re.compile(r"^\d{6}$")
# As printed for people to dial: digits with spaces, hyphens, brackets, a leading +, an extension.
_DIALLED = re.compile(r"^\+?[\d\s\-()（）]+(?:\s*(?:转|ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)
_HAN_SAMPLE = "尊敬的先生此致敬礼处理单"  # the glyphs a letter cannot do without


class Logo(enum.Enum):
    """What saving does with the stored logo when no new image is given."""
    KEEP = "keep"
    REMOVE = "remove"


# What a letter to a customer cannot go out without: who signs it, where it comes from, and the
# service-supervision phone it cites (the printouts refuse until a manager has given them).
REQUIRED_KEYS = ("estate.name", "estate.address", "estate.supervision_phone")


class LetterheadMissing(SlipdeskError):
    """A printout was asked for before the estate's letterhead was given."""


def is_set(values: Mapping[str, Any] | None = None) -> bool:
    """Whether the letterhead a printout needs is there (in `values`, else as stored)."""
    values = settings.all_settings() if values is None else values
    return all(str(values.get(key) or "").strip() for key in REQUIRED_KEYS)


def require(values: Mapping[str, Any] | None = None) -> None:
    """Refuse a printout while the estate's letterhead is missing: it would go out nameless."""
    if not is_set(values):
        raise LetterheadMissing(t(
            "The estate's letterhead (name, address, service-supervision phone) is not set yet, so nothing can "
            "be printed: a manager gives it under Authority and lists (F9) › Letterhead and printing."))


def current() -> dict[str, str]:
    """The stored letterhead, font and printing language (defaults where none is stored), as text."""
    values = settings.all_settings()
    return {key: str(values.get(key) or "") for key in KEPT_KEYS}


def logo() -> Attachment | None:
    """The stored logo, if any."""
    logo_id = settings.get(LOGO_KEY)
    return Attachment.get_or_none(Attachment.id == int(logo_id)) if logo_id else None


def logo_problem(data: bytes) -> str | None:
    """Why `data` cannot be the letterhead logo, or None: a PNG or JPEG image of at most 2 MB
    that decodes whole (reportlab draws it through Pillow)."""
    from PIL import Image  # here: a desk opens the letterhead settings rarely

    if len(data) > LOGO_MAX_BYTES:
        return t("The logo is {size:.1f} MB; choose an image of at most 2 MB.", size=len(data) / 1024 / 1024)
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
            if kind in LOGO_TYPES and width <= LOGO_MAX_PIXELS and height <= LOGO_MAX_PIXELS:
                image.load()  # a truncated or damaged file fails here, not on the printed letter
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return t("The file is not a PNG or JPEG image that can be read; choose another.")
    if kind not in LOGO_TYPES:
        return t("The logo must be a PNG or JPEG image.")
    if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
        return t("The logo is {width} × {height} pixels; at most {limit} on each side.",
                 width=width, height=height, limit=LOGO_MAX_PIXELS)
    return None


def logo_mime(data: bytes) -> str:
    """The MIME type of a logo `logo_problem` accepted."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return LOGO_TYPES[image.format]


def font_problem(font_path: str) -> str | None:
    """Why reportlab cannot print letters with the font at `font_path` ("file" or "file#index"
    for one face of a .ttc collection), or None. Empty means "find a font by itself"."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    if not font_path.strip():
        return None
    path, _, index = font_path.strip().partition("#")
    if not Path(path).is_file():
        return t("There is no font file at {path}.", path=path)
    try:
        font = TTFont("SlipdeskFontCheck", path, subfontIndex=int(index) if index.isdigit() else 0)
    except (TTFError, OSError, ValueError, KeyError):
        return t("This font cannot be embedded in a PDF: choose a TrueType font (.ttf or .ttc), "
                 "not an OpenType/CFF one (.otf).")
    if not all(ord(ch) in font.face.charWidths for ch in _HAN_SAMPLE):
        return t("This font has no Chinese characters; choose a Chinese font such as SimSun or AR PL UMing.")
    return None


def _text_problem(value: str, maximum: int, required_message: str | None = None) -> str | None:
    if "\n" in value or "\r" in value:
        return t("Keep it on one line.")
    return validation.text(value, maximum, required_message)


def _phone_problem(value: str, required_message: str | None = None) -> str | None:
    if not value:
        return required_message
    digits = sum(ch.isdigit() for ch in value)
    if len(value) > 40 or not _DIALLED.match(value) or not 5 <= digits <= 20:
        return t("Write the number as people dial it, e.g. 021-58881234 or 400-820-1234.")
    return None


def problems(values: Mapping[str, str]) -> dict[str, str]:
    """Each setting's message, by key; empty when all can be kept."""
    found = {
        "estate.name": _text_problem(values["estate.name"], NAME_MAX,
                                     t("Enter the name the letters are signed with (the service centre).")),
        "estate.company": _text_problem(values["estate.company"], NAME_MAX),
        "estate.address": _text_problem(values["estate.address"], ADDRESS_MAX,
                                        t("Enter the service centre's address; envelopes print it as the sender.")),
        "estate.postcode": (None if not values["estate.postcode"] or _POSTCODE.match(values["estate.postcode"])
                            else t("A postcode has six digits, e.g. 200120.")),
        "estate.supervision_phone": _phone_problem(
            values["estate.supervision_phone"],
            t("Enter the service-supervision phone (服务监督电话); every reply letter cites it.")),
        "estate.office_phone": _phone_problem(values["estate.office_phone"]),
        "printing.font_path": font_problem(values["printing.font_path"]),
        LANGUAGE_KEY: None if values.get(LANGUAGE_KEY, "zh") in ("zh", "en") else t("Print in Chinese (zh) or English (en)."),
    }
    return {key: message for key, message in found.items() if message}


def save_letterhead(user: User, values: Mapping[str, str], logo_bytes: bytes | Logo = Logo.KEEP,
                    logo_filename: str = "logo") -> dict[str, str]:
    """The manager keeps the letterhead, font and printing language (the keys of KEPT_KEYS; missing
    keys stay as they are) and replaces, keeps or removes the logo. Nothing is kept unless all of it
    is valid; the change is audited. Returns the settings as now stored."""
    require_role(user, Role.MANAGER, action=t("change the letterhead"))
    before = current()
    wanted = {key: str(values.get(key, before[key]) or "").strip() for key in KEPT_KEYS}
    errors = problems(wanted)
    if isinstance(logo_bytes, bytes) and (message := logo_problem(logo_bytes)):
        errors["logo"] = message
    if errors:
        raise ValidationFailed(errors)
    changed = {key: [before[key], value] for key, value in wanted.items() if value != before[key]}
    with write_transaction():
        for key in changed:
            settings.put(key, wanted[key], user)
        logo_change = _replace_logo(user, logo_bytes, logo_filename)
        if changed or logo_change:
            audit.log(user, "letterhead_changed", changed=changed, **logo_change)
    return current()


def _replace_logo(user: User, logo_bytes: bytes | Logo, filename: str) -> dict[str, Any]:
    """Store the new logo (or none) in place of the old one; what changed, for the audit log."""
    if logo_bytes is Logo.KEEP:
        return {}
    old = logo()
    if logo_bytes is Logo.REMOVE:
        if old is None:
            return {}
        settings.put(LOGO_KEY, None, user)
        old.delete_instance()
        return {"logo": "removed"}
    digest = hashlib.sha256(logo_bytes).hexdigest()
    if old is not None and old.sha256 == digest:
        return {}
    row = Attachment.create(slip=None, kind=LOGO_KIND, filename=Path(filename).name[:255] or "logo",
                            mime=logo_mime(logo_bytes), size=len(logo_bytes), sha256=digest,
                            data=logo_bytes, created_by=user)
    settings.put(LOGO_KEY, row.id, user)
    if old is not None:
        old.delete_instance()
    return {"logo": "replaced", "logo_sha256": digest, "logo_size": len(logo_bytes), "logo_file": row.filename}
