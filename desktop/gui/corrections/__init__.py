"""The reviewer's corrections of detected parts and metadata: context menus on the text and outline, the metadata
editor, and their undoable store (desktop.core.corrections.records does the work)."""
