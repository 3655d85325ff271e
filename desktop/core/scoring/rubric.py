"""Rubrics: declarative scoring criteria read from TOML, validated, weighted, and stored with their content.

A rubric file (resources/rubrics/*.toml) declares criteria, each with an id, Chinese and English titles and
descriptions, ``max_points``, ``weight``, an optional ``step`` and a descriptor for each score level; the weights
add up to the rubric's ``weights_total``. The weighted total of a report is ``sum(points / max_points * weight)``.

A rubric's identity in the database is derived from the sha256 of its file content, so editing a rubric makes a
new rubric row and scores made under the old content keep pointing at the old content (never rewritten).

For panel review a rubric may also declare (all optional, validated like the rest):

- per criterion ``allow_na = true``: a reviewer may mark the criterion not applicable (with a reason); the total is
  then taken over the applicable criteria and scaled back to ``weights_total`` (see :meth:`Rubric.weighted_total`);
- per criterion ``disagreement = N``: reviewers disagree on the criterion when their scores spread (max - min) by
  N points or more on the criterion's own scale (its levels), and ``disagreement_total = N`` on the weighted total;
- grade bands (等次) as ``[[grades]]`` tables with ``label``, ``label_en`` and ``min`` (the lowest total in the
  band); one band must start at 0 so that every total gets a grade;
- ``final_rule``: how the final score is made (:data:`FINAL_RULES`; see desktop.core.scoring.rules), unless the
  project setting says otherwise.
"""

from __future__ import annotations

import hashlib
import math
import tomllib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from sqlite_utils import Database

from desktop.core.clock import now_iso
from desktop.core.errors import ReviewDeskError
from desktop.core.resources import resource_path
from desktop.core.scoring.numbers import exact, half_up
from desktop.core.storage.database import one
from desktop.core.storage.settings import get_setting, set_setting

RUBRICS_DIR = resource_path("rubrics")
DEFAULT_RUBRIC_PATH = RUBRICS_DIR / "default.toml"
SCHEMA_VERSION = 1
# The suggesters desktop.core.scoring.suggestions implements; a rubric names one per objective criterion.
KNOWN_SUGGESTERS = ("completeness", "timeliness", "formalities")
_ACTIVE_KEY = "active_rubric_id"
# Rubric ids in the database are uuid5(namespace, sha256): the same content gets the same id in every database.
_NAMESPACE = uuid.UUID("6f1c1c52-2f5e-4b8e-9a55-3d1f0c7a2b10")
_EPS = 1e-9
# How a report's final score is made from its complete reviews (desktop.core.scoring.rules): the mean of the
# reviewers' totals (the default most panels use), their median, their mean without the highest and the lowest
# (from 5 reviewers up), or the weighted total of each criterion's mean. The lead may override a criterion in all.
FINAL_RULES = ("mean", "median", "trimmed", "criteria")


class RubricError(ReviewDeskError):
    """A rubric file is not valid: says which file and lists every problem found."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: the rubric is not valid ({len(problems)} problem(s)); fix the file and load "
                         f"it again:\n{lines}")


@dataclass(frozen=True)
class Level:
    """One score level of a criterion and what a report at that level looks like."""

    points: float
    label: str
    label_en: str
    descriptor: str
    descriptor_en: str


@dataclass(frozen=True)
class Criterion:
    """One rubric criterion: range, weight, level descriptors and (optionally) the suggester it uses."""

    id: str
    title: str
    title_en: str
    description: str
    description_en: str
    max_points: float
    weight: float
    step: float
    levels: tuple[Level, ...]
    suggest: str | None = None
    allow_na: bool = False
    disagreement: float | None = None  # spread (max - min, in points) from which reviewers disagree

    def level_for(self, points: float | None) -> Level | None:
        """The highest level at or below ``points`` (levels are anchors; values between them share the lower)."""
        if points is None:
            return None
        for level in self.levels:  # sorted high to low
            if points + _EPS >= level.points:
                return level
        return None

    def is_valid_value(self, points: float) -> bool:
        """Whether ``points`` is within [0, max_points] and a multiple of the step."""
        if not math.isfinite(points) or points < -_EPS or points > self.max_points + _EPS:
            return False
        ratio = points / self.step
        return abs(ratio - round(ratio)) < 1e-6

    def weighted(self, points: float) -> float:
        return points / self.max_points * self.weight

    def round_to_step(self, points: float) -> float:
        """``points`` rounded to the nearest multiple of the step (halves up), within [0, max_points].

        This is how a default final score is made from the mean of several reviewers' scores.
        """
        steps = math.floor(points / self.step + 0.5 + 1e-9)
        return min(self.max_points, max(0.0, round(steps * self.step, 6)))


@dataclass(frozen=True)
class Grade:
    """A grade band (等次): totals from ``min`` up to the next band's ``min`` get this label."""

    label: str
    label_en: str
    min: float


