"""The codes the desk's records use, with their names in Chinese and English.

Codes are stored; names are shown. Screens and printouts both call `label()` so that a
status reads the same on the slip list, the printed 处理单 and the monthly review.
"""
from __future__ import annotations

from enum import StrEnum
from models.i18n import pick


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    # An account of the upper service-management department (上级服务管理部门): it works on what
    # was sent up to it (models.upper) and nothing of the desk's own work.
    UPPER = "upper"


# The estate's own desk: who takes complaints down, replies to customers and keeps the book.
DESK_ROLES = (Role.CLERK, Role.SUPERVISOR, Role.MANAGER)


class Channel(StrEnum):
    ONSITE = "onsite"
    PHONE = "phone"
    BOOK = "book"
    LETTER = "letter"


class Status(StrEnum):
    RECEIVED = "received"
    ANSWERED = "answered"  # answered at once: closed on the spot
    IN_HANDLING = "in_handling"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    ESCALATED = "escalated"
    HANDLED = "handled"
    REPLIED = "replied"
    CLOSED = "closed"
    # the person in charge ended it: answered within the rules, the customer still disagrees
    ENDED_UNACCEPTED = "ended_unaccepted"


OPEN_STATUSES = (
    Status.RECEIVED,
    Status.IN_HANDLING,
    Status.AWAITING_CONFIRMATION,
    Status.ESCALATED,
    Status.HANDLED,
    Status.REPLIED,
)

# A promised reply is still owed in these states; once replied, the promise is kept.
AWAITING_REPLY = (Status.RECEIVED, Status.IN_HANDLING, Status.AWAITING_CONFIRMATION, Status.ESCALATED,
                  Status.HANDLED)
FINISHED_STATUSES = (Status.ANSWERED, Status.CLOSED, Status.ENDED_UNACCEPTED)


class ReplyMethod(StrEnum):
    PHONE = "phone"
    LETTER = "letter"
    FAX = "fax"
    VISIT = "visit"
    BOOK = "book"
    EMAIL = "email"
    SMS = "sms"


class Opinion(StrEnum):
    """The customer's opinion of a reply, recorded truthfully after every reply: what they said
    (accepted, partly, not accepted), or honestly that it is not known yet (a posted letter: 意见待反馈)
    or that nobody can give one (an anonymous comment-book entry answered in the book)."""
    ACCEPTED = "accepted"
    PARTLY = "partly"
    NOT_ACCEPTED = "not_accepted"
    PENDING = "pending"
    NONE = "none"


HEARD_OPINIONS = (Opinion.ACCEPTED, Opinion.PARTLY, Opinion.NOT_ACCEPTED)  # what the customer said
DISAGREEING = (Opinion.PARTLY, Opinion.NOT_ACCEPTED)


class Title(StrEnum):
    MR = "mr"
    MS = "ms"
    NONE = ""


