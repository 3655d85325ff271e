"""The Summary tab (评估报告): the evaluation summary drafted from the database, rewritten paragraph by paragraph,
exported as docx/pdf/md, and the per-report result letters."""
