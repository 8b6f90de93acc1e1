"""Task tables: rows of "task | lead body | coordinating bodies | deadline | product" cells.

A plan's annex lists its tasks in a table whose header names the columns ("Cơ quan chủ trì",
"Cơ quan phối hợp", "Thời gian hoàn thành"). Read from the file, one row may come as one passage
of cells apart by " | " or as one passage per cell, so the columns are followed across the
passages of the table's section: after a task's text, the first cell that holds only bodies is the
lead, the next the coordinating bodies; a cell that holds only a time is the deadline.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..records import Deadline, Facts, Passage
from ..text.normalize import strip_markdown
from .bodies import bodies_in
from .deadlines import find_deadlines
from .facts import split_named_list

# "Cơ quan chủ trì … Cơ quan phối hợp", or one column for both: "Cơ quan chủ trì/phối hợp" (cells "Sở Y tế/Sở Tài chính; UBND xã").
_HEADER = re.compile(r"(?:cơ quan|đơn vị)\s+chủ trì(?:.{0,80}?(?:cơ quan|đơn vị)\s+|\s*/\s*)phối hợp", re.I | re.S)
_LEAD_COLUMN = re.compile(r"(?:(?:cơ quan|đơn vị)\s+)?chủ trì", re.I)
_COORD_COLUMN = re.compile(r"(?:(?:cơ quan|đơn vị)\s+)?phối hợp", re.I)


def _is_header(text: str) -> bool:
    """"Cơ quan chủ trì … Cơ quan phối hợp" in a row, or cells "CHỦ TRÌ | PHỐI HỢP" of their own."""
    cells = _cells(text)
    return bool(_HEADER.search(strip_markdown(text))) or (
        any(_LEAD_COLUMN.fullmatch(c) for c in cells) and any(_COORD_COLUMN.fullmatch(c) for c in cells)
    )
_MAX_CELL = 160  # a body cell is short: longer text is a task or a product
# A time column's words the deadline rules leave to context: a bare year, "Theo Kế hoạch riêng", "Sau khi có …".
_TIME_CELL = re.compile(r"(?:[Nn]ăm\s+)?\d{4}(?:\s*-\s*\d{4})?|[Hh][aằ]ng năm|(?:Theo|Sau khi|Từ|Trước|Trong|Định kỳ|Quý|Tháng)\b.{0,80}", re.S)


def _cells(text: str) -> list[str]:
    return [cell.strip(" *.;|") for cell in strip_markdown(text).split(" | ") if cell.strip(" *.;|")]  # the row's outer pipes too


def _body_cell(cell: str) -> list[str]:
    """The bodies a cell holds when it holds nothing else ("Bộ CHQS tỉnh; UBND cấp xã"), else []."""
    if len(cell) > _MAX_CELL or cell.endswith(":"):
        return []
    names = split_named_list(cell)
    for position, name in enumerate(names):
        bodies = bodies_in(name)
        if position and _KIND_OF_BODY.fullmatch(name):  # "Sở Giáo dục và Đào tạo; các cơ sở giáo dục nghề nghiệp"
            continue
        if not bodies or bodies[0][0] != 0 or len(name.split()) > 14:
            return []
    return names


# After a named body, a kind of bodies the name rules do not know: "(các) cơ sở giáo dục nghề nghiệp", "doanh nghiệp".
_KIND_OF_BODY = re.compile(r"(?:[Cc]ác\s+)?\w+(?:\s+\w+){0,6}")


def _lead_and_partners(cell: str) -> tuple[list[str], list[str]] | None:
    """A cell of a "chủ trì/phối hợp" column: the lead before the slash, its partners after it."""
    lead, slash, partners = cell.partition("/")
    if not slash or not (leads := _body_cell(lead.strip())) or not (others := _body_cell(partners.strip())):
        return None
    return leads, others


def _time_cell(cell: str) -> list[Deadline]:
    found = find_deadlines(cell)
    if found or len(cell) > 90:
        return found
    return [Deadline(cell)] if _TIME_CELL.fullmatch(cell) else []


def read_task_tables(passages: list[Passage], facts: list[Facts]) -> list[Facts]:
    """Facts with each task-table cell's lead, coordinating bodies and deadline put on its passage."""
    out = list(facts)
    table: tuple[str, ...] | None = None  # the section path of the table being read
    expect = "lead"
    for i, passage in enumerate(passages):
        if _is_header(passage.text):
            table, expect = passage.section_path, "lead"
            continue
        if table is None or passage.section_path != table:
            table = None
            continue
        lead: list[str] = []
        coordinating: list[str] = []
        deadlines: list[Deadline] = []
        for cell in _cells(passage.text):
            if expect == "lead" and (pair := _lead_and_partners(cell)):
                lead += pair[0]
                coordinating += pair[1]
                expect = "time"
                continue
            bodies = _body_cell(cell)
            if bodies and expect in ("lead", "time"):  # "time": a row whose time cell is missing
                lead += bodies
                expect = "coordinating"
            elif bodies and expect == "coordinating":
                coordinating += bodies
                expect = "time"
            elif expect in ("coordinating", "time") and (times := _time_cell(cell)):
                deadlines += times
                expect = "lead"
            else:  # a task's text, a product, a group's title: the next body cell leads
                expect = "lead"
        if lead or coordinating or deadlines:
            known = {d.text.lower() for d in out[i].deadlines}
            out[i] = replace(
                out[i],
                lead=tuple(dict.fromkeys(lead)) or out[i].lead,
                coordinating=tuple(dict.fromkeys(coordinating)) or (out[i].coordinating if not lead else ()),
                deadlines=out[i].deadlines + tuple(d for d in deadlines if d.text.lower() not in known),
            )
    return out