_LABELS: dict[str, tuple[str, str]] = {
    # roles
    "clerk": ("Reception clerk", "接待人员"),
    "supervisor": ("Person in charge", "负责人"),
    "manager": ("Manager", "经理"),
    "upper": ("Upper service-management department", "上级服务管理部门"),
    # channels
    "onsite": ("On-site (spoken)", "现场口头投诉"),
    "phone": ("Phone", "电话投诉"),
    "book": ("Comment book", "意见簿"),
    "letter": ("Letter", "信函投诉"),
    # statuses
    "received": ("Received", "已受理"),
    "answered": ("Answered at once", "当场答复"),
    "in_handling": ("In handling", "处理中"),
    "awaiting_confirmation": ("Awaiting confirmation", "待负责人确认"),
    "escalated": ("Escalated", "已报上级"),
    "handled": ("Handled", "已处理"),
    "replied": ("Replied", "已回复"),
    "closed": ("Closed", "已结案"),
    "ended_unaccepted": ("Ended, not accepted", "已终结（客户仍不认可）"),
    # reply methods
    "reply:phone": ("Phone", "电话"),
    "reply:letter": ("Letter", "信函"),
    "reply:fax": ("Fax", "传真"),
    "reply:visit": ("Home visit", "上门"),
    "reply:book": ("Comment-book write-back", "意见簿回复"),
    "reply:email": ("E-mail", "电子邮件"),
    "reply:sms": ("SMS", "短信"),
    # the customer's opinion of a reply
    "opinion:accepted": ("Accepted", "认可"),
    "opinion:partly": ("Partly accepted", "部分认可"),
    "opinion:not_accepted": ("Not accepted", "不认可"),
    "opinion:pending": ("Opinion pending", "意见待反馈"),
    "opinion:none": ("No opinion to ask (anonymous entry)", "无从征询（匿名留言）"),
    # titles
    "title:mr": ("Mr", "先生"),
    "title:ms": ("Ms", "女士"),
    "title:": ("", ""),
    # history events that are not workflow steps (the steps are named by models.workflow's
    # TRANSITIONS; models.workflow.event_label names any event, for screens and printouts)
    "event:created": ("Created", "登记受理"),
    "event:transition": ("Status changed", "状态变更"),
    "event:edited": ("Edited", "修改记录"),
    "event:corrected": ("Corrected by the manager", "经理更正"),
    "event:sealed": ("Recorded whole for integrity checks", "完整记录封存（供校验）"),
    "event:printed": ("Printed", "打印"),
    "event:deadline_moved": ("Reply deadline moved", "变更回复时限"),
    "event:motive_confirmed": ("Motive confirmed", "确认投诉动机"),
    "event:motive_corrected": ("Motive corrected", "更正投诉动机"),
    "event:after_hours_agreed": ("Calls outside office hours agreed", "同意非工作时间来电"),
    "event:letter_drafted": ("Reply letter drafted", "起草答复信函"),
    "event:letter_edited": ("Reply letter edited", "修改答复信函"),
    "event:letter_saved": ("Reply letter saved", "保存答复信函"),
    "event:letter_submitted": ("Letter submitted for approval", "信函提交负责人审批"),
    "event:letter_approved": ("Letter approved", "负责人批准信函"),
    "event:letter_returned": ("Letter sent back", "信函退回修改"),
    "event:letter_sent": ("Letter sent", "信函已寄出"),
    "event:thanks_follow_up": ("Thanked again after the letter", "再次致谢"),
    "event:thanks_impossible": ("Thanks after the letter not possible", "无法再次致谢"),
    "event:opinion_heard": ("Customer's opinion heard", "登记客户意见"),
    "event:progress_told": ("Progress told to the customer", "进展告知"),
    "event:cause_recorded": ("Cause and corrective action recorded", "登记原因分析及纠正预防措施"),
    "event:cause_corrected": ("Cause and corrective action corrected", "更正原因分析及纠正预防措施"),
    "event:satisfaction": ("Satisfaction recorded", "登记满意度"),
    "event:return_visit_scheduled": ("Return visit scheduled", "安排回访"),
    "event:return_visit": ("Return visit made", "回访"),
    "event:suggestion_rewarded": ("Suggestion rewarded", "建议奖励"),
}

LANGUAGES = ("zh", "en")


def label(code: str, lang: str | None = None, kind: str = "") -> str:
    """The name of a stored code in `lang` ('zh' or 'en'); the code itself if unknown."""
    key = f"{kind}:{code}" if kind else str(code)
    names = _LABELS.get(key)
    if names is None:
        return str(code)
    return pick(names[0], names[1], lang)


def title_label(title: str, lang: str | None = None) -> str:
    return label(title or "", lang, kind="title")


def reply_label(method: str, lang: str | None = None) -> str:
    return label(method, lang, kind="reply")


def opinion_label(opinion: str, lang: str | None = None) -> str:
    return label(opinion, lang, kind="opinion")
