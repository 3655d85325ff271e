"""The panel lead's small actions: assign the selected reports to reviewers, import a reviewer's filled-in sheet.

- Corpus table context menu › Assign to Reviewers…: the selected reports to the reviewers chosen (every one of
  them, or k per report, balanced), one undoable step (desktop.core.panel.assignments).
- File › Import Scores…: a csv/xlsx review sheet and the reviewer's name, imported on a worker through the
  writer thread (desktop.core.exchange.score_import); the problems, if any, are listed in a dialog (nothing is
  stored then), else a summary.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.exchange.score_import import ScoreImportError, ScoreImportResult, import_scores
from desktop.core.panel.assignments import (
    Assignment,
    assign,
    assign_balanced,
    delete_assignments,
    existing_assignment_ids,
    restore_assignments,
)
from desktop.core.progress import Progress
from desktop.core.review.reviewers import ReviewerNameError, get_or_create_reviewer, list_reviewers
from desktop.core.storage.executor import DatabaseExecutor
from desktop.gui import dialogs, workers
from desktop.gui.panel.store import AdjudicationStore
from desktop.gui.review_window import ReviewWindow
from desktop.gui.reviewer_name import saved_name
from desktop.gui.undo import Step


def import_scores_with_executor(executor: DatabaseExecutor, path: str, reviewer: str, *,
                                progress: Progress) -> ScoreImportResult:
    """Import a sheet on a worker: the whole import is one call on the writer thread (all or nothing)."""
    progress.update(0, 1, Path(path).name)
    result = executor.call(import_scores, path, reviewer)
    progress.update(1, 1, Path(path).name)
    return result


class PanelActions(QObject):
    """Assign to Reviewers… (corpus table) and Import Scores… (File menu)."""

    def __init__(self, window: ReviewWindow, store: AdjudicationStore) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        self.assign_action = QAction(self)
        self.assign_action.setObjectName("assignReviewers")
        self.assign_action.triggered.connect(self.assign_selected)
        self.import_action = QAction(self)
        self.import_action.setObjectName("importScores")
        self.import_action.triggered.connect(self.import_scores)
        self.task: workers.Task | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.assign_action.setText(QCoreApplication.translate("Scoring", "Assign to Reviewers…"))
        self.assign_action.setToolTip(QCoreApplication.translate("Scoring", "Assign the selected reports to reviewers (all of them, or k per report)"))
        self.import_action.setText(QCoreApplication.translate("Scoring", "Import Scores…"))
        self.import_action.setToolTip(QCoreApplication.translate("Scoring", "Import a reviewer's scores from a filled-in review sheet (csv/xlsx)"))

    # --- assign -----------------------------------------------------------------------------------------

    def assign_selected(self) -> list[Assignment] | None:
        """Assign the selected reports to reviewers chosen in a dialog; one undoable step. The assignments made."""
        if not self.store.ready:
            return None
        ids = self.window.selected_document_ids()
        if not ids:
            dialogs.info(self.window, QCoreApplication.translate("Scoring", "Assign to Reviewers"), QCoreApplication.translate("Scoring", "Select the reports to assign first."))
            return None
        known = [r.name for r in list_reviewers(self.store.db)]
        text = QCoreApplication.translate("Scoring", "Assign %1 selected report(s) to:").replace("%1", str(len(ids)))
        choice = dialogs.choose_reviewers(self.window, QCoreApplication.translate("Scoring", "Assign to Reviewers"), text, known)
        if choice is None:
            return None
        names, per_report = choice
        if not names:
            dialogs.warning(self.window, QCoreApplication.translate("Scoring", "Assign to Reviewers"), QCoreApplication.translate("Scoring", "Choose or type at least one reviewer."))
            return None
        if per_report is not None and per_report > len(names):
            dialogs.warning(self.window, QCoreApplication.translate("Scoring", "Assign to Reviewers"),
                            QCoreApplication.translate("Scoring", "Each report cannot get %1 reviewers from %2.").replace("%1", str(per_report))
                            .replace("%2", str(len(names))))
            return None
        by = self.store.reviewer_name or saved_name(self.window.settings)  # the lead need not be a reviewer

        def change(db: Database) -> list[Assignment]:
            reviewer_ids = [get_or_create_reviewer(db, n).id for n in names]
            if per_report is None:
                return assign(db, ids, reviewer_ids, by)
            return assign_balanced(db, ids, reviewer_ids, per_report, by)

        def step(added: list[Assignment]) -> Step:
            added_ids = [a.id for a in added]

            def state(db: Database) -> object:
                return existing_assignment_ids(db, added_ids)

            return Step(QCoreApplication.translate("Scoring", "Assign %1 report(s)").replace("%1", str(len(ids))),
                        undo=lambda db: delete_assignments(db, added_ids),
                        redo=lambda db: restore_assignments(db, added), state=state,
                        changes=Changes.of("reviews", document_ids=ids))

        try:
            added = self.store.record(change, step)
        except ReviewerNameError as exc:  # a look-alike of an existing reviewer's name: nothing was assigned
            dialogs.warning(self.window, QCoreApplication.translate("Scoring", "Assign to Reviewers"), str(exc))
            return None
        self.window.statusBar().showMessage(QCoreApplication.translate("Scoring", "%1 assignment(s) added").replace("%1", str(len(added))), 8000)
        return added

    # --- import scores ----------------------------------------------------------------------------------

    def import_scores(self, path: str | None = None, reviewer: str | None = None) -> workers.Task | None:
        """Ask for a sheet and a reviewer's name (unless given), then import on a worker; the task."""
        if not self.store.ready or self.task is not None:
            return None
        path = path or dialogs.open_file(self.window, QCoreApplication.translate("Scoring", "Import Scores"),
                                         QCoreApplication.translate("Scoring", "Review sheets (*.xlsx *.csv);;All files (*)"))
        if not path:
            return None
        if reviewer is None:
            names = [r.name for r in list_reviewers(self.store.db)]
            reviewer = dialogs.get_text(self.window, QCoreApplication.translate("Scoring", "Import Scores"),
                                        QCoreApplication.translate("Scoring", "Whose scores are in %1? (reviewers: %2)").replace("%1", Path(path).name)
                                        .replace("%2", "、".join(names) or "—"))
        if not reviewer or not reviewer.strip():
            return None
        self.import_action.setEnabled(False)
        self.task = workers.run_task(import_scores_with_executor, self.store.executor, path, reviewer.strip(),
                                     name="import scores")
        self.task.done.connect(lambda result: self._imported(path, result))
        self.task.failed.connect(lambda exc: self._failed(path, exc))
        self.task.finished.connect(self._finished)
        return self.task

    def _finished(self) -> None:
        self.task = None
        self.import_action.setEnabled(True)

    def _imported(self, path: str, result: ScoreImportResult) -> None:
        self.store.announce(Changes.of("scores", "reviews", document_ids=result.document_ids))
        text = (QCoreApplication.translate("Scoring", "Imported %1's scores for %2 report(s): %3 submitted, %4 in progress.")
                .replace("%1", result.reviewer).replace("%2", str(result.reports))
                .replace("%3", str(result.submitted)).replace("%4", str(result.in_progress)))
        if result.skipped_other_reviewers:
            text += " " + QCoreApplication.translate("Scoring", "%1 row(s) of other reviewers skipped.").replace(
                "%1", str(result.skipped_other_reviewers))
        dialogs.info(self.window, QCoreApplication.translate("Scoring", "Scores imported"), text)

    def _failed(self, path: str, exc: object) -> None:
        if isinstance(exc, ScoreImportError):
            rows = [(str(i), p) for i, p in enumerate(exc.problems, 1)]
            dialogs.show_table(self.window, QCoreApplication.translate("Scoring", "Scores not imported"),
                               QCoreApplication.translate("Scoring", "Nothing was imported from %1: correct these %2 problem(s) in the sheet and "
                                   "import it again.").replace("%1", Path(path).name)
                               .replace("%2", str(len(exc.problems))),
                               [QCoreApplication.translate("Scoring", "No."), QCoreApplication.translate("Scoring", "Problem")], rows)
        else:
            dialogs.error(self.window, QCoreApplication.translate("Scoring", "Scores not imported"), str(exc))


def install_panel_actions(window: ReviewWindow, store: AdjudicationStore) -> PanelActions:
    """Add Assign to Reviewers… to the corpus table and Import Scores… to the File menu."""
    actions = PanelActions(window, store)
    window.add_corpus_action(actions.assign_action)
    window.add_import_action(actions.import_action)
    return actions
