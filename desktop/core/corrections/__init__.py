"""The reviewer's corrections of what detection found (parts and metadata), in one place.

``records`` adds, resets, lists and re-anchors the correction rows (who, when, before, after); ``store`` writes the
effective values they give a document where every reader looks (``documents`` columns, ``sections`` rows);
``apply`` computes those effective values from the automatic ones (pure: no database). The package shares the
storage layer: ``storage/documents.py`` re-applies the corrections (``store``) on every store of a segmentation,
and ``records``/``store`` read and write through ``storage``. Inside it, records > store > apply.
"""
