"""Every export uses the reviewer's corrections: the review sheet shows the corrected agency and parts."""

from __future__ import annotations

import json

from desktop.core.corrections.records import correct_field, mark_part
from desktop.core.export import export
from desktop.core.ingest.importer import import_paths
from desktop.core.review.reviewers import get_or_create_reviewer
from desktop.core.scoring.rubric import load_default_rubric, store_rubric
from desktop.core.scoring.scores import set_score
from desktop.core.storage.documents import get_document, list_documents
from tests.core.builders import SAMPLE, write_txt
from tests.core.export.docx_read import docx_sheets

NO_DUTY = SAMPLE.replace("三、党政主要负责人履行推进法治建设第一责任人职责情况\n局主要负责人带头学法，主持召开专题会议3次。\n",
                         "").replace("（一）完善制度体系。", "（一）完善制度体系。局长带头学法讲法，主持召开专题会议3次。")


def test_review_sheet_and_json_show_corrected_agency_and_parts(memory_db, tmp_path):
    db = memory_db
    import_paths(db, [write_txt(tmp_path, "a.txt", NO_DUTY)])
    (doc,) = list_documents(db)
    assert doc.missing == ("leader_duty",)
    wang = get_or_create_reviewer(db, "王明")
    rubric = load_default_rubric()
    stored = store_rubric(db, rubric)
    set_score(db, doc.id, wang.id, rubric, rubric.criteria[0].id, 1)
    text = get_document(db, doc.id).text
    start = text.index("局长带头学法")
    correct_field(db, doc.id, "agency", "某县人民政府司法局", reviewer_id=wang.id)
    correct_field(db, doc.id, "published_at", "2025-03-10", reviewer_id=wang.id)
    mark_part(db, doc.id, "leader_duty", start, text.index("。", start) + 1, reviewer_id=wang.id)

    out = tmp_path / "sheet.docx"
    export(db, "docx", out)
    (sheet,) = docx_sheets(out)
    details = {row[0]: row[1] for row in sheet["details"]} | {row[2]: row[3] for row in sheet["details"]}
    assert details["报告机关"] == "某县人民政府司法局"
    assert details["缺少的必备部分"] == "无"
    assert details["发布日期"] == "2025-03-10" and details["按时公开"] == "是"

    out = tmp_path / "dump.json"
    export(db, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    (dumped,) = data["documents"]
    assert dumped["agency"] == "某县人民政府司法局" and dumped["missing"] == []
    assert any(s["kind"] == "leader_duty" and s["start"] == start for s in dumped["sections"])
    assert stored
