"""Reading a report: the report view, side by side, the text pane, the metadata header and the outline."""
