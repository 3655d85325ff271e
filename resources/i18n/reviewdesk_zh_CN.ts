<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Annotations</name>
    <message>
        <source>%n annotation(s) could not be found in the re-imported text. They are listed last, in red: select where each belongs in the text and press Place, or delete it.</source>
        <translation>有 %n 条批注在重新导入的文本中找不到位置，以红色列在最后：请在正文中选中其应在的位置后按“放置”，或将其删除。</translation>
    </message>
    <message>
        <source>%n annotation(s)</source>
        <translation>%n 条批注</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>This report lacks: %1 (the other report has it)</source>
        <translation>本报告缺少：%1（另一份报告有此部分）</translation>
    </message>
    <message>
        <source>Synchronized scrolling</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <source>Scroll both reports together, part by part</source>
        <translation>按部分同步滚动两份报告</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>Shortest passage counted as shared text (after normalizing punctuation, width and white space)</source>
        <translation>计为共同文字的最短段落长度（已统一标点、全角半角和空白）</translation>
    </message>
    <message>
        <source>Text found in both reports, passages of at least</source>
        <translation>两份报告共有的文字，段落长度至少</translation>
    </message>
    <message>
        <source>Shared: %1% of the left report, %2% of the right report</source>
        <translation>共同文字：占左侧报告 %1%，占右侧报告 %2%</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右侧</translation>
    </message>
</context>
<context>
    <name>CorpusModel</name>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>发布日期：%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Published on time</source>
        <translation>按时公开</translation>
    </message>
    <message>
        <source>Reports are due to be made public by 1 April of the following year.</source>
        <translation>年度报告应于次年4月1日前向社会公开。</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>缺少的部分</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>评阅状态</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>No reviewer yet: your review status and scores show here once you have a name.</source>
        <translation>尚未设置评阅人：填写姓名后，这里会显示您的评阅状态和得分。</translation>
    </message>
    <message>
        <source>%1 of %2 criteria scored</source>
        <translation>已评 %1 / %2 项指标</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>The issuing agency was not found in the text.</source>
        <translation>正文中未找到报告机关。</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>All required parts were found.</source>
        <translation>规定的各部分均已找到。</translation>
    </message>
</context>
<context>
    <name>CorpusPanel</name>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Filter by agency…</source>
        <translation>按机关筛选…</translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation>部分：</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>Missing any required part</source>
        <translation>缺少任一规定部分</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>%1 of %2 reports</source>
        <translation>%1 / %2 份报告</translation>
    </message>
    <message>
        <source>%1 reports</source>
        <translation>%1 份报告</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Stop after the current file; what was imported is kept</source>
        <translation>处理完当前文件后停止；已导入的报告会保留</translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Import a folder of reports</source>
        <translation>导入报告文件夹</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>没有打开数据库</translation>
    </message>
    <message>
        <source>Open or create a database first (File menu), then import.</source>
        <translation>请先通过“文件”菜单打开或新建数据库，然后再导入。</translation>
    </message>
    <message>
        <source>Importing… (%1 more queued)</source>
        <translation>正在导入…（另有 %1 批排队）</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>导入已中止</translation>
    </message>
    <message>
        <source>The import stopped because of an unexpected error: %1

Files imported before the error are kept. Please report this problem.</source>
        <translation>导入因意外错误而中止：%1

