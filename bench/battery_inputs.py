"""The battery's second round of hostile inputs (issue 16): Word read whole, garbage refused, bounded work,
arguments in any encoding, nothing silently left out, export targets. Each case runs the real command line
(bench/battery.py's Battery) and checks the result and the message a user sees."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

from bench.battery import SEEDS, Battery, Run, expect, import_one, imported_whole, lines
from tests import hostile, hostile_formats, hostile_word

GBK = "报告".encode("gbk")


def word_cases(b: Battery) -> None:
    for label, builder in (("tracked insertions in, deletions out (w:ins/w:del)", hostile_word.tracked_insertions),
                           ("content controls (w:sdt) in body, runs and cells", hostile_word.content_controls),
                           ("whole body one content control (a template)", hostile_word.whole_body_in_one_control),
                           ("text box with its VML fallback (read once)", hostile_word.text_boxes),
                           ("tables nested three deep", hostile_word.nested_tables),
                           ("w:customXml and smart tags", hostile_word.custom_xml),
                           ("field results (DATE, AUTHOR), instructions dropped", hostile_word.fields),
                           ("a field begun and never ended", hostile_word.unterminated_field),
                           ("all constructs nested in each other", hostile_word.everything),
                           ("w:altChunk: embedded html, rtf and docx", hostile_word.alt_chunks)):
        b.case("word", f"docx: {label}", lambda f, make=builder: _whole_once(b, f, make(f)))
    b.case("word", "docx: 2 KB, styles based on each other", lambda f: import_one(
        b, f, hostile_word.style_cycle(f), "imported"))
    b.case("word", "docx: list linked to a style linked back", lambda f: import_one(
        b, f, hostile_word.numbering_link_cycle(f), "imported"))
    for kind, member, needle in (("odt", ("mimetype", b"application/vnd.oasis.opendocument.text"), "OpenDocument"),
                                 ("ofd", ("OFD.xml", b"<ofd:OFD/>"), "OFD document"),
                                 ("xlsx", ("xl/workbook.xml", b"<workbook/>"), "Excel workbook"),
                                 ("pptx", ("ppt/presentation.xml", b"<p/>"), "PowerPoint")):
        b.case("word", f"{kind} renamed .docx", lambda f, k=kind, m=member, n=needle: import_one(
            b, f, _zip(f / f"{k}.docx", m), "failed", n))


def _zip(path: Path, member: tuple[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(*member)
        archive.writestr("content.xml", b"<x/>")
    return path


def _whole_once(b: Battery, folder: Path, path: Path) -> str:
    """Imported with every part, each report line stored exactly once and no deleted text."""
    text = imported_whole(b, folder, path)
    doc_id = json.loads(b.cli("list", "--json", "--db", str(folder / "c.sqlite3")).out)[0]["id"]
    conn = sqlite3.connect(folder / "c.sqlite3")
    try:
        stored = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    finally:
        conn.close()
    stored_lines = stored.split("\n")
    for line in hostile_word.LINES:
        expect(stored_lines.count(line) == 1, f"{line!r} stored {stored_lines.count(line)} times")
    expect(hostile_word.DELETED not in stored and hostile_word.INSTRUCTION not in stored, "deleted text stored")
    return text


def garbage_cases(b: Battery) -> None:
    b.case("garbage", "rtf (GBK escapes)", lambda f: imported_whole(b, f, hostile_formats.rtf(f)))
    b.case("garbage", "rtf saved as .doc (WPS)", lambda f: imported_whole(b, f, hostile_formats.rtf(f, "wps.doc")))
    b.case("garbage", "pdf: CJK font without ToUnicode", lambda f: import_one(
        b, f, hostile_formats.pdf_without_tounicode(f), "failed", "cannot be read as Chinese"))
    b.case("garbage", "pdf: GBK bytes through a Western font (ÄêÓÚ)", lambda f: imported_whole(
        b, f, hostile_formats.pdf_gbk_bytes_in_a_western_font(f)))
    b.case("garbage", "pdf: scan with a text footer and page numbers", lambda f: import_one(
        b, f, hostile_formats.pdf_scanned_with_footer(f), "failed", "apart from page headers"))
    b.case("garbage", "pdf: printed 2-up, lines interleaved", lambda f: _two_up(b, f))
    b.case("garbage", "html: GBK bytes, meta says windows-1252", lambda f: imported_whole(
        b, f, hostile_formats.html_lying_charset(f)))
    b.case("garbage", "html: frameset page", lambda f: import_one(
        b, f, hostile_formats.html_frameset(f), "failed", "content_2024.htm"))


def _two_up(b: Battery, folder: Path) -> str:
    path = hostile_formats.pdf_two_up(folder)
    text = import_one(b, folder, path, "imported")
    seg = json.loads(b.cli("segment", str(path), "--json").out)
    expect(seg["missing"] == [], f"parts missing: {seg['missing']}")
    return text + " (pages read half by half: every part found)"


def bounded_cases(b: Battery) -> None:
    b.case("bounded", "pdf: 3 streams inflating 1000-fold (200 KB)", lambda f: import_one(
        b, f, hostile_formats.pdf_inflating(f, megabytes=60), "failed", "drawing instructions", timeout=60))
    b.case("bounded", "pdf: 20,000 pages", lambda f: import_one(
        b, f, hostile_formats.pdf_many_pages(f, 20_000), "failed", "more than the", timeout=120))
    for what in ("comment", "script"):
        b.case("bounded", f"html: 60,000 unclosed <{'!--' if what == 'comment' else what}>", lambda f, w=what:
               imported_whole(b, f, hostile_formats.html_unclosed(f, w, 60_000)))
    b.case("bounded", "rtf: 40,000 fields on one line", lambda f: import_one(
        b, f, hostile_formats.rtf_fields_on_one_line(f, 40_000), "imported", timeout=120))

    def one_line(folder: Path) -> str:
        path = folder / "one-line.txt"
        path.write_text(hostile.variant(60).replace("\n", "") + "一是加强执法。" * (8 * 2**20 // 21), encoding="utf-8")
        run: Run = b.cli("import", str(path), "--db", str(folder / "c.sqlite3"), timeout=600)
        expect(run.code == 0 and lines(run)[0][0] == "imported", run.out[:200])
        return "imported (the 一是 items of one line found in linear time)"

    b.case("bounded", "txt: 8 MB on one line of 一是 items", one_line)


def encoding_cases(b: Battery) -> None:
    def gbk_names(folder: Path) -> str:
        db = os.fsencode(folder) + b"/" + GBK + b".sqlite3"
        expect(b.cli("import", str(sorted(SEEDS.glob("*.txt"))[0]), "--db", db).code == 0, "import")
        doc = json.loads(b.cli("list", "--json", "--db", db).out)[0]["id"]
        done = b.cli("correct", doc, "--field", b"title=" + "某县报告".encode("gbk"), "--reviewer", GBK, "--db", db)
        expect(done.code == 0, done.err)
        shown = json.loads(b.cli("show", doc, "--json", "--db", db).out)
        expect(shown["title"] == "某县报告", f"title {shown['title']!r}")
        out = os.fsencode(folder) + b"/" + GBK + b".csv"
        expect(b.cli("assign", "--reviewer", GBK, "--db", db).code == 0, "assign")
        expect(b.cli("export", "--format", "csv", "--out", out, "--reviewer", GBK, "--db", db).code == 0, "export")
        package = os.fsencode(folder) + b"/" + "包".encode("gbk") + b".sqlite3"
        expect(b.cli("package", "--reviewer", GBK, "--out", package, "--db", db).code == 0, "package")
        return "GBK --db, --field, --reviewer, export --out, package --out: all work, title stored as 某县报告"

    b.case("arguments", "GBK bytes in names and text arguments", gbk_names)

    def not_text(folder: Path) -> str:
        db = folder / "c.sqlite3"
        b.cli("import", str(sorted(SEEDS.glob("*.txt"))[0]), "--db", str(db))
        doc = json.loads(b.cli("list", "--json", "--db", str(db)).out)[0]["id"]
        run = b.cli("correct", doc, "--field", "title=x", "--reviewer", b"\xff\xfe\x80", "--db", str(db))
        expect(run.code == 2 and "--reviewer" in run.message, f"exit {run.code}: {run.err[-200:]}")
        return run.message

    b.case("arguments", "--reviewer neither UTF-8 nor GBK", not_text)

    def missing_db(folder: Path) -> str:
        db = folder / "mistyped.sqlite3"
        messages = []
        for command in (["list"], ["export", "--format", "csv", "--out", str(folder / "o.csv")], ["show", "x"]):
            run = b.cli(*command, "--db", str(db))
            expect(run.code == 1 and "no database at" in run.message, f"{command[0]}: exit {run.code}")
            messages.append(run.message)
        expect(not db.exists() and not (folder / "o.csv").exists(), "a file was created")
        return messages[0]

    b.case("arguments", "list/export/show on a mistyped --db", missing_db)


def folder_cases(b: Battery) -> None:
    def unreachable(folder: Path) -> str:
        roles = hostile_formats.folder_with_unreachable_parts(folder)
        try:
            for path in (folder, roles["top"], roles["secret"].parent):
                path.chmod(0o755)
            db_dir = folder / "db"
            db_dir.mkdir()
            db_dir.chmod(0o777)
            run = b.cli("import", str(roles["top"]), "--db", str(db_dir / "c.sqlite3"), user=True)
            got = {line[1].rsplit("/", 1)[-1][:12]: line for line in lines(run)}
            expect(got["key.txt"][0] == "skipped" and got["home"][0] == "skipped", f"links: {run.out[:300]}")
            deep = [line for line in lines(run) if "d" * 240 in line[1]]
            expect(bool(deep) and deep[0][0] == "failed", "too-long path not listed")
            expect(run.code == 1 and "PRIVATE KEY" not in run.out, f"exit {run.code}")
            locked = got.get("locked", ["", "", ""])
            return f"{len(lines(run))} lines: key.txt {got['key.txt'][2]}; deep: {deep[0][2]}; locked: {locked[2]}"
        finally:
            shutil.rmtree(roles["deep"], ignore_errors=True)

    b.case("folders", "unreadable folder, too-long path, links out", unreachable)


def export_cases(b: Battery) -> None:
    for target in ("/dev/null", "/dev/stdout"):
        def device(folder: Path, target: str = target) -> str:
            db = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
            before = os.lstat(target)
            run = b.cli("export", "--format", "csv", "--out", target, "--db", str(db))
            after = os.lstat(target)
            expect(run.code == 1 and (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino),
                   f"exit {run.code}, {target} replaced")
            return run.message

        b.case("export", f"--out {target}", device)

    def symlink(folder: Path) -> str:
        db = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
        kept = folder / "keep.txt"
        kept.write_text("mine", encoding="utf-8")
        (folder / "out.csv").symlink_to(kept)
        run = b.cli("export", "--format", "csv", "--out", str(folder / "out.csv"), "--db", str(db))
        expect(run.code == 1 and kept.read_text(encoding="utf-8") == "mine", f"exit {run.code}")
        return run.message

    b.case("export", "--out is a symbolic link", symlink)

    def header(folder: Path) -> str:
        from desktop.core.scoring.rubric import load_default_rubric, parse_rubric, set_active_rubric
        from desktop.core.storage import open_database

        path = hostile.reviewer_db(folder / "c.sqlite3", SEEDS)
        default = load_default_rubric()
        title = "=HYPERLINK(A1,点我)"
        content = default.content.replace(f'title = "{default.criteria[0].title}"', f'title = "{title}"', 1)
        db = open_database(path)
        try:
            set_active_rubric(db, parse_rubric(content, "merged rubric"))
        finally:
            db.conn.close()
        out = folder / "s.csv"
        run = b.cli("export", "--format", "csv", "--out", str(out), "--db", str(path))
        head = out.read_text(encoding="utf-8-sig").split("\r\n")[0]
        expect(run.code == 0 and "'" + title in head, f"header {head[:200]!r}")
        return "csv header cell written as '" + title

    b.case("export", "criterion title =HYPERLINK(…) in the csv header", header)


def register(b: Battery) -> None:
    """Every issue-16 case, in the order of the issue's classes."""
    for group in (word_cases, garbage_cases, bounded_cases, encoding_cases, folder_cases, export_cases):
        group(b)
