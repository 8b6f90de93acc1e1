"""Small typed records passed between pipeline stages and returned to users."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from typing import Any

_SECTION_LABEL = re.compile(r"^\W*([IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ])\s*[.)\-–]")


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Deadline:
    """A deadline or period of a passage, normalised to a date range, with the words as written."""

    text: str  # as written
    start: str | None = None  # ISO dates; a due date has only an end
    end: str | None = None
    recurring: str | None = None  # "yearly", "half-yearly", "quarterly", "monthly", "weekly", "daily", "ongoing", "periodic"
    flag: str = ""  # why the date looks wrong; the text is never changed


@dataclass(frozen=True)
class CitedDocument:
    """A document a passage cites: "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị"."""

    doc_type: str  # "Kết luận"
    number: str  # "01-KL/TW"
    date: str | None = None
    issuer: str | None = None
    text: str = ""

    @property
    def key(self) -> str:
        """Citations of one document group under this key (number identifies within a type)."""
        return f"{self.doc_type.lower()} {self.number.upper()}"


@dataclass(frozen=True)
class Facts:
    """What one passage says about who does what by when, and which documents it cites."""

    lead: tuple[str, ...] = ()
    coordinating: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    citations: tuple[CitedDocument, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Facts:
        return cls(
            tuple(data.get("lead", ())),
            tuple(data.get("coordinating", ())),
            tuple(Deadline(**d) for d in data.get("deadlines", ())),
            tuple(CitedDocument(**c) for c in data.get("citations", ())),
        )

    @property
    def is_duty(self) -> bool:
        return bool(self.lead)


@dataclass(frozen=True)
class DocumentMeta:
    """What the header, title and signature of one document say about it."""

    doc_id: str  # the source file name, e.g. "003_29223056b309dc88.txt"
    doc_type: str = ""  # "KẾ HOẠCH", "KẾT LUẬN", …
    number: str = ""  # "45-KH/TU"
    issuer: str = ""  # "TỈNH ỦY LẠNG SƠN" or, failing a header, who issues it in the preamble
    issuer_parent: str = ""  # the line above the issuer in its cell: "BAN CHẤP HÀNH TRUNG ƯƠNG"
    place: str = ""
    date: str = ""  # ISO "2022-02-14" when a full date is written
    title: str = ""  # the summary (trích yếu) below the type line
    signer: str = ""
    signer_role: str = ""  # "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"
    recipients: tuple[str, ...] = ()
    year: int | None = None  # the year the document is for: its date, else its title, else its text
    # The header and closing lines the fields above were read from, as written (without the copy's
    # markdown, table pipes, rules and extra spaces), in document order: the motto, the number and
    # date row, the signature, the recipients. No line is lost; never indexed (the fields are).
    header_lines: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentMeta:
        # An index written before header_lines has none: the field keeps its default.
        return cls(**{**data, "recipients": tuple(data.get("recipients", ())), "header_lines": tuple(data.get("header_lines", ()))})


@dataclass(frozen=True, slots=True)  # no __dict__: 0.3 GB less for a million passages
class Passage:
    """One retrievable unit: a leaf item of a document's section tree."""

    passage_id: int
    doc_id: str
    text: str  # display text: the document's own wording
    section_path: tuple[str, ...]  # headings from the root, e.g. ("II. NỘI DUNG", "1.1. Đối với cấp tỉnh")
    line_start: int  # 1-based, inclusive, in the source file
    line_end: int
    context: str = ""  # index-only: the item a very short item completes ("Thời gian: trước 31/3")

    @property
    def section_label(self) -> str:
        return " › ".join(self.section_path)

    def to_dict(self) -> dict[str, Any]:
        # Plain fields and a tuple of strings: no need for asdict's deep copy (4 s a 50k-passage build).
        return {name: getattr(self, name) for name in _PASSAGE_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(**{**data, "section_path": tuple(data["section_path"])})


_PASSAGE_FIELDS = tuple(f.name for f in fields(Passage))


@dataclass(frozen=True)
class Citation:
    """Where a hit comes from, precise enough to quote it in a new document."""

    file: str
    doc_type: str
    number: str
    title: str
    issuer: str
    date: str
    section: str
    line_start: int
    line_end: int

    @property
    def section_number(self) -> str:
        """"II. NỘI DUNG › 1. Tổ chức… › 1.2. Đối với…" → "II.1.2", the way staff cite a section."""
        labels = [m.group(1) for part in self.section.split(" › ") if (m := _SECTION_LABEL.match(part))]
        numbers = [label for label in labels if label[0].isdigit()]
        roman = [label for label in labels if label[0] in "IVXL"]
        letters = [label for label in labels if label[0].islower()]
        parts = roman[:1] + numbers[-1:] + letters[-1:]
        return ".".join(parts)

    @property
    def document_name(self) -> str:
        """"Kế hoạch số 45-KH/TU", or "Kế hoạch" when the number is not written in the file."""
        kind = self.doc_type.capitalize() or "Văn bản"
        return f"{kind} số {self.number}" if self.number else kind

    def __str__(self) -> str:
        """As staff cite it: "Kế hoạch số 45-KH/TU ngày 14/02/2022 của … về …, mục II.1.2 (file, dòng 79–80)"."""
        text = self.document_name
        if self.date:
            text += f" {vietnamese_date(self.date)}"
        if self.issuer:
            text += f" của {self.issuer}"
        if self.title:
            # A title in capitals stays as written ("về BAN HÀNH QUY CHẾ …", not "về bAN HÀNH …").
            capitals = self.title.upper() == self.title
            title = _shorten(self.title if capitals else self.title[:1].lower() + self.title[1:])
            text += f" {title}" if title.lower().startswith("về ") else f" về {title}"
        if self.section_number:
            text += f", mục {self.section_number}"
        return f"{text} ({self.file}, dòng {self.line_start}–{self.line_end})"


def vietnamese_date(iso: str) -> str:
    """"2022-02-14" → "ngày 14/02/2022"; "2022-02" → "tháng 02/2022"; "2022" → "năm 2022"; "" → ""."""
    parts = iso.split("-") if iso else []
    return f"{('năm', 'tháng', 'ngày')[len(parts) - 1]} {'/'.join(reversed(parts))}" if 1 <= len(parts) <= 3 else iso


@dataclass(frozen=True)
class Hit:
    """One ranked search result."""

    rank: int
    score: float
    passage: Passage
    citation: Citation
    lexical_score: float = 0.0
    dense_score: float = 0.0
    facts: Facts = field(default_factory=Facts)

    @property
    def text(self) -> str:
        return self.passage.text

    @property
    def doc_id(self) -> str:
        return self.passage.doc_id

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "doc": self.passage.doc_id,
            "text": self.passage.text,
            "score": round(self.score, 6),
            "lexical_score": round(self.lexical_score, 6),
            "dense_score": round(self.dense_score, 6),
            "section": self.passage.section_label,
            "lines": [self.passage.line_start, self.passage.line_end],
            "citation": asdict(self.citation),
            "citation_text": str(self.citation),
            "facts": self.facts.to_dict(),
        }


