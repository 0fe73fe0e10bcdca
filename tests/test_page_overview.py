"""The overview page: cards, heatmap, ranking and missing reports, filters and the URL."""

from datetime import date

import pytest
from pages import charts, open_app, texts, title_of

from builders import catalogue, commit_figures, commit_targets
from dashboard import status
from dashboard.store import open_store


def test_opens_on_the_six_months_to_june_2022(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch)
    assert at.title[0].value == "Tiến độ chuyển đổi số — Toàn tỉnh — 6 tháng đầu năm 2022"
    assert "Dữ liệu mẫu" in texts(at)
    assert at.query_params["ky"] == "2022-H1"
    assert len(at.metric) == 7  # one card per indicator group
    labels = [m.label for m in at.metric]
    assert labels[0] == "Thủ tục hành chính"
    assert all(m.value.endswith(" %") and "," in m.value for m in at.metric)
    assert "so với cùng kỳ năm trước" in texts(at)

    ((spec, data),) = charts(at)
    assert title_of(spec) == "Mức đạt kế hoạch theo đơn vị — Toàn tỉnh — 6 tháng đầu năm 2022"
    updated, source = spec["title"]["subtitle"]  # two lines, so that a phone shows both
    assert updated.startswith("Số liệu cập nhật đến 08/07/2022")
    assert source == "Nguồn: báo cáo của các đơn vị"
    assert len(data) == 18 * 10
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"][:5] == [
        "Hoàn thành",
        "Đúng tiến độ",
        "Chậm tiến độ",
        "Nguy cơ không đạt",
        "Chưa báo cáo",
    ]
    assert colour["range"][:5] == [status.COLOURS[c] for c in status.ORDER[:5]]
    cell = data[(data["Đơn vị"] == "Tây Giang") & (data["indicator_code"] == "HL_HAILONG")]
    assert cell["Đánh giá"].item() == "Chưa báo cáo" and cell["Số %"].item() == "–"

    ranking, missing = at.dataframe[0].value, at.dataframe[1].value
    assert len(ranking) == 18
    assert set(ranking["Cụm thi đua"]) == {"Cụm thi đua đồng bằng", "Cụm thi đua miền núi"}
    assert ranking.groupby("Cụm thi đua")["Hạng"].min().tolist() == [1, 1]
    assert "Nam Trà My" in set(missing["Đơn vị"])  # silent in May and June
    row = missing[missing["Đơn vị"] == "Nam Trà My"].iloc[0]
    assert row["Chưa báo cáo"].endswith("/10 chỉ tiêu")


def test_mountain_cluster_and_public_services(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, cum="MIENNUI", nhom="DVC")
    assert "Cụm thi đua miền núi" in at.title[0].value
    ((spec, data),) = charts(at)
    assert data["Đơn vị"].nunique() == 9
    assert set(data["indicator_code"]) == {"DVC_MUC34", "DVC_HOSO"}
    at_risk = set(data[data["status"] == "at_risk"]["Đơn vị"])
    assert "Tây Giang" in at_risk
    assert [m.label for m in at.metric] == ["Dịch vụ công trực tuyến"]


@pytest.mark.parametrize(
    ("kind", "period_text", "title"),
    [
        ("quarter", None, "Quý II/2022"),
        ("month", None, "Tháng 6/2022"),
        ("year", None, "Năm 2022"),
    ],
)
def test_period_kinds(demo_db, monkeypatch, kind, period_text, title):
    at = open_app(demo_db, monkeypatch)
    at.sidebar.selectbox(key="filter_kind").set_value(kind).run()
    assert not at.exception
    assert at.title[0].value.endswith(title)
    assert at.query_params["ky"] in {"2022-Q2", "2022-06", "2022"}


def test_a_link_reopens_the_same_view(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, ky="2021-Q3", cum="DONGBANG", nhom="TTHC")
    assert at.title[0].value == "Tiến độ chuyển đổi số — Cụm thi đua đồng bằng — Quý III/2021"
    assert at.sidebar.selectbox(key="filter_kind").value == "quarter"
    assert at.sidebar.selectbox(key="filter_year").value == 2021
    assert at.sidebar.selectbox(key="filter_nhom").value == "TTHC"
    assert "so với quý ii/2021" in texts(at).lower()


def test_a_link_typed_in_small_letters_opens_the_same_view(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, ky="2021-q3", cum="dongbang", nhom="tthc")
    assert at.title[0].value == "Tiến độ chuyển đổi số — Cụm thi đua đồng bằng — Quý III/2021"
    assert at.sidebar.selectbox(key="filter_nhom").value == "TTHC"
    assert (at.query_params["cum"], at.query_params["nhom"]) == ("DONGBANG", "TTHC")


