"""Document-number keys: every spelling of one document's number becomes one token.

Document numbers are written many ways ("Kết luận số 01-KL/TW", "01 - KL/TW", "KL 01", "kết luận
01", "CT05"); each becomes one key such as ``#kl1`` (and ``#kl1/tw`` with the issuer's code) so that
any spelling finds the others, in the passages and in the questions.
"""

from __future__ import annotations

import re

DOC_TYPE_CODES = {
    "kết luận": "kl", "chỉ thị": "ct", "kế hoạch": "kh", "hướng dẫn": "hd", "quy định": "qđ",
    "nghị quyết": "nq", "quyết định": "qđ", "thông báo": "tb", "công văn": "cv", "báo cáo": "bc",
    "nghị định": "nđ", "thông tư": "tt", "chương trình": "ctr", "thông tri": "ttr", "công điện": "cđ",
    "quy chế": "qc", "đề án": "đa",
}  # fmt: skip
_CODE_ALIASES = {"qđi": "qđ", "qd": "qđ", "nd": "nđ", "cd": "cđ", "da": "đa"}
_TYPE_WORDS = "|".join(sorted(DOC_TYPE_CODES, key=len, reverse=True))
# Party style "01-KL/TW", "01 - KL/TW"; state style "27/CT-TTg", "30/2020/NĐ-CP".
_PARTY_NUMBER = re.compile(r"\b(\d{1,4})\s*-\s*([a-zđ]{1,5})\s*/\s*([a-zđ]{1,10})\b", re.IGNORECASE)
_STATE_NUMBER = re.compile(r"\b(\d{1,4})/(?:\d{4}/)?([a-zđ]{1,5})-([a-zđ]{1,10})\b", re.IGNORECASE)
# Loose forms: "Kết luận số 01", "kết luận 01", "KL 01", "KL01", "CT05".
_NAMED_NUMBER = re.compile(rf"\b({_TYPE_WORDS})\s+(?:số\s+)?(\d{{1,4}})\b", re.IGNORECASE)
_CODE_NUMBER = re.compile(r"\b(kl|ct|kh|hd|qđ|qđi|nq|tb|cv|nđ|cđ)\s?-?(\d{1,4})\b", re.IGNORECASE)


def doc_number_keys(text: str) -> list[str]:
    """Keys for every document number in ``text``: "01-KL/TW" and "KL 01" both give "#kl1"."""
    keys: list[str] = []
    for match in _PARTY_NUMBER.finditer(text):
        number, code, issuer = match.groups()
        code = _CODE_ALIASES.get(code.lower(), code.lower())
        keys += [f"#{code}{int(number)}", f"#{code}{int(number)}/{issuer.lower()}"]
    for match in _STATE_NUMBER.finditer(text):
        number, code, issuer = match.groups()
        code = _CODE_ALIASES.get(code.lower(), code.lower())
        keys += [f"#{code}{int(number)}", f"#{code}{int(number)}/{issuer.lower()}"]
    for match in _NAMED_NUMBER.finditer(text):
        keys.append(f"#{DOC_TYPE_CODES[match.group(1).lower()]}{int(match.group(2))}")
    for match in _CODE_NUMBER.finditer(text):
        code = _CODE_ALIASES.get(match.group(1).lower(), match.group(1).lower())
        keys.append(f"#{code}{int(match.group(2))}")
    return keys
