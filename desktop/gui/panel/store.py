"""The panel lead's decisions, made undoable: final score per criterion, final comment (评审意见) and grade (等次).

:class:`AdjudicationStore` is the one place the panel view changes data. Each change runs once through
desktop.core.panel.adjudication on the writer thread (a value the rubric refuses raises before anything is on the
undo stack), goes onto the window's QUndoStack and is announced on the window's change bus as a change of
``scores`` for the report (the panel's numbers follow from the scores and the decisions).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.errors import ReviewDeskError
from desktop.core.panel import adjudication as adj
from desktop.core.panel.summary import PanelSummary, ReportPanel, panel_summary, report_panel
from desktop.core.scoring.numbers import fmt
from desktop.core.scoring.rubric import Rubric, active_rubric_readonly
from desktop.core.scoring.rules import FINAL_RULE_KEY, final_rule, rule_label, set_final_rule
from desktop.core.storage.settings import get_setting
from desktop.gui.undo import Step, UndoableStore

_COMMENT_ID = 0x5045  # merge id: typing the final comment is one undo step per report


class AdjudicationStore(UndoableStore):
    """Reads the panel (through ``reader``) and records the lead's decisions with undo, under the lead's name.

    ``ask_name`` (set by the panel's controller) asks the lead's name once when none is saved on this computer,
    as a reviewer's is asked: a decision is never recorded without who made it.
    """

    ask_name: Callable[[], str | None] | None = None

    def lead(self) -> str:
        """Who decides: the name saved on this computer, else asked once; refused (ReviewDeskError) without one."""
        if not self.reviewer_name.strip() and self.ask_name is not None:
            self.reviewer_name = (self.ask_name() or "").strip()
        if not self.reviewer_name.strip():
            raise ReviewDeskError(QCoreApplication.translate("Panel", "A decision is recorded with the name of who made it: give your name and "
                                      "decide again."))
        return self.reviewer_name

    def rubric(self) -> Rubric | None:
        return active_rubric_readonly(self.reader) if self.reader is not None else None

    # --- reads -----------------------------------------------------------------------------------------

    def summary(self) -> PanelSummary | None:
        return panel_summary(self.reader) if self.reader is not None else None

    def report(self, document_id: str) -> ReportPanel | None:
        return report_panel(self.reader, document_id) if self.reader is not None and document_id else None

    # --- changes ---------------------------------------------------------------------------------------

    def _step(self, text: str, document_id: str, state: Callable[[Database], object],
              undo: Callable[[Database], object], redo: Callable[[Database], object], merge_id: int = -1,
              merge_key: object = None) -> Step:
        return Step(text, undo=undo, redo=redo, state=state, merge_id=merge_id, merge_key=merge_key,
                    changes=Changes.of("scores", document_ids=[document_id]))

    def set_final(self, document_id: str, criterion_id: str, value: float | None, *,
                  not_applicable: bool = False) -> adj.FinalScoreChange:
        """Decide a criterion's final score (``value`` None without not applicable: back to the default)."""
        rubric = self.rubric()
        assert rubric is not None
        title = rubric.criterion(criterion_id).title
        by = self.lead() if value is not None or not_applicable else self.reviewer_name

        def change(db: Database) -> adj.FinalScoreChange:
            if value is None and not not_applicable:
                return adj.clear_final_score(db, document_id, rubric, criterion_id)
            return adj.set_final_score(db, document_id, rubric, criterion_id, value, by,
                                       not_applicable=not_applicable)

        def state(db: Database) -> object:
            return adj.get_final_scores(db, document_id, rubric.id).get(criterion_id)

        def put(final: adj.FinalScore | None) -> Callable[[Database], object]:
            return lambda db: adj.put_final_score(db, document_id, rubric, criterion_id, final)

        if value is None and not not_applicable:
            text = QCoreApplication.translate("Panel", "Final score of “%1”: default").replace("%1", title)
        else:
            shown = QCoreApplication.translate("Panel", "not applicable") if not_applicable else fmt(value)
            text = QCoreApplication.translate("Panel", "Final score of “%1”: %2").replace("%1", title).replace("%2", shown)
        return self.record(change, lambda c: self._step(text, document_id, state, put(c.old), put(c.new)))

    def _adjudication(self, text: str, document_id: str, change: Callable[[Database], adj.AdjudicationChange],
                      merge_id: int = -1) -> adj.AdjudicationChange:
        rubric = self.rubric()
        assert rubric is not None

        def state(db: Database) -> object:
            return adj.get_adjudication(db, document_id, rubric.id)

        def put(value: adj.Adjudication | None) -> Callable[[Database], object]:
            return lambda db: adj.put_adjudication(db, document_id, rubric, value)

        return self.record(change, lambda c: self._step(text, document_id, state, put(c.old), put(c.new),
                                                        merge_id, ("comment", document_id)))

    def set_comment(self, document_id: str, comment: str) -> adj.AdjudicationChange:
        """Set the report's final comment (评审意见); typing merges into one undo step."""
        rubric, by = self.rubric(), self.lead()
        assert rubric is not None
        return self._adjudication(QCoreApplication.translate("Panel", "Panel comment"), document_id,
                                  lambda db: adj.set_final_comment(db, document_id, rubric, comment, by), _COMMENT_ID)

    def set_grade(self, document_id: str, grade: str | None) -> adj.AdjudicationChange:
        """Choose the report's grade (等次) by hand; None: the grade follows from the final total."""
        rubric, by = self.rubric(), self.lead()
        assert rubric is not None
        text = QCoreApplication.translate("Panel", "Grade: %1").replace("%1", grade) if grade else QCoreApplication.translate("Panel", "Grade: from the final total")
        return self._adjudication(text, document_id, lambda db: adj.set_grade(db, document_id, rubric, grade, by))

    def confirm_final(self, document_id: str, criterion_id: str) -> adj.FinalScoreChange:
        """Keep a decision that needs re-checking (需复核) as it is: it now rests on the reviewers' current values."""
        rubric = self.rubric()
        assert rubric is not None
        title, by = rubric.criterion(criterion_id).title, self.lead()

        def state(db: Database) -> object:
            return adj.get_final_scores(db, document_id, rubric.id).get(criterion_id)

        def put(final: adj.FinalScore | None) -> Callable[[Database], object]:
            return lambda db: adj.put_final_score(db, document_id, rubric, criterion_id, final)

        text = QCoreApplication.translate("Panel", "Confirm the decision on “%1”").replace("%1", title)
        return self.record(lambda db: adj.confirm_final_score(db, document_id, rubric, criterion_id, by),
                           lambda c: self._step(text, document_id, state, put(c.old), put(c.new)))

    def settle(self, document_id: str) -> adj.AdjudicationChange:
        """The lead's 裁定 of the report: its disagreements are resolved as the finals now stand."""
        rubric, by = self.rubric(), self.lead()
        assert rubric is not None
        return self._adjudication(QCoreApplication.translate("Panel", "Settle the report (裁定)"), document_id,
                                  lambda db: adj.settle_report(db, document_id, rubric, by))

    def check(self, document_id: str) -> adj.AdjudicationChange:
        """The report's 复核: its finals, grade and reviewers' values checked as they are now."""
        rubric, by = self.rubric(), self.lead()
        assert rubric is not None
        return self._adjudication(QCoreApplication.translate("Panel", "Check the report (复核)"), document_id,
                                  lambda db: adj.check_report(db, document_id, rubric, by))

    def rule(self) -> str:
        """The panel's final-score rule (desktop.core.scoring.rules.final_rule)."""
        rubric = self.rubric()
        return final_rule(self.reader, rubric) if self.reader is not None and rubric is not None else "mean"

    def set_rule(self, rule: str | None) -> tuple[str, str]:
        """Choose the project's final-score rule (None: follow the rubric); undoable like a decision."""
        def state(db: Database) -> object:
            return get_setting(db, FINAL_RULE_KEY) or ""

        def change(db: Database) -> tuple[str, str]:
            old = str(state(db))
            set_final_rule(db, rule)
            return old, rule or ""

        def put(value: str) -> Callable[[Database], object]:
            return lambda db: set_final_rule(db, value or None)

        text = QCoreApplication.translate("Panel", "Final score rule: %1").replace("%1", rule_label(rule) if rule else QCoreApplication.translate("Panel", "the rubric's"))
        return self.record(change, lambda c: Step(text, undo=put(c[0]), redo=put(c[1]), state=state,
                                                  changes=Changes.of("scores")))
