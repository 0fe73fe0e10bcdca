"""The whole app in a real headless Chromium (Debian's package) driven by Playwright, against
`cds serve` on a free local port: every page, the presentation view, and an upload in one
browser showing in another without a restart. Screenshots go to tests/artifacts/."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import xlwt

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
FIXTURE = ROOT / "tests" / "fixtures" / "hoian_2022-07_cp1258_semicolon.csv"
READY = "[data-testid=stApp][data-test-script-state=notRunning]"
ERRORS = "[data-testid=stException], [data-testid=stAlertContentError]"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs the Debian package chromium")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from builders import catalogue, commit_figures, commit_targets, new_lake  # noqa: E402
from dashboard import accounts  # noqa: E402
from dashboard.accounts import LOCAL_OPERATOR  # noqa: E402
from dashboard.store import close_store, open_store  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(db: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`cds serve` on `db` at a free local port, once it answers."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "--db", db, "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        assert process.poll() is None, process.stdout.read().decode()
        assert time.monotonic() < deadline, "cds serve did not start"
        time.sleep(0.5)
    return process, url


@pytest.fixture(scope="module")
def server(demo_file, tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "cds.duckdb"
    shutil.copy(demo_file, db)
    for name, role, unit in (
        ("sotttt", "admin", None),
        ("hoian", "unit", "HOIAN"),
        ("lanhdao", "viewer", None),
    ):
        command = [
            sys.executable,
            "-m",
            "dashboard.cli",
            "--db",
            str(db),
            "user",
            "add",
            name,
            "--role",
            role,
        ] + (["--unit", unit] if unit else [])
        subprocess.run(
            command,
            input=f"{name}-mat-khau\n",
            text=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    subprocess.run(  # the demo opens read-only for anyone; a real province does not
        [sys.executable, "-m", "dashboard.cli", "--db", str(db), "public-view", "off"],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    process, url = serve(str(db))
    yield url
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def signed_in(browser, server, name: str, viewport=(1600, 1000)):
    """A new page (its own browser session) signed in through the sign-in form."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
    page.goto(server)
    page.wait_for_selector(READY, timeout=90_000)
    assert "Đăng nhập" in page.locator("h1").first.inner_text()
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu").fill(f"{name}-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_selector("text=Đăng xuất", timeout=60_000)
    page.wait_for_selector(READY, timeout=90_000)
    deadline = time.monotonic() + 30
    while not any(c["name"] == "cds_phien" for c in page.context.cookies()):
        assert time.monotonic() < deadline, "the session cookie was not set"
        page.wait_for_timeout(100)
    return page


def visit(page, url: str, shot: str):
    page.goto(url)
    page.wait_for_selector(READY, timeout=90_000)
    page.wait_for_timeout(1500)  # charts draw after the script run ends
    page.wait_for_selector(READY, timeout=90_000)
    assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)


def test_a_visitor_sees_only_the_sign_in_page(server, browser):
    page = browser.new_page()
    visit(page, f"{server}/chi-tieu", "dang-nhap")
    assert page.locator("h1").first.inner_text() == "Đăng nhập"
    page.get_by_label("Tên đăng nhập").fill("hoian")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_selector("text=Tên đăng nhập hoặc mật khẩu không đúng.", timeout=60_000)


def test_every_page_and_the_presentation_view(server, browser):
    page = signed_in(browser, server, "sotttt")
    # A province's server may have no way out: nothing a page shows may come from elsewhere
    # (Streamlit fetched a Material tab icon from fonts.gstatic.com).
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((server, "data:", "blob:", "about:"))
            else elsewhere.append(request.url)
        ),
    )
    visit(page, server, "tong-quan")
    assert "6 tháng đầu năm 2022" in page.locator("h1").first.inner_text()
    assert "Dữ liệu mẫu" in page.content()
    assert page.locator("canvas, svg.marks").count() >= 1  # the heatmap drew
    visit(page, f"{server}/chi-tieu?cum=MIENNUI&chi_tieu=DVC_MUC34", "chi-tieu")
    assert "mức độ 3, 4" in page.locator("h1").first.inner_text()
    visit(page, f"{server}/don-vi?don_vi=TAYGIANG", "don-vi")
    assert "Tây Giang" in page.locator("h1").first.inner_text()
    visit(page, f"{server}/gui-so-lieu", "gui-so-lieu")

    visit(page, f"{server}/?cum=MIENNUI&nhom=DVC", "tong-quan-mien-nui")
    page.get_by_text("Chế độ trình chiếu").click()
    page.wait_for_selector("text=Thoát trình chiếu", timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(1500)
    assert not page.locator("[data-testid=stSidebar]").is_visible()
    assert "trinh_chieu=1" in page.url
    page.screenshot(path=str(ARTIFACTS / "trinh-chieu.png"))
    page.get_by_text("Thoát trình chiếu").click()
    page.wait_for_selector("[data-testid=stSidebar]", state="visible", timeout=60_000)
    assert elsewhere == []


def test_the_plains_meeting_pack_in_one_click(server, browser, tmp_path):
    page = signed_in(browser, server, "lanhdao")
    visit(page, f"{server}/?ky=2022-H1&cum=DONGBANG", "truoc-khi-tai")
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="PowerPoint").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "tai_lieu_hop_2022-H1_dongbang.pptx"
    from pptx import Presentation

    deck = Presentation(str(path))
    first = [shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame]
    assert "Sơ kết 6 tháng đầu năm 2022 — Cụm thi đua đồng bằng" in first


