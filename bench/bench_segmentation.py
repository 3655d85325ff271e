"""Segmentation time on generated pathological pages: is it linear in length and in the number of lines?

Texts: 25k and 50k short clutter-like lines (source lines, tool links, sign-offs, page numbers, short run-in
items), a ~4 MB page of such lines, a ~4 MB report on one line, and the seed reports repeated to ~4 MB.
For each it prints seconds per MB next to a floor measured in the same run (fold + split into lines + one
regex scan per line: the least any line-based segmenter does) and checks:
- seconds per MB <= MAX_TIMES_FLOOR times the floor's on every text (the floor makes the check independent of
  the machine and its load; on an idle 2020s laptop core the floor is ~0.1 s/MB, so the limit is a few s/MB);
- doubling the lines at most LINEAR_RATIO times the time (quadratic work would give ~4x).
Seconds per MB are printed as measured, for the record.

    .venv/bin/python bench/bench_segmentation.py
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.segmentation.segment import segment_report  # noqa: E402
from desktop.core.segmentation.variants import fold_variants  # noqa: E402

MAX_TIMES_FLOOR = 40.0
LINEAR_RATIO = 2.6
_CLUTTER_LINES = ["来源：某局", "发布时间：2024-03-01 10:2{}", "【打印】【关闭】", "初审：张三", "{}", "首页 > 政务公开",
                  "浏览次数：3{}", "一是加强{}", "（一）加强建设", "1.完善制度", "责任编辑：李四", "- {} -", "[纠错]",
                  "分享到：", "第{}页 共9页", "二是完善", "今天是：2024年3月1日 星期五"]


def clutter_lines(n: int, seed: int = 1) -> str:
    """A report title and first heading followed by ``n`` short clutter-like lines."""
    rnd = random.Random(seed)
    lines = ["某局关于2023年度法治政府建设情况的报告", "一、主要举措和成效"]
    lines += [rnd.choice(_CLUTTER_LINES).format(i % 97) for i in range(n)]
    return "\n".join(lines)


def seeds_repeated(target_bytes: int) -> str:
    """The seed reports concatenated until the text reaches ``target_bytes`` of UTF-8."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out, size, i = [], 0, 0
    while size < target_bytes:
        out.append(texts[i % len(texts)])
        size += len(texts[i % len(texts)].encode())
        i += 1
    return "\n".join(out)


def to_size(make, target_bytes: int) -> str:
    """Grow a generated text (``make(n)``) until it reaches about ``target_bytes``."""
    n = 1000
    text = make(n)
    n = int(n * target_bytes / max(1, len(text.encode())))
    return make(n)


_FLOOR_RULE = re.compile(r"(来源|发布时间|打印|初审)\s*[:：]?|^[一二三四五六七八九十]+、")


def floor_seconds(text: str) -> float:
    start = time.perf_counter()
    folded = fold_variants(text)
    hits = sum(1 for line in folded.split("\n") if _FLOOR_RULE.search(line.strip()))
    assert hits >= 0
    return time.perf_counter() - start


def timed(text: str) -> float:
    start = time.perf_counter()
    segment_report(text)
    return time.perf_counter() - start


def main() -> int:
    four_mb = 4_000_000
    one_line = seeds_repeated(four_mb).replace("\n", "")
    cases = {
        "25k clutter lines": clutter_lines(25_000),
        "50k clutter lines": clutter_lines(50_000),
        "~4 MB clutter lines": to_size(clutter_lines, four_mb),
        "~4 MB seeds repeated": seeds_repeated(four_mb),
        "~4 MB on one line": one_line,
    }
    ok = True
    times: dict[str, float] = {}
    print(f"{'text':<24}{'MB':>7}{'lines':>9}{'seconds':>10}{'s/MB':>8}{'floor s/MB':>12}")
    for name, text in cases.items():
        mb = len(text.encode()) / 1e6
        seconds = timed(text)
        times[name] = seconds
        floor = floor_seconds(text)
        per_mb = seconds / mb
        limit = MAX_TIMES_FLOOR * floor / mb
        flag = "" if per_mb <= limit else f"  > {MAX_TIMES_FLOOR:.0f}x the floor ({limit:.2f} s/MB)"
        ok &= per_mb <= limit
        print(f"{name:<24}{mb:>7.2f}{text.count(chr(10)) + 1:>9}{seconds:>10.2f}{per_mb:>8.2f}{floor / mb:>12.3f}{flag}")
    ratio = times["50k clutter lines"] / max(times["25k clutter lines"], 1e-9)
    ok &= ratio <= LINEAR_RATIO
    print(f"50k/25k lines time ratio: {ratio:.2f} (linear ~2, limit {LINEAR_RATIO})")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
