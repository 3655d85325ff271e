<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Agencies</name>
    <message>
        <source>Anchor examples: %1</source>
        <translation>锚定示例：%1</translation>
    </message>
    <message>
        <source>What this panel&apos;s submitted reviews scored at each level (Esc closes).</source>
        <translation>本评阅组已提交的评阅在每个等级上给出的例子（按 Esc 关闭）。</translation>
    </message>
    <message>
        <source>Level / report</source>
        <translation>等级 / 报告</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评阅人</translation>
    </message>
    <message>
        <source>Passages and note</source>
        <translation>段落与说明</translation>
    </message>
    <message>
        <source>below every level</source>
        <translation>低于所有等级</translation>
    </message>
    <message>
        <source>%1 example(s)</source>
        <translation>%1 个示例</translation>
    </message>
    <message>
        <source>no submitted review scored this level yet</source>
        <translation>尚无已提交的评阅给出此等级</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>Anchor Examples of the Focused Criterion</source>
        <translation>当前评分项的锚定示例</translation>
    </message>
    <message>
        <source>Anchor examples</source>
        <translation>锚定示例</translation>
    </message>
    <message>
        <source>Focus a criterion in the score form (click its score box or Tab to it), then press F9.</source>
        <translation>请先在评分表中选中一个评分项（点击其分数框或用 Tab 移到该处），再按 F9。</translation>
    </message>
    <message>
        <source>Evidence Across Years</source>
        <translation>跨年度依据</translation>
    </message>
    <message>
        <source>Hints for 下一年度安排 and 不照搬往年 with their passages (Enter shows one). They rest on text comparison: weigh them, they are not scores.</source>
        <translation>“下一年度安排”和“不照搬往年”的提示及其段落（按 Enter 查看）。提示基于文本比对，仅供斟酌，不是评分。</translation>
    </message>
    <message>
        <source>下一年度安排 (last year&apos;s plan)</source>
        <translation>下一年度安排（上年计划）</translation>
    </message>
    <message>
        <source>不照搬往年 (carried-over text)</source>
        <translation>不照搬往年（沿用的文字）</translation>
    </message>
    <message>
        <source>no report chosen</source>
        <translation>未选择报告</translation>
    </message>
    <message>
        <source>Agencies over the &amp;Years…</source>
        <translation>各机关历年情况(&amp;Y)…</translation>
    </message>
    <message>
        <source>Text S&amp;hared Across Agencies…</source>
        <translation>机关间雷同文字(&amp;H)…</translation>
    </message>
    <message>
        <source>This Agency Across the Years…</source>
        <translation>本机关历年情况…</translation>
    </message>
    <message>
        <source>&amp;Promise Tracker Beside Side by Side</source>
        <translation>并排对照旁的承诺跟踪(&amp;P)</translation>
    </message>
    <message>
        <source>Promise Tracker (Side by Side)</source>
        <translation>承诺跟踪（并排对照）</translation>
    </message>
    <message>
        <source>A&amp;gencies</source>
        <translation>机关(&amp;G)</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Last year&apos;s plan item</source>
        <translation>上年计划事项</translation>
    </message>
    <message>
        <source>Passage this year</source>
        <translation>本年段落</translation>
    </message>
    <message>
        <source>D: reported as done (the passage shown, or your selection in the report) · S: back as a shortcoming · N: not mentioned · Enter: show the passage · Ctrl+Z: undo</source>
        <translation>D：已报告完成（所示段落或您在报告中选中的文字） · S：又列为不足 · N：未提及 · Enter：显示段落 · Ctrl+Z：撤销</translation>
    </message>
    <message>
        <source>Corrected by %1 (automatic: %2)</source>
        <translation>由 %1 更正（自动判定：%2）</translation>
    </message>
    <message>
        <source>a reviewer</source>
        <translation>一位评阅人</translation>
    </message>
    <message>
        <source>No report chosen.</source>
        <translation>未选择报告。</translation>
    </message>
    <message>
        <source>No earlier report of this agency in the corpus: nothing to track. Import last year&apos;s report, or merge the agency&apos;s groups.</source>
        <translation>报告库中没有该机关更早的报告，无可跟踪的内容。请导入上一年度的报告，或合并该机关的分组。</translation>
    </message>
    <message>
        <source>The %1 report has no plan items (下一年度安排) to track.</source>
        <translation>%1 年报告中没有可跟踪的计划事项（下一年度安排）。</translation>
    </message>
    <message>
        <source>%1 items of the %2 plan: %3 done, %4 back as shortcomings, %5 not mentioned.</source>
        <translation>%2 年计划共 %1 项：已完成 %3 项，又列为不足 %4 项，未提及 %5 项。</translation>
    </message>
    <message>
        <source>%1 correction(s) no longer match an item of the plan (its text changed).</source>
        <translation>%1 处更正已对不上计划中的事项（其文字已改变）。</translation>
    </message>
    <message>
        <source>Promise tracker</source>
        <translation>承诺跟踪</translation>
    </message>
    <message>
        <source>Select the passage in the report that says so, then press the key again.</source>
        <translation>请先在报告中选中说明这一点的段落，再按一次该键。</translation>
    </message>
    <message>
        <source>Text shared across agencies</source>
        <translation>机关间雷同文字</translation>
    </message>
    <message>
        <source>Filter passages…</source>
        <translation>筛选段落…</translation>
    </message>
    <message>
        <source>Shortest sentence (characters):</source>
        <translation>最短句长（字符数）：</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Earliest</source>
        <translation>最早</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
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
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Enter: open this agency&apos;s report at the passage · F5: read again</source>
        <translation>Enter：在该段落处打开此机关的报告 · F5：重新读取</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>没有打开的数据库。</translation>
    </message>
    <message>
        <source>Comparing the reports&apos; sentences…</source>
        <translation>正在比对各报告的句子…</translation>
    </message>
    <message>
        <source>Indexing the sentences of new reports: %1 of %2…</source>
        <translation>正在为新报告的句子建立索引：%1 / %2…</translation>
    </message>
    <message>
        <source>The shared text could not be read: %1</source>
        <translation>无法读取雷同文字：%1</translation>
    </message>
    <message>
        <source>%1 passages of at least %2 characters are found in reports of different agencies (the earliest agency is listed first).</source>
        <translation>有 %1 段不少于 %2 个字符的文字出现在不同机关的报告中（最早的机关列在最前）。</translation>
    </message>
    <message>
        <source>%1 report(s) could not be indexed and were not compared.</source>
        <translation>%1 份报告无法建立索引，未参与比对。</translation>
    </message>
    <message>
        <source>(no agency found)</source>
        <translation>（未识别出机关）</translation>
    </message>
    <message>
        <source>Shared with other agencies (%1 agencies, %2 reports):</source>
        <translation>与其他机关雷同（%1 个机关，%2 份报告）：</translation>
    </message>
    <message>
        <source>Merge agency groups</source>
        <translation>合并机关分组</translation>
    </message>
    <message>
        <source>Split off an agency group</source>
        <translation>拆分出机关分组</translation>
    </message>
    <message>
        <source>Correct a promise match</source>
        <translation>更正承诺匹配</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Score trend: no scored report yet.</source>
        <translation>得分趋势：尚无已评分的报告。</translation>
    </message>
    <message>
        <source>up</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>down</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>flat</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>Score trend: %1</source>
        <translation>得分趋势：%1</translation>
    </message>
    <message>
        <source>Agencies over the years</source>
        <translation>各机关历年情况</translation>
    </message>
    <message>
        <source>Filter agencies…</source>
        <translation>筛选机关…</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>缺少的部分</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时发布</translation>
    </message>
    <message>
        <source>Repeated</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Reworded</source>
        <translation>改写</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Agency as printed</source>
        <translation>报告所署机关</translation>
    </message>
    <message>
        <source>Compared with earlier years</source>
        <translation>与往年比较</translation>
    </message>
    <message>
        <source>Shortcoming</source>
        <translation>不足</translation>
    </message>
    <message>
        <source>Closest earlier</source>
        <translation>最相近的往年</translation>
    </message>
    <message>
        <source>Earlier text</source>
        <translation>往年文字</translation>
    </message>
    <message>
        <source>Shortcomings across years</source>
        <translation>历年不足</translation>
    </message>
    <message>
        <source>Promises of last year&apos;s plan</source>
        <translation>上年计划中的承诺</translation>
    </message>
    <message>
        <source>Merge into another agency…</source>
        <translation>合并到另一机关…</translation>
    </message>
    <message>
        <source>Split the chosen reports off…</source>
        <translation>拆分出所选报告…</translation>
    </message>
    <message>
        <source>Enter: open the report · Ctrl+M: merge this agency into another · Ctrl+Shift+S: split the chosen reports off into an agency of their own</source>
        <translation>Enter：打开报告 · Ctrl+M：将此机关合并到另一机关 · Ctrl+Shift+S：将所选报告拆分为单独的机关</translation>
    </message>
    <message>
        <source>(no agency found) %1</source>
        <translation>（未识别出机关）%1</translation>
    </message>
    <message>
        <source>No agency chosen.</source>
        <translation>未选择机关。</translation>
    </message>
    <message>
        <source>(also printed as: %1)</source>
        <translation>（也署作：%1）</translation>
    </message>
    <message>
        <source>[grouped by a reviewer]</source>
        <translation>［由评阅人归组］</translation>
    </message>
    <message>
        <source>(* mean of the complete reviews: no final score yet)</source>
        <translation>（* 为已完成评阅的平均分：尚无最终得分）</translation>
    </message>
    <message>
        <source>Merge agencies</source>
        <translation>合并机关</translation>
    </message>
    <message>
        <source>There is no other agency to merge with.</source>
        <translation>没有可合并的其他机关。</translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation>将“%1”合并到：</translation>
    </message>
    <message>
        <source>Split off an agency</source>
        <translation>拆分出机关</translation>
    </message>
    <message>
        <source>Name of the agency these %1 report(s) belong to:</source>
        <translation>这 %1 份报告所属机关的名称：</translation>
    </message>
    <message>
        <source>Show two reports side by side (one agency&apos;s reports of two years): the tracker follows the newer one.</source>
        <translation>并排显示两份报告（同一机关两个年度的报告）：承诺跟踪显示较新的一份。</translation>
    </message>
    <message>
        <source>Tracking the %1 report: its agency has no earlier report in the corpus.</source>
        <translation>跟踪%1年度报告：语料库中没有该机关更早的报告。</translation>
    </message>
    <message>
        <source>The %1 plan (left) against the %2 report (right).</source>
        <translation>%1年度工作安排（左）对照%2年度报告（右）。</translation>
    </message>
    <message>
        <source>Tracking the %1 report against its agency&apos;s %2 plan, not the report on the left (%3): the tracker always compares with the agency&apos;s latest earlier report.</source>
        <translation>跟踪%1年度报告，对照的是该机关%2年度的工作安排，而不是左侧的报告（%3）：承诺跟踪总是对照该机关最近一份更早的报告。</translation>
    </message>
