"""The receipt (投诉受理回执) handed to an on-site complainant before they leave the desk.

It tells them what was recorded (read back to them), the reply deadline agreed with them,
and whom to call: the published service-supervision line, quoting the slip number. A5, so
it folds into a pocket. Its words follow the channel and the outcome: a letter or a comment-book
entry was not read back to anyone (and its deadline was not agreed face to face), and a slip
answered on the spot promises no deadline — it says what was answered.
"""
from __future__ import annotations

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from printouts import layout
from models.vocab import Channel
from printouts.data import Item, ReceiptData, SlipFacts
from printouts.fonts import FontSet, cjk_fonts
from printouts.layout import escape, field_grid, text_box
from printouts.wording import date_text, datetime_text, say
from models.i18n import is_chinese

MARGIN = 14 * mm


def _intro(facts: SlipFacts) -> str:
    """The opening's wording key: what happened to the complaint, as the customer knows it."""
    if facts.answered_at_once:
        return "receipt_intro_answered"
    return {Channel.LETTER: "receipt_intro_letter", Channel.BOOK: "receipt_intro_book"}.get(facts.channel_code,
                                                                                          "receipt_intro")


def _outcome(facts: SlipFacts, lang: str) -> Item:
    """What was answered on the spot, or the reply deadline (agreed face to face only on-site and by phone)."""
    if facts.answered_at_once:
        return Item(say("answer_note", lang), facts.answer_note or say("deadline_none", lang))
    spoken = facts.channel_code in (Channel.ONSITE, Channel.PHONE)
    return Item(say("deadline" if spoken else "receipt_reply_by", lang), datetime_text(facts.deadline, lang))


def render_receipt(data: ReceiptData, fonts: FontSet | None = None, invariant: bool = False) -> bytes:
    fonts = fonts or cjk_fonts()
    lang, facts = data.lang, data.facts
    styles = layout.make_styles(fonts, lang)
    width = A5[0] - 2 * MARGIN
    items = [
        Item(say("slip_number", lang), facts.number),
        Item(say("received_at", lang), datetime_text(facts.received_at, lang)),
        Item(say("name", lang), facts.recipient.address_name(lang)),
        Item(say("received_by", lang), facts.received_by),
        Item(say("category", lang), facts.category),
        _outcome(facts, lang),
    ]
    head = data.letterhead
    body = styles.body.clone("receipt-body", fontSize=10, leading=16)
    story = [
        Paragraph(say("receipt_title", lang), styles.title.clone("receipt-title", fontSize=15, spaceAfter=2 * mm)),
        Paragraph(escape(say(_intro(facts), lang)), body),
        Spacer(1, 2 * mm),
        field_grid(items, styles, width, 20 * mm if is_chinese(lang) else 24 * mm, long_after=22),
        Paragraph(say("recorded", lang), styles.section),
        text_box(facts.complaint, styles, width),
        Spacer(1, 3 * mm),
        Paragraph(escape(say("call_us", lang, phone=head.supervision_phone, office=head.office_phone)
                         if head.office_phone else say("call_us_line", lang, phone=head.supervision_phone)), body),
        Paragraph(escape(say("receipt_thanks", lang)), body),
        Spacer(1, 3 * mm),
        Paragraph(f"{escape(head.estate_name)}<br/>{date_text(data.date, lang)}", styles.right.clone(
            "receipt-sender", fontSize=10, leading=16)),
    ]
    return layout.render(story, lang=lang, head=head, fonts=fonts, pagesize=A5,
                         margins=(MARGIN, MARGIN, 16 * mm, MARGIN),
                         title=f"{say('receipt_title', lang)} {facts.number}",
                         running=f"{say('receipt_title', lang)}  {facts.number}", page_numbers="multi",
                         invariant=invariant)
