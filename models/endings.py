"""How a slip may end: the channel's duties done, and an honest ending for every slip.

The seed's channels each end their own way (处理投诉礼仪的基本原则):

- a comment-book entry is answered in the book: the handling opinion is written back beside the
  entry and signed (签字确认) before its slip ends; when the entry left contact details, the
  customer is replied to directly as well (原则上应回复客户);
- a letter is answered by letter, and once the customer has it they are thanked again by phone or
  e-mail (再次致谢): that thanks, or why it was impossible, is part of ending the slip; an
  anonymous letter, or one without a return address, gets no reply letter — with no phone,
  e-mail or unit to answer either, its slip ends once handled;
- a slip is closed once the customer accepted the reply (or, for an anonymous book entry, once
  it is answered in the book; for a letter whose opinion never came, once they were thanked
  again). When the answer was given within the rules and the desk's authority and the customer
  still disagrees, the person in charge — never a clerk alone — ends it as
  答复已按规定作出，客户仍不认可 with the reason and what was offered (耐心倾听，认真解释，诚恳道歉……
  根据业务规定和自身权限进行回答); it can be reopened.

models.workflow's close and end_unaccepted steps ask here; models.replies.missing_for_complete
lists the same duties, so the printed slip says "filled in completely" only when they are done.
"""
from __future__ import annotations

from models.i18n import t
from models.slips import Slip
from models.vocab import DISAGREEING, Channel, Opinion, ReplyMethod, Status

DIRECT_METHODS = tuple(m for m in ReplyMethod if m != ReplyMethod.BOOK)  # a reply that reaches the customer


def direct_reply_owed(slip: Slip) -> bool:
    """A comment-book entry that left contact details: the customer is replied to directly too."""
    return slip.channel == Channel.BOOK and bool(
        slip.contact_left or (slip.phone or "").strip() or (slip.email or "").strip() or (slip.address or "").strip())


def no_reply_letter(slip: Slip) -> bool:
    """A letter that gave no return address (anonymous, or unsigned as to where): no reply letter."""
    return slip.channel == Channel.LETTER and not (slip.sender_address or "").strip()


def reply_impossible(slip: Slip) -> bool:
    """Nobody to reply to: a letter with no return address and no phone, e-mail or unit either."""
    return no_reply_letter(slip) and not any(
        (value or "").strip() for value in (slip.phone, slip.caller_number, slip.email, slip.unit_code))


def duties_missing(slip: Slip, methods: list[str] | None = None) -> list[str]:
    """The channel's duties still to do before the slip may end, as messages. `methods`: how the
    slip's replies were made, when the caller has read them (a batch print)."""
    from models.replies import Reply, ThanksFollowUp

    if slip.answered_at_once:
        return []
    if methods is None:
        methods = [m for (m,) in Reply.select(Reply.method).where(Reply.slip == slip.id).tuples()]
    missing = []
    if slip.channel == Channel.BOOK:
        if ReplyMethod.BOOK not in methods:
            missing.append(t("The handling opinion is not yet written back into the comment book and signed "
                             "(签字确认).", "尚未在意见簿上回复处理意见并签字确认。"))
        if direct_reply_owed(slip) and not any(m in DIRECT_METHODS for m in methods):
            missing.append(t("The entry left contact details: reply to the customer directly as well "
                             "(原则上应回复客户).", "留言留有联系方式：原则上还应直接回复客户。"))
    if ReplyMethod.LETTER in methods and ThanksFollowUp.select().where(
            ThanksFollowUp.slip == slip.id, ThanksFollowUp.done_at.is_null()).exists():
        missing.append(t("The customer has not been thanked again since receiving the letter (再次致谢), "
                         "nor is it recorded why that is impossible.",
                         "客户收到信函后尚未再次致谢，也未登记无法致谢的原因。"))
    return missing


def _thanked_after_letter(slip: Slip) -> bool:
    """A letter went out and the thanks after it was made (or recorded impossible)."""
    from models.replies import ThanksFollowUp

    return ThanksFollowUp.select().where(ThanksFollowUp.slip == slip.id,
                                         ThanksFollowUp.done_at.is_null(False)).exists()


def close_refusal(slip: Slip) -> str | None:
    """Why the slip cannot be closed now, or None: the customer accepted (or cannot be asked), and
    the slip is complete (填写完整), the channel's duties included."""
    if slip.status == Status.HANDLED:
        if not reply_impossible(slip):
            return t("Slip {number} is closed after the reply to the customer: record it first.",
                     "处理单 {number} 须在答复客户后结案：请先登记回复。", number=slip.number)
        return _incomplete(slip)  # nobody to reply to: handled is the end of it, its cause analysed
    opinion = slip.reply_opinion
    if opinion == Opinion.PENDING and not _thanked_after_letter(slip):
        return t("The customer's opinion of the reply to slip {number} is still pending (意见待反馈): record "
                 "it when they answer — after a letter, usually when you thank them again.",
                 "处理单 {number} 的回复意见待反馈：客户答复后请登记其意见（信函回复一般在再次致谢时了解）。",
                 number=slip.number)
    if opinion == Opinion.NONE and direct_reply_owed(slip):
        return t("The entry of slip {number} left contact details: reply to the customer directly and record "
                 "their opinion.", "处理单 {number} 的留言留有联系方式：请直接回复客户并登记其意见。",
                 number=slip.number)
    if opinion in DISAGREEING or not opinion:
        return t("Slip {number} can be closed only after a reply the customer accepted. When the answer was "
                 "given within the rules and the customer still disagrees, the person in charge can end it as "
                 "答复已按规定作出，客户仍不认可.",
                 "处理单 {number} 须在客户认可回复后才能结案。若已按规定和权限作出答复而客户仍不认可，"
                 "可由负责人按“答复已按规定作出，客户仍不认可”终结。", number=slip.number)
    return _incomplete(slip)


def _incomplete(slip: Slip) -> str | None:
    """Why the slip is not complete (填写完整: handling, reply, the channel's duties, the cause of a
    slip beyond authority or a repeat), or None."""
    from models.replies import missing_for_complete

    if missing := missing_for_complete(slip):
        return t("Slip {number} is not complete (填写完整): {missing}", "处理单 {number} 尚未填写完整：{missing}",
                 number=slip.number, missing=t(" ", "").join(missing))
    return None


def end_refusal(slip: Slip) -> str | None:
    """Why the person in charge cannot end the slip as not accepted now, or None: the customer
    said they disagree, and the slip is complete — a slip beyond authority or a repeat with its
    cause analysed (models.causes), whether the customer accepted or not."""
    if slip.reply_opinion == Opinion.ACCEPTED:
        return t("The customer accepted the reply to slip {number}: close it instead.",
                 "客户已认可处理单 {number} 的回复：请直接结案。", number=slip.number)
    if slip.reply_opinion not in DISAGREEING:
        return t("Slip {number} is ended as not accepted only after the customer said they do not (fully) accept "
                 "the reply: record their opinion first.",
                 "处理单 {number} 须在客户表示不（完全）认可回复后，才能按客户仍不认可终结：请先登记客户意见。",
                 number=slip.number)
    return _incomplete(slip)
