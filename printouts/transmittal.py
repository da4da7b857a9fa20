"""The escalation transmittal (投诉事项报送单) that goes up with the slip.

The seed: beyond the desk's authority, after the person in charge confirms, the slip goes to
the upper service-management department — with the customer's letter, whose copy is kept on
file (复印，留存备查). The enclosure list says exactly what travels with it.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from models.vocab import Channel
from printouts import layout
from printouts.data import Item, TransmittalData
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import MARGIN, SignatureBoxes, escape, field_grid, text_box
from printouts.wording import date_text, datetime_text, say, yes_no
from models.i18n import is_chinese


def _addressing(data: TransmittalData, styles: layout.Styles, width: float, colon: str) -> Table:
    """To and from on the left; the reference and the date on the right, as on a covering note."""
    lang = data.lang
    right = styles.body.clone("transmittal-right", alignment=2)
    table = Table([
        [Paragraph(escape(say("transmittal_to", lang, upper=data.upper)), styles.body),
         Paragraph(f"{say('number', lang)}{colon}{escape(data.facts.number)}", right)],
        [Paragraph(escape(say("transmittal_from", lang, estate=data.letterhead.estate_name)), styles.body),
         Paragraph(date_text(data.date, lang), right)],
    ], colWidths=[width * 0.62, width * 0.38])
    table.setStyle(layout.table_style(styles.body.fontName, [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _record_items(data: TransmittalData) -> list[Item]:
    """What the Transmittal record adds: when it went, to whose attention, the letter copy, a note."""
    lang, items = data.lang, []
    if data.sent_at:
        items.append(Item(say("sent_at", lang), datetime_text(data.sent_at, lang)))
    if data.recipient:
        items.append(Item(say("transmittal_recipient", lang), data.recipient))
    if data.letter_copy_kept is not None and (data.letter_copy_kept or data.facts.channel_code == Channel.LETTER):
        items.append(Item(say("letter_copy_kept", lang), yes_no(data.letter_copy_kept, lang)))
    if data.note:
        items.append(Item(say("transmittal_note", lang), data.note))
    return items


def _channel_dates(data: TransmittalData) -> list[Item]:
    """When the customer wrote, by the channel's own dates: a letter's date and the day it arrived,
    a comment-book entry's day."""
    lang, facts = data.lang, data.facts
    if facts.channel_code == Channel.LETTER:
        return [Item(say("letter_date", lang), date_text(facts.letter_date, lang)),
                Item(say("letter_received", lang), date_text(facts.letter_received, lang))]
    if facts.channel_code == Channel.BOOK:
        return [Item(say("book_entry_date", lang), date_text(facts.book_entry_date, lang))]
    return []


def render_transmittal(data: TransmittalData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = fonts or cjk_fonts()
    lang, facts = data.lang, data.facts
    styles = layout.make_styles(fonts, lang)
    width = layout.A4[0] - 2 * MARGIN
    colon = "：" if is_chinese(lang) else ": "
    items = [
        Item(say("slip_number", lang), facts.number),
        Item(say("channel", lang), facts.channel),
        Item(say("received_at", lang), datetime_text(facts.received_at, lang)),
        *_channel_dates(data),
        Item(say("received_by", lang), facts.received_by),
        Item(say("name", lang), facts.recipient.address_name(lang)),
        Item(say("unit", lang), facts.recipient.unit_code or "—"),
        Item(say("phone", lang), facts.phone or "—"),
        Item(say("category", lang), facts.category),
        Item(say("deadline", lang), datetime_text(facts.deadline, lang)),
        Item(say("escalation_requested_by", lang), data.requested_by or "—"),
        Item(say("confirmed_by", lang), data.confirmed_by or "—"),
        Item(say("sign_sender", lang), data.sent_by or "—"),
        *_record_items(data),
        Item(say("transmittal_reason", lang), data.reason),
    ]
    enclosures = "<br/>".join(f"{n}. {escape(text)}" for n, text in enumerate(data.enclosures, start=1))
    story = [
        Paragraph(say("transmittal_title", lang), styles.title),
        _addressing(data, styles, width, colon),
        Spacer(1, 3 * mm),
        Paragraph(escape(say("transmittal_intro", lang)), styles.letter.clone("intro", fontSize=10.5, leading=18)),
        Spacer(1, 2 * mm),
        field_grid(items, styles, width, 27 * mm if is_chinese(lang) else 33 * mm),
        Paragraph(say("summary", lang), styles.section),
        text_box(facts.complaint, styles, width),
        Paragraph(say("enclosures", lang), styles.section),
        Paragraph(enclosures, styles.body.clone("enclosures", leftIndent=4 * mm, leading=18)),
        KeepTogether([
            Spacer(1, 4 * mm),
            SignatureBoxes([say("sign_sender", lang), say("sign_charge", lang), say("sign_upper_receipt", lang)],
                           [data.sent_by, data.confirmed_by, ""], styles, lang),
        ]),
    ]
    return layout.render(story, lang=lang, head=data.letterhead, fonts=fonts,
                         title=f"{say('transmittal_title', lang)} {facts.number}",
                         running=f"{say('transmittal_title', lang)}  {facts.number}", page_numbers="multi",
                         invariant=invariant)
