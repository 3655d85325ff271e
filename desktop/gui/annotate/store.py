"""Undoable annotation and codebook changes: the annotation feature's store.

:class:`AnnotationStore` is the one place the annotation widgets change data. Each method makes its change once
through :meth:`~desktop.gui.undo.UndoableStore.record` (saved at once; a refused change raises before anything is
on the undo stack) and describes its undo step; undo and redo are each one more transaction, refused when another
window changed the annotation or tag since. Every change, undo and redo is announced on the window's change bus:
``annotations`` (with the document) for annotations, ``tags`` and ``annotations`` (any document) for the codebook.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from sqlite_utils import Database

from desktop.core.changes import Changes
from desktop.core.review import annotations as core
from desktop.core.review import codebook
from desktop.core.review.annotations import AnchorState, Annotation, AnnotationError, Content
from desktop.core.review.codebook import CodebookError, Tag, TagMerge, TagRemoval
from desktop.gui.undo import Step, UndoableStore


def _short(text: str, limit: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def annotation_state(annotation_id: str) -> Callable[[Database], Annotation | None]:
    """Reads what an annotation step writes: the annotation, deleted or not (None when there is none)."""
    def read(db: Database) -> Annotation | None:
        try:
            return core.get_annotation(db, annotation_id, include_deleted=True)
        except AnnotationError:
            return None
    return read


def tags_state(*tag_ids: str) -> Callable[[Database], tuple[Tag | None, ...]]:
    """Reads what a codebook step writes: the live tags (None for a deleted or merged one)."""
    def read(db: Database) -> tuple[Tag | None, ...]:
        out: list[Tag | None] = []
        for tag_id in tag_ids:
            try:
                out.append(codebook.get_tag(db, tag_id))
            except CodebookError:
                out.append(None)
        return tuple(out)
    return read


class AnnotationStore(UndoableStore):
    """Runs annotation and codebook changes on the writer thread, with undo; reads through ``reader``."""

    # --- reads ---------------------------------------------------------------------------------------

    def tags(self) -> list[Tag]:
        """The live codebook (the default one is loaded through the writer the first time)."""
        if self.reader is None:
            return []
        if not codebook.codebook_loaded(self.reader):
            self.write(codebook.ensure_default_codebook)
        return codebook.list_tags(self.reader)

    def annotations(self, document_id: str) -> list[Annotation]:
        return core.list_annotations(self.reader, document_id) if self.reader is not None and document_id else []

    def annotation(self, annotation_id: str) -> Annotation:
        assert self.reader is not None
        return core.get_annotation(self.reader, annotation_id)

    def tag_usage(self) -> dict[str, int]:
        return codebook.tag_usage(self.reader) if self.reader is not None else {}

    # --- annotation changes ---------------------------------------------------------------------------

    def _annotation_step(self, text: str, annotation: Annotation, redo: Callable[[Database], object],
                         undo: Callable[[Database], object]) -> Step:
        return Step(text.replace("%1", _short(annotation.quote)), undo=undo, redo=redo,
                    state=annotation_state(annotation.id),
                    changes=Changes.of("annotations", document_ids=[annotation.document_id]))

    def create(self, document_id: str, start: int, end: int, tag_ids: tuple[str, ...] | list[str],
               comment: str = "", criterion_id: str | None = None) -> Annotation:
        return self.record(
            lambda db: core.create_annotation(db, document_id, start, end, reviewer_id=self.reviewer_id,
                                              tag_ids=tuple(tag_ids), comment=comment, criterion_id=criterion_id),
            lambda made: self._annotation_step(QCoreApplication.translate("Annotations", "Annotate “%1”"), made,
                                               redo=lambda db: core.restore_annotation(db, made.id),
                                               undo=lambda db: core.delete_annotation(db, made.id)))

    def edit(self, annotation_id: str, content: Content) -> Annotation:
        old = self.annotation(annotation_id)
        before = core.content_of(old)
        if before == content:
            return old
        return self.record(lambda db: core.set_content(db, annotation_id, content),
                           lambda _new: self._annotation_step(
                               QCoreApplication.translate("Annotations", "Edit annotation “%1”"), old,
                               redo=lambda db: core.set_content(db, annotation_id, content),
                               undo=lambda db: core.set_content(db, annotation_id, before)))

    def delete(self, annotation_id: str) -> Annotation:
        return self.record(lambda db: core.delete_annotation(db, annotation_id),
                           lambda old: self._annotation_step(
                               QCoreApplication.translate("Annotations", "Delete annotation “%1”"), old,
                               redo=lambda db: core.delete_annotation(db, annotation_id),
                               undo=lambda db: core.restore_annotation(db, annotation_id)))

    def place(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Anchor an annotation (an orphan, typically) on a passage the reviewer selected."""
        old = self.annotation(annotation_id)
        before: AnchorState = core.anchor_state(old)

        def step(new: Annotation) -> Step:
            after = core.anchor_state(new)
            return self._annotation_step(QCoreApplication.translate("Annotations", "Place annotation “%1”"), old,
                                         redo=lambda db: core.set_anchor_state(db, annotation_id, after),
                                         undo=lambda db: core.set_anchor_state(db, annotation_id, before))

        return self.record(lambda db: core.place_annotation(db, annotation_id, start, end), step)

    # --- codebook changes -----------------------------------------------------------------------------

    @staticmethod
    def _codebook_step(text: str, tag_ids: tuple[str, ...], redo: Callable[[Database], object],
                       undo: Callable[[Database], object]) -> Step:
        # tags on annotations may have changed in any document
        return Step(text, undo=undo, redo=redo, state=tags_state(*tag_ids), changes=Changes.of("tags", "annotations"))

    def add_tag(self, name: str, color: str, name_en: str = "", description: str = "") -> Tag:
        return self.record(lambda db: codebook.create_tag(db, name, color, name_en=name_en, description=description),
                           lambda tag: self._codebook_step(QCoreApplication.translate("Annotations", "Add tag “%1”").replace("%1", tag.name), (tag.id,),
                                                           redo=lambda db: codebook.restore_tag(db, tag.id),
                                                           undo=lambda db: codebook.delete_tag(db, tag.id)))

    def update_tag(self, tag_id: str, **changes: str) -> Tag:
        """Rename, recolour or re-describe a tag (keyword arguments of codebook.update_tag)."""
        old = codebook.get_tag(self.db, tag_id)
        fields = {"name": old.name, "name_en": old.name_en, "color": old.color, "description": old.description,
                  "description_en": old.description_en}
        back = {k: fields[k] for k in changes}
        label = QCoreApplication.translate("Annotations", "Recolour tag “%1”") if set(changes) == {"color"} else QCoreApplication.translate("Annotations", "Change tag “%1”")
        return self.record(lambda db: codebook.update_tag(db, tag_id, **changes),
                           lambda _new: self._codebook_step(label.replace("%1", old.name), (tag_id,),
                                                            redo=lambda db: codebook.update_tag(db, tag_id, **changes),
                                                            undo=lambda db: codebook.update_tag(db, tag_id, **back)))

    def delete_tag(self, tag_id: str) -> TagRemoval:
        return self.record(lambda db: codebook.delete_tag(db, tag_id),
                           lambda removal: self._codebook_step(
                               QCoreApplication.translate("Annotations", "Delete tag “%1”").replace("%1", removal.tag.name), (tag_id,),
                               redo=lambda db: codebook.delete_tag(db, tag_id),
                               undo=lambda db: codebook.restore_tag(db, tag_id, removal.annotation_ids)))

    def merge_tags(self, source_id: str, target_id: str) -> TagMerge:
        return self.record(lambda db: codebook.merge_tags(db, source_id, target_id),
                           lambda merge: self._codebook_step(
                               QCoreApplication.translate("Annotations", "Merge tag “%1” into “%2”").replace("%1", merge.source.name)
                               .replace("%2", merge.target.name), (source_id, target_id),
                               redo=lambda db: codebook.merge_tags(db, source_id, target_id),
                               undo=lambda db: codebook.unmerge_tags(db, merge)))
