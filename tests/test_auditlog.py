"""The audit log as people read it: every kind of write the tool makes is named in Vietnamese,
and so is what it did."""

import re

from dashboard import (
    accounts,
    auditlog,
    batches,
    catalog,
    indicator_list,
    ingest,
    settings,
    unit_list,
)
from dashboard.accounts import LOCAL_OPERATOR
from dashboard.store import open_store


def test_every_write_is_named_in_vietnamese_with_what_it_did(demo_db):
    store = open_store(demo_db)
    cur = store.cursor()
    # one of every kind of write, beside the demo's own (catalogue, figures, targets, settings)
    catalog.rename_cluster(store, LOCAL_OPERATOR, "MIENNUI", "Cụm thi đua miền núi phía Tây")
    catalog.update_unit(store, LOCAL_OPERATOR, "HOIAN", name="Thành phố Hội An")
    catalog.update_indicator(store, LOCAL_OPERATOR, "CNS_TO", {"short_name": "Tổ CNS"})
    listed = unit_list.read(
        cur, "ma_don_vi,ten_don_vi,ma_cum\nXA_MOI,Xã Mới,DONGBANG\n".encode(), "u.csv"
    )
    unit_list.write(store, LOCAL_OPERATOR, listed)
    text = "ma_chi_tieu,ten_chi_tieu,ma_nhom,ten_nhom,don_vi_do,cach_tong_hop,tan_suat\n"
    text += "DN_SO,Doanh nghiệp số,KTS,Kinh tế số,Số lượng,Phát sinh,Quý\n"
    indicator_list.write(store, LOCAL_OPERATOR, indicator_list.read(cur, text.encode(), "i.csv"))
    upload = ingest.submit(
        store,
        b"ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-07,140\n",
        "bao_cao.csv",
        LOCAL_OPERATOR,
    )
    batches.revert(store, upload.batch.batch_id, LOCAL_OPERATOR)
    accounts.add_user(store, LOCAL_OPERATOR, "chuyenvien", "viewer", "mat-khau-rat-dai-1")
    accounts.set_password(store, LOCAL_OPERATOR, "chuyenvien", "mat-khau-rat-dai-2")
    accounts.set_disabled(store, LOCAL_OPERATOR, "chuyenvien", True)
    accounts.set_disabled(store, LOCAL_OPERATOR, "chuyenvien", False)
    settings.set_public_view(store, LOCAL_OPERATOR, False)
    batches.rebuild_current_figures(store, LOCAL_OPERATOR.username)

    written = set(auditlog.filters(cur)[1])
    assert written - set(auditlog.ACTION_LABELS) == set()
    log = auditlog.for_people(auditlog.entries(cur))
    assert not log["Việc"].str.contains("_").any()
    # no code word of the tool's own in what people read
    code_words = re.compile(r"\b(?:figures|targets|revert|demo|public_view|true|false)\b")
    assert not log["Chi tiết"].str.contains(code_words).any(), log["Chi tiết"].tolist()
    said: dict[str, str] = {}  # each kind of write's newest entry
    for action, detail in zip(log["Việc"], log["Chi tiết"], strict=True):
        said.setdefault(action, detail)
    assert said["Thiết lập"] == "Cho xem không cần đăng nhập: tắt"
    assert said["Sửa đơn vị"] == "HOIAN: tên: Hội An → Thành phố Hội An"
    assert said["Nạp danh sách chỉ tiêu"] == "1 mới, 0 thay đổi, 1 nhóm mới"
    details = list(log["Chi tiết"])
    assert "Số liệu: bao_cao.csv (1 mới, 0 thay đổi)" in details
    assert any(d.startswith("Hoàn tác số liệu: ") for d in details)
