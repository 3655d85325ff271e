"""The eight chapters of the summary, drafted from the facts by rules.

Every sentence is put together from :class:`~desktop.core.summary.model.Figure` values (a number or a short fact
from the database, formatted by :mod:`numbers`) and exact quotes; nothing is said that the facts do not hold, and
what the database cannot tell is said as not known. Paragraph keys are stable (a reviewer's rewrite is stored
under them): ``<chapter>.<name>``, ``problems.<tag id>`` per problem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from desktop.core.export.data import SheetAnnotation
from desktop.core.export.sheets.charts import CriterionStat, Dashboard
from desktop.core.segmentation.classify import KIND_LABELS, REQUIRED_KINDS
from desktop.core.summary.facts import Facts, ReportFacts
from desktop.core.summary.model import Chapter, Chart, Figure, Paragraph, Quote, QuoteList, Sentence, Table
from desktop.core.summary.numbers import (
    alpha_meaning,
    alpha_reason,
    compare,
    difference,
    fmt_alpha,
    fmt_change,
    fmt_count,
    fmt_date,
    fmt_rate,
    fmt_score,
    mean_of,
    median_of,
    share,
)

NUMBERS = "一二三四五六七八九十"
QUOTES_PER_TAG = 3
WEAKEST = 2


def _label(kind: str) -> str:
    return KIND_LABELS[kind][0]


def _name(r: ReportFacts) -> str:
    return f"{r.agency}{f'（{r.document.year}年度）' if r.document.year else ''}"


def _names(reports: Iterable[ReportFacts], limit: int = 12) -> str:
    items = [_name(r) for r in reports]
    more = f"等{len(items)}份" if len(items) > limit else ""
    return "、".join(items[:limit]) + more


def _sentence(template: str, *figures: Figure, quotes: tuple[Quote, ...] = ()) -> Sentence:
    """A sentence from a template with ``{0}``, ``{1}``… standing for the figures' shown text."""
    return Sentence(template.format(*(f.text for f in figures)), tuple(figures), quotes)


# --- 一、评估概况 ---------------------------------------------------------------------------------------------

