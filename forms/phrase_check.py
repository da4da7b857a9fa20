"""Words never to say, checked live in a reply or letter as it is typed.

Attach a `PhraseCheck` to the text editor of a reply form or a letter: each listed phrase
(models.phrases) gets a wavy underline in the text — red for a sentence never to say (严禁使用),
amber for wording only better said another way (建议改说) — and the list under the editor says
what to say instead, quoting the seed. Activating a flag selects the phrase in the editor so the clerk
can rewrite it. The approving supervisor sees the same list beside the letter.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy, QTextEdit, QVBoxLayout,
                               QWidget)

from forms.fields import counted
from models import phrases
from models.phrases import Flag
from models.i18n import fill
from forms.translation import translator

CHECK_PAUSE_MS = 300
FLAG_COLOUR = QColor("#C0392B")
FLAG_SHADE = QColor("#FDE3E0")
BETTER_COLOUR = QColor("#B9770E")
BETTER_SHADE = QColor("#FDF2D9")


class PhraseCheck(QWidget):
    """The flags of one editor's text; `flags_changed` carries the list of models.phrases.Flag."""

    flags_changed = Signal(list)

    def __init__(self, editor: QTextEdit | QPlainTextEdit | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._editor: QTextEdit | QPlainTextEdit | None = None
        self._flags: list[Flag] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_PAUSE_MS)
        self._build()
        self._timer.timeout.connect(self.check_now)
        self.list.itemActivated.connect(self._select_flag)
        self.list.itemClicked.connect(self._select_flag)
        if editor is not None:
            self.attach(editor)

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("phraseSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Words never to say in this text"))
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        self._show()

    def attach(self, editor: QTextEdit | QPlainTextEdit) -> None:
        self._editor = editor
        editor.textChanged.connect(self._timer.start)
        self.check_now()

    @property
    def flags(self) -> list[Flag]:
        return list(self._flags)

    def check_now(self) -> None:
        """Check the editor's text at once (the form calls this before saving)."""
        if self._editor is None:
            return
        self._flags = phrases.check(self._editor.toPlainText())
        self._underline()
        self._show()
        self.flags_changed.emit(self.flags)

    def _underline(self) -> None:
        marks = []
        for flag in self._flags:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self._editor.document())
            cursor.setPosition(flag.start)
            cursor.setPosition(flag.end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(FLAG_COLOUR if flag.banned else BETTER_COLOUR)
            fmt.setBackground(FLAG_SHADE if flag.banned else BETTER_SHADE)
            fmt.setToolTip(flag.alternative)
            selection.format = fmt
            marks.append(selection)
        self._editor.setExtraSelections(marks)

    def _show(self) -> None:
        self.list.clear()
        for flag in self._flags:
            item = QListWidgetItem(flag_text(flag))
            item.setData(Qt.ItemDataRole.UserRole, (flag.start, flag.end))
            item.setToolTip(f"{flag.reason}\n— {flag.source}" if flag.reason else "")
            item.setForeground(FLAG_COLOUR if flag.banned else BETTER_COLOUR)
            self.list.addItem(item)
        self.list.setVisible(bool(self._flags))
        self.summary.setText(flags_summary(self._flags))
        self.summary.setAccessibleName(self.summary.text())

    def _select_flag(self, item: QListWidgetItem) -> None:
        start, end = item.data(Qt.ItemDataRole.UserRole)
        cursor = self._editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.setFocus()


tr = translator("PhraseCheck")


def flag_text(flag: Flag) -> str:
    """One flag as the clerk reads it: never say, or better said, and what to say instead."""
    if flag.banned:
        text = tr("Never say “%1” (严禁使用). Instead: %2")
    else:
        text = tr("Better said another way: “%1” (建议改说). Instead: %2")
    return fill(text, flag.matched, flag.alternative)


def flags_summary(flags: list[Flag]) -> str:
    """"2 sentences never to say; 1 better said another way:" — or that there are none."""
    banned = sum(1 for flag in flags if flag.banned)
    better = len(flags) - banned
    if not flags:
        return tr("No words never to say.")
    never = counted(banned, tr("%1 sentence never to say (严禁)"), tr("%1 sentences never to say (严禁)"))
    better_said = fill(tr("%1 better said another way (建议改说)"), f"{better:,}")
    if banned and better:
        return fill(tr("%1; %2:"), never, better_said)
    return fill(tr("%1:"), never if banned else better_said)
