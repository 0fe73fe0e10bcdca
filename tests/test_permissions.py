"""Every role × every write action, through the service layer: allowed or refused, and a
refusal writes nothing."""

from datetime import date

import pandas as pd
import pytest

from dashboard import accounts, batches, catalog, ingest, settings
from dashboard.accounts import Actor
from dashboard.store import open_store

ADMIN = Actor("so", "admin")
HOIAN = Actor("hoian", "unit", "HOIAN")
TAMKY = Actor("tamky", "unit", "TAMKY")
VIEWER = Actor("lanhdao", "viewer")
ROLES = {"admin": ADMIN, "hoian": HOIAN, "tamky": TAMKY, "viewer": VIEWER}
HOIAN_FIGURES = b"ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,140\n"
TARGETS = b"ma_don_vi,ma_chi_tieu,nam,ke_hoach\n*,VB_KYSO,2023,97\n"
INDICATOR = {
    "group_code": "VB",
    "name": "Chỉ tiêu thử",
    "short_name": "Thử",
    "measure": "count",
    "kind": "flow",
    "direction": "up",
    "frequency": "month",
}


def import_figures(store, who):
    upload = ingest.submit(store, HOIAN_FIGURES, "f.csv", who, today=date(2022, 8, 1))
    if not upload.ok:
        raise accounts.AccessDenied(upload.errors.iloc[0]["message"])


def import_targets(store, who):
    upload = ingest.submit(store, TARGETS, "t.csv", who, targets=True)
    if not upload.ok:
        raise accounts.AccessDenied(upload.errors.iloc[0]["message"])


def revert(store, who):
    latest = batches.batch_list(store.cursor(), limit=1).iloc[0]["id"]
    batches.revert(store, latest, who)


ACTIONS = {
    "import HOIAN figures": (import_figures, {"admin", "hoian"}),
    "import targets": (import_targets, {"admin"}),
    "revert a batch": (revert, {"admin"}),
    "add a cluster": (lambda s, w: catalog.add_cluster(s, w, "VENBIEN", "Cụm ven biển"), {"admin"}),
    "add an indicator group": (
        lambda s, w: catalog.add_indicator_group(s, w, "KTS", "Kinh tế số"),
        {"admin"},
    ),
    "rename a cluster": (
        lambda s, w: catalog.rename_cluster(s, w, "MIENNUI", "Cụm núi"),
        {"admin"},
    ),
    "add a unit": (
        lambda s, w: catalog.add_unit(s, w, "MOI", "Mới", "MIENNUI", "huyen"),
        {"admin"},
    ),
    "move a unit": (
        lambda s, w: catalog.update_unit(s, w, "HOIAN", cluster_code="MIENNUI"),
        {"admin"},
    ),
    "deactivate a unit": (
        lambda s, w: catalog.update_unit(s, w, "TAYGIANG", active=False),
        {"admin"},
    ),
    "add an indicator": (lambda s, w: catalog.add_indicator(s, w, "THU", INDICATOR), {"admin"}),
    "edit an indicator": (
        lambda s, w: catalog.update_indicator(s, w, "VB_KYSO", {"short_name": "Ký số"}),
        {"admin"},
    ),
    "add an account": (
        lambda s, w: accounts.add_user(s, w, "moi", "viewer", "12345678"),
        {"admin"},
    ),
    "reset another's password": (
        lambda s, w: accounts.set_password(s, w, "khac", "12345678"),
        {"admin"},
    ),
    "lock an account": (lambda s, w: accounts.set_disabled(s, w, "khac", True), {"admin"}),
    "switch on public viewing": (lambda s, w: settings.set_public_view(s, w, True), {"admin"}),
}


def state(store):
    cur = store.cursor()
    return {
        t: cur.execute(f"SELECT * FROM {t} ORDER BY ALL").df()  # test-only inspection
        for t in (
            "figures",
            "targets",
            "batches",
            "units",
            "clusters",
            "indicators",
            "users",
            "settings",
            "audit_log",
        )
    }


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_role_and_action(demo_db, role, action):
    store = open_store(demo_db)
    accounts.add_user(store, ADMIN, "khac", "viewer", "mat-khau-khac")
    run, allowed = ACTIONS[action]
    before = state(store)
    if role in allowed:
        run(store, ROLES[role])
        assert state(store)["audit_log"].shape[0] > before["audit_log"].shape[0]
    else:
        with pytest.raises((accounts.AccessDenied, PermissionError)):
            run(store, ROLES[role])
        after = state(store)
        for table, frame in before.items():
            pd.testing.assert_frame_equal(after[table], frame, obj=table)
