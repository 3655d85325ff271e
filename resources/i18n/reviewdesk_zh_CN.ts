<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompareView</name>
    <message>
        <source>This report lacks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synchronized scrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scroll both reports together, part by part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest passage counted as shared text (after normalizing punctuation, width and white space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text found in both reports, passages of at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared: %1% of the left report, %2% of the right report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorpusModel</name>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports are due to be made public by 1 April of the following year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuing agency was not found in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All required parts were found.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorpusPanel</name>
    <message>
        <source>Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by agency…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing any required part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current file; what was imported is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a database first (File menu), then import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… (%1 more queued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped because of an unexpected error: %1

Files imported before the error are kept. Please report this problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported, %2 duplicate, %3 failed, %4 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; the files after that point were not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed files were not changed; fix them as the reason says and import them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegendBar</name>
    <message>
        <source>Previous hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next hit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (subsection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to this part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show page clutter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site names, breadcrumbs, source lines and page tools found around the report; hidden from the text, kept in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No page clutter was found in this report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search Full Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by &amp;Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Selected Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with &amp;Previous Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;Chinese Fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ReviewDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select two reports in the table, then compare them side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This view is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReviewDesk 报告评阅台 — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database is open. Use File &gt; New Database or Open Database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the import to finish (or cancel it) before opening another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be opened: %2

Choose a ReviewDesk database file, or create a new one with File &gt; New Database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; it is opened as it is (nothing is overwritten).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the demo reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo reports not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select exactly two reports in the table (Ctrl+click the second one), then compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this report&apos;s agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with previous year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The corpus holds no earlier report of %1. Import it, or select two reports and use Compare Selected Reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese text is shown with: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ReviewDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReviewDesk (报告评阅台) %1

Review and score annual reports on building rule-of-law government: see each report&apos;s required parts, compare reports side by side, annotate and score them. Works offline; your data stays in the database file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetadataHeader</name>
    <message>
        <source>Found in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No publication date was found in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The regulation requires every annual report to contain this part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a part of its own, only a subsection of %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a part of its own, only an item inside %2:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartCard</name>
    <message>
        <source>Show this part in both reports. The percentage is the share of the part&apos;s text (headings excluded) that also appears in the other report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: subsection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: inline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2% shared</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search the full text of all reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds words of one or more characters; white space and full-width forms are ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report contains “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports; the first %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>%1 hits in this report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic shows Chinese on a Chinese-language system and English otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese interface not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Chinese translation (%1) is missing and could not be compiled. Run the setup again (python3 -m desktop.bootstrap setup); the interface stays in English until then.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextPane</name>
    <message>
        <source>Page clutter (not part of the report)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearCombo</name>
    <message>
        <source>All years</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>ReviewDesk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fonts</name>
    <message>
        <source>macOS includes Chinese fonts (PingFang SC); reinstall them from Font Book if they were removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings &gt; Time &amp; language &gt; Language: add 中文(简体) (its supplemental fonts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No font on this computer can show Chinese characters, so report texts and Chinese labels would appear as empty boxes.

Install a Chinese font, then restart ReviewDesk. On Debian or Ubuntu:

    %1

(other systems: install Noto Sans CJK SC or Source Han Sans SC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Chinese font found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>Automatic (system language)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
