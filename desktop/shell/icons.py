"""Line icons from desktop/assets, drawn in the colour the place needs (dark bar, white page)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

DEFAULT_COLOUR = "#1d3557"
_SIZE = 48  # rendered once, scaled down crisply for 16–24 px use


def asset_path(name: str) -> str:
    """A file in desktop/assets as a path string (style sheets need one)."""
    return str(resources.files("desktop") / "assets" / name)


_ink = [DEFAULT_COLOUR]  # the colour of icons that ask for none: set by desktop.shell.style (light or dark)


def use_ink(colour: str) -> None:
    """Draw icons that ask for no colour in `colour` from now on."""
    if colour != _ink[0]:
        _ink[0] = colour
        _render.cache_clear()


def icon(name: str, colour: str = "") -> QIcon:
    """The icon `name` (desktop/assets/<name>.svg) with its strokes in `colour` (else the style's
    ink); empty if absent."""
    return _render(name, colour or _ink[0])


@lru_cache(maxsize=None)
def _render(name: str, colour: str) -> QIcon:
    source = resources.files("desktop") / "assets" / f"{name}.svg"
    if not source.is_file():
        return QIcon()
    svg = source.read_text(encoding="utf-8").replace(DEFAULT_COLOUR, colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(_SIZE, _SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QIcon(QPixmap.fromImage(image))
