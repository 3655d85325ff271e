"""The main window's own parts: remembered layout and reading mode, keyboard navigation, the crash dialog, the
settings dialog and the Chinese font check (desktop.gui.main_window assembles them)."""
