"""The end of a document: recipients ("Nơi nhận:"), the signature, and what is attached after it.

The body ends where the closing begins, and the closing is told by its shape, not by one word:
a "Nơi nhận:" line that opens a list, or a role line in capitals ("KT. CHỦ TỊCH", "T/M BAN
THƯỜNG VỤ", "BÍ THƯ") *followed by a person's name*. So a body heading in capitals that merely
starts like a role ("CHỦ TỊCH HỒ CHÍ MINH VỚI CÔNG TÁC CÁN BỘ") does not end the body. Whatever
follows the signature (an appendix, an allocation table, an attached regulation, footnotes) is
text of the document: it comes back as annexes, each read as a section of its own.
"""

from __future__ import annotations

import re
from typing import Protocol

from ..text.normalize import VIET_LOWER, VIET_UPPER, strip_markdown

LOOKAHEAD = 5  # a role line's signer is at most this many blocks further on

_RECIPIENTS = re.compile(r"^Nơi nhận\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_ROLE_PREFIX = re.compile(r"^(?:T/M|TM|K/T|KT|TL|TUQ|Q|Q/|T/L)(?:[.\s]\s*(?=[" + VIET_UPPER + r"])|\.$)")  # "TL." alone too
_ROLE_TITLE = re.compile(
    r"^(?:PHÓ\s+)?(?:BÍ THƯ|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|CHỦ NHIỆM|CỤC TRƯỞNG|"
    r"TỔNG CỤC TRƯỞNG|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|TỔNG KIỂM TOÁN|CHÁNH ÁN|VIỆN TRƯỞNG|TỔNG GIÁM ĐỐC|"
    r"HIỆU TRƯỞNG|TRƯỞNG PHÒNG|CHÁNH THANH TRA|TỔNG THANH TRA|TỔNG BÍ THƯ|THỦ TRƯỞNG|TRƯỞNG ĐOÀN|TỔNG THƯ KÝ)\b"
)
_WORD = rf"[{VIET_UPPER}][{VIET_LOWER}]*"  # "Nguyễn Văn B": an initial is a word of a name
_NAME = re.compile(rf"^(?P<name>(?:{_WORD}\s+){{1,5}}{_WORD})$")
_TRAILING_NAME = re.compile(rf"(?:^|[{VIET_UPPER}\s,.]{{4}}\s)(?P<name>(?:{_WORD}\s+){{1,5}}{_WORD})\s*$")
_SIGNED_AT_END = re.compile(rf"\s(?P<role>[{VIET_UPPER}][{VIET_UPPER}\s,./]+?)\s+(?:{_WORD}\s+){{1,5}}{_WORD}$")
# "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đinh Trung Tụng KẾ HOẠCH TRIỂN KHAI …": a flattened signature runs on
# into what follows it (an attached plan's title in capitals, a digital stamp "Ký bởi: …").
_RUN_ON = re.compile(rf"^(?P<signature>.{{0,100}}?(?:{_WORD}\s+){{1,5}}{_WORD})\s+(?=[{VIET_UPPER}]{{2,}}(?![{VIET_LOWER}])|Ký bởi\s*:)")
_UNIT_WORDS = {"ỦY", "UỶ", "BAN", "BỘ", "SỞ", "CỤC", "PHÒNG", "TỈNH", "HUYỆN", "PHỦ", "ĐẢNG", "NỘI", "QUỐC"}
_SIGNED_MARK = re.compile(r"^\(\s*(?:đã\s+)?ký\s*\)\s*(?P<name>\S.*)$", re.IGNORECASE)
_ARCHIVE = re.compile(r"(?:^|\s)-\s*Lưu\b")  # "- Lưu: VT, NC (02)": the last recipient of every list
_CAPS_WORDS = re.compile(rf"[{VIET_UPPER}]+(?:\s+[{VIET_UPPER}]+)+")
# Family names, to tell a signer's name in capitals from a role or a place going on beside it.
SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Lâm Trương Mai Tống "
    "Hà Cao Lương Triệu Tạ Chu Thái Phùng Quách Vương Lưu Kiều Đoàn Đàm Tô Mạc Hứa Lại Thân Khổng Từ Châu "
    "Giang La Nông Lò Hầu Âu Bạch Biện Cù Diệp Doãn Đồng Giáp Kim Khúc Khương Lã Lục Mạnh Ninh "
    "Quản Tăng Thạch Tiêu Trịnh Ông Viên Vi".split()
)
_NOTE = re.compile(r"^\(.{0,40}\)$|^\d{1,4}$|^[-_=*–.\s]+$")  # "(Đã ký)", a page number, a separator


