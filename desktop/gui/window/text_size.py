"""The report text's size (Ctrl+= / Ctrl+- / Ctrl+0, File › Settings) and the reading column of reading mode.

Every report text of the window (the report tab and both side-by-side panes: each
:class:`~desktop.gui.reading.text_pane.TextPane`) shows the same size; the size is kept in the user's settings and
comes back at the next start. In reading mode the text is set in a centred column of at most
:data:`READING_COLUMN_CHARS` characters a line (long lines tire the eye; at 1920 px they ran to 110 characters).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal

from desktop.gui.reading.text_pane import DEFAULT_POINT_SIZE, TextPane

TEXT_SIZE_KEY = "reading/text_size"
# The sizes Ctrl+= and Ctrl+- step through (points); the default is the reading font's.
SIZES = (8.0, 9.0, 10.0, 10.5, 11.5, 12.5, 14.0, 16.0, 18.0, 20.0, 24.0, 28.0, 32.0)
READING_COLUMN_CHARS = 40  # characters a line in reading mode (a column of 35-45 Chinese characters reads best)


def clamp_size(size: float) -> float:
    """A size within the offered range (a hand-edited or foreign setting is brought back into it)."""
    return max(SIZES[0], min(SIZES[-1], size))


def saved_text_size(settings: QSettings) -> float:
    """The remembered size, or the default (a missing or unreadable value is the default)."""
    value = settings.value(TEXT_SIZE_KEY, DEFAULT_POINT_SIZE)
    try:
        size = float(str(value))
    except ValueError:
        return DEFAULT_POINT_SIZE
    return clamp_size(size) if size == size else DEFAULT_POINT_SIZE  # NaN: the default


def larger(size: float) -> float:
    return next((s for s in SIZES if s > size + 0.01), SIZES[-1])


def smaller(size: float) -> float:
    return next((s for s in reversed(SIZES) if s < size - 0.01), SIZES[0])


class TextSize(QObject):
    """Applies the remembered text size to every report text of ``window`` and changes it on request."""

    changed = Signal(float)

    def __init__(self, settings: QSettings, panes: Callable[[], list[TextPane]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._panes = panes
        self.size = saved_text_size(settings)

    def apply(self) -> None:
        """Give every report text the current size (after the settings changed, or a pane was made)."""
        for pane in self._panes():
            pane.set_point_size(self.size)

    def set_size(self, size: float) -> None:
        size = clamp_size(size)
        if size != self.size:
            self.size = size
            self._settings.setValue(TEXT_SIZE_KEY, size)
            self.changed.emit(size)
        self.apply()

    def reload(self) -> None:
        """Read the size from the settings again (the settings dialog wrote it) and apply it."""
        self.set_size(saved_text_size(self._settings))

    def bigger(self) -> None:
        self.set_size(larger(self.size))

    def smaller(self) -> None:
        self.set_size(smaller(self.size))

    def reset(self) -> None:
        self.set_size(DEFAULT_POINT_SIZE)

    def set_reading_column(self, on: bool) -> None:
        """Reading mode: each report text in a centred column of READING_COLUMN_CHARS characters (off: full width)."""
        for pane in self._panes():
            pane.set_max_line_chars(READING_COLUMN_CHARS if on else None)
