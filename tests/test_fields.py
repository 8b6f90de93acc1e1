"""A labelled field item ("- Địa điểm: …") answers the question that asks for its particular."""

from __future__ import annotations

import pytest

from rag.records import Passage
from rag.search.asks import question_asks
from rag.search.fields import answers_as_field, asked_labels, passage_labels


def item(text: str) -> str:
    """The field label the ranking reads of a passage with this text."""
    (label,) = passage_labels([Passage(0, "kh.txt", text, ("1. Hội nghị cấp tỉnh",), 5, 5)])
    return label


@pytest.mark.parametrize(
    ("question", "field", "other"),
    [
        ("Buổi tập huấn cho cán bộ xã tổ chức ở đâu?", "- *Địa điểm:* Nhà văn hóa xã.", "- *Thời gian:* 01 ngày."),
        ("Lớp bồi dưỡng kéo dài bao lâu?", "- Thời gian: 02 ngày, trong tháng 5/2026.", "- Địa điểm: Hội trường Huyện ủy."),
        ("Ai trình bày tại hội nghị sơ kết?", "- Báo cáo viên: Lãnh đạo Ban Tuyên giáo.", "- Địa điểm: Hội trường tỉnh."),
        ("Hội nghị có những ai tham dự?", "- Thành phần: Bí thư chi bộ các thôn.", "- Thời gian: buổi sáng."),
    ],
)
def test_the_field_that_gives_what_is_asked(question, field, other):
    labels = asked_labels(question_asks(question), question)
    assert answers_as_field(labels, item(field))
    assert not answers_as_field(labels, item(other))


def test_a_passage_that_only_mentions_the_word_is_no_field():
    labels = asked_labels(question_asks("Hội nghị tổ chức ở đâu?"), "Hội nghị tổ chức ở đâu?")
    assert not answers_as_field(labels, item("Chuẩn bị địa điểm, hội trường chu đáo: Văn phòng Tỉnh ủy."))


def test_a_question_that_asks_no_particular_lifts_no_field():
    question = "Nội dung chuyên đề năm nay là gì?"
    assert asked_labels(question_asks(question), question) == ()


def test_a_where_question_finds_the_place_of_the_event(corpus_index):
    hits = corpus_index.search("Ở cấp huyện, hội nghị học tập chuyên đề diễn ra ở đâu?", k=3)
    assert any(hit.passage.text.startswith("- *Địa điểm:* Do các huyện ủy") for hit in hits)
    assert "Địa điểm" in hits[0].passage.text


def test_a_who_speaks_question_finds_the_speaker_field(corpus_index):
    hits = corpus_index.search("Ở cơ sở, ai là người trình bày chuyên đề?", k=2)
    assert any(hit.passage.text.startswith("- *Báo cáo viên:* Do đồng chí bí thư cấp ủy") for hit in hits)
