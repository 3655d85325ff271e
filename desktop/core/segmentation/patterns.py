"""Regular expressions shared by cleaning, segmentation and metadata."""

from __future__ import annotations

import re
from functools import lru_cache

CN_DIGITS = "〇零一二三四五六七八九十"
# 吉政数文〔2026〕11号, 长政办发[2025]3号, 国办函（2024）12号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5]{1,12}\s*[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*第?\s*\d{1,5}\s*号")
# the bracketed year every document number holds: DOC_NUMBER tries up to 12 ideographs at every character (~30 us on
# a paragraph), this is scanned for in C
_DOC_NUMBER_YEAR = re.compile(r"[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]")


def find_doc_number(s: str) -> re.Match[str] | None:
    """``DOC_NUMBER.search(s)``, looked for only in a string holding a bracketed year."""
    return DOC_NUMBER.search(s) if _DOC_NUMBER_YEAR.search(s) else None
DATE_CN = re.compile(
    r"\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*"
    r"|\s*([二〇零一三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*"
)
DATE_ANY = re.compile(
    r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})"
)
# 信息公开, 普法, 述法, 执法统计: look-alike documents keep their titles too (segment --json doc_type names them)
TITLE_WORDS = re.compile(r"(法治|依法行政|法治政府|法治建设|信息公开|普法|述法|执法.{0,6}统计)")
# a breadcrumb (首页 > 政务公开 > …) ends like a title but is page navigation
_BREADCRUMB = re.compile(r"\S\s*[>＞»›]\s*\S|首页\s*[》→]|^\W?\d{0,3}(首页|当前位置|您现在的位置|您所在的位置|您的位置|你的位置)")


# a page's title without 报告 (青山县司法局2023年度法治政府建设情况): the report itself, never portal chrome
TITLE_WITHOUT_REPORT = re.compile(r"[\u4e00-\u9fa5（）()]{0,30}(?:19|20)\d{2}\s*年度?[\u4e00-\u9fa5]{0,12}"
                                  r"(?:法治政府建设|依法行政)(?:工作)?(?:情况|总结|年报)")


def is_title_line(line: str) -> bool:
    """True for a line that reads like a report title (…关于2025年度法治政府建设情况的报告)."""
    s = line.strip()
    return 6 <= len(s) <= 90 and s.endswith(("报告", "报告》", "的报告", "情况报告", "年度报告", "总结")) and bool(
        TITLE_WORDS.search(s)
    ) and not s.startswith(("现将", "特此")) and not _BREADCRUMB.search(s)


_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@lru_cache(maxsize=4096)  # the same few numerals (一 … 二十) are read thousands of times in a corpus
def cn_number(s: str) -> int | None:
    """Value of a Chinese numeral (一 … 九十九, 〇/零 digits in years); None if it is not one."""
    digits = _CN_DIGIT
    if not s:
        return None
    if all(ch in digits for ch in s) and len(s) > 1:
        return int("".join(str(digits[ch]) for ch in s))
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = digits.get(head, None) if head else 1
        ones = digits.get(tail, None) if tail else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    return digits.get(s) if len(s) == 1 else None
