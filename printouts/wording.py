"""The fixed words printed on the documents, in Chinese and English, and how dates are written.

Stored codes (channel, status, reply method, title) are named by `models.vocab.label`, history
actions by `models.workflow.event_label`; this module holds only what belongs to paper: form
labels, headings, closing formulas.
"""
from __future__ import annotations

import datetime as dt

_WORDS: dict[str, tuple[str, str]] = {
    # shared
    "number": ("编号", "Our ref."),
    "slip_number": ("处理单编号", "Slip number"),
    "supervision_phone": ("服务监督电话", "Service supervision line"),
    "office_phone": ("电话", "Tel."),
    "address": ("地址", "Address"),
    "postcode": ("邮编", "Postcode"),
    "page": ("第 {page} 页  共 {pages} 页", "Page {page} of {pages}"),
    "draft": ("草稿  DRAFT", "DRAFT  草稿"),
    "stamp": ("盖章处", "Company stamp"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    # no-break spaces: a paragraph would collapse ordinary (and ideographic) spaces
    "blank_date": ("\xa0" * 8 + "年" + "\xa0" * 5 + "月" + "\xa0" * 5 + "日", "____________"),
    "signature": ("签字", "Signature"),
    "date": ("日期", "Date"),
    "printed_at": ("打印时间", "Printed"),
    # the handling slip
    "slip_title": ("投诉处理单", "Complaint Handling Slip"),
    "sec_reception": ("一、受理信息", "1. Reception"),
    "sec_complainant": ("二、投诉人", "2. Complainant"),
    "sec_channel": ("三、渠道记录", "3. Channel record"),
    "sec_complaint": ("四、投诉内容（客户原话，已复述确认）", "4. The complaint (customer's words, read back)"),
    "sec_complaint_plain": ("四、投诉内容（客户原话）", "4. The complaint (customer's words)"),
    "sec_authority": ("五、处理权限与分派", "5. Authority and assignment"),
    "sec_handling": ("六、调查与处理情况", "6. Investigation and handling"),
    "sec_replies": ("七、答复记录", "7. Replies to the customer"),
    "sec_history": ("八、处理过程记录", "8. History"),
    "sec_signatures": ("九、签字确认", "9. Signatures"),
    "channel": ("投诉渠道", "Channel"),
    "status": ("当前状态", "Status"),
    "received_at": ("受理时间", "Received"),
    "received_by": ("接待人员", "Received by"),
    "category": ("投诉类别", "Category"),
    "urgent": ("紧急", "Urgent"),
    "deadline": ("约定回复时限", "Agreed reply deadline"),
    "name": ("姓名", "Name"),
    "unit": ("房号", "Unit"),
    "phone": ("联系电话", "Phone"),
    "email": ("电子邮箱", "E-mail"),
    "preferred_reply": ("希望答复方式", "Preferred reply"),
    "after_hours_ok": ("同意非工作时间来电", "Calls outside office hours agreed"),
    "calmed": ("先处理情感（已安抚）", "Feelings first (calmed)"),
    "quiet_place": ("已引至不打扰他人处", "Moved to a quiet place"),
    "read_back": ("已复述确认", "Read back and confirmed"),
    "caller_number": ("来电号码", "Caller's number"),
    "call_time": ("来电时间", "Call time"),
    "transferred_to": ("转接负责人", "Transferred to"),
    "thanked": ("已感谢来电", "Caller thanked"),
    "book_entry_date": ("留言日期", "Entry date"),
    "book_entry_ref": ("意见簿页码/条目", "Book page / entry"),
    "contact_left": ("留有联系方式", "Contact details left"),
    "letter_date": ("来信日期", "Letter dated"),
    "letter_received": ("收信日期", "Letter received"),
    "sender_address": ("寄信地址", "Sender's address"),
    "letter_scans": ("信函扫描件", "Letter scans"),
    "answered_at_once": ("当场答复", "Answered on the spot"),
    "answer_note": ("当场答复内容", "What was answered"),
    "authority": ("处理权限", "Handling authority"),
    "within": ("权限内处理", "Within authority"),
    "beyond": ("超出权限，报上级服务管理部门", "Beyond authority: to the upper department"),
    "undecided": ("待判定", "Not yet decided"),
    "suggestion": ("系统建议", "Suggested"),
    "override_reason": ("改判理由", "Reason for overriding"),
    "escalation_requested_by": ("申请上报人", "Escalation requested by"),
    "department": ("责任部门", "Responsible department"),
    "assignee": ("责任人", "Assigned to"),
    "handling_notes": ("调查处理情况", "Investigation and handling"),
    "customer_request": ("客户诉求（希望如何解决）", "What the customer wants"),
    "not_stated": ("未提出", "Not stated"),
    "named_person": ("指名要找（通知时间）", "Asked for by name (called)"),
    "repeat_of": ("重复投诉，前次处理单", "Repeats slip"),
    "whys": ("5Why 追问", "Five whys"),
    "root_cause": ("原因分析（根本原因）", "Root cause"),
    "corrective_action": ("纠正预防措施", "Corrective action"),
    "none_yet": ("（尚无记录）", "(nothing recorded yet)"),
    "reply_method": ("答复方式", "Method"),
    "reply_at": ("答复时间", "When"),
    "reply_by": ("答复人", "By"),
    "reply_content": ("答复内容", "What was said"),
    "reply_opinion": ("客户意见", "Customer's opinion"),
    "h_time": ("时间", "Time"),
    "h_actor": ("操作人", "By"),
    "h_action": ("事项", "Action"),
    "h_status": ("状态变化", "Status"),
    "h_note": ("说明", "Note"),
    "sign_receiver": ("接待人员", "Reception clerk"),
    "sign_charge": ("负责人", "Person in charge"),
    "sign_upper": ("上级服务管理部门", "Upper service-management department"),
    # the letter
    "letter_subject": ("关于您反映{category}问题的答复", "Re: your complaint about {category}"),
    "salutation": ("尊敬的{name}：", "Dear {name},"),
    "zhici": ("此致", ""),
    "jingli": ("敬礼！", ""),
    "yours": ("", "Yours sincerely,"),
    "customer": ("业主/住户", "Resident"),
    # escalation transmittal
    "transmittal_title": ("投诉事项报送单", "Escalation Transmittal"),
    "transmittal_to": ("报送：{upper}", "To: {upper}"),
    "transmittal_from": ("报送单位：{estate}", "From: {estate}"),
    "transmittal_intro": ("现将以下投诉事项报上级服务管理部门处理，经我中心负责人确认已超出处理权限，"
                          "请予审阅处理并回复。",
                          "The complaint below is beyond our handling authority, as confirmed by our "
                          "person in charge. We send it up for your handling and reply."),
    "transmittal_reason": ("报送理由", "Why it goes up"),
    "confirmed_by": ("负责人确认", "Confirmed by"),
    "enclosures": ("附件清单", "Enclosures"),
    "enc_slip": ("投诉处理单（{number}）一份", "Complaint handling slip {number} (1 copy)"),
    "enc_letter": ("投诉信函复印件，留存备查（{filename}）", "Copy of the complaint letter, kept on file ({filename})"),
    "enc_scan": ("投诉信函（{filename}）", "The complaint letter ({filename})"),
    "enc_attachment": ("附件（{filename}）", "Attachment ({filename})"),
    "letter_copy_kept": ("复印件留存备查", "Copy of the letter kept on file"),
    "sent_at": ("报送时间", "Sent"),
    "transmittal_recipient": ("接收人", "For the attention of"),
    "transmittal_note": ("说明", "Note"),
    "sign_sender": ("报送人", "Sent by"),
    "sign_upper_receipt": ("上级部门签收", "Received by the upper department"),
    "summary": ("投诉摘要", "Summary of the complaint"),
    # receipt
    "receipt_title": ("投诉受理回执", "Complaint Receipt"),
    # the receipt's opening follows the channel (no read-back of a letter or a book entry) and the
    # outcome (no promised deadline once it was answered on the spot)
    "receipt_intro": ("您的投诉我们已如实记录并向您复述确认，将按约定时限给您答复。",
                      "We have recorded your complaint as you told it and read it back to you; we will "
                      "reply by the agreed deadline."),
    "receipt_intro_answered": ("您的投诉我们已如实记录并向您复述确认，并已当场答复。",
                               "We have recorded your complaint as you told it, read it back to you and "
                               "answered it on the spot."),
    "receipt_intro_letter": ("您的来信我们已收到并如实记录，将在以下时限前给您答复。",
                             "We have received your letter and recorded it as written; we will reply by the "
                             "date below."),
    "receipt_intro_book": ("您在意见簿上的留言我们已如实记录，将在以下时限前给您答复。",
                           "We have recorded your entry in our comment book as written; we will reply by the "
                           "date below."),
    "receipt_reply_by": ("答复时限", "Reply by"),
    "recorded": ("记录内容", "What we recorded"),
    "call_us": ("如有疑问，请致电服务监督电话 {phone}（办公电话 {office}），并告知处理单编号。",
                "Questions? Call our service supervision line {phone} (office {office}) and quote the "
                "slip number."),
    "call_us_line": ("如有疑问，请致电服务监督电话 {phone}，并告知处理单编号。",
                     "Questions? Call our service supervision line {phone} and quote the slip number."),
    "receipt_thanks": ("感谢您对我们工作的监督与支持！", "Thank you for helping us improve our service."),
    "deadline_none": ("当场已答复", "Answered on the spot"),
    "complete": ("处理单填写完整", "Filled in completely"),
    "ended_as": ("终结情况", "Ended as"),
    "ended_text": ("答复已按规定作出，客户仍不认可。理由：{reason}；已向客户提出：{offer}",
                   "Answered within the rules; the customer still disagrees. Why: {reason}; offered: {offer}"),  # handling and reply recorded (seed: 填写完整)
    # comment-book reply strip
    "book_title": ("意见簿回复", "Comment Book Reply"),
    "book_entry": ("留言", "Entry"),
    "book_opinion": ("处理意见", "Handling opinion"),
    "book_signer": ("回复人签字", "Signed"),
    "cut_here": ("沿虚线剪下，粘贴于意见簿对应留言旁", "Cut along the marks and paste beside the entry"),
    # envelope
    "to_suffix": ("收", ""),
    "stamp_here": ("贴邮票处", "Stamp"),
    "sender_postcode": ("邮政编码：{postcode}", "{postcode}"),
}


def say(key: str, lang: str = "zh", **values) -> str:
    """The fixed text `key` in `lang`, with `{placeholders}` filled from `values`."""
    zh, en = _WORDS[key]
    text = zh if is_chinese(lang) else en
    return text.format(**values) if values else text


def is_chinese(lang: str) -> bool:
    return lang.startswith("zh")


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
    return names[0] if is_chinese(lang) else names[1]
