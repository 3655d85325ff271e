"""Undoable annotation and codebook changes, and the store that runs them.

:class:`AnnotationStore` is the one place the annotation widgets change data: each method does the change
once through the database's writer thread (so a refused change raises before anything is on the undo
stack), then pushes a QUndoCommand whose undo/redo are each one more saved transaction. The store emits
``annotations_changed(document_id)`` ('' when many documents may be affected) and ``codebook_changed()``
after every change, undo and redo, so views re-read what they show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlite_utils import Database

from desktop.core.review import annotations as core
from desktop.core.review import codebook
from desktop.core.review.annotations import AnchorState, Annotation, Content
from desktop.core.review.codebook import Tag, TagMerge, TagRemoval
from desktop.core.storage.executor import DatabaseExecutor

T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Annotations", text)


def _short(text: str, limit: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class AnnotationStore(QObject):
    """Runs annotation and codebook changes on the writer thread, with undo; reads through ``reader``."""

    annotations_changed = Signal(str)
    codebook_changed = Signal()
    failed = Signal(str)  # a message for the reader when an undo/redo could not be applied

    def __init__(self, executor: DatabaseExecutor | None, reader: Database | None, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.executor = executor
        self.reader = reader
        self.undo_stack = undo_stack
        self.reviewer_id: str | None = None
        self.reviewer_name = ""

    def set_database(self, executor: DatabaseExecutor | None, reader: Database | None) -> None:
        self.executor, self.reader = executor, reader
        self.reviewer_id = None
        self.codebook_changed.emit()
        self.annotations_changed.emit("")

    @property
    def ready(self) -> bool:
        return self.executor is not None and self.reader is not None

    def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, ...)`` as one transaction on the writer thread and return its result."""
        if self.executor is None:
            raise RuntimeError(_tr("No database is open."))
        return self.executor.call(fn, *args, **kwargs)

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

    def create(self, document_id: str, start: int, end: int, tag_ids: tuple[str, ...] | list[str],
               comment: str = "", criterion_id: str | None = None) -> Annotation:
        made = self.write(core.create_annotation, document_id, start, end, reviewer_id=self.reviewer_id,
                          tag_ids=tuple(tag_ids), comment=comment, criterion_id=criterion_id)
        self._push(_AnnotationCommand(self, _tr("Annotate “%1”").replace("%1", _short(made.quote)), document_id,
                                      redo=lambda db: core.restore_annotation(db, made.id),
                                      undo=lambda db: core.delete_annotation(db, made.id)))
        return made

    def edit(self, annotation_id: str, content: Content) -> Annotation:
        old = self.annotation(annotation_id)
        before = core.content_of(old)
        if before == content:
            return old
        new = self.write(core.set_content, annotation_id, content)
        self._push(_AnnotationCommand(self, _tr("Edit annotation “%1”").replace("%1", _short(old.quote)),
                                      old.document_id, redo=lambda db: core.set_content(db, annotation_id, content),
                                      undo=lambda db: core.set_content(db, annotation_id, before)))
        return new

    def delete(self, annotation_id: str) -> Annotation:
        old = self.write(core.delete_annotation, annotation_id)
        self._push(_AnnotationCommand(self, _tr("Delete annotation “%1”").replace("%1", _short(old.quote)),
                                      old.document_id, redo=lambda db: core.delete_annotation(db, annotation_id),
                                      undo=lambda db: core.restore_annotation(db, annotation_id)))
        return old

    def place(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Anchor an annotation (an orphan, typically) on a passage the reviewer selected."""
        old = self.annotation(annotation_id)
        before: AnchorState = core.anchor_state(old)
        new = self.write(core.place_annotation, annotation_id, start, end)
        after = core.anchor_state(new)
        self._push(_AnnotationCommand(self, _tr("Place annotation “%1”").replace("%1", _short(old.quote)),
                                      old.document_id,
                                      redo=lambda db: core.set_anchor_state(db, annotation_id, after),
                                      undo=lambda db: core.set_anchor_state(db, annotation_id, before)))
        return new

    # --- codebook changes -----------------------------------------------------------------------------

    def add_tag(self, name: str, color: str, name_en: str = "", description: str = "") -> Tag:
        tag = self.write(codebook.create_tag, name, color, name_en=name_en, description=description)
        self._push(_CodebookCommand(self, _tr("Add tag “%1”").replace("%1", tag.name),
                                    redo=lambda db: codebook.restore_tag(db, tag.id),
                                    undo=lambda db: codebook.delete_tag(db, tag.id)))
        return tag

    def update_tag(self, tag_id: str, **changes: str) -> Tag:
        """Rename, recolour or re-describe a tag (keyword arguments of codebook.update_tag)."""
        old = codebook.get_tag(self.reader, tag_id)
        new = self.write(codebook.update_tag, tag_id, **changes)
        fields = {"name": old.name, "name_en": old.name_en, "color": old.color, "description": old.description,
                  "description_en": old.description_en}
        back = {k: fields[k] for k in changes}
        label = _tr("Recolour tag “%1”") if set(changes) == {"color"} else _tr("Change tag “%1”")
        self._push(_CodebookCommand(self, label.replace("%1", old.name),
                                    redo=lambda db: codebook.update_tag(db, tag_id, **changes),
                                    undo=lambda db: codebook.update_tag(db, tag_id, **back)))
        return new

    def delete_tag(self, tag_id: str) -> TagRemoval:
        removal = self.write(codebook.delete_tag, tag_id)
        self._push(_CodebookCommand(self, _tr("Delete tag “%1”").replace("%1", removal.tag.name),
                                    redo=lambda db: codebook.delete_tag(db, tag_id),
                                    undo=lambda db: codebook.restore_tag(db, tag_id, removal.annotation_ids)))
        return removal

    def merge_tags(self, source_id: str, target_id: str) -> TagMerge:
        merge = self.write(codebook.merge_tags, source_id, target_id)
        self._push(_CodebookCommand(self, _tr("Merge tag “%1” into “%2”").replace("%1", merge.source.name)
                                    .replace("%2", merge.target.name),
                                    redo=lambda db: codebook.merge_tags(db, source_id, target_id),
                                    undo=lambda db: codebook.unmerge_tags(db, merge)))
        return merge

    # --- plumbing -------------------------------------------------------------------------------------

    def _push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)  # its first redo() only announces: the change is already saved

    def _apply(self, fn: Callable[[Database], object], command: QUndoCommand) -> bool:
        try:
            self.write(fn)
        except Exception as exc:  # e.g. a tag restored under a name taken meanwhile: say so, drop the step
            command.setObsolete(True)
            self.failed.emit(_tr("“%1” could not be applied: %2").replace("%1", command.text()).replace("%2", str(exc)))
            return False
        return True


class _StoreCommand(QUndoCommand):
    """A change already made once; undo/redo run one transaction each, then tell the store's listeners."""

    def __init__(self, store: AnnotationStore, text: str, redo: Callable[[Database], object],
                 undo: Callable[[Database], object]) -> None:
        super().__init__(text)
        self.store = store
        self._redo, self._undo = redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        elif not self.store._apply(self._redo, self):
            return
        self.announce()

    def undo(self) -> None:
        if self.store._apply(self._undo, self):
            self.announce()

    def announce(self) -> None:
        raise NotImplementedError


class _AnnotationCommand(_StoreCommand):
    def __init__(self, store: AnnotationStore, text: str, document_id: str, redo: Callable[[Database], object],
                 undo: Callable[[Database], object]) -> None:
        super().__init__(store, text, redo, undo)
        self.document_id = document_id

    def announce(self) -> None:
        self.store.annotations_changed.emit(self.document_id)


class _CodebookCommand(_StoreCommand):
    def announce(self) -> None:
        self.store.codebook_changed.emit()
        self.store.annotations_changed.emit("")  # tags on annotations may have changed anywhere
