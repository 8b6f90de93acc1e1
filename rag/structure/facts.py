"""Facts per passage: responsible bodies (lead, coordinating), deadlines, cited documents.

Rules read the passage the way a staff member filling a duty table does: "X chủ trì", "Giao X",
"X tham mưu" and a body opening the item name the lead; "phối hợp (với) Y" the coordinating
bodies; an item naming no body inherits one from its heading ("4. Giao Ban Tuyên giáo Tỉnh ủy").
People answer for a duty by their office ("bí thư cấp ủy", "người đứng đầu …") when told to
direct it. Deadlines are read in ``rag.structure.deadlines``.
"""

from __future__ import annotations

import re

from ..records import Facts
from ..text.normalize import strip_markdown, unify_tone_marks
from .bodies import NAME_WORD, NEW_BODY, PERSON, PERSON_DUTY, bodies_in, is_organ
from .citations import find_citations
from .deadlines import find_deadlines
from .names import normalise_body

_LEAD_AFTER = re.compile(r"(?:^|[;.:]\s*|\s)(?:Giao|giao)\s+(?:cho\s+)?$|(?:^|[;.:(]\s*)[Dd]o\s+$")  # "Địa điểm: Do các huyện ủy bố trí"
# An organ given a power: "ủy quyền cho Ban Tổ chức Trung ương", "phân cấp thẩm quyền … cho Ủy ban nhân dân cấp xã"
# (not the staff a power is given to: "ủy quyền cho cán bộ, công chức tại Bộ phận Một cửa").
_EMPOWERED = re.compile(r"(?:^|\s)(?:[Ủủ]y quyền|[Ủủ]y nhiệm)\s+(?:cho\s+)?$|\b[Pp]hân cấp\b[^;.:]{0,200}?\scho\s+$")
_COORDINATE = re.compile(r"(?:[Pp]hối hợp(?:\s+chặt chẽ)?(?:\s+với)?|chủ trì(?:,)?\s+cùng(?:\s+với)?)\s+$")
_LEAD_VERB = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:chủ trì|tham mưu|là cơ quan thường trực|chịu trách nhiệm|có trách nhiệm)\b")
_ISSUES = re.compile(r"^\s*(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch|Chỉ thị|Hướng dẫn)")  # the preamble's issuer
# What may open a clause before its subject: a time or condition ("Hằng năm, …", "Định kỳ hằng quý
# các chi bộ …", "Sau mỗi đợt sinh hoạt, các đảng ủy …", "Cuối năm, cấp ủy …", "Căn cứ …, các …").
_OPENER = re.compile(
    r"(?:^|[;.:(]\s*)(?:(?:Định kỳ\s+)?(?:[Hh]ằng|[Hh]àng)\s+(?:năm|quý|tháng|tuần)|Định kỳ|(?:Cuối|Đầu|Giữa)\s+(?:năm|quý|tháng|kỳ)"
    r"(?:\s+\d{4})?|(?:Căn cứ|Trên cơ sở|Sau khi|Sau mỗi|Sau|Trước khi|Trong|Khi|Qua|Tùy)\b[^;.]*,|(?:Khi|Nếu|Trường hợp|Sau khi)\b[^;.]*\sthì)\s*,?\s*$",
    re.I,  # after ";" a clause opens in lower case: "…; cuối năm, cấp ủy đánh giá"
)
# A body named after these is the one being directed or asked, not the one acting (the subject is before).
# Capitalised only where a clause starts: elsewhere "Hướng dẫn số 28-HD/BTGTW" is a document's name.
_DIRECTED = re.compile(r"(?:(?:^|[;.:]\s*)(?:Chỉ đạo|Đề nghị|Yêu cầu|Hướng dẫn|Đôn đốc)|\b(?:chỉ đạo|đề nghị|yêu cầu|hướng dẫn|đôn đốc|(?:[Tt]ổ chức|[Tt]riển khai) cho))(?!\s+(?:số|của))\b[^;.:]*$")
_NOT_A_VERB = {"của", "về", "trong", "tại", "trên", "cho", "với", "ở", "và", "hoặc", "đối", "như", "nhất", "trực", "liên", "đã"}
# Bodies asked to act by an issuer the sentence leaves out: "…, yêu cầu Bộ Y tế, các nhà thầu … hoàn thành".
_ASKED = re.compile(r"(?:^|[\s;.:,])(?:[Yy]êu cầu|[Đđ]ề nghị)\s+$")
# The one who asks is not the one who acts: "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …", nor one who
# concludes or gives an opinion ("… có ý kiến chỉ đạo như sau:").
_ASKS = re.compile(
    r"\s*(?:yêu cầu|đề nghị|có ý kiến(?:\s+(?:chỉ đạo|kết luận))?\s+như sau|có ý kiến chỉ đạo|kết luận|chỉ đạo như sau|ủy quyền|ủy nhiệm|phân cấp|thông báo\s+(?:để|cho|ý kiến|kết luận)|trả lời\s+(?:để|cho)"
    r"|ban hành\s+(?:Nghị quyết|Quyết định|Nghị định|Thông tư))\b"
)  # "Văn phòng Chính phủ thông báo để Bộ … biết, thực hiện", "Cục … trả lời để Công ty biết": a closing, no duty
# The closing of a notice or a reply: "Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh … và các Bộ … biết, thực hiện./.".
_CLOSING = re.compile(r"[^;:]{0,120}?\s(?:thông báo|trả lời)\s+(?:để|cho)\s[^;:]{0,250}?\bbiết\b(?:\s*,\s*(?:thực hiện|phối hợp)[^;:]{0,40})?\W*$")
# An award quota after a list is no duty: "Công an tỉnh; Sở Tài chính mỗi đơn vị đề nghị không quá 02 tập thể".
_QUOTA = re.compile(r"\s*,?\s*mỗi\s+(?:đơn vị|cơ quan|địa phương|sở|ngành)\b[^;.]{0,30}?\b(?:không quá|tối đa)\b")
# What a body is or has, in a clause that founds it, is no duty: "Ban Quản lý có tư cách pháp nhân, có con dấu …".
_STATUS = re.compile(r"\s*(?:có tư cách pháp nhân|có con dấu|có tài khoản|được sử dụng con dấu|(?:bao )?gồm\b|là (?:cơ quan|đơn vị|tổ chức)\b(?! thường trực)|chịu sự (?:chỉ đạo|quản lý|lãnh đạo))")
# A problem met on the way is reported, not a duty: "nếu phát sinh khó khăn, vướng mắc, các cơ quan … gửi về Sở Tài chính".
_TROUBLE = re.compile(r"(?:[Nn]ếu|[Tt]rường hợp|[Kk]hi|[Qq]uá trình)\b[^.;]{0,100}?(?:vướng mắc|khó khăn)[^.;]*")
# A meeting that took place, as a notice of conclusions opens: "Ngày 29 tháng 10 năm 2026, Phó Chủ tịch UBND tỉnh
# … chủ trì cuộc họp về …": who chaired it is charged with nothing.
_MEETING_HELD = re.compile(
    r"(?:^|(?<=[.;]\s))Ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\s*/\s*\d{1,2}\s*/\s*\d{4})\s*,"
    r"(?=[^.;]*\b(?:cuộc họp|buổi làm việc|họp (?:với|về|nghe)|làm việc với|đã)\b)[^.;]*"
)
# Fields of a task: "Đơn vị chủ trì thực hiện: Sở Tư pháp.", "- Cơ quan phối hợp: Văn phòng Chính phủ, Bộ Tư pháp …".
_LEAD_FIELD = re.compile(r"(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện|được giao|chịu trách nhiệm)(?:\s+(?:tham mưu\s+)?thực hiện)?", re.I)
_COORD_FIELD = re.compile(r"(?:đơn vị|cơ quan)\s+phối hợp(?:\s+thực hiện)?", re.I)
_LEGAL_CLAUSE = re.compile(r"Điều\s+\d+")


