"""A review's submitted versions in the interface language (shared by the scoring and panel features): the score form after a reopen lists them, the panel
view says what a reviewer's last resubmission changed. The versions and their differences come from
``desktop.core.scoring.versions``; points are formatted by ``core.scoring.numbers.fmt``, times shown local."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication

from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.versions import Difference, ReviewVersion, version_changes


def local_time(stamp: str) -> str:
    """A stored UTC time stamp as local ``YYYY-MM-DD HH:MM`` (as stored when it is not a time stamp)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


def _points(value: object) -> str:
    return fmt(value) if isinstance(value, int | float) else "—"


def change_text(change: Difference, criteria: Mapping[str, str]) -> str:
    """One difference between two versions (``criteria``: id -> title in the interface language)."""
    if change.what == "overall_comment":
        return QCoreApplication.translate("Scoring", "overall comment changed")
    title = criteria.get(change.what, change.what)
    if change.field == "value":
        return (QCoreApplication.translate("Scoring", "%1: %2 → %3").replace("%1", title)
                .replace("%2", _points(change.before)).replace("%3", _points(change.after)))
    if change.field == "not_applicable":
        return (QCoreApplication.translate("Scoring", "%1 marked not applicable") if change.after else
                QCoreApplication.translate("Scoring", "%1 no longer marked not applicable")).replace("%1", title)
    if change.field == "na_reason":
        return QCoreApplication.translate("Scoring", "%1: reason for not applicable changed").replace("%1", title)
    return QCoreApplication.translate("Scoring", "%1: note changed").replace("%1", title)


def version_lines(versions: Sequence[ReviewVersion], criteria: Mapping[str, str]) -> list[str]:
    """Each submitted version (number, when, by whom), then what changed from the one before, indented."""
    out: list[str] = []
    for previous, version in zip([None, *versions], versions, strict=False):
        out.append(QCoreApplication.translate("Scoring", "version %1: submitted %2 by %3")
                   .replace("%1", str(version.version)).replace("%2", local_time(version.submitted_at))
                   .replace("%3", version.submitted_by or "—"))
        if previous is not None:
            out += ["    " + change_text(d, criteria) for d in version_changes(previous, version)]
    return out


def resubmission_line(name: str, versions: Sequence[ReviewVersion], criteria: Mapping[str, str]) -> str:
    """A reviewer who submitted more than once: how often, when last, and what the last resubmission changed."""
    before, after = versions[-2], versions[-1]
    changes = [change_text(d, criteria) for d in version_changes(before, after)]
    return (QCoreApplication.translate("Scoring", "%1: submitted %2 times, last %3: %4")
            .replace("%1", name or "—").replace("%2", str(after.version)).replace("%3", local_time(after.submitted_at))
            .replace("%4", QCoreApplication.translate("Scoring", "; ").join(changes)
                     or QCoreApplication.translate("Scoring", "no value changed")))
