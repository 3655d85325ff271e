"""``reviewdesk timeline / promises / shared`` end to end, with their bad inputs."""

from __future__ import annotations

import json
import sqlite3

from desktop.cli import main
from tests.conftest import SEEDS


def _db(tmp_path, capsys) -> str:
    db = str(tmp_path / "r.sqlite3")
    assert main(["import", str(SEEDS), "--db", db]) == 0
    capsys.readouterr()
    return db


def _seed_ids(db: str, capsys) -> dict[str, str]:
    assert main(["list", "--db", db, "--json"]) == 0
    return {d["name"][:3]: d["id"] for d in json.loads(capsys.readouterr().out)}


def test_timeline_lists_groups_and_one_agency_across_years(tmp_path, capsys):
    db = _db(tmp_path, capsys)
    ids = _seed_ids(db, capsys)
    assert main(["timeline", "--db", db]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.strip().split("\n")]
    assert len(lines) == 4  # five seeds, four agencies
    jilin = next(line for line in lines if line[1] == "2022,2025")
    assert jilin[0] == "吉林省政务服务和数字化建设管理局" and jilin[2] == "2"

    assert main(["timeline", "吉林省政数局", "--db", db, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data["reports"]] == [ids["003"], ids["000"]]
    assert [r["year"] for r in data["reports"]] == [2022, 2025]
    latest = data["reports"][1]
    assert latest["earlier_reports"] == 1 and latest["total"] is None and latest["total_basis"] == "none"
    assert latest["shortcomings"] and all(s["verdict"] in ("repeated", "reworded", "new")
                                           for s in latest["shortcomings"])
    assert data["trend"] == [] and data["direction"] is None

    assert main(["timeline", ids["000"], "--db", db]) == 0  # a report id names its agency
    out = capsys.readouterr()
    rows = [line.split("\t") for line in out.out.strip().split("\n")]
    assert [r[0] for r in rows] == ["2022", "2025"] and all(len(r) == 10 for r in rows)
    assert rows[1][2] == "—" and rows[1][3] == "-"
    assert "2 report(s)" in out.err


def test_timeline_of_an_unknown_agency_names_close_matches(tmp_path, capsys):
    db = _db(tmp_path, capsys)
    assert main(["timeline", "政务服务", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "no agency matches" in err and "梨树县政务服务和数字化建设管理局" in err
    assert main(["timeline", "公安局", "--db", db]) == 2
    assert "reviewdesk timeline" in capsys.readouterr().err


def test_promises_of_jilin_2025_against_its_2022_plan(tmp_path, capsys):
    db = _db(tmp_path, capsys)
    ids = _seed_ids(db, capsys)
    assert main(["promises", ids["000"], "--db", db, "--json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert data["previous_id"] == ids["003"] and data["previous_year"] == 2022 and len(data["items"]) == 18
    done = [i for i in data["items"] if i["status"] == "done"]
    assert done and all(i["passage"] and i["origin"] == "auto" for i in done)
    assert "18 item(s) of the 2022 plan" in out.err
    assert main(["promises", ids["000"], "--db", db]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.strip().split("\n")]
    assert len(lines) == 18 and all(len(line) == 6 for line in lines)
    assert main(["promises", ids["003"], "--db", db]) == 0  # the first year: nothing to track, and said so
    out = capsys.readouterr()
    assert out.out == "" and "no earlier report" in out.err
    assert main(["promises", "no-such-id", "--db", db]) == 2
    assert "no current report" in capsys.readouterr().err


def test_shared_lists_text_of_different_agencies(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shared = "组织行政执法人员专题培训六期，累计培训二百三十人次，实现执法人员全覆盖。"
    for i, (agency, year) in enumerate([("梨树县司法局", 2022), ("通化市教育局", 2023), ("梨树县司法局", 2023)]):
        (folder / f"{i}.txt").write_text(
            f"{agency}关于{year}年度法治政府建设情况的报告\n一、主要举措和成效\n{shared}\n本单位第{i}份报告的独有内容写在这里。\n"
            f"特此报告。\n{agency}\n{year + 1}年2月1日\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite3")
    assert main(["import", str(folder), "--db", db]) == 0
    capsys.readouterr()
    assert main(["shared", "--db", db, "--json"]) == 0
    out = capsys.readouterr()
    data = json.loads(out.out)
    assert "indexed the sentences" not in out.err  # the import indexed them
    [passage] = [p for p in data["passages"] if "二百三十人次" in p["text"]]
    assert passage["agencies"] == 2 and passage["reports"] == 3
    assert [o["year"] for o in passage["occurrences"]] == [2022, 2023]
    assert passage["occurrences"][0]["earliest"] and data["unindexed"] == 0
    assert main(["shared", "--db", db, "--min-chars", "40"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["shared", "--db", db, "--min-chars", "3"]) == 2
    assert "at least 10" in capsys.readouterr().err
    doc = passage["occurrences"][1]["document_id"]
    assert main(["shared", "--db", db, "--report", doc]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.strip().split("\n")]
    assert len(lines) == 2 and {line[0] for line in lines} == {"1"} and lines[0][3] == "2022"
    # a database whose reports were stored without the index (an older version, a merged package): caught up first
    con = sqlite3.connect(db)
    with con:
        con.execute("DELETE FROM passage_hashes")
        con.execute("DELETE FROM passage_indexed")
    con.close()
    assert main(["shared", "--db", db, "--json"]) == 0
    out = capsys.readouterr()
    assert "indexed the sentences of 3" in out.err and json.loads(out.out) == data
