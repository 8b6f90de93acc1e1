"""The issuer cell of a header: which body issues a document, and the body above it.

The cell's lines name the issuer last ("BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TUYÊN GIÁO VÀ DÂN VẬN";
"ỦY BAN NHÂN DÂN" / "TỈNH ĐẮK LẮK" is one name), also when a copy flattened them on one line
("BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN"). With no cell, the enacting line above the preamble names it.
"""

from __future__ import annotations

import re

# A new body begins at a line starting with one of these: "BAN CHẤP HÀNH TRUNG ƯƠNG" above
# "BAN TUYÊN GIÁO VÀ DÂN VẬN" is its parent; "ỦY BAN NHÂN DÂN" above "TỈNH ĐẮK LẮK" is one name.
_BODY_HEAD = re.compile(
    r"^(?:BAN|ĐẢNG ỦY|ĐẢNG BỘ|ĐẢNG ĐOÀN|SỞ|VĂN PHÒNG|CỤC|TỔNG CỤC|VỤ|ỦY BAN|HỘI ĐỒNG|BỘ|TỈNH ỦY|"
    r"THÀNH ỦY|HUYỆN ỦY|THỊ ỦY|QUẬN ỦY|CHI BỘ|CHI CỤC|PHÒNG|TRƯỜNG|VIỆN|TRUNG TÂM|CÔNG AN|THANH TRA|KIỂM TOÁN)\b"
)
# Unit words that open a subordinate body inside a flattened cell line, and the words before
# them that make them part of one name instead ("ỦY BAN", "TỔNG CỤC", "CƠ SỞ", "THƯỜNG VỤ").
_UNIT_INSIDE = re.compile(r"(?<=\s)(TỔNG CỤC|CHI CỤC|CỤC|SỞ|BAN|VĂN PHÒNG|ĐẢNG ỦY)(?=\s)")
_UNIT_BOUND = {"BAN": ("ỦY", "UBND", "BAN"), "CỤC": ("TỔNG", "CHI"), "SỞ": ("CƠ", "TRỤ")}
# Who acts for a body when the enacting line names a person's office: "BỘ TRƯỞNG BỘ TƯ PHÁP".
_HEAD_OF = r"(?:BỘ TRƯỞNG|CHỦ TỊCH|TỔNG|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|CHÁNH|TRƯỞNG|THỦ TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|TỔNG GIÁM ĐỐC)"


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _split_flattened(line: str) -> list[str]:
    """ "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN": a cell flattened on one line holds the parent and the
    issuer; a unit word inside the line starts the next body, unless it is part of a name
    ("ỦY BAN", "TỔNG CỤC", "CƠ SỞ"). Each side keeps two words at least: "BAN" alone is no body."""
    pieces, start = [], 0
    for match in _UNIT_INSIDE.finditer(line):
        before, after = line[start : match.start()].split(), line[match.start() :].split()
        if len(before) >= 2 and len(after) >= 2 and before[-1] not in _UNIT_BOUND.get(match.group(1), ()):
            pieces.append(" ".join(before))
            start = match.start()
    return [*pieces, line[start:].strip()]


def split_bodies(lines: list[str]) -> list[str]:
    """The issuer cell's lines as bodies: a line opening with a body word starts the next body."""
    bodies: list[str] = []
    for line in (piece for row in lines for piece in _split_flattened(row)):
        # One word is no body yet: "ỦY" / "BAN NHÂN DÂN" is a name cut by a line break.
        if bodies and _BODY_HEAD.match(line) and " " in bodies[-1]:
            bodies.append(line)
        elif bodies:
            bodies[-1] = f"{bodies[-1]} {line}"
        else:
            bodies.append(line)
    return bodies


def is_enacting(text: str, issuer: str) -> bool:
    """ "CHÍNH PHỦ", "BỘ TRƯỞNG BỘ NỘI VỤ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI": the issuer,
    or the head of it, named on a line of its own above the preamble."""
    return bool(issuer) and bool(re.fullmatch(rf"(?:{_HEAD_OF}\s+)?{re.escape(issuer)}", text))


def enacting_body(text: str) -> str:
    """ "BỘ TRƯỞNG BỘ TƯ PHÁP" → "BỘ TƯ PHÁP": the body an enacting line names; a body as is."""
    match = re.fullmatch(rf"{_HEAD_OF}\s+(?P<body>{_BODY_HEAD.pattern.lstrip('^')}.*)", text)
    return match.group("body") if match else text


def leading_capitals(text: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK Số: 12/QĐ-UBND Đắk Lắk, …" → the issuer the line opens with."""
    words: list[str] = []
    for word in text.split():
        if not _is_upper(word) and any(c.isalpha() for c in word):
            break
        words.append(word)
    return " ".join(words).strip(" ,;:-")
