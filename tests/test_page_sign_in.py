"""Signing in and out, the lockout on the page, what each role sees, public viewing."""

from pages import open_app, texts

from dashboard import accounts, batches, ingest, settings
from dashboard.accounts import LOCAL_OPERATOR, Actor
from dashboard.store import open_store


def with_accounts(db):
    store = private(db)
    accounts.add_user(store, LOCAL_OPERATOR, "hoian", "unit", "hoian-2022!", unit_code="HOIAN")
    accounts.add_user(store, LOCAL_OPERATOR, "lanhdao", "viewer", "lanh-dao-xem")
    return store


def private(db):
    """The demo database with public viewing off, as a real province runs it."""
    store = open_store(db)
    settings.set_public_view(store, LOCAL_OPERATOR, False)
    return store


def sign_in(at, name, password):
    at.text_input(key="username").input(name)
    at.text_input(key="password").input(password)
    at.button[0].click().run()  # the form's submit button
    return at


def test_visitors_see_only_the_sign_in_page(demo_db, monkeypatch):
    private(demo_db)
    at = open_app(demo_db, monkeypatch, actor=None)
    assert at.title[0].value == "Đăng nhập"
    assert len(at.get("vega_lite_chart")) == 0 and len(at.metric) == 0
    at.switch_page("../pages/indicator.py").run()  # a shared link: the form, not the page
    assert at.title[0].value == "Đăng nhập"
    assert len(at.get("vega_lite_chart")) == 0


def test_sign_in_then_out(demo_db, monkeypatch):
    with_accounts(demo_db)
    at = open_app(demo_db, monkeypatch, actor=None, ky="2022-Q1")
    sign_in(at, "HoiAn", "hoian-2022!")
    assert "session_token" in at.session_state  # a cookie keeps it across reloads
    assert not at.exception
    assert at.title[0].value.endswith("Quý I/2022")  # the link's view, after signing in
    assert "Đơn vị báo cáo HOIAN" in texts(at)
    at.run()  # the session keeps the account across reruns
    assert at.title[0].value.startswith("Tiến độ chuyển đổi số")
    at.sidebar.button(key="sign_out").click().run()
    assert at.title[0].value == "Đăng nhập"


def test_wrong_password_then_lockout_on_the_page(demo_db, monkeypatch):
    with_accounts(demo_db)
    at = open_app(demo_db, monkeypatch, actor=None)
    for _ in range(5):
        sign_in(at, "hoian", "sai-mat-khau")
        assert at.error[0].value == "Tên đăng nhập hoặc mật khẩu không đúng."
    sign_in(at, "hoian", "hoian-2022!")
    assert "phải chờ đến" in at.error[0].value
    assert at.title[0].value == "Đăng nhập"


def test_unknown_name_gets_the_same_words(demo_db, monkeypatch):
    private(demo_db)
    at = open_app(demo_db, monkeypatch, actor=None)
    sign_in(at, "khong-co-ai", "mat-khau-nao-do")
    assert at.error[0].value == "Tên đăng nhập hoặc mật khẩu không đúng."


def test_public_viewing_for_a_wall_screen(demo_db, monkeypatch):
    settings.set_public_view(open_store(demo_db), LOCAL_OPERATOR, True)  # as the demo has it
    at = open_app(demo_db, monkeypatch, actor=None)
    assert at.title[0].value.startswith("Tiến độ chuyển đổi số")
    assert len(at.get("vega_lite_chart")) == 1
    at.switch_page("../pages/upload.py").run()  # needs an account: the form, not the page
    assert at.title[0].value == "Đăng nhập"
    assert not at.get("file_uploader")


def test_each_role_gets_its_pages(demo_db, monkeypatch):
    viewer = open_app(demo_db, monkeypatch, actor=Actor("lanhdao", "viewer"))
    for page in ("upload", "targets", "accounts", "catalogue", "audit"):
        viewer.switch_page(f"../pages/{page}.py").run()
        assert "không dành cho tài khoản của bạn" in viewer.error[0].value
        assert not viewer.title and not viewer.get("file_uploader")
    unit = open_app(demo_db, monkeypatch, "upload", actor=Actor("hoian", "unit", "HOIAN"))
    assert unit.title[0].value == "Gửi số liệu"
    for page in ("targets", "accounts", "catalogue", "audit"):
        unit.switch_page(f"../pages/{page}.py").run()
        assert "không dành cho tài khoản của bạn" in unit.error[0].value
        assert not unit.title


def test_a_unit_lists_only_its_own_batches(demo_db, monkeypatch):
    store = with_accounts(demo_db)
    hoian = Actor("hoian", "unit", "HOIAN")
    ingest.submit(
        store,
        b"ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,140\n",
        "hoian.csv",
        hoian,
    )
    at = open_app(demo_db, monkeypatch, "upload", actor=hoian)
    history = at.dataframe[-1].value
    assert set(history["Đơn vị"]) == {"HOIAN"}
    assert len(history) == len(batches.batch_list(store.cursor(), unit="HOIAN"))
    assert at.selectbox(key="template_unit").options == ["Hội An (HOIAN)"]
    assert "Kế hoạch (giao chỉ tiêu)" not in at.radio(key="kind").options
    assert not any(e.label == "Lô cần hoàn tác" for e in at.selectbox)
