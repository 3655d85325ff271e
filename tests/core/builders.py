"""Build real report files of every supported format in a temporary folder (no binary fixtures committed)."""

from __future__ import annotations

import io
from pathlib import Path

SAMPLE = (
    "某县司法局关于2024年度法治政府建设情况的报告\n"
    "县委、县人民政府：\n"
    "2024年，我局深入贯彻习近平法治思想，现将有关情况报告如下。\n"
    "一、主要举措和成效\n"
    "（一）完善制度体系。全年审核规范性文件12件，办理行政复议案件8件。\n"
    "二、存在的不足和原因\n"
    "一是法治宣传的针对性有待加强；二是执法人员培训覆盖不够，主要原因是经费不足。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    "局主要负责人带头学法，主持召开专题会议3次。\n"
    "四、2025年工作安排\n"
    "（一）加强执法培训，实现培训全覆盖。\n"
    "特此报告。\n"
    "某县司法局\n"
    "2025年2月20日\n"
)


def write_txt(folder: Path, name: str, text: str = SAMPLE, encoding: str = "utf-8", bom: bool = False) -> Path:
    path = folder / name
    data = text.encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def write_docx(folder: Path, name: str = "report.docx", text: str = SAMPLE, table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    lines = text.split("\n")
    half = len(lines) // 2
    for line in lines[:half]:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    for line in lines[half:]:
        document.add_paragraph(line)
    path = folder / name
    document.save(str(path))
    return path


def pdf_bytes(text: str = SAMPLE, encrypt: str | None = None, image_only: bool = False) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=encrypt)
    if image_only:
        c.setFillGray(0.2)
        for i in range(20):
            c.rect(40, 780 - i * 30, 400, 12, fill=1, stroke=0)  # "scanned" lines: shapes, no text
    else:
        c.setFont("STSong-Light", 11)
        y = 800
        for line in text.split("\n"):
            c.drawString(40, y, line)
            y -= 18
    c.save()
    return buffer.getvalue()


def write_pdf(folder: Path, name: str = "report.pdf", **kwargs) -> Path:
    path = folder / name
    path.write_bytes(pdf_bytes(**kwargs))
    return path


def saved_web_page(body_text: str = SAMPLE, charset: str = "utf-8") -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body_text.split("\n") if line)
    return f"""<!DOCTYPE html><html><head><meta charset="{charset}">
<meta name="PubDate" content="2025-03-15 09:30">
<meta name="ContentSource" content="某县司法局">
<title>报告</title><style>.x{{color:red}}</style><script>var a = "一、不是标题";</script></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/bsfw">办事服务</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="info">发布时间：2025-03-15 来源：某县司法局 浏览次数：123</div>
<div id="zoom" class="TRS_Editor">{paragraphs}</div>
<div class="tools">【打印】【关闭】[纠错]</div>
<div class="footer"><a href="/about">网站地图</a> 主办：某县人民政府 <script>track()</script></div>
</body></html>"""
