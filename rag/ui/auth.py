"""Sign-in for the web app: the page at ``/dang-nhap``, the session cookie, bearer tokens, and the
answers 401 / 403 / 429 of the JSON routes. The decisions are ``rag.access.guard.Guard``'s.

Our own page rather than Gradio's ``auth=``: Gradio 6 keeps its sign-ins in a dict that never
expires, hands the check no request (no address for the log), answers every failure with the same
400, and cannot be combined with ``auth_dependency`` — which is what lets one session cookie or one
bearer token open both our routes and Gradio's (``gradio_client`` included).
"""

from __future__ import annotations

import html
import math
from urllib.parse import parse_qs, quote

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from ..access.guard import Guard
from ..access.roles import ACTION_LABELS, Principal

SESSION_COOKIE = "rag_session"
SIGN_IN = "/dang-nhap"
SIGN_OUT = "/dang-xuat"


def bearer_of(request: Request) -> str | None:
    """The token of ``Authorization: Bearer …``; None without that header (another scheme counts as none)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def principal_of(guard: Guard, request: Request) -> Principal | None:
    return guard.identify(request.cookies.get(SESSION_COOKIE), bearer_of(request))


def client_of(request: Request) -> str | None:
    return request.client.host if request.client else None


def require(guard: Guard, request: Request, action: str) -> Principal | JSONResponse:
    """The principal allowed to take ``action``, or the JSON answer that refuses it (and is logged)."""
    principal = principal_of(guard, request)
    if principal is None:
        guard.refused(None, action, ip=client_of(request), path=request.url.path)
        text = "Cần đăng nhập: gửi kèm mã truy cập (Authorization: Bearer …, tạo bằng 'rag token create') hoặc đăng nhập ở trang " + SIGN_IN
        if bearer_of(request) is not None:
            text = "Mã truy cập không đúng hoặc đã bị thu hồi. Xin quản trị viên một mã mới ('rag token create')."
        return JSONResponse({"error": text}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
    if not principal.may(action):
        guard.refused(principal, action, ip=client_of(request), path=request.url.path)
        text = f"Vai trò {principal.role.label} không được {ACTION_LABELS.get(action, action)}. Hãy nhờ quản trị viên cấp quyền."
        return JSONResponse({"error": text}, status_code=403)
    return principal


def gradio_user(guard: Guard):
    """Gradio's ``auth_dependency``: the principal's id, which handlers read back as ``request.username``."""

    def user(request: Request) -> str | None:
        principal = principal_of(guard, request)
        return principal.id if principal else None

    return user


class SignInFirst:
    """Send a browser that opens the page without a session to the sign-in page, instead of
    Gradio's bare 401 (which a person cannot act on)."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app, self.guard = app, guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and scope["path"] == "/" and not self.guard.open:
            if principal_of(self.guard, Request(scope)) is None:
                await RedirectResponse(SIGN_IN, status_code=303)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def install(server: FastAPI, guard: Guard) -> None:
    """The sign-in and sign-out routes, and the redirect of the bare page; nothing when the app is open."""
    if guard.open:
        return
    server.add_middleware(SignInFirst, guard=guard)

    @server.get(SIGN_IN, response_class=HTMLResponse, include_in_schema=False)
    def sign_in_page(next: str = "/") -> HTMLResponse:
        return HTMLResponse(render_sign_in("", "", _safe_next(next)))

    @server.post(SIGN_IN, include_in_schema=False)
    async def sign_in(request: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        name, target = form.get("name", "").strip(), _safe_next(form.get("next", "/"))
        outcome = guard.sign_in(name, form.get("password", ""), ip=client_of(request))
        if outcome.principal is None:
            if outcome.wait > 0:
                seconds = math.ceil(outcome.wait)
                text = f"Tên “{name}” đã đăng nhập sai nhiều lần liên tiếp. Hãy thử lại sau {seconds} giây."
                return HTMLResponse(render_sign_in(text, name, target), status_code=429, headers={"Retry-After": str(seconds)})
            return HTMLResponse(render_sign_in("Tên đăng nhập hoặc mật khẩu không đúng.", name, target), status_code=401)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            SESSION_COOKIE, outcome.session or "", max_age=int(guard.sessions.seconds), httponly=True, samesite="lax",
            secure=request.url.scheme == "https", path="/",
        )
        return response

    @server.get(SIGN_OUT, include_in_schema=False)
    def sign_out(request: Request) -> RedirectResponse:
        guard.sign_out(request.cookies.get(SESSION_COOKIE), ip=client_of(request))
        response = RedirectResponse(SIGN_IN, status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response


def _safe_next(target: str) -> str:
    """Only a path of this site: a link to the sign-in page must not send anyone elsewhere afterwards."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


def render_sign_in(error: str, name: str, target: str) -> str:
    message = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    return _PAGE.format(message=message, name=html.escape(name, quote=True), next=html.escape(quote(target, safe="/?=&"), quote=True))


_PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — Tra cứu văn bản chỉ đạo</title>
<style>
 body {{ font-family: "DejaVu Sans", system-ui, sans-serif; background: #f4f5f7; margin: 0; color: #1f2933; }}
 main {{ max-width: 380px; margin: 12vh auto; background: #fff; padding: 28px 32px; border-radius: 10px;
        box-shadow: 0 2px 12px rgba(0,0,0,.08); }}
 h1 {{ font-size: 1.3rem; margin: 0 0 4px; }} p.lead {{ margin: 0 0 20px; color: #52606d; font-size: .95rem; }}
 label {{ display: block; margin: 14px 0 4px; font-weight: 600; }}
 input {{ width: 100%; box-sizing: border-box; padding: 9px 10px; font-size: 1rem; border: 1px solid #cbd2d9; border-radius: 6px; }}
 button {{ margin-top: 20px; width: 100%; padding: 10px; font-size: 1rem; background: #1d4ed8; color: #fff; border: 0;
          border-radius: 6px; cursor: pointer; }}
 .error {{ background: #fde8e8; color: #9b1c1c; padding: 9px 12px; border-radius: 6px; }}
 .note {{ margin-top: 18px; font-size: .85rem; color: #616e7c; }}
</style></head>
<body><main>
<h1>Tra cứu văn bản chỉ đạo</h1>
<p class="lead">Đăng nhập để tìm kiếm và xem văn bản.</p>
{message}
<form method="post" action="/dang-nhap" id="sign-in">
 <input type="hidden" name="next" value="{next}">
 <label for="name">Tên đăng nhập</label>
 <input id="name" name="name" value="{name}" autocomplete="username" required autofocus>
 <label for="password">Mật khẩu</label>
 <input id="password" name="password" type="password" autocomplete="current-password" required>
 <button type="submit">Đăng nhập</button>
</form>
<p class="note">Chưa có tài khoản? Hãy nhờ quản trị viên tạo (<code>rag user add</code>).</p>
</main></body></html>
"""
