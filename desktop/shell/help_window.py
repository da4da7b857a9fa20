"""Help › Guide: the four channels' rules, replying to the customer, and the desk's keyboard
shortcuts, in one readable window (F1).

Each channel's rules are said in the UI language and quoted in the words of the estate's own
etiquette (物业服务与投诉礼仪, section 7 “处理投诉礼仪的基本原则”), which the clerks know; the
quotes stay Chinese in every language, as written.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.shell.layout_memory import remember
from forms.fields import plain_text
from models.i18n import fill
from forms.translation import translator


_tr = translator("HelpWindow")


@dataclass(frozen=True)
class Channel:
    title: str  # English source text
    shortcut: str
    rules: tuple[str, ...]  # English source text
    quotes: tuple[str, ...]  # the seed's own words


CHANNELS = (
    Channel(QT_TRANSLATE_NOOP("HelpWindow", "On-site, spoken (现场口头投诉)"), "Ctrl+1", (
        QT_TRANSLATE_NOOP("HelpWindow", "Feelings first, then the matter: calm the customer, and if needed move "
                                        "them somewhere that does not disturb other customers."),
        QT_TRANSLATE_NOOP("HelpWindow", "The first clerk listens, records the complaint in the customer's words "
                                        "and reads it back (复述)."),
        QT_TRANSLATE_NOOP("HelpWindow", "Answer at once if you can. If not: calm the customer, agree a reply "
                                        "deadline (约定回复时限), fill in the slip and ask the person in charge to "
                                        "handle it; when handled, reply and complete the slip."),
        QT_TRANSLATE_NOOP("HelpWindow", "Beyond the handling authority (处理权限)? Once the person in charge "
                                        "confirms, the slip goes to the upper service-management department."),
    ), (
        "坚持“先处理情感，后处理事件”的原则。",
        "首位受理客户投诉的员工要认真倾听、记录客户的投诉内容，并向客户复述一遍。",
        "接待人员应尽可能把客户请到不影响其他客户的场所，积极提出解决办法，做好与客户沟通工作。",
        "客户投诉当场不能答复的，接待人员应安抚客户情绪，并和客户约定回复时限，认真填写“处理单”请示负责人处理。"
        "投诉处理完毕后将处理情况回复客户，并将“处理单”填写完整。",
        "经负责人确认，客户投诉超出处理权限的，要将“处理单”报上级服务管理部门处理。",
    )),
    Channel(QT_TRANSLATE_NOOP("HelpWindow", "Comment book (意见簿)"), "Ctrl+3", (
        QT_TRANSLATE_NOOP("HelpWindow", "Check the comment book every day (每日查阅)."),
        QT_TRANSLATE_NOOP("HelpWindow", "Within your authority: notify the responsible person or department. "
                                        "Beyond it: after the person in charge confirms, fill in a slip and send "
                                        "it up."),
        QT_TRANSLATE_NOOP("HelpWindow", "When handled, write the handling opinion back into the book and sign it "
                                        "(签字确认); if the customer left contact details, reply to them as a "
                                        "rule."),
        QT_TRANSLATE_NOOP("HelpWindow", "The book is the estate's public face: every entry is answered, promptly. "
                                        "A customer whose suggestion helped a lot may be thanked with a small "
                                        "gift visit."),
    ), (
        "接待人员应每日查阅意见簿，及时了解客户意见建议。",
        "对属于处理权限内的投诉，应及时通知责任人或责任部门进行处理；对超出处理权限的投诉，经负责人确认后，"
        "应填写“处理单”报上级服务管理部门处理。",
        "投诉处理完毕，接待人员要在意见簿上回复相关处理意见，并签字确认；客户留有联系方式的，原则上应回复客户。",
    )),
    Channel(QT_TRANSLATE_NOOP("HelpWindow", "Letter (信函投诉)"), "Ctrl+4", (
        QT_TRANSLATE_NOOP("HelpWindow", "The customer took it seriously; so must we. Record the letter's content on "
                                        "a slip and investigate quickly."),
        QT_TRANSLATE_NOOP("HelpWindow", "Reply the way the customer finds convenient; as a rule by letter "
                                        "(对等回复): correct salutation, proper format, clear and objective. A "
                                        "letter reply is confirmed by the person in charge before it goes out."),
        QT_TRANSLATE_NOOP("HelpWindow", "After the customer has the letter, thank them again by phone or e-mail; "
                                        "record handling and reply on the slip."),
        QT_TRANSLATE_NOOP("HelpWindow", "Beyond authority: after the person in charge confirms, the slip and the "
                                        "letter go up; the letter is copied and kept on file (复印，留存备查)."),
    ), (
        "收到信函投诉后，应将信函投诉内容记录在投诉“处理单”中，并迅速调查落实信函中反映的问题。",
        "原则上采用信函的方式对等回复。……书写时，字迹应清晰、称呼应准确、格式应规范，叙述应客观。",
        "客户收到信函后，接待人员应再次采用电话、邮件等方式向客户表达感谢。",
        "超出处理权限的投诉，经负责人确认后，接待人员应及时将“处理单”和投诉信函报上级服务管理部门处理。"
        "投诉信函应复印，留存备查。",
    )),
    Channel(QT_TRANSLATE_NOOP("HelpWindow", "Phone (电话投诉)"), "Ctrl+2", (
        QT_TRANSLATE_NOOP("HelpWindow", "The first clerk listens, records and reads the complaint back; answers at "
                                        "once if possible, else transfers the call to the person in charge, who "
                                        "tries to answer on the spot."),
        QT_TRANSLATE_NOOP("HelpWindow", "Not answerable on the call: record the caller and the complaint on a slip "
                                        "and agree a reply deadline; after investigating, reply and complete the "
                                        "slip."),
        QT_TRANSLATE_NOOP("HelpWindow", "Beyond authority: after the person in charge confirms, the slip goes up."),
        QT_TRANSLATE_NOOP("HelpWindow", "Whatever happened, thank the caller at the end of the call (感谢来电)."),
    ), (
        "首位受理客户投诉的员工要认真倾听、记录客户的投诉内容，并向客户复述一遍。对能答复的问题，应立即向客户解释说明。"
        "无法答复的，应立即转交上级。",
        "对于当场不能答复的投诉，接待人员要在“处理单”上记录客户信息和投诉内容，并和客户约定回复时限。",
        "对于客户的电话投诉，不管何种原因，都应在电话结束之际，向客户表达谢意，并及时回复客户处理意见。",
    )),
)

REPLY_RULES = (
    QT_TRANSLATE_NOOP("HelpWindow", "Phone replies within working hours, never at night unless urgent or agreed "
                                    "beforehand; from the published service line or the office phone; say who you "
                                    "are first."),
    QT_TRANSLATE_NOOP("HelpWindow", "Fax and letter replies are confirmed by the person in charge. Nobody promises "
                                    "or decides beyond their authority."),
    QT_TRANSLATE_NOOP("HelpWindow", "Home visits: time and place agreed beforehand, two staff members with valid "
                                    "work IDs."),
    QT_TRANSLATE_NOOP("HelpWindow", "After every reply, record truthfully on the slip what was said and the "
                                    "customer's opinion. Not satisfied? Listen, explain, apologise; the slip goes "
                                    "on."),
)
REPLY_QUOTE = ("传真、信函回复时须经负责人确认。不能做超出处理权限之外的决定及承诺。"
               "……回复客户后必须将回复内容、客户意见如实填写在“处理单”中。")
SOURCE = "《物业服务与投诉礼仪》 7、处理投诉礼仪的基本原则"


def guide_html(shortcuts: list[tuple[str, str]]) -> str:
    """The guide as HTML: the channels, replying, and `shortcuts` as (what, keys) rows."""
    intro = fill(_tr("Every complaint that cannot be answered on the spot is written on a handling slip (处理单). "
                     "The rules below are the estate's own; the quotes are from %1."), SOURCE)
    heading, replying, keyboard = (_tr("The four ways a complaint comes in"), _tr("Replying to the customer (客户投诉回复)"),
                                   _tr("Keyboard shortcuts"))
    parts = [f"<h1>{escape(heading)}</h1>", f"<p>{escape(intro)}</p>"]
    for channel in CHANNELS:
        keys = fill(_tr("new slip: %1"), channel.shortcut)
        parts.append(f"<h2>{escape(_tr(channel.title))} <small>— {escape(keys)}</small></h2><ul>")
        parts += [f"<li>{escape(_tr(rule))}</li>" for rule in channel.rules]
        parts.append("</ul>")
        parts += [f"<blockquote>“{escape(quote)}”</blockquote>" for quote in channel.quotes]
    parts.append(f"<h2>{escape(replying)}</h2><ul>")
    parts += [f"<li>{escape(_tr(rule))}</li>" for rule in REPLY_RULES]
    parts.append(f"</ul><blockquote>“{escape(REPLY_QUOTE)}”</blockquote>")
    if shortcuts:
        parts.append(f"<h2><a name='keys'></a>{escape(keyboard)}</h2><table cellpadding='3'>")
        parts += [f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>" for what, keys in shortcuts]
        parts.append("</table>")
    return "\n".join(parts)


def shortcuts_of(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what it does, its keys) for each action that has a shortcut, in the system's notation."""
    rows = []
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:
            rows.append((plain_text(action.text()), keys))
    return rows


class HelpWindow(QDialog):
    """The guide in a window of its own: read beside the form, not instead of it."""

    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(_tr("Slipdesk guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(_tr("Guide"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(
            "h1 { font-size: large; } h2 { margin-top: 14px; } blockquote { margin-left: 18px; }")
        self.browser.setHtml(guide_html(shortcuts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        remember(self, "help_window", default_size=(760, 820))

    def show_shortcuts(self) -> None:
        self.browser.scrollToAnchor("keys")
