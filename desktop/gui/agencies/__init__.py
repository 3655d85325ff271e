"""Agencies over the years in the review window: timeline, promise tracker, shared text, calibration aids."""
