"""``reviewdesk timeline / promises / shared`` end to end, with their bad inputs."""

from __future__ import annotations

import json

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
