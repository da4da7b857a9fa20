"""The fixed words printed on the documents, in English and Chinese, and how dates are written.

Each entry is (English, Chinese), the order of `models.i18n.t`; `say(key, lang)` gives it in the
document's language, the current one when none is given.

Stored codes (channel, status, reply method, title) are named by `models.vocab.label`, history
actions by `models.workflow.event_label`; this module holds only what belongs to paper: form
labels, headings, closing formulas.
"""
from __future__ import annotations

import datetime as dt

from models.i18n import is_chinese, pick

_WORDS: dict[str, tuple[str, str]] = {
    # shared
    "number": ("Our ref.", "编号"),
    "slip_number": ("Slip number", "处理单编号"),
    "supervision_phone": ("Service supervision line", "服务监督电话"),
    "office_phone": ("Tel.", "电话"),
    "address": ("Address", "地址"),
    "postcode": ("Postcode", "邮编"),
    "page": ("Page {page} of {pages}", "第 {page} 页  共 {pages} 页"),
    "draft": ("DRAFT  草稿", "草稿  DRAFT"),
    "stamp": ("Company stamp", "盖章处"),
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
    # no-break spaces: a paragraph would collapse ordinary (and ideographic) spaces
    "blank_date": ("____________", "\xa0" * 8 + "年" + "\xa0" * 5 + "月" + "\xa0" * 5 + "日"),
    "signature": ("Signature", "签字"),
    "date": ("Date", "日期"),
    "printed_at": ("Printed", "打印时间"),
    # the handling slip
    "slip_title": ("Complaint Handling Slip", "投诉处理单"),
    "sec_reception": ("1. Reception", "一、受理信息"),
    "sec_complainant": ("2. Complainant", "二、投诉人"),
    "sec_channel": ("3. Channel record", "三、渠道记录"),
    "sec_complaint": ("4. The complaint (customer's words, read back)", "四、投诉内容（客户原话，已复述确认）"),
    "sec_complaint_plain": ("4. The complaint (customer's words)", "四、投诉内容（客户原话）"),
    "sec_authority": ("5. Authority and assignment", "五、处理权限与分派"),
    "sec_handling": ("6. Investigation and handling", "六、调查与处理情况"),
    "sec_replies": ("7. Replies to the customer", "七、答复记录"),
    "sec_history": ("8. History", "八、处理过程记录"),
    "sec_signatures": ("9. Signatures", "九、签字确认"),
    "channel": ("Channel", "投诉渠道"),
    "status": ("Status", "当前状态"),
    "received_at": ("Received", "受理时间"),
    "received_by": ("Received by", "接待人员"),
    "category": ("Category", "投诉类别"),
    "urgent": ("Urgent", "紧急"),
    "deadline": ("Agreed reply deadline", "约定回复时限"),
    "name": ("Name", "姓名"),
    "unit": ("Unit", "房号"),
    "phone": ("Phone", "联系电话"),
    "email": ("E-mail", "电子邮箱"),
    "preferred_reply": ("Preferred reply", "希望答复方式"),
    "after_hours_ok": ("Calls outside office hours agreed", "同意非工作时间来电"),
    "calmed": ("Feelings first (calmed)", "先处理情感（已安抚）"),
    "quiet_place": ("Moved to a quiet place", "已引至不打扰他人处"),
    "read_back": ("Read back and confirmed", "已复述确认"),
    "caller_number": ("Caller's number", "来电号码"),
    "call_time": ("Call time", "来电时间"),
    "transferred_to": ("Transferred to", "转接负责人"),
    "thanked": ("Caller thanked", "已感谢来电"),
    "book_entry_date": ("Entry date", "留言日期"),
    "book_entry_ref": ("Book page / entry", "意见簿页码/条目"),
    "contact_left": ("Contact details left", "留有联系方式"),
    "letter_date": ("Letter dated", "来信日期"),
    "letter_received": ("Letter received", "收信日期"),
    "sender_address": ("Sender's address", "寄信地址"),
    "letter_scans": ("Letter scans", "信函扫描件"),
    "answered_at_once": ("Answered on the spot", "当场答复"),
    "answer_note": ("What was answered", "当场答复内容"),
    "authority": ("Handling authority", "处理权限"),
    "within": ("Within authority", "权限内处理"),
    "beyond": ("Beyond authority: to the upper department", "超出权限，报上级服务管理部门"),
    "undecided": ("Not yet decided", "待判定"),
    "suggestion": ("Suggested", "系统建议"),
    "override_reason": ("Reason for overriding", "改判理由"),
    "escalation_requested_by": ("Escalation requested by", "申请上报人"),
    "department": ("Responsible department", "责任部门"),
    "assignee": ("Assigned to", "责任人"),
    "handling_notes": ("Investigation and handling", "调查处理情况"),
    "customer_request": ("What the customer wants", "客户诉求（希望如何解决）"),
    "not_stated": ("Not stated", "未提出"),
    "named_person": ("Asked for by name (called)", "指名要找（通知时间）"),
    "repeat_of": ("Repeats slip", "重复投诉，前次处理单"),
    "whys": ("Five whys", "5Why 追问"),
    "root_cause": ("Root cause", "原因分析（根本原因）"),
    "corrective_action": ("Corrective action", "纠正预防措施"),
    "none_yet": ("(nothing recorded yet)", "（尚无记录）"),
    "reply_method": ("Method", "答复方式"),
    "reply_at": ("When", "答复时间"),
    "reply_by": ("By", "答复人"),
    "reply_content": ("What was said", "答复内容"),
    "reply_opinion": ("Customer's opinion", "客户意见"),
    "h_time": ("Time", "时间"),
    "h_actor": ("By", "操作人"),
    "h_action": ("Action", "事项"),
    "h_status": ("Status", "状态变化"),
    "h_note": ("Note", "说明"),
    "sign_receiver": ("Reception clerk", "接待人员"),
    "sign_charge": ("Person in charge", "负责人"),
    "sign_upper": ("Upper service-management department", "上级服务管理部门"),
    # the letter
    "letter_subject": ("Re: your complaint about {category}", "关于您反映{category}问题的答复"),
    "salutation": ("Dear {name},", "尊敬的{name}："),
    "zhici": ("", "此致"),
    "jingli": ("", "敬礼！"),
    "yours": ("Yours sincerely,", ""),
    "customer": ("Resident", "业主/住户"),
    # escalation transmittal
    "transmittal_title": ("Escalation Transmittal", "投诉事项报送单"),
    "transmittal_to": ("To: {upper}", "报送：{upper}"),
    "transmittal_from": ("From: {estate}", "报送单位：{estate}"),
    "transmittal_intro": ("The complaint below is beyond our handling authority, as confirmed by our "
                          "person in charge. We send it up for your handling and reply.",
                          "现将以下投诉事项报上级服务管理部门处理，经我中心负责人确认已超出处理权限，"
                          "请予审阅处理并回复。"),
    "transmittal_reason": ("Why it goes up", "报送理由"),
    "confirmed_by": ("Confirmed by", "负责人确认"),
    "enclosures": ("Enclosures", "附件清单"),
    "enc_slip": ("Complaint handling slip {number} (1 copy)", "投诉处理单（{number}）一份"),
    "enc_letter": ("Copy of the complaint letter, kept on file ({filename})", "投诉信函复印件，留存备查（{filename}）"),
    "enc_scan": ("The complaint letter ({filename})", "投诉信函（{filename}）"),
    "enc_attachment": ("Attachment ({filename})", "附件（{filename}）"),
    "letter_copy_kept": ("Copy of the letter kept on file", "复印件留存备查"),
    "sent_at": ("Sent", "报送时间"),
    "transmittal_recipient": ("For the attention of", "接收人"),
    "transmittal_note": ("Note", "说明"),
    "sign_sender": ("Sent by", "报送人"),
    "sign_upper_receipt": ("Received by the upper department", "上级部门签收"),
    "summary": ("Summary of the complaint", "投诉摘要"),
    # receipt
    "receipt_title": ("Complaint Receipt", "投诉受理回执"),
    # the receipt's opening follows the channel (no read-back of a letter or a book entry) and the
    # outcome (no promised deadline once it was answered on the spot)
    "receipt_intro": ("We have recorded your complaint as you told it and read it back to you; we will "
                      "reply by the agreed deadline.",
                      "您的投诉我们已如实记录并向您复述确认，将按约定时限给您答复。"),
    "receipt_intro_answered": ("We have recorded your complaint as you told it, read it back to you and "
                               "answered it on the spot.",
                               "您的投诉我们已如实记录并向您复述确认，并已当场答复。"),
    "receipt_intro_letter": ("We have received your letter and recorded it as written; we will reply by the "
                             "date below.",
                             "您的来信我们已收到并如实记录，将在以下时限前给您答复。"),
    "receipt_intro_book": ("We have recorded your entry in our comment book as written; we will reply by the "
                           "date below.",
                           "您在意见簿上的留言我们已如实记录，将在以下时限前给您答复。"),
    "receipt_reply_by": ("Reply by", "答复时限"),
    "recorded": ("What we recorded", "记录内容"),
    "call_us": ("Questions? Call our service supervision line {phone} (office {office}) and quote the "
                "slip number.",
                "如有疑问，请致电服务监督电话 {phone}（办公电话 {office}），并告知处理单编号。"),
    "call_us_line": ("Questions? Call our service supervision line {phone} and quote the slip number.",
                     "如有疑问，请致电服务监督电话 {phone}，并告知处理单编号。"),
    "receipt_thanks": ("Thank you for helping us improve our service.", "感谢您对我们工作的监督与支持！"),
    "deadline_none": ("Answered on the spot", "当场已答复"),
    "complete": ("Filled in completely", "处理单填写完整"),
    "ended_as": ("Ended as", "终结情况"),
    "ended_text": ("Answered within the rules; the customer still disagrees. Why: {reason}; offered: {offer}",
                   "答复已按规定作出，客户仍不认可。理由：{reason}；已向客户提出：{offer}"),  # handling and reply recorded (seed: 填写完整)
    # comment-book reply strip
    "book_title": ("Comment Book Reply", "意见簿回复"),
    "book_entry": ("Entry", "留言"),
    "book_opinion": ("Handling opinion", "处理意见"),
    "book_signer": ("Signed", "回复人签字"),
    "cut_here": ("Cut along the marks and paste beside the entry", "沿虚线剪下，粘贴于意见簿对应留言旁"),
    # envelope
    "to_suffix": ("", "收"),
    "stamp_here": ("Stamp", "贴邮票处"),
    "sender_postcode": ("{postcode}", "邮政编码：{postcode}"),
}


