"""The domain of ReviewDesk: ingest, cleaning, segmentation, metadata, storage, export.

Nothing under this package may import PySide6 (tests/core/test_layering.py enforces it).
"""