def overview(facts: Facts) -> Chapter:
    reports = facts.reports
    n = Figure("reports", fmt_count(len(reports)), "数据库中评估范围内的当前报告数（重新导入替换的旧版本不计）")
    years = sorted({r.document.year for r in reports if r.document.year is not None})
    no_year = sum(1 for r in reports if r.document.year is None)
    year_text = "、".join(f"{y}年度" for y in years) or "未识别"
    y = Figure("years", year_text + (f"（另有{no_year}份年度未识别）" if no_year and years else ""),
               "各报告的报告年度（识别所得，含评阅人的更正）")
    levels = Counter(r.level for r in reports)
    gov = Figure("level.gov", fmt_count(levels.get("政府", 0)), "报告机关名称以“人民政府”或“政府”结尾的报告数")
    dept = Figure("level.dept", fmt_count(levels.get("部门", 0)), "报告机关为政府部门（其他机关名称）的报告数")
    scope = [_sentence("本次评估共涉及法治政府建设年度报告{0}份，报告年度为{1}。", n, y),
             _sentence("按报告机关区分，政府报告{0}份，部门报告{1}份", gov, dept)]
    if levels.get("未识别"):
        unknown = Figure("level.unknown", fmt_count(levels["未识别"]), "报告机关未识别的报告数")
        scope.append(_sentence("，另有{0}份报告未识别报告机关。", unknown))
    else:
        scope.append(Sentence("。"))

    rubric = facts.rubric
    rb = Figure("rubric", f"《{rubric.name}》（版本{rubric.version}）", "当前使用的评分细则（数据库中保存的内容）")
    k = Figure("criteria", fmt_count(len(rubric.criteria)), "评分细则中的评分项目数")
    top = Figure("weights_total", fmt_score(rubric.weights_total), "评分细则的满分")
    rubric_sentences = [_sentence("评分采用{0}，共{1}个评分项目，满分{2}分", rb, k, top)]
    if rubric.grades:
        shown = []
        for i, g in enumerate(rubric.grades):  # high to low
            above = rubric.grades[i - 1].min if i else None
            shown.append(f"{g.label}（{fmt_score(g.min)}分及以上）" if g.min > 0 or above is None
                         else f"{g.label}（{fmt_score(above)}分以下）")
        bands = Figure("grades", "、".join(shown), "评分细则规定的等次及其分数线")
        rubric_sentences.append(_sentence("，等次分为{0}。", bands))
    else:
        rubric_sentences.append(Sentence("，评分细则未规定等次。"))

    reviewers = facts.reviewers
    complete = [r.result.complete_reviews for r in reports if r.result.complete_reviews]
    panel: list[Sentence]
    if reviewers:
        m = Figure("reviewers", fmt_count(len(reviewers)), "有评阅记录的评阅人：" + "、".join(reviewers))
        names = Figure("reviewer_names", "、".join(reviewers), "评阅人名单（数据库中的评阅人）")
        panel = [_sentence("评审组由{0}名评阅人（{1}）组成。", m, names)]
        if complete:
            c = Figure("reports_complete", fmt_count(len(complete)), "至少有一份完整评阅（已提交、各项均已评分）的报告数")
            avg = Figure("reviews_per_report", fmt_score(mean_of(complete)),
                         "这些报告平均每份的完整评阅份数")
            panel.append(_sentence("有完整评阅的报告{0}份，平均每份报告由{1}名评阅人完成评阅。", c, avg))
        else:
            panel.append(Sentence("尚无报告有完整评阅（已提交且各项均已评分）。"))
    else:
        panel = [Sentence("尚无评阅人评阅本批报告。")]

    agreement = facts.agreement
    parts = []
    figures: list[Figure] = []
    for ca in agreement.criteria:
        why = alpha_reason(ca.reason) if ca.alpha_interval is None else ""
        f = Figure(f"alpha.{ca.id}", fmt_alpha(ca.alpha_interval),
                   f"“{ca.title}”的 Krippendorff α（区间尺度），基于{ca.n_reports}份有两名以上完整评阅的报告"
                   + (f"；无法计算：{why}" if why else ""))
        figures.append(f)
        parts.append(f"“{ca.title}”{f.text}（{why or alpha_meaning(ca.alpha_interval)}）")
    total = Figure("alpha.total", fmt_alpha(agreement.total_alpha_interval),
                   f"总分的 Krippendorff α（区间尺度），基于{agreement.total_n_reports}份报告"
                   + (f"；无法计算：{alpha_reason(agreement.total_reason)}" if agreement.total_reason else ""))
    if agreement.total_n_reports:
        agree = [Sentence("评阅人之间的评分一致性（Krippendorff α，区间尺度；0.8以上为好，0.667以上可作初步结论）："
                          + "；".join(parts) + "。", tuple(figures)),
                 _sentence("总分的α为{0}（" + alpha_meaning(agreement.total_alpha_interval) + "）。", total)]
    else:
        agree = [Sentence("没有报告有两名以上评阅人的完整评阅，评分一致性（Krippendorff α）无法计算。", (total,))]

    if facts.first_review:
        first = Figure("first_review", fmt_date(facts.first_review), "最早一份评阅提交的日期")
        last = Figure("last_review", fmt_date(facts.last_review or facts.first_review), "最近一份评阅提交的日期")
        dates = ([_sentence("评阅工作于{0}至{1}进行（按评阅提交日期）", first, last)] if first.text != last.text
                 else [_sentence("评阅于{0}提交", first)])
    else:
        dates = [Sentence("尚无提交的评阅")]
    gen = Figure("generated", fmt_date(facts.generated), "本草稿生成的日期")
    dates.append(_sentence("，本报告草稿生成于{0}。", gen))
    return Chapter("一", "overview", "评估概况", [
        Paragraph("overview.scope", scope), Paragraph("overview.rubric", rubric_sentences),
        Paragraph("overview.panel", panel), Paragraph("overview.agreement", agree),
        Paragraph("overview.dates", dates)])


# --- 二、公开情况 ---------------------------------------------------------------------------------------------