@dataclass(frozen=True)
class Rubric:
    """A validated rubric with the exact text it was parsed from."""

    key: str
    name: str
    name_en: str
    version: str
    description: str
    description_en: str
    weights_total: float
    criteria: tuple[Criterion, ...]
    content: str
    sha256: str
    grades: tuple[Grade, ...] = ()  # sorted high to low
    disagreement_total: float | None = None
    final_rule: str | None = None  # one of FINAL_RULES; None: the project's setting, else "mean"

    @property
    def id(self) -> str:
        """The id this rubric has in every database (derived from its content)."""
        return str(uuid.uuid5(_NAMESPACE, self.sha256))

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(f"the rubric {self.name!r} has no criterion {criterion_id!r}")

    def exact_total(self, values: Mapping[str, float | None], not_applicable: Iterable[str] = ()) -> Fraction:
        """The exact weighted total of the scored criteria (unscored ones count 0), out of ``weights_total``.

        Criteria in ``not_applicable`` are left out and the rest scaled up to ``weights_total``, so a report is
        not penalised for a criterion that does not apply to it (all of them not applicable: 0). Taken on the
        decimal values the numbers stand for (desktop.core.scoring.numbers), never on binary floats.
        """
        na = set(not_applicable)
        total = Fraction(0)
        applicable = Fraction(0)
        for c in self.criteria:
            if c.id in na:
                continue
            applicable += exact(c.weight)
            v = values.get(c.id)
            if v is not None:
                total += exact(v) / exact(c.max_points) * exact(c.weight)
        if na and applicable > 0:
            total = total * exact(self.weights_total) / applicable
        return total

    def weighted_total(self, values: Mapping[str, float | None], not_applicable: Iterable[str] = ()) -> float:
        """:meth:`exact_total` rounded half up (四舍五入) to 2 decimals: the total a reviewer's review shows."""
        return float(half_up(self.exact_total(values, not_applicable)))

    def grade_for(self, total: float | None) -> Grade | None:
        """The grade band a total falls in (None without a total or without bands)."""
        if total is None:
            return None
        for grade in self.grades:  # high to low
            if total + _EPS >= grade.min:
                return grade
        return None


