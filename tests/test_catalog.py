"""Catalogue changes: validated, audited, and never orphaning a figure."""

import pytest

from dashboard import catalog, export, progress
from dashboard.accounts import LOCAL_OPERATOR as ADMIN
from dashboard.catalog import CatalogueError
from dashboard.periods import must_parse
from dashboard.store import open_store


@pytest.fixture
def demo(demo_db):
    return open_store(demo_db)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: catalog.add_unit(s, ADMIN, "hội an", "X", "MIENNUI", "huyen"), "không hợp lệ"),
        (lambda s: catalog.add_unit(s, ADMIN, "HOIAN", "X", "MIENNUI", "huyen"), "đã có"),
        (lambda s: catalog.add_unit(s, ADMIN, "MOI", " ", "MIENNUI", "huyen"), "không được để"),
        (lambda s: catalog.add_unit(s, ADMIN, "MOI", "Mới", "KHONGCO", "huyen"), "Không có cụm"),
        (lambda s: catalog.add_unit(s, ADMIN, "MOI", "Mới", "MIENNUI", "tinh"), "Loại đơn vị"),
        (lambda s: catalog.update_unit(s, ADMIN, "KHONGCO", name="X"), "Không có đơn vị"),
        (lambda s: catalog.update_unit(s, ADMIN, "HOIAN", cluster_code="X"), "Không có cụm"),
        (lambda s: catalog.add_cluster(s, ADMIN, "DONGBANG", "X"), "đã có"),
        (lambda s: catalog.add_indicator_group(s, ADMIN, "dvc", "X"), "Mã nhóm «DVC» đã có"),
        (lambda s: catalog.add_indicator_group(s, ADMIN, "kinh tế", "X"), "không hợp lệ"),
        (lambda s: catalog.add_indicator_group(s, ADMIN, "KTS", " "), "Tên nhóm không được"),
        (lambda s: catalog.rename_cluster(s, ADMIN, "DONGBANG", ""), "không được để"),
        (
            lambda s: catalog.update_indicator(s, ADMIN, "CNS_TO", {"frequency": "quarter"}),
            "đã có số liệu",
        ),
        (
            lambda s: catalog.update_indicator(s, ADMIN, "CNS_TO", {"measure": "percent"}),
            "đã có số liệu",
        ),
        (
            lambda s: catalog.add_indicator(
                s,
                ADMIN,
                "MOI",
                {
                    "group_code": "VB",
                    "name": "X",
                    "measure": "count",
                    "kind": "ratio",
                    "direction": "up",
                    "frequency": "month",
                },
            ),
            "phải đo bằng %",
        ),
        (
            lambda s: catalog.add_indicator(
                s,
                ADMIN,
                "MOI",
                {
                    "group_code": "ZZ",
                    "name": "X",
                    "measure": "count",
                    "kind": "flow",
                    "direction": "up",
                    "frequency": "month",
                },
            ),
            "nhóm chỉ tiêu",
        ),
    ],
)
def test_bad_changes_are_refused(demo, call, message):
    with pytest.raises(CatalogueError, match=message):
        call(demo)


def test_moving_and_deactivating_keep_every_figure(demo):
    cur = demo.cursor()
    before = export.figures_frame(cur)
    catalog.update_unit(demo, ADMIN, "NUITHANH", cluster_code="MIENNUI", name="Núi Thành (mới)")
    catalog.update_unit(demo, ADMIN, "TAYGIANG", active=False)
    after = export.figures_frame(cur)
    assert len(after) == len(before)
    units = catalog.units(cur).set_index("code")
    assert units.loc["NUITHANH", "cluster_code"] == "MIENNUI"
    assert not units.loc["TAYGIANG", "active"]
    frame = progress.progress(cur, must_parse("2022-H1"), "unit", cluster="MIENNUI", at_risk_pct=80)
    assert "NUITHANH" in set(frame["scope_code"]) and "TAYGIANG" not in set(frame["scope_code"])
    detail = cur.execute(
        "SELECT detail FROM audit_log WHERE action = 'update_unit' ORDER BY seq"
    ).fetchall()
    assert "cụm: DONGBANG → MIENNUI" in detail[0][0]


def test_turning_an_indicators_direction_reaches_every_level(demo):
    cur = demo.cursor()
    period = must_parse("2022-H1")
    catalog.update_indicator(demo, ADMIN, "CNS_TO", {"direction": "down"})
    for by in ("unit", "cluster", "province"):
        frame = progress.progress(cur, period, by, indicator="CNS_TO", at_risk_pct=80)
        assert not frame.empty and set(frame["direction"]) == {"down"}, by


def test_new_indicator_and_cluster(demo):
    catalog.add_cluster(demo, ADMIN, "venbien", "Cụm thi đua ven biển")
    assert catalog.add_indicator_group(demo, ADMIN, "kts", " Kinh tế  số ") == "KTS"
    groups = catalog.indicator_groups(demo.cursor())
    assert groups.iloc[-1][["code", "name"]].tolist() == ["KTS", "Kinh tế số"]  # after the rest
    catalog.add_unit(demo, ADMIN, "hoian2", "Hội An 2", "VENBIEN", "phuong")
    code = catalog.add_indicator(
        demo,
        ADMIN,
        "vb_moi",
        {
            "group_code": "VB",
            "name": "Số văn bản  điện tử",
            "measure": "count",
            "kind": "flow",
            "direction": "up",
            "frequency": "month",
        },
    )
    info = catalog.indicators(demo.cursor()).set_index("code").loc[code]
    assert (code, info["name"], info["short_name"]) == (
        "VB_MOI",
        "Số văn bản điện tử",
        "Số văn bản điện tử",
    )
    catalog.update_indicator(demo, ADMIN, "VB_MOI", {"frequency": "quarter"})  # no figures yet
    assert (
        catalog.indicators(demo.cursor()).set_index("code").loc["VB_MOI", "frequency"] == "quarter"
    )
