"""The corpus side of the window: the table of reports with its filters, search, and import."""