# "… do Sở Tài chính thực hiện", "Thẻ đảng viên do Ban Tổ chức Trung ương in ấn": the agent of a task
# put in the passive. Not "do Bộ Tài chính ban hành" (who issued a document) nor "do ảnh hưởng …" (because).
_BY = re.compile(r"(?<![\wÀ-ỹ])do\s+$")
_BY_VERB = re.compile(r"\s+(?:trực tiếp\s+)?(?:chủ trì|thực hiện|quản lý|in ấn|phát hành|tổ chức|bố trí|đảm nhận|đảm nhiệm|theo dõi|hướng dẫn|tổng hợp|cấp)(?![\wÀ-ỹ])")


def _list_after(text: str, start: int, bodies: list[tuple[int, int, str]]) -> tuple[list[str], int]:
    """Bodies listed from ``start`` on, joined by commas, "và", "các"; and where the list ends.
    "Người đứng đầu chính quyền, Mặt trận Tổ quốc …" names the head of each body listed after it."""
    names, position = _plain_list_after(text, start, bodies)
    first_person = next((i for i, n in enumerate(names) if n.startswith(PERSON)), None)
    if first_person is not None:
        names = names[: first_person + 1] + [n if _is_person(n) else PERSON + _as_common_noun(n) for n in names[first_person + 1 :]]
    return names, position


