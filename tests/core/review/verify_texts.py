"""Report texts with doubtful and sure detection (shared by the verify tests)."""

from __future__ import annotations

BODY = "全年办理行政复议案件30件，审查规范性文件12件，开展执法检查40次。"

DOUBTFUL = ("2023年度法治政府建设情况报告\n2023年，青山县司法局坚持依法行政。\n一、坚持党的领导，筑牢法治根基\n" + BODY
            + "局主要负责人亲自部署、带头讲法。\n二、存在的问题\n执法力量不足。\n")


SURE = ("东岭市司法局关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n" + BODY + "\n二、存在的不足和原因\n培训不足。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n局长带头述法。\n四、2024年工作安排\n加强培训。\n")