出错前已导入的文件会保留。请报告此问题。</translation>
    </message>
    <message>
        <source>%1 imported, %2 duplicate, %3 failed, %4 skipped.</source>
        <translation>已导入 %1 份，重复 %2 份，失败 %3 份，跳过 %4 份。</translation>
    </message>
    <message>
        <source>The import was cancelled; the files after that point were not read.</source>
        <translation>导入已取消；其后的文件没有读取。</translation>
    </message>
    <message>
        <source>Failed files were not changed; fix them as the reason says and import them again.</source>
        <translation>失败的文件未作任何改动；请按原因说明修正后重新导入。</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <source>Previous hit</source>
        <translation>上一处</translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation>下一处</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>%1 (subsection)</source>
        <translation>%1（小节）</translation>
    </message>
    <message>
        <source>%1 (inline)</source>
        <translation>%1（条目）</translation>
    </message>
    <message>
        <source>Go to this part</source>
        <translation>转到此部分</translation>
    </message>
    <message>
        <source>Show page clutter (%1)</source>
        <translation>显示网页杂项（%1）</translation>
    </message>
    <message>
        <source>Site names, breadcrumbs, source lines and page tools found around the report; hidden from the text, kept in the database.</source>
        <translation>报告周围的网站名称、导航路径、来源行和页面工具；不在正文中显示，但保存在数据库中。</translation>
    </message>
    <message>
        <source>No page clutter was found in this report.</source>
        <translation>本报告中未发现网页杂项。</translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation>%1 处命中</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import Reports…</source>
        <translation>导入报告(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Search Full Text</source>
        <translation>全文检索(&amp;S)</translation>
    </message>
    <message>
        <source>Filter by &amp;Agency</source>
        <translation>按机关筛选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报告(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>并排对照(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open Report</source>
        <translation>打开报告(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next Report</source>
        <translation>下一份报告(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Report</source>
        <translation>上一份报告(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Compare Selected Reports</source>
        <translation>对照所选报告(&amp;C)</translation>
    </message>
    <message>
        <source>Compare with &amp;Previous Year</source>
        <translation>与上一年度对照(&amp;P)</translation>
    </message>
    <message>
        <source>Check &amp;Chinese Fonts</source>
        <translation>检查中文字体(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About ReviewDesk</source>
        <translation>关于报告评阅台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Select two reports in the table, then compare them side by side</source>
        <translation>在表格中选择两份报告，然后并排对照</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>并排对照</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>ReviewDesk 报告评阅台 — %1</source>
        <translation>报告评阅台 ReviewDesk — %1</translation>
    </message>
    <message>
        <source>No database is open. Use File &gt; New Database or Open Database.</source>
        <translation>未打开数据库。请使用“文件 &gt; 新建数据库”或“打开数据库”。</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Import running</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Wait for the import to finish (or cancel it) before opening another database.</source>
        <translation>请等待导入完成（或取消导入）后再打开其他数据库。</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2

Choose a ReviewDesk database file, or create a new one with File &gt; New Database.</source>
        <translation>无法打开 %1：%2

请选择报告评阅台数据库文件，或通过“文件 &gt; 新建数据库”新建一个。</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>%1 already exists; it is opened as it is (nothing is overwritten).</source>
        <translation>%1 已存在；将按原样打开（不会覆盖任何内容）。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（文件不存在）</translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation>没有最近打开的数据库</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Importing the demo reports…</source>
        <translation>正在导入示例报告…</translation>
    </message>
    <message>
        <source>Demo reports not imported</source>
        <translation>示例报告未能导入</translation>
    </message>
    <message>
        <source>Compare reports</source>
        <translation>对照报告</translation>
    </message>
    <message>
        <source>Select exactly two reports in the table (Ctrl+click the second one), then compare them.</source>
        <translation>请在表格中恰好选择两份报告（按住 Ctrl 单击第二份），然后进行对照。</translation>
    </message>
    <message>
        <source>this report&apos;s agency</source>
        <translation>该报告机关</translation>
    </message>
    <message>
        <source>Compare with previous year</source>
        <translation>与上一年度对照</translation>
    </message>
    <message>
        <source>The corpus holds no earlier report of %1. Import it, or select two reports and use Compare Selected Reports.</source>
        <translation>语料库中没有%1更早年度的报告。请导入该报告，或选择两份报告后使用“对照所选报告”。</translation>
    </message>
    <message>
        <source>Chinese fonts</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Chinese text is shown with: %1</source>
        <translation>中文使用以下字体显示：%1</translation>
    </message>
    <message>
        <source>About ReviewDesk</source>
        <translation>关于报告评阅台</translation>
    </message>
    <message>
        <source>ReviewDesk (报告评阅台) %1

Review and score annual reports on building rule-of-law government: see each report&apos;s required parts, compare reports side by side, annotate and score them. Works offline; your data stays in the database file.</source>
        <translation>报告评阅台（ReviewDesk）%1

评阅法治政府建设年度报告并评分：查看每份报告的规定部分，并排对照报告，批注并评分。离线运行；数据保存在数据库文件中。</translation>
    </message>
</context>
<context>
    <name>MetadataHeader</name>
    <message>
        <source>Found in: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>not found in the text</source>
        <translation>正文中未找到</translation>
    </message>
    <message>
        <source>Published on time</source>
        <translation>按时公开</translation>
    </message>
    <message>
        <source>Published late</source>
        <translation>逾期公开</translation>
    </message>
    <message>
        <source>Publication date unknown</source>
        <translation>发布日期未知</translation>
    </message>
    <message>
        <source>No publication date was found in the text</source>
        <translation>正文中未找到发布日期</translation>
    </message>
    <message>
        <source>The regulation requires every annual report to contain this part.</source>
        <translation>规定要求每份年度报告都包含此部分。</translation>
    </message>
    <message>
        <source>%1 is not a part of its own, only a subsection of %2:</source>
        <translation>%1 不是独立部分，只是%2中的一个小节：</translation>
    </message>
    <message>
        <source>%1 is not a part of its own, only an item inside %2:</source>
        <translation>%1 不是独立部分，只是%2中的一个条目：</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>PartCard</name>
    <message>
        <source>Show this part in both reports. The percentage is the share of the part&apos;s text (headings excluded) that also appears in the other report.</source>
        <translation>在两份报告中显示此部分。百分比为此部分正文（不含标题）中也出现在另一份报告中的比例。</translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation>%1：缺失</translation>
    </message>
    <message>
        <source>%1: subsection</source>
        <translation>%1：小节</translation>
    </message>
    <message>
        <source>%1: inline</source>
        <translation>%1：条目</translation>
    </message>
    <message>
        <source>%1 %2% shared</source>
        <translation>%1 共同 %2%</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the full text of all reports…</source>
        <translation>检索全部报告的全文…</translation>
    </message>
    <message>
        <source>Finds words of one or more characters; white space and full-width forms are ignored</source>
        <translation>可检索一个或多个字的词语；忽略空白及全角半角差异</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>No report contains “%1”</source>
        <translation>没有报告包含“%1”</translation>
    </message>
    <message>
        <source>%1 reports; the first %2 shown</source>
        <translation>共 %1 份报告；显示前 %2 份</translation>
    </message>
    <message>
        <source>%1 reports</source>
        <translation>%1 份报告</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>检索失败：%1</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>%1 hits in this report</source>
        <translation>本报告中命中 %1 处</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Automatic shows Chinese on a Chinese-language system and English otherwise.</source>
        <translation>“自动”在中文系统上显示中文，其他系统上显示英文。</translation>
    </message>
    <message>
        <source>Chinese interface not available</source>
        <translation>中文界面不可用</translation>
    </message>
    <message>
        <source>The Chinese translation (%1) is missing and could not be compiled. Run the setup again (python3 -m desktop.bootstrap setup); the interface stays in English until then.</source>
        <translation>中文翻译（%1）缺失且无法编译。请重新运行安装（python3 -m desktop.bootstrap setup）；在此之前界面保持英文。</translation>
    </message>
</context>
<context>
    <name>TextPane</name>
    <message>
        <source>Page clutter (not part of the report)</source>
        <translation>网页杂项（不属于报告正文）</translation>
    </message>
</context>
<context>
    <name>YearCombo</name>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>ReviewDesk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>报告评阅台数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reports (%1);;All files (*)</source>
        <translation>报告 (%1);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>fonts</name>
    <message>
        <source>macOS includes Chinese fonts (PingFang SC); reinstall them from Font Book if they were removed</source>
        <translation>macOS 自带中文字体（苹方）；如已删除，请在“字体册”中恢复</translation>
    </message>
    <message>
        <source>Settings &gt; Time &amp; language &gt; Language: add 中文(简体) (its supplemental fonts)</source>
        <translation>设置 &gt; 时间和语言 &gt; 语言：添加“中文(简体)”（及其补充字体）</translation>
    </message>
    <message>
        <source>No font on this computer can show Chinese characters, so report texts and Chinese labels would appear as empty boxes.

Install a Chinese font, then restart ReviewDesk. On Debian or Ubuntu:

    %1

(other systems: install Noto Sans CJK SC or Source Han Sans SC)</source>
        <translation>本机没有能显示汉字的字体，报告正文和中文标签会显示为空白方框。

请安装中文字体，然后重新启动报告评阅台。Debian 或 Ubuntu 上：

    %1

（其他系统：安装 Noto Sans CJK SC 或思源黑体 Source Han Sans SC）</translation>
    </message>
    <message>
        <source>No Chinese font found</source>
        <translation>未找到中文字体</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Automatic (system language)</source>
        <translation>自动（跟随系统语言）</translation>
    </message>
</context>
</TS>
