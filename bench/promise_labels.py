"""Plan items labelled by reading: what the later report says of each (used by bench_promises.py and the tests).

Each label: (previous report, later report, a distinctive piece of the plan item, status, a piece of the passage
that reports it). Status ``done``: the later report's achievements part reports work on that specific task (the
passage must contain the piece given); ``shortcoming``: its shortcomings part names the task as not done well;
``not_mentioned``: neither (loosely related topics do not count). Seeds are named by their number (seeds/NNN_*.txt);
real openings (tests/data/real_openings) by their file name. Seeds 003 (吉林省政数局 2022) → 000 (the same body,
2025) is the real pair across years; the other pairs put a plan next to another body's report of a later year,
where nearly everything is not mentioned: a matcher that claims too much is caught there.
"""

from __future__ import annotations

S003, S000, S002, S001 = "003", "000", "002", "001"
JINGHAI, QINGYUAN = "02_jinghai_qu_2023.txt", "30_qingyuan_shizhengfu_2024.txt"

DONE, SHORTCOMING, NOT_MENTIONED = "done", "shortcoming", "not_mentioned"

_JILIN_2022_PLAN = [
    ("完善数字化建设法规制度体系", SHORTCOMING, "数据领域法治化建设有所不足"),
    ("持续壮大“吉林祥云”大数据平台", NOT_MENTIONED, ""),
    ("完善全省一体化政务服务平台及其移动端", NOT_MENTIONED, ""),
    ("新版全流程审批系统向全省各乡镇", NOT_MENTIONED, ""),
    ("打造以省政府门户网站为“网上政府”总门户", DONE, "推进“一网通办”提质增效"),
    ("踏查服务长效机制", NOT_MENTIONED, ""),
    ("持续推动政府权责清单制度落实", NOT_MENTIONED, ""),
    ("推进工程建设项目审批标准化规范化", NOT_MENTIONED, ""),
    ("深化行政检查执法备案智能管理改革", NOT_MENTIONED, ""),
    ("组织各级政务服务中心全面推进“收件即受理”", NOT_MENTIONED, ""),
    ("做好营商环境建设统筹协调工作", DONE, "营商环境优化提升行动"),
    ("集中对投诉举报、问题线索等开展数据梳理", NOT_MENTIONED, ""),
    ("制定《吉林省营商环境考核评价实施方案(试行)》5.0版", NOT_MENTIONED, ""),
    ("做好国家营商环境创新试点改革举措复制推广工作", NOT_MENTIONED, ""),
    ("推动“吉林省政务公开监管平台”在全省正式上线应用", NOT_MENTIONED, ""),
    ("推进全省统一的基层政务公开标准体系建设", NOT_MENTIONED, ""),
    ("加强对全省行政机关工作人员的教育培训", NOT_MENTIONED, ""),
    ("开发政策推送统一录入系统", NOT_MENTIONED, ""),
]

_CHANGCHUN_2024_PLAN_IN_LISHU_2025 = [
    ("创新创优深化政务服务改革", DONE, "高效办成一件事"),
    ("加快加力推进数字城市建设", SHORTCOMING, "数字政府建设"),
    ("提质提效加快数字经济发展", NOT_MENTIONED, ""),
    ("对标对表打造一流营商环境", NOT_MENTIONED, ""),
    ("加强府院联动和法律顾问制度建设", NOT_MENTIONED, ""),
]

LABELS: list[tuple[str, str, str, str, str]] = (
    [(S003, S000, piece, status, where) for piece, status, where in _JILIN_2022_PLAN]
    + [(S002, S001, piece, status, where) for piece, status, where in _CHANGCHUN_2024_PLAN_IN_LISHU_2025]
    # the same plans against two real openings of other bodies (achievements only): nothing there is theirs
    + [(S003, other, piece, NOT_MENTIONED, "") for other in (JINGHAI, QINGYUAN) for piece, _, _ in _JILIN_2022_PLAN]
    + [(S002, other, piece, NOT_MENTIONED, "") for other in (JINGHAI, QINGYUAN)
       for piece, _, _ in _CHANGCHUN_2024_PLAN_IN_LISHU_2025]
)
