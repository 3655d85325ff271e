"""One writer per export format (to_csv, to_xlsx, to_docx, to_pdf, to_json) and the streams they write through
(docx_stream); each lays out what desktop.core.export.sheets computes, in bounded memory."""
