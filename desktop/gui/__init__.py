"""The Qt GUI: thin widgets and documented models over desktop.core. All PySide6 imports live here."""
