"""Scoring in the GUI: the score panel and its commands, the review overview and the export dialog."""