def test_bad_link_falls_back_to_defaults(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, ky="giữa năm", cum="KHONGCO")
    assert at.title[0].value == "Tiến độ chuyển đổi số — Toàn tỉnh — 6 tháng đầu năm 2022"


def test_presentation_view(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch)
    at.sidebar.toggle(key="presenting").set_value(True).run()
    assert not at.exception
    assert at.query_params["trinh_chieu"] == "1"
    assert any("stSidebar" in m.value and "display: none" in m.value for m in at.markdown)
    ((spec, _),) = charts(at)
    assert spec["title"]["fontSize"] == 27  # larger type on the screen
    at.button(key="leave_presentation").click().run()
    assert "trinh_chieu" not in at.query_params
    assert not any("stSidebar" in m.value for m in at.markdown)


def test_an_upload_shows_on_the_next_run(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, cum="MIENNUI")

    def cell():
        data = charts(at)[0][1]
        return data[(data["Đơn vị"] == "Tây Giang") & (data["indicator_code"] == "HL_HAILONG")]

    assert cell()["status"].item() == "no_data"
    commit_figures(open_store(demo_db), [("TAYGIANG", "HL_HAILONG", "2022-Q2", 85.0)])
    at.run()
    assert cell()["status"].item() == "done"


def test_empty_database_says_how_to_load(store, monkeypatch):
    at = open_app(store.path, monkeypatch)
    assert "cds init --demo" in at.info[0].value


def test_meeting_pack_and_table_downloads(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, cum="DONGBANG")
    buttons = {b.key: b.proto.label for b in at.get("download_button")}
    assert {
        "pack.pptx",
        "pack.pdf",
        "pack.png",
        "heatmap_png",
        "ranking_csv",
        "ranking_xlsx",
    } <= set(buttons)
    assert buttons["pack.pptx"] == "PowerPoint"
    assert "Tài liệu họp" in texts(at)


def test_more_units_than_rows_shows_clusters_until_one_is_chosen(tmp_path, monkeypatch):
    db = str(tmp_path / "many.duckdb")
    store = open_store(db)
    units = [(f"A{i:02d}", "A") for i in range(40)] + [(f"B{i:03d}", "B") for i in range(981)]
    catalogue(store, units, [("S", "stock", "count", "up", "month")])
    commit_targets(store, [("*", "S", 2024, 10.0)])
    commit_figures(
        store, [(code, "S", "2024-06", 10.0 if code < "A20" else 2.0) for code, _ in units]
    )

    at = open_app(db, monkeypatch, ky="2024-H1")
    ((spec, data),) = charts(at)
    assert title_of(spec).startswith("Mức đạt kế hoạch theo cụm thi đua")
    assert sorted(data["Đơn vị"]) == ["Cụm A", "Cụm B"]
    # counted as Vietnamese writes numbers
    assert "1.021 đơn vị: chọn một cụm thi đua ở thanh bên để xem từng đơn vị." in texts(at)
    assert len(at.dataframe[0].value) == 1021  # the ranking still lists every unit

    at = open_app(db, monkeypatch, ky="2024-H1", cum="A")
    ((spec, data),) = charts(at)
    assert title_of(spec).startswith("Mức đạt kế hoạch theo đơn vị")
    assert data["Đơn vị"].nunique() == 40
    assert [m.value for m in at.metric] == ["60,0 %"]  # 20 of 40 units done, 20 at 20 %


def test_a_year_still_running_counts_only_the_months_already_over(db_path, monkeypatch):
    today = date.today()
    store = open_store(db_path)
    catalogue(store, [("U1", "A"), ("U2", "A")], [("M", "stock", "count", "up", "month")])
    # this month's figure is not due yet, whoever sends it early
    commit_figures(store, [("U1", "M", f"{today.year}-{today.month:02d}", 5)])
    at = open_app(db_path, monkeypatch, ky=str(today.year))
    assert not at.exception
    if today.month == 1:
        assert f"Chưa đến hạn báo cáo nào của năm {today.year}." in texts(at)
        return
    assert (
        f"Số liệu năm {today.year} (tính đến hết tháng {today.month - 1}/{today.year}; các "
        "tháng sau chưa đến hạn báo cáo)." in texts(at)
    )
    late = next(d.value for d in at.dataframe if "Chưa báo cáo" in d.value)
    assert len(late) == 2
