"""Every page and dialog of the desk, on a demo database, in English and in Chinese, on a 1366×768
screen: no column header or label cut off, every dialog fits the screen, the interface's own
words in the interface's language and the system's composed texts (authority suggestions,
notices, history notes) in the reader's."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget

from desktop.shell import pages as registry
from desktop.shell.main_window import MainWindow
from desktop.shell.session import Session
from forms import asking
from models import demo, handover, i18n, notices, replies, satisfaction
from models.accounts import User
from models.slips import Slip
from models.vocab import OPEN_STATUSES, Channel, Role, Status
from tests.ui import screen_checks as check
from tests.ui.screen_checks import SCREEN


@pytest.fixture
def demo_desk(qapp, sqlite_db, frozen_now, monkeypatch):
    """A demo database with work on every screen."""
    monkeypatch.setattr(asking, "discard", lambda parent, what, count=1: True)
    demo.generate_slips(90, seed=7, today=True)


@pytest.fixture(params=["en", "zh"])
def lang(request, qapp):
    """The desk as it starts in that language: its translators, its style (fonts, paddings)."""
    from desktop.shell import style
    from desktop.shell.app import install_translators

    font, sheet = qapp.font(), qapp.styleSheet()
    installed = install_translators(qapp, request.param)
    i18n.set_language(request.param)
    style.apply(qapp, larger=False)
    yield request.param
    i18n.set_language("en")
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def signed_in(username: str, lang: str) -> Session:
    session = Session(lang, demo=True)
    session.sign_in(User.get(User.username == username))
    return session


def problems_of(widget: QWidget, lang: str) -> list[str]:
    found = check.clipped_headers(widget) + check.clipped_labels(widget)
    if lang == "zh":
        found += check.untranslated(widget)
    return found


def settle(qtbot) -> None:
    qtbot.wait(30)


@pytest.mark.slow
@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPERVISOR, Role.MANAGER])
def test_every_page_at_1366_by_768(qtbot, demo_desk, lang, role):
    username = {Role.CLERK: "clerk", Role.SUPERVISOR: "supervisor", Role.MANAGER: "manager"}[role]
    window = MainWindow(signed_in(username, lang))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    settle(qtbot)
    found = []
    for entry in registry.available_pages(role):
        window.show_page(entry.key)
        settle(qtbot)
        found += [f"[{entry.key}] {p}" for p in problems_of(window, lang)]
    assert not found, "\n".join(found)


@pytest.mark.slow
def test_system_texts_are_in_the_readers_language(qtbot, demo_desk, lang):
    supervisor = signed_in("supervisor", lang)
    window = MainWindow(supervisor)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    approvals = window.show_page("approvals")
    settle(qtbot)
    flagged = check.column_texts(approvals.list, QApplication.translate("SlipList", "Flagged by"))
    assert flagged, "the demo has slips waiting for confirmation"
    by_the_rules = [s for s in Slip.select().where(Slip.status == Status.AWAITING_CONFIRMATION)
                    if i18n.composed(s.escalation_reason) is not None]
    assert by_the_rules, "the demo has slips the rules sent up"
    notes = [n.text(lang) for n in notices.for_user(User.get(User.username == "supervisor"))
             if n.kind == "escalation_requested" and i18n.composed(n.details.get("reason")) is not None]
    reasons = check.column_texts(approvals.list, QApplication.translate("SlipList", "Clerk's reason"))
    composed_reasons = [r for r in reasons if r in {i18n.shown(s.escalation_reason, lang) for s in by_the_rules}]
    assert composed_reasons
    slip_window = window.open_slip(by_the_rules[0].id)
    settle(qtbot)
    history = slip_window.findChild(QTableWidget, "historyTable")
    history_notes = [history.item(row, 4).text() for row in range(history.rowCount()) if history.item(row, 4)]
    system_texts = flagged + composed_reasons + notes + [n for n in history_notes if n in composed_reasons]
    if lang == "en":
        assert not check.chinese_in_english(system_texts), check.chinese_in_english(system_texts)
    else:
        assert all(check.HAN.search(text) for text in system_texts)


def the_dialogs(window: MainWindow, session: Session) -> dict[str, QWidget]:
    """One of each dialog the desk opens, on slips that have what it needs."""
    from desktop.shell.database_dialog import DatabaseDialog
    from desktop.understanding.motive_dialog import MotiveDialog
    from desktop.understanding.satisfaction_dialog import ReturnVisitDialog, SatisfactionDialog
    from desktop.intake.directory_import import ImportDialog
    from desktop.shell.first_run import LetterheadDialog
    from desktop.shell.handover import IncomingHandover, WriteHandover
    from desktop.shell.help_window import HelpWindow, shortcuts_of
    from desktop.shell.login import LoginDialog
    from desktop.shell.password_dialog import ChangePasswordDialog
    from desktop.slips.printing import PreviewDialog
    from desktop.replies.dialogs import ApprovalDialog, LetterDialog, ReplyDialog, ThanksDialog
    from desktop.slips.actions import VIEW, SlipContext
    from desktop.slips.edit import SlipEditWindow
    from desktop.slips.export import ExportDialog
    from desktop.slips.workflow_actions import step_dialog
    from models.queries import SlipFilter
    from printouts.kinds import make

    user = session.user
    open_letter = Slip.select().where(Slip.channel == Channel.LETTER, Slip.status.in_(list(OPEN_STATUSES))).first()
    handled = Slip.select().where(Slip.status == Status.HANDLED).first()
    waiting = Slip.select().where(Slip.status == Status.AWAITING_CONFIRMATION).first()
    letter = replies.Letter.select().where(replies.Letter.status == replies.LetterStatus.SUBMITTED).first()
    follow_up = replies.ThanksFollowUp.select().first()
    visit = satisfaction.ReturnVisit.select().first()
    context = SlipContext(handled, session, window, VIEW)
    dialogs = {
        "login": LoginDialog(Session(session.lang, demo=True)),
        "letterhead": LetterheadDialog(session, window),
        "password": ChangePasswordDialog(user, window),
        "database": DatabaseDialog(window),
        "help": HelpWindow(shortcuts_of(window.page_actions.actions()), window),
        "import": ImportDialog(session, window),
        "export": ExportDialog(session, SlipFilter(), 90, window),
        "reply": ReplyDialog(session, handled.id, parent=window),
        "letter": LetterDialog(session, open_letter.id, window),
        "approval": ApprovalDialog(session, letter.id, window),
        "thanks": ThanksDialog(session, follow_up.id, window),
        "satisfaction": SatisfactionDialog(session, handled.id, window),
        "return visit": ReturnVisitDialog(session, visit.id, window),
        "motive": MotiveDialog(session, handled.id, window),
        "edit": SlipEditWindow(session, handled.id, window),
        "handover": WriteHandover(session, window),
        "step": step_dialog(SlipContext(waiting, session, window, VIEW), "return_escalation"),
        "deadline": step_dialog(context, "move_deadline"),
        "preview": PreviewDialog(make("letter", open_letter, session.lang), open_letter.id, user, window),
    }
    note = handover.note_for(user)
    if note is not None:
        dialogs["incoming handover"] = IncomingHandover(session, note, window)
    for channel in Channel:
        dialogs[f"intake {channel}"] = window.new_slip(channel)
    dialogs["slip"] = window.open_slip(handled.id)
    return dialogs


@pytest.mark.slow
def test_every_dialog_fits_1366_by_768_and_shows_whole(qtbot, demo_desk, lang, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    # a 1366×768 laptop with a 40-pixel taskbar, as the windows size themselves by it (desktop.shell.layout_memory)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda screen: QRect(0, 0, SCREEN[0], SCREEN[1] - 40))
    session = signed_in("supervisor", lang)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    found = []
    dialogs = the_dialogs(window, session)
    assert len(dialogs) >= 24
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        found += [f"[{name}] {p}" for p in check.fits_the_screen(dialog)]
        dialog.resize(min(dialog.width(), SCREEN[0]), min(dialog.height(), SCREEN[1] - check.TITLE_BAR))
        dialog.show()
        settle(qtbot)
        found += [f"[{name}] {p}" for p in problems_of(dialog, lang)]
        dialog.hide()
    assert not found, "\n".join(found)
