"""Field-by-field digests of what a worker makes of a report text, pinned to catch any change of result.

Speed work on segmentation and the shared-text sentences must not change a single result. This module gives, for
a text, a digest of every field a worker hands to the writer (sections with their headings, kinds, placements,
confidence and reasons; outline; clutter spans; missing parts and their candidates; metadata values, sources,
confidence and reasons; closing start; document type; truncation; the shared-text sentences and their skips), so
a failing comparison names the text AND the field that changed. tests/core/segmentation/test_pinned_fields.py
compares the pinned corpus (seeds, real openings, their damaged/traditional/flattened/page-chrome variants and
synthetic bench reports) with tests/data/segmentation_fields.json.

    .venv/bin/python bench/segmentation_pin.py --update                  # after a DELIBERATE change of result
    .venv/bin/python bench/segmentation_pin.py --save /tmp/before.json --folder DIR --limit 2000
    .venv/bin/python bench/segmentation_pin.py --against /tmp/before.json --folder DIR --limit 2000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.ingest import read_report  # noqa: E402
from desktop.core.segmentation.segment import segment_report  # noqa: E402
from desktop.core.segmentation.variants_table import SIMPLIFIED, TRADITIONAL  # noqa: E402
from desktop.core.storage.passages import passage_sentences, segmentation_skips  # noqa: E402
from desktop.core.text import normalize_text  # noqa: E402

PINNED = ROOT / "tests" / "data" / "segmentation_fields.json"
SYNTHETIC = 150  # synthetic bench reports in the pinned corpus (bench/corpus.py, fixed seed)


def fields(text: str) -> dict[str, object]:
    """Every result a worker hands on for ``text``, by field name (JSON-able values)."""
    seg = segment_report(text)
    out: dict[str, object] = dict(seg.to_json())
    out["outline"] = [(h.style, h.value, h.level, h.start, h.heading_end, h.end, h.run_in, h.text,
                       len(h.children)) for h in seg.outline]
    out["metadata_rejected"] = list(seg.metadata.rejected)
    out["closing_start"] = seg.closing_start
    out["notes"] = list(seg.notes)
    out["text_kept"] = seg.text == text
    skips = segmentation_skips(seg)
    out["skips"] = skips
    out["sentences"] = [tuple(s) for s in passage_sentences(text, skips)]
    return out


def digest(value: object) -> str:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def field_digests(text: str) -> dict[str, str]:
    return {name: digest(value) for name, value in fields(text).items()}


_TO_TRADITIONAL = {ord(s): t for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)}
_WATERMARK = "第一秘书之家—全网资源每日更新www.diyimishu.com"


def _traditional(text: str) -> str:
    return text.translate(_TO_TRADITIONAL)


def _damaged(text: str, rng: random.Random) -> str:
    """Mirror-site damage: a repeated watermark inside phrases, a notice, pinyin after characters, split words."""
    out = list(text)
    for pos in sorted(rng.sample(range(len(out)), min(6, len(out))), reverse=True):
        out.insert(pos, _WATERMARK)
    damaged = "".join(out)
    damaged = damaged.replace("建设", "建设(shè)", 2).replace("法治", "法 治", 3).replace("不足", "不 足", 2)
    cut = len(damaged) // 3
    return damaged[:cut] + "（此处已省略650字）" + damaged[cut:]


def _flattened(text: str) -> str:
    """The whole report on one line (a page flattened by a bad copy)."""
    return text.replace("\n", "")


def _page(text: str, rng: random.Random) -> str:
    """Portal chrome around the report: breadcrumb, a date/source run, share buttons, sign-offs, a footer."""
    head = ["首页 > 政务公开 > 法治政府建设", "当前位置：首页 > 信息公开 > 年度报告",
            "发布时间：2024-03-28 10:09:12  来源：司法局  浏览次数：132", "【字体：大 中 小】 【打印】 【关闭】"]
    tail = ["初审：张三", "审核：李四", "扫一扫在手机打开当前页", "版权所有：某某市人民政府", "网站标识码：1234567890",
            "京ICP备12345678号", "第 1 页 共 1 页"]
    lines = text.split("\n")
    lines[1:1] = ["分享到：微信 微博 QQ空间"]
    if rng.random() < 0.5:
        lines[len(lines) // 2:len(lines) // 2] = ["- 3 -"]
    return "\n".join(rng.sample(head, 3) + lines + tail)


def pinned_texts() -> Iterator[tuple[str, str]]:
    """(label, normalized text) of the pinned corpus, in a stable order."""
    from bench.corpus import make_report, seed_pools

    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "data" / "real_openings").glob("*.txt"))
    rng = random.Random(26)
    for path in files:
        label = f"{path.parent.name}/{path.name}"
        text = read_report(path).text
        yield label, text
        yield label + "#traditional", normalize_text(_traditional(text))
        yield label + "#damaged", normalize_text(_damaged(text, rng))
        yield label + "#flattened", normalize_text(_flattened(text))
        yield label + "#page", normalize_text(_page(text, rng))
        yield label + "#cut", normalize_text(text[: len(text) // 2])  # cut mid-report: a truncated text
    pools = seed_pools()
    synth = random.Random(7)
    for i in range(SYNTHETIC):
        yield f"synthetic/{i:03d}", normalize_text(make_report(synth, pools, i))


def current() -> dict[str, dict[str, str]]:
    return {label: field_digests(text) for label, text in pinned_texts()}


def load_pinned() -> dict[str, dict[str, str]]:
    """The pinned digests: stored compactly as the field names once and a line of digests per text."""
    stored = json.loads(PINNED.read_text(encoding="utf-8"))
    names = stored["fields"]
    return {label: dict(zip(names, line.split(), strict=True)) for label, line in stored["texts"].items()}


def save_pinned(now: dict[str, dict[str, str]]) -> None:
    names = sorted({name for digests in now.values() for name in digests})
    texts = {label: " ".join(digests.get(name, "-") for name in names) for label, digests in now.items()}
    PINNED.write_text(json.dumps({"fields": names, "texts": texts}, ensure_ascii=False, indent=0) + "\n",
                      encoding="utf-8")


def differences(stored: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> list[str]:
    """``label: field`` for every field whose digest differs (and labels missing on either side)."""
    out = [f"{label}: (not pinned)" for label in now if label not in stored]
    out += [f"{label}: (gone)" for label in stored if label not in now]
    for label, digests in now.items():
        before = stored.get(label, {})
        out += [f"{label}: {name}" for name in sorted(set(digests) | set(before)) if digests.get(name) != before.get(name)]
    return out


def folder_digests(folder: Path, limit: int) -> dict[str, dict[str, str]]:
    """Digests of the first ``limit`` report files of a folder (e.g. the bench corpus), read as an import reads them."""
    files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")[:limit]
    return {p.name: field_digests(read_report(p).text) for p in files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="pin the current results (after a deliberate change)")
    parser.add_argument("--folder", type=Path, help="digest report files of this folder instead of the pinned corpus")
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--save", type=Path, help="write the folder's digests here")
    parser.add_argument("--against", type=Path, help="compare the folder's digests with this file")
    args = parser.parse_args(argv)
    if args.folder is not None:
        now = folder_digests(args.folder, args.limit)
        if args.save:
            args.save.write_text(json.dumps(now, sort_keys=True), encoding="utf-8")
            print(f"wrote {args.save}: {len(now)} files")
            return 0
        if args.against:
            diff = differences(json.loads(args.against.read_text(encoding="utf-8")), now)
            print(f"{len(now)} files, {len(diff)} differing fields" + "".join(f"\n  {d}" for d in diff[:50]))
            return 1 if diff else 0
        parser.error("--folder needs --save or --against")
    now = current()
    if args.update:
        save_pinned(now)
        print(f"wrote {PINNED}: {len(now)} texts")
        return 0
    diff = differences(load_pinned(), now)
    print(f"{len(now)} texts, {len(diff)} differing fields" + "".join(f"\n  {d}" for d in diff[:50]))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