def upload_and_commit(page, server: str, path: Path, shot: str) -> None:
    """Send a file through the upload page and commit it."""
    visit(page, f"{server}/gui-so-lieu", shot)
    page.set_input_files("input[type=file]", str(path))
    page.wait_for_selector("text=Ghi vào cơ sở dữ liệu", timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)
    page.get_by_role("button", name="Ghi vào cơ sở dữ liệu").click()
    page.wait_for_selector("text=Đã ghi lô", timeout=60_000)


def test_an_upload_in_one_browser_shows_in_another(server, browser):
    leader = signed_in(browser, server, "lanhdao", (1400, 900))
    visit(leader, server, "truoc-khi-gui")
    before = leader.get_by_text("Số liệu cập nhật đến").last.inner_text()

    reporter = signed_in(browser, server, "hoian", (1400, 900))
    upload_and_commit(reporter, server, FIXTURE, "gui-so-lieu-truoc")
    reporter.screenshot(path=str(ARTIFACTS / "gui-so-lieu-sau.png"), full_page=True)

    visit(leader, f"{server}/?ky=2022-07", "sau-khi-gui")
    after = leader.get_by_text("Số liệu cập nhật đến").last.inner_text()
    assert after != before  # the new upload's time, without restarting the server


def metrics(page) -> dict[str, str]:
    """The metrics the page shows now, label to value; {} while a rerun replaces them."""
    try:
        return {
            metric.locator("[data-testid=stMetricLabel]").inner_text(timeout=2_000): metric.locator(
                "[data-testid=stMetricValue]"
            ).inner_text(timeout=2_000)
            for metric in page.locator("[data-testid=stMetric]").all()
        }
    except PlaywrightError:  # a metric removed between finding and reading it
        return {}


def wait_for_metrics(page, expected: dict[str, str], seconds: float = 60) -> None:
    """Return once the page's metrics show the expected values, failing with what they show.

    The script can report "not running" between two reruns of an upload, before the metrics are
    drawn, so one read right after READY may see none of them."""
    deadline = time.monotonic() + seconds
    while True:
        shown = metrics(page)
        if {label: shown.get(label) for label in expected} == expected:
            return
        assert time.monotonic() < deadline, shown
        page.wait_for_timeout(200)