class _Block(Protocol):
    @property
    def text(self) -> str: ...


def plain(block: _Block) -> str:
    return clean(block.text)


def clean(text: str) -> str:
    """Without markdown (also "__Nơi nhận__:" underlined), table pipes or extra spaces."""
    return re.sub(r"\s+", " ", re.sub(r"(?<!_)__(?!_)", "", strip_markdown(text)).replace("|", " ")).strip()


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def is_role(text: str) -> bool:
    """ "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ THƯỜNG TRỰC": a signature's role line."""
    match = _TRAILING_NAME.search(text)  # "K/T THỦ TƯỚNG … PHÓ THỦ TƯỚNG Tố Hữu"
    head = text[: match.start("name")].strip() if match and match.start("name") else text
    return len(head) <= 120 and _is_upper(head) and bool(_ROLE_PREFIX.match(head) or _ROLE_TITLE.match(head))


def signer_name(text: str) -> str:
    """The person's name a signature line is, or ends with ("… CHỦ NHIỆM Mai Tiến Dũng")."""
    text = re.sub(r"\(\s*(?:đã\s+)?ký.*?\)", "", text, flags=re.IGNORECASE).strip()  # "(Đã ký)", "( Đã ký)"
    if match := _NAME.match(text):
        return match.group("name") if len(text) <= 40 else ""
    match = _TRAILING_NAME.search(text)
    return match.group("name") if match and _is_upper(text[: match.start("name")]) else ""


def signature_end(text: str) -> int:
    """Where a signature that runs on into other text ends (0: it does not run on).

    "PHÓ TỔNG CỤC TRƯỞNG Vũ Ngọc Anh TÊN ĐƠN VỊ: …" ends after the name; so does a name line
    followed by its digital stamp ("Phạm Thị Thanh Trà Ký bởi: CÔNG BÁO …")."""
    match = _RUN_ON.match(text)
    if not match:
        return 0
    signature = match.group("signature")
    name = signer_name(signature)
    if not name or not signature.endswith(name):
        return 0
    head = signature[: -len(name)].strip()
    stamp = text[match.end() :].startswith("Ký bởi")
    return match.end("signature") if (is_role(head) if head else stamp) else 0


def caps_name(text: str) -> bool:
    """ "NGUYỄN VĂN AN": a name printed in capitals opens with a Vietnamese family name."""
    words = text.split()
    if _UNIT_WORDS & set(words):
        return False  # "HÀ NỘI" is a name's shape too; "ỦY BAN NHÂN DÂN", "BỘ TƯ PHÁP" are bodies
    return 2 <= len(words) <= 5 and words[0].capitalize() in SURNAMES and _is_upper(text) and bool(_CAPS_WORDS.fullmatch(text)) and not is_role(text)


def _is_recipients(text: str) -> bool:
    """ "Nơi nhận:" opening a list, or beside the signature's role ("Nơi nhận:  K/T TRƯỞNG BAN")."""
    match = _RECIPIENTS.match(text)
    rest = match.group("rest") if match else ""
    return bool(match) and (not rest or rest[:1] in "-+•" or is_role(rest))


def signed_mark_name(text: str) -> str:
    """ "(Đã ký) Lê Thành Long": the mark a copy leaves for a signature, with the signer's name."""
    match = _SIGNED_MARK.match(text)
    return signer_name(match.group("name")) if match else ""


def is_signature(text: str) -> bool:
    """A signature's cell: its role line (with or without the name), or "(Đã ký)" and a name."""
    return is_role(text) or bool(signed_mark_name(text))


def opens_closing(blocks: list, k: int) -> bool:
    """Whether the closing starts at ``blocks[k]``: "Nơi nhận:", or a role followed by a name."""
    text = plain(blocks[k])
    if _is_recipients(text) or signed_mark_name(text):
        return True
    if not is_role(text):
        return False
    return any(signer_name(plain(b)) or caps_name(plain(b)) for b in blocks[k : k + LOOKAHEAD])


