"""What a person sees on a 1366×768 screen, checked: column headers and labels not cut off, the
interface's own words in the interface's language, the system's composed texts in the reader's."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QHeaderView, QLabel, QTabBar, QTableWidget, QWidget

SCREEN = (1366, 768)
TITLE_BAR = 32  # what a window's frame takes of the screen's height
HAN = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r"“[^”]*”|\([^)]*\)|（[^）]*）")  # a complaint's words quoted, or a Chinese term given aside
# Words that read the same in both interfaces: names, formats, keys, the product.
SAME_IN_BOTH = re.compile(r"\b(Slipdesk|PDF|XLSX|CSV|Excel|Ctrl|Shift|Enter|Return|Esc|Tab|Page|Down|Up|Home|End|"
                          r"F\d+|SQLite|PostgreSQL|postgresql|demo\d*|manager|supervisor|clerk2?|liu(\.sup)?|"
                          r"TrueType|PNG|JPEG|TIFF|SimSun|UMing|DL|C5|ISO|Del|Delete|Space|Backspace|Alt|OK)\b")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def clipped_headers(root: QWidget) -> list[str]:
    """Column headers narrower than their title: "mplain" for "Complaint"."""
    found = []
    for header in root.findChildren(QHeaderView):
        if header.orientation() != Qt.Orientation.Horizontal or not shown(header) or header.model() is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(header.model().headerData(section, Qt.Orientation.Horizontal) or "")
            need = header.sectionSizeHint(section)  # its title, padding and sort mark, as the style draws them
            if text and header.sectionSize(section) < need:
                found.append(f"{_where(header)}: column “{text}” {header.sectionSize(section)} px of {need}")
    return found


def clipped_labels(root: QWidget) -> list[str]:
    """One-line labels and buttons given less width than their text takes."""
    found = []
    for label in root.findChildren(QLabel):
        if (shown(label) and not label.wordWrap() and label.text() and label.pixmap().isNull()
                and label.textFormat() != Qt.TextFormat.RichText and "<" not in label.text()
                and label.width() + 1 < label.sizeHint().width()):
            found.append(f"{_where(label)}: label “{label.text()}” {label.width()} px of {label.sizeHint().width()}")
    for button in root.findChildren(QAbstractButton):
        if shown(button) and button.text() and button.width() + 1 < button.minimumSizeHint().width():
            found.append(f"{_where(button)}: button “{button.text()}” {button.width()} px of "
                         f"{button.minimumSizeHint().width()}")
    for bar in root.findChildren(QTabBar):
        if shown(bar) and not bar.usesScrollButtons():
            for index in range(bar.count()):
                if bar.tabRect(index).width() + 1 < bar.tabSizeHint(index).width():
                    found.append(f"{_where(bar)}: tab “{bar.tabText(index)}” cut")
    return found


def interface_words(root: QWidget) -> list[str]:
    """The interface's own words on screen: captions, buttons, section titles, column headers, tabs."""
    words = [root.windowTitle()]
    words += [label.text() for label in root.findChildren(QLabel) if shown(label) and label.buddy() is not None]
    words += [button.text() for button in root.findChildren(QAbstractButton) if shown(button)]
    words += [box.title() for box in root.findChildren(QGroupBox) if shown(box)]
    for bar in root.findChildren(QTabBar):
        if shown(bar):
            words += [bar.tabText(index) for index in range(bar.count())]
    for header in root.findChildren(QHeaderView):
        if shown(header) and header.model() is not None and header.orientation() == Qt.Orientation.Horizontal:
            words += [str(header.model().headerData(s, Qt.Orientation.Horizontal) or "") for s in range(header.count())]
    return [w for w in words if w and w.strip()]


def untranslated(root: QWidget) -> list[str]:
    """In a Chinese interface, its own words still in English."""
    found = []
    for text in interface_words(root):
        plain = SAME_IN_BOTH.sub("", QUOTED.sub("", text.replace("&", "")))
        if ENGLISH_WORD.search(plain) and not HAN.search(plain):
            found.append(f"{_where(root)}: “{text}”")
    return found


def chinese_in_english(texts: list[str]) -> list[str]:
    """In an English interface, system texts left in Chinese (a quoted complaint's words aside)."""
    return [text for text in texts if HAN.search(QUOTED.sub("", text))]


def column_texts(table: QTableWidget, title: str) -> list[str]:
    """Every cell of the column headed `title`."""
    heads = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    column = heads.index(title)
    return [table.item(row, column).text() for row in range(table.rowCount()) if table.item(row, column)]


def fits_the_screen(window: QWidget) -> list[str]:
    """A window or dialog that cannot be made small enough for a 1366×768 screen."""
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    width, height = SCREEN[0], SCREEN[1] - TITLE_BAR
    found = []
    if hint.width() > width or hint.height() > height:
        found.append(f"{_where(window)} needs {hint.width()}×{hint.height()}, the screen has {width}×{height}")
    if window.width() > width or window.height() > height:
        found.append(f"{_where(window)} opens at {window.width()}×{window.height()}, the screen has {width}×{height}")
    return found


def _where(widget: QWidget) -> str:
    window = widget.window()
    return f"{type(window).__name__}/{type(widget).__name__}{'#' + widget.objectName() if widget.objectName() else ''}"