def test_a_unit_sends_its_own_old_excel_report_with_no_unit_column(server, browser, tmp_path):
    """An Excel 97–2003 report as a district office saves it: indicators by name, the unit and
    the month only in the title. The real uploader takes the .xls and it goes in for the unit."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Báo cáo")
    sheet.write(0, 0, "UBND THÀNH PHỐ HỘI AN")
    sheet.write(1, 0, "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 9 NĂM 2022")
    for column, header in enumerate(["STT", "Tên chỉ tiêu", "Kết quả thực hiện"]):
        sheet.write(2, column, header)
    sheet.write(3, 0, 1)
    # figures near those before them, whichever browser test sent July's first: no jump
    sheet.write(3, 1, "Tỷ lệ văn bản đi được ký số, gửi trên môi trường mạng")
    sheet.write(3, 2, 97)
    sheet.write(4, 0, 2)
    sheet.write(4, 1, "TT_CHUONGTRINH")
    sheet.write(4, 2, 11)
    path = tmp_path / "hoian_bao_cao_t9.xls"
    book.save(str(path))
    reporter = signed_in(browser, server, "hoian", (1400, 900))
    visit(reporter, f"{server}/gui-so-lieu", "gui-xls")
    reporter.set_input_files("input[type=file]", str(path))
    reporter.wait_for_selector("text=Ghi vào cơ sở dữ liệu", timeout=60_000)
    reporter.wait_for_selector(READY, timeout=60_000)
    wait_for_metrics(reporter, {"Mới": "2", "Lỗi": "0", "Cảnh báo": "4"})
    reporter.get_by_role("button", name="Ghi vào cơ sở dữ liệu").click()
    reporter.wait_for_selector("text=Đã ghi lô", timeout=60_000)
    reporter.screenshot(path=str(ARTIFACTS / "gui-xls-sau.png"), full_page=True)


def test_a_pdf_is_refused_in_vietnamese_and_a_web_systems_export_goes_in(server, browser, tmp_path):
    """The browser's uploader takes a PDF (the signed report's scan) for the reader to say in
    Vietnamese why not, and the ".xls" a web system exports, an HTML table, goes in."""
    reporter = signed_in(browser, server, "hoian", (1400, 900))
    visit(reporter, f"{server}/gui-so-lieu", "gui-pdf")
    scan = tmp_path / "bao_cao_t10_da_ky.pdf"
    scan.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    reporter.set_input_files("input[type=file]", str(scan))
    reporter.wait_for_selector("text=Tệp có 1 lỗi nên chưa thể ghi", timeout=60_000)
    wait_for_metrics(reporter, {"Lỗi": "1"})
    # said in full, as text on the page, not in a table's cell that would cut it
    reporter.wait_for_selector("text=hoặc dùng mẫu nhập liệu tải từ hệ thống.", timeout=10_000)
    export = tmp_path / "BaoCao_HoiAn_T10.xls"
    export.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        "<h3>UBND THÀNH PHỐ HỘI AN</h3><h3>BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ THÁNG 10 NĂM 2022</h3>"
        '<table border="1"><tr><th>STT</th><th>Tên chỉ tiêu</th><th>Kết quả thực hiện</th></tr>'
        "<tr><td>1</td><td>TT_CHUONGTRINH</td><td>11</td></tr></table></body></html>",
        encoding="utf-8",
    )
    reporter.set_input_files("input[type=file]", str(export))
    reporter.wait_for_selector("text=Ghi vào cơ sở dữ liệu", timeout=60_000)
    wait_for_metrics(reporter, {"Mới": "1", "Lỗi": "0"})
    reporter.get_by_role("button", name="Ghi vào cơ sở dữ liệu").click()
    reporter.wait_for_selector("text=Đã ghi lô", timeout=60_000)
    reporter.screenshot(path=str(ARTIFACTS / "gui-html-sau.png"), full_page=True)


def test_each_problem_is_read_in_full_and_as_typed(server, browser, tmp_path):
    """The list of problems wraps each way to fix inside its cell, none cut at the cell's edge,
    and a cell's "*", "$…$", "_…_" or "[…](…)" shows as typed, not read as Markdown."""
    typed = ["*5*", "$1$ và $2$", "_a_", "[x](http://example.org)"]
    lines = ["Mã đơn vị,Tên đơn vị,Mã chỉ tiêu,Kỳ báo cáo,Giá trị"]
    lines.append("HOIAN,Tam Kỳ,TT_CHUONGTRINH,2022-11,5")
    lines += [f'HOIAN,Hội An,TT_CHUONGTRINH,2022-0{n},"{v}"' for n, v in enumerate(typed, 1)]
    path = tmp_path / "hoian_loi.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reporter = signed_in(browser, server, "hoian", (1100, 800))  # a small laptop's screen
    visit(reporter, f"{server}/gui-so-lieu", "gui-loi")
    reporter.set_input_files("input[type=file]", str(path))
    reporter.wait_for_selector("text=Tệp có 5 lỗi nên chưa thể ghi", timeout=60_000)
    reporter.wait_for_selector(READY, timeout=60_000)
    # the table is drawn a moment after the run ends
    reporter.wait_for_selector("[data-testid=stTable] td >> text=[x](http", timeout=30_000)
    cells = reporter.locator("[data-testid=stTable] td")
    texts = [cell.inner_text().strip() for cell in cells.all()]
    assert set(typed) <= set(texts)
    assert (
        "Mã đơn vị HOIAN là Hội An, nhưng cột B (Tên đơn vị) ghi «Tam Kỳ» (đơn vị TAMKY). Sửa mã "
        "hoặc tên cho khớp." in texts
    )
    cut = cells.evaluate_all("cells => cells.filter(c => c.scrollWidth > c.clientWidth + 1)")
    assert cut == []
    reporter.screenshot(path=str(ARTIFACTS / "gui-loi.png"), full_page=True)


