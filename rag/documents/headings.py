"""What a heading, bullet or list line looks like in a directive: "I.", "1.2.", "a)", "-", "+".

The structure stage reads the section tree with these patterns; readers that rebuild paragraphs
(PDF) or flatten table rows (docx) use ``starts_section`` so that such a line is never joined to
the paragraph before it.
"""

from __future__ import annotations

import re

# Legal texts (Nghị định, Quy định, Điều lệ) nest Phần > Chương > Mục > Điều > khoản "1." > điểm "a)";
# plans nest I. > 1. > 1.1. > a). The two meet at "1.", so Điều sits between I. and 1. The labels
# need a numeral after the word: "Chương trình", "Mục tiêu", "Điều kiện" are words, not headings.
HEADING_PATTERNS: tuple[tuple[float, re.Pattern[str]], ...] = (
    (0.2, re.compile(r"^(?i:phần)\s+(?P<label>thứ\s+\w+|[IVXL]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*(?=\S|$)")),
    (0.4, re.compile(r"^(?i:chương)\s+(?P<label>[IVXL]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*(?=\S|$)")),
    (0.6, re.compile(r"^(?i:mục)\s+(?P<label>[IVXL]{1,5}|\d{1,2})\b\s*[.:\-–]?\s*(?=\S|$)")),
    (1.5, re.compile(r"^Điều\s+(?P<label>\d{1,3}[a-z]?)\s*(?:[.:]\s*|$)(?=\S|$)")),
    (1, re.compile(r"^(?P<label>[IVXL]{1,5})\s*[.\-–]\s+(?=\S)")),
    (4, re.compile(r"^(?P<label>\d{1,2}\.\d{1,2}\.\d{1,2})\.?\s+(?=\S)")),
    (3, re.compile(r"^(?P<label>\d{1,2}\.\d{1,2})\.?\s+(?=\S)")),
    (2, re.compile(r"^(?P<label>\d{1,2})[.\-–]\s+(?=\S)")),
    (5, re.compile(r"^(?P<label>[a-zđ])[).]\s+(?=\S)")),
)
BULLET_LEVELS = {"-": 6.0, "–": 6.0, "•": 6.0, "+": 7.0, "*": 7.5}


def starts_section(line: str) -> bool:
    """Whether the parser would read ``line`` as a heading, a bullet or the recipients list.

    Readers that rebuild paragraphs (PDF) or flatten table rows use it so that a line is never joined
    to the paragraph before it, and a table row "1. | …" is not mistaken for heading "1.".
    """
    plain = line.strip().lstrip("*#").strip()
    if any(pattern.match(plain) for _, pattern in HEADING_PATTERNS):
        return True
    if plain[:1] in BULLET_LEVELS and plain[1:2].isspace():
        return True
    return bool(re.match(r"(?i)nơi nhận\b|(điều|chương|mục|phần)\s+[\dIVXL]+[.:]", plain))
