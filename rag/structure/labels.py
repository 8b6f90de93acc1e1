"""The label a field item opens with: "- *Thời gian:* …", "- Địa điểm: …", "Đơn vị chủ trì: …".

A plan describes a task or an event in one item and gives its time, place, speakers or lead as
the labelled items after it. Such a field means little alone ("Địa điểm: Hội trường lớn"): it is
read with the item it belongs to (``rag.structure.passages``), and a question about the event
that asks where or when is answered by it (``rag.search.fields`` lifts it for such a question).
"""

from __future__ import annotations

import re

from ..text.normalize import fold_diacritics, strip_markdown

_LABEL = re.compile(r"^[\s\-+•]*([^\W\d_][^:;.\n]{1,40}?)\s*:")


def field_label(text: str) -> str:
    """The folded label a field item opens with ("thoi gian, noi dung" for "- *Thời gian, nội dung:* …"), or ""."""
    match = _LABEL.match(strip_markdown(text))
    return fold_diacritics(match.group(1)).lower().strip() if match else ""
