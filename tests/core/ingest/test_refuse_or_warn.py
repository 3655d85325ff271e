"""Garbage is refused with a message, never imported as a report; odd but readable formats are read (issue 16)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop.core.errors import IngestError
from desktop.core.ingest import read_report
from desktop.core.ingest.importer import FAILED, prepare_file
from desktop.core.segmentation.segment import segment_report
from tests import hostile_formats as hf
from tests.core.builders import SAMPLE


def _refused(path) -> str:
    with pytest.raises(IngestError) as caught:
        read_report(path)
    return str(caught.value)


def _whole(path) -> str:
    source = read_report(path)
    for line in hf.LINES:
        assert line in source.text, line
    assert segment_report(source.text).missing == []
    return source.text


# ---- RTF ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["gbk", "unicode"])
@pytest.mark.parametrize("name", ["report.rtf", "wps-saved.doc", "no-suffix", "renamed.txt"])
def test_rtf_is_read_whatever_its_name(tmp_path, mode, name):
    path = hf.rtf(tmp_path, name, mode)
    _whole(path)
    assert read_report(path).format == "rtf"
    assert "\\rtf" not in read_report(path).text and "fonttbl" not in read_report(path).text


def test_rtf_named_doc_in_a_folder_walk_is_read_not_skipped(tmp_path):
    prepared = prepare_file(hf.rtf(tmp_path, "年度报告.doc"), from_walk=True)
    assert prepared.outcome is None and prepared.source is not None


def test_real_doc_in_a_folder_walk_gets_the_save_as_advice(tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    outcome = prepare_file(path, from_walk=True).outcome
    assert outcome is not None and outcome.status == FAILED and "save it as .docx" in outcome.message


def test_rtf_with_thousands_of_fields_on_one_line_is_read_in_linear_time(tmp_path):
    """A hyperlink pattern that scans to the end of the line from every field made this quadratic; the result
    must not depend on how many fields follow (no time asserted: the same text, and the tests' timeout)."""
    text = read_report(hf.rtf_fields_on_one_line(tmp_path, 40_000)).text
    assert hf.LINES[-1] in text and "PAGE" not in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_rtf_saved_by_libreoffice(tmp_path):
    source = tmp_path / "lo.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                           "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "rtf", "--outdir", str(tmp_path),
                           str(source)], capture_output=True, timeout=240)
    target = tmp_path / "lo.rtf"
    if not target.exists():
        pytest.skip(f"LibreOffice could not convert here: {done.stderr[-200:]!r}")
    renamed = tmp_path / "lo-as-wps.doc"
    shutil.copy(target, renamed)
    _whole(target)
    _whole(renamed)


# ---- PDF ---------------------------------------------------------------------------------------------------------
def test_pdf_without_tounicode_is_refused_as_unreadable(tmp_path):
    message = _refused(hf.pdf_without_tounicode(tmp_path))
    assert "cannot be read as Chinese" in message and "character map" in message


@pytest.mark.parametrize("pages", [2, 6, 40])
def test_scanned_pdf_with_only_a_text_footer_is_a_scan(tmp_path, pages):
    message = _refused(hf.pdf_scanned_with_footer(tmp_path, pages))
    assert "scanned PDF" in message and f"{pages} page(s)" in message and "OCR" in message


@pytest.mark.parametrize("interleaved", [True, False])
def test_two_up_sheets_are_read_page_by_page(tmp_path, interleaved):
    """Two pages side by side per landscape sheet: each page's lines stay together, in order."""
    text = read_report(hf.pdf_two_up(tmp_path, interleaved)).text
    lines = [line for line in text.split("\n") if line]
    first = [line[:36] for line in hf.LINES]
    positions = [lines.index(line) for line in first if line in lines]
    assert len(positions) == len(first)
    assert positions == sorted(positions), "lines of two pages interleaved"


def test_real_text_pdf_is_not_mistaken_for_garbage(tmp_path):
    from tests.core.builders import pdf_bytes

    path = tmp_path / "real.pdf"
    path.write_bytes(pdf_bytes(SAMPLE))
    _whole(path)


@pytest.mark.parametrize("megabytes,streams", [(2, 3), (40, 3), (200, 1)])
def test_pdf_of_inflating_content_streams_is_refused_before_parsing(tmp_path, megabytes, streams):
    """Streams that inflate a thousandfold (a few hundred KB on disk): refused with a message before the text
    extractor parses them."""
    message = _refused(hf.pdf_inflating(tmp_path, megabytes=megabytes, streams=streams))
    assert "drawing instructions unpack to more than" in message and "not imported" in message