def _closing_length(blocks: list) -> int:
    """How many of the leading blocks are recipients, signature lines and notes."""
    listing = signed = False
    n = 0
    for n, block in enumerate(blocks):
        text = plain(block)
        if _is_recipients(text) or (n == 0 and text[:1] in "-+•"):
            listing = True  # "Nơi nhận:", or the list itself when the closing starts with it
        elif signed:
            if not (listing and text[:1] in "-+•") and not _NOTE.match(text):
                return n
        elif is_role(text) or _NOTE.match(text) or (_is_upper(text) and len(text) <= 80):
            pass  # the recipients list may go on beside the signature: "Nơi nhận:", "T/M …", "- …"
        elif signer_name(text):
            signed = True
        elif listing and (text[:1] in "-+•" or len(text) <= 100):
            pass  # a recipient, or the rest of one
        else:
            return n
        if signer_name(text):
            signed = True
    return n + 1


def split_tail(blocks: list) -> tuple[list, list, list[list]]:
    """Body, closing (every recipients list and signature) and the annexes after a signature."""
    start = next((k for k in range(len(blocks)) if opens_closing(blocks, k)), len(blocks))
    if start < len(blocks) and start and _ARCHIVE.search(plain(blocks[start - 1])) and plain(blocks[start - 1])[:1] in "-+•":
        # "- Chính phủ; … - Lưu: VT." just above the signature, with no "Nơi nhận:": the recipients
        while start and plain(blocks[start - 1])[:1] in "-+•":
            start -= 1
    body, rest = blocks[:start], blocks[start:]
    closing: list = []
    annexes: list[list] = []
    while rest:
        n = _closing_length(rest)
        closing += rest[:n]
        rest = rest[n:]
        nxt = next((k for k in range(len(rest)) if opens_closing(rest, k)), len(rest))
        if nxt:
            annexes.append(rest[:nxt])
        rest = rest[nxt:]
    return body, closing, annexes


def read_closing(closing: list) -> tuple[list[str], list[str], str]:
    """Recipients, the first signature's role lines, and its signer."""
    recipients: list[str] = []
    roles: list[str] = []
    signer = ""
    caps: tuple[int, str] | None = None  # a name in capitals, and where it stands among the roles
    listing = False
    for block in closing:
        for line in re.split(r"\s{2,}|\t|\n", block.text):
            text = clean(line)  # "- Thường trực Tỉnh ủy, | (để b/c)": the note beside it stays with it
            if not text or _NOTE.match(text):
                continue
            if match := _RECIPIENTS.match(text):
                listing, text = True, match.group("rest").strip()
                if not text:
                    continue
            if not signer and (marked := signed_mark_name(text)):
                signer = marked
                continue
            name = signer_name(text)
            if is_role(text) or (roles and not signer and _is_upper(text) and len(text) <= 80):
                if not signer and roles and caps is None and caps_name(text):
                    caps = (len(roles), text)  # "NGUYỄN VĂN AN": the signer, unless a name follows
                elif not signer:
                    head = text[: text.rfind(name)].strip() if name and text.endswith(name) else text
                    roles.append(head)
                    signer = name
            elif name and roles and not signer:
                signer = name
            elif listing or text[:1] in "-+•":
                recipient = text.lstrip("-+• ").rstrip(",;. ")
                # A flattened last line: "- Lưu: VT, ĐMDN (2b). Trung Anh BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng".
                signed = _SIGNED_AT_END.search(recipient) if not signer else None
                if signed and is_role(signed.group("role").strip(" ,")):
                    roles.append(signed.group("role").strip(" ,"))
                    signer = recipient[signed.end("role") :].strip()
                    recipient = recipient[: signed.start()].rstrip(",;. ")
                if recipient:
                    recipients.append(recipient)
    if caps and signer:
        roles.insert(*caps)  # "TM. ỦY BAN NHÂN DÂN THÀNH PHỐ" / "HÀ NỘI" was the role going on
    return recipients, roles, signer or (caps[1] if caps else "")
