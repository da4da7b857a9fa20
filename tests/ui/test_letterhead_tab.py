"""The manager's letterhead tab: filled, saved, printed; a refusal keeps what was typed."""
from __future__ import annotations

import io

from PIL import Image
from pypdf import PdfReader

from desktop.settings.letterhead_tab import LetterheadTab
from desktop.settings.authority_page import AuthoritySettingsPage
from desktop.shell.session import Session
from forms import asking
from models.demo import DEMO_LETTERHEAD
from models import letterhead, settings
from printouts.data import letterhead as printed_letterhead

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"


def signed_in(users, who: str) -> Session:
    desk = Session(lang="en")
    desk.sign_in(users[who])
    return desk


def png_file(tmp_path, size=(160, 80), name="logo.png"):
    path = tmp_path / name
    Image.new("RGB", size, (176, 30, 35)).save(path)
    return path


def fill(tab: LetterheadTab, **values: str) -> None:
    for key, value in values.items():
        tab.editors[key].setText(value)


def test_the_manager_fills_the_tab_and_letters_print_it(qtbot, sqlite_db, users, tmp_path, monkeypatch):
    page = AuthoritySettingsPage(signed_in(users, "manager"))
    qtbot.addWidget(page)
    tab = page.pages["LetterheadTab"]
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Letterhead and printing"
    fill(tab, **{"estate.name": "绿洲家园物业服务中心", "estate.address": "杭州市西湖区文三路 100 号",
                 "estate.postcode": "310012", "estate.supervision_phone": "0571-88776655"})
    logo = png_file(tmp_path)
    monkeypatch.setattr(asking, "logo_path", lambda parent: str(logo))
    monkeypatch.setattr(asking, "font_path", lambda parent, current: UMING)
    tab.choose_logo.click()
    tab.browse_font.click()
    assert not tab.logo_picture.pixmap().isNull() and tab.remove_logo.isEnabled()
    assert tab.rows["printing.font_path"].message == ""
    with qtbot.waitSignal(tab.saved):
        tab.save_button.click()
    head = printed_letterhead()
    assert (head.estate_name, head.address, head.postcode, head.supervision_phone) == (
        "绿洲家园物业服务中心", "杭州市西湖区文三路 100 号", "310012", "0571-88776655")
    assert head.logo == logo.read_bytes() and settings.get("printing.font_path") == UMING
    assert tab.message.text() == "Saved. Letters, forms and envelopes print with it from now on."

    tab.remove_logo.click()
    assert tab.submit() and printed_letterhead().logo is None and not tab.remove_logo.isEnabled()


def test_a_refusal_keeps_what_was_typed_with_each_message_beside_its_field(qtbot, sqlite_db, users, tmp_path):
    tab = LetterheadTab(signed_in(users, "manager"))
    qtbot.addWidget(tab)
    fill(tab, **{"estate.name": "绿洲家园物业服务中心", "estate.postcode": "31001",
                 "estate.supervision_phone": "", "printing.font_path": str(tmp_path / "gone.ttf")})
    assert not tab.submit()
    assert tab.rows["estate.postcode"].message == "A postcode has six digits, e.g. 200120."
    assert tab.rows["estate.supervision_phone"].message.startswith("Enter the service-supervision phone")
    assert "There is no font file at" in tab.rows["printing.font_path"].message
    assert tab.editors["estate.name"].text() == "绿洲家园物业服务中心" and tab.editors["estate.postcode"].text() == "31001"
    assert tab.message.text() == "Not saved: see the messages above."
    assert settings.get("estate.name") == DEMO_LETTERHEAD["estate.name"]
    tab.editors["estate.postcode"].setText("310012")
    assert tab.rows["estate.postcode"].message == ""  # editing the field clears its message


def test_a_broken_logo_is_refused_when_chosen(qtbot, sqlite_db, users, tmp_path, monkeypatch):
    tab = LetterheadTab(signed_in(users, "manager"))
    qtbot.addWidget(tab)
    broken = tmp_path / "logo.png"
    broken.write_bytes(png_file(tmp_path, name="whole.png").read_bytes()[:50])
    monkeypatch.setattr(asking, "logo_path", lambda parent: str(broken))
    tab.choose_logo.click()
    assert "not a PNG or JPEG image that can be read" in tab.rows["logo"].message
    assert tab.submit() and letterhead.logo() is None


def test_a_clerk_cannot_change_the_letterhead(qtbot, sqlite_db, users):
    tab = LetterheadTab(signed_in(users, "clerk"))
    qtbot.addWidget(tab)
    fill(tab, **{"estate.name": "别的名字"})
    assert not tab.submit()
    assert tab.message.text() == "Only a manager may change the letterhead."
    assert tab.editors["estate.name"].text() == "别的名字" and settings.get("estate.name") != "别的名字"


def test_the_sample_letter_shows_what_is_typed_before_it_is_saved(qtbot, sqlite_db, users, tmp_path, monkeypatch):
    tab = LetterheadTab(signed_in(users, "manager"))
    qtbot.addWidget(tab)
    monkeypatch.setattr(asking, "logo_path", lambda parent: str(png_file(tmp_path, (300, 150))))
    tab.choose_logo.click()
    fill(tab, **{"estate.supervision_phone": "0571-88776655"})
    dialog = tab.preview_letter()
    qtbot.addWidget(dialog)
    assert dialog.page_count == 1
    page = PdfReader(io.BytesIO(dialog.printout.pdf)).pages[0]
    assert [picture.image.size for picture in page.images] == [(300, 150)]
    assert "0571-88776655" in page.extract_text()
    assert letterhead.logo() is None  # nothing saved by looking
    fill(tab, **{"estate.postcode": "abc"})
    assert tab.preview_letter() is None and tab.rows["estate.postcode"].message


def test_the_manager_chooses_the_language_paper_goes_out_in(qtbot, sqlite_db, users):
    """Letters, slips and reviews print in the estate's language unless someone chooses another."""
    page = AuthoritySettingsPage(signed_in(users, "manager"))
    qtbot.addWidget(page)
    tab = page.pages["LetterheadTab"]
    fill(tab, **{"estate.name": "绿洲家园物业服务中心", "estate.address": "杭州市西湖区文三路 100 号",
                 "estate.postcode": "310012", "estate.supervision_phone": "0571-88776655"})
    assert tab.language.currentData() == "zh"  # the default: the estate's customers read Chinese
    tab.language.setCurrentIndex(tab.language.findData("en"))
    assert tab.submit()
    assert settings.get("printing.language") == "en" and settings.document_language() == "en"
    assert settings.document_language("zh") == "zh"
    tab.load()
    assert tab.language.currentData() == "en"
