"""Body names in running text: the heads a name starts with ("Ban Tuyên giáo", "Sở", "Ủy ban nhân dân"),
the words that may continue it, and which found names are organs of the state or Party rather than
the people a rule binds. ``rag.structure.facts`` decides which of them a passage charges.
"""

from __future__ import annotations

import re

from ..text.normalize import VIET_LOWER, VIET_UPPER
from .names import normalise_body

# What a body name starts with (longest first), and the words that may continue it.
HEAD_NAMES = (
    """Ban Tuyên giáo|Ban Tổ chức|Ban Dân vận|Ban Nội chính|Ban Thường vụ|Ban Chấp hành|Ban cán sự đảng|Ban Xây dựng
    tổ chức cơ sở đảng|Ban tổ chức|Ban tuyên giáo|Ban dân vận|Ban kiểm tra|ban tham mưu|cơ quan tham mưu|đơn vị sự nghiệp công lập|đơn vị sự nghiệp|Ban Bí thư|Bộ Chính trị|Ủy ban Kiểm tra|Ủy ban nhân dân|Hội đồng nhân dân|Văn phòng|Mặt trận
    Tổ quốc|Mặt trận|Đảng ủy Khối|Đảng đoàn|Đảng bộ|Tỉnh ủy|Thị ủy|Huyện ủy|Thành ủy|huyện ủy|thành ủy|đảng ủy|
    Đảng ủy|chi bộ|Chi bộ|tổ chức cơ sở đảng|tổ chức đảng|Cấp ủy|cấp ủy|Trung tâm|Cơ quan Tổ chức - Nội vụ|Công an|Sở|Báo|Đài|
    Trường|Đoàn|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Công đoàn|Hội Cựu chiến binh|Hội Liên hiệp Phụ nữ|Hội Nông dân|Hội Người cao tuổi|Hội Chữ thập đỏ|Hội Khuyến học|Hội Luật gia|Thường trực|Tổ đại biểu|đại biểu Hội đồng nhân dân|tổ chức chính trị - xã hội|các tổ chức chính trị - xã hội|đoàn thể|
    cơ quan, đơn vị có liên quan|cơ quan, đơn vị liên quan|đơn vị có liên quan|đơn vị liên quan|ngành, các cấp|ngành liên quan|cơ quan liên quan|chi ủy|Chi ủy|cơ quan, đơn vị|địa phương, đơn vị|cơ quan chuyên trách tham mưu, giúp
    việc|sở, ban, ngành|ban, ngành, đoàn thể|ban, ngành|ban cán sự đảng|ban đảng|Ban Thường vụ Đoàn Khối|BTG|UBKT|MTTQ|BTV|ĐUK|UBND|HĐND|VP|chính quyền|
    người đứng đầu|cán bộ|đảng viên|công chức|viên chức|đoàn viên|hội viên|người lao động""".replace("\n    ", " ").split("|")
)
# The state's bodies and offices: ministries, departments, committees, the heads who answer for them. Found as
# written or capitalised, never lower-cased: "chủ tịch, phó chủ tịch …" in a list of participants is no body.
STATE_NAMES = (
    """Bộ|Bộ trưởng|Thủ trưởng|Chủ tịch|Tổng giám đốc|Giám đốc|Thống đốc|Cục|Tổng cục|Tổng Cục|Chi cục|Ban Quản lý dự án|Ban Quản lý|Vụ|Ban|
    Ban Chỉ huy|Ban Chỉ đạo|Ban cán sự|Ủy ban Mặt trận Tổ quốc|Ủy ban Trung ương Mặt trận Tổ quốc|Ủy ban Thường vụ Quốc hội|Ủy ban|
    Báo và Phát thanh, Truyền hình|Đài truyền hình|Đài Truyền hình|Đài Phát thanh|Đài phát thanh|Đài Tiếng nói|Thông tấn xã|Tập đoàn|Tổng công ty|Tổng Công ty|Hội đồng thành viên|Hội đồng quản trị|
    Ngân hàng Nhà nước|Kho bạc Nhà nước|Bảo hiểm xã hội|Thanh tra|Viện|Học viện|Trung tâm y tế|Trung tâm Y tế|Trạm y tế|Trạm Y tế|Bệnh viện|
    Cơ quan thường trực|Liên hiệp các Hội|Liên đoàn Lao động|nhà thầu|cơ quan ngang bộ|cơ quan ngang Bộ|cơ quan thuộc Chính phủ|bộ, ngành|bộ ngành|bộ, cơ quan ngang bộ|bộ, cơ quan|sở, ngành|cơ quan, địa phương|
    cơ quan có liên quan|cơ quan, tổ chức|cơ quan, đơn vị, địa phương|đơn vị, địa phương|địa phương""".replace("\n    ", " ").split("|")
)
# People who answer for a duty by their office ("Đồng chí bí thư cấp ủy, người đứng đầu … chỉ đạo …").
PERSON = "Người đứng đầu "
PERSON_DUTY = re.compile(
    r"\s*(?:các cấp\s+)?(?:phải\s+)?(?:trực tiếp\s+)?(?:chịu trách nhiệm|có trách nhiệm|chỉ đạo|lãnh đạo|chủ trì|phụ trách)\b"
)
# Multi-word heads are found with either first letter ("Đảng đoàn", "các đảng đoàn"); one-word ones
# ("Sở", "Báo") only capitalised, as "cơ sở" and "báo cáo" are ordinary words — but after an office
# ("Giám đốc các sở") a lower-case "sở" is the departments (BODY's conditional on its office group).
_HEADS = sorted(
    {v for h in HEAD_NAMES for v in ((h, h[0].upper() + h[1:], h[0].lower() + h[1:]) if " " in h else (h,))}
    | {v for h in STATE_NAMES for v in (h, h[0].upper() + h[1:])},
    key=len,
    reverse=True,
)
NEEDS_NAME = {"Bệnh viện", "Báo", "Đài", "Sở", "sở", "Trường", "Đoàn", "Trung tâm", "Văn phòng", "Công an", "Thường trực", "Ban", "Bộ", "Cục", "Ủy ban",
    "Viện", "Vụ", "Thanh tra", "Tập đoàn", "Chủ tịch", "Giám đốc", "Chi cục", "Tổng cục", "Tổng Cục"}
