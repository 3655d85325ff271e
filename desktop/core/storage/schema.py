"""The schema, built only through numbered, named migrations (sqlite-utils Migrations).

The whole product's tables exist from 0001 on: documents and what segmentation found in them, reviewers,
tags, annotations, rubrics, scores and reviews. Rows that reviewers create carry UUIDs so that databases
from several reviewers can be merged. A new migration is appended here with the next number; existing
migrations are never edited once released.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("reviewdesk")
SEARCH_TOKENIZER = "unicode61 categories 'L* N* P* S* M* Co' remove_diacritics 0"


@MIGRATIONS(name="0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute("""
        CREATE TABLE documents (
            seq INTEGER PRIMARY KEY,          -- stable rowid, also the search index rowid
            id TEXT NOT NULL UNIQUE,          -- UUID, stable across databases
            sha256 TEXT NOT NULL,
            name TEXT NOT NULL,
            source_path TEXT,
            size INTEGER NOT NULL,
            format TEXT NOT NULL,
            encoding TEXT NOT NULL,
            text TEXT NOT NULL,               -- frozen normalized text: the coordinate system
            title TEXT, agency TEXT, year INTEGER, doc_number TEXT,
            doc_date TEXT, published_at TEXT, source TEXT, on_time INTEGER,
            missing TEXT NOT NULL DEFAULT '[]',           -- JSON list of required kinds not found
            metadata_sources TEXT NOT NULL DEFAULT '{}',  -- JSON: field -> where it was found
            segmenter_version INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            replaced_by TEXT REFERENCES documents(id) ON DELETE SET NULL
        )""")
    db.execute("CREATE UNIQUE INDEX documents_sha256 ON documents(sha256)")
    db.execute("CREATE INDEX documents_agency_year ON documents(agency, year)")
    db.execute("""
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            kind TEXT NOT NULL, heading TEXT NOT NULL, level INTEGER NOT NULL, placement TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""")
    db.execute("CREATE INDEX sections_document ON sections(document_id)")
    db.execute("""
        CREATE TABLE outline (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            style TEXT NOT NULL, level INTEGER NOT NULL, heading TEXT NOT NULL,
            start INTEGER NOT NULL, heading_end INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""")
    db.execute("CREATE INDEX outline_document ON outline(document_id)")
    db.execute("""
        CREATE TABLE clutter (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX clutter_document ON clutter(document_id)")
    db.execute(f"""
        CREATE VIRTUAL TABLE search_index USING fts5(
            chars, content='', tokenize="{SEARCH_TOKENIZER}"
        )""")
    db.execute("""
        CREATE TABLE reviewers (
            id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE tags (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',
            color TEXT NOT NULL DEFAULT '#f2c14e', description TEXT NOT NULL DEFAULT '',
            ordinal INTEGER NOT NULL DEFAULT 0, shortcut TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
            merged_into TEXT REFERENCES tags(id)
        )""")
    db.execute("""
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer_id TEXT REFERENCES reviewers(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            quote TEXT NOT NULL, prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',
            comment TEXT NOT NULL DEFAULT '', criterion_id TEXT,
            status TEXT NOT NULL DEFAULT 'anchored',   -- anchored | orphan
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
        )""")
    db.execute("CREATE INDEX annotations_document ON annotations(document_id)")
    db.execute("""
        CREATE TABLE annotation_tags (
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            tag_id TEXT NOT NULL REFERENCES tags(id),
            PRIMARY KEY (annotation_id, tag_id)
        )""")
    db.execute("""
        CREATE TABLE rubrics (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, version TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE, content TEXT NOT NULL, loaded_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
            rubric_id TEXT NOT NULL REFERENCES rubrics(id),
            status TEXT NOT NULL DEFAULT 'not_started',   -- not_started | in_progress | done
            overall_comment TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, reviewer_id, rubric_id)
        )""")
    db.execute("""
        CREATE TABLE scores (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
            rubric_id TEXT NOT NULL REFERENCES rubrics(id),
            criterion_id TEXT NOT NULL,
            value REAL, note TEXT NOT NULL DEFAULT '',
            suggested REAL, suggestion_accepted INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, reviewer_id, rubric_id, criterion_id)
        )""")
    db.execute("""
        CREATE TABLE score_evidence (
            score_id TEXT NOT NULL REFERENCES scores(id) ON DELETE CASCADE,
            annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            PRIMARY KEY (score_id, annotation_id)
        )""")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@MIGRATIONS(name="0002_annotation_anchoring")
def m0002_annotation_anchoring(db: Database) -> None:
    """How each annotation was last anchored, English tag descriptions, and earlier texts of re-imported documents.

    A re-import replaces documents.text in place (the document keeps its id, so annotations, reviews and
    scores stay attached); the text it replaced is kept in document_versions so nothing is lost.
    """
    # selection (made on screen) | offsets | exact | fuzzy (re-attached after a re-import) | manual (placed by hand)
    db.execute("ALTER TABLE annotations ADD COLUMN anchored_by TEXT NOT NULL DEFAULT 'selection'")
    db.execute("ALTER TABLE annotations ADD COLUMN anchor_score REAL")
    db.execute("ALTER TABLE tags ADD COLUMN description_en TEXT NOT NULL DEFAULT ''")
    db.execute("CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id)")
    db.execute("""
        CREATE TABLE document_versions (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL, name TEXT NOT NULL, source_path TEXT, size INTEGER NOT NULL,
            format TEXT NOT NULL, encoding TEXT NOT NULL, text TEXT NOT NULL,
            segmenter_version INTEGER NOT NULL, imported_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX document_versions_document ON document_versions(document_id)")


@MIGRATIONS(name="0003_scoring")
def m0003_scoring(db: Database) -> None:
    """Why a score was suggested, when a review was marked done, and indexes for per-reviewer scoring queries.

    ``scores.suggestion_basis`` keeps the reason shown with a suggested score (e.g. which parts were detected),
    so the review sheet can say what a score accepted as suggested rested on; ``reviews.done_at`` dates the sheet.
    """
    db.execute("ALTER TABLE scores ADD COLUMN suggestion_basis TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE reviews ADD COLUMN done_at TEXT")
    db.execute("CREATE INDEX scores_rubric_reviewer ON scores(rubric_id, reviewer_id)")
    db.execute("CREATE INDEX reviews_rubric_reviewer ON reviews(rubric_id, reviewer_id)")
    db.execute("CREATE INDEX score_evidence_annotation ON score_evidence(annotation_id)")


@MIGRATIONS(name="0004_documents_listing_index")
def m0004_documents_listing_index(db: Database) -> None:
    """An index in the corpus table's order, so reading it page by page never re-sorts the corpus."""
    db.execute("CREATE INDEX documents_listing ON documents(agency IS NULL, agency, year, name, seq) "
               "WHERE replaced_by IS NULL")


@MIGRATIONS(name="0005_corrections")
def m0005_corrections(db: Database) -> None:
    """The reviewer's corrections of detected parts and metadata, and the automatic values they override.

    A correction is its own record (who, when, before, after), anchored to the frozen text like an annotation
    when it concerns a passage (a part heading, a marked part), so that it survives a re-import. Deleting is
    soft (``deleted_at``: reset and undo) so that merge and redo find the same row. ``documents`` and
    ``sections`` hold the effective values that every reader uses; ``documents.auto_segmentation`` keeps
    what segmentation found (JSON) while the document has corrections, NULL when the columns are automatic.
    """
    db.execute("""
        CREATE TABLE corrections (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer_id TEXT REFERENCES reviewers(id),
            kind TEXT NOT NULL,                 -- field | relabel | mark_part | not_heading | new_part
            target TEXT NOT NULL DEFAULT '',    -- the field name, or what the part correction is about
            before TEXT,                        -- JSON: the value or kind before the correction
            after TEXT,                         -- JSON: the value, or {"kind", "placement", "level"}
            start INTEGER, "end" INTEGER,       -- anchor in the frozen text (part corrections only)
            quote TEXT NOT NULL DEFAULT '', prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'anchored',   -- anchored | orphan
            anchored_by TEXT NOT NULL DEFAULT 'selection', anchor_score REAL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
        )""")
    db.execute("CREATE INDEX corrections_document ON corrections(document_id)")
    db.execute("ALTER TABLE documents ADD COLUMN auto_segmentation TEXT")


@MIGRATIONS(name="0006_panel_review")
def m0006_panel_review(db: Database) -> None:
    """Panel review: submitted/reopened reviews, not-applicable criteria, assignments, adjudications, project id.

    A review's ``status`` keeps its stored codes (``done`` now means submitted; ``done_at`` is when it was
    submitted), with who submitted it and who reopened it last and when. A score may be marked not applicable
    (``not_applicable``, with ``na_reason``) where the rubric allows it. ``assignments`` say which reviewer is to
    review which report (by whom, when); ``adjudications`` hold the lead's decision per report (final comment
    评审意见 and 等次) and ``adjudication_scores`` the final score per criterion (by whom, when). The project id
    (a UUID per database, copied into packages) lets ``merge`` refuse a package made for another project.
    """
    import uuid

    db.execute("ALTER TABLE reviews ADD COLUMN submitted_by TEXT")
    db.execute("ALTER TABLE reviews ADD COLUMN reopened_at TEXT")
    db.execute("ALTER TABLE reviews ADD COLUMN reopened_by TEXT")
    db.execute("ALTER TABLE scores ADD COLUMN not_applicable INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE scores ADD COLUMN na_reason TEXT NOT NULL DEFAULT ''")
    db.execute("""
        CREATE TABLE assignments (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
            assigned_by TEXT NOT NULL DEFAULT '',
            assigned_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, reviewer_id)
        )""")
    db.execute("CREATE INDEX assignments_reviewer ON assignments(reviewer_id)")
    db.execute("""
        CREATE TABLE adjudications (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            rubric_id TEXT NOT NULL REFERENCES rubrics(id),
            comment TEXT NOT NULL DEFAULT '',       -- 评审意见
            grade TEXT,                             -- 等次 chosen by the lead (NULL: from the rubric's bands)
            decided_by TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, rubric_id)
        )""")
    db.execute("""
        CREATE TABLE adjudication_scores (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            rubric_id TEXT NOT NULL REFERENCES rubrics(id),
            criterion_id TEXT NOT NULL,
            value REAL,                              -- NULL with not_applicable = 1
            not_applicable INTEGER NOT NULL DEFAULT 0,
            decided_by TEXT NOT NULL DEFAULT '',
            decided_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (document_id, rubric_id, criterion_id)
        )""")
    db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES ('project_id', ?)", [str(uuid.uuid4())])


@MIGRATIONS(name="0007_segmentation_confidence")
def m0007_segmentation_confidence(db: Database) -> None:
    """How far to trust what segmentation found: a confidence for each part (``high``/``low``) and each metadata
    field (JSON), what the document looks like (``doc_type``: annual_report or a look-alike such as a 政府信息公开
    report) and whether its text seems cut off. Rows written before hold the defaults until they are
    re-segmented (documents with an older ``segmenter_version`` are re-segmented when the database is opened)."""
    db.execute("ALTER TABLE sections ADD COLUMN confidence TEXT NOT NULL DEFAULT 'high'")
    db.execute("ALTER TABLE documents ADD COLUMN metadata_confidence TEXT NOT NULL DEFAULT '{}'")
    db.execute("ALTER TABLE documents ADD COLUMN doc_type TEXT NOT NULL DEFAULT 'annual_report'")
    db.execute("ALTER TABLE documents ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0")


@MIGRATIONS(name="0008_hardening")
def m0008_hardening(db: Database) -> None:
    """A hash of each document's normalized text, so the same report saved in another encoding or with other
    line ends is recognised as a duplicate (the byte hash ``sha256`` differs); filled for existing rows."""
    import hashlib

    db.execute("ALTER TABLE documents ADD COLUMN text_sha256 TEXT")
    rows = db.execute("SELECT seq, text FROM documents").fetchall()
    db.conn.executemany("UPDATE documents SET text_sha256 = ? WHERE seq = ?",
                        [(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), seq)
                         for seq, text in rows])
    db.execute("CREATE INDEX documents_text_sha256 ON documents(text_sha256)")
    # Search keys no longer hold invisible format characters (direction marks, soft hyphens): re-index the few
    # texts that contain any, deleting them under their old tokens (a contentless index needs exactly those).
    import re

    from desktop.core.storage.search import index_tokens
    from desktop.core.text import INVISIBLE, fold_width

    for seq, text in rows:
        if INVISIBLE.search(text):
            old = " ".join(re.sub(r"\s+", "", fold_width(text)))
            db.execute("INSERT INTO search_index(search_index, rowid, chars) VALUES ('delete', ?, ?)", [seq, old])
            db.execute("INSERT INTO search_index(rowid, chars) VALUES (?, ?)", [seq, index_tokens(text)])


@MIGRATIONS(name="0009_panel_decisions")
def m0009_panel_decisions(db: Database) -> None:
    """Decisions that know what they rested on (desktop.core.panel.basis).

    ``adjudication_scores.basis``: the reviewers' values of the criterion when the lead decided it (JSON; NULL for a
    decision made before this version: not recorded, so it shows 需复核 until the lead confirms it), and who last
    confirmed it unchanged and when. ``adjudications``: who chose the grade (等次) by hand, when and on which final
    score (``grade_basis``); the lead's 裁定 of the report (``settled_*``: who, when, on which reviewers' values) and
    its 复核 (``checked_*``). A grade chosen before this version keeps the decision's who and when.
    """
    db.execute("ALTER TABLE adjudication_scores ADD COLUMN basis TEXT")
    db.execute("ALTER TABLE adjudication_scores ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE adjudication_scores ADD COLUMN confirmed_at TEXT")
    for column in ("grade_by TEXT NOT NULL DEFAULT ''", "grade_at TEXT", "grade_basis TEXT",
                   "settled_by TEXT NOT NULL DEFAULT ''", "settled_at TEXT", "settled_basis TEXT",
                   "checked_by TEXT NOT NULL DEFAULT ''", "checked_at TEXT", "checked_basis TEXT"):
        db.execute(f"ALTER TABLE adjudications ADD COLUMN {column}")
    db.execute("UPDATE adjudications SET grade_by = decided_by, grade_at = decided_at WHERE grade IS NOT NULL")


@MIGRATIONS(name="0010_exchange")
def m0010_exchange(db: Database) -> None:
    """Merge conflicts kept, and every submitted version of a review.

    ``merge_conflicts``: when a package and this database both changed the same row (an annotation, a score, a
    review) since the package was made, the newer version applies and the other is kept here, whole (JSON of the
    row), until someone chooses (``resolved_at``/``resolved_by``/``resolution``: kept or other). ``review_versions``:
    what a reviewer submitted each time (scores and comments as JSON), so a reopened and resubmitted review shows
    what changed. ``merged_returns``: the returned packages (``return_id``, written by ``package --return``)
    merged here, so that a package sent again from the same file is compared with what it sent last time, not
    with the state it was made in (what was merged then is no conflict now).
    """
    db.execute("""
        CREATE TABLE merge_conflicts (
            id TEXT PRIMARY KEY,
            table_name TEXT NOT NULL,             -- annotations | scores | reviews
            row_id TEXT NOT NULL,                 -- the row here that holds the applied version
            document_id TEXT,
            reviewer_id TEXT,
            fields TEXT NOT NULL DEFAULT '',      -- the columns whose values differ, comma-separated
            applied TEXT NOT NULL,                -- JSON: the version applied
            other TEXT NOT NULL,                  -- JSON: the version not applied
            source TEXT NOT NULL DEFAULT '',      -- the merged file
            created_at TEXT NOT NULL,
            resolved_at TEXT, resolved_by TEXT, resolution TEXT
        )""")
    db.execute("CREATE INDEX merge_conflicts_document ON merge_conflicts(document_id)")
    db.execute("""
        CREATE TABLE review_versions (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            reviewer_id TEXT NOT NULL,
            rubric_id TEXT NOT NULL,
            version INTEGER NOT NULL,             -- 1, 2, … per (document, reviewer, rubric)
            submitted_at TEXT NOT NULL,
            submitted_by TEXT NOT NULL DEFAULT '',
            overall_comment TEXT NOT NULL DEFAULT '',
            scores TEXT NOT NULL,                 -- JSON {criterion: {value, not_applicable, na_reason, note}}
            UNIQUE (document_id, reviewer_id, rubric_id, version)
        )""")
    db.execute("""
        CREATE TABLE merged_returns (
            return_id TEXT PRIMARY KEY,
            reviewer_id TEXT NOT NULL,
            returned_at TEXT NOT NULL,
            merged_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT ''
        )""")


@MIGRATIONS(name="0012_detection_doubts")
def m0012_detection_doubts(db: Database) -> None:
    """Why segmentation is unsure, for the 请核对 marks and the verify queue: a reason for each low-confidence part
    (``sections.reason``) and metadata field (``documents.metadata_reasons``, JSON), and for each missing part the
    passage a reviewer should look at first (``documents.missing_candidates``, JSON ``{kind: {start, end,
    reason}}``). A reviewer's confirmation of a value, a part or a missing flag is a row of ``corrections`` of
    kind ``confirm`` (who, when, what was confirmed), so that re-segmentation, re-import and merge carry it as
    they carry corrections. Rows written before hold the defaults until they are re-segmented."""
    db.execute("ALTER TABLE sections ADD COLUMN reason TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE documents ADD COLUMN metadata_reasons TEXT NOT NULL DEFAULT '{}'")
    db.execute("ALTER TABLE documents ADD COLUMN missing_candidates TEXT NOT NULL DEFAULT '{}'")


@MIGRATIONS(name="0013_summary")
def m0013_summary(db: Database) -> None:
    """The evaluation summary (评估报告): the reviewer's rewrites of its paragraphs and the quotes picked for it.

    ``summary_edits`` keeps one rewrite per (scope, paragraph): the text the reviewer wrote and the figures the
    generated paragraph showed at that moment (JSON: figure key -> shown text), so a figure that changed since is
    flagged. ``summary_quotes`` keeps, per (scope, tag), the annotations the reviewer picked as typical quotes
    (JSON list of ids, in order). ``scope`` is ``''`` for every report or ``year:YYYY``. Deleting is soft
    (``deleted_at``: back to the generated text, and undo) so that redo and merge find the same row.
    """
    db.execute("""
        CREATE TABLE summary_edits (
            id TEXT PRIMARY KEY,
            scope TEXT NOT NULL DEFAULT '',
            paragraph TEXT NOT NULL,
            text TEXT NOT NULL,
            figures TEXT NOT NULL DEFAULT '{}',
            edited_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
            UNIQUE (scope, paragraph)
        )""")
    db.execute("""
        CREATE TABLE summary_quotes (
            id TEXT PRIMARY KEY,
            scope TEXT NOT NULL DEFAULT '',
            tag_id TEXT NOT NULL,
            annotation_ids TEXT NOT NULL DEFAULT '[]',
            picked_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT,
            UNIQUE (scope, tag_id)
        )""")


@MIGRATIONS(name="0014_agencies")
def m0014_agencies(db: Database) -> None:
    """One agency across years, promise matches the reviewer corrected, and the shared-text index.

    ``agency_identity``: the reviewer's merges and splits of agency groups, stored like corrections (who, when,
    soft-deleted so that undo and merge find the same row). ``kind`` ``alias`` sends every report of a
    normalised agency key (``subject``) to another group; ``document`` puts one report (``subject`` = its id) in
    a group. ``promise_matches``: the reviewer's verdict on one item of last year's plan (quoted, anchored by its
    text) in this year's report: ``done`` (with the passage ``start``/``end``), ``shortcoming`` or
    ``not_mentioned``. ``passage_hashes``/``passage_indexed``: a derived index of sentence hashes (rebuilt from
    the texts whenever a text changes; never merged, never edited by hand).
    """
    db.execute("""
        CREATE TABLE agency_identity (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,                 -- alias | document
            subject TEXT NOT NULL,              -- normalised agency key (alias) or document id (document)
            group_key TEXT NOT NULL,            -- the group it belongs to (a key, or '#' + a name the reviewer gave)
            reviewer_id TEXT REFERENCES reviewers(id),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
        )""")
    db.execute("CREATE INDEX agency_identity_subject ON agency_identity(kind, subject)")
    db.execute("""
        CREATE TABLE promise_matches (
            id TEXT PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,   -- this year's report
            previous_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,   -- the report that promised
            item_quote TEXT NOT NULL,           -- the plan item, as it reads in the previous report
            status TEXT NOT NULL,               -- done | shortcoming | not_mentioned
            start INTEGER, "end" INTEGER,       -- the passage in this year's report (NULL: not mentioned)
            quote TEXT NOT NULL DEFAULT '',     -- that passage's text when the verdict was given
            reviewer_id TEXT REFERENCES reviewers(id),
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
        )""")
    db.execute("CREATE INDEX promise_matches_document ON promise_matches(document_id, previous_id)")
    db.execute("""
        CREATE TABLE passage_hashes (
            hash INTEGER NOT NULL, document_seq INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            length INTEGER NOT NULL,
            PRIMARY KEY (hash, document_seq, start)
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX passage_hashes_document ON passage_hashes(document_seq)")
    db.execute("CREATE TABLE passage_indexed (document_seq INTEGER PRIMARY KEY, text_sha256 TEXT NOT NULL)")


@MIGRATIONS(name="0015_corpus_listing")
def m0015_corpus_listing(db: Database) -> None:
    """Indexes that hold the corpus table's orders with every column its filters read (they replace 0004's listing
    index): filtering, sorting and counting the corpus read these small indexes, never the rows that hold the
    report texts (the columns after ``text`` in a row are only reached through its overflow pages)."""
    from desktop.core.storage.listing import listing_index_sql

    db.execute("DROP INDEX IF EXISTS documents_listing")
    for key in ("agency", "year", "doc_date", "on_time", "missing", "seq"):
        db.execute(listing_index_sql(key))


@MIGRATIONS(name="0015_search_grams")
def m0015_search_grams(db: Database) -> None:
    """The FTS5 search indexes of stops 22-24 (``search_grams``, ``search_trigrams``); they replaced 0001's
    one-token-per-character ``search_index``. Created empty: 0020 replaces them and indexes every document."""
    db.execute("DROP TABLE IF EXISTS search_index")
    tokenizer = _FTS_GRAMS_TOKENIZER.replace('"', '""')
    db.execute(f'CREATE VIRTUAL TABLE search_grams USING fts5(g, content=\'\', detail=none, tokenize="{tokenizer}")')
    db.execute("CREATE VIRTUAL TABLE search_grams_vocab USING fts5vocab(search_grams, 'row')")
    db.execute("CREATE VIRTUAL TABLE search_trigrams USING fts5(k, content='', detail=full, "
               "tokenize='trigram case_sensitive 1')")


# The tokenizer of the FTS5 gram tables of 0015 and 0019: every ASCII character but space is part of a token.
_FTS_GRAMS_TOKENIZER = "ascii tokenchars '" + "".join(
    ch for ch in map(chr, range(33, 127)) if not ch.isalnum()).replace("'", "''") + "\x01'"


@MIGRATIONS(name="0015_documents_segmenter_version")
def m0015_documents_segmenter_version(db: Database) -> None:
    """Which documents a newer segmenter must update is read from an index (``outdated_documents`` on every start
    read the rows that hold the report texts)."""
    db.execute("CREATE INDEX documents_segmenter_version ON documents(segmenter_version, seq, id)")


@MIGRATIONS(name="0015_documents_summary_index")
def m0015_documents_summary_index(db: Database) -> None:
    """The corpus table's rows (every column of a document summary) read from an index by ``seq``: a page of the
    table never reads the rows that hold the report texts."""
    db.execute("CREATE INDEX documents_summary ON documents(seq, id, name, title, agency, year, doc_number, doc_date, "
               "published_at, on_time, missing, format, encoding, replaced_by) WHERE replaced_by IS NULL")


@MIGRATIONS(name="0017_agencies_documents_index")
def m0017_agencies_documents_index(db: Database) -> None:
    """A covering index of the current reports' identity and dates, so that the agency views and the shared-text
    index read them without walking the report texts (stored before these columns, in overflow pages)."""
    db.execute("CREATE INDEX documents_identity ON documents(seq, id, agency, year, published_at, text_sha256, sha256) "
               "WHERE replaced_by IS NULL")


@MIGRATIONS(name="0019_search_quads")
def m0019_search_quads(db: Database) -> None:
    """``search_quads`` (FTS5, runs of 4 characters with their counts) of stop 24. Created empty: 0020 replaces
    it and indexes every document."""
    tokenizer = _FTS_GRAMS_TOKENIZER.replace('"', '""')
    db.execute(f'CREATE VIRTUAL TABLE search_quads USING fts5(g, content=\'\', detail=none, tokenize="{tokenizer}")')
    db.execute("CREATE VIRTUAL TABLE search_quads_vocab USING fts5vocab(search_quads, 'row')")


@MIGRATIONS(name="0020_search_segments")
def m0020_search_segments(db: Database) -> None:
    """The search index of core/storage/search/index.py (postings of runs of 1 to 4 units in segments, runs of 4
    with positions) replaces the FTS5 tables of 0015 and 0019, which cost ~5 ms of CPU per imported report; every
    stored document is indexed here (the backfill), in segments of an import batch (256 reports)."""
    from desktop.core.storage.search import index_documents

    for table in ("search_grams_vocab", "search_quads_vocab", "search_grams", "search_quads", "search_trigrams"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute("CREATE TABLE search_segments (id INTEGER PRIMARY KEY, docs INTEGER NOT NULL)")
    db.execute("CREATE TABLE search_blocks (segment INTEGER NOT NULL, length INTEGER NOT NULL, "
               "first_gram INTEGER NOT NULL, grams BLOB NOT NULL, offsets BLOB NOT NULL, firsts BLOB NOT NULL, "
               "docs BLOB NOT NULL, "
               "counts BLOB NOT NULL, positions BLOB, PRIMARY KEY (segment, length, first_gram))")
    db.execute("CREATE TABLE search_docs (seq INTEGER PRIMARY KEY, segment INTEGER NOT NULL)")
    db.execute("CREATE INDEX search_docs_segment ON search_docs(segment)")
    db.execute("CREATE TABLE search_dead (segment INTEGER NOT NULL, seq INTEGER NOT NULL, "
               "PRIMARY KEY (segment, seq)) WITHOUT ROWID")
    rows = db.conn.execute("SELECT seq, text FROM documents ORDER BY seq")
    while batch := rows.fetchmany(256):
        index_documents(db, [(seq, text, None) for seq, text in batch])


_IDENTITY = ("id", "agency", "year", "published_at", "replaced_by")  # what agency groups are made of, per report


@MIGRATIONS(name="0023_agency_identity_generation")
def m0023_agency_identity_generation(db: Database) -> None:
    """``identity_generation``: one value that changes (to a fresh random number) whenever anything the agency
    groups are made of changes — a report stored, replaced or deleted, its agency, year or publication date
    changed (segmentation, re-segmentation, a correction, a merged package), a reviewer's merge or split made,
    undone or redone. Triggers write it, so no path can forget to; desktop.core.agencies.cache keeps the corpus'
    agency identity across calls while the value stands (random, so a restored or copied database never reuses
    a value another state of it had)."""
    db.execute("CREATE TABLE identity_generation (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)")
    db.execute("INSERT INTO identity_generation (id, value) VALUES (1, random())")
    bump = "BEGIN UPDATE identity_generation SET value = random() WHERE id = 1; END"
    for name, event in (("documents_insert", "AFTER INSERT ON documents"),
                        ("documents_delete", "AFTER DELETE ON documents"),
                        ("documents_update", "AFTER UPDATE OF id, agency, year, published_at, replaced_by ON documents "
                                             "WHEN " + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _IDENTITY)),
                        ("agency_identity_insert", "AFTER INSERT ON agency_identity"),
                        ("agency_identity_delete", "AFTER DELETE ON agency_identity"),
                        ("agency_identity_update", "AFTER UPDATE ON agency_identity")):
        db.execute(f"CREATE TRIGGER identity_generation_{name} {event} {bump}")


@MIGRATIONS(name="0018_agency_pinyin_key")
def m0018_agency_pinyin_key(db: Database) -> None:
    """``documents.agency_key``: the pinyin sort key of the (effective) agency (core/collation.py), written with the
    agency by every writer, so that the corpus sorts agencies as WPS and Excel do (丰 和 吉 天 岳, not by code
    point) in SQL. Every stored document gets its key here (the backfill), and the two listing orders that read
    the agency (by agency; by year, then agency) get their indexes again on the key."""
    from desktop.core.collation import pinyin_sort_key
    from desktop.core.storage.listing import SORTS, sort_index_sql

    db.execute("ALTER TABLE documents ADD COLUMN agency_key TEXT")
    rows = db.conn.execute("SELECT seq, agency FROM documents WHERE agency IS NOT NULL").fetchall()
    db.conn.executemany("UPDATE documents SET agency_key = ? WHERE seq = ?",
                        [(pinyin_sort_key(agency), seq) for seq, agency in rows])
    for key in ("agency", "year"):
        db.execute(f"DROP INDEX IF EXISTS {SORTS[key].index}")
        db.execute(sort_index_sql(key))


@MIGRATIONS(name="0026_identity_generation_agency_key")
def m0026_identity_generation_agency_key(db: Database) -> None:
    """0023's identity value also changes with the agency sort key alone (agencies/grouped.py reads groups by it)."""
    columns = (*_IDENTITY, "agency_key")
    db.execute("DROP TRIGGER IF EXISTS identity_generation_documents_update")
    db.execute(f"CREATE TRIGGER identity_generation_documents_update AFTER UPDATE OF {', '.join(columns)} ON documents "
               f"WHEN {' OR '.join(f'OLD.{c} IS NOT NEW.{c}' for c in columns)} "
               "BEGIN UPDATE identity_generation SET value = random() WHERE id = 1; END")