@pytest.fixture(scope="module")
def two_servers_on_a_lake(postgres, tmp_path_factory):
    """Two `cds serve` processes on one DuckLake lake, as behind a load balancer."""
    folder = tmp_path_factory.mktemp("lake") / "data"
    target = new_lake(postgres, folder)
    os.environ["CDS_DATA_PATH"] = str(folder)
    try:
        store = open_store(target)
        catalogue(
            store, [("HOIAN", "C1"), ("TAMKY", "C1")], [("S", "stock", "count", "up", "month")]
        )
        commit_targets(store, [("*", "S", 2024, 10.0)])
        commit_figures(store, [("HOIAN", "S", "2024-01", 5.0), ("TAMKY", "S", "2024-01", 5.0)])
        accounts.add_user(store, LOCAL_OPERATOR, "sotttt", "admin", "sotttt-mat-khau")
        close_store(target)
    finally:
        del os.environ["CDS_DATA_PATH"]
    started = [serve(target, {"CDS_DATA_PATH": str(folder)}) for _ in range(2)]
    yield [url for _, url in started]
    for process, _ in started:
        process.terminate()
        process.wait(timeout=30)


def headline(page) -> str:
    return page.locator("[data-testid=stMetricValue]").first.inner_text()


def test_two_servers_on_one_lake_show_each_others_uploads(two_servers_on_a_lake, browser, tmp_path):
    first, second = two_servers_on_a_lake
    leader = signed_in(browser, second, "sotttt", (1400, 900))
    visit(leader, second, "lake-b-truoc")
    before = headline(leader)

    upload = tmp_path / "hoian_2024-02.csv"
    upload.write_text("ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,S,2024-02,9\n")
    reporter = signed_in(browser, first, "sotttt", (1400, 900))
    upload_and_commit(reporter, first, upload, "lake-a-gui")

    visit(leader, second, "lake-b-sau")  # the other server, at its next rerun
    after = headline(leader)
    visit(reporter, first, "lake-a-sau")
    assert (before, after) == ("50,0 %", "70,0 %")  # (5 + 5) / 20, then (9 + 5) / 20
    assert headline(reporter) == after  # the same numbers on both dashboards


def test_the_department_loads_a_list_of_indicators(server, browser, tmp_path):
    page = signed_in(browser, server, "sotttt")
    visit(page, f"{server}/danh-muc", "danh-muc")
    page.get_by_role("tab", name="Chỉ tiêu").click()
    page.get_by_text("Nạp danh sách chỉ tiêu từ tệp").click()
    listed = tmp_path / "chi_tieu.csv"
    listed.write_text(
        "Mã chỉ tiêu;Tên chỉ tiêu;Nhóm;Tên nhóm;Đơn vị tính;Cách tổng hợp;Tần suất\n"
        "DN_SO;Doanh nghiệp số mới;KTS;Kinh tế số;Số lượng;Phát sinh;Quý\n",
        encoding="utf-8-sig",
    )
    page.locator("[data-testid=stTabPanel]:visible input[type=file]").set_input_files(str(listed))
    button = page.get_by_role(
        "button", name="Nạp danh sách (1 mới, 0 thay đổi, 0 không đổi; 1 nhóm mới)"
    )
    button.wait_for(timeout=60_000)
    page.wait_for_selector(READY, timeout=60_000)
    button.click()
    page.wait_for_selector(
        "text=Đã nạp danh sách chỉ tiêu: 1 mới, 0 thay đổi, 0 không đổi; 1 nhóm mới.",
        timeout=60_000,
    )
    page.wait_for_selector(READY, timeout=60_000)
    # the page comes back on the tab the change was made on
    assert page.get_by_role("tab", selected=True).inner_text() == "Chỉ tiêu"
    page.screenshot(path=str(ARTIFACTS / "danh-muc-chi-tieu.png"), full_page=True)
    assert page.locator(ERRORS).count() == 0