_VERBS = (
    "chủ tham phối xây tổ thực theo hướng chỉ lãnh biên định tiến tăng căn in báo rà đăng lựa quyết tiếp là có chịu "
    "và về của với trong để các được đã sẽ cần phải đôn kiểm nắm giám triển nghiên học quán tuyên bổ lồng đưa gửi "
    "cụ nâng đẩy gắn mời bố sơ tổng đánh viết cam phát khẩn thường mở kịp tích nghiêm tập duy ưu"
).split()
# A capitalised word, optionally with one lower-case word that is not a verb ("Truyền thông", "Tỉnh ủy").
NAME_WORD = rf"[{VIET_UPPER}]\w*(?:\s+(?!(?:" + "|".join(_VERBS) + rf"|ban hành|thành phố|thị xã)\b)[{VIET_LOWER}]+)?"
# A word that starts a new body: "Sở Y tế và Sở Tài chính" are two names, "Sở Giáo dục và Đào tạo" one.
NEW_BODY = r"(?:Chủ tịch|Thủ trưởng|Giám đốc|Tổng giám đốc|Người đứng đầu|Vụ|Sở|Bộ|Ban|Ủy|Uỷ|UBND|Công an|Văn phòng|Đài|Báo|Trung tâm|Cục|Tổng|Chi cục|Tỉnh ủy|Thành ủy|Hội|Mặt trận|Tập đoàn|Ngân hàng|Kho bạc)\b"
_LOCAL = (  # the local governments a body is "of": "Ủy ban nhân dân các xã, phường", "… các tỉnh, thành phố trực thuộc Trung ương"
    r"(?:các\s+)?(?:xã, phường(?:, đặc khu)?|phường, xã(?:, đặc khu)?|tỉnh(?:, thành phố(?: trực thuộc [Tt]rung ương)?)?|"
    r"huyện, thị xã, thành phố(?: trực thuộc tỉnh)?|huyện, thành phố(?:, thị xã)?|huyện, thị xã|quận, huyện(?:, thị xã)?|thành phố|cấp xã|cấp tỉnh|cấp huyện)"
)
_CONTINUE = (
    rf"(?:,\s+(?!{NEW_BODY}){NAME_WORD}(?=\s+và\s)|\s+(?:Ủy ban nhân dân|Hội đồng nhân dân|Mặt trận Tổ quốc|Khoa học và Công nghệ|"
    rf"Khoa học|và Phát triển nông thôn|của\s+(?:Hội đồng nhân dân|Ủy ban nhân dân|Quốc hội|cấp ủy)|và\s+(?!{NEW_BODY}){NAME_WORD}|{_LOCAL}|TP\.\s?{NAME_WORD}|{NAME_WORD}|-\s+{NAME_WORD}|tỉnh|thị xã|huyện|thành phố|khối|"
    r"trực thuộc(?: Tỉnh ủy| Thị ủy| Huyện ủy)?|cơ sở|các cơ quan(?: và doanh nghiệp)? tỉnh|liên quan|ủy(?!\s+(?:quyền|nhiệm|thác))|xã hội|và (?:cấp )?tương đương|"
    r"cấp (?:tỉnh|huyện|xã)|trực thuộc [Tt]rung ương))"
)
BODY = re.compile(
    r"(?<![\wÀ-ỹ])(?:(?:các|Các|Mỗi|mỗi)\s+)?(?:(?:Đồng chí|đồng chí)\s+)?((?:[Bb]í thư|[Nn]gười đứng đầu|Thủ trưởng|Chủ tịch|Bộ trưởng|Giám đốc|Tổng giám đốc)\s+(?:các\s+)?)?("
    + "|".join(re.escape(h.strip()) for h in _HEADS) + r"|(?(1)sở(?![\wÀ-ỹ])|(?!)))(" + _CONTINUE + r"{0,6})"
)  # fmt: skip

