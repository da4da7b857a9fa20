"""The look of Slipdesk in one place: a calm, legible style for a screen used all day.

Widgets only set object names ("formSection", "fieldError", "primaryButton" …); the colours
and spacing belong here.
"""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from desktop.icons import asset_path

# Faces with good Chinese glyphs on each platform, in order of preference.
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "Sans Serif"]

INK = "#1f2d3d"
MUTED = "#5b6b7d"
ACCENT = "#2f6fb3"
NAVY = "#1d3557"
LINE = "#d5dde6"
PAPER = "#f4f6f9"
ERROR = "#b3261e"
WARNING_BG = "#fff4e5"

STYLESHEET = f"""
QMainWindow, QDialog {{ background: {PAPER}; }}
QWidget {{ color: {INK}; }}
QLabel#pageHeading {{ font-size: 17pt; font-weight: 600; color: {NAVY}; }}
QLabel#mutedText, QLabel#sectionNote, QLabel#fieldHint {{ color: {MUTED}; }}
QLabel#sideHeading {{ font-weight: 600; color: {NAVY}; font-size: 11pt; }}
QLabel#ruleText {{ color: {INK}; }}
QLabel#fieldError {{ color: {ERROR}; font-weight: 600; }}
QLabel#formError {{ color: {ERROR}; background: #fdecea; border: 1px solid #f5c2bd; border-radius: 6px;
                    padding: 8px 10px; }}
QLabel#warningBanner {{ color: #7a3e00; background: {WARNING_BG}; border: 1px solid #f0c36d;
                        border-radius: 6px; padding: 10px 12px; font-weight: 600; }}
QLabel#readBackText {{ background: #fffbea; border: 1px dashed #e3cf7a; border-radius: 6px; padding: 8px;
                       font-size: 11pt; }}
QLabel#complaintText {{ font-size: 12pt; padding: 4px 2px 8px 2px; }}
QLabel#slipNumberLarge {{ font-size: 30pt; font-weight: 700; color: {NAVY}; }}
QLabel#savedSummary {{ font-size: 11pt; }}
QLabel#statusChip {{ background: #e3edf8; color: {NAVY}; border-radius: 10px; padding: 3px 10px;
                     font-weight: 600; }}
QLabel#overdueChip {{ background: #fdecea; color: {ERROR}; border-radius: 10px; padding: 3px 10px;
                      font-weight: 600; }}
QGroupBox#formSection, QGroupBox#viewSection {{ background: white; border: 1px solid {LINE}; border-radius: 8px;
                             margin-top: 26px; padding: 12px 12px 10px 12px; }}
QGroupBox#formSection::title, QGroupBox#viewSection::title {{ subcontrol-origin: margin; left: 4px; top: 4px;
                                   color: {NAVY}; font-weight: 600; font-size: 11pt; }}
QFrame#formSide {{ background: #e9f0f7; border: 1px solid #d3e0ee; border-radius: 8px; }}
QFrame#formSide QLabel {{ background: transparent; }}
QWidget#formBody, QWidget#viewBody {{ background: {PAPER}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateTimeEdit, QDateEdit, QSpinBox {{
    background: white; border: 1px solid #c2ccd7; border-radius: 4px; padding: 4px 6px;
    selection-background-color: {ACCENT}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateTimeEdit:focus, QDateEdit:focus {{
    border: 1px solid {ACCENT}; }}
QLineEdit:disabled, QComboBox:disabled, QDateTimeEdit:disabled {{ background: #eef1f4; color: {MUTED}; }}
QComboBox::drop-down, QDateTimeEdit::drop-down, QDateEdit::drop-down {{ border: none; width: 22px; }}
QComboBox::down-arrow, QDateTimeEdit::down-arrow, QDateEdit::down-arrow {{ image: url(%ARROW%); width: 10px; height: 10px; }}
*[invalid="true"] {{ border: 1px solid #d93025; background: #fff6f5; }}
QPushButton {{ background: white; border: 1px solid #b9c4d0; border-radius: 4px; padding: 5px 14px; }}
QPushButton:hover {{ background: #eef3f8; }}
QPushButton:default {{ border: 1px solid {ACCENT}; }}
QPushButton#primaryButton {{ background: {ACCENT}; color: white; border: 1px solid #285f9a; font-weight: 600; }}
QPushButton#primaryButton:hover {{ background: #285f9a; }}
QListWidget#navigation {{ background: {NAVY}; color: #dbe4ee; border: none; outline: none;
                          font-size: 11pt; padding-top: 8px; }}
QListWidget#navigation::item {{ padding: 9px 10px; border-radius: 6px; margin: 2px 8px; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: white; }}
QListWidget#navigation::item:hover:!selected {{ background: #284a73; }}
QLabel#navBrand {{ background: {NAVY}; color: white; font-size: 14pt; font-weight: 700; padding: 14px 16px 4px 16px; }}
QLabel#navEstate {{ background: {NAVY}; color: #9fb3c8; padding: 0 16px 10px 16px; }}
QToolBar#intakeBar {{ background: white; border: none; border-bottom: 1px solid {LINE}; spacing: 6px;
                      padding: 6px 10px; }}
QToolBar#intakeBar QToolButton {{ border: 1px solid {LINE}; border-radius: 6px; padding: 5px 10px;
                                  background: #f8fafc; }}
QToolBar#intakeBar QToolButton:hover {{ background: #e9f0f7; border-color: #b7c9dd; }}
QToolBar#slipActions {{ background: transparent; border: none; spacing: 6px; }}
QToolBar#slipActions QToolButton {{ background: white; border: 1px solid #b9c4d0; border-radius: 4px;
                                    padding: 4px 12px; }}
QToolBar#slipActions QToolButton:hover {{ background: #eef3f8; border-color: {ACCENT}; }}
QStatusBar {{ background: white; border-top: 1px solid {LINE}; color: {MUTED}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 8px; }}
QTableWidget, QTableView {{ background: white; border: 1px solid {LINE}; gridline-color: #edf1f5;
                            selection-background-color: #d6e6f7; selection-color: {INK}; }}
QHeaderView::section {{ background: #f0f3f7; border: none; border-bottom: 1px solid {LINE};
                        padding: 5px 6px; font-weight: 600; color: {MUTED}; }}
QScrollArea {{ background: transparent; }}
QPushButton#dashboardCard {{ background: white; border: 1px solid {LINE}; border-radius: 8px; }}
QPushButton#dashboardCard:checked {{ background: #eef4fb; border: 2px solid {ACCENT}; }}
QPushButton#dashboardCard[warning="true"] {{ background: #fdecea; border: 1px solid #f5c2bd; }}
QLabel#cardCount {{ font-size: 20pt; font-weight: 700; color: {NAVY}; background: transparent; }}
QPushButton#dashboardCard[warning="true"] QLabel#cardCount {{ color: {ERROR}; }}
QLabel#cardTitle {{ color: {MUTED}; background: transparent; }}
QDialog#lockScreen {{ background: {NAVY}; }}
QFrame#lockCard {{ background: white; border-radius: 12px; }}
QFrame#lockCard QLabel {{ background: transparent; }}
QLabel#lockUser {{ font-size: 12pt; font-weight: 600; }}
QPushButton#linkButton {{ background: transparent; border: none; color: {ACCENT}; padding: 5px 2px;
                          text-decoration: underline; }}
QFrame#choiceCard {{ background: white; border: 1px solid {LINE}; border-radius: 6px; }}
QFrame#choiceCard[chosen="true"] {{ background: #eef4fb; border: 2px solid {ACCENT}; }}
QFrame#choiceCard QLabel, QFrame#choiceCard QRadioButton {{ background: transparent; }}
QLabel#mergeBase {{ color: {MUTED}; background: #eef1f4; border-radius: 6px; padding: 8px 10px; }}
"""


def apply(app: QApplication) -> None:
    """Fusion everywhere (the style sheet looks the same on every platform), CJK-capable fonts."""
    app.setStyle("Fusion")
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(STYLESHEET.replace("%ARROW%", asset_path("chevron-down.svg").replace("\\", "/")))
