"""The dashboard through Streamlit's AppTest: the progress page on the demo and on nothing."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from builders import commit_figures
from dashboard import status
from dashboard.store import open_store

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "entrypoint" / "app.py")


def app(db: str, monkeypatch) -> AppTest:
    monkeypatch.setenv("CDS_DB", db)
    return AppTest.from_file(APP, default_timeout=60)


def test_progress_page_on_the_demo(demo_db, monkeypatch):
    at = app(demo_db, monkeypatch).run()
    assert not at.exception
    assert at.title[0].value == "Tiến độ thực hiện kế hoạch — 6 tháng đầu năm 2022"
    captions = " ".join(c.value for c in at.caption)
    assert "Dữ liệu mẫu" in captions
    assert "Số liệu cập nhật đến " in captions and "Nguồn: báo cáo của các đơn vị" in captions
    table = at.dataframe[0].value
    assert len(table) == 18
    assert "Hội An" in table.index and "Tây Giang" in table.index
    assert table.loc["Tây Giang", "Chỉ số hài lòng"] == "–"  # never reported
    assert table.map(lambda v: v.endswith(" %") or v == "–").all().all()
    legend = " ".join(m.value for m in at.markdown)
    for code in ("done", "on_track", "behind", "at_risk", "no_data"):
        assert status.LABELS[code] in legend and status.COLOURS[code] in legend


def test_filters_change_the_view(demo_db, monkeypatch):
    at = app(demo_db, monkeypatch).run()
    at.sidebar.selectbox(key="cluster").set_value("MIENNUI").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 9
    at.sidebar.selectbox(key="period_kind").set_value("quarter").run()
    assert "Quý" in at.title[0].value
    assert not at.exception


def test_an_upload_shows_on_the_next_run(demo_db, monkeypatch):
    at = app(demo_db, monkeypatch).run()
    before = at.dataframe[0].value.loc["Tây Giang", "Chỉ số hài lòng"]
    commit_figures(open_store(demo_db), [("TAYGIANG", "HL_HAILONG", "2022-Q2", 85.0)])
    at.run()
    after = at.dataframe[0].value.loc["Tây Giang", "Chỉ số hài lòng"]
    assert (before, after) == ("–", "100,0 %")


def test_empty_database_says_how_to_load(db_path, monkeypatch):
    open_store(db_path)
    at = app(db_path, monkeypatch).run()
    assert not at.exception
    assert "cds init --demo" in at.info[0].value
