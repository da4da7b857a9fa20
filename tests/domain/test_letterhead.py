"""The letterhead and printing settings: the manager keeps them, checked; letters print them."""
from __future__ import annotations

import io
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from models.demo import DEMO_LETTERHEAD
from models import audit, letterhead, settings
from models.errors import PermissionDenied, ValidationFailed
from models.slips import Attachment
from printouts.data import letterhead as printed_letterhead
from printouts.kinds import make
from tests.domain.printout_slips import letter_slip

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
LATIN_ONLY = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

ESTATE = {
    "estate.name": "绿洲家园物业服务中心",
    "estate.company": "绿洲物业服务有限公司",
    "estate.address": "杭州市西湖区文三路 100 号",
    "estate.postcode": "310012",
    "estate.supervision_phone": "0571-88776655",
    "estate.office_phone": "400-820-1234",
    "printing.font_path": "",
}


def image(kind: str = "PNG", size: tuple[int, int] = (120, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (176, 30, 35)).save(out, kind)
    return out.getvalue()


def test_the_manager_sets_the_letterhead_and_letters_print_it(db, users):
    letterhead.save_letterhead(users["manager"], ESTATE, image(), "绿洲标志.png")
    head = printed_letterhead()
    assert (head.estate_name, head.company, head.address, head.postcode, head.supervision_phone,
            head.office_phone) == tuple(ESTATE[k] for k in letterhead.TEXT_KEYS[:-1])
    assert head.logo == image()
    stored = letterhead.logo()
    assert (stored.kind, stored.mime, stored.filename, stored.slip_id) == ("logo", "image/png", "绿洲标志.png", None)
    (event,) = audit.recent("letterhead_changed")
    assert event.user_id == users["manager"].id and event.details["logo"] == "replaced"
    assert event.details["changed"]["estate.postcode"] == ["200120", "310012"]


def test_the_logo_is_in_the_printed_letter(db, users, frozen_now):
    slip = letter_slip(users["clerk"], frozen_now)
    before = make("letter", slip).pdf
    assert not PdfReader(io.BytesIO(before)).pages[0].images
    letterhead.save_letterhead(users["manager"], {}, image("JPEG", (300, 150)), "logo.jpg")
    pdf = make("letter", slip).pdf
    (picture,) = PdfReader(io.BytesIO(pdf)).pages[0].images
    assert picture.image.size == (300, 150)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.pdf"
        path.write_bytes(pdf)
        listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert [line.split()[3:5] for line in listed.splitlines()[2:]] == [["300", "150"]]


def test_the_logo_is_replaced_kept_and_removed(db, users):
    manager = users["manager"]
    letterhead.save_letterhead(manager, {}, image(), "a.png")
    first = letterhead.logo().id
    letterhead.save_letterhead(manager, {"estate.name": "阳光花园"})  # the logo is kept
    assert letterhead.logo().id == first
    letterhead.save_letterhead(manager, {}, image("PNG", (64, 64)), "b.png")
    assert letterhead.logo().filename == "b.png"
    assert Attachment.select().where(Attachment.kind == "logo").count() == 1  # the old one is gone
    letterhead.save_letterhead(manager, {}, letterhead.Logo.REMOVE)
    assert letterhead.logo() is None and printed_letterhead().logo is None
    assert Attachment.select().where(Attachment.kind == "logo").count() == 0
    assert [e.details.get("logo") for e in audit.recent("letterhead_changed")] == ["removed", "replaced", None,
                                                                                   "replaced"]


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_only_a_manager_changes_the_letterhead(db, users, role):
    with pytest.raises(PermissionDenied):
        letterhead.save_letterhead(users[role], ESTATE, image())
    assert settings.get("estate.name") == DEMO_LETTERHEAD["estate.name"] and letterhead.logo() is None
    assert audit.recent("letterhead_changed") == []


@pytest.mark.parametrize("data, words", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024), "at most 2 MB"),
    (image()[:60], "not a PNG or JPEG image that can be read"),
    (b"GIF89a not really", "not a PNG or JPEG image"),
    (image("GIF"), "must be a PNG or JPEG"),
    (image("PNG", (4200, 10)), "4200 × 10 pixels"),
])
def test_an_unusable_logo_is_refused_with_a_message(db, users, data, words):
    with pytest.raises(ValidationFailed) as refused:
        letterhead.save_letterhead(users["manager"], ESTATE, data, "logo.png")
    assert words in refused.value.errors["logo"]
    assert letterhead.logo() is None and settings.get("estate.name") == DEMO_LETTERHEAD["estate.name"]


def test_each_bad_value_gets_its_own_message_and_nothing_is_kept(db, users):
    bad = {**ESTATE, "estate.name": " ", "estate.postcode": "31001", "estate.supervision_phone": "call us",
           "estate.address": "第一行\n第二行", "printing.font_path": "/no/such/font.ttf"}
    with pytest.raises(ValidationFailed) as refused:
        letterhead.save_letterhead(users["manager"], bad)
    errors = refused.value.errors
    assert set(errors) == {"estate.name", "estate.postcode", "estate.supervision_phone", "estate.address",
                           "printing.font_path"}
    assert "six digits" in errors["estate.postcode"] and "/no/such/font.ttf" in errors["printing.font_path"]
    assert letterhead.current()["estate.postcode"] == "200120"


def test_a_font_must_load_in_reportlab_and_have_chinese(db, users):
    assert letterhead.font_problem("") is None
    assert letterhead.font_problem(UMING) is None and letterhead.font_problem(UMING + "#1") is None
    assert "no Chinese characters" in letterhead.font_problem(LATIN_ONLY)
    with tempfile.NamedTemporaryFile(suffix=".ttf") as broken:
        broken.write(b"not a font at all")
        broken.flush()
        assert "cannot be embedded" in letterhead.font_problem(broken.name)
    letterhead.save_letterhead(users["manager"], {"printing.font_path": UMING})
    assert settings.get("printing.font_path") == UMING


def test_messages_follow_the_language(db, users):
    from models import i18n

    i18n.set_language("zh")
    with pytest.raises(ValidationFailed) as refused:
        letterhead.save_letterhead(users["manager"], {"estate.postcode": "abc"})
    assert refused.value.errors == {"estate.postcode": "邮政编码为 6 位数字，如 200120。"}


def test_paper_goes_out_in_the_printing_language_the_manager_keeps(db, users, frozen_now):
    """A document printed without a language chosen speaks the estate's printing language."""
    letterhead.save_letterhead(users["manager"], {**DEMO_LETTERHEAD, "printing.language": "en"})
    assert settings.document_language() == "en"
    slip = letter_slip(users["clerk"], frozen_now)
    assert "Complaint Handling Slip" in PdfReader(io.BytesIO(make("slip", slip).pdf)).pages[0].extract_text()
    assert "投诉处理单" in PdfReader(io.BytesIO(make("slip", slip, "zh").pdf)).pages[0].extract_text()
    with pytest.raises(ValidationFailed) as refused:
        letterhead.save_letterhead(users["manager"], {"printing.language": "fr"})
    assert "printing.language" in refused.value.errors
    with pytest.raises(ValidationFailed):
        settings.put("printing.language", "fr", users["manager"])
    assert settings.document_language() == "en"