def publication(facts: Facts) -> Chapter:
    reports = facts.reports
    month, day = (int(x) for x in facts.deadline.split("-"))
    due = Figure("deadline", f"报告年度次年{month}月{day}日", "项目设置的公开截止日期（默认4月1日）")
    on = [r for r in reports if r.on_time is True]
    late = [r for r in reports if r.on_time is False]
    unknown = [r for r in reports if r.on_time is None]
    n = Figure("reports", fmt_count(len(reports)), "评估范围内的报告数")
    a = Figure("on_time", fmt_count(len(on)), "公开日期不晚于截止日期的报告数")
    rate = Figure("on_time_rate", fmt_rate(share(len(on), len(reports))), "按时公开的报告占全部报告的比例")
    b = Figure("late", fmt_count(len(late)), "公开日期晚于截止日期的报告数")
    c = Figure("unknown", fmt_count(len(unknown)), "公开日期或报告年度未识别、无法判断是否按时的报告数")
    sentences = [_sentence("以{0}为公开时限，{1}份报告中按时公开{2}份（{3}），逾期公开{4}份，公开日期不明{5}份。",
                           due, n, a, rate, b, c)]
    blocks: list = []
    if late:
        who = Figure("late_names", _names(late), "逾期公开的报告")
        sentences.append(_sentence("逾期公开的是{0}，详见下表。", who))
    else:
        sentences.append(Sentence("没有逾期公开的报告。"))
    if unknown:
        sentences.append(Sentence("公开日期不明的报告需要评阅人在报告页面核实公开日期。"))
    blocks.append(Paragraph("publication.counts", sentences))
    if late:
        rows = tuple((r.agency, f"{r.document.year}年度" if r.document.year else "未识别",
                      fmt_date(r.document.published_at), fmt_date(r.deadline.isoformat() if r.deadline else None))
                     for r in late)
        blocks.append(Table("publication.late", "逾期公开的报告", ("报告机关", "报告年度", "公开日期", "截止日期"),
                            rows, (4, 2, 2, 2)))
    return Chapter("二", "publication", "公开情况", blocks)


# --- 三、结构完整性 -------------------------------------------------------------------------------------------

def structure(facts: Facts) -> Chapter:
    reports = facts.reports
    complete = [r for r in reports if not r.missing]
    n = Figure("reports", fmt_count(len(reports)), "评估范围内的报告数")
    full = Figure("complete", fmt_count(len(complete)), "四个必备部分均有的报告数（以评阅人核对、更正后的结构为准）")
    rate = Figure("complete_rate", fmt_rate(share(len(complete), len(reports))), "必备部分齐全的报告所占比例")
    lacking = Figure("lacking", fmt_count(len(reports) - len(complete)), "缺少至少一个必备部分的报告数")
    sentences = [_sentence("按规定，年度报告应包括主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设"
                           "第一责任人职责情况、下一年度主要安排等内容。{0}份报告中，必备部分齐全的{1}份（{2}），"
                           "缺少至少一个必备部分的{3}份（以评阅人核对、更正后的结构为准）。", n, full, rate, lacking)]
    per_part = []
    rows = []
    for kind in REQUIRED_KINDS:
        missing = [r for r in reports if r.placements.get(kind) is None]
        folded = [r for r in reports if r.placements.get(kind) in ("subsection", "inline")]
        f = Figure(f"missing.{kind}", fmt_count(len(missing)), f"缺少“{_label(kind)}”的报告数")
        g = Figure(f"folded.{kind}", fmt_count(len(folded)), f"“{_label(kind)}”未单独成章（作为小节或一句）的报告数")
        per_part.append(_sentence(f"缺少“{_label(kind)}”的{{0}}份、未单独成章的{{1}}份", f, g))
        rows.append((_label(kind), f.text, g.text, _names(missing) or "—"))
    detail = [Sentence("分部分看：")]
    for i, s in enumerate(per_part):
        detail.append(Sentence(s.text + ("；" if i < len(per_part) - 1 else "。"), s.figures))
    return Chapter("三", "structure", "结构完整性", [
        Paragraph("structure.summary", sentences), Paragraph("structure.parts", detail),
        Table("structure.table", "各必备部分缺失情况", ("必备部分", "缺少份数", "未单独成章份数", "缺少该部分的报告"),
              tuple(rows), (3, 1.5, 1.8, 6))])


