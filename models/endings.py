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

Here is what the slip itself says of its channel's duties (who is owed a direct reply, a letter
with nowhere to send a reply). models.replies reads the replies against them: `duties_missing`,
`close_refusal` and `end_refusal`, which models.workflow's close and end_unaccepted steps ask,
and `missing_for_complete`, which lists the same duties, so the printed slip says "filled in
completely" only when they are done.
"""
from __future__ import annotations

from models.slips import Slip
from models.vocab import Channel, ReplyMethod

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
