"""The unit page: scorecard with sparklines, rank in the cluster, upload and figure history."""

import json

from pages import open_app, texts

from dashboard import catalog
from dashboard.store import open_store


def test_scorecard_rank_and_history(demo_db, monkeypatch):
    at = open_app(demo_db, monkeypatch, "unit", don_vi="NAMTRAMY")
    assert at.title[0].value == "Nam Trà My — 6 tháng đầu năm 2022"
    assert "Hạng 8/9 trong Cụm thi đua miền núi" in texts(at)
    card = at.dataframe[0].value
    assert len(card) == 10
    # the charts' short name first (pinned, so a phone scrolling sideways keeps it), the full
    # name last
    row = card[card["Tên đầy đủ"] == "Tỷ lệ hồ sơ TTHC được số hóa"].iloc[0]
    assert row["Chỉ tiêu"] == "Số hóa hồ sơ TTHC"
    assert [card.columns[0], card.columns[-1]] == ["Chỉ tiêu", "Tên đầy đủ"]
    assert json.loads(at.dataframe[0].proto.columns)["Chỉ tiêu"]["pinned"] is True
    assert row["Số liệu đến"] == "Tháng 4/2022"  # silent in May and June
    assert len(row["12 kỳ gần nhất"]) == 12
    history = at.dataframe[1].value
    assert (history["Đơn vị"] == "NAMTRAMY").all()
    versions = at.dataframe[2].value
    assert {"Chỉ tiêu", "Kỳ", "Giá trị", "Người gửi", "Thời gian"} <= set(versions.columns)


def test_unit_without_figures_says_so(demo_db, monkeypatch):
    store = open_store(demo_db)
    import pandas as pd

    catalog.load_rows(
        store,
        "units",
        pd.DataFrame(
            {
                "code": ["MOI"],
                "name": ["Đơn vị mới"],
                "cluster_code": ["MIENNUI"],
                "kind": ["huyen"],
                "sort_order": [99],
                "active": [True],
            }
        ),
        "test",
    )
    at = open_app(demo_db, monkeypatch, "unit", don_vi="MOI")
    assert "chưa có số liệu" in at.info[0].value
    assert "chưa gửi lô số liệu nào" in texts(at)
