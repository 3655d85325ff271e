"""The main window's layout: first-start sizes, docks and splitters remembered across restarts, reading mode.

A mixin of :class:`~desktop.gui.window.main_window.MainWindow` (it arranges the window's splitters and docks), plus the
:class:`EmptyHint` shown over an empty view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.gui.plain import PlainLabel

# Bumped whenever docks or splitters change: a state saved by another layout version is not restored (it would
# put docks in places that no longer make sense) and the default layout is used instead.
LAYOUT_VERSION = 3
PREFERRED_SIZE = QSize(1600, 1000)
# Widths of the side columns at first start (the report text gets the rest, >= 55 % of a 1600 px window).
# The corpus column has the agency names to tell apart (issue 18: at 1280 px 20 px more for it shows a 梨树县 agency
# by its place and 5 characters of its body instead of 3); the docks give them up (text unchanged).
LEFT_WIDTH = (340, 360)   # corpus column at first start: on a 1200 px window, preferred (agency names readable)
DOCK_WIDTH = (270, 320)   # right docks: first-start width on a 1200 px window, preferred
LEFT_GROWTH = 0.2         # the corpus column's share of a window's width beyond 1600 px (the text gets the rest)
DOCK_MINIMUM = 250        # a dock's minimum width (the window's minimum width stays under 1,000 px)
LEFT_MINIMUM = 200        # the corpus column's minimum width


def default_window_size(available: QSize) -> QSize:
    """The first-start window size: 1600x1000 where the screen has room, else what the screen's work area allows
    (minus a margin for the window frame), never below a usable minimum."""
    width = min(PREFERRED_SIZE.width(), available.width() - 16)
    height = min(PREFERRED_SIZE.height(), available.height() - 40)
    return QSize(max(width, 900), max(height, 560))


def side_widths(width: int) -> tuple[int, int]:
    """(corpus column, right docks) widths for a window this wide: the text column gets the rest."""
    share = max(0.0, min(1.0, (width - 1200) / 400))  # 0 at 1200 px, 1 at 1600 px and above
    left = round(LEFT_WIDTH[0] + share * (LEFT_WIDTH[1] - LEFT_WIDTH[0]) + LEFT_GROWTH * max(0, width - 1600))
    dock = round(DOCK_WIDTH[0] + share * (DOCK_WIDTH[1] - DOCK_WIDTH[0]))
    return left, dock


if TYPE_CHECKING:  # a mixin of MainWindow: typed as the window it is mixed into
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QSplitter

    from desktop.gui.review_window import ReviewWindow as _WindowBase
    from desktop.gui.window.text_size import TextSize
else:
    _WindowBase = object


class WindowLayout(_WindowBase):
    """Layout persistence (versioned saveState/restoreState of docks and splitters) and reading mode (F11)."""

    splitter: QSplitter
    left: QSplitter
    reading_action: QAction
    text_size: TextSize
    _reading_mode: list[QWidget] | None
    _compare_hidden: list[QWidget] | None
    _state_restored: bool

    # -- reading mode ----------------------------------------------------------------------------------
    def reading_mode(self) -> bool:
        return self._reading_mode is not None

    def toggle_reading_mode(self) -> None:
        """F11: hide the corpus column and every dock and set the text in a centred column to read; again brings
        back exactly what was shown."""
        if self._reading_mode is None:
            hidden: list[QWidget] = [d for d in self.findChildren(QDockWidget) if d.isVisible()]
            if self.left.isVisible():
                hidden.append(self.left)
            for widget in hidden:
                widget.hide()
            self._reading_mode = hidden
            self.text_size.set_reading_column(True)
        else:
            self._leave_reading_mode()
        self.reading_action.setChecked(self._reading_mode is not None)

    def _leave_reading_mode(self) -> None:
        if self._reading_mode is None:
            return
        for widget in self._reading_mode:
            widget.show()
        self._reading_mode = None
        self.text_size.set_reading_column(False)
        self.reading_action.setChecked(False)

    # -- side by side ----------------------------------------------------------------------------------
    def _on_view_tab(self, index: int) -> None:
        """Side by side takes the whole window: the corpus column and the docks hide while it is shown (each pane
        then gets a readable line on a 1366 px screen) and come back as they were on the report tab. A dock shown
        again by the reviewer while side by side stays."""
        compare = index == self.tabs.indexOf(self.compare_view)
        if compare and self._compare_hidden is None and self._reading_mode is None:
            hidden: list[QWidget] = [d for d in self.findChildren(QDockWidget)
                                     if d.isVisible() and not d.isFloating()]
            if self.left.isVisible():
                hidden.append(self.left)
            focus = self.focusWidget()  # the window's focus widget, also while another window is active
            if focus is not None and any(w is focus or w.isAncestorOf(focus) for w in hidden):
                # The keyboard goes to the pane worked in, not wherever Qt would move it from a hidden panel.
                self.working_view().text.setFocus(Qt.FocusReason.OtherFocusReason)
            for widget in hidden:
                widget.hide()
            self._compare_hidden = hidden
        elif not compare and self._compare_hidden is not None:
            hidden, self._compare_hidden = self._compare_hidden, None
            if self._reading_mode is None:
                for widget in hidden:
                    widget.show()
            else:  # reading mode began side by side: leaving it brings them back
                self._reading_mode += [w for w in hidden if w not in self._reading_mode]

    # -- the corpus column follows the window's width -------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """A wider window widens the corpus column too (its agency names), a narrower one narrows it, along
        :func:`side_widths` and in proportion to the width the reviewer gave it; the text keeps the rest."""
        super().resizeEvent(event)
        old, new = event.oldSize().width(), event.size().width()
        sizes = self.splitter.sizes()
        if old <= 0 or new == old or not self.isVisible() or len(sizes) != 2 or sizes[0] <= 0:
            return
        left = round(sizes[0] * side_widths(new)[0] / side_widths(old)[0])
        if left != sizes[0]:
            self.splitter.setSizes([left, max(sum(sizes) - left, 1)])

    # -- layout persistence ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if not self._state_restored:
            self.restore_layout()
        super().showEvent(event)
        self.fit_to_screen()

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """Keep the whole window on the screen it is on (a size saved at another scale or on a larger screen is
        cut to the work area, and the window moved into it); when even the window's minimum width does not fit,
        the corpus column and the docks are hidden as in reading mode (F11 brings them back)."""
        screen = self.screen()
        if screen is None or self.isMaximized() or self.isFullScreen():
            return
        area = screen.availableGeometry()
        if self.minimumSizeHint().width() > area.width() and self._reading_mode is None and self.isVisible():
            self.toggle_reading_mode()
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the smaller minimum size applies before the window is resized
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = max(min(self.width(), area.width() - extra_w), 1)
        height = max(min(self.height(), area.height() - extra_h), 1)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() + 1 - frame.width())
        y = min(max(frame.y(), area.y()), area.bottom() + 1 - frame.height())
        x, y = max(x, area.x()), max(y, area.y())  # too big still: its top-left corner stays on the screen
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    def _state_key(self, name: str) -> str:
        return f"window/v{LAYOUT_VERSION}/{name}"

    def set_tab_order(self) -> None:
        """Tab goes corpus filters → corpus table → search → report text → annotations → score criteria."""
        chain: list[QWidget] = [self.corpus_panel.agency_edit, self.corpus_panel.year_combo,
                                self.corpus_panel.missing_combo, self.corpus_panel.table,
                                self.search_panel.edit, self.search_panel.view, self.report_view.text]
        for name in ("annotationsDock", "scorePanel"):
            dock = self.findChild(QDockWidget, name)
            if dock is not None and dock.widget() is not None:
                proxy = dock.widget().focusProxy()
                chain.append(proxy if proxy is not None else dock.widget())
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def restore_layout(self) -> bool:
        """Put docks and splitters where the reviewer left them; call once every dock is added (the app does it
        before showing the window; showing it does it otherwise). False when the default layout was used."""
        self._state_restored = True
        self.set_tab_order()
        state = self.settings.value(self._state_key("state"))
        restored = (isinstance(state, QByteArray | bytes) and bool(state)
                    and self.restoreState(QByteArray(state), LAYOUT_VERSION))
        splitters_restored = True
        for splitter in (self.splitter, self.left):
            value = self.settings.value(self._state_key(splitter.objectName()))
            ok = isinstance(value, QByteArray | bytes) and bool(value) and splitter.restoreState(QByteArray(value))
            splitters_restored = splitters_restored and ok
        if not restored:
            self._default_dock_layout()
        if not splitters_restored:
            self._default_splitter_sizes()
        return restored and splitters_restored

    def _default_dock_layout(self) -> None:
        """First start: the annotation list above the score form, which is tabbed with the shortcomings aids (score in
        front); docks that open on demand (retrieved segments) stay closed."""
        docks = {d.objectName(): d for d in self.findChildren(QDockWidget)}
        for name in getattr(self, "_hidden_by_default", set()):
            if name in docks:
                docks[name].hide()
        annotations, aids, score = (docks.get(n) for n in ("annotationsDock", "shortcomingsAidsDock", "scorePanel"))
        right = Qt.DockWidgetArea.RightDockWidgetArea
        if annotations is not None and score is not None:
            self.splitDockWidget(annotations, score, Qt.Orientation.Vertical)
        if aids is not None and score is not None:
            self.tabifyDockWidget(score, aids)
            score.raise_()
        shown = [d for d in (annotations, score) if d is not None and self.dockWidgetArea(d) == right]
        _left, dock_width = side_widths(self.width())
        if shown:
            self.resizeDocks(shown[:1], [dock_width], Qt.Orientation.Horizontal)
        if len(shown) == 2:
            height = self.height()
            self.resizeDocks(shown, [height * 3 // 10, height * 7 // 10], Qt.Orientation.Vertical)

    def _default_splitter_sizes(self) -> None:
        width, height = self.width(), max(self.height() - 120, 400)
        left, _dock = side_widths(width)
        self.splitter.setSizes([left, max(width - left, 400)])
        self.left.setSizes([height * 45 // 100, height * 33 // 100, height * 22 // 100])

    def save_layout(self) -> None:
        """Remember geometry, docks and splitters (as shown outside reading mode)."""
        # save the layout the reviewer works in, not the reading view or side by side
        reading = (self._reading_mode or []) + (self._compare_hidden or [])
        if reading:
            for widget in reading:
                widget.show()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue(self._state_key("state"), self.saveState(LAYOUT_VERSION))
        for splitter in (self.splitter, self.left):
            self.settings.setValue(self._state_key(splitter.objectName()), splitter.saveState())
        for widget in reading:
            widget.hide()
        self.settings.sync()


class EmptyHint(PlainLabel):
    """A centred sentence over an empty view saying what to do; hidden while the text is empty."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("emptyHint")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#emptyHint { color: #555; background: palette(base); padding: 24px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.installEventFilter(self)
        self.hide()

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        parent = self.parentWidget()
        if text and parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

