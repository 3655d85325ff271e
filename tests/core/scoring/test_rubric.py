"""Rubric files: parsing, validation messages, weighted totals, storage by content."""

from __future__ import annotations

from fractions import Fraction

import pytest

from desktop.core.scoring.rubric import (
    DEFAULT_RUBRIC_PATH,
    KNOWN_SUGGESTERS,
    RubricError,
    active_rubric,
    get_rubric,
    list_rubrics,
    load_default_rubric,
    load_rubric_file,
    parse_rubric,
    set_active_rubric,
    store_rubric,
)
from desktop.core.scoring.suggestions import SUGGESTERS

SMALL = """
id = "small"
name = "小标准"
name_en = "Small"
version = "2"
weights_total = 10

[[criteria]]
id = "a"
title = "甲"
title_en = "A"
description = "甲项"
max_points = 2
weight = 6
step = 0.5
[[criteria.levels]]
points = 2
label = "好"
descriptor = "很好"
[[criteria.levels]]
points = 1
label = "中"
descriptor = "一般"
[[criteria.levels]]
points = 0
label = "差"
descriptor = "很差"

[[criteria]]
id = "b"
title = "乙"
title_en = "B"
description = "乙项"
max_points = 4
weight = 4
[[criteria.levels]]
points = 4
label = "好"
descriptor = "很好"
[[criteria.levels]]
points = 0
label = "差"
descriptor = "很差"
"""


def problems_of(content: str) -> list[str]:
    with pytest.raises(RubricError) as info:
        parse_rubric(content, "test.toml")
    assert "test.toml" in str(info.value)
    return info.value.problems


def test_default_rubric_covers_the_regulation_and_review_practice():
    rubric = load_default_rubric()
    ids = [c.id for c in rubric.criteria]
    assert ids == ["completeness", "timeliness", "formalities", "measures", "shortcomings", "leader_duty",
                   "next_plan", "originality"]
    assert sum(c.weight for c in rubric.criteria) == rubric.weights_total == 100
    for c in rubric.criteria:
        assert c.title and c.title_en and c.description and c.description_en
        # a descriptor for every whole score from 0 to the top
        assert [lv.points for lv in c.levels] == [float(p) for p in range(int(c.max_points), -1, -1)]
        assert all(lv.descriptor and lv.label for lv in c.levels)
    assert {c.suggest for c in rubric.criteria if c.suggest} == set(KNOWN_SUGGESTERS)
    assert "原因" in rubric.criterion("shortcomings").title
    assert rubric.criterion("completeness").step == 0.5


def test_every_known_suggester_is_implemented():
    assert set(SUGGESTERS) == set(KNOWN_SUGGESTERS)


def test_weighted_total_scales_each_criterion_by_its_weight():
    rubric = parse_rubric(SMALL)
    assert rubric.weighted_total({"a": 2, "b": 4}) == 10
    assert rubric.weighted_total({"a": 1, "b": None}) == 3
    assert rubric.weighted_total({"a": 0.5, "b": 1}) == 2.5
    # exact on the decimal values, then 四舍五入: b out of 3 instead of 4 gives 2/3 × 4 = 2.666… -> 2.67
    thirds = parse_rubric(SMALL.replace("max_points = 4\nweight = 4", "max_points = 3\nweight = 4")
                          .replace("points = 4", "points = 3"))
    assert thirds.exact_total({"b": 2}) == Fraction(8, 3) and thirds.weighted_total({"b": 2}) == 2.67


def test_level_for_uses_the_highest_anchor_at_or_below_the_value():
    b = parse_rubric(SMALL).criterion("b")
    assert b.level_for(4).label == "好"
    assert b.level_for(3).label == "差"
    assert b.level_for(None) is None


def test_values_must_be_in_range_and_on_the_step():
    a = parse_rubric(SMALL).criterion("a")
    assert a.is_valid_value(1.5) and a.is_valid_value(0) and a.is_valid_value(2)
    assert not a.is_valid_value(2.5)
    assert not a.is_valid_value(-0.5)
    assert not a.is_valid_value(1.25)
    assert not a.is_valid_value(float("nan"))


def test_weights_must_add_up_as_declared():
    problems = problems_of(SMALL.replace("weights_total = 10", "weights_total = 100"))
    assert problems == ["the weights add up to 10, but the rubric declares weights_total = 100"]


def test_duplicate_ids_levels_out_of_range_and_missing_fields_are_all_reported():
    content = SMALL.replace('id = "b"', 'id = "a"').replace("points = 1\n", "points = 3\n")
    content = content.replace('title_en = "A"\n', "")
    problems = problems_of(content)
    assert "criterion id 'a' is used more than once; ids must be unique" in problems
    assert any("points 3 is outside the criterion's range 0–2" in p for p in problems)
    assert any("'title_en' is missing" in p for p in problems)


def test_levels_must_describe_top_and_zero_and_not_repeat():
    head, b = SMALL.split('id = "b"')
    b_levels = b.replace("\npoints = 4\n", "\npoints = 3\n").replace("\npoints = 0\n", "\npoints = 3\n")
    problems = problems_of(head + 'id = "b"' + b_levels)
    assert "criterion 2 (b): no level describes the top score 4" in problems
    assert "criterion 2 (b): no level describes the score 0" in problems
    assert "criterion 2 (b), level 2: points 3 appears in more than one level" in problems


