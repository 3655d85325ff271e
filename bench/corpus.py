"""Synthetic corpora made by recombining the seed reports' paragraphs (for benchmarks only)."""

from __future__ import annotations

import random
from pathlib import Path

from desktop.core.ingest import read_report
from desktop.core.segmentation.segment import segment_report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
AGENCIES = ["市司法局", "县人民政府", "区生态环境局", "市场监督管理局", "自然资源局", "住房和城乡建设局", "教育局", "卫生健康委员会"]
PLACES = ["长春", "吉林", "梨树", "延吉", "通化", "白山", "松原", "白城", "四平", "辽源"]
CN_NUM = "一二三四五六七八九十"


def seed_pools() -> dict[str, list[str]]:
    """Body paragraphs of the seeds by part kind."""
    pools: dict[str, list[str]] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = read_report(path).text
        seg = segment_report(text)
        for part in seg.parts():
            body = text[part.start + len(part.heading):part.end]
            paras = [p.strip() for p in body.split("\n") if len(p.strip()) > 20]
            pools.setdefault(part.kind, []).extend(paras)
    return pools


HEADINGS = {
    "achievements": ["{y}年推进法治政府建设的主要举措和成效", "{y}年法治政府建设基本情况", "主要工作情况"],
    "shortcomings": ["存在的不足和原因", "存在的问题和不足", "{y}年推进法治政府建设存在的不足和原因"],
    "leader_duty": ["党政主要负责人履行推进法治建设第一责任人职责情况", "主要负责人履行法治建设第一责任人职责情况"],
    "next_plan": ["{n}年推进法治政府建设的主要安排", "下一步工作打算", "明年工作安排"],
}


def make_report(rng: random.Random, pools: dict[str, list[str]], index: int) -> str:
    year = rng.randint(2019, 2025)
    agency = rng.choice(PLACES) + rng.choice(AGENCIES)
    lines = []
    if rng.random() < 0.3:
        lines += [f"{agency}   {year + 1}-0{rng.randint(1, 6)}-1{rng.randint(0, 9)} 10:00:00   来源:{agency}", ""]
    if rng.random() < 0.8:
        lines.append(f"{agency}关于{year}年度法治政府建设情况的报告")
    lines.append(f"{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，现将有关情况报告如下。第{index}号。")
    kinds = ["achievements", "shortcomings", "leader_duty", "next_plan"]
    if rng.random() < 0.25:
        kinds.remove("shortcomings")
    if rng.random() < 0.25:
        kinds.remove("leader_duty")
    for i, kind in enumerate(kinds):
        heading = rng.choice(HEADINGS[kind]).format(y=year, n=year + 1)
        lines.append(f"{CN_NUM[i]}、{heading}")
        pool = pools.get(kind) or pools["achievements"]
        for j in range(rng.randint(2, 5) if kind in ("achievements", "next_plan") else rng.randint(1, 2)):
            lines.append(f"（{CN_NUM[j]}）" + rng.choice(pool) if kind != "shortcomings" else rng.choice(pool))
    lines += ["特此报告。", agency, f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
    if rng.random() < 0.2:
        lines.append("初审:张三 复审:李四 终审:王五")
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` synthetic reports (UTF-8, some GB18030) into ``folder``."""
    rng = random.Random(seed)
    pools = seed_pools()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        text = make_report(rng, pools, i)
        path = folder / f"r{i:05d}.txt"
        path.write_bytes(text.encode("gb18030" if i % 10 == 0 else "utf-8"))
        paths.append(path)
    return paths