# --- 四、得分与等次 -------------------------------------------------------------------------------------------

def scores(facts: Facts) -> Chapter:
    reports = facts.reports
    rubric = facts.rubric
    scored = [r for r in reports if r.result.total is not None]
    totals = [r.result.total for r in scored if r.result.total is not None]
    n = Figure("scored", fmt_count(len(scored)), "有最终得分的报告数（按评审组的最终得分规则，报告的各评阅均已完成后才有最终得分）")
    pending = Figure("unscored", fmt_count(len(reports) - len(scored)), "尚无最终得分（仍有评阅未完成）的报告数")
    blocks: list = []
    if not totals:
        blocks.append(Paragraph("scores.distribution", [
            _sentence("尚无报告有最终得分（{0}份报告的评阅均未全部完成），得分与等次暂无法统计。", pending)]))
        return Chapter("四", "scores", "得分与等次", blocks)
    mean = Figure("mean", fmt_score(mean_of(totals)), "有最终得分的报告总分的算术平均")
    median = Figure("median", fmt_score(median_of(totals)), "有最终得分的报告总分的中位数")
    best = max(scored, key=lambda r: r.result.total or 0)
    worst = min(scored, key=lambda r: r.result.total or 0)
    hi = Figure("max", fmt_score(best.result.total), f"最高总分：{_name(best)}")
    lo = Figure("min", fmt_score(worst.result.total), f"最低总分：{_name(worst)}")
    hi_who = Figure("max_by", _names([r for r in scored if r.result.total == best.result.total], 5), "最高分的报告")
    lo_who = Figure("min_by", _names([r for r in scored if r.result.total == worst.result.total], 5), "最低分的报告")
    dist = [_sentence("{0}份报告已有最终得分", n)]
    if len(scored) < len(reports):
        dist.append(_sentence("（另有{0}份尚未完成评阅，不计入以下统计）", pending))
    dist.append(_sentence("。总分平均{0}分，中位数{1}分；最高{2}分（{3}），最低{4}分（{5}）。",
                          mean, median, hi, hi_who, lo, lo_who))
    blocks.append(Paragraph("scores.distribution", dist))
    chart = Dashboard(rubric.weights_total, tuple(_label(k) for k in REQUIRED_KINDS))
    chart.totals = list(totals)
    chart.grade_bounds = [(g.label, g.min) for g in rubric.grades]
    blocks.append(Chart("scores.histogram", "distribution", "图1 总分分布", chart))

    if rubric.grades:
        counts = Counter(r.result.grade for r in scored)
        figs = [Figure(f"grade.{g.label}", fmt_count(counts.get(g.label, 0)), f"等次为“{g.label}”的报告数")
                for g in rubric.grades]
        rates = [Figure(f"grade_rate.{g.label}", fmt_rate(share(counts.get(g.label, 0), len(scored))),
                        f"等次为“{g.label}”的报告占有最终得分报告的比例") for g in rubric.grades]
        text = "、".join(f"“{g.label}”{f.text}份（{r.text}）" for g, f, r in zip(rubric.grades, figs, rates, strict=True))
        blocks.append(Paragraph("scores.grades", [Sentence(f"按等次统计：{text}。", tuple(figs + rates))]))

    stats = []
    rate_figs = []
    for c in rubric.criteria:
        values = [r.result.finals.get(c.id) for r in scored if c.id not in r.result.not_applicable]
        present = [v for v in values if v is not None]
        mean_points = mean_of(present)
        rate = share(mean_points, c.max_points)
        rate_figs.append((c, Figure(f"rate.{c.id}", fmt_rate(rate), f"“{c.title}”最终得分的平均值除以该项满分"
                                                                    f"（{len(present)}份报告）"), rate))
        stats.append(CriterionStat(c.title, c.max_points, float(mean_points) if mean_points is not None else None,
                                   min(present) if present else None,
                                   max(present) if present else None))
    shown = "；".join(f"“{c.title}”{f.text}" for c, f, _ in rate_figs)
    crit = [Sentence(f"各评分项目的平均得分率为：{shown}。", tuple(f for _, f, _ in rate_figs))]
    ranked = sorted((x for x in rate_figs if x[2] is not None), key=lambda x: x[2] or 0.0)
    if len(ranked) > WEAKEST:
        weak = ranked[:WEAKEST]
        crit.append(Sentence("得分率最低的是" + "和".join(f"“{c.title}”（{f.text}）" for c, f, _ in weak)
                             + "，是本批报告的主要短板。", tuple(f for _, f, _ in weak)))
    blocks.append(Paragraph("scores.criteria", crit))
    chart2 = Dashboard(rubric.weights_total, ())
    chart2.criteria = stats
    blocks.append(Chart("scores.criteria_chart", "criteria", "图2 各评分项目平均得分率", chart2))
    return Chapter("四", "scores", "得分与等次", blocks)


