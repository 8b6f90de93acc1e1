"""Roles and the actions each may take. One table, so the page, the JSON routes and the CLI agree."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Role(str, Enum):
    READER = "reader"
    EDITOR = "editor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The role as a user of the page reads it."""
        return {"reader": "người đọc", "editor": "biên tập viên", "admin": "quản trị viên"}[self.value]


_RANK = {Role.READER: 0, Role.EDITOR: 1, Role.ADMIN: 2}

# The lowest role that may take each action; every higher role may too.
ACTIONS: dict[str, Role] = {
    "search": Role.READER,
    "view": Role.READER,
    "export": Role.READER,
    "upload": Role.EDITOR,
    "remove": Role.EDITOR,
    "users": Role.ADMIN,
    "audit": Role.ADMIN,
}

ACTION_LABELS = {
    "search": "tìm kiếm",
    "view": "xem văn bản",
    "export": "tải kết quả",
    "upload": "thêm hoặc thay văn bản",
    "remove": "xóa văn bản",
    "users": "quản lý tài khoản",
    "audit": "xem nhật ký",
}


def allows(role: Role, action: str) -> bool:
    """Whether ``role`` may take ``action``; an unknown action is refused, not guessed."""
    needed = ACTIONS.get(action)
    return needed is not None and _RANK[role] >= _RANK[needed]


@dataclass(frozen=True)
class Principal:
    """Who makes a request: a signed-in user, or a tool with a token (``id`` is ``token:NAME``)."""

    id: str
    name: str
    role: Role
    kind: str  # "user" | "token" | "open" (the app was started with --no-auth, or on localhost without accounts)

    def may(self, action: str) -> bool:
        return allows(self.role, action)


# Everyone, when there is no sign-in: today's behaviour on localhost, or --no-auth.
OPEN = Principal(id="open", name="(không đăng nhập)", role=Role.ADMIN, kind="open")