def test_content_budget_grows_with_the_file_and_is_spent_across_pages(tmp_path):
    from desktop.core.ingest.pdf_limits import MIN_CONTENT_BYTES, Budget

    budget = Budget("x.pdf", 1000)
    assert budget.limit == MIN_CONTENT_BYTES
    assert Budget("x.pdf", 10 * MIN_CONTENT_BYTES).limit > MIN_CONTENT_BYTES
    budget.spend(MIN_CONTENT_BYTES // 2, MIN_CONTENT_BYTES // 4)
    with pytest.raises(IngestError, match="more than 16 MB"):
        budget.spend(MIN_CONTENT_BYTES // 2 + 1, MIN_CONTENT_BYTES // 4)


def test_pdf_with_more_pages_than_a_report_is_refused(tmp_path):
    from desktop.core.ingest.pdf_limits import MAX_PAGES

    message = _refused(hf.pdf_many_pages(tmp_path, MAX_PAGES + 1))
    assert f"{MAX_PAGES + 1} pages" in message


# ---- saved web pages ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("declared", ["windows-1252", "iso-8859-1", "latin1", "cp1250", "windows-1251"])
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_declared_western_charset_is_overruled_by_gbk_bytes(tmp_path, declared, encoding):
    source = read_report(hf.html_lying_charset(tmp_path, declared, encoding))
    assert source.encoding == "gb18030"
    _whole(hf.html_lying_charset(tmp_path, declared, encoding))


def test_declared_western_charset_of_a_western_page_is_kept(tmp_path):
    path = tmp_path / "west.html"
    body = "<p>Caf\xe9 na\xefve r\xe9sum\xe9 \u2014 " + "d\xe9j\xe0 vu " * 50 + "</p>"
    path.write_bytes(f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'
                     .encode("cp1252"))
    assert "Café naïve résumé" in read_report(path).text


def test_frameset_page_names_the_file_with_the_text(tmp_path):
    message = _refused(hf.html_frameset(tmp_path, content="正文_2024.htm"))
    assert "page of frames" in message and "正文_2024.htm" in message


@pytest.mark.parametrize("what", ["comment", "script", "style"])
def test_unclosed_openings_by_the_thousand_keep_the_report(tmp_path, what):
    """Pages of unclosed <!-- or <script> grew with the square of their count; the text must be the same as with
    a few of them (the tests' timeout catches a hang; no time asserted)."""
    few = read_report(hf.html_unclosed(tmp_path, what, 3, name="few.html")).text
    many = read_report(hf.html_unclosed(tmp_path, what, 60_000, name="many.html")).text
    assert many == few and hf.LINES[-1] in many


def test_stray_less_than_signs_do_not_eat_the_text(tmp_path):
    path = tmp_path / "lt.html"
    body = "".join(f"<p>{line}</p>" for line in hf.LINES)
    path.write_text(f"<html><body><div id=zoom>{body}</div>{'<a ' * 50_000}</body></html>", encoding="utf-8")
    _whole(path)


def test_import_outcome_of_garbage_is_failed_not_imported(tmp_path):
    for path in (hf.pdf_without_tounicode(tmp_path), hf.html_frameset(tmp_path), hf.pdf_scanned_with_footer(tmp_path)):
        outcome = prepare_file(path).outcome
        assert outcome is not None and outcome.status == FAILED, path
    assert prepare_file(hf.rtf(tmp_path)).outcome is None


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_real_report_exported_to_pdf_by_libreoffice_is_read(tmp_path):
    """A real report (a seed) as LibreOffice prints it (about 240 KB of drawing instructions a page): read, not
    refused by the content budget, the footer check or the readability check."""
    from tests.conftest import SEEDS

    seed = sorted(SEEDS.glob("*.txt"))[0]
    source = tmp_path / "seed.txt"
    shutil.copy(seed, source)
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                           "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(source)], capture_output=True, timeout=240)
    target = tmp_path / "seed.pdf"
    if not target.exists():
        pytest.skip(f"LibreOffice could not convert here: {done.stderr[-200:]!r}")
    text = read_report(target).text
    original = seed.read_text(encoding="utf-8")
    chinese = [ch for ch in original if "\u4e00" <= ch <= "\u9fff"]
    assert sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") >= 0.97 * len(chinese)


def test_gbk_bytes_behind_a_western_font_are_decoded_back(tmp_path):
    text = _whole(hf.pdf_gbk_bytes_in_a_western_font(tmp_path))
    assert "Ä" not in text


@pytest.mark.parametrize("encoding", ["/StandardEncoding", "/MacRomanEncoding"])
def test_symbols_without_a_chinese_character_are_refused_or_decoded(tmp_path, encoding):
    """Through other Western encodings the bytes come out as symbols (˜‡ˇØ¸): decoded back when a code page
    gives Chinese, else refused; never imported as symbols."""
    path = hf.pdf_gbk_bytes_in_a_western_font(tmp_path, encoding)
    try:
        text = read_report(path).text
    except IngestError as exc:
        assert "cannot be read as Chinese" in str(exc)
    else:
        assert hf.LINES[0] in text


def test_scan_behind_a_typed_cover_page_is_a_scan(tmp_path):
    message = _refused(hf.pdf_scan_with_typed_cover(tmp_path))
    assert "only 1 of its 30 pages have a text layer" in message and "OCR" in message
