"""The property every parse must have: no text lost.

Every word of every line of a document reaches a passage, a passage's heading path, or the
metadata the line was read into (header fields, signer and role, recipients). Words are compared
after the repairs the parser makes (PDF glyphs, tone-mark placement, table cells glued together)
and without case.
"""

from __future__ import annotations

import re
import unicodedata

from rag.documents.pdf_repair import repair_pdf_text
from rag.records import ParsedDocument
from rag.structure.layout import unglue_cells
from rag.structure.passages import parse_document
from rag.text.normalize import strip_markdown, unify_tone_marks

# The labels of the form stand for the fields read after them ("Số:", "ngày … tháng … năm",
# "Nơi nhận:", "Kính gửi:", "V/v") and the motto is the same on every document: not content.
FORM_WORDS = set("số ngày tháng năm nơi nhận kính gửi v cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc đảng sản".split())
_SIGNED_MARK = re.compile(r"\(\s*(?:đã\s+)?ký\s*\)", re.IGNORECASE)  # what a copy leaves for the signature


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", unify_tone_marks(text).lower()))


def kept_words(parsed: ParsedDocument) -> set[str]:
    meta = parsed.meta.to_dict()
    values = [str(v) for k, v in meta.items() if k not in ("recipients", "doc_id")] + list(parsed.meta.recipients)
    values += [str(int(part)) for part in parsed.meta.date.split("-") if part]  # "2026-03-10" was written "ngày 10 tháng 3"

    texts = [*(p.text for p in parsed.passages), *(t for p in parsed.passages for t in p.section_path), *values]
    return _words(strip_markdown(" \n ".join(texts)))


def lost_lines(text: str, name: str = "x.txt") -> list[str]:
    """The lines with a word that reaches neither a passage nor the metadata."""
    parsed = parse_document(name, text)
    kept = kept_words(parsed)
    source = unglue_cells(repair_pdf_text(unicodedata.normalize("NFC", text)))
    lost = []
    for line in source.splitlines():
        line = _SIGNED_MARK.sub(" ", line)  # "(Đã ký)": the copy's mark for the signature, no text
        # "A**0" is "A0" once the marks go, but "YÊU CẦU****1. Mục đích" is two headings: either reading.
        missing = min(_words(strip_markdown(line)) - kept, _words(line.replace("*", " ")) - kept, key=len) - FORM_WORDS
        if not re.search(r"[^\W\d_]", line):
            missing = {w for w in missing if not w.isdigit()}  # a page number: "33"
        if missing:
            lost.append(line)
    return lost