def _is_person(name: str) -> bool:
    return name.startswith((PERSON, "Bí thư"))


def _as_common_noun(name: str) -> str:
    """"Tổ chức chính trị - xã hội" → "tổ chức …"; a proper name ("Mặt trận Tổ quốc") keeps its capital."""
    proper = any(word[:1].isupper() for word in name.split()[1:])
    return name if proper else name[:1].lower() + name[1:]


def _plain_list_after(text: str, start: int, bodies: list[tuple[int, int, str]]) -> tuple[list[str], int]:
    names: list[str] = []
    position = start
    for body_start, body_end, name in bodies:
        if body_start < start:
            continue
        gap = text[position:body_start]
        if names and not re.fullmatch(r"[\s,;]*(?:và|cùng|với|nhất là|đặc biệt là)?[\s,;]*(?:các\s+|mỗi\s+)?", gap):
            break
        if not names and gap.strip(" ,"):
            break
        names.append(name)
        position = body_end
    return names, position


def _label_list(label: str, bodies: list[tuple[int, int, str]]) -> list[str]:
    """An item opening with bodies separated by ";" before a colon: "Báo Lạng Sơn; Đài Phát thanh và
    Truyền hình tỉnh; các cơ quan báo chí …: Xây dựng …". Each part is a name as written, even one
    the name rules do not know, because the layout alone says it is the subject."""
    parts = [part.strip() for part in label.split(";")]
    if len(parts) < 2 or not bodies or bodies[0][0] != 0 or len(label) > 200:
        return []
    if any(not part or len(part.split()) > 12 or _LEAD_VERB.search(" " + part) for part in parts):
        return []
    return [normalise_body(part) for part in parts]


def split_named_list(text: str) -> list[str]:
    """A field or cell that holds only bodies, one name per body: "Sở Nội vụ, Sở Tư pháp; các cơ quan,
    đơn vị liên quan" → three names. A comma starts a new name only before a capitalised body's name or
    "các" ("Các Sở, ngành, đơn vị", "Cơ quan, địa phương liên quan" and "Sở Văn hóa, Thể thao và Du lịch"
    are one each), "và" only before "các" or a head."""
    names: list[str] = []
    for part in re.split(r"\s*;\s*|\s+và\s+(?=các\s|cơ quan|đơn vị|địa phương|" + NEW_BODY + ")", text.strip(" .;:")):
        for piece in re.split(r",\s+", part):
            starts_body = piece.startswith("các ") or piece[:1].isupper() and any(start == 0 for start, _, _ in bodies_in(piece))
            if names and names[-1] and not starts_body and not part.startswith(piece):
                names[-1] += ", " + piece
            else:
                names.append(piece)
    return [normalise_body(name) for name in names if name.strip(" .,")]


def _field_bodies(plain: str) -> tuple[list[str], list[str]] | None:
    """(lead, coordinating) of a task's field "Đơn vị chủ trì: …" / "Đơn vị phối hợp: …" that lists
    only bodies; None for any other passage, or a field written as a sentence ("Sở Nội vụ chủ trì, …")."""
    label, sep, rest = plain.partition(":")
    label = label.strip(" -+*")
    lead = _LEAD_FIELD.fullmatch(label)
    if not sep or not rest.strip() or len(rest) > 300 or not (lead or _COORD_FIELD.fullmatch(label)):
        return None
    if re.search(r"\b(?:chủ trì|phối hợp|tham mưu|chịu trách nhiệm)\b", rest):
        return None
    names = split_named_list(rest)
    return (names, []) if lead else ([], names)


