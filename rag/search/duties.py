"""The duty table: every passage that assigns a task to a body, with its deadline and citation —
what a staff member builds by hand when a new plan arrives — and short extractive answers.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..records import Citation
from ..text.normalize import strip_markdown
from .filters import SearchFilter
from .view import IndexView

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


def list_duties(index: IndexView, where: SearchFilter | None = None) -> list[Duty]:
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


