"""Merge as a hostile or careless colleague would send it: a package may bring only its reviewer's own work.

Hand-edited packages (another reviewer's score, the lead's decision, an assignment), a PC clock a year ahead,
two copies of one package edited differently, timestamp-only rewrites, a look-alike reviewer name, the same report
saved in another encoding.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from desktop.core.errors import ReviewDeskError
from desktop.core.exchange.conflicts import KEEP, OTHER, ConflictError, list_conflicts, resolve_conflict
from desktop.core.exchange.merge import merge_database
from desktop.core.exchange.package import make_package, return_package
from desktop.core.ingest.importer import import_paths
from desktop.core.panel import adjudication as adj
from desktop.core.panel.assignments import assign
from desktop.core.review.annotations import create_annotation, list_annotations, update_annotation
from desktop.core.review.reviewers import ReviewerNameError, get_or_create_reviewer, list_reviewers
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric
from desktop.core.storage import open_database
from desktop.core.storage.documents import list_documents

YEAR_AHEAD = "2027-12-07T10:00:00+00:00"  # no test may depend on today's date: only "far later than now" matters


@pytest.fixture
def adjudicated_panel(tmp_path, seeds_dir):
    db = open_database(tmp_path / "lead.sqlite3")
    import_paths(db, sorted(seeds_dir.glob("00[012]_*.txt")))
    rubric = active_rubric(db)
    docs = [d.id for d in list_documents(db)]
    zhang, li = get_or_create_reviewer(db, "张三"), get_or_create_reviewer(db, "李四")
    assign(db, docs[:2], [zhang.id, li.id], by="组长")
    for c in rubric.criteria:
        scoring.set_score(db, docs[0], li.id, rubric, c.id, c.max_points)
    scoring.submit_review(db, docs[0], li.id, rubric)
    adj.set_final_comment(db, docs[0], rubric, "组长意见", "组长")
    yield db, rubric, docs, zhang, li
    db.conn.close()


def _package(db, tmp_path, name="张三", file="zhang.sqlite3"):
    return make_package(db, name, tmp_path / file).path


def _edit(path, fn):
    pkg = open_database(path)
    try:
        return fn(pkg)
    finally:
        pkg.conn.close()


def _snapshot(db):
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("scores", "reviews", "annotations", "assignments", "adjudications", "adjudication_scores")}


@pytest.mark.parametrize("tamper, named", [
    ("UPDATE scores SET value = 0 WHERE reviewer_id = (SELECT id FROM reviewers WHERE name = '李四')",
     "scores .*: 李四, report"),
    ("INSERT INTO adjudications (id, document_id, rubric_id, comment, decided_by, decided_at, updated_at) "
     "SELECT 'forged', document_id, rubric_id, '改了', '张三', '2030-01-01T00:00:00+00:00', '2030-01-01T00:00:00+00:00' FROM scores LIMIT 1",
     "adjudications forged: the lead"),
    ("INSERT INTO assignments (id, document_id, reviewer_id, assigned_by, assigned_at, updated_at) "
     "SELECT 'self', d.id, r.id, '张三', '2030-01-01T00:00:00+00:00', '2030-01-01T00:00:00+00:00' FROM documents d, reviewers r "
     "WHERE r.name = '李四' LIMIT 1", "assignments self: 李四"),
])
def test_a_package_changing_what_is_not_its_reviewers_is_refused_with_the_rows_named(adjudicated_panel, tmp_path, tamper,
                                                                                      named):
    db, rubric, docs, zhang, li = adjudicated_panel
    path = _package(db, tmp_path)
    _edit(path, lambda pkg: scoring.set_score(pkg, docs[1], zhang.id, rubric, rubric.criteria[0].id, 1))
    conn = sqlite3.connect(path)
    # a package never holds 李四's scores: the hostile reviewer puts them back, then edits them
    conn.execute("ATTACH DATABASE ? AS lead", [str(tmp_path / "lead.sqlite3")])
    conn.execute("INSERT OR IGNORE INTO reviewers SELECT * FROM lead.reviewers")
    conn.execute("INSERT INTO scores SELECT * FROM lead.scores WHERE reviewer_id = ?", [li.id])
    conn.execute(tamper)
    conn.commit()
    conn.close()
    before = _snapshot(db)
    with pytest.raises(ReviewDeskError, match=f"(?s)not 张三's own work.*{named}"):
        merge_database(db, path)
    assert _snapshot(db) == before


def test_a_package_merges_its_reviewers_work_and_leaves_everything_else(adjudicated_panel, tmp_path):
    db, rubric, docs, zhang, li = adjudicated_panel
    path = _package(db, tmp_path)
    _edit(path, lambda pkg: scoring.set_score(pkg, docs[1], zhang.id, rubric, rubric.criteria[0].id, 1))
    adj.set_final_comment(db, docs[0], rubric, "组长改过的意见", "组长")  # the lead works on meanwhile
    db.execute("DELETE FROM assignments WHERE reviewer_id = ? AND document_id = ?", [zhang.id, docs[1]])
    report = merge_database(db, path)
    assert report.counts("scores").added == 1
    assert "adjudications" not in report.tables and "assignments" not in report.tables
    assert adj.get_adjudication(db, docs[0], rubric.id).comment == "组长改过的意见"


def test_an_untrusted_database_that_is_not_a_package_is_refused(adjudicated_panel, tmp_path):
    db, *_ = adjudicated_panel
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(tmp_path / "lead.sqlite3", tmp_path / "copy.sqlite3")
    with pytest.raises(ReviewDeskError, match="not a reviewer package.*--trust"):
        merge_database(db, tmp_path / "copy.sqlite3")


def test_a_clock_a_year_ahead_is_clamped_and_said(adjudicated_panel, tmp_path):
    db, rubric, docs, zhang, li = adjudicated_panel
    path = _package(db, tmp_path)

    def ahead(pkg):
        scoring.set_score(pkg, docs[1], zhang.id, rubric, rubric.criteria[0].id, 1)
        pkg.execute("UPDATE scores SET updated_at = ?", [YEAR_AHEAD])
        pkg.execute("UPDATE reviews SET updated_at = ?", [YEAR_AHEAD])

    _edit(path, ahead)
    report = merge_database(db, path)
    clock = [line for line in report.lines() if line.startswith("clock\tscores\t")]
    assert clock and "clock\tscores\t1 time stamp(s)" in clock[0] and YEAR_AHEAD in clock[0]
    stored = db.execute("SELECT max(updated_at) FROM scores").fetchone()[0]
    assert stored < YEAR_AHEAD
    # a later edit by the lead's side is not outranked by the year-ahead clock
    scoring.set_score(db, docs[1], zhang.id, rubric, rubric.criteria[0].id, 2)
    db.execute("UPDATE scores SET updated_at = '2099-01-01T00:00:00+00:00' WHERE value = 2")  # "later", any clock
    again = merge_database(db, path)
    assert scoring.get_scores(db, docs[1], zhang.id, rubric.id)[rubric.criteria[0].id].value == 2
    assert again.counts("scores").updated == 0


def test_two_copies_of_one_package_edited_differently_keep_both_versions(adjudicated_panel, tmp_path):
    db, rubric, docs, zhang, li = adjudicated_panel
    first = _package(db, tmp_path)
    second = tmp_path / "zhang-copy.sqlite3"
    shutil.copy(first, second)
    crit = rubric.criteria[0].id

    def edit(value, comment, stamp):
        def fn(pkg):
            scoring.set_score(pkg, docs[1], zhang.id, rubric, crit, value)
            ann = create_annotation(pkg, docs[1], 0, 5, reviewer_id=zhang.id, comment="共同的批注")
            pkg.execute("UPDATE annotations SET id = 'shared-ann'")
            update_annotation(pkg, "shared-ann", comment=comment)
            for table in ("scores", "annotations", "reviews"):
                pkg.execute(f"UPDATE {table} SET updated_at = ?", [stamp])
            return ann
        return fn

    _edit(first, edit(1, "第一份的文字", "2031-01-01T00:00:00+00:00"))
    _edit(second, edit(2, "第二份的文字", "2031-01-02T00:00:00+00:00"))
    # both copies were "edited" after the package was made and before the merge; both dates are past the clock
    # skew, so make them ordinary past dates after the package's creation
    for path, stamp in ((first, "2000-01-01T00:00:01+00:00"), (second, "2000-01-01T00:00:02+00:00")):
        conn = sqlite3.connect(path)
        for table in ("scores", "annotations", "reviews"):
            conn.execute(f"UPDATE {table} SET updated_at = ? WHERE reviewer_id = ?", [stamp, zhang.id])
        conn.execute("UPDATE settings SET value = '2000-01-01T00:00:00+00:00' WHERE key = 'package_created_at'")
        conn.commit()
        conn.close()
    merge_database(db, first)
    report = merge_database(db, second)
    conflicts = [line.split("\t") for line in report.lines() if line.startswith("conflict\t")]
    tables = sorted(c[1] for c in conflicts)
    assert tables == ["annotations", "scores"], report.lines()
    ann_line = next(c for c in conflicts if c[1] == "annotations")
    assert "comment" in ann_line[5] and "第二份的文字" in ann_line[6] and "第一份的文字" in ann_line[7]
    assert list_annotations(db, docs[1])[0].comment == "第二份的文字"  # the newer applies …
    kept = db.execute("SELECT other FROM merge_conflicts WHERE table_name = 'annotations'").fetchone()[0]
    assert "第一份的文字" in kept  # … and the other is kept
    assert db.execute("SELECT count(*) FROM merge_conflicts WHERE resolved_at IS NULL").fetchone()[0] == 2
    # the lead chooses: the first copy's annotation text, the second copy's score
    open_ = {c.table: c for c in list_conflicts(db)}
    assert open_["annotations"].describe(OTHER) == "comment: 第一份的文字"
    assert open_["scores"].describe(KEEP) == "value: 2.0" and open_["scores"].describe(OTHER) == "value: 1.0"
    changes = resolve_conflict(db, open_["annotations"].id, OTHER, by="组长")
    assert changes.concerns(docs[1], "annotations")
    assert list_annotations(db, docs[1])[0].comment == "第一份的文字"
    resolve_conflict(db, open_["scores"].id, KEEP, by="组长")
    assert scoring.get_scores(db, docs[1], zhang.id, rubric.id)[crit].value == 2
    assert list_conflicts(db) == []
    assert {c.resolution for c in list_conflicts(db, include_resolved=True)} == {OTHER, KEEP}
    with pytest.raises(ConflictError, match="resolved already"):
        resolve_conflict(db, open_["scores"].id, OTHER)


def test_a_package_sent_again_counts_real_changes_only_and_is_no_conflict(adjudicated_panel, tmp_path):
    db, rubric, docs, zhang, li = adjudicated_panel
    path = _package(db, tmp_path)
    crit = rubric.criteria[0].id

    def work(pkg):
        for c in rubric.criteria:
            scoring.set_score(pkg, docs[1], zhang.id, rubric, c.id, c.max_points)
        return return_package(pkg, tmp_path / "back1.sqlite3")

    _edit(path, work)
    assert merge_database(db, tmp_path / "back1.sqlite3").counts("scores").added == len(rubric.criteria)

    def more(pkg):  # the reviewer goes on in the same file: one value changed, every time stamp rewritten
        pkg.execute("UPDATE scores SET updated_at = '2000-01-01T00:00:00+00:00'")
        scoring.set_score(pkg, docs[1], zhang.id, rubric, crit, 0)
        return return_package(pkg, tmp_path / "back2.sqlite3")

    _edit(path, more)
    report = merge_database(db, tmp_path / "back2.sqlite3")
    assert report.counts("scores").updated == 1 and report.counts("scores").kept == len(rubric.criteria) - 1
    assert not [line for line in report.lines() if line.startswith("conflict\t")]
    assert scoring.get_scores(db, docs[1], zhang.id, rubric.id)[crit].value == 0


def test_reviewer_names_are_normalised_and_look_alikes_refused(adjudicated_panel):
    db, *_ = adjudicated_panel
    assert get_or_create_reviewer(db, "张三\u200b").name == "张三"
    assert get_or_create_reviewer(db, "\ufeff张三 ").id == get_or_create_reviewer(db, "张三").id
    ab = get_or_create_reviewer(db, "AB")
    assert get_or_create_reviewer(db, "ＡＢ").id == ab.id  # NFKC: the same name
    for look_alike in ("张 三", "张　三", " 张\u00a0三", "A B", "ab"):
        with pytest.raises(ReviewerNameError, match="looks like the existing reviewer"):
            get_or_create_reviewer(db, look_alike)
    assert len({r.name for r in list_reviewers(db)}) == len(list_reviewers(db))


def test_the_same_report_in_another_encoding_is_one_document_after_a_merge(tmp_path, seeds_dir):
    seed = sorted(seeds_dir.glob("000_*.txt"))[0]
    gbk = tmp_path / "gbk" / "report.txt"
    gbk.parent.mkdir()
    gbk.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    a = open_database(tmp_path / "a.sqlite3")
    import_paths(a, [seed])
    b = open_database(tmp_path / "b.sqlite3")
    import_paths(b, [gbk])
    b.conn.close()
    report = merge_database(a, tmp_path / "b.sqlite3", trust=True)
    assert report.counts("documents").kept == 1 and report.counts("documents").added == 0
    assert len(list_documents(a)) == 1
    a.conn.close()


def test_agency_decisions_travel_with_their_reviewer_only(adjudicated_panel, tmp_path):
    from desktop.core.agencies.groups import split_reports

    db, rubric, docs, zhang, li = adjudicated_panel
    path = _package(db, tmp_path)

    def work(pkg):
        scoring.set_score(pkg, docs[1], zhang.id, rubric, rubric.criteria[0].id, 1)
        split_reports(pkg, [docs[1]], "张三分出的机关", reviewer_id=zhang.id)

    _edit(path, work)
    report = merge_database(db, path)
    assert report.counts("agency_identity").added == 1
    assert db.execute("SELECT group_key FROM agency_identity WHERE reviewer_id = ?", [zhang.id]).fetchone()
    forged = _package(db, tmp_path, file="forged.sqlite3")
    _edit(forged, lambda pkg: (scoring.set_score(pkg, docs[1], zhang.id, rubric, rubric.criteria[1].id, 1),
                               split_reports(pkg, [docs[0]], "冒名", reviewer_id=None)))
    with pytest.raises(ReviewDeskError, match="(?s)agency_identity .*: no reviewer"):
        merge_database(db, forged)


def test_a_trusted_colead_database_carries_the_decisions_basis_and_the_final_rule(adjudicated_panel, tmp_path):
    from desktop.core.scoring.rules import set_final_rule

    db, rubric, docs, zhang, li = adjudicated_panel
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    colead = tmp_path / "colead.sqlite3"
    shutil.copy(tmp_path / "lead.sqlite3", colead)
    other = open_database(colead)
    try:
        adj.set_final_score(other, docs[0], rubric, rubric.criteria[0].id, 1, "副组长")
        set_final_rule(other, "median")
        basis = other.execute("SELECT basis FROM adjudication_scores").fetchone()[0]
    finally:
        other.conn.close()
    report = merge_database(db, colead, trust=True)
    assert report.counts("adjudication_scores").added == 1
    row = db.execute("SELECT basis, decided_by FROM adjudication_scores").fetchone()
    assert tuple(row) == (basis, "副组长") and basis  # the values the decision rested on travel with it
    assert db.execute("SELECT value FROM settings WHERE key = 'final_rule'").fetchone()[0] == "median"


def test_a_hand_edited_basis_that_is_not_json_is_refused(adjudicated_panel, tmp_path):
    db, rubric, docs, zhang, li = adjudicated_panel
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    colead = tmp_path / "colead.sqlite3"
    shutil.copy(tmp_path / "lead.sqlite3", colead)
    other = open_database(colead)
    try:
        adj.set_final_score(other, docs[0], rubric, rubric.criteria[0].id, 1, "副组长")
        other.execute("UPDATE adjudication_scores SET basis = '{not json'")
    finally:
        other.conn.close()
    with pytest.raises(ReviewDeskError, match="basis is not JSON"):
        merge_database(db, colead, trust=True)