</context>
<context>
    <name>Aids</name>
    <message>
        <source>Answered in the plan by: </source>
        <translation>对应的安排：</translation>
    </message>
    <message>
        <source>Cause given: </source>
        <translation>所述原因：</translation>
    </message>
    <message>
        <source>%n item(s)</source>
        <translation>%n 项</translation>
    </message>
    <message>
        <source>%n stock phrase(s) marked</source>
        <translation>已标出 %n 处套话</translation>
    </message>
    <message>
        <source>Causes: analysed for %1 of %2 items</source>
        <translation>原因：%2 项中有 %1 项分析了原因</translation>
    </message>
    <message>
        <source>Causes: none analysed</source>
        <translation>原因：没有分析</translation>
    </message>
    <message>
        <source>Concrete details: %1</source>
        <translation>具体内容：%1</translation>
    </message>
    <message>
        <source>Earlier report (%1): %n shortcoming(s) repeated</source>
        <translation>往年报告（%1）：%n 项不足与之雷同</translation>
    </message>
    <message>
        <source>Earlier report (%1): it has no shortcomings part to compare with</source>
        <translation>往年报告（%1）：该报告没有不足部分可供对照</translation>
    </message>
    <message>
        <source>Earlier report: none of the same agency in the corpus</source>
        <translation>往年报告：库中没有同一单位的往年报告</translation>
    </message>
    <message>
        <source>Mark stock phrases in the text</source>
        <translation>在正文中标出套话</translation>
    </message>
    <message>
        <source>Next year&apos;s plan: %n shortcoming(s) with no matching plan item</source>
        <translation>下一年度安排：%n 项不足没有对应的整改措施</translation>
    </message>
    <message>
        <source>Next year&apos;s plan: every shortcoming has a matching plan item</source>
        <translation>下一年度安排：每项不足都有对应的措施</translation>
    </message>
    <message>
        <source>Next year&apos;s plan: the report has no plan part to compare with</source>
        <translation>下一年度安排：报告没有安排部分可供对照</translation>
    </message>
    <message>
        <source>Stock phrases (%n): </source>
        <translation>套话（%n 处）：</translation>
    </message>
    <message>
        <source>No cause given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>Nothing in next year&apos;s plan answers this</source>
        <translation>下一年度安排中没有对应措施</translation>
    </message>
    <message>
        <source>Open a report to see hints about its shortcomings part.</source>
        <translation>打开一份报告即可查看其不足部分的提示。</translation>
    </message>
    <message>
        <source>Phrases such as 有待进一步加强 or 仍有提升空间 that state a gap without saying what, where or why</source>
        <translation>如“有待进一步加强”“仍有提升空间”等只说有差距、不说差在哪里和为什么的表述</translation>
    </message>
    <message>
        <source>Repeats the earlier report: “%1” (%2 overlap)</source>
        <translation>与往年报告雷同：“%1”（重合 %2）</translation>
    </message>
    <message>
        <source>Shortcomings Aids</source>
        <translation>不足部分辅助提示</translation>
    </message>
    <message>
        <source>Shortcomings part</source>
        <translation>不足部分</translation>
    </message>
    <message>
        <source>The rules ask every annual report for the shortcomings of the year and their causes.</source>
        <translation>规定要求年度报告写明上一年度存在的不足和原因。</translation>
    </message>
    <message>
        <source>These are hints to check by reading, not scores.</source>
        <translation>以上仅为提示，需阅读核实，不是评分。</translation>
    </message>
    <message>
        <source>This report has no shortcomings part.</source>
        <translation>本报告没有不足部分。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>partly specific</source>
        <translation>部分具体</translation>
    </message>
    <message>
        <source>shared: %1</source>
        <translation>共同词语：%1</translation>
    </message>
    <message>
        <source>specific</source>
        <translation>具体</translation>
    </message>
    <message>
        <source>the heading promises causes (原因) but the text gives none</source>
        <translation>标题写了“原因”，正文却没有分析原因</translation>
    </message>
    <message>
        <source>vague</source>
        <translation>笼统</translation>
    </message>
