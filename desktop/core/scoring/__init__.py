"""Scoring: rubrics read from TOML, scores and reviews per reviewer, suggested scores from what was detected."""
