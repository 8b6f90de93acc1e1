"""The duty table: every passage that assigns a task to a body, with its deadline and citation —
what a staff member builds by hand when a new plan arrives — and short extractive answers.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import Citation, Hit
from ..text.normalize import strip_markdown
from .filters import SearchFilter

if TYPE_CHECKING:
    from .facade import SearchIndex

COLUMNS = ("Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Văn bản", "Mục", "Tệp", "Dòng")


@dataclass(frozen=True)
class Duty:
    task: str
    lead: tuple[str, ...]
    coordinating: tuple[str, ...]
    deadline: str  # as written, several joined by "; "
    deadline_flag: str
    citation: Citation

    def row(self) -> list[str]:
        c = self.citation
        deadline = f"{self.deadline} (!: {self.deadline_flag})" if self.deadline_flag else self.deadline
        return [
            self.task,
            "; ".join(self.lead),
            "; ".join(self.coordinating),
            deadline,
            c.document_name + (f" của {c.issuer}" if c.issuer else ""),
            c.section_number or c.section,
            c.file,
            f"{c.line_start}–{c.line_end}",
        ]


def list_duties(index: SearchIndex, where: SearchFilter | None = None) -> list[Duty]:
    """Every passage with a lead body, in document order, restricted by ``where``."""
    ids = index.allowed(where) if where is not None and where.active else range(len(index.passages))
    duties = []
    for i in ids:
        facts, passage = index.facts[i], index.passages[i]
        if not facts.lead:
            continue
        duties.append(
            Duty(
                task=strip_markdown(passage.text).lstrip("-+• ").strip(),
                lead=facts.lead,
                coordinating=facts.coordinating,
                deadline="; ".join(d.text for d in facts.deadlines),
                deadline_flag="; ".join(d.flag for d in facts.deadlines if d.flag),
                citation=index.citation(passage),
            )
        )
    return duties


def write_csv(duties: list[Duty], path: str | Path) -> None:
    """UTF-8 with BOM, so that Excel opens the Vietnamese text correctly."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(duty.row() for duty in duties)


def write_xlsx(duties: list[Duty], path: str | Path) -> None:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError as err:  # pragma: no cover - openpyxl is a dependency
        raise ImportError("Writing .xlsx needs openpyxl: pip install openpyxl") from err
    book = Workbook()
    sheet = book.active
    sheet.title = "Nhiệm vụ"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for duty in duties:
        sheet.append(duty.row())
    for column, width in zip("ABCDEFGH", (70, 30, 30, 25, 35, 10, 28, 10)):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    book.save(path)


@dataclass(frozen=True)
class AnswerPart:
    text: str  # words taken from the facts of one passage
    rank: int  # the hit it comes from
    doc: str
    lines: tuple[int, int]


@dataclass(frozen=True)
class Answer:
    """A short extractive answer: "Ban Tuyên giáo Tỉnh ủy — trước ngày 31/3/2022", each part cited."""

    text: str
    parts: tuple[AnswerPart, ...]


def extract_answer(intents: set[str], hits: list[Hit], *, depth: int = 3) -> Answer | None:
    """For who/when questions, the lead body and the deadline of the best hits that have them.

    Only words found in a cited passage's facts are used; nothing is composed.
    """
    parts: list[AnswerPart] = []
    if "who" in intents:
        hit = next((h for h in hits[:depth] if h.facts.lead), None)
        if hit:
            parts.append(_part(", ".join(hit.facts.lead), hit))
    if "when" in intents:
        hit = next((h for h in hits[:depth] if h.facts.deadlines), None)
        if hit:
            parts.append(_part("; ".join(d.text for d in hit.facts.deadlines), hit))
    if not parts:
        return None
    return Answer(" — ".join(p.text for p in parts), tuple(parts))


def _part(text: str, hit: Hit) -> AnswerPart:
    return AnswerPart(text, hit.rank, hit.doc_id, (hit.passage.line_start, hit.passage.line_end))