def test_off_step_levels_unknown_keys_and_suggesters_are_rejected():
    content = SMALL.replace("points = 1\n", "points = 1.25\n").replace('id = "b"', 'id = "b"\nsuggest = "magic"\nfoo = 1')
    problems = problems_of(content)
    assert any("not a multiple of the step 0.5" in p for p in problems)
    assert any("unknown suggest 'magic'" in p for p in problems)
    assert any("unknown key 'foo'" in p for p in problems)


def test_bad_toml_and_bad_files_get_clear_messages(tmp_path):
    assert problems_of("id = [")[0].startswith("not valid TOML")
    with pytest.raises(RubricError, match="does not exist"):
        load_rubric_file(tmp_path / "nope.toml")
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes("name = '标准'".encode("gbk"))
    with pytest.raises(RubricError, match="not UTF-8"):
        load_rubric_file(gbk)
    assert problems_of("name = 'x'") == ["rubric: 'id' is missing or empty",
                                         "rubric: 'version' is missing (give it as text, e.g. version = \"1.0\")",
                                         "rubric: 'weights_total' is missing",
                                         "rubric: no criteria ([[criteria]] tables) found"]


def test_rubric_id_follows_content_and_storage_keeps_each_version(memory_db):
    first = parse_rubric(SMALL)
    assert parse_rubric(SMALL).id == first.id
    edited = parse_rubric(SMALL.replace('descriptor = "一般"', 'descriptor = "尚可"'))
    assert edited.id != first.id and edited.version == first.version
    store_rubric(memory_db, first)
    store_rubric(memory_db, first)
    store_rubric(memory_db, edited)
    assert sorted(r.id for r in list_rubrics(memory_db)) == sorted([first.id, edited.id])
    assert get_rubric(memory_db, first.id).content == SMALL
    assert get_rubric(memory_db, edited.id).criterion("a").levels[1].descriptor == "尚可"


def test_active_rubric_defaults_to_the_shipped_file_and_can_be_switched(memory_db, tmp_path):
    default = active_rubric(memory_db)
    assert default.content == DEFAULT_RUBRIC_PATH.read_text(encoding="utf-8")
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    set_active_rubric(memory_db, load_rubric_file(path))
    assert active_rubric(memory_db).key == "small"
    # the earlier rubric stays stored
    assert {r.name for r in list_rubrics(memory_db)} == {default.name, "小标准"}


PANEL = SMALL.replace('weights_total = 10\n', 'weights_total = 10\ndisagreement_total = 3\n').replace(
    'step = 0.5\n', 'step = 0.5\ndisagreement = 1\nallow_na = true\n') + """
[[grades]]
label = "好"
label_en = "Good"
min = 8
[[grades]]
label = "差"
min = 0
"""


def test_grade_bands_disagreement_and_not_applicable_are_read():
    rubric = parse_rubric(PANEL)
    assert [(g.label, g.min) for g in rubric.grades] == [("好", 8), ("差", 0)]
    assert rubric.grade_for(8).label == "好" and rubric.grade_for(7.99).label == "差"
    assert rubric.grade_for(None) is None and parse_rubric(SMALL).grade_for(9) is None
    a, b = rubric.criteria
    assert (a.allow_na, a.disagreement, b.allow_na, b.disagreement) == (True, 1, False, None)
    assert rubric.disagreement_total == 3
    assert rubric.weighted_total({"b": 2}, ["a"]) == 5  # b alone scaled to the whole 10
    from desktop.core.scoring.rules import is_settled  # what counts as settled is the rules' one function

    assert is_settled(a, None, True, "首次报告") and not is_settled(b, None, True, "理由")
    assert not is_settled(a, None, True, "  ") and is_settled(b, 0.0, False, "")
    assert (a.round_to_step(1.25), a.round_to_step(1.24), a.round_to_step(1.75)) == (1.5, 1.0, 2.0)
    assert b.round_to_step(2.5) == 3 and b.round_to_step(3.49) == 3


def test_default_rubric_has_grades_disagreement_and_na_where_it_makes_sense():
    rubric = load_default_rubric()
    assert [g.label for g in rubric.grades] == ["优秀", "良好", "合格", "不合格"]
    assert [g.min for g in rubric.grades] == [90, 75, 60, 0]
    assert rubric.disagreement_total == 15 and all(c.disagreement for c in rubric.criteria)
    assert {c.id for c in rubric.criteria if c.allow_na} == {"timeliness", "originality"}


def test_bad_grades_and_thresholds_are_all_reported():
    bad = PANEL.replace("min = 8", "min = 11").replace("min = 0", "min = 11").replace(
        'disagreement = 1\n', 'disagreement = 5\n').replace('allow_na = true', 'allow_na = "yes"').replace(
        'disagreement_total = 3', 'disagreement_total = -1')
    problems = problems_of(bad)
    assert "criterion 1 (a): 'allow_na' must be true or false, not 'yes'" in problems
    assert "criterion 1 (a): disagreement 5 must be greater than 0 and at most max_points (2)" in problems
    assert "grade 1 (好): min 11 is outside the total's range 0–10" in problems
    assert "more than one grade starts at 11; each band needs its own min" in problems
    assert "no grade starts at 0: give the lowest band min = 0 so that every total gets a grade" in problems
    assert any("disagreement_total -1" in p for p in problems)
    dup = PANEL.replace('label = "差"\nmin = 0', 'label = "好"\nmin = 0\ncolour = 1')
    problems = problems_of(dup)
    assert "grade label '好' is used more than once" in problems
    assert "grade 2 (好): unknown key 'colour'" in problems