</context>
<context>
    <name>Annotations</name>
    <message>
        <source>%n annotation(s) could not be found in the re-imported text. They are listed last, in red: select where each belongs in the text and press Place, or delete it.</source>
        <translation>%n 条批注在重新导入的文本中未找到，以红色列在最后：请在正文中选中各自应在的位置并点击“定位到选区”，或将其删除。</translation>
    </message>
    <message>
        <source>%n annotation(s)</source>
        <translation>%n 条批注</translation>
    </message>
    <message>
        <source>%1 annotation(s) re-attached, %2 orphan(s) to place or delete.</source>
        <translation>已重新定位 %1 条批注，%2 条失位批注待定位或删除。</translation>
    </message>
    <message>
        <source>%1 correction(s) of parts could not be placed in the new text; they are listed under the report&apos;s header.</source>
        <translation>%1 项部分更正无法在新文本中定位，已列在报告标题下方。</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2中的 %1 条</translation>
    </message>
    <message>
        <source>%1 passage(s) in %2 report(s)</source>
        <translation>%2 份报告中的 %1 段文字</translation>
    </message>
    <message>
        <source>&amp;Annotate Selection…</source>
        <translation>批注选中文字(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Annotations</source>
        <translation>批注(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Codebook…</source>
        <translation>标签体系(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>删除批注(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Edit Annotation…</source>
        <translation>编辑批注(&amp;E)…</translation>
    </message>
    <message>
        <source>Re-import Changed &amp;Version…</source>
        <translation>重新导入修改后的版本(&amp;V)…</translation>
    </message>
    <message>
        <source>Add tag “%1”</source>
        <translation>添加标签“%1”</translation>
    </message>
    <message>
        <source>All parts</source>
        <translation>全部部分</translation>
    </message>
    <message>
        <source>All reviewers</source>
        <translation>全部评阅人</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Annotate passage</source>
        <translation>批注段落</translation>
    </message>
    <message>
        <source>Annotate “%1”</source>
        <translation>批注“%1”</translation>
    </message>
    <message>
        <source>Annotation deleted (Ctrl+Z brings it back).</source>
        <translation>批注已删除（按 Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>Annotation not placed</source>
        <translation>批注未定位</translation>
    </message>
    <message>
        <source>Annotation not saved</source>
        <translation>批注未保存</translation>
    </message>
    <message>
        <source>Annotation saved.</source>
        <translation>批注已保存。</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Attach this annotation to the passage selected in the report</source>
        <translation>把这条批注定位到报告中选中的文字</translation>
    </message>
    <message>
        <source>Change tag “%1”</source>
        <translation>修改标签“%1”</translation>
    </message>
    <message>
        <source>Choose an annotation in the panel or click its mark, then press Ctrl+E.</source>
        <translation>请在批注面板中选择一条批注或单击其标记，再按 Ctrl+E。</translation>
    </message>
    <message>
        <source>Click to go to the passage · Enter: edit · Delete: delete</source>
        <translation>单击跳转到该段落 · Enter：编辑 · Delete：删除</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete annotation “%1”</source>
        <translation>删除批注“%1”</translation>
    </message>
    <message>
        <source>Delete tag “%1”</source>
        <translation>删除标签“%1”</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the passage in its report</source>
        <translation>双击或按 Enter 在所属报告中打开该段落</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <source>Edit annotation “%1”</source>
        <translation>编辑批注“%1”</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Evidence for</source>
        <translation>作为证据的评分项</translation>
    </message>
    <message>
        <source>Keys 1–9 tick tags · Tab: comment · Ctrl+Enter: save · Esc: cancel</source>
        <translation>数字键 1–9 勾选标签 · Tab：评语 · Ctrl+Enter：保存 · Esc：取消</translation>
    </message>
    <message>
        <source>Merge tag “%1” into “%2”</source>
        <translation>将标签“%1”合并到“%2”</translation>
    </message>
    <message>
        <source>Open the report to re-import first.</source>
        <translation>请先打开要重新导入的报告。</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>失位</translation>
    </message>
    <message>
        <source>Orphan: not found in the new text</source>
        <translation>失位：在新文本中未找到</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Passages tagged</source>
        <translation>带有标签</translation>
    </message>
    <message>
        <source>Place annotation “%1”</source>
        <translation>重新定位批注“%1”</translation>
    </message>
    <message>
        <source>Place on Selection</source>
        <translation>定位到选区</translation>
    </message>
    <message>
        <source>Re-attached (approximate)</source>
        <translation>已重新定位（近似匹配）</translation>
    </message>
    <message>
        <source>Re-import changed version</source>
        <translation>重新导入修改后的版本</translation>
    </message>
    <message>
        <source>Re-import failed</source>
        <translation>重新导入失败</translation>
    </message>
    <message>
        <source>Re-importing %1…</source>
        <translation>正在重新导入 %1…</translation>
    </message>
    <message>
        <source>Recolour tag “%1”</source>
        <translation>更改标签“%1”的颜色</translation>
    </message>
    <message>
        <source>Replace this report&apos;s text by a corrected file; annotations are re-attached, those not found are listed as orphans</source>
        <translation>用修改后的文件替换本报告的文本；批注会重新定位，找不到的列为失位批注</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Retrieved Segments</source>
        <translation>标签检索</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评阅人</translation>
    </message>
    <message>
        <source>Select a passage in the report first, then press Ctrl+M to annotate it.</source>
        <translation>请先在报告中选中一段文字，再按 Ctrl+M 批注。</translation>
    </message>
    <message>
        <source>Select the passage the annotation belongs to, then press Place.</source>
        <translation>请选中批注应在的文字，再点击“定位到选区”。</translation>
    </message>
    <message>
        <source>Show only annotations by this reviewer</source>
        <translation>只显示这位评阅人的批注</translation>
    </message>
    <message>
        <source>Show only annotations in this part of the report</source>
        <translation>只显示报告这一部分中的批注</translation>
    </message>
    <message>
        <source>Show only annotations with this tag</source>
        <translation>只显示带有此标签的批注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tag and comment the selected passage (Ctrl+M)</source>
        <translation>为选中的文字加标签和评语（Ctrl+M）</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The report was not changed. The details below say what went wrong.</source>
        <translation>报告未作更改。下方的详细信息说明了出错原因。</translation>
    </message>
    <message>
        <source>The text is unchanged; nothing was done.</source>
        <translation>文本没有变化，未做任何改动。</translation>
    </message>
    <message>
        <source>This passage was not found after the report was re-imported. Select where it belongs and use Place, or delete the annotation.</source>
        <translation>重新导入报告后未找到这段文字。请在正文中选中它应在的位置并点击“定位到选区”，或删除该批注。</translation>
    </message>
    <message>
        <source>Tick at least one tag (keys 1–9) or write a comment: an annotation with neither says nothing and is not saved.</source>
        <translation>请至少勾选一个标签（数字键 1–9）或填写评语：既无标签又无评语的批注没有内容，不会保存。</translation>
    </message>
    <message>
        <source>Why this passage matters (optional)</source>
        <translation>为什么标注这段文字（可选）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Your &amp;Name…</source>
        <translation>您的姓名(&amp;N)…</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Your name is stored with every annotation you make, so that reviews by several people can be told apart and merged:</source>
        <translation>您的姓名将随每条批注保存，以便区分和合并多位评阅人的评阅：</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <source>%n annotation(s) tagged “%1” will be tagged “%2” instead.</source>
        <translation>带有“%1”的 %n 条批注将改为带有“%2”。</translation>
    </message>
    <message>
        <source>%n of them will be left with no tag (they stay, with their comments).</source>
        <translation>其中 %n 条将不再带有任何标签（批注及评语仍保留）。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>标签体系</translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Delete the tag “%1”?</source>
        <translation>删除标签“%1”？</translation>
    </message>
    <message>
        <source>English name (optional):</source>
        <translation>英文名称（可选）：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>It is on %n annotation(s); it will be taken off them.</source>
        <translation>有 %n 条批注带有此标签，删除后将从这些批注上移除。</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation>将“%1”合并到：</translation>
    </message>
    <message>
        <source>Name of the new tag (Chinese):</source>
        <translation>新标签名称（中文）：</translation>
    </message>
    <message>
        <source>New name (Chinese):</source>
        <translation>新名称（中文）：</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>No annotation carries it.</source>
        <translation>没有批注带有此标签。</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>The tag “%1” will be removed from the codebook. Annotations and their comments are kept; you can undo this with Ctrl+Z.</source>
        <translation>标签“%1”将从标签体系中移除。批注及其评语都会保留；可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>The tags, in the order of the number keys in the annotation editor</source>
        <translation>标签列表，顺序即批注编辑框中数字键的顺序</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可按 Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>This report lacks: %1 (the other report has it)</source>
        <translation>本报告缺少：%1（另一份报告有此部分）</translation>
    </message>
    <message>
        <source>Changed wording</source>
        <translation>措辞变化</translation>
    </message>
    <message>
        <source>Each sentence is compared with its most similar counterpart in the other report: changed words are marked strongly (removed: red, left; added: green, right), sentences without a counterpart pale, moved sentences blue. F8 / Shift+F8 go to the next / previous change</source>
        <translation>每个句子与另一份报告中最相近的句子对照：改动的字词以深色标出（删去：红色，左侧；新增：绿色，右侧），找不到对应的句子整句浅色标出，位置移动的句子标为蓝色。F8 / Shift+F8 转到下一处 / 上一处变化</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删去</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>sentence removed</source>
        <translation>整句删去</translation>
    </message>
    <message>
        <source>sentence added</source>
        <translation>整句新增</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Next change</source>
        <translation>下一处变化</translation>
    </message>
    <message>
        <source>Next changed wording (F8)</source>
        <translation>下一处措辞变化（F8）</translation>
    </message>
    <message>
        <source>Previous change</source>
        <translation>上一处变化</translation>
    </message>
    <message>
        <source>Previous changed wording (Shift+F8)</source>
        <translation>上一处措辞变化（Shift+F8）</translation>
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
    <name>Conflicts</name>
    <message>
        <source>Annotation</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>评阅</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Agency grouping</source>
        <translation>机关归并</translation>
    </message>
    <message>
        <source>Promise check</source>
        <translation>承诺核对</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Adjudication</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Adjudicated score</source>
        <translation>裁定分值</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>批注意见</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Text before</source>
        <translation>前文</translation>
    </message>
    <message>
        <source>Text after</source>
        <translation>后文</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>End</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Placed by</source>
        <translation>定位方式</translation>
    </message>
    <message>
        <source>Placement match</source>
        <translation>定位吻合度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Suggested points</source>
        <translation>建议分值</translation>
    </message>
    <message>
        <source>Suggestion accepted</source>
        <translation>采纳建议</translation>
    </message>
    <message>
        <source>Basis of the suggestion</source>
        <translation>建议依据</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Why not applicable</source>
        <translation>不适用理由</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>总体评语</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Reopened by</source>
        <translation>重新打开人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Grouped</source>
        <translation>归并对象</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>归并组</translation>
    </message>
    <message>
        <source>Plan item</source>
        <translation>计划事项</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>裁定人</translation>
    </message>
    <message>
        <source>Assigned by</source>
        <translation>分配人</translation>
    </message>
    <message>
        <source>placed in the text</source>
        <translation>已在正文中定位</translation>
    </message>
    <message>
        <source>not found in the text</source>
        <translation>正文中未找到</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已落实</translation>
    </message>
    <message>
        <source>named as a shortcoming</source>
        <translation>列为不足</translation>
    </message>
    <message>
        <source>not mentioned</source>
        <translation>未提及</translation>
    </message>
    <message>
        <source>another name of the agency</source>
        <translation>机关别名</translation>
    </message>
    <message>
        <source>one report</source>
        <translation>单份报告</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ConflictsAction</name>
    <message>
        <source>Merge Conflicts…</source>
        <translation>合并冲突…</translation>
    </message>
    <message>
        <source>Rows a package and this database both changed: choose which version stays</source>
        <translation>评阅包和本数据库都改过的内容：选择保留哪个版本</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Merge Conflicts</source>
        <translation>合并冲突</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评阅人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Applied (newer)</source>
        <translation>已采用（较新）</translation>
    </message>
    <message>
        <source>Other version</source>
        <translation>另一版本</translation>
    </message>
    <message>
        <source>Keep Applied</source>
        <translation>保留已采用版本</translation>
    </message>
    <message>
        <source>Use Other Version</source>
        <translation>改用另一版本</translation>
    </message>
    <message>
        <source>%1 conflict(s): a package and this database both changed these since the package was made. The newer version was applied; the other is kept here.</source>
        <translation>%1 处冲突：评阅包生成后，评阅包和本数据库都改过这些内容。已采用较新的版本，另一版本保留在此。</translation>
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
        <source>Date</source>
        <comment>document date, short column header</comment>
        <translation>成文日期</translation>
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
        <source>On time</source>
        <comment>published on time, short column header</comment>
        <translation>按时公开</translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation>缺少的部分</translation>
    </message>
    <message>
        <source>Missing</source>
        <comment>missing parts, short column header</comment>
        <translation>缺项</translation>
    </message>
    <message>
        <source>Verify</source>
        <comment>待核对 (values to verify), short column header</comment>
        <translation>核对</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>评阅状态</translation>
    </message>
    <message>
        <source>Review</source>
        <comment>review status, short column header</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total score</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Years of this agency</source>
        <translation>该机关各年度</translation>
    </message>
    <message>
        <source>Its years</source>
        <comment>years of this agency, short column header</comment>
        <translation>各年度</translation>
    </message>
    <message>
        <source>%1 (in progress)</source>
        <translation>%1（进行中）</translation>
    </message>
    <message>
        <source>Score</source>
        <comment>total score, short column header</comment>
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
        <source>%1 report(s) of this agency in the corpus (other forms of its name and your merges included); right-click › This Agency Across the Years… shows them side by side in time</source>
        <translation>语料库中该机关的报告共%1份（含名称的其他写法和您合并的机关）；右键 › 本机关历年报告… 按时间顺序显示</translation>
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
        <source>Values and parts the program is unsure of (Verify › 核对队列)</source>
        <translation>程序没有把握的元数据和部分（核对 › 核对队列）</translation>
    </message>
    <message>
        <source>待核对</source>
        <translation>待核对</translation>
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
        <source>Corpus &amp;by Agency</source>
        <translation>按机关分组显示(&amp;B)</translation>
    </message>
    <message>
        <source>One row per agency with its years in a row; Enter on an agency shows its reports, one per year</source>
        <translation>每个机关一行，各年度排成一行；在机关上按回车显示其各年度报告</translation>
    </message>
    <message>
        <source>Show it (clear filters)</source>
        <translation>显示该报告（清除筛选）</translation>
    </message>
    <message>
        <source>%1 agencies, %2 of %3 reports</source>
        <translation>%1 个机关，%2/%3 份报告</translation>
    </message>
    <message>
        <source>%1 of %2 reports</source>
        <translation>%1 / %2 份报告</translation>
    </message>
    <message>
        <source>%1 reports</source>
        <translation>%1 份报告</translation>
    </message>
    <message>
        <source>The open report (%1) is hidden by the filters; they are kept.</source>
        <translation>当前打开的报告（%1）被筛选条件隐藏；筛选条件已保留。</translation>
    </message>
    <message>
        <source>待核对 (to verify)</source>
        <translation>待核对</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>%1 correction(s) could not be placed in the changed text</source>
        <translation>%1 项更正无法在修改后的文本中定位</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>报告机关</translation>
    </message>
    <message>
        <source>Change kind of “%1”</source>
        <translation>更改“%1”的类型</translation>
    </message>
    <message>
        <source>Correct %1</source>
        <translation>更正%1</translation>
    </message>
    <message>
        <source>Correct the title, agency, year, document number or dates (right-click a part heading or a selection to correct parts)</source>
        <translation>更正标题、报告机关、年度、文号或日期（在部分标题或选中的文字上单击右键可更正部分）</translation>
    </message>
    <message>
        <source>Correction not made</source>
        <translation>未能更正</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>编辑元数据(&amp;M)…</translation>
    </message>
    <message>
        <source>Edit metadata…</source>
        <translation>更正元数据…</translation>
    </message>
    <message>
        <source>Mark as %1</source>
        <translation>标记为“%1”</translation>
    </message>
    <message>
        <source>Mark as required part</source>
        <translation>标记为必备部分</translation>
    </message>
    <message>
        <source>Not a part heading</source>
        <translation>不是部分标题</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Relabel part as %1</source>
        <translation>将部分改为“%1”</translation>
    </message>
    <message>
        <source>Reset %1 to automatic</source>
        <translation>将%1恢复为自动识别值</translation>
    </message>
    <message>
        <source>Reset to automatic</source>
        <translation>恢复自动识别值</translation>
    </message>
    <message>
        <source>Start a new part here</source>
        <translation>从此处开始新部分</translation>
    </message>
    <message>
        <source>Start a part: %1</source>
        <translation>从此处开始新部分：%1</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>automatic: %1 (found in: %2)</source>
        <translation>自动识别：%1（来源：%2）</translation>
    </message>
    <message>
        <source>corrected by %1</source>
        <translation>由%1更正</translation>
    </message>
    <message>
        <source>Parts and metadata as detected</source>
        <translation>部分和元数据均为自动识别结果</translation>
    </message>
    <message>
        <source>not found in the text</source>
        <translation>文中未找到</translation>
    </message>
    <message>
        <source>※ Edit metadata…</source>
        <translation>※ 更正元数据…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>New reviewers, separated by commas</source>
        <translation>新评阅人，用逗号分隔</translation>
    </message>
    <message>
        <source>Give each report only this many of them, balancing their loads:</source>
        <translation>每份报告只分配其中几位（均衡各人工作量）：</translation>
    </message>
</context>
<context>
    <name>GroupedModel</name>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告数</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺项</translation>
    </message>
    <message>
        <source>%1 report(s) of this agency pass the filters (other forms of its name and your merges included); Enter shows them, one per year</source>
        <translation>该机关有 %1 份报告符合筛选条件（含其名称的其他写法及您的合并）；按回车按年度逐份显示</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>(no agency)</source>
        <translation>（无机关名称）</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>(no year)</source>
        <translation>（年度不明）</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>为 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>same content as %1 (%2)</source>
        <translation>与已有报告内容相同：%1（%2）</translation>
    </message>
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
        <source>%1 reports have no agency</source>
        <translation>%1 份报告没有机关名称</translation>
    </message>
    <message>
        <source>%1 → verify</source>
        <translation>%1 → 核对</translation>
    </message>
</context>
<context>
    <name>Ingest</name>
    <message>
        <source>a link to a file outside the imported folder; not followed</source>
        <translation>这是指向导入文件夹之外文件的链接；未跟随</translation>
    </message>
    <message>
        <source>a link to a file that does not exist</source>
        <translation>这是指向不存在文件的链接</translation>
    </message>
    <message>
        <source>a link to a folder; links are not followed</source>
        <translation>这是指向文件夹的链接；不跟随链接</translation>
    </message>
    <message>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <source>check that the file is a report</source>
        <translation>请确认该文件是一份报告</translation>
    </message>
    <message>
        <source>check the file&apos;s permissions</source>
        <translation>请检查文件的访问权限</translation>
    </message>
    <message>
        <source>check the folder&apos;s permissions</source>
        <translation>请检查文件夹的访问权限</translation>
    </message>
    <message>
        <source>check the path</source>
        <translation>请检查路径</translation>
    </message>
    <message>
        <source>close other programs, or split the report</source>
        <translation>请关闭其他程序，或将报告拆分</translation>
    </message>
    <message>
        <source>contains no text after decoding</source>
        <translation>解码后没有任何文字</translation>
    </message>
    <message>
        <source>could not be parsed as a web page ({error})</source>
        <translation>无法解析为网页（{error}）</translation>
    </message>
    <message>
        <source>could not be stored ({error})</source>
        <translation>无法保存（{error}）</translation>
    </message>
    <message>
        <source>download or export the PDF again</source>
        <translation>请重新下载或重新导出 PDF</translation>
    </message>
    <message>
        <source>export the report to PDF again (or save it as .docx) and import that file</source>
        <translation>请重新将报告导出为 PDF（或另存为 .docx）后导入</translation>
    </message>
    <message>
        <source>export the report to PDF again from Word or WPS, or save it as .docx; for a printed copy, run OCR on it</source>
        <translation>请用 Word 或 WPS 重新导出为 PDF，或另存为 .docx；如是扫描件，请先做文字识别（OCR）</translation>
    </message>
    <message>
        <source>export the report to PDF again or save it as .docx</source>
        <translation>请重新导出 PDF，或另存为 .docx</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>找不到该文件</translation>
    </message>
    <message>
        <source>has no text layer ({pages} page(s) of images: a scanned PDF)</source>
        <translation>没有文字层（{pages} 页图片：扫描版 PDF）</translation>
    </message>
    <message>
        <source>has no text layer apart from page headers, footers and numbers ({pages} page(s) of images: a scanned PDF)</source>
        <translation>除页眉、页脚和页码外没有文字层（共 {pages} 页图片：这是扫描版 PDF）</translation>
    </message>
    <message>
        <source>has {pages} pages, more than the {limit} one report can have</source>
        <translation>共 {pages} 页，超过单份报告 {limit} 页的上限</translation>
    </message>
    <message>
        <source>holds {count} parts, far more than a Word document has</source>
        <translation>包含 {count} 个部件，远多于 Word 文档应有的数量</translation>
    </message>
    <message>
        <source>import .txt, .docx, .pdf or .html reports; convert other formats first</source>
        <translation>请导入 .txt、.docx、.pdf 或 .html 格式的报告；其他格式请先转换</translation>
    </message>
    <message>
        <source>import that file itself if it is a report</source>
        <translation>如该文件是报告，请直接导入它</translation>
    </message>
    <message>
        <source>import that file, from the same saved folder, instead</source>
        <translation>请改为导入同一保存文件夹中的该文件</translation>
    </message>
    <message>
        <source>import the folder instead</source>
        <translation>请改用“导入文件夹”</translation>
    </message>
    <message>
        <source>import the folder itself if it holds reports</source>
        <translation>如其中有报告，请直接导入该文件夹</translation>
    </message>
    <message>
        <source>import the report file itself</source>
        <translation>请导入报告文件本身</translation>
    </message>
    <message>
        <source>import the report itself (.docx, .pdf or .txt)</source>
        <translation>请导入报告本身（.docx、.pdf 或 .txt）</translation>
    </message>
    <message>
        <source>is a PowerPoint presentation (.pptx), not a Word document</source>
        <translation>这是 PowerPoint 演示文稿（.pptx），不是 Word 文档</translation>
    </message>
    <message>
        <source>is a damaged .docx (its part {part} is not valid XML: {error})</source>
        <translation>这是一个损坏的 .docx（其中的 {part} 不是有效的 XML：{error}）</translation>
    </message>
    <message>
        <source>is a damaged .docx (missing part {part})</source>
        <translation>.docx 文件已损坏（缺少部件 {part}）</translation>
    </message>
    <message>
        <source>is a damaged .docx (the document has no body)</source>
        <translation>这是一个损坏的 .docx（文档没有正文）</translation>
    </message>
    <message>
        <source>is a damaged PDF ({error})</source>
        <translation>PDF 文件已损坏（{error}）</translation>
    </message>
    <message>
        <source>is a damaged PDF that cannot be opened ({error})</source>
        <translation>PDF 文件已损坏，无法打开（{error}）</translation>
    </message>
    <message>
        <source>is a damaged RTF document ({error})</source>
        <translation>这是一个损坏的 RTF 文档（{error}）</translation>
    </message>
    <message>
        <source>is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>is a page of frames: the report&apos;s text is in another file ({files})</source>
        <translation>这是框架网页：报告正文在另一个文件中（{files}）</translation>
    </message>
    <message>
        <source>is a password-protected PDF</source>
        <translation>PDF 文件设有密码保护</translation>
    </message>
    <message>
        <source>is a password-protected Word document</source>
        <translation>这是一个设置了密码保护的 Word 文档</translation>
    </message>
    <message>
        <source>is a saved web page archive (.mhtml) without an html part</source>
        <translation>这是一个不含网页正文部分的网页存档（.mhtml）</translation>
    </message>
    <message>
        <source>is a zip archive, not a text file</source>
        <translation>这是 zip 压缩包，不是文本文件</translation>
    </message>
    <message>
        <source>is an Excel workbook (.xlsx), not a Word document</source>
        <translation>这是 Excel 工作簿（.xlsx），不是 Word 文档</translation>
    </message>
    <message>
        <source>is an OFD document (China&apos;s fixed-layout format), not a Word document</source>
        <translation>这是 OFD 版式文件，不是 Word 文档</translation>
    </message>
    <message>
        <source>is an OpenDocument file ({kind}, from LibreOffice or WPS), not a Word document</source>
        <translation>这是 OpenDocument 文件（{kind}，来自 LibreOffice 或 WPS），不是 Word 文档</translation>
    </message>
    <message>
        <source>is an RTF document whose characters cannot be decoded ({bad} of {total} unreadable)</source>
        <translation>这是 RTF 文档，但其中的字符无法解码（{total} 个中有 {bad} 个无法识别）</translation>
    </message>
    <message>
        <source>is an RTF document, which this installation cannot read</source>
        <translation>这是 RTF 文档，当前安装无法读取</translation>
    </message>
    <message>
        <source>is an XPS document, not a Word document</source>
        <translation>这是 XPS 文档，不是 Word 文档</translation>
    </message>
    <message>
        <source>is an encrypted zip, not a Word document</source>
        <translation>这是一个加密的压缩包，不是 Word 文档</translation>
    </message>
    <message>
        <source>is an old Word .doc (or other OLE) file, which is not supported</source>
        <translation>这是旧版 Word .doc（或其他 OLE）文件，不支持</translation>
    </message>
    <message>
        <source>is not a regular file (a pipe, socket or device)</source>
        <translation>不是普通文件（是管道、套接字或设备）</translation>
    </message>
    <message>
        <source>is not a valid .docx (the zip container is damaged)</source>
        <translation>不是有效的 .docx 文件（压缩容器已损坏）</translation>
    </message>
    <message>
        <source>its pages&apos; drawing instructions are too many to read (a damaged or hostile PDF); not imported</source>
        <translation>页面绘制指令过多，无法读取（PDF 已损坏或被恶意构造）；未导入</translation>
    </message>
    <message>
        <source>its pages&apos; drawing instructions unpack to more than {limit} MB (a damaged or hostile PDF); not imported</source>
        <translation>页面绘制指令解压后超过 {limit} MB（PDF 已损坏或被恶意构造）；未导入</translation>
    </message>
    <message>
        <source>its pages&apos; drawing instructions unpack to more than {ratio} times their size (a damaged or hostile PDF); not imported</source>
        <translation>页面绘制指令解压后超过原大小的 {ratio} 倍（PDF 已损坏或被恶意构造）；未导入</translation>
    </message>
    <message>
        <source>its path is longer than the system allows ({length} characters); the reports in it were not imported</source>
        <translation>路径长度超过系统上限（{length} 个字符）；其中的报告未导入</translation>
    </message>
    <message>
        <source>its text layer cannot be read as Chinese ({bad} of {total} characters are unreadable codes: its fonts carry no character map)</source>
        <translation>文字层无法识读为中文（{total} 个字符中有 {bad} 个是无法识别的编码：字体缺少字符映射表）</translation>
    </message>
    <message>
        <source>looks like a binary file, not text</source>
        <translation>看起来是二进制文件，不是文本</translation>
    </message>
    <message>
        <source>missing: {parts}</source>
        <translation>缺少：{parts}</translation>
    </message>
    <message>
        <source>move the folder to a place with a shorter path</source>
        <translation>请把文件夹移到路径较短的位置</translation>
    </message>
    <message>
        <source>nests its page tree or forms too deeply to be read (a damaged or hostile PDF)</source>
        <translation>页面树或表单嵌套过深，无法读取（PDF 已损坏或被恶意构造）</translation>
    </message>
    <message>
        <source>nests tables, text boxes or content controls more than {limit} levels deep</source>
        <translation>表格、文本框或内容控件嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>not a report file type ({suffix})</source>
        <translation>不是报告文件类型（{suffix}）</translation>
    </message>
    <message>
        <source>open it in WPS or LibreOffice and save it as .docx</source>
        <translation>请用 WPS 或 LibreOffice 打开并另存为 .docx</translation>
    </message>
    <message>
        <source>open it in Word or WPS and save it again as .docx</source>
        <translation>请用 Word 或 WPS 打开并重新另存为 .docx</translation>
    </message>
    <message>
        <source>open it in Word or WPS and save it as .docx</source>
        <translation>请用 Word 或 WPS 打开并另存为 .docx</translation>
    </message>
    <message>
        <source>open it in Word or WPS, copy the text into a new document and save that</source>
        <translation>请用 Word 或 WPS 打开，把文字复制到新文档中保存后再导入</translation>
    </message>
    <message>
        <source>open it in Word or WPS, remove the password and save it as .docx</source>
        <translation>请用 Word 或 WPS 打开，取消密码后另存为 .docx</translation>
    </message>
    <message>
        <source>open it in a text editor and save it as UTF-8</source>
        <translation>请用文本编辑器打开并另存为 UTF-8 编码</translation>
    </message>
    <message>
        <source>open it in an OFD reader and export it as PDF, or ask for the report as .docx</source>
        <translation>请用 OFD 阅读器打开并导出为 PDF，或索取 .docx 版本的报告</translation>
    </message>
    <message>
        <source>open it in the browser and save the page as .html</source>
        <translation>请用浏览器打开并将网页另存为 .html</translation>
    </message>
    <message>
        <source>print it to PDF and import the PDF</source>
        <translation>请打印为 PDF 后导入该 PDF</translation>
    </message>
    <message>
        <source>ran out of memory while reading it</source>
        <translation>读取时内存不足</translation>
    </message>
    <message>
        <source>re-save or re-download the report</source>
        <translation>请重新保存或重新下载该报告</translation>
    </message>
    <message>
        <source>re-save the file as UTF-8</source>
        <translation>请将文件另存为 UTF-8 编码</translation>
    </message>
    <message>
        <source>reading its text took longer than {limit} s; stopped</source>
        <translation>读取文字超过 {limit} 秒，已停止</translation>
    </message>
    <message>
        <source>remove the password (print to a new PDF) and import that copy</source>
        <translation>请去除密码（打印为新的 PDF）后导入该副本</translation>
    </message>
    <message>
        <source>remove the password in Word or WPS and save it again as .docx</source>
        <translation>请在 Word 或 WPS 中取消密码后重新另存为 .docx</translation>
    </message>
    <message>
        <source>run OCR on it (e.g. in WPS or ocrmypdf) and import the result</source>
        <translation>请先进行文字识别（OCR，如 WPS 或 ocrmypdf），再导入识别结果</translation>
    </message>
    <message>
        <source>same content already in the database</source>
        <translation>数据库中已有内容相同的报告</translation>
    </message>
    <message>
        <source>save the page again from the browser, or copy its text into a .txt file</source>
        <translation>请在浏览器中重新保存网页，或将正文复制到 .txt 文件</translation>
    </message>
    <message>
        <source>split it or check that it really is a single report</source>
        <translation>请拆分文件，或确认它确实只是一份报告</translation>
    </message>
    <message>
        <source>starts with a UTF-8 mark but is not valid UTF-8 (byte {byte})</source>
        <translation>文件以 UTF-8 标记开头，但不是有效的 UTF-8（第 {byte} 字节）</translation>
    </message>
    <message>
        <source>starts with a {encoding} mark but cannot be decoded as {encoding}</source>
        <translation>文件以 {encoding} 标记开头，但无法按 {encoding} 解码</translation>
    </message>
    <message>
        <source>text could not be extracted ({error})</source>
        <translation>无法提取文字（{error}）</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes)</source>
        <translation>文件是空的（0 字节）</translation>
    </message>
    <message>
        <source>the file is {size} MB, larger than the {limit} MB limit for one report</source>
        <translation>文件大小为 {size} MB，超过单份报告 {limit} MB 的上限</translation>
    </message>
    <message>
        <source>the text encoding could not be recognised (not UTF-8, GB18030/GBK or UTF-16)</source>
        <translation>无法识别文字编码（不是 UTF-8、GB18030/GBK 或 UTF-16）</translation>
    </message>
    <message>
        <source>this folder cannot be read ({reason}); the reports in it were not imported</source>
        <translation>无法读取此文件夹（{reason}）；其中的报告未导入</translation>
    </message>
    <message>
        <source>unexpected error ({error}); please report it</source>
        <translation>意外错误（{error}）；请报告此问题</translation>
    </message>
    <message>
        <source>unpack it and import the files inside</source>
        <translation>请解压后导入其中的文件</translation>
    </message>
    <message>
        <source>unpacks to more than {limit} MB (a zip bomb or a damaged file); not imported</source>
        <translation>解压后超过 {limit} MB（压缩炸弹或文件已损坏），未导入</translation>
    </message>
    <message>
        <source>hidden (its name starts with a dot); not imported</source>
        <translation>隐藏文件（名称以点开头）；未导入</translation>
    </message>
    <message>
        <source>rename it without the dot if it holds reports</source>
        <translation>如其中有报告，请去掉名称开头的点后再导入</translation>
    </message>
    <message>
        <source>holds an embedded document of a kind that cannot be read ({name})</source>
        <translation>其中嵌入了无法读取的文档（{name}）</translation>
    </message>
    <message>
        <source>only {text_pages} of its {pages} pages have a text layer; the others are images (a scanned PDF)</source>
        <translation>{pages} 页中只有 {text_pages} 页有文字层，其余是图片（这是扫描版 PDF）</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Preamble</source>
        <translation>前言</translation>
    </message>
    <message>
        <source>Measures and results</source>
        <translation>主要举措和成效</translation>
    </message>
    <message>
        <source>Shortcomings and causes</source>
        <translation>存在的不足和原因</translation>
    </message>
    <message>
        <source>Leaders&apos; duty</source>
        <translation>第一责任人履职情况</translation>
    </message>
    <message>
        <source>Next year&apos;s plan</source>
        <translation>下一年度主要安排</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他情况</translation>
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
        <source>请核对</source>
        <translation>请核对</translation>
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
    <message>
        <source>Please check: %1</source>
        <translation>请核对：%1</translation>
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
        <source>&amp;Go To</source>
        <translation>转到(&amp;G)</translation>
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
        <source>Compare with Previous &amp;Year</source>
        <translation>与上一年度对照(&amp;Y)</translation>
    </message>
    <message>
        <source>Reading &amp;Mode</source>
        <translation>阅读模式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>Smaller Te&amp;xt</source>
        <translation>缩小文字(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Default Text Size</source>
        <translation>默认文字大小(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Corpus Table</source>
        <translation>报告列表(&amp;C)</translation>
    </message>
    <message>
        <source>Report &amp;Text</source>
        <translation>报告正文(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Annotations List</source>
        <translation>批注列表(&amp;A)</translation>
    </message>
    <message>
        <source>Score For&amp;m</source>
        <translation>评分表(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Outline</source>
        <translation>目录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Next Pane</source>
        <translation>下一个窗格(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Pane</source>
        <translation>上一个窗格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
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
        <source>Hide the corpus column and the docks and set the text in a centred column to read; again to bring them back (F11 or Ctrl+Shift+F)</source>
        <translation>隐藏报告列表和侧栏，正文居中成栏以便阅读；再按一次恢复（F11 或 Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>未打开数据库</translation>
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
        <source>Upgrade cancelled</source>
        <translation>已取消升级</translation>
    </message>
    <message>
        <source>%1 was not upgraded and is unchanged; the database open before stays open. Open it again when there is time for the upgrade.</source>
        <translation>%1 未升级，保持原样；之前打开的数据库仍然打开。有时间升级时再打开它。</translation>
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
        <source>%1 is hidden by the corpus filters; they are kept (Edit › Clear Filters shows it).</source>
        <translation>%1 被报告列表的筛选条件隐藏；筛选条件已保留（编辑 › 清除筛选 可显示它）。</translation>
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
        <source>Context menu of the focused pane</source>
        <translation>当前窗格的右键菜单</translation>
    </message>
    <message>
        <source>Shift+F10, Menu</source>
        <translation>Shift+F10、菜单键</translation>
    </message>
    <message>
        <source>Close the metadata editor (keeping what was typed)</source>
        <translation>关闭元数据编辑（保留已输入内容）</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Save an annotation in its editor</source>
        <translation>在批注编辑框中保存批注</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Move between fields</source>
        <translation>在字段之间移动</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab、Shift+Tab</translation>
    </message>
    <message>
        <source>Open the chosen report</source>
        <translation>打开选中的报告</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Choose a score level in a focused criterion</source>
        <translation>在获得焦点的评分项中选择分档</translation>
    </message>
    <message>
        <source>0–9</source>
        <translation>0–9</translation>
    </message>
    <message>
        <source>From the search box to its hits</source>
        <translation>从搜索框进入搜索结果</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下方向键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every pane can be reached from the keyboard; F6 moves between them.</source>
        <translation>每个窗格都可以用键盘到达；F6 在窗格之间切换。</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>No report is open.

Choose one in the corpus table on the left (arrow keys, then Enter), or search the full text with Ctrl+F.
Import reports with File &gt; Import Reports (Ctrl+I).</source>
        <translation>尚未打开报告。

请在左侧报告列表中选择一份（方向键选择，Enter 打开），或按 Ctrl+F 全文搜索。
可通过“文件 &gt; 导入报告”（Ctrl+I）导入报告。</translation>
    </message>
    <message>
        <source>Nothing to compare yet.

Select two reports in the corpus table (Ctrl+click the second) and press Ctrl+Shift+C,
or open a report and press Ctrl+Shift+P to compare it with the agency&apos;s previous year.</source>
        <translation>尚无对照内容。

请在报告列表中选择两份报告（按住 Ctrl 单击第二份）后按 Ctrl+Shift+C，
或打开一份报告后按 Ctrl+Shift+P，与该机关上一年度的报告对照。</translation>
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
        <source>a government information disclosure report (政府信息公开工作年度报告)</source>
        <translation>政府信息公开工作年度报告</translation>
    </message>
    <message>
        <source>a legal publicity summary (普法工作总结)</source>
        <translation>普法工作总结</translation>
    </message>
    <message>
        <source>an administrative enforcement statistics report (执法统计)</source>
        <translation>行政执法统计报告</translation>
    </message>
    <message>
        <source>one leader&apos;s personal law report (述法报告)</source>
        <translation>个人述法报告</translation>
    </message>
    <message>
        <source>This document looks like %1, not an annual report on building rule-of-law government: its parts and missing-part banners may not apply.</source>
        <translation>本文件看起来是%1，而不是法治政府建设年度报告：其部分划分和缺失部分提示可能不适用。</translation>
    </message>
    <message>
        <source>The text seems cut off before its end: parts listed as missing may lie beyond it.</source>
        <translation>文本似乎在结尾之前被截断：列为缺失的部分可能位于被截去的内容中。</translation>
    </message>
    <message>
        <source>Found in: %1</source>
        <translation>出处：%1</translation>
    </message>
    <message>
        <source>Details (%1)</source>
        <translation>详情（%1）</translation>
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
        <source>Corrected by %1</source>
        <translation>由%1更正</translation>
    </message>
    <message>
        <source>Published on time</source>
        <translation>按时公开</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>Published late</source>
        <translation>逾期公开</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Timeliness unknown</source>
        <translation>无法判断是否按时公开</translation>
    </message>
    <message>
        <source>Timeliness?</source>
        <translation>时效未知</translation>
    </message>
    <message>
        <source>confirmed by %1</source>
        <translation>已由 %1 核对确认</translation>
    </message>
    <message>
        <source>show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>No publication date was found in the text</source>
        <translation>正文中未找到发布日期</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show the metadata and the required-part notices of this report</source>
        <translation>显示本报告的元数据和必备部分提示</translation>
    </message>
    <message>
        <source>Missing required part:</source>
        <translation>缺少必备部分：</translation>
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
    <message>
        <source>Look here first: %1</source>
        <translation>请先看这里：%1</translation>
    </message>
    <message>
        <source>Please check: %1</source>
        <translation>请核对：%1</translation>
    </message>
    <message>
        <source>Please check: no heading, item or sentence states this part.</source>
        <translation>请核对：没有标题、条目或句子写明这一部分。</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>请核对</source>
        <translation>请核对</translation>
    </message>
</context>
<context>
    <name>MissingChips</name>
    <message>
        <source>preamble</source>
        <comment>a part&apos;s one-word name</comment>
        <translation>前言</translation>
    </message>
    <message>
        <source>measures</source>
        <comment>a part&apos;s one-word name</comment>
        <translation>举措</translation>
    </message>
    <message>
        <source>flaws</source>
        <comment>a part&apos;s one-word name</comment>
        <translation>不足</translation>
    </message>
    <message>
        <source>duty</source>
        <comment>a part&apos;s one-word name</comment>
        <translation>履职</translation>
    </message>
    <message>
        <source>plan</source>
        <comment>a part&apos;s one-word name</comment>
        <translation>安排</translation>
    </message>
    <message>
        <source>other</source>
        <comment>a part&apos;s one-word name</comment>
        <translation>其他</translation>
    </message>
    <message>
        <source>no %1</source>
        <comment>a missing part&apos;s chip</comment>
        <translation>缺 %1</translation>
    </message>
    <message>
        <source>All required parts were found.</source>
        <translation>规定的各部分均已找到。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between two part names</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Missing required parts: %1</source>
        <translation>缺少必备部分：%1</translation>
    </message>
    <message>
        <source>Missing required parts:</source>
        <translation>缺少必备部分：</translation>
    </message>
    <message>
        <source>%1 missing</source>
        <translation>缺 %1 项</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <comment>the first missing part&apos;s chip, how many more</comment>
        <translation>%1 +%2</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Outline</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>请核对</source>
        <translation>请核对</translation>
    </message>
    <message>
        <source>Please check: %1</source>
        <translation>请核对：%1</translation>
    </message>
</context>
<context>
    <name>PackageReturn</name>
    <message>
        <source>Return Package…</source>
        <translation>交回评阅包…</translation>
    </message>
    <message>
        <source>Write this reviewer package, with every score and note in it, as one file to send to the panel lead</source>
        <translation>将本评阅包（含全部评分和备注）写成一个文件，发给评审组长</translation>
    </message>
    <message>
        <source>Return Package</source>
        <translation>交回评阅包</translation>
    </message>
    <message>
        <source>The open database is not a reviewer package.</source>
        <translation>打开的数据库不是评阅包。</translation>
    </message>
    <message>
        <source>The package was not written: %1</source>
        <translation>评阅包未写出：%1</translation>
    </message>
    <message>
        <source>Written to %1: %2 review(s) started or submitted, %3 score(s), %4 annotation(s). Send this file to the panel lead.</source>
        <translation>已写入 %1：%2 份评阅已开始或已提交，%3 项评分，%4 条批注。请将此文件发给评审组长。</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <source>&amp;Panel</source>
        <translation>评审组(&amp;P)</translation>
    </message>
    <message>
        <source>Choose a report above.</source>
        <translation>请在上方选择一份报告。</translation>
    </message>
    <message>
        <source>Comment not recorded</source>
        <translation>评审意见未保存</translation>
    </message>
    <message>
        <source>Complete reviews: %1 of %2</source>
        <translation>已完成评阅：%1/%2 份</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>评阅项目</translation>
    </message>
    <message>
        <source>Disagreement</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>最终得分</translation>
    </message>
    <message>
        <source>Final score not recorded</source>
        <translation>最终得分未保存</translation>
    </message>
    <message>
        <source>Final score of “%1”: %2</source>
        <translation>“%1”最终得分：%2</translation>
    </message>
    <message>
        <source>Final score of “%1”: default</source>
        <translation>“%1”最终得分：恢复默认</translation>
    </message>
    <message>
        <source>From the final total (%1)</source>
        <translation>按最终得分（%1）</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等次</translation>
    </message>
    <message>
        <source>Grade (等次):</source>
        <translation>等次：</translation>
    </message>
    <message>
        <source>Grade not recorded</source>
        <translation>等次未保存</translation>
    </message>
    <message>
        <source>Grade: %1</source>
        <translation>等次：%1</translation>
    </message>
    <message>
        <source>Grade: from the final total</source>
        <translation>等次：按最终得分</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Only disagreements</source>
        <translation>只看有分歧的</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Panel &amp;Dashboard…</source>
        <translation>评审看板(&amp;D)…</translation>
    </message>
    <message>
        <source>Panel &amp;Review…</source>
        <translation>评审组视图(&amp;R)…</translation>
    </message>
    <message>
        <source>Panel Dashboard</source>
        <translation>评审看板</translation>
    </message>
    <message>
        <source>Panel Review</source>
        <translation>评审组视图</translation>
    </message>
    <message>
        <source>Panel comment</source>
        <translation>评审意见</translation>
    </message>
    <message>
        <source>Panel comment (评审意见):</source>
        <translation>评审意见：</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Save All Charts</source>
        <translation>保存全部图表</translation>
    </message>
    <message>
        <source>Save All Charts…</source>
        <translation>保存全部图表…</translation>
    </message>
    <message>
        <source>Save Chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>极差</translation>
    </message>
    <message>
        <source>final %1</source>
        <translation>最终得分 %1</translation>
    </message>
    <message>
        <source>mean %1, median %2, spread %3</source>
        <translation>平均分 %1，中位数 %2，极差 %3</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>◆ the totals disagree</source>
        <translation>◆ 总分有分歧</translation>
    </message>
    <message>
        <source>%1 reports: %2 in review, %3 pending, %4 decided, %5 checked; %6 to re-check</source>
        <translation>共%1份报告：评审中%2份，待裁定%3份，已裁定%4份，已复核%5份；需复核%6份</translation>
    </message>
    <message>
        <source>%1 — the reviewers&apos; notes:</source>
        <translation>%1——各评阅人的评分说明：</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Check (复核)</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Check the report (复核)</source>
        <translation>复核报告</translation>
    </message>
    <message>
        <source>Confirm decision</source>
        <translation>确认裁定</translation>
    </message>
    <message>
        <source>Confirm the decision on “%1”</source>
        <translation>确认“%1”的裁定</translation>
    </message>
    <message>
        <source>Decided by %1 (the mean: %2)</source>
        <translation>由%1裁定（平均分：%2）</translation>
    </message>
    <message>
        <source>Decision not confirmed</source>
        <translation>裁定未确认</translation>
    </message>
    <message>
        <source>Default: the mean of the complete reviews</source>
        <translation>默认：已完成评阅的平均分</translation>
    </message>
    <message>
        <source>Every report</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>Final score rule: %1</source>
        <translation>最终得分计算方式：%1</translation>
    </message>
    <message>
        <source>How the final score is made from the reviews (printed on every panel sheet)</source>
        <translation>最终得分如何由各评阅结果得出（印在每张评审汇总表上）</translation>
    </message>
    <message>
        <source>Overall comments (总体评价):</source>
        <translation>总体评价：</translation>
    </message>
    <message>
        <source>Record that the report&apos;s finals and grade were checked as they are now</source>
        <translation>记录本报告的最终得分和等次已按当前数值复核</translation>
    </message>
    <message>
        <source>Report not checked</source>
        <translation>报告未复核</translation>
    </message>
    <message>
        <source>Report not settled</source>
        <translation>报告未裁定</translation>
    </message>
    <message>
        <source>Resolve this report&apos;s disagreements as the finals now stand</source>
        <translation>按当前最终得分裁定本报告的分歧</translation>
    </message>
    <message>
        <source>Rule not changed</source>
        <translation>计算方式未更改</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>计算方式：%1</translation>
    </message>
    <message>
        <source>Settle (裁定)</source>
        <translation>裁定</translation>
    </message>
    <message>
        <source>Settle the report (裁定)</source>
        <translation>裁定报告</translation>
    </message>
    <message>
        <source>State</source>
        <translation>评审状态</translation>
    </message>
    <message>
        <source>checked by %1</source>
        <translation>已由%1复核</translation>
    </message>
    <message>
        <source>grade %1 set by %2</source>
        <translation>等次%1由%2裁定</translation>
    </message>
    <message>
        <source>the rubric&apos;s</source>
        <translation>按评阅标准</translation>
    </message>
    <message>
        <source>▲ The final is outside the range of the reviewers&apos; totals.</source>
        <translation>▲ 最终得分超出各评阅人总分范围。</translation>
    </message>
    <message>
        <source>▲ the final is outside the range of the reviewers&apos; totals</source>
        <translation>▲ 最终得分超出各评阅人总分范围</translation>
    </message>
    <message>
        <source>已复核 (checked)</source>
        <translation>已复核</translation>
    </message>
    <message>
        <source>已裁定 (decided)</source>
        <translation>已裁定</translation>
    </message>
    <message>
        <source>待裁定 (pending decision)</source>
        <translation>待裁定</translation>
    </message>
    <message>
        <source>评审中 (reviews missing)</source>
        <translation>评审中（评阅未完成）</translation>
    </message>
    <message>
        <source>需复核 (decisions to re-check)</source>
        <translation>需复核（裁定待确认）</translation>
    </message>
    <message>
        <source>需复核: the reviewers&apos; scores changed after the decision; confirm or decide again.</source>
        <translation>需复核：裁定后评阅人的评分有变，请确认或重新裁定。</translation>
    </message>
    <message>
        <source>A decision is recorded with the name of who made it: give your name and decide again.</source>
        <translation>裁定须记录裁定人姓名：请填写姓名后重新裁定。</translation>
    </message>
    <message>
        <source>Keep the decision on the selected criterion although the reviewers&apos; scores changed after it (需复核)</source>
        <translation>保留所选评阅项目的裁定（裁定后评分有变，需复核）</translation>
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
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷方式</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>not found in the text</source>
        <translation>正文中未找到</translation>
    </message>
    <message>
        <source>found only in a weak source: {source}</source>
        <translation>仅见于不可靠的来源：{source}</translation>
    </message>
    <message>
        <source>its place was inferred from other mentions in the text</source>
        <translation>其所在地是根据正文中其他提及推断的</translation>
    </message>
    <message>
        <source>not found; refused: {refused}</source>
        <translation>未找到；已排除：{refused}</translation>
    </message>
    <message>
        <source>{value} ({where}: {reason})</source>
        <translation>{value}（{where}：{reason}）</translation>
    </message>
    <message>
        <source>a part heading names another year</source>
        <translation>某部分标题写的是另一年度</translation>
    </message>
    <message>
        <source>the year or the publication date is uncertain</source>
        <translation>年度或发布日期不确定</translation>
    </message>
    <message>
        <source>repeated word {word}</source>
        <translation>重复的词“{word}”</translation>
    </message>
    <message>
        <source>sentence word {word} inside the name</source>
        <translation>名称中夹有句子用词“{word}”</translation>
    </message>
    <message>
        <source>the phrase {phrase} is glued to the name</source>
        <translation>短语“{phrase}”与名称连在一起</translation>
    </message>
    <message>
        <source>a generic name without its place</source>
        <translation>只是泛称，没有所在地</translation>
    </message>
    <message>
        <source>the name does not end like an issuing body (人民政府, 局, 委员会, 办公室, 街道办事处…)</source>
        <translation>名称的结尾不像发文机关（人民政府、局、委员会、办公室、街道办事处…）</translation>
    </message>
    <message>
        <source>the name lacks its place (a short form the text did not complete)</source>
        <translation>名称缺少所在地（正文未补全的简称）</translation>
    </message>
    <message>
        <source>no part headings: the whole text is taken as one part</source>
        <translation>没有部分标题：全文视为一个部分</translation>
    </message>
    <message>
        <source>a topical heading that names no part: the kind comes from its position and body</source>
        <translation>标题只写主题、未点明部分：类别依据其位置和内容判断</translation>
    </message>
    <message>
        <source>the heading does not name this part clearly</source>
        <translation>标题未明确点明这一部分</translation>
    </message>
    <message>
        <source>only a sentence about the leaders&apos; duty, without the words 第一责任人</source>
        <translation>只有一句关于领导履职的话，没有“第一责任人”字样</translation>
    </message>
    <message>
        <source>a subsection whose heading does not name this part</source>
        <translation>是下级小节，其标题未点明这一部分</translation>
    </message>
    <message>
        <source>only a sentence or an item states this part</source>
        <translation>只有一句话或一个条目说明这一部分</translation>
    </message>
    <message>
        <source>the kind rests on position or body evidence</source>
        <translation>类别依据位置或内容判断</translation>
    </message>
    <message>
        <source>no heading, item or sentence states this part</source>
        <translation>没有标题、条目或句子说明这一部分</translation>
    </message>
    <message>
        <source>the text seems cut off, the part may lie beyond its end; {reason}</source>
        <translation>正文似乎不完整，这一部分可能在截断处之后；{reason}</translation>
    </message>
    <message>
        <source>{reason}; look here: {candidate}</source>
        <translation>{reason}；可先看此处：{candidate}</translation>
    </message>
    <message>
        <source>a sentence mentions the leaders or their duty</source>
        <translation>有句子提到领导或其职责</translation>
    </message>
    <message>
        <source>a sentence names a weakness</source>
        <translation>有句子指出了不足</translation>
    </message>
    <message>
        <source>a sentence speaks of future work</source>
        <translation>有句子谈到今后的工作</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>落款</translation>
    </message>
    <message>
        <source>opening sentence</source>
        <translation>开头一句</translation>
    </message>
    <message>
        <source>opening sentence (year clause)</source>
        <translation>开头一句（年度分句）</translation>
    </message>
    <message>
        <source>page header above the title</source>
        <translation>标题上方的页眉</translation>
    </message>
    <message>
        <source>clutter source (publisher, may differ from the author)</source>
        <translation>网页来源（发布者，可能不是报告作者）</translation>
    </message>
    <message>
        <source>{where}, place inferred from the text</source>
        <translation>{where}，所在地根据正文推断</translation>
    </message>
    <message>
        <source>{where}, completed from the text</source>
        <translation>{where}，根据正文补全</translation>
    </message>
    <message>
        <source>page metadata ({label})</source>
        <translation>网页信息（{label}）</translation>
    </message>
    <message>
        <source>page ({label})</source>
        <translation>网页（{label}）</translation>
    </message>
    <message>
        <source>text line {line}</source>
        <translation>正文第 {line} 行</translation>
    </message>
    <message>
        <source>text lines {first}-{last}</source>
        <translation>正文第 {first}–{last} 行</translation>
    </message>
    <message>
        <source>start of text line {line}</source>
        <translation>正文第 {line} 行开头</translation>
    </message>
    <message>
        <source>first line (a title without 报告)</source>
        <translation>第一行（标题中没有“报告”二字）</translation>
    </message>
    <message>
        <source>date line at the end</source>
        <translation>文末日期行</translation>
    </message>
    <message>
        <source>date under the title</source>
        <translation>标题下方的日期</translation>
    </message>
    <message>
        <source>heading ({kind}) minus one</source>
        <translation>“{kind}”标题所写年度减一</translation>
    </message>
    <message>
        <source>heading ({kind})</source>
        <translation>“{kind}”标题</translation>
    </message>
    <message>
        <source>现将…报告如下 sentence</source>
        <translation>“现将…报告如下”一句</translation>
    </message>
    <message>
        <source>document date (year arithmetic)</source>
        <translation>成文日期（按年份推算）</translation>
    </message>
    <message>
        <source>publication date (year arithmetic)</source>
        <translation>发布日期（按年份推算）</translation>
    </message>
    <message>
        <source>published {date}, deadline {deadline}</source>
        <translation>发布于 {date}，截止日期 {deadline}</translation>
    </message>
    <message>
        <source>clutter:{clutter}</source>
        <translation>网页杂项：{clutter}</translation>
    </message>
    <message>
        <source>source_line</source>
        <translation>来源行</translation>
    </message>
    <message>
        <source>metadata_table</source>
        <translation>网页信息表</translation>
    </message>
    <message>
        <source>portal</source>
        <translation>网站栏目行</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>the kind is uncertain</source>
        <translation>类别不确定</translation>
    </message>
</context>
<context>
    <name>ResegmentController</name>
    <message>
        <source>Updating the parts of reports imported by an older version…</source>
        <translation>正在更新由旧版本导入的报告的部分划分…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Updating the parts of reports imported by an older version: %1 of %2</source>
        <translation>正在更新由旧版本导入的报告的部分划分：%1 / %2</translation>
    </message>
</context>
<context>
    <name>Scoring</name>
    <message>
        <source>%1 assignment(s) added</source>
        <translation>已新增 %1 项分配</translation>
    </message>
    <message>
        <source>%1 evidence</source>
        <translation>%1 条证据</translation>
    </message>
    <message>
        <source>%1 is not a score of “%2”: choose 0–%3 (steps of %4). Nothing was changed.</source>
        <translation>%1 不是“%2”的有效分值：请在 0–%3 之间选择（步长 %4）。未作任何改动。</translation>
    </message>
    <message>
        <source>%1 of %2 criteria are neither scored nor marked not applicable:</source>
        <translation>%2 项中有 %1 项既未评分也未标为不适用：</translation>
    </message>
    <message>
        <source>Reopened; every submitted version is kept:</source>
        <translation>已重新打开；每个已提交的版本均保留：</translation>
    </message>
    <message>
        <source>%1 of %2 criteria scored</source>
        <translation>已评 %1 / %2 项指标</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>%1 of %2 reports submitted (%p%)</source>
        <translation>已提交 %1 / %2 份报告（%p%）</translation>
    </message>
    <message>
        <source>%1 row(s) of other reviewers skipped.</source>
        <translation>已跳过其他评阅人的 %1 行。</translation>
    </message>
    <message>
        <source>&amp;Load Rubric…</source>
        <translation>加载评阅标准(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Reopen Review</source>
        <translation>重新打开评阅(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>评分(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Submit Review</source>
        <translation>提交评阅(&amp;S)</translation>
    </message>
    <message>
        <source>+ Evidence</source>
        <translation>+ 评分依据</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>采纳</translation>
    </message>
    <message>
        <source>Accept suggested score of “%1”</source>
        <translation>采纳“%1”的建议分</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>All reports</source>
        <translation>全部报告</translation>
    </message>
    <message>
        <source>All reviewers</source>
        <translation>全部评阅人</translation>
    </message>
    <message>
        <source>Assign %1 report(s)</source>
        <translation>分配 %1 份报告</translation>
    </message>
    <message>
        <source>Assign %1 selected report(s) to:</source>
        <translation>将选中的 %1 份报告分配给：</translation>
    </message>
    <message>
        <source>Assign the selected reports to reviewers (all of them, or k per report)</source>
        <translation>将选中的报告分配给评阅人（全部评阅人，或每份报告 k 人）</translation>
    </message>
    <message>
        <source>Assign to Reviewers</source>
        <translation>分配给评阅人</translation>
    </message>
    <message>
        <source>Assign to Reviewers…</source>
        <translation>分配给评阅人…</translation>
    </message>
    <message>
        <source>CSV Summary (.csv)…</source>
        <translation>CSV 汇总表 (.csv)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cannot submit yet</source>
        <translation>尚不能提交</translation>
    </message>
    <message>
        <source>Choose or type at least one reviewer.</source>
        <translation>请至少选择或输入一位评阅人。</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>请选择导出的保存位置。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear score of “%1”</source>
        <translation>清除“%1”的评分</translation>
    </message>
    <message>
        <source>Clear this score</source>
        <translation>清除此项评分</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Each report cannot get %1 reviewers from %2.</source>
        <translation>无法从 %2 位评阅人中为每份报告分配 %1 位。</translation>
    </message>
    <message>
        <source>Excel Review Sheet (.xlsx)…</source>
        <translation>Excel 评阅表 (.xlsx)…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export review sheet</source>
        <translation>导出评阅表</translation>
    </message>
    <message>
        <source>Exported %1 row(s) to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Folder for the review sheets</source>
        <translation>评阅表存放文件夹</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Full Data Dump (.json)…</source>
        <translation>完整数据 (.json)…</translation>
    </message>
    <message>
        <source>Import Scores</source>
        <translation>导入评分</translation>
    </message>
    <message>
        <source>Import Scores…</source>
        <translation>导入评分…</translation>
    </message>
    <message>
        <source>Import a reviewer&apos;s scores from a filled-in review sheet (csv/xlsx)</source>
        <translation>从填写好的评阅表（csv/xlsx）导入评阅人的评分</translation>
    </message>
    <message>
        <source>Imported %1&apos;s scores for %2 report(s): %3 submitted, %4 in progress.</source>
        <translation>已导入 %1 对 %2 份报告的评分：已提交 %3 份，进行中 %4 份。</translation>
    </message>
    <message>
        <source>Link an annotation of this report as evidence for the score</source>
        <translation>将本报告的一条批注关联为该项评分的依据</translation>
    </message>
    <message>
        <source>Link evidence to “%1”</source>
        <translation>为“%1”关联评分依据</translation>
    </message>
    <message>
        <source>Load rubric</source>
        <translation>加载评阅标准</translation>
    </message>
    <message>
        <source>Mark this criterion not applicable to the report (with a reason)</source>
        <translation>将此项标为不适用于本报告（须说明理由）</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>New scores are made under “%1” (version %2). Scores made under “%3” (version %4) are kept with that rubric and are not changed; load it again to see them.</source>
        <translation>今后的评分按“%1”（版本 %2）进行。按“%3”（版本 %4）所评的分数仍保存在该标准下，不会被改动；重新加载该标准即可查看。</translation>
    </message>
    <message>
        <source>No annotations to link: annotate a passage first</source>
        <translation>没有可关联的批注：请先批注一段文字</translation>
    </message>
    <message>
        <source>No evidence linked</source>
        <translation>未关联评分依据</translation>
    </message>
    <message>
        <source>No suggestion: %1</source>
        <translation>无系统建议：%1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not applicable: %1</source>
        <translation>不适用：%1</translation>
    </message>
    <message>
        <source>Not scored yet</source>
        <translation>尚未评分</translation>
    </message>
    <message>
        <source>Not started: %1 · In progress: %2 · Submitted: %3</source>
        <translation>未开始 %1 · 进行中 %2 · 已提交 %3</translation>
    </message>
    <message>
        <source>Note on this score…</source>
        <translation>评分意见…</translation>
    </message>
    <message>
        <source>Note on “%1”</source>
        <translation>“%1”的评分意见</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: correct these %2 problem(s) in the sheet and import it again.</source>
        <translation>%1 未导入任何内容：请在表中改正以下 %2 处问题后重新导入。</translation>
    </message>
    <message>
        <source>One file per report (into a folder)</source>
        <translation>每份报告一个文件（存入文件夹）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Open a report to score it.</source>
        <translation>打开一份报告即可评分。</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <source>Overall comment (总体评价)</source>
        <translation>总体评价</translation>
    </message>
    <message>
        <source>PDF Review Sheets (.pdf)…</source>
        <translation>PDF 评阅表 (.pdf)…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Remove evidence from “%1”</source>
        <translation>移除“%1”的评分依据</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>重新打开评阅</translation>
    </message>
    <message>
        <source>Reopen the submitted review to change it (recorded)</source>
        <translation>重新打开已提交的评阅以便修改（将记录操作人和时间）</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告范围</translation>
    </message>
    <message>
        <source>Review &amp;Overview…</source>
        <translation>评阅进度(&amp;O)…</translation>
    </message>
    <message>
        <source>Review overview</source>
        <translation>评阅进度</translation>
    </message>
    <message>
        <source>Review sheets (*.xlsx *.csv);;All files (*)</source>
        <translation>评阅表 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>评阅状态</translation>
    </message>
    <message>
        <source>Review status: %1</source>
        <translation>评阅状态：%1</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评阅人</translation>
    </message>
    <message>
        <source>Reviewer: %1 — rubric: %2</source>
        <translation>评阅人：%1 — 评阅标准：%2</translation>
    </message>
    <message>
        <source>Rubric changed</source>
        <translation>评阅标准已更换</translation>
    </message>
    <message>
        <source>Rubric files (*.toml);;All files (*)</source>
        <translation>评阅标准文件 (*.toml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Rubric not loaded</source>
        <translation>评阅标准未加载</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Score %1 (0–%2): type a digit to choose a level, Space for the details</source>
        <translation>为“%1”评分（0–%2）：输入数字选择分档，按空格键展开详情</translation>
    </message>
    <message>
        <source>Score “%1”: %2</source>
        <translation>评分“%1”：%2</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>已评项</translation>
    </message>
    <message>
        <source>Scores imported</source>
        <translation>评分已导入</translation>
    </message>
    <message>
        <source>Scores not imported</source>
        <translation>评分未导入</translation>
    </message>
    <message>
        <source>Select the reports to assign first.</source>
        <translation>请先选择要分配的报告。</translation>
    </message>
    <message>
        <source>Selected reports (%1)</source>
        <translation>选中的报告（%1 份）</translation>
    </message>
    <message>
        <source>Show Folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Show the level descriptors, the note and the evidence (Space)</source>
        <translation>显示各分档说明、备注和证据（空格键）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>提交评阅</translation>
    </message>
    <message>
        <source>Submit the review: every criterion scored (or not applicable); it is read-only afterwards</source>
        <translation>提交评阅：须每项均已评分（或标为不适用）；提交后只读</translation>
    </message>
    <message>
        <source>Submitted reviews only</source>
        <translation>仅已提交的评阅</translation>
    </message>
    <message>
        <source>Suggested %1 — %2</source>
        <translation>系统建议 %1 分 — %2</translation>
    </message>
    <message>
        <source>Suggested %1, your score %2 — %3</source>
        <translation>系统建议 %1 分，您评为 %2 分 — %3</translation>
    </message>
    <message>
        <source>This report</source>
        <translation>本报告</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总分</translation>
    </message>
    <message>
        <source>Total %1 / %2  (%3 of %4 criteria scored)</source>
        <translation>总分 %1 / %2（已评 %3 / %4 项）</translation>
    </message>
    <message>
        <source>Use &amp;Default Rubric</source>
        <translation>使用默认评阅标准(&amp;D)</translation>
    </message>
    <message>
        <source>What the review sheet says about the report as a whole…</source>
        <translation>评阅表中对报告的总体评价…</translation>
    </message>
    <message>
        <source>Whose scores are in %1? (reviewers: %2)</source>
        <translation>%1 中是哪位评阅人的评分？（现有评阅人：%2）</translation>
    </message>
    <message>
        <source>Why does “%1” not apply to this report?</source>
        <translation>“%1”为何不适用于本报告？</translation>
    </message>
    <message>
        <source>Word Review Sheets (.docx)…</source>
        <translation>Word 评阅表 (.docx)…</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>%1 提交于 %2</translation>
    </message>
    <message>
        <source>default rubric</source>
        <translation>默认评阅标准</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>of %1 · weight %2</source>
        <translation>满分 %1 · 权重 %2</translation>
    </message>
    <message>
        <source>reopened by %1, %2</source>
        <translation>%1 于 %2 重新打开</translation>
    </message>
    <message>
        <source>“%1” applicable again</source>
        <translation>“%1”恢复适用</translation>
    </message>
    <message>
        <source>“%1” not applicable</source>
        <translation>“%1”不适用</translation>
    </message>
    <message>
        <source>✓ Suggestion accepted: %1 — %2</source>
        <translation>✓ 已采纳系统建议：%1 分 — %2</translation>
    </message>
    <message>
        <source>overall comment changed</source>
        <translation>总体评价有修改</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>%1 marked not applicable</source>
        <translation>%1 标为不适用</translation>
    </message>
    <message>
        <source>%1 no longer marked not applicable</source>
        <translation>%1 取消不适用</translation>
    </message>
    <message>
        <source>%1: reason for not applicable changed</source>
        <translation>%1：不适用理由有修改</translation>
    </message>
    <message>
        <source>%1: note changed</source>
        <translation>%1：备注有修改</translation>
    </message>
    <message>
        <source>version %1: submitted %2 by %3</source>
        <translation>第 %1 版：%3 于 %2 提交</translation>
    </message>
    <message>
        <source>%1: submitted %2 times, last %3: %4</source>
        <translation>%1：共提交 %2 次，最近一次 %3：%4</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>no value changed</source>
        <translation>分值无变化</translation>
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
        <source>Report text size:</source>
        <translation>报告正文字号：</translation>
    </message>
    <message>
        <source>%1 pt</source>
        <translation>%1 磅</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>Also in the View menu: Ctrl+= larger, Ctrl+- smaller, Ctrl+0 default</source>
        <translation>也可在“视图”菜单中调整：Ctrl+= 放大，Ctrl+- 缩小，Ctrl+0 恢复默认</translation>
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
    <name>Summary</name>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Back to generated text</source>
        <translation>恢复生成文本</translation>
    </message>
    <message>
        <source>Back to the generated paragraph</source>
        <translation>恢复生成的段落</translation>
    </message>
    <message>
        <source>Deadline not set</source>
        <translation>未设置公开截止日期</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>公开截止：</translation>
    </message>
    <message>
        <source>Evaluation summary</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export the summary</source>
        <translation>导出评估报告</translation>
    </message>
    <message>
        <source>Figures changed since the rewrite:</source>
        <translation>改写后以下数字已变化：</translation>
    </message>
    <message>
        <source>Folder for the result letters</source>
        <translation>反馈意见书保存到文件夹</translation>
    </message>
    <message>
        <source>Generated text (from today&apos;s figures):</source>
        <translation>生成文本（按当前数字）：</translation>
    </message>
    <message>
        <source>Markdown (.md)…</source>
        <translation>Markdown (.md)…</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>未写出</translation>
    </message>
    <message>
        <source>PDF (.pdf)…</source>
        <translation>PDF (.pdf)…</translation>
    </message>
    <message>
        <source>Paragraph (rewrite it here):</source>
        <translation>本段（可在此改写）：</translation>
    </message>
    <message>
        <source>Pick typical quotes</source>
        <translation>挑选典型表述</translation>
    </message>
    <message>
        <source>Pick typical quotes…</source>
        <translation>挑选典型表述…</translation>
    </message>
    <message>
        <source>Quotes not picked</source>
        <translation>典型表述未保存</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Reports:</source>
        <translation>报告：</translation>
    </message>
    <message>
        <source>Result letters…</source>
        <translation>反馈意见书…</translation>
    </message>
    <message>
        <source>Rewrite not saved</source>
        <translation>改写未保存</translation>
    </message>
    <message>
        <source>Rewrite paragraph</source>
        <translation>改写段落</translation>
    </message>
    <message>
        <source>Rewritten by the reviewer.</source>
        <translation>评阅人已改写本段。</translation>
    </message>
    <message>
        <source>Save rewrite</source>
        <translation>保存改写</translation>
    </message>
    <message>
        <source>The generated text rested on:</source>
        <translation>生成文本所依据：</translation>
    </message>
    <message>
        <source>The publication deadline: month and day (MM-DD) of the year after the report year, e.g. 04-01 or 03-01</source>
        <translation>公开截止日期：报告年度次年的月-日（MM-DD），如 04-01 或 03-01</translation>
    </message>
    <message>
        <source>The reports, scores or annotations changed since this draft was made: press Regenerate to update its figures (rewritten paragraphs are kept and marked where a figure changed).</source>
        <translation>生成本稿后报告、评分或批注已有变化：点击“重新生成”更新数字（改写过的段落保留，数字有变的段落会标出）。</translation>
    </message>
    <message>
        <source>Tick up to three passages to quote (none: the first ones in corpus order).</source>
        <translation>勾选至多三处作为典型表述（不勾选：按报告顺序取前几处）。</translation>
    </message>
    <message>
        <source>Typical quotes of “%1”</source>
        <translation>“%1”的典型表述</translation>
    </message>
    <message>
        <source>Word (.docx)…</source>
        <translation>Word (.docx)…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>已写出</translation>
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
    <name>Undo</name>
    <message>
        <source>%1 not possible</source>
        <translation>无法%1</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>没有打开的数据库。</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>“%1” could not be applied: %2</source>
        <translation>无法执行“%1”：%2</translation>
    </message>
    <message>
        <source>“%1” was not redone: this data was changed since, in another window or program. Redoing it would overwrite that newer change, so the step was removed from the undo history.</source>
        <translation>未重做“%1”：此后这些数据已在另一个窗口或程序中被修改。重做会覆盖那次更新的修改，因此该步骤已从撤销历史中移除。</translation>
    </message>
    <message>
        <source>“%1” was not undone: this data was changed since, in another window or program. Undoing it would overwrite that newer change, so the step was removed from the undo history.</source>
        <translation>未撤销“%1”：此后这些数据已在另一个窗口或程序中被修改。撤销会覆盖那次更新的修改，因此该步骤已从撤销历史中移除。</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <source>Backing up the database before the upgrade…</source>
        <translation>升级前正在备份数据库…</translation>
    </message>
    <message>
        <source>Upgrading the database: step %1 of %2 (%3)…</source>
        <translation>正在升级数据库：第 %1 步，共 %2 步（%3）…</translation>
    </message>
    <message>
        <source>Upgrading database</source>
        <translation>正在升级数据库</translation>
    </message>
    <message>
        <source>%1 was written by an earlier ReviewDesk and is being upgraded (a backup is made first).</source>
        <translation>%1 由较早版本的报告评阅台写入，正在升级（先做备份）。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling: the upgrade is being rolled back…</source>
        <translation>正在取消：升级正在回滚…</translation>
    </message>
</context>
<context>
    <name>VerifyQueue</name>
    <message>
        <source>Ver&amp;ify</source>
        <translation>核对(&amp;I)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>核对确认</translation>
    </message>
    <message>
        <source>Confirm (A / Enter)</source>
        <translation>确认无误（A / Enter）</translation>
    </message>
    <message>
        <source>Correct from the verify queue</source>
        <translation>在核对队列中更正</translation>
    </message>
    <message>
        <source>Every doubt of this walk is settled.</source>
        <translation>本轮全部待核对项都已处理。</translation>
    </message>
    <message>
        <source>Fix %1</source>
        <translation>修改%1</translation>
    </message>
    <message>
        <source>Fix (E)</source>
        <translation>修改（E）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
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
        <source>Document date</source>
        <translation>成文日期</translation>
    </message>
    <message>
        <source>Publication date</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message>
        <source>(no agency)</source>
        <translation>（无机关）</translation>
    </message>
    <message>
        <source>year %1</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>(no year)</source>
        <translation>（年度不明）</translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>文件 %1</translation>
    </message>
    <message>
        <source>import no. %1</source>
        <translation>导入编号 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Only the doubts of %1 reports just imported without an agency, their agency first (the Verify menu shows the whole corpus).</source>
        <translation>仅显示刚导入的 %1 份无机关名称报告的待核对项，机关名称在前（“核对”菜单显示全部报告）。</translation>
    </message>
    <message>
        <source>No passage to show: nothing in the text states it.</source>
        <translation>没有可显示的段落：正文中没有相关内容。</translation>
    </message>
    <message>
        <source>Nothing to verify: every value is sure, corrected or confirmed.</source>
        <translation>没有待核对的内容：全部结果有把握、已更正或已确认。</translation>
    </message>
    <message>
        <source>Part: %1</source>
        <translation>部分：%1</translation>
    </message>
    <message>
        <source>Please check: %1</source>
        <translation>请核对：%1</translation>
    </message>
    <message>
        <source>Skip (S / Space)</source>
        <translation>跳过（S / 空格）</translation>
    </message>
    <message>
        <source>Verify queue (核对队列)…</source>
        <translation>核对队列…</translation>
    </message>
    <message>
        <source>Walk every value and part the program is unsure of, across the corpus</source>
        <translation>逐条核对全部报告中程序没有把握的元数据和部分</translation>
    </message>
    <message>
        <source>↑/↓ move · Esc closes</source>
        <translation>↑/↓ 移动 · Esc 关闭</translation>
    </message>
    <message>
        <source>已核对 %1 / %2</source>
        <translation>已核对 %1 / %2</translation>
    </message>
    <message>
        <source>核对队列 — Verify queue</source>
        <translation>核对队列</translation>
    </message>
    <message>
        <source>Reading the corpus…</source>
        <translation>正在读取全部报告…</translation>
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
    <name>crash</name>
    <message>
        <source>ReviewDesk met an unexpected error (the first line of the details below names it).

Your reviews are safe: every edit was saved when you made it. If something looks wrong, restart ReviewDesk. To report the problem, copy the details below (they were also written to %1).</source>
        <translation>报告评阅台遇到意外错误（下方详细信息的第一行写明了错误）。

您的评阅不会丢失：每一处修改在做出时即已保存。如有异常，请重新启动报告评阅台。如需报告此问题，请复制下方的详细信息（也已写入 %1）。</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
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
    <message>
        <source>&amp;Copy Details</source>
        <translation>复制详细信息(&amp;C)</translation>
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