_MINISTRY = (  # "Công Thương", "Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch"; not "… và Tập đoàn Điện lực"
    rf"(?!{NEW_BODY})(?:Văn hóa, Thể thao và Du lịch|Lao động - Thương binh và Xã hội|{NAME_WORD}(?:\s+{NAME_WORD})*(?:\s+và\s+(?!{NEW_BODY}){NAME_WORD}(?:\s+{NAME_WORD})*)?)"
)  # "Công Thương", "Nông nghiệp và Môi trường"
_NAMED_AFTER_COLON = re.compile(rf"\b(?:[Cc]ác\s+)?(Bộ|Sở)(?:,\s+(?:cơ quan|ngành))?\s*:\s*({_MINISTRY}(?:,\s+{_MINISTRY})*)")


def _spell_out_ministries(plain: str) -> str:
    """"Các Bộ: Tài chính, Y tế, Tư pháp khẩn trương …" → "Bộ Tài chính, Bộ Y tế, Bộ Tư pháp khẩn trương …"."""
    return _NAMED_AFTER_COLON.sub(lambda m: ", ".join(f"{m.group(1)} {name}" for name in re.findall(_MINISTRY, m.group(2))), plain)


def _plain_item(text: str) -> str:
    plain = re.sub(r"\s+", " ", unify_tone_marks(strip_markdown(text))).strip()
    plain = re.sub(r"\b([Cc]ác\s+)?chi,\s+đảng bộ", r"\1chi bộ, đảng bộ", plain)  # "các chi, đảng bộ" is elliptic
    plain = _spell_out_ministries(re.sub(r"^[-+•]\s*", "", plain))
    return re.sub(r"^(?:(?:[a-zđ]|\d+(?:\.\d+)*)[.)]|\(\d+\)|\([a-zđ]\))\s*", "", plain)


def _is_subject(text: str, names: list[str], end: int) -> bool:
    """Bodies opening a clause are its subject when a verb follows: "Các huyện ủy … xây dựng …"."""
    tail = text[end:].lstrip(" ,")
    if tail.startswith(":"):
        return True
    first = tail.split(" ", 1)[0] if tail else ""
    verb = first not in _NOT_A_VERB or tail.startswith("trực tiếp") and not tail.startswith("trực tiếp là")  # "trực thuộc" continues a name
    return bool(names) and first[:1].islower() and verb


