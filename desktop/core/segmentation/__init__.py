"""Segmentation: clutter, heading outline, kinds of parts, metadata. Pure: text in, spans out (no storage)."""