# --- 五、主要问题 / 六、亮点 -----------------------------------------------------------------------------------

def quote_of(facts: Facts, a: SheetAnnotation) -> Quote:
    doc = facts.report(a.document_id).document
    return Quote(a.id, a.document_id, doc.agency or "（机关未识别）", doc.year, a.part, a.part_label, a.paragraph,
                 a.position_label, a.quote, a.comment)


def default_quotes(tagged: list[SheetAnnotation]) -> list[SheetAnnotation]:
    """Until the reviewer picks: the first tagged passages (corpus order) of different reports and wordings."""
    chosen: list[SheetAnnotation] = []
    for a in tagged:
        if all(a.document_id != c.document_id and a.quote != c.quote for c in chosen):
            chosen.append(a)
        if len(chosen) == QUOTES_PER_TAG:
            break
    return chosen


def _quotes(facts: Facts, tag_id: str, tagged: list[SheetAnnotation], picks: dict[str, list[str]],
            key: str) -> QuoteList:
    by_id = {a.id: a for a in tagged}
    picked = [by_id[i] for i in picks.get(tag_id, []) if i in by_id]
    chosen = picked or default_quotes(tagged)
    return QuoteList(key, tag_id, tuple(quote_of(facts, a) for a in chosen), len(tagged), bool(picked),
                     tuple(quote_of(facts, a) for a in tagged))


def problems(facts: Facts, picks: dict[str, list[str]]) -> Chapter:
    names = {t.name: t for t in facts.tags}
    by_tag: dict[str, list[SheetAnnotation]] = {}
    for a in facts.annotations:
        for name in a.tags:
            tag = names.get(name)
            if tag is not None and tag.id != facts.good_tag_id:
                by_tag.setdefault(tag.id, []).append(a)
    n = len(facts.reports)
    tags = sorted((t for t in facts.tags if t.id in by_tag),
                  key=lambda t: -len({a.document_id for a in by_tag[t.id]}))
    blocks: list = []
    if not tags:
        blocks.append(Paragraph("problems.summary", [Sentence("评阅人尚未在报告中标注问题（带标签的批注），"
                                                              "本章暂无内容。")]))
        return Chapter("五", "problems", "主要问题", blocks)
    total = Figure("problem_marks", fmt_count(sum(len(v) for v in by_tag.values())), "带问题标签（亮点以外）的批注数")
    reports = Figure("problem_reports", fmt_count(len({a.document_id for v in by_tag.values() for a in v})),
                     "至少有一处问题批注的报告数")
    kinds = Figure("problem_kinds", fmt_count(len(tags)), "出现过的问题标签数")
    blocks.append(Paragraph("problems.summary", [
        _sentence("评阅人在{0}份报告中标注问题{1}处，涉及{2}类问题，按涉及报告数排列如下。", reports, total, kinds)]))
    for tag in tags:
        tagged = by_tag[tag.id]
        docs = {a.document_id for a in tagged}
        k = Figure(f"tag.{tag.id}.reports", fmt_count(len(docs)), f"有“{tag.name}”批注的报告数")
        r = Figure(f"tag.{tag.id}.rate", fmt_rate(share(len(docs), n)), f"有“{tag.name}”批注的报告占全部报告的比例")
        m = Figure(f"tag.{tag.id}.marks", fmt_count(len(tagged)), f"“{tag.name}”批注数")
        what = f"（{tag.description.rstrip('。')}）" if tag.description else ""
        blocks.append(Paragraph(f"problems.{tag.id}", [
            _sentence(f"“{tag.name}”{what}：见于{{0}}份报告（{{1}}），共{{2}}处。典型表述如下：", k, r, m)]))
        blocks.append(_quotes(facts, tag.id, tagged, picks, f"problems.{tag.id}.quotes"))
    return Chapter("五", "problems", "主要问题", blocks)


