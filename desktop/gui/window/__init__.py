"""The review window: main_window (MainWindow: corpus and report tabs, the extension points, the undo stack and
the change bus) on its own parts — remembered layout and reading mode, keyboard navigation, menus and their keys,
opening reports, text size, the crash dialog, the settings dialog and the Chinese font check."""
