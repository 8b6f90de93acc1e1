"""A labelled field that gives the kind of answer a question asks for.

Plans describe an event or a task in one item and give its particulars as labelled items after
it: "- Thời gian: 0,5 ngày", "- Địa điểm: Hội trường lớn …", "- Báo cáo viên: …", "- Thành phần:
…", "Đơn vị chủ trì: …". A question about the event that asks where, when, how long, who speaks
or who takes part is answered by one of these, which share the event's words with its siblings;
the label tells which. The labels are the ones plans of every kind use for these particulars
(``rag.structure.labels`` reads them), not the wording of any question.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Passage
from ..structure.labels import field_label
from ..text.normalize import fold_diacritics
from .asks import Asks
from .intents import phrases

# "Ai trình bày / giảng / quán triệt …?": who speaks at the event, not who leads it.
_SPEAKING = phrases(r"trinh bay|giang|len lop|noi chuyen|thuyet trinh|truyen dat|quan triet|bao cao vien|dung lop")

# Kind asked → the starts of the folded labels that answer it.
_LABELS_FOR = {
    "place": ("dia diem", "dia ban", "noi to chuc"),
    "duration": ("thoi gian",),
    "who": ("chu tri", "don vi chu tri", "co quan chu tri", "don vi thuc hien", "co quan thuc hien", "phu trach", "trach nhiem"),
    "speaker": ("bao cao vien", "giang vien", "nguoi trinh bay"),
    "coordinating": ("phoi hop", "don vi phoi hop", "co quan phoi hop"),
    "units": ("thanh phan", "doi tuong", "don vi thuc hien", "pham vi"),
    "how_many": ("thanh phan", "so luong", "quy mo"),
}


def asked_labels(asks: Asks, query: str) -> tuple[str, ...]:
    """The label starts that answer the question (empty when it asks no such particular)."""
    kinds = set(asks.kinds)
    if "who" in kinds and _SPEAKING.search(fold_diacritics(query).lower()):
        kinds.add("speaker")
    if asks.unit == "duration":
        kinds = (kinds - {"how_many"}) | {"duration"}
    return tuple(start for kind in sorted(kinds) for start in _LABELS_FOR.get(kind, ()))


def answers_as_field(labels: tuple[str, ...], label: str) -> bool:
    """Whether a passage's field label (``passage_labels``) gives what is asked."""
    return bool(labels) and label.startswith(labels)


def passage_labels(passages: Sequence[Passage]) -> list[str]:
    """Each passage's field label, "" for the rest: read once per index, not once per question."""
    return [field_label(p.text) for p in passages]
