"""Đăng nhập: for a read-only visitor of a public wall screen who wants to sign in."""

from dashboard import signin, web

signin.form(web.context())