def say(key: str, lang: str | None = None, **values) -> str:
    """The fixed text `key` in `lang`, with `{placeholders}` filled from `values`."""
    return from_table(_WORDS, key, lang, **values)


def from_table(table: dict[str, tuple[str, str]], key: str, lang: str | None = None, **values) -> str:
    """Entry `key` of a word table of (English, Chinese) pairs in `lang`, `{placeholders}` filled
    from `values`: the documents' own words here, a report's in its module."""
    text = pick(*table[key], lang)
    return text.format(**values) if values else text


def yes_no(value: bool | None, lang: str) -> str:
    if value is None:
        return "—"
    return say("yes" if value else "no", lang)


def date_text(day: dt.date | dt.datetime | None, lang: str) -> str:
    """2026年11月24日 / 24 November 2026; a dash for none."""
    if day is None:
        return "—"
    if is_chinese(lang):
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def datetime_text(moment: dt.datetime | None, lang: str) -> str:
    if moment is None:
        return "—"
    return f"{date_text(moment, lang)} {moment:%H:%M}"


def short_datetime(moment: dt.datetime | None) -> str:
    """For table cells: 2026-11-24 10:00 reads the same in both languages and fits a column."""
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "—"


KIND_NAMES: dict[str, tuple[str, str]] = {
    "letter": ("答复信函", "reply letter"),
    "slip": ("投诉处理单", "handling slip"),
    "transmittal": ("报送单", "escalation transmittal"),
    "receipt": ("受理回执", "receipt"),
    "book-reply": ("意见簿回复", "comment-book reply"),
    "sheet": ("手写回复信笺", "handwriting sheet"),
    "label": ("信封", "envelope"),
}


def kind_label(kind: str, lang: str) -> str:
    names = KIND_NAMES.get(kind, (kind, kind))
    return pick(names[1], names[0], lang)
