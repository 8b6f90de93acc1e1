"""The words of a question and of a hit that short answers weigh: what the question is about, whether
a hit is on that topic, whether a question names a body, which sentence or clause a value sits in."""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Hit
from ..text.normalize import fold_diacritics, loose, strip_markdown
from ..text.query import ABBREVIATIONS
from ..text.thesaurus import everyday_phrases
from ..text.tokens import QUESTION_WORDS, syllables

# Words of a question that say what is asked, not about what: they do not show a hit is on topic.
_ASKING = frozenset(
    "ai nào gì đâu bao nhiêu mấy khi giờ lúc thời gian hạn chót cơ quan đơn vị phải làm việc được cần "
    "có là do về của và với trong cho ở tại thì mà những các một này đó theo để phụ trách chủ trì".split()
)


# Words every body name shares: a name is recognised in a question by its other words.
_GENERIC = frozenset(
    "ban đảng bộ ủy tỉnh huyện thị xã thành phố các cơ quan đơn vị cấp trực thuộc khối chi sở tổ chức "
    "thường vụ đoàn ủy ban nhân dân trung ương và liên quan".split()
)


_ASKING_FOLDED = frozenset(fold_diacritics(w) for w in _ASKING | QUESTION_WORDS)


def names_body(name: str, query: str) -> bool:
    """Whether ``query`` names the body ``name``: all its distinctive words ("Tuyên giáo" of "Ban
    Tuyên giáo Tỉnh ủy", "Quân sự" of "Đảng bộ Quân sự tỉnh"), abbreviations expanded; a name of
    generic words only ("Tỉnh ủy") must stand whole in the question."""
    asked = expanded(query)
    words = set(syllables(name)) - _GENERIC
    if not words:
        return f" {loose(name)} " in f" {asked} "
    distinctive = " ".join(loose(w) for w in syllables(name) if w in words)
    if distinctive in _VERB_LIKE:  # "Ủy ban Kiểm tra" is named by its head too: "cơ quan nào tiến hành kiểm tra" names none
        core = re.sub(r"\s+(?:Tỉnh|Thị|Huyện|Thành|Đảng) ủy.*$|\s+(?:tỉnh|thị xã|huyện|thành phố)$", "", name)
        return f" {loose(core)} " in f" {asked} "
    if (local := _OF_PLACE.match(name)) and local.group(2)[:1].isupper():  # "Ủy ban nhân dân tỉnh Đắk Lắk": its place alone is where, not who
        head = set(syllables(local.group(1))) - _GENERIC
        if not head and words <= set(syllables(local.group(2))):
            return f" {loose(local.group(1))} " in f" {asked} " and {loose(w) for w in words} <= set(asked.split())
    return {loose(w) for w in words} <= set(asked.split())


# A body of a named place: its head, the place's kind, the place ("Ủy ban nhân dân" "tỉnh" "Đắk Lắk").
_OF_PLACE = re.compile(r"(.+?)\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường)\s+(\S.*)$")


# Distinctive words of a body that are also everyday verbs ("Ban Tổ chức", "Ủy ban Kiểm tra").
_VERB_LIKE = frozenset({"to chuc", "kiem tra", "chap hanh", "chi dao", "xay dung", "giam sat"})


def expanded(query: str) -> str:
    words = [ABBREVIATIONS.get(w.lower(), w) for w in re.findall(r"[\w-]+", query)]
    return loose(" ".join(words))


def split_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n", strip_markdown(text)) if s.strip()]


def overlap(words: frozenset[str] | set[str], text: str) -> int:
    return len(words & {fold_diacritics(w) for w in syllables(text)})


def clear_winner(overlaps: dict[str, int]) -> str | None:
    """The value whose sentence or clause holds at least two of the question's words and more than any other's."""
    ranked = sorted(overlaps.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[0][1] <= ranked[1][1]:
        return None
    return ranked[0][0]


@lru_cache(maxsize=256)  # a which-document question asks it of every candidate (the ranking's lift)
def topic_words(query: str) -> frozenset[str]:
    """The question's own words (folded syllables), without the words that only ask."""
    return frozenset(fold_diacritics(w) for w in syllables(query)) - _ASKING_FOLDED


Paraphrases = tuple[tuple[frozenset[str], tuple[frozenset[str], ...]], ...]


@lru_cache(maxsize=256)
def paraphrased_words(query: str) -> Paraphrases:
    """The question's everyday phrases (folded words), each with the plans' wordings for it
    (``rag.text.thesaurus``): "sếp" is found in a hit that says "người đứng đầu"."""
    return tuple(
        (frozenset(fold_diacritics(w) for w in syllables(everyday)), tuple(frozenset(fold_diacritics(w) for w in syllables(f)) for f in formal))
        for everyday, formal in everyday_phrases(query)
    )


def on_topic(topic: frozenset[str], hit: Hit, share: float = 0.5, *, with_document: bool = False, paraphrases: Paraphrases = ()) -> bool:
    """Whether the hit holds at least ``share`` of the question's own words, in its text, its heading
    path or the item a short item completes ("- Thời gian hoàn thành: trước 31/3" after its task);
    ``with_document``: or in its document's type, number and title, for a question about the document
    itself ("Nghị định 16/2025 về dân quân tự vệ có hiệu lực từ ngày nào?"). An everyday phrase of
    the question counts as found where the hit words it as the plans do (``paraphrases``)."""
    if not topic:
        return True
    passage, cited = hit.passage, hit.citation
    words = (passage.text, passage.context, *passage.section_path) + ((cited.doc_type, cited.number, cited.title) if with_document else ())
    found = {fold_diacritics(w) for w in syllables(" ".join(words))}
    found |= {w for everyday, formal in paraphrases if any(f <= found for f in formal) for w in everyday}
    return len(topic & found) >= share * len(topic)
