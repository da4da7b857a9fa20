"""The look of Slipdesk in one place: a calm, legible style for a screen used all day.

Widgets only set object names ("formSection", "fieldError", "primaryButton" …); the colours
and spacing belong here.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from desktop.shell.icons import asset_path

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
QLabel#deadlineQuestion {{ color: #7a3e00; background: {WARNING_BG}; border: 1px solid #f0c36d; border-radius: 4px;
                          padding: 4px 6px; }}
QPushButton#quickChoice {{ padding: 2px 8px; min-height: 0; }}
QLabel#doneBanner {{ color: #1e5631; background: #e7f4ea; border: 1px solid #b7dfc0; border-radius: 6px;
                     padding: 8px 10px; }}
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
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox {{
    background: white; border: 1px solid #c2ccd7; border-radius: 4px; padding: 4px 6px;
    selection-background-color: {ACCENT}; }}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QDateTimeEdit:focus, QDateEdit:focus {{
    border: 1px solid {ACCENT}; }}
QLineEdit:disabled, QComboBox:disabled, QDateTimeEdit:disabled {{ background: #eef1f4; color: {MUTED}; }}
QComboBox::drop-down, QDateTimeEdit::drop-down, QDateEdit::drop-down {{ border: none; width: 22px; }}
QComboBox::down-arrow, QDateTimeEdit::down-arrow, QDateEdit::down-arrow {{ image: url(%ARROW%); width: 10px; height: 10px; }}
QAbstractSpinBox {{ background: white; border: 1px solid #c2ccd7; border-radius: 4px; padding: 4px 22px 4px 6px; }}
QAbstractSpinBox:focus {{ border: 1px solid {ACCENT}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: 20px; border: none; border-left: 1px solid #dde3ea; background: transparent; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 4px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; border-bottom-right-radius: 4px; }}
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{ background: #eef3f8; }}
QAbstractSpinBox::up-arrow {{ image: url(%ARROW_UP%); width: 9px; height: 9px; }}
QAbstractSpinBox::down-arrow {{ image: url(%ARROW%); width: 9px; height: 9px; }}
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{ image: none; }}
*[invalid="true"] {{ border: 1px solid #d93025; background: #fff6f5; }}
QPushButton {{ background: white; border: 1px solid #b9c4d0; border-radius: 4px; padding: 5px 14px; }}
QPushButton:hover {{ background: #eef3f8; }}
QPushButton:default {{ border: 1px solid {ACCENT}; }}
QPushButton#primaryButton {{ background: {ACCENT}; color: white; border: 1px solid #285f9a; font-weight: 600; }}
QPushButton#primaryButton:hover {{ background: #285f9a; }}
QPushButton:disabled {{ color: {MUTED}; background: #eef1f4; border-color: {LINE}; }}
QPushButton#primaryButton:disabled {{ background: #a9c1db; color: #f4f7fa; border-color: #a9c1db; font-weight: 600; }}
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
QFrame#choiceCard QRadioButton::indicator {{ width: 12px; height: 12px; border-radius: 7px;
                                             border: 1px solid #8796a8; background: white; }}
QFrame#choiceCard QRadioButton::indicator:checked {{ border: 4px solid {ACCENT}; width: 6px; height: 6px; }}
QLabel#mergeBase {{ color: {MUTED}; background: #eef1f4; border-radius: 6px; padding: 8px 10px; }}
"""


# ----- the system's dark mode
#
# The style sheet above is written in light colours. On a dark system (Qt follows the platform's
# colour scheme; the palette turns dark), each colour is swapped for its dark counterpart by the
# property it paints — a background, a text, a border — so every rule, including rules added
# later, stays readable without a second style sheet to keep in step.

DARK_BACKGROUNDS = {
    "white": "#1e252d", PAPER: "#14191f", "#f8fafc": "#232b34", "#eef3f8": "#2a3441", "#e9f0f7": "#1d2a37",
    "#eef1f4": "#2a3038", "#f0f3f7": "#232a33", "#fffbea": "#3a3420", "#fdecea": "#3f2321", WARNING_BG: "#3b2f1c",
    "#fff6f5": "#3f2422", "#e3edf8": "#243448", "#eef4fb": "#22344a", "#d6e6f7": "#2d4a6b", "#a9c1db": "#2b3f55",
    "#e7f4ea": "#1d3324",
}
DARK_TEXTS = {
    INK: "#e3e8ee", MUTED: "#9fb0c2", NAVY: "#9cc3ee", ERROR: "#ff8a80", "#7a3e00": "#ffc46b", "#f4f7fa": "#8ea3ba",
    "#1e5631": "#8fd6a0",
}
DARK_LINES = {
    LINE: "#3a4552", "#c2ccd7": "#4a5666", "#b9c4d0": "#4a5666", "#d3e0ee": "#34495e", "#f5c2bd": "#7a3a35",
    "#f0c36d": "#7a5a20", "#e3cf7a": "#6b5d2a", "#b7c9dd": "#4f6a88", "#edf1f5": "#2c343e",
    "#b7dfc0": "#2f5a3a",
}
# Colours the code paints itself (lists, highlights, charts), light and dark.
COLOURS = {
    "ink": (INK, "#e3e8ee"),
    "muted": (MUTED, "#9fb0c2"),
    "overdue": (ERROR, "#ff8a80"),
    "match_background": ("#ffe58f", "#6b5a10"),
    "broken": ("#8b0000", "#ff8a80"),
    "icon": (NAVY, "#c9d7e6"),
}
_PROPERTY = re.compile(r"(?<=[{;\s])([a-z-]+)(\s*:\s*)([^;{}]+)")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|\bwhite\b")
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)pt")

