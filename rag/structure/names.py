"""One spelling per body name: what the facts store, the filters match and the scorer compares."""

from __future__ import annotations

import re

from ..text.normalize import strip_markdown, unify_tone_marks

_ABBREVIATED = {
    "BTG": "Ban Tuyên giáo", "UBKT": "Ủy ban Kiểm tra", "MTTQ": "Mặt trận Tổ quốc", "BTV": "Ban Thường vụ",
    "ĐUK": "Đảng ủy Khối", "BCH": "Ban Chấp hành", "HĐND": "Hội đồng nhân dân", "UBND": "Ủy ban nhân dân",
    "VP": "Văn phòng", "TU": "Tỉnh ủy",
}  # fmt: skip


def normalise_body(name: str) -> str:
    """One spelling per body: modern tone marks, abbreviations expanded, no "các", first letter capital."""
    name = unify_tone_marks(strip_markdown(name)).strip(" ,;.:-")
    name = re.sub(r"^(?:(?:các|Các|Mỗi|mỗi)\s+)?(?:(?:Đồng chí|đồng chí)\s+)?", "", name)
    name = " ".join(_ABBREVIATED.get(w, w) for w in name.split())
    return name[:1].upper() + name[1:]