def highlights(facts: Facts, picks: dict[str, list[str]]) -> Chapter:
    good = facts.good_tag_id
    name = next((t.name for t in facts.tags if t.id == good), None)
    tagged = [a for a in facts.annotations if name is not None and name in a.tags]
    if not tagged:
        return Chapter("六", "highlights", "亮点", [Paragraph("highlights.summary", [
            Sentence("评阅人尚未将报告中的做法标注为“亮点”，本章暂无内容。")])])
    assert good is not None
    docs = {a.document_id for a in tagged}
    k = Figure("highlight_reports", fmt_count(len(docs)), "有“亮点”批注的报告数")
    m = Figure("highlight_marks", fmt_count(len(tagged)), "“亮点”批注数")
    return Chapter("六", "highlights", "亮点", [
        Paragraph("highlights.summary", [_sentence("评阅人在{0}份报告中将{1}处做法标注为“亮点”，摘录如下：", k, m)]),
        _quotes(facts, good, tagged, picks, "highlights.quotes")])


# --- 七、与上年对比 -------------------------------------------------------------------------------------------

def _grade_order(facts: Facts) -> dict[str, int]:
    return {g.label: i for i, g in enumerate(facts.rubric.grades)}  # 0 the highest


def trend(facts: Facts) -> Chapter:
    pairs = [r for r in facts.reports if r.previous is not None]
    if not pairs:
        return Chapter("七", "trend", "与上年对比", [Paragraph("trend.summary", [
            Sentence("数据库中没有同一报告机关上一年度的报告，无法与上年对比。")])])
    both = [r for r in pairs if r.result.total is not None and r.previous and r.previous.result.total is not None]
    moves = {r.document.id: compare(r.result.total or 0.0, r.previous.result.total or 0.0)
             for r in both if r.previous is not None}
    up = [r for r in both if moves[r.document.id] > 0]
    down = [r for r in both if moves[r.document.id] < 0]
    order = _grade_order(facts)

    def grade_move(r: ReportFacts) -> int:
        a, b = r.result.grade, r.previous.result.grade if r.previous else None
        if a not in order or b not in order:
            return 0
        return order[b] - order[a]  # positive: better this year

    graded = [r for r in pairs if r.result.grade in order and r.previous and r.previous.result.grade in order]
    p = Figure("pairs", fmt_count(len(pairs)), "报告机关在数据库中有上一年度报告的报告数（按机关名称完全相同匹配）")
    b = Figure("pairs_scored", fmt_count(len(both)), "本年和上年均有最终得分的报告数")
    u = Figure("up", fmt_count(len(up)), "总分高于上年的报告数")
    d = Figure("down", fmt_count(len(down)), "总分低于上年的报告数")
    s = Figure("same", fmt_count(len(both) - len(up) - len(down)), "总分与上年相同的报告数")
    gu = Figure("grade_up", fmt_count(sum(1 for r in graded if grade_move(r) > 0)), "等次高于上年的报告数")
    gd = Figure("grade_down", fmt_count(sum(1 for r in graded if grade_move(r) < 0)), "等次低于上年的报告数")
    summary = [_sentence("{0}份报告的报告机关在数据库中有上一年度的报告。", p)]
    if both:
        summary.append(_sentence("其中两年均有最终得分的{0}份：总分上升{1}份、下降{2}份、持平{3}份；", b, u, d, s))
        summary.append(_sentence("等次提高{0}份、降低{1}份。", gu, gd))
    else:
        summary.append(Sentence("这些报告尚没有两年均有最终得分的，得分变化暂无法比较。"))
    repeated = [r for r in pairs if r.previous and (r.previous.shortcomings_share or 0) >= 0.5]
    copied_plan = [r for r in pairs if r.previous and (r.previous.plan_share or 0) >= 0.5]
    rs = Figure("repeated_shortcomings", fmt_count(len(repeated)),
                "“存在的不足和原因”部分一半以上文字与上年报告相同的报告数（逐字比对，连续12字以上相同计入）")
    rp = Figure("repeated_plans", fmt_count(len(copied_plan)),
                "“下一年度主要安排”一半以上文字与上年安排相同的报告数（上年安排未见推进、照搬沿用）")
    rep = [_sentence("“存在的不足和原因”与上年大段重复（一半以上文字相同）的{0}份", rs)]
    if repeated:
        rep.append(_sentence("（{0}）", Figure("repeated_names", _names(repeated), "不足部分与上年重复的报告")))
    rep.append(_sentence("；下一年度安排与上年安排大段重复、上年安排未见跟进的{0}份", rp))
    if copied_plan:
        rep.append(_sentence("（{0}）", Figure("plan_names", _names(copied_plan), "安排与上年重复的报告")))
    rep.append(Sentence("。"))
    rows = []
    for r in pairs:
        prev = r.previous
        assert prev is not None
        change = fmt_change(difference(r.result.total, prev.result.total))
        rows.append((r.agency, f"{prev.document.year}→{r.document.year}", fmt_score(prev.result.total),
                     fmt_score(r.result.total), change, prev.result.grade or "—", r.result.grade or "—",
                     fmt_rate(prev.shortcomings_share), fmt_rate(prev.plan_share)))
    return Chapter("七", "trend", "与上年对比", [
        Paragraph("trend.summary", summary), Paragraph("trend.repeated", rep),
        Table("trend.table", "与上年对比", ("报告机关", "年度", "上年总分", "本年总分", "变化", "上年等次", "本年等次",
                                          "不足与上年相同", "安排与上年相同"), tuple(rows),
              (2.9, 2.1, 1.3, 1.3, 1.4, 1.4, 1.4, 1.6, 1.6))])


