"""The property every parse must have: no text lost.

Every line of a document is kept whole: its words, in their order, are in a passage, a passage's
heading path, a field of the metadata, or the header lines the metadata was read from
(``DocumentMeta.header_lines``: the motto, the number and date row, the signature, the recipients).
A line may also run from the end of one of these into the start of another (a sentence split
cuts a long line in two; a signature runs on into an attached plan's title). Words are compared
after the repairs the parser makes (PDF glyphs, tone-mark placement, table cells glued together),
without case, markdown or punctuation.
"""

from __future__ import annotations

import re
import unicodedata

from rag.documents.pdf_repair import repair_pdf_text
from rag.records import ParsedDocument
from rag.structure.layout import unglue_cells
from rag.structure.passages import parse_document
from rag.text.normalize import strip_markdown, unify_tone_marks


def _sequence(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", unify_tone_marks(text).lower()))


def _readings(text: str) -> set[str]:
    # "A**0" is "A0" once the marks go, but "YÊU CẦU****1. Mục đích" is two headings: either reading.
    return {_sequence(strip_markdown(text)), _sequence(text.replace("*", " "))}


def kept_texts(parsed: ParsedDocument) -> list[str]:
    """What a line may be found in, each whole: passages, heading titles, fields, header lines."""
    meta = parsed.meta
    fields = [str(v) for k, v in meta.to_dict().items() if k not in ("recipients", "header_lines", "doc_id") and v]
    titles = dict.fromkeys(title for p in parsed.passages for title in p.section_path)
    return [*(p.text for p in parsed.passages), *titles, *fields, *meta.recipients, *meta.header_lines]


def is_kept(words: list[str], hay: str) -> bool:
    """``words`` are in one text of ``hay`` (each written "< w w … >"), or run from the end of one
    text, through whole texts, into the start of another."""
    n = len(words)
    if f" {' '.join(words)} " in hay:
        return True
    reached = [True] + [False] * n  # reached[i]: the words before i end a text (0: the line's start)
    for i in range(n):
        if not reached[i]:
            continue
        for j in range(i + 1, n + 1):
            piece = " ".join(words[i:j])
            if j == n:
                reached[n] = reached[n] or (i > 0 and f"< {piece} " in hay)  # the line ends inside a text
            elif f"{'<' if i else ''} {piece} >" in hay:
                reached[j] = True  # the first piece ends a text, a middle one is a whole text
    return reached[n]


def lost_lines(text: str, name: str = "x.txt") -> list[str]:
    """The lines of ``text`` that the parse does not keep whole (see the module's note)."""
    parsed = parse_document(name, text)
    hay = " ".join(f"< {reading} >" for kept in kept_texts(parsed) for reading in _readings(kept))
    source = unglue_cells(repair_pdf_text(unicodedata.normalize("NFC", text)))
    lost = []
    for line in source.splitlines():
        if not re.search(r"[^\W\d_]", line):
            continue  # a separator, a page number: no words
        if not any(is_kept(reading.split(), hay) for reading in _readings(line) if reading):
            lost.append(line)
    return lost