def _text(table: dict, key: str, where: str, problems: list[str], *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        problems.append(f"{where}: '{key}' must be text, not {type(value).__name__}")
        return ""
    if required and not value.strip():
        problems.append(f"{where}: '{key}' is missing or empty")
    return value.strip()


def _number(table: dict, key: str, where: str, problems: list[str], default: float | None = None) -> float | None:
    if key not in table:
        if default is None:
            problems.append(f"{where}: '{key}' is missing")
        return default
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        problems.append(f"{where}: '{key}' must be a number, not {value!r}")
        return None
    return float(value)


def _parse_levels(raw: object, where: str, max_points: float | None, step: float | None,
                  problems: list[str]) -> tuple[Level, ...]:
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: needs a descriptor for each score level ([[criteria.levels]] with points and "
                        "descriptor)")
        return ()
    levels: list[Level] = []
    seen: set[float] = set()
    for j, item in enumerate(raw, 1):
        lw = f"{where}, level {j}"
        if not isinstance(item, dict):
            problems.append(f"{lw}: must be a table")
            continue
        points = _number(item, "points", lw, problems)
        descriptor = _text(item, "descriptor", lw, problems)
        label = _text(item, "label", lw, problems)
        if points is None:
            continue
        if max_points is not None and not (-_EPS <= points <= max_points + _EPS):
            problems.append(f"{lw}: points {points:g} is outside the criterion's range 0–{max_points:g}")
        elif step and abs(points / step - round(points / step)) > 1e-6:
            problems.append(f"{lw}: points {points:g} is not a multiple of the step {step:g}")
        if points in seen:
            problems.append(f"{lw}: points {points:g} appears in more than one level")
        seen.add(points)
        levels.append(Level(points, label, _text(item, "label_en", lw, problems, required=False), descriptor,
                            _text(item, "descriptor_en", lw, problems, required=False)))
    if max_points is not None and levels:
        if max_points not in seen:
            problems.append(f"{where}: no level describes the top score {max_points:g}")
        if 0 not in seen:
            problems.append(f"{where}: no level describes the score 0")
    return tuple(sorted(levels, key=lambda lv: -lv.points))


def _parse_criterion(item: object, index: int, problems: list[str]) -> Criterion | None:
    where = f"criterion {index}"
    if not isinstance(item, dict):
        problems.append(f"{where}: must be a table ([[criteria]])")
        return None
    cid = _text(item, "id", where, problems)
    if cid:
        where = f"criterion {index} ({cid})"
        if not cid.replace("_", "").replace("-", "").isalnum() or not cid.isascii():
            problems.append(f"{where}: the id may only hold ASCII letters, digits, '_' and '-'")
    title = _text(item, "title", where, problems)
    title_en = _text(item, "title_en", where, problems)
    description = _text(item, "description", where, problems)
    description_en = _text(item, "description_en", where, problems, required=False)
    max_points = _number(item, "max_points", where, problems)
    weight = _number(item, "weight", where, problems)
    step = _number(item, "step", where, problems, default=1.0)
    if max_points is not None and max_points <= 0:
        problems.append(f"{where}: max_points must be greater than 0, not {max_points:g}")
        max_points = None
    if weight is not None and weight < 0:
        problems.append(f"{where}: weight must not be negative ({weight:g})")
    if step is not None and step <= 0:
        problems.append(f"{where}: step must be greater than 0, not {step:g}")
        step = None
    if max_points is not None and step and abs(max_points / step - round(max_points / step)) > 1e-6:
        problems.append(f"{where}: max_points {max_points:g} is not a multiple of the step {step:g}")
    suggest = item.get("suggest")
    if suggest is not None and suggest not in KNOWN_SUGGESTERS:
        problems.append(f"{where}: unknown suggest {suggest!r}; use one of {', '.join(KNOWN_SUGGESTERS)} or leave "
                        "it out")
        suggest = None
    levels = _parse_levels(item.get("levels"), where, max_points, step, problems)
    allow_na = item.get("allow_na", False)
    if not isinstance(allow_na, bool):
        problems.append(f"{where}: 'allow_na' must be true or false, not {allow_na!r}")
        allow_na = False
    disagreement = _number(item, "disagreement", where, problems) if "disagreement" in item else None
    if disagreement is not None and (disagreement <= 0 or (max_points is not None
                                                           and disagreement > max_points + _EPS)):
        problems.append(f"{where}: disagreement {disagreement:g} must be greater than 0 and at most "
                        f"max_points ({max_points:g})" if max_points is not None else
                        f"{where}: disagreement {disagreement:g} must be greater than 0")
    known = {"id", "title", "title_en", "description", "description_en", "max_points", "weight", "step",
             "suggest", "levels", "allow_na", "disagreement"}
    for key in sorted(set(item) - known):
        problems.append(f"{where}: unknown key {key!r}")
    if max_points is None or weight is None or step is None:
        return None
    return Criterion(cid, title, title_en, description, description_en, max_points, weight, step, levels,
                     suggest, allow_na, disagreement)


def _parse_grades(raw: object, weights_total: float | None, problems: list[str]) -> tuple[Grade, ...]:
    """The ``[[grades]]`` bands, high to low; every problem named by band number."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        problems.append("rubric: 'grades' must be a list of [[grades]] tables with label and min")
        return ()
    grades: list[Grade] = []
    for i, item in enumerate(raw, 1):
        where = f"grade {i}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be a table ([[grades]])")
            continue
        label = _text(item, "label", where, problems)
        if label:
            where = f"grade {i} ({label})"
        label_en = _text(item, "label_en", where, problems, required=False)
        low = _number(item, "min", where, problems)
        for key in sorted(set(item) - {"label", "label_en", "min"}):
            problems.append(f"{where}: unknown key {key!r}")
        if low is None:
            continue
        if low < 0 or (weights_total is not None and low > weights_total + _EPS):
            problems.append(f"{where}: min {low:g} is outside the total's range 0–{weights_total:g}"
                            if weights_total is not None else f"{where}: min {low:g} must not be negative")
        grades.append(Grade(label, label_en, low))
    labels = [g.label for g in grades if g.label]
    for dup in sorted({x for x in labels if labels.count(x) > 1}):
        problems.append(f"grade label {dup!r} is used more than once")
    mins = [g.min for g in grades]
    for low in sorted({x for x in mins if mins.count(x) > 1}):
        problems.append(f"more than one grade starts at {low:g}; each band needs its own min")
    if grades and len(grades) == len(raw) and all(abs(g.min) > _EPS for g in grades):
        problems.append("no grade starts at 0: give the lowest band min = 0 so that every total gets a grade")
    return tuple(sorted(grades, key=lambda g: -g.min))


def parse_rubric(content: str, source: str = "<rubric>") -> Rubric:
    """Parse and validate rubric TOML text; raise :class:`RubricError` listing every problem."""
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        raise RubricError(source, [f"not valid TOML: {exc}"]) from None
    problems: list[str] = []
    schema = data.get("schema", SCHEMA_VERSION)
    if schema != SCHEMA_VERSION:
        problems.append(f"schema {schema!r} is not supported (this version of ReviewDesk reads schema "
                        f"{SCHEMA_VERSION})")
    key = _text(data, "id", "rubric", problems)
    name = _text(data, "name", "rubric", problems)
    name_en = _text(data, "name_en", "rubric", problems, required=False)
    version = data.get("version")
    if isinstance(version, int | float) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or not version.strip():
        problems.append("rubric: 'version' is missing (give it as text, e.g. version = \"1.0\")")
        version = ""
    weights_total = _number(data, "weights_total", "rubric", problems)
    raw = data.get("criteria")
    criteria: list[Criterion] = []
    if not isinstance(raw, list) or not raw:
        problems.append("rubric: no criteria ([[criteria]] tables) found")
    else:
        for i, item in enumerate(raw, 1):
            c = _parse_criterion(item, i, problems)
            if c is not None:
                criteria.append(c)
    ids = [c.id for c in criteria if c.id]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"criterion id {dup!r} is used more than once; ids must be unique")
    if weights_total is not None and criteria and len(criteria) == len(raw or []):
        total = sum(c.weight for c in criteria)
        if abs(total - weights_total) > 1e-6:
            problems.append(f"the weights add up to {total:g}, but the rubric declares weights_total = "
                            f"{weights_total:g}")
    grades = _parse_grades(data.get("grades"), weights_total, problems)
    disagreement_total = (_number(data, "disagreement_total", "rubric", problems)
                          if "disagreement_total" in data else None)
    if disagreement_total is not None and (disagreement_total <= 0 or (
            weights_total is not None and disagreement_total > weights_total)):
        problems.append(f"rubric: disagreement_total {disagreement_total:g} must be greater than 0 and at most "
                        f"weights_total")
    final_rule = data.get("final_rule")
    if final_rule is not None and final_rule not in FINAL_RULES:
        problems.append(f"rubric: unknown final_rule {final_rule!r}; use one of {', '.join(FINAL_RULES)} or leave it "
                        "out (the mean of the reviewers' totals)")
    if problems:
        raise RubricError(source, problems)
    assert weights_total is not None
    sha = hashlib.sha256(content.encode("utf-8")).hexdigest()
    return Rubric(key, name, name_en, version.strip(), _text(data, "description", "rubric", [], required=False),
                  _text(data, "description_en", "rubric", [], required=False), weights_total, tuple(criteria),
                  content, sha, grades, disagreement_total, final_rule)


def load_rubric_file(path: str | Path) -> Rubric:
    """Read and validate a rubric file (UTF-8 TOML)."""
    p = Path(path)
    try:
        content = p.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise RubricError(str(p), ["the file does not exist"]) from None
    except UnicodeDecodeError:
        raise RubricError(str(p), ["the file is not UTF-8 text; save it as UTF-8"]) from None
    except OSError as exc:
        raise RubricError(str(p), [f"cannot be read ({exc.strerror or exc})"]) from None
    return parse_rubric(content, str(p))


def load_default_rubric() -> Rubric:
    return load_rubric_file(DEFAULT_RUBRIC_PATH)


# --- storage -------------------------------------------------------------------------------------------------

def store_rubric(db: Database, rubric: Rubric) -> str:
    """Store the rubric's exact content (once per content) and return its database id."""
    with db.atomic():
        db.execute("INSERT OR IGNORE INTO rubrics (id, name, version, sha256, content, loaded_at) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [rubric.id, rubric.name, rubric.version, rubric.sha256, rubric.content, now_iso()])
    return rubric.id


def get_rubric(db: Database, rubric_id: str) -> Rubric:
    """The stored rubric with this id, parsed from the content stored with it."""
    row = one(db, "SELECT content FROM rubrics WHERE id = ?", [rubric_id])
    if row is None:
        raise ReviewDeskError(f"no rubric with id {rubric_id} in this database")
    return parse_rubric(row["content"], f"stored rubric {rubric_id}")


@dataclass(frozen=True)
class StoredRubric:
    """A row of the rubrics table, with how many scores were made under it."""

    id: str
    name: str
    version: str
    sha256: str
    loaded_at: str
    score_count: int


def list_rubrics(db: Database) -> list[StoredRubric]:
    rows = db.query(
        "SELECT r.id, r.name, r.version, r.sha256, r.loaded_at, "
        "(SELECT count(*) FROM scores s WHERE s.rubric_id = r.id AND s.value IS NOT NULL) AS score_count "
        "FROM rubrics r ORDER BY r.loaded_at, r.name")
    return [StoredRubric(**row) for row in rows]


def set_active_rubric(db: Database, rubric: Rubric) -> str:
    """Store the rubric and make it the one new scores are made under; return its id."""
    rubric_id = store_rubric(db, rubric)
    set_setting(db, _ACTIVE_KEY, rubric_id)
    return rubric_id


def active_rubric(db: Database) -> Rubric:
    """The rubric new scores are made under: the one chosen last, else the default rubric (stored on first use)."""
    stored = _stored_active(db)
    if stored is not None:
        return stored
    rubric = load_default_rubric()
    set_active_rubric(db, rubric)
    return rubric


def active_rubric_readonly(db: Database) -> Rubric:
    """Like :func:`active_rubric` but never writes (for read-only connections): the default if none is stored."""
    stored = _stored_active(db)
    return stored if stored is not None else load_default_rubric()


def _stored_active(db: Database) -> Rubric | None:
    """The rubric chosen last, as stored; None when none was chosen or its row is gone."""
    rubric_id = get_setting(db, _ACTIVE_KEY)
    if rubric_id:
        row = one(db, "SELECT content FROM rubrics WHERE id = ?", [rubric_id])
        if row is not None:
            return _parse_stored(rubric_id, row["content"])
    return None


@lru_cache(maxsize=8)
def _parse_stored(rubric_id: str, content: str) -> Rubric:
    """A stored rubric parsed once (the corpus table asks for the active one after every score change)."""
    return parse_rubric(content, f"stored rubric {rubric_id}")


def find_rubric(db: Database, rubric_id: str) -> Rubric | None:
    """The stored rubric with this id, or None when this database has none by that id."""
    if next(iter(db.query("SELECT 1 AS found FROM rubrics WHERE id = ?", [rubric_id])), None) is None:
        return None
    return get_rubric(db, rubric_id)