@dataclass
class ParsedDocument:
    """A document after reading, normalising and structuring: metadata plus passages."""

    meta: DocumentMeta
    passages: list[Passage] = field(default_factory=list)
    facts: list[Facts] = field(default_factory=list)  # one per passage
    fingerprint: str = ""  # sha256 of the file's bytes


Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class Rejection:
    """A corpus file left out of the index, and why (``DocumentReadError.reason`` and its message)."""

    file: str
    sha256: str  # of the bytes refused: unchanged bytes are refused again without being read
    reason: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rejection:
        return cls(data["file"], data["sha256"], data["reason"], data["message"])


@dataclass(frozen=True)
class IndexStatus:
    """How much of the index the dense side covers: a build that saved the lexical side first
    fills the vectors in behind (``rag embed``); until then hybrid search uses the vectors there are."""

    passages: int
    embedded: int

    @property
    def complete(self) -> bool:
        return self.embedded >= self.passages

    @property
    def dense_share(self) -> float:
        return self.embedded / self.passages if self.passages else 1.0

    def describe(self) -> str:
        if self.complete:
            return f"hybrid search over all {self.passages} passages"
        return (
            f"lexical search over all {self.passages} passages; meaning search over {self.embedded} "
            f"({self.dense_share:.0%}) while the rest is embedded"
        )
