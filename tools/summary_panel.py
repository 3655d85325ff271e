"""A generated panel for the summary tests and screenshots: 30 agencies x 2 report years = 60 reports, 2 reviewers.

Everything is made through the core's own functions (import, scores, submit, annotations, adjudication) with a
seeded random generator, so the facts vary (late and unknown publication, missing and folded parts, repeated
shortcomings and plans, tagged problems and good practice, reviews left unfinished) but are the same every run.
The tests compute what the summary must say from the stored rows, independently of desktop.core.summary.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from desktop.core.ingest.importer import import_paths
from desktop.core.panel import adjudication as adj
from desktop.core.review.annotations import create_annotation
from desktop.core.review.codebook import default_tag_id, ensure_default_codebook
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring import scores as scoring
from desktop.core.scoring.rubric import active_rubric, active_rubric_readonly
from desktop.core.storage import open_database
from desktop.core.storage.documents import get_document, list_documents

PLACES = ["长春", "吉林", "梨树", "延吉", "通化", "白山", "松原", "白城", "四平", "辽源"]
KINDS = ["市司法局", "县人民政府", "市生态环境局"]
YEARS = (2023, 2024)
SHORT = ["一是法治宣传的针对性有待加强，二是执法人员培训覆盖面不够广，主要原因是经费保障不足、培训计划安排不够科学。",
         "行政执法规范化水平仍有提升空间，个别执法人员程序意识不强，原因在于日常监督检查不够深入。",
         "基层法治力量比较薄弱，乡镇司法所人员不足，主要原因是编制紧张、人员流动频繁。"]
PLAN = ["加强执法培训，全年组织专题培训四期，实现执法人员培训全覆盖。",
        "完善行政复议工作机制，推动复议案件集中办理，提高办案质量和效率。",
        "深化法治宣传教育，围绕重点人群开展普法活动二十场以上。"]
GOOD = "全年审核规范性文件{n}件，办理行政复议案件{m}件，纠正违法和不当行政行为{k}件。"


@dataclass
class Panel60:
    path: Path
    reviewers: dict[str, str]
    docs: dict[tuple[str, int], str] = field(default_factory=dict)  # (agency, year) -> document id
    late: set[tuple[str, int]] = field(default_factory=set)


def report_text(rng: random.Random, agency: str, year: int, *, published: str | None, drop: str | None,
                short: str, plan: str) -> str:
    lines = []
    if published:
        lines.append(f"发布时间：{published}  来源：{agency}")
    lines += [f"{agency}关于{year}年度法治政府建设情况的报告", f"{year}年，{agency}深入贯彻习近平法治思想，现将有关情况报告如下。",
              f"一、{year}年推进法治政府建设的主要举措和成效",
              "（一）完善制度体系。" + GOOD.format(n=rng.randint(5, 40), m=rng.randint(2, 30), k=rng.randint(1, 9)),
              "（二）规范行政执法。推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。"]
    n = 1
    if drop != "shortcomings":
        n += 1
        lines += [f"{'一二三四五'[n - 1]}、存在的不足和原因", short]
    if drop != "leader_duty":
        n += 1
        lines += [f"{'一二三四五'[n - 1]}、党政主要负责人履行推进法治建设第一责任人职责情况",
                  f"主要负责人带头学法，主持召开专题会议{rng.randint(2, 6)}次，研究解决法治建设重大问题。"]
    n += 1
    lines += [f"{'一二三四五'[n - 1]}、{year + 1}年工作安排", plan, "特此报告。", agency,
              f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
    return "\n".join(lines) + "\n"


def build_panel60(folder: Path, seed: int = 19) -> Panel60:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    files = folder / "reports"
    files.mkdir(exist_ok=True)
    agencies = [p + k for p in PLACES for k in KINDS]
    panel = Panel60(folder / "panel60.sqlite3", {})
    for i, agency in enumerate(agencies):
        short_prev = rng.choice(SHORT)
        plan_prev = rng.choice(PLAN)
        for year in YEARS:
            repeat = i % 4 == 0 and year == YEARS[1]
            short = short_prev if repeat or year == YEARS[0] else rng.choice([s for s in SHORT if s != short_prev])
            plan = plan_prev if repeat or year == YEARS[0] else rng.choice([p for p in PLAN if p != plan_prev])
            pick = rng.random()
            if pick < 0.15:
                published = None
            elif pick < 0.35:
                published = f"{year + 1}-04-{rng.randint(2, 28):02d}"
                panel.late.add((agency, year))
            else:
                published = f"{year + 1}-03-{rng.randint(1, 31):02d}"
            drop = "shortcomings" if i % 7 == 3 else ("leader_duty" if i % 5 == 2 else None)
            text = report_text(rng, agency, year, published=published, drop=drop, short=short, plan=plan)
            (files / f"{i:02d}_{year}.txt").write_text(text, encoding="utf-8")
    db = open_database(panel.path)
    try:
        import_paths(db, [files])
        fill(db, panel, rng)
    finally:
        db.conn.close()
    return panel


def fill(db: Database, panel: Panel60, rng: random.Random) -> None:
    ensure_default_codebook(db)
    rubric = active_rubric(db)
    ids = {name: get_or_create_reviewer(db, name).id for name in ("张三", "李四")}
    panel.reviewers = ids
    tags = {k: default_tag_id(k) for k in ("formulaic", "no_cause", "good_practice", "vague_plan")}
    for n, d in enumerate(list_documents(db)):
        panel.docs[(d.agency or "", d.year or 0)] = d.id
        record = get_document(db, d.id)
        base = [rng.randint(0, int(c.max_points / c.step)) * c.step for c in rubric.criteria]
        for who, rid in ids.items():
            unfinished = who == "李四" and n % 11 == 5
            alone = n % 13 == 7  # one reviewer only: final from one complete review, no agreement unit
            if alone and who == "李四":
                continue
            for k, c in enumerate(rubric.criteria):
                if unfinished and k == len(rubric.criteria) - 1:
                    continue
                shift = rng.choice((-1, 0, 0, 1)) * c.step if who == "李四" else 0
                scoring.set_score(db, d.id, rid, rubric, c.id, min(c.max_points, max(0.0, base[k] + shift)))
            if not unfinished and n % 17 != 9:  # a few reports: nobody submitted (no final total)
                scoring.submit_review(db, d.id, rid, rubric)
        if n % 3 == 0:
            adj.set_final_comment(db, d.id, rubric, f"报告结构基本完整，{d.agency}的不足部分原因分析仍需加强。", "组长")
        text = record.text
        for s in record.sections:
            if s.kind == "shortcomings" and s.placement == "section":
                body = s.start + len(s.heading) + 1
                cut = text.index("，", body)
                create_annotation(db, d.id, body, cut, reviewer_id=ids["张三"], tag_ids=(tags["formulaic"],),
                                  comment="表述笼统")
                if n % 2:
                    end = text.index("。", body) + 1
                    create_annotation(db, d.id, cut + 1, end, reviewer_id=ids["李四"], tag_ids=(tags["no_cause"],))
            if s.kind == "achievements" and n % 4 == 1:
                start = text.index("全年审核", s.start)
                create_annotation(db, d.id, start, text.index("。", start) + 1, reviewer_id=ids["张三"],
                                  tag_ids=(tags["good_practice"],), comment="数据具体")
            if s.kind == "next_plan" and n % 5 == 0:
                body = s.start + len(s.heading) + 1
                create_annotation(db, d.id, body, text.index("，", body), reviewer_id=ids["李四"],
                                  tag_ids=(tags["vague_plan"],))


FINISHED = ("SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.document_id = d.id) "
            "AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.document_id = d.id AND r.status != 'done') "
            "AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND NOT EXISTS ("
            "SELECT 1 FROM reviews r WHERE r.document_id = d.id AND r.reviewer_id = a.reviewer_id)) "
            "ORDER BY d.seq LIMIT 1")


def change_a_score(db) -> str:
    """Move one criterion of a report whose reviews are all submitted (so it has a final): to 0 for every
    reviewer, or to the maximum where all gave 0 (the sum always changes). Reopen, set, submit, as the form does."""
    rubric = active_rubric_readonly(db)
    c = rubric.criteria[3]
    doc = next(r["id"] for r in db.query(FINISHED))
    reviewers = [r["reviewer_id"] for r in db.query("SELECT reviewer_id FROM reviews WHERE document_id = ?", [doc])]
    current = [scoring.get_score(db, doc, rid, rubric.id, c.id) for rid in reviewers]
    new = c.max_points if all(e is None or not e.value for e in current) else 0.0
    for rid in reviewers:
        scoring.reopen_review(db, doc, rid, rubric)
        scoring.set_score(db, doc, rid, rubric, c.id, new)
        scoring.submit_review(db, doc, rid, rubric)
    return doc
