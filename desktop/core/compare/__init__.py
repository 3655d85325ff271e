"""Comparing reports: text reuse, alignment of parts, and the map between document and display offsets. Pure."""
