"""What each exported sheet holds, in no file format: the tables of the xlsx and csv (tables, panel_table), the
review and panel sheets of the docx and pdf (review_sheet), and the panel dashboard's numbers and charts
(dashboard, charts). The writers in desktop.core.export.formats only lay these out."""
