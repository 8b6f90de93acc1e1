"""What a heading, bullet or list line looks like in a directive: "I.", "1.2.", "a)", "-", "+".

The structure stage reads the section tree with these patterns; readers that rebuild paragraphs
(PDF) or flatten table rows (docx) use ``starts_section`` so that such a line is never joined to
the paragraph before it.
"""

from __future__ import annotations

import re

HEADING_PATTERNS: tuple[tuple[float, re.Pattern[str]], ...] = (
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
    return bool(re.match(r"(?i)nơi nhận\b|(điều|chương|mục)\s+[\dIVXL]+[.:]", plain))
