"""What the page says about an upload: each refused file with the reason in plain Vietnamese and
what to do, the files taken with their passages, the stages of the rebuild."""

from __future__ import annotations

import re
from collections import Counter

from ..documents.reader import MAX_FILE_BYTES, READERS
from ..errors import DocumentReadError
from ..ingest import DuplicateDocumentError, NameTakenError
from ..records import Rejection
from ..search.facade import SearchIndex
from .views import message

_SUPPORTED = ", ".join(sorted(READERS))
READ_PROBLEMS = {  # DocumentReadError.reason → what to tell the user; {detail} is the engine's own message
    "empty": "tệp trống, không có nội dung.",
    "binary": "đây là tệp nhị phân (ảnh, chương trình…), không phải văn bản. Hãy lưu văn bản thành .txt (UTF-8).",
    "encoding": "tệp không ở bảng mã UTF-8/UTF-16. Hãy lưu lại với bảng mã UTF-8 rồi thêm lại.",
    "legacy": "văn bản dùng bảng mã cũ (TCVN3/ABC, VNI) không chuyển được. Hãy chuyển sang Unicode (vd. công cụ chuyển mã của UniKey).",
    "format": "loại tệp không được hỗ trợ, hoặc nội dung tệp không đúng với đuôi tên (vd. tệp .doc cũ, RTF đổi tên thành .docx). "
    f"Chỉ nhận các loại tệp {_SUPPORTED}; hãy mở tệp và lưu lại đúng định dạng.",
    "too-large": f"tệp lớn hơn giới hạn {MAX_FILE_BYTES // 2**20} MB. Hãy tách thành các văn bản nhỏ hơn.",
    "no-text": "tệp PDF không có lớp chữ (bản quét hoặc ảnh); chưa hỗ trợ nhận dạng chữ (OCR). "
    "Hãy thêm bản PDF xuất từ văn bản gốc, hoặc tệp .docx.",
    "damaged": "tệp bị hỏng hoặc không trọn vẹn (vd. tải về bị ngắt giữa chừng). Hãy tải hoặc xuất lại tệp rồi thêm lại.",
    "protected": "tệp PDF được đặt mật khẩu. Hãy gỡ mật khẩu rồi thêm lại.",
    "no-passages": "không tìm thấy đoạn văn nào trong tệp.",
    "unreadable": "không đọc được tệp ({detail})",
}
STAGES = {"model": "Nạp mô hình mã hóa", "check": "Kiểm tra tệp", "copy": "Chép vào kho văn bản", "read": "Đọc các văn bản", "tokenise": "Tách từ", "embed": "Mã hóa đoạn văn mới", "dense index": "Xây chỉ mục vectơ"}


def upload_error(name: str, err: Exception) -> str:
    if isinstance(err, DocumentReadError):
        detail = str(err).replace(f"'{err.path}'", f"“{name}”")  # the upload's temporary path means nothing to the user
        problem = READ_PROBLEMS.get(err.reason, READ_PROBLEMS["unreadable"])  # an unknown code: the engine's words
        return f"Không thêm được “{name}”: {problem.replace('{detail}', detail)}"
    if isinstance(err, DuplicateDocumentError):
        return f"“{name}” đã có trong kho" + ("" if err.existing == name else f" với tên “{err.existing}”") + " (cùng nội dung). Không thêm lại."
    if isinstance(err, NameTakenError):
        return f"Kho đã có một văn bản khác tên “{name}”. Hãy đổi tên tệp, hoặc đánh dấu “Thay thế văn bản cùng tên”."
    return f"Không thêm được “{name}”: {err} Kho văn bản và chỉ mục vẫn giữ nguyên như trước."


def refusal_text(refused: Rejection) -> str:
    """Why one file of an upload was not taken, in the words ``upload_error`` uses for one file."""
    name = refused.file
    if refused.reason == "duplicate":
        return f"“{name}” đã có trong kho (cùng nội dung). Không thêm lại."
    if refused.reason == "name-taken":
        return f"Kho đã có một văn bản khác tên “{name}”. Hãy đổi tên tệp, hoặc đánh dấu “Thay thế văn bản cùng tên”."
    detail = re.sub(r"'[^']*" + re.escape(name) + "'", f"“{name}”", refused.message)  # the upload's temporary path means nothing here
    problem = READ_PROBLEMS.get(refused.reason, READ_PROBLEMS["unreadable"])
    return f"Không thêm được “{name}”: {problem.replace('{detail}', detail)}"


def upload_outcome(index: SearchIndex | None, taken: list[str], refused: list[Rejection]) -> str:
    """The files an upload took (with their passages) and those it refused, each with its reason."""
    shown = []
    if index is not None and taken:
        counts = Counter(p.doc_id for p in index.passages)
        files = ", ".join(f"“{name}” ({counts[name]} đoạn văn)" for name in taken)
        shown.append(message(f"Đã thêm {files} và cập nhật chỉ mục. Có thể tìm ngay ở thẻ “Tra cứu”.", "ok"))
    elif len(refused) > 1:  # one refused file says so itself
        shown.append(message("Không thêm được tệp nào: kho văn bản và chỉ mục vẫn giữ nguyên như trước.", "error"))
    shown += [message(refusal_text(r), "error") for r in refused]
    return "".join(shown)