_STOP_WORDS = {"Kế", "Kết", "Chỉ", "Quy", "Hướng", "Nghị", "Chuyên", "Hội", "Đại"}


def bodies_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised name) of every body name in ``text``."""
    found = []
    for match in BODY.finditer(text):
        name = match.group(2) + match.group(3)
        office = match.group(1) or ""
        if name not in NEEDS_NAME:  # "Bí thư các tổ chức cơ sở đảng" → "Bí thư tổ chức …"; "Bộ trưởng các Bộ" stays
            office = re.sub(r"\s+các\s+$", " ", office)
        words = name.split()
        head_words = len(match.group(2).split())
        for i, word in enumerate(words[head_words:], head_words):
            capitalised_next = word == "Hội" and words[i + 1 : i + 2] and words[i + 1][0].isupper()  # "… Hội Nông dân tỉnh", not "Hội nghị"
            if word in _STOP_WORDS and not capitalised_next and words[i + 1 : i + 2] not in (["huy"], ["đạo"], ["đồng"]) and words[i : i + 4] != ["Kế", "hoạch", "và", "Đầu"]:  # "Văn phòng Ban Chỉ huy" goes on  # a body name does not run into a document title
                name = " ".join(words[:i])
                break
        if name in NEEDS_NAME and not office:  # "Báo cáo", "Sở" alone: not a named body ("Tổng giám đốc các Tập đoàn" is)
            continue
        found.append((match.start(), match.start(2) + len(name), normalise_body(office + name)))
    return found


_ORGAN_WORDS = {h.strip().split()[0] for h in STATE_NAMES + HEAD_NAMES} | {h.strip().split()[0].capitalize() for h in STATE_NAMES + HEAD_NAMES}
_PEOPLE = re.compile(r"^(?:Cán bộ|Đảng viên|Công chức|Viên chức|Đoàn viên|Hội viên|Người lao động|Người đứng đầu|Bí thư)\b", re.I)


def is_organ(name: str) -> bool:
    """A body of the state or Party, not people a rule binds ("cán bộ", "viên chức") nor the vague "địa phương"."""
    return not _PEOPLE.match(name) and name.split()[0] in _ORGAN_WORDS and name.lower() != "địa phương"


