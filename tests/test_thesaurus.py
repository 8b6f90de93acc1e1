"""The everyday ↔ administrative thesaurus: a well-formed resource, read as a low-weight extra."""

from __future__ import annotations

from importlib import resources

from rag.text.query import analyse
from rag.text.thesaurus import RESOURCE, entries, expansions_of


def test_every_line_of_the_resource_is_an_entry_or_a_comment():
    lines = resources.files("rag.text").joinpath(RESOURCE).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    assert len(body) >= 150
    for line in body:
        everyday, formal = line.split("\t")  # exactly one tab
        phrases = formal.split("; ")
        assert everyday.strip() and 1 <= len(phrases) <= 4 and all(p.strip() for p in phrases), line
        assert everyday.strip() not in phrases, line
    assert len(entries()) == len({line.split("\t")[0] for line in body})


def test_everyday_words_bring_the_plans_wording_with_or_without_diacritics():
    assert "người đứng đầu" in expansions_of("Sếp cơ quan có phải báo cáo không?")
    assert "người đứng đầu" in expansions_of("sep co quan co phai bao cao khong")
    assert "đôn đốc" in expansions_of("Ai nhắc nhở các chi bộ?")
    assert expansions_of("Ban Tuyên giáo chủ trì hội nghị") == ()  # the plans' own words: nothing to add


def test_the_question_keeps_its_words_and_the_extras_go_beside_them():
    analysis = analyse("Lớp tập huấn cho sếp do ai mở?", None)
    assert analysis.text == "Lớp tập huấn cho sếp do ai mở?"
    assert "người đứng đầu" in analysis.paraphrases and "người đứng đầu" in analysis.dense_text
    assert analysis.dense_text.startswith(analysis.text)