# --- 八、附件 -------------------------------------------------------------------------------------------------

def appendix(facts: Facts) -> Chapter:
    def order(r: ReportFacts) -> tuple:
        return (r.result.rank is None, r.result.rank or 0, r.agency)

    rows = []
    for r in sorted(facts.reports, key=order):
        on = "是" if r.on_time else ("否" if r.on_time is False else "未知")
        rows.append((str(r.result.rank) if r.result.rank is not None else "—", r.agency,
                     f"{r.document.year}" if r.document.year else "未识别", on,
                     "、".join(_label(k) for k in r.missing) or "无", fmt_score(r.result.total), r.result.grade or "—"))
    criteria = []
    for c in facts.rubric.criteria:
        levels = "；".join(f"{fmt_score(lv.points)}分 {lv.label}：{lv.descriptor}" for lv in c.levels)
        criteria.append((c.title, fmt_score(c.max_points), fmt_score(c.weight), levels))
    return Chapter("八", "appendix", "附件", [
        Table("appendix.results", "附件1 评估结果排名表",
              ("排名", "报告机关", "年度", "按时公开", "缺少部分", "总分", "等次"), tuple(rows),
              (1.3, 4.6, 1.3, 1.5, 3.6, 1.4, 1.5)),
        Table("appendix.criteria", "附件2 评分项目及等级描述", ("评分项目", "满分", "权重", "等级描述"),
              tuple(criteria), (2.6, 1.3, 1.3, 9.4))])


def chapters(facts: Facts, picks: dict[str, list[str]] | None = None) -> list[Chapter]:
    """The eight chapters, generated (the reviewer's rewrites are applied by :mod:`draft`)."""
    picks = picks or {}
    return [overview(facts), publication(facts), structure(facts), scores(facts), problems(facts, picks),
            highlights(facts, picks), trend(facts), appendix(facts)]
