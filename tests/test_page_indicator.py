"""The indicator page: bars by achievement, the indicator over time, the table behind."""

from pages import charts, open_app, texts, title_of


def test_public_services_in_the_mountains(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "indicator", cum="MIENNUI", chi_tieu="DVC_MUC34")
    assert at.title[0].value == "Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 (toàn trình, một phần)"
    assert "Nghị định 42/2022/NĐ-CP" in texts(at)
    labels = {m.label: m.value for m in at.metric}
    assert labels["Kế hoạch năm"] == "95,0 %"
    assert any(
        "Chậm tiến độ" in m.value or "Nguy cơ" in m.value
        for m in at.markdown
        if "status-card" in m.value
    )
    (bars, bar_data), (series, series_data) = charts(at)
    assert title_of(bars) == "DVC mức độ 3, 4 — Cụm thi đua miền núi — 6 tháng đầu năm 2022"
    assert len(bar_data) == 9
    assert [layer["mark"]["type"] for layer in bars["layer"]] == ["bar", "tick", "rule"]
    worst_three = bar_data.sort_values("achievement_pct")["Đơn vị"].head(3).tolist()
    names = set(series_data["name"])
    assert "Cụm thi đua miền núi" in names and set(worst_three) <= names
    assert series_data["month"].max() == 6
    table = at.dataframe[0].value
    assert len(table) == 9 and table.iloc[0]["Đạt kế hoạch"] >= table.iloc[-1]["Đạt kế hoạch"]
    assert table.iloc[0]["Kế hoạch"] == "95,0 %"


def test_chosen_units_follow_the_multiselect(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "indicator", chi_tieu="CNS_TO")
    at.multiselect(key="series_units").set_value(["HOIAN"]).run()
    assert not at.exception
    _, series_data = charts(at)[1]
    assert set(series_data["name"]) == {"Toàn tỉnh", "Hội An"}


def test_table_downloads_as_csv_and_excel(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "indicator", chi_tieu="TT_CHUONGTRINH")
    buttons = {b.key: b.proto.label for b in at.get("download_button")}
    assert buttons == {
        "bars_png": "Ảnh PNG",
        "series_png": "Ảnh PNG",
        "table_csv": "CSV",
        "table_xlsx": "Excel",
    }


def test_indicator_from_the_link_survives_page_changes(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "indicator", chi_tieu="VB_KYSO", ky="2022-Q1")
    assert "văn bản" in at.title[0].value
    at.switch_page("../pages/overview.py").run()
    assert at.title[0].value.endswith("Quý I/2022")
    at.switch_page("../pages/indicator.py").run()
    assert "ký số" in at.title[0].value
