"""The audit log as the admin's tab shows it: newest first, one row per entry, every value escaped."""

from __future__ import annotations

import html
from typing import Any

from . import views

EVENTS = {
    "add": "thêm văn bản", "replace": "thay văn bản", "remove": "xóa văn bản", "signin": "đăng nhập",
    "signin-failed": "đăng nhập sai", "signin-delayed": "đăng nhập bị hoãn", "signout": "đăng xuất",
    "refused": "bị từ chối", "limited": "vượt giới hạn", "user-add": "thêm tài khoản", "user-remove": "xóa tài khoản",
    "user-passwd": "đổi mật khẩu", "token-create": "tạo mã truy cập", "token-revoke": "thu hồi mã truy cập",
    "backup": "sao lưu", "restore": "phục hồi",
}
SHOWN = 200


def render_audit(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return views.message("Nhật ký chưa có mục nào.")
    body = []
    for row in reversed(rows[-SHOWN:]):
        rest = ", ".join(f"{k}: {v}" for k, v in row.items() if k not in ("time", "event", "user"))
        cells = (row.get("time", ""), EVENTS.get(row.get("event", ""), row.get("event", "")), row.get("user", ""), rest)
        body.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    head = "<tr><th>Thời gian (UTC)</th><th>Việc</th><th>Ai</th><th>Chi tiết</th></tr>"
    return f'<table class="audit"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
