"""The evaluation summary (评估报告): a draft of the assessment of a whole batch of reviewed reports.

- :mod:`numbers` is the one seam to the score model (finals, grades, ranks, agreement, number formatting);
- :mod:`facts` reads everything the summary states from the database, in a few bulk queries;
- :mod:`model` holds the draft's structure (chapters of paragraphs, tables, quotes and charts), where every
  sentence knows the stored figures and quotes it was built from;
- :mod:`chapters` drafts the eight chapters from the facts by rules (no sentence without a stored source);
- :mod:`edits` stores the reviewer's rewrites and quote picks; :mod:`draft` puts generated text and rewrites
  together and flags a rewrite whose figures changed since;
- :mod:`to_docx`, :mod:`to_pdf`, :mod:`to_md` render a draft; :mod:`letters` writes the per-report result letters
  (反馈意见书); :mod:`write` is the entry point the CLI and the GUI call (target checks, atomic writes).
"""
