"""Fold traditional characters to simplified ones for matching, one character for one character.

Some mirror sites serve reports converted to traditional characters. Segmentation and metadata run their
cue patterns over ``fold_variants(text)``; because the mapping is one-to-one in length, every offset found in
the folded copy is an offset in the frozen text too. The table covers the characters that occur in headings,
clutter labels, dates and agency names of these reports, not the whole script.
"""

from __future__ import annotations

_TRADITIONAL = (
    "報舉問題責負領導職劃況設進務開發時間來關於黨運動總體實現優環經驗為與層區縣廳辦員會機構規範論長書記應當強項難處歷紀檢對擬"
    "權決議際價產業種類條針說課階樣據網絡頁檔號審閱點擊瀏覽覽齊屬標準專門評監督執戰羅榮華濟協調節礎礙礦災邊遠這邏輯顯著"
    "獲得韓國際軍隊氣態勢積極範圍統計劃歸納準備確認選舉聯繫維護創新興辦導師資訊數據統籌兩個維護傳達學習貫徹習慣踐行閱讀順"
    "營屆顧問團體築設計綜合補償賠償訴訟複議違規範圍懲戒礎盡責嚴謹紮實續斷續與會議員專項詢問組織會談編輯轉載聲明讀頭條態"
    "員額級職稱財務預算結餘稅費農業農村綠色發展觀念隊伍幹部責任擔當導向認識規劃計畫佈局參與參加禮儀鄉鎮區劃區域縣域鎮域"
    "廣電視訊號碼網站圖書館檔案館藝術體育衛生醫療藥品險種憑證證照證書載體鏈條鏈接彙報彙編彙總滿意測評測試試點訊息標題紙質"
    "麼們這個那裡裏邊後來從嗎還沒將對於給讓頭樣種過進該讓換萬億與專業鄰險張則創勵勞勢務動區協單衛廠厲壓廳歐歲殺準溝涼減"
    "內堅帶復東樹眾綱義討養係講話頒場糾紛雲請擇穩變擴鬥爭辭憲濫勝敗揮衝縮緊漸盤訂誠潔蓋鑑貿隨陽陰雜雙離靈韻響頻頸風飛飯驅髮鬆鳥麥黃龍衆異併親實壓"
)
_SIMPLIFIED = (
    "报举问题责负领导职划况设进务开发时间来关于党运动总体实现优环经验为与层区县厅办员会机构规范论长书记应当强项难处历纪检对拟"
    "权决议际价产业种类条针说课阶样据网络页档号审阅点击浏览览齐属标准专门评监督执战罗荣华济协调节础碍矿灾边远这逻辑显著"
    "获得韩国际军队气态势积极范围统计划归纳准备确认选举联系维护创新兴办导师资讯数据统筹两个维护传达学习贯彻习惯践行阅读顺"
    "营届顾问团体筑设计综合补偿赔偿诉讼复议违规范围惩戒础尽责严谨扎实续断续与会议员专项询问组织会谈编辑转载声明读头条态"
    "员额级职称财务预算结余税费农业农村绿色发展观念队伍干部责任担当导向认识规划计划布局参与参加礼仪乡镇区划区域县域镇域"
    "广电视讯号码网站图书馆档案馆艺术体育卫生医疗药品险种凭证证照证书载体链条链接汇报汇编汇总满意测评测试试点讯息标题纸质"
    "么们这个那里里边后来从吗还没将对于给让头样种过进该让换万亿与专业邻险张则创励劳势务动区协单卫厂厉压厅欧岁杀准沟凉减"
    "内坚带复东树众纲义讨养系讲话颁场纠纷云请择稳变扩斗争辞宪滥胜败挥冲缩紧渐盘订诚洁盖鉴贸随阳阴杂双离灵韵响频颈风飞饭驱发松鸟麦黄龙众异并亲实压"
)
assert len(_TRADITIONAL) == len(_SIMPLIFIED)
_TABLE = {ord(t): s for t, s in zip(_TRADITIONAL, _SIMPLIFIED, strict=True) if t != s}


def fold_variants(text: str) -> str:
    """The text with known traditional characters replaced by simplified ones (same length)."""
    return text.translate(_TABLE)


def looks_traditional(text: str) -> bool:
    """True when the text uses noticeably many traditional-only characters."""
    sample = text[:5000]
    hits = sum(1 for ch in sample if ord(ch) in _TABLE)
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return cjk > 0 and hits / cjk > 0.05