def find_bodies(text: str, section_path: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(lead, coordinating) bodies of a passage, inheriting the lead from its headings."""
    plain = _plain_item(text)
    if _CLOSING.match(plain):
        return [], []
    if re.match(r"(?:Căn cứ\s+(?:Luật|Hiến pháp|Nghị định|Nghị quyết|Quyết định|Thông tư|Pháp lệnh)|Xét\s+(?:Tờ trình|đề nghị|đề xuất|báo cáo))\b", plain):
        return [], []  # a legal basis: the bodies that issued, proposed or examined texts, none charged here
    if fields := _field_bodies(plain):
        return fields
    bodies = bodies_in(plain)
    legal = any(_LEGAL_CLAUSE.match(heading) for heading in section_path)
    lead: list[str] = []
    coordinating: list[str] = []
    label, sep, rest = plain.partition(":")
    if sep and label.lower().startswith(("cơ quan thực hiện", "cơ quan chủ trì")):
        lead += _list_after(plain, len(plain) - len(rest.lstrip()), bodies)[0]
    elif sep and rest.strip():
        lead += _label_list(label, bodies)
    subject_end = -1  # where the last subject list taken ends: an opener gives a clause one subject
    coordinated_until = -1  # a body listed after "phối hợp" is coordinating, whatever verb follows the list
    troubles = [m.span() for m in (*_TROUBLE.finditer(plain), *_MEETING_HELD.finditer(plain))]
    cooperating: list[str] = []  # asked to cooperate ("đề nghị X phối hợp tuyên truyền"), with no partner named
    for start, end, name in bodies:
        if start < coordinated_until or any(a <= start < b for a, b in troubles):
            continue
        before, after = plain[:start], plain[end:]
        # "Căn cứ …, các chi, đảng bộ lựa chọn hình thức phù hợp cán bộ, đảng viên …": the opener's
        # comma is not every later comma, so after a subject the clause needs a real separator.
        # Nor is a comma after a predicate ("Trong sinh hoạt …, sinh hoạt chuyên đề cần quán triệt …
        # trong cán bộ, đảng viên"): a modal verb means the clause has begun.
        opener = _OPENER.search(before)
        opened = (
            opener
            and not re.search(r"\b(?:cần|phải|sẽ|đã)\b", opener.group(0))
            and not (subject_end >= 0 and not re.search(r"[;.:(]", plain[subject_end:start]))
        )
        # "… kết nối với cơ sở dữ liệu quốc gia - Sở Khoa học và Công nghệ thực hiện": a dash before the body that does it
        clause_start = start == 0 or re.search(r"(?:[;.:(]|\s[-–])\s*$", before) or opened
        names, list_end = _list_after(plain, start, bodies)  # this body and those listed with it
        if clause_start and re.match(r"\s+phối hợp\s*[;)]", plain[list_end:]):  # "(Sở X chủ trì; Sở Y, Sở Z phối hợp; …)"
            coordinating += names
            coordinated_until = list_end
        elif _COORDINATE.search(before):
            coordinating += names
            coordinated_until = list_end
        elif _LEAD_AFTER.search(before) or (_BY.search(before) and _BY_VERB.match(plain[list_end:])):
            lead += names
        elif _EMPOWERED.search(before):
            lead += [n for n in names if is_organ(n)]
        elif _LEAD_VERB.match(after) or (
            _ISSUES.match(after) and not re.search(r"(?:cho|giúp|với|tham mưu)\s+$", before) and not _DIRECTED.search(before)
        ):
            lead.append(name)
            subject_end = max(subject_end, end)
        elif _ASKED.search(before) and _is_subject(plain, names, list_end) and not re.match(r"\s*,?\s*phối hợp\b", plain[list_end:]):
            lead += names
            subject_end = max(subject_end, list_end)
        elif (
            clause_start
            # "Cán bộ cơ sở tham gia bồi dưỡng …" in a decree: people a rule binds, no lead body; but an organ
            # a clause empowers is ("2. Ủy ban nhân dân cấp xã quyết định tiêu chuẩn …").
            and not (legal and not all(is_organ(n) for n in names))
            # "Trường hợp …, thì công chức hải quan thực hiện …": after a condition, only an organ is a lead.
            and not (opened and opener.group(0).rstrip(" ,").endswith("thì") and not all(is_organ(n) for n in names))
            and not _DIRECTED.search(before)
            and not _ASKS.match(plain[list_end:])
            and not _QUOTA.match(plain[list_end:])
            and not _STATUS.match(plain[list_end:])
            and _is_subject(plain, names, list_end)
        ):
            # A person answers for a duty only when told to direct or answer for it: "bí thư
            # cấp ủy … chỉ đạo", not "… gương mẫu thực hiện trước" or "… làm báo cáo viên".
            directs = PERSON_DUTY.match(plain[list_end:])
            lead += [n for n in names if directs or not _is_person(n)]
            subject_end = max(subject_end, list_end)
        elif re.match(r"\s+phối hợp\s+(?!với\b)", plain[list_end:]):
            coordinating += names  # "đề nghị các cơ quan báo chí … phối hợp tuyên truyền"
            if _ASKED.search(before):  # not "Chỉ đạo Sở Y tế phối hợp …": the one who directs leads
                cooperating += names
    # A closing ("Trên đây là Kế hoạch …") or a problem to report charges no one, not even the heading's body.
    if not lead and not _inherits_nothing(plain):
        lead = _inherited_lead(section_path)
    if not lead and cooperating:  # "4. Đề nghị Hội Nông dân tỉnh, Tỉnh đoàn phối hợp tư vấn …": no one else does it, they lead
        lead, coordinating = cooperating, [c for c in coordinating if c not in cooperating]
    lead = list(dict.fromkeys(lead))
    coordinating = [c for c in dict.fromkeys(coordinating) if c not in lead]
    return lead, coordinating


def is_closing(text: str) -> bool:
    """Whether a passage is a closing that charges no one, not even the body its heading names: a notice's
    or reply's ("… thông báo để … biết, thực hiện./."), a plan's ("Trên đây là Kế hoạch …"), or what to do
    with problems met ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, … phản ánh về Sở …")."""
    return _inherits_nothing(_plain_item(text))


def _inherits_nothing(plain: str) -> bool:
    trouble = _TROUBLE.search(plain)
    opens_with_trouble = trouble is not None and not re.search(r"[.;!?]", plain[: trouble.start()])  # its first sentence
    return bool(_CLOSING.match(plain) or plain.startswith("Trên đây là") or opens_with_trouble)


def opens_with_body(text: str) -> bool:
    """Whether an item starts by naming a body ("4. Báo Lạng Sơn; …:", "Giao Ban Tuyên giáo …"): its
    sub-items then are that body's duties. ("2.1. Nội dung: Căn cứ …, Ban Thường vụ …" is not.)"""
    plain = re.sub(r"^(?:Giao|Đối với|Đề nghị|Yêu cầu)\s+", "", _plain_item(text))
    bodies = bodies_in(plain)
    return bool(bodies) and bodies[0][0] == 0


_ASSIGNING = re.compile(r"TỔ CHỨC THỰC HIỆN|[Tt]ổ chức thực hiện|PHÂN CÔNG|[Pp]hân công|TRÁCH NHIỆM|[Tt]rách nhiệm|PHÂN CẤP|[Pp]hân cấp|ỦY QUYỀN|[Ủủ]y quyền")


def _inherited_lead(section_path: tuple[str, ...]) -> list[str]:
    """A heading that assigns a body ("4. Giao Ban Tuyên giáo Tỉnh ủy", "a. Ban Tuyên giáo Thị ủy",
    a decree's "Điều 12. Trách nhiệm của Bộ Tài chính")."""
    for depth in range(len(section_path) - 1, -1, -1):
        heading = section_path[depth]
        text = re.sub(r"^\W*(?:Điều\s+\d+[a-zđ]?|[IVXL]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)\-–]\s*", "", _plain_item(heading)).strip()
        text = re.sub(r"^(?:Giao|Đối với|Đề nghị|Yêu cầu|Trách nhiệm của|Nhiệm vụ của|[ỦU]y quyền(?: cho)?|Phân cấp(?: cho)?)\s+", "", text)
        bodies = bodies_in(text)
        if bodies and bodies[0][0] == 0:
            names, end = _list_after(text, 0, bodies)
            # "5. Bộ trưởng Bộ Tài chính chủ trì:", "1. Sở Nội vụ (Cơ quan thường trực …):"
            rest = re.sub(r"\([^)]*\)?|^\s*(?:chủ trì|có trách nhiệm|chịu trách nhiệm)\b", "", text[end:])
            # "III. Cục Hải quan TP.Hồ Chí Minh hướng dẫn Chi cục …": a heading that is a duty's sentence
            if re.match(r"\s*(?:hướng dẫn|chỉ đạo|triển khai|tổ chức thực hiện|thực hiện)\s", rest):
                return names
            if len(rest.strip(" :…")) < 3 or heading.endswith("…") and re.fullmatch(r"\W*(?:các\s+)?\w+…", rest):  # a path's heading cut short
                return names
            if re.fullmatch(r"\s*(?:có(?!\s+liên quan)|thuộc|nơi có|trên địa bàn)\s+[^:;,.]{1,40}:\s*", rest):  # "2. Ủy ban nhân dân các xã, phường có cụm công nghiệp:"
                return names
            # A name the name rules stop short in: "Tổng Cục Quản lý ruộng đất có trách nhiệm:", or a bare
            # heading of the section that assigns the work ("III. TỔ CHỨC THỰC HIỆN" › "1. Vụ Các vấn đề chung về …").
            duty = re.fullmatch(r"(.+?)\s+(?:có trách nhiệm|chịu trách nhiệm|chủ trì|thực hiện)\s*:?", text.strip())
            assigns = depth and _ASSIGNING.search(section_path[depth - 1]) and not re.search(r"[:;,(]", text)
            whole = duty.group(1) if duty else text.strip() if assigns else ""
            if whole and len(whole.split()) <= 16 and not re.search(r"[:;]", whole):  # "Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân thành phố"
                return [normalise_body(whole)]
    return []


def extract_facts(text: str, section_path: tuple[str, ...] = (), *, year: int | None = None) -> Facts:
    """Bodies, deadlines and cited documents of one passage; ``year`` is the plan's own year."""
    lead, coordinating = find_bodies(text, section_path)
    return Facts(tuple(lead), tuple(coordinating), tuple(find_deadlines(text, plan_year=year)), tuple(find_citations(text)))


def plan_year(title: str, date: str, texts: list[str]) -> int | None:
    """The year a plan is for: its date, else "năm 2022" in its title, else the commonest year in it."""
    if date:
        return int(date[:4])
    if match := re.search(r"năm\s+(\d{4})", title):
        return int(match.group(1))
    years = re.findall(r"\b(20\d\d)\b", " ".join(texts))
    return int(max(set(years), key=years.count)) if years else None
