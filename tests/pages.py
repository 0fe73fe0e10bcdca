"""Helpers for AppTest: open the app on a database, at a page, with URL parameters; read charts
back as their Vega-Lite spec and data."""

import json
import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
from streamlit.testing.v1 import AppTest

from dashboard.accounts import Actor

ENTRY = str(Path(__file__).resolve().parent.parent / "dashboard" / "entrypoint" / "app.py")
PAGES = {
    name: f"../pages/{name}.py"
    for name in (
        "overview",
        "indicator",
        "unit",
        "upload",
        "catalogue",
        "targets",
        "accounts",
        "audit",
        "sign_in",
    )
}


ADMIN = Actor("sotttt", "admin", None, "Sở TT&TT")


def open_app(
    db: str, monkeypatch, page: str | None = None, actor: Actor | None = ADMIN, **params: str
) -> AppTest:
    """The app on `db` for a signed-in `actor` (None: nobody), run once, switched to `page`
    (run again), with query parameters."""
    monkeypatch.setenv("CDS_DB", db)
    at = AppTest.from_file(ENTRY, default_timeout=90)
    if actor is not None:
        at.session_state["actor"] = actor
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page is not None and page != "overview":
        at.switch_page(PAGES[page]).run()
    assert not at.exception, at.exception
    return at


def charts(at: AppTest) -> list[tuple[dict, pd.DataFrame]]:
    """Every Altair chart on the page: its spec and the rows of its (first) dataset."""
    out = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        frames = [
            pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in element.proto.datasets
        ]
        out.append((spec, frames[0] if frames else pd.DataFrame()))
    return out


def title_of(spec: dict) -> str:
    """A chart's title as a wide screen shows it, on one line (charts.title_text)."""
    text = spec["title"]["text"]
    if isinstance(text, str):
        return text
    return json.loads(re.match(r'width >= \d+ \? ("(?:[^"\\]|\\.)*")', text["expr"]).group(1))


def texts(at: AppTest) -> str:
    """All titles, headers, captions and markdown of the page, as one text."""
    parts = [
        e.value
        for kind in ("title", "subheader", "caption", "markdown", "info", "success", "error")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def problems_shown(at: AppTest) -> pd.DataFrame:
    """The page's table of problems, each cell as the page's Markdown source holds it."""
    return next(t.value for t in at.table if "Cách sửa" in t.value.columns)
