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


@lru_cache(maxsize=None)
def icon(name: str, colour: str = DEFAULT_COLOUR) -> QIcon:
    """The icon `name` (desktop/assets/<name>.svg) with its strokes in `colour`; empty if absent."""
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
