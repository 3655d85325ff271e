"""One body under its many names: the key two names of the same agency share (pure: no database).

:func:`agency_key` folds the forms one body's name takes across years and pages into one key:
``XX县人民政府`` and ``XX县政府`` (and a bare ``XX县``), ``…街道办事处`` and ``…街道``, the party group
(``中共XX局党组``) and the body, a remark in brackets (``雁塔区人民政府办公室(区政府办)``), the state prefix
(``中华人民共和国司法部``), white space and full-width forms, and the short forms listed in
resources/agencies/short_forms.txt (政数局 → 政务服务和数字化建设管理局, 卫健委 → 卫生健康委员会, …).

:func:`place_completions` links a key without its higher places to the one fuller key that only adds them
(``静海区政府`` → ``天津市静海区政府``, ``省政务服务和数字化建设管理局`` → ``吉林省…``); when two fuller keys
could be meant (两个不同城市的 ``教育局``), nothing is linked: the reviewer merges by hand.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from desktop.core.errors import ReviewDeskError
from desktop.core.resources import resource_path
from desktop.core.text import fold_width

SHORT_FORMS_FILE = resource_path("agencies", "short_forms.txt")
_BRACKETED = re.compile(r"[(\[<][^()\[\]<>]*[)\]>]")
_DROP = re.compile(r"[\s\"'·.,:;!?\-_/|]+")
_STATE = re.compile(r"^中华人民共和国")
_PARTY = re.compile(r"^中共(?P<body>.+?)(?:党组|党委|委员会)$")
_PLACE_LEVEL = re.compile(r"(?:省|自治区|市|州|盟|县|区|旗|镇|乡)$")
# a chain of place names, each ending in its level (天津市 | 西安市雁塔区 | 江苏省)
_PLACE_CHAIN = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗))+")
_LEVEL_FIRST = "省市州县区"
_MAX_PLACE_NAME = 8


def read_short_forms(path: Path = SHORT_FORMS_FILE) -> tuple[tuple[str, str], ...]:
    """The (short, full) pairs of a short-forms file, longest short form first; raises naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ReviewDeskError(f"{path}: cannot read the list of short agency names ({exc}); restore it from the "
                              "installation") from exc
    pairs = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ReviewDeskError(f"{path}, line {number}: {line!r} is not SHORT<TAB>FULL")
        pairs.append((parts[0].strip(), parts[1].strip()))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=4)
def _short_forms(path: Path = SHORT_FORMS_FILE) -> tuple[tuple[str, str], ...]:
    return read_short_forms(path)


def agency_key(name: str | None, short_forms: tuple[tuple[str, str], ...] | None = None) -> str:
    """The key shared by the names of one body ('' for no name)."""
    if not name:
        return ""
    key = fold_width(name)
    key = _BRACKETED.sub("", key)
    key = _DROP.sub("", key)
    key = _STATE.sub("", key)
    party = _PARTY.match(key)
    if party and party.group("body")[-1:] in "局厅委办院部署":
        key = party.group("body")  # 中共双牌县教育局党组 reports for 双牌县教育局
    if key.endswith("街道办事处"):
        key = key[: -len("办事处")]
    for short, full in short_forms if short_forms is not None else _short_forms():
        if key.endswith(short) and not key.endswith(full):
            key = key[: -len(short)] + full
            break
    key = key.replace("人民政府", "政府")
    if _PLACE_LEVEL.search(key) and len(key) >= 2:
        key += "政府"  # a bare place (静海区) names its government
    return key


def _adds_only_places(longer: str, shorter: str) -> bool:
    """True when ``longer`` is ``shorter`` with higher places before it (天津市 + 静海区政府; 吉林 + 省…局)."""
    if len(longer) <= len(shorter) or not longer.endswith(shorter):
        return False
    head = longer[: -len(shorter)]
    if _PLACE_CHAIN.fullmatch(head):
        return True
    # 省政数局 completes as 吉林省政数局: the level is the short key's first character, the name before it
    return shorter[0] in _LEVEL_FIRST and 2 <= len(head) <= _MAX_PLACE_NAME and bool(
        re.fullmatch(r"(?:(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|县|区|旗))*)[\u4e00-\u9fff]{1,8}", head))


def place_completions(keys: set[str] | list[str]) -> dict[str, str]:
    """For each key that names its body without the higher places, the one fuller key it stands for.

    A key is linked only when exactly one fuller key (that is itself not completed further) fits; keys that could
    mean two bodies stay apart.
    """
    by_suffix: dict[str, list[str]] = {}
    for key in set(keys):
        for i in range(1, len(key) - 2):  # every tail of three characters or more that a shorter key could be
            by_suffix.setdefault(key[i:], []).append(key)
    out: dict[str, str] = {}
    for key in set(keys):
        if not key or len(key) < 3:
            continue
        fuller = [k for k in by_suffix.get(key, ()) if _adds_only_places(k, key)]
        # the longest chain wins among fuller keys that are completions of each other (静海区 → 天津市静海区)
        tops = [k for k in fuller if not any(o != k and _adds_only_places(o, k) for o in fuller)]
        if len(tops) == 1:
            out[key] = tops[0]
    return out


@lru_cache(maxsize=200_000)
def cached_key(name: str | None) -> str:
    """:func:`agency_key` with the default short forms, remembered (a corpus repeats its agency names)."""
    return agency_key(name)