LARGER_TEXT_KEY = "ui/larger_text"  # QSettings: the View menu's "Larger text"
LARGER = 1.25  # how much larger the text is with "Larger text" on

_state = {"dark": False, "base_size": 0.0, "watching": False, "fusion": False}


def application(argv: list[str]) -> QApplication:
    """The QApplication, made in the Fusion style from the start: asked on its command line, as
    setting it afterwards (`apply`) hands a QStyle to Python and brings its eleven enum classes
    with it, ~12 ms of start-up before the window is painted."""
    _state["argv"] = [*argv[:1], "-style", "Fusion", *argv[1:]]  # Qt keeps reading the list it was given
    app = QApplication(_state["argv"])
    _state["fusion"] = True
    return app


def is_dark(app: QApplication) -> bool:
    """Whether the system (or a forced palette) is dark: the window colour decides."""
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark() -> bool:
    """Whether the style in force is the dark one (for colours the code paints itself)."""
    return _state["dark"]


def colour(name: str) -> QColor:
    """A colour from COLOURS for the style in force."""
    light, dark_colour = COLOURS[name]
    return QColor(dark_colour if _state["dark"] else light)


def themed(sheet: str, dark_scheme: bool) -> str:
    """The style sheet with each light colour swapped for its dark counterpart when `dark_scheme`."""
    if not dark_scheme:
        return sheet

    def swap(match: re.Match) -> str:
        name, colon, value = match.groups()
        if name in ("color", "selection-color"):
            table = DARK_TEXTS
        elif name.startswith("border") or name == "gridline-color":
            table = DARK_LINES
        elif name.startswith("background") or name == "selection-background-color":
            table = DARK_BACKGROUNDS
        else:
            return match.group(0)
        return name + colon + _COLOUR.sub(lambda c: table.get(c.group(0).lower(), c.group(0)), value)

    return _PROPERTY.sub(swap, sheet)


def scaled(sheet: str, scale: float) -> str:
    """Headings and figures grow with the text: every pt size in the sheet times `scale`."""
    if scale == 1:
        return sheet
    return _FONT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * scale:.1f}pt", sheet)


def _arrow(ink: str, direction: str = "down") -> str:
    """The combo and spin boxes' arrow in `ink` as a file the style sheet can name."""
    asset = f"chevron-{direction}.svg"
    if ink == NAVY:
        return asset_path(asset).replace("\\", "/")
    path = Path(tempfile.gettempdir()) / f"slipdesk-chevron-{direction}-{ink.lstrip('#')}.svg"
    if not path.exists():
        source = Path(asset_path(asset)).read_text(encoding="utf-8")
        path.write_text(source.replace(NAVY, ink), encoding="utf-8")
    return str(path).replace("\\", "/")


def larger_text_wanted() -> bool:
    from desktop.shell.session import setting

    return setting(LARGER_TEXT_KEY, False) in (True, "true")


def apply(app: QApplication, larger: bool | None = None) -> None:
    """Fusion everywhere (the style sheet looks the same on every platform), CJK-capable fonts,
    light or dark as the system is, the text larger when the desk asked for it (`larger`, else
    the remembered choice). Called again, it restyles every open window at once."""
    if larger is None:
        larger = larger_text_wanted()
    if not _state["fusion"] and app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    if not _state["base_size"]:
        _state["base_size"] = max(app.font().pointSizeF(), 10.0)
    scale = LARGER if larger else 1.0
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSizeF(_state["base_size"] * scale)
    app.setFont(font)
    _state["dark"] = is_dark(app)
    from desktop.shell import icons

    icons.use_ink(COLOURS["icon"][1 if _state["dark"] else 0])
    ink = colour("icon").name()
    sheet = (themed(STYLESHEET, _state["dark"]).replace("%ARROW_UP%", _arrow(ink, "up"))
             .replace("%ARROW%", _arrow(ink)))
    app.setStyleSheet(scaled(sheet, scale))
    if not _state["watching"]:
        _state["watching"] = True
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app, larger_text_wanted()))
