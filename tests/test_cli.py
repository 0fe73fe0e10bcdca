"""`cds` end to end: init, progress, export, and failures as one line with the right exit code."""

import io
import json
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from builders import workbook
from dashboard import cli, sql
from dashboard.store import close_store, open_store


def cds(*args: str) -> subprocess.CompletedProcess:
    """Run `cds` as a user would, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "dashboard.cli", *args], capture_output=True, text=True, timeout=300
    )


def run(capsys, *args: str) -> tuple[int, str, str]:
    """Run `cds` in this process (fast), closing its database afterwards."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    if "--db" in args:
        close_store(args[args.index("--db") + 1])
    return code, out, err


def test_init_demo_then_progress_by_cluster(tmp_path):
    db = str(tmp_path / "x.duckdb")
    result = cds("init", "--demo", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "Dữ liệu mẫu" in result.stdout
    result = cds(
        "progress", "--db", db, "--period", "2022-H1", "--by", "cluster", "--format", "csv"
    )
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.columns) == [
        "cluster_code",
        "indicator_code",
        "actual",
        "target",
        "achievement_pct",
        "expected",
        "status",
    ]
    assert set(frame["cluster_code"]) == {"DONGBANG", "MIENNUI"}
    # a cluster's ratio is Σnumerator ÷ Σdenominator of its units' latest 2022 figures
    figures = pd.read_csv("data/demo/figures.csv", dtype={"ky_bao_cao": str})
    units = pd.read_csv("data/demo/units.csv")
    sohoa = figures[
        (figures["ma_chi_tieu"] == "TTHC_SOHOA") & figures["ky_bao_cao"].str.startswith("2022")
    ]
    latest = sohoa.sort_values("ky_bao_cao").groupby("ma_don_vi").tail(1)
    latest = latest.merge(units, left_on="ma_don_vi", right_on="code")
    for cluster, rows in latest.groupby("cluster_code"):
        expected = 100 * rows["tu_so"].sum() / rows["mau_so"].sum()
        got = frame[(frame["cluster_code"] == cluster) & (frame["indicator_code"] == "TTHC_SOHOA")][
            "actual"
        ].item()
        assert got == pytest.approx(expected, abs=1e-4)


def test_init_on_existing_database_keeps_every_figure(demo_db, tmp_path, capsys):
    code, _, _ = run(capsys, "--db", demo_db, "export", "--out", str(tmp_path / "before.csv"))
    assert code == 0
    code, out, _ = run(capsys, "--db", demo_db, "init")
    assert code == 0 and "nâng cấp" in out
    assert "Tiếp theo" not in out  # a province with its catalogue needs no first steps
    code, out, _ = run(capsys, "--db", demo_db, "init", "--demo")
    assert code == 0 and "đã có tỉnh mẫu" in out
    code, out, _ = run(capsys, "--db", demo_db, "export", "--out", str(tmp_path / "after.csv"))
    assert code == 0 and "2.456" in out
    before = (tmp_path / "before.csv").read_bytes()
    assert before == (tmp_path / "after.csv").read_bytes()
    assert len(pd.read_csv(tmp_path / "after.csv", encoding="utf-8-sig")) == 2456


def test_export_matches_the_demo_files(demo_db, tmp_path, capsys):
    out = tmp_path / "all.csv"
    assert run(capsys, "--db", demo_db, "export", "--out", str(out))[0] == 0
    exported = pd.read_csv(out, encoding="utf-8-sig", dtype={"ky_bao_cao": str})
    source = pd.read_csv("data/demo/figures.csv", dtype={"ky_bao_cao": str})
    key = ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao"]
    merged = source.merge(exported, on=key, suffixes=("_src", "_out"), validate="1:1")
    assert len(merged) == len(source) == len(exported)
    for column in ("tu_so", "mau_so"):
        pd.testing.assert_series_equal(
            merged[f"{column}_src"], merged[f"{column}_out"], check_names=False
        )
    # the demo files round ratios to 2 decimals; the database keeps numerator ÷ denominator
    assert (merged["gia_tri_src"] - merged["gia_tri_out"]).abs().max() <= 0.005 + 1e-9


def test_export_then_import_changes_nothing(demo_db, tmp_path, capsys):
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"all{suffix}"
        assert run(capsys, "--db", demo_db, "export", "--out", str(out))[0] == 0
        code, text, err = run(capsys, "--db", demo_db, "import", str(out))
        assert code == 0, err
        assert "0 mới, 0 thay đổi, 2.456 không đổi" in text


def test_progress_formats(demo_db, capsys):
    code, out, _ = run(
        capsys, "--db", demo_db, "progress", "--period", "2022-Q2", "--format", "json"
    )
    assert code == 0
    records = json.loads(out)
    assert len(records) == 180
    assert set(records[0]) == {
        "unit_code",
        "indicator_code",
        "actual",
        "target",
        "achievement_pct",
        "expected",
        "status",
    }
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "progress",
        "--period",
        "2022-H1",
        "--by",
        "province",
        "--format",
        "table",
    )
    assert code == 0
    assert "6 tháng đầu năm 2022" in out and "%" in out
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "progress",
        "--period",
        "2022-06",
        "--cluster",
        "MIENNUI",
        "--format",
        "csv",
    )
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == 90 and "TAYGIANG" in set(frame["unit_code"])


def test_bad_period_is_one_line_and_exit_1(demo_db, capsys):
    code, out, err = run(capsys, "--db", demo_db, "progress", "--period", "giữa năm")
    assert code == 1
    assert err.count("\n") == 1 and "Kỳ báo cáo «giữa năm» không hợp lệ" in err
    assert "Traceback" not in err


def test_missing_database_is_one_line(tmp_path, capsys):
    code, _, err = run(
        capsys, "progress", "--db", str(tmp_path / "none.duckdb"), "--period", "2022"
    )
    assert code == 1
    assert "cds init" in err and err.count("\n") == 1
    assert not (tmp_path / "none.duckdb").exists()


def test_demo_refused_on_a_database_with_real_data(tmp_path, capsys):
    db = str(tmp_path / "real.duckdb")
    from builders import catalogue
    from dashboard.store import open_store

    catalogue(open_store(db), [("U1", "A")], [("S", "stock", "count", "up", "month")])
    close_store(db)
    code, _, err = run(capsys, "--db", db, "init", "--demo")
    assert code == 1 and "cơ sở dữ liệu trống" in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["progress"], "cds progress: lỗi: thiếu tham số bắt buộc: --period"),
        (["frobnicate"], "cds: lỗi: tham số LỆNH: 'frobnicate' không hợp lệ: chọn một trong"),
        (["progress", "--period", "2022", "--by", "x"], "'x' không hợp lệ: chọn một trong"),
        (["import", "a.csv", "--units", "--targets"], "--targets: không dùng cùng lúc với --units"),
        (["export", "--out"], "tham số --out: cần một giá trị"),
        (["batches", "--bogus"], "cds: lỗi: tham số không nhận ra: --bogus"),
    ],
)
def test_usage_errors_exit_2_and_say_so_in_vietnamese(capsys, argv, said):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: cds") and said in err


def test_help_is_in_vietnamese(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    out = capsys.readouterr().out
    assert "tham số:" in out and "tùy chọn:" in out and "in hướng dẫn này rồi thoát" in out


def test_export_to_unknown_format_is_exit_1(demo_db, tmp_path, capsys):
    code, _, err = run(capsys, "--db", demo_db, "export", "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and ".csv hoặc .xlsx" in err


def test_db_from_environment(demo_db, monkeypatch, capsys):
    monkeypatch.setenv("CDS_DB", demo_db)
    code = cli.main(["progress", "--period", "2022", "--by", "province", "--format", "csv"])
    out, _ = capsys.readouterr()
    close_store(demo_db)
    assert code == 0 and out.startswith("province_code,")


def test_import_exit_codes_and_messages(demo_db, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,140\n")
    code, out, _ = run(capsys, "--db", demo_db, "import", str(good), "--dry-run")
    assert code == 0 and "Chạy thử" in out and "0 mới, 1 thay đổi" in out
    code, out, _ = run(capsys, "--db", demo_db, "import", str(good))
    assert code == 0 and "Đã ghi lô #" in out
    code, out, _ = run(capsys, "--db", demo_db, "import", str(good))
    assert code == 0 and "đã được gửi" in out and "không có gì thay đổi" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,abc\n"
        "HOIAN,CNS_TOO,2022-06,1\n"
    )
    code, out, err = run(capsys, "--db", demo_db, "import", str(bad))
    assert code == 1
    assert "Lỗi (dòng 2, cột D (gia_tri), «abc»)" in err
    assert "Lỗi (dòng 3, cột B (ma_chi_tieu), «CNS_TOO»)" in err and "«CNS_TO»" in err
    assert "không có gì được ghi" in err
    code, _, err = run(capsys, "--db", demo_db, "import", str(tmp_path / "none.csv"))
    assert code == 2 and "không có tệp" in err
    # a folder named instead of its files says how to name them
    code, _, err = run(capsys, "--db", demo_db, "import", str(tmp_path))
    assert code == 2
    assert (
        f"Lỗi: «{tmp_path}» là một thư mục: ghi tên các tệp trong đó, ví dụ «{tmp_path}/*.xlsx»"
        in err
    )


def test_import_of_several_files_writes_each_as_its_own_batch(demo_db, tmp_path, capsys):
    header = "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\n"
    files = {
        "hoian.csv": header + "HOIAN,CNS_TO,2022-07,140\n",
        "tamky.csv": header + "TAMKY,CNS_TO,2022-07,abc\n",
        "queson.csv": header + "QUESON,CNS_TO,2022-07,90\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    paths = [str(tmp_path / name) for name in [*files, "none.csv"]]
    code, out, err = run(capsys, "--db", demo_db, "import", *paths, "--dry-run")
    assert code == 2 and "Tổng cộng 4 tệp: 2 tệp hợp lệ, 2 tệp bị từ chối hoặc không có." in out
    code, out, err = run(capsys, "--db", demo_db, "import", *paths)
    # a refused or missing file stops nothing after it: the worst exit code is the run's
    assert code == 2
    assert [line for line in out.splitlines() if line.startswith("==")] == [
        f"== Tệp «{path}»" for path in paths
    ]
    assert out.count("Đã ghi lô #") == 2 and "2 tệp đã nhận, 2 tệp bị từ chối" in out
    assert "Lỗi (dòng 2, cột D (gia_tri), «abc»)" in err and "không có tệp" in err
    cur = open_store(demo_db).cursor()
    batches = cur.execute(  # test-only inspection
        "SELECT file_name, rows_new + rows_changed FROM batches WHERE file_name IN "
        "('hoian.csv', 'tamky.csv', 'queson.csv') "
        "ORDER BY seq"
    ).fetchall()
    close_store(demo_db)
    assert batches == [("hoian.csv", 1), ("queson.csv", 1)]


def test_import_names_the_sheet_of_each_problem_in_a_workbook_of_several(demo_db, tmp_path, capsys):
    header = ["ma_don_vi", "ma_chi_tieu", "ky_bao_cao", "gia_tri"]
    path = tmp_path / "hai_thang.xlsx"
    path.write_bytes(
        workbook(
            {
                "T7": [header, ["HOIAN", "CNS_TO", "2022-07", 140]],
                "T8": [header, ["HOIAN", "CNS_TO", "2022-08", "abc"]],
            }
        )
    )
    code, _, err = run(capsys, "--db", demo_db, "import", str(path))
    assert code == 1
    assert "Lỗi (trang «T8», dòng 2, cột D (gia_tri), «abc»)" in err


def test_import_as_an_unknown_user_is_refused(demo_db, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,140\n")
    code, _, err = run(capsys, "--db", demo_db, "import", str(good), "--user", "ai_do")
    assert code == 1 and "Không có tài khoản" in err


def test_import_targets(demo_db, tmp_path, capsys):
    plan = tmp_path / "plan.csv"
    plan.write_text("ma_don_vi,ma_chi_tieu,nam,ke_hoach\n*,VB_KYSO,2023,97\n")
    code, out, _ = run(capsys, "--db", demo_db, "import", str(plan), "--targets")
    assert code == 0 and "1 kế hoạch (1 mới" in out


def test_the_targets_grid_exported_filled_in_and_imported_back(demo_db, tmp_path, capsys):
    grid = tmp_path / "ke_hoach.xlsx"
    code, _, err = run(capsys, "--db", demo_db, "export", "--targets", "--out", str(grid))
    assert code == 1 and "cần --year" in err
    code, out, _ = run(
        capsys, "--db", demo_db, "export", "--targets", "--year", "2023", "--out", str(grid)
    )
    assert code == 0 and "bảng kế hoạch năm 2023 (19 dòng" in out
    book = openpyxl.load_workbook(grid)
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["ma_don_vi", "ten_don_vi", "nam", "TTHC_SOHOA"]
    assert [sheet.cell(row, 1).value for row in (2, 3)] == ["*", "TAMKY"]
    sheet.cell(2, header.index("VB_KYSO") + 1).value = 97  # the whole province
    sheet.cell(3, header.index("CNS_TO") + 1).value = 140  # Tam Kỳ
    book.save(grid)
    code, out, _ = run(capsys, "--db", demo_db, "import", str(grid), "--targets")
    assert code == 0 and "2 kế hoạch (2 mới" in out
    targets = sql.frame(open_store(demo_db).cursor(), "targets_of_year", year=2023)
    assert sorted(map(tuple, targets[["unit_code", "indicator_code", "value"]].values)) == [
        ("*", "VB_KYSO", 97),
        ("TAMKY", "CNS_TO", 140),
    ]
    close_store(demo_db)


def test_template_then_batches_then_revert(demo_db, tmp_path, capsys):
    out = tmp_path / "mau.xlsx"
    code, text, _ = run(
        capsys,
        "--db",
        demo_db,
        "template",
        "--unit",
        "hoian",
        "--period",
        "2022-07",
        "--out",
        str(out),
    )
    assert code == 0 and out.stat().st_size > 0 and "Tháng 7/2022" in text
    code, _, err = run(
        capsys,
        "--db",
        demo_db,
        "template",
        "--unit",
        "HOIAN",
        "--period",
        "2022-07",
        "--out",
        str(tmp_path / "x.doc"),
    )
    assert code == 1 and ".xlsx hoặc .csv" in err
    good = tmp_path / "good.csv"
    good.write_text("ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,140\n")
    run(capsys, "--db", demo_db, "import", str(good))
    code, text, _ = run(capsys, "--db", demo_db, "batches", "--limit", "1")
    assert code == 0 and "good.csv" in text
    seq = text.splitlines()[1].split()[0]
    code, text, _ = run(capsys, "--db", demo_db, "revert", seq)
    assert code == 0 and "Đã hoàn tác" in text
    code, _, err = run(capsys, "--db", demo_db, "revert", seq)
    assert code == 1 and "đã được hoàn tác" in err
    code, _, err = run(capsys, "--db", demo_db, "revert", "99999")
    assert code == 1 and "không có lô" in err


def test_user_commands(demo_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-so-1\n"))
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "user",
        "add",
        "sotttt",
        "--role",
        "admin",
        "--display-name",
        "Sở TT&TT",
    )
    assert code == 0 and "Đã tạo tài khoản sotttt" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-hoian\n"))
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "user",
        "add",
        "hoian",
        "--role",
        "unit",
        "--unit",
        "HOIAN",
        "--user",
        "sotttt",
    )
    assert code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-x-1\n"))
    code, _, err = run(
        capsys, "--db", demo_db, "user", "add", "lanhdao", "--role", "viewer", "--user", "hoian"
    )
    assert code == 1 and "chỉ tài khoản quản trị" in err
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _, err = run(capsys, "--db", demo_db, "user", "passwd", "hoian")
    assert code == 1 and "không có mật khẩu" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-moi-1\n"))
    assert run(capsys, "--db", demo_db, "user", "passwd", "hoian", "--user", "hoian")[0] == 0
    code, out, _ = run(capsys, "--db", demo_db, "user", "disable", "hoian")
    assert code == 0 and "Đã khóa" in out
    code, out, _ = run(capsys, "--db", demo_db, "user", "list")
    assert "hoian" in out and "đã khóa" in out and "mat-khau" not in out and "argon2" not in out
    code, out, _ = run(capsys, "--db", demo_db, "public-view", "on")
    assert code == 0 and "Đã bật" in out


def test_user_commands_refuse_before_asking_for_a_password(demo_db, monkeypatch, capsys):
    def no_prompt(confirm=True):
        raise AssertionError("a password was asked for an account that cannot be made")

    monkeypatch.setattr(cli, "read_password", no_prompt)
    refused = [
        (("user", "passwd", "khongco"), "Không có tài khoản «khongco»"),
        (("user", "add", "Lanh Dao", "--role", "viewer"), "không hợp lệ"),
        (("user", "add", "xa1", "--role", "unit"), "cần mã đơn vị"),
        (("user", "add", "xa1", "--role", "unit", "--unit", "KHONGCO"), "«KHONGCO» không có"),
        (("user", "add", "xa1", "--role", "viewer", "--email", "x@"), "không hợp lệ"),
    ]
    for args, said in refused:
        code, _, err = run(capsys, "--db", demo_db, *args)
        assert code == 1 and said in err, (args, err)
    monkeypatch.undo()
    for name in ("hoian", "tamky"):
        monkeypatch.setattr("sys.stdin", io.StringIO(f"mat-khau-{name}\n"))
        args = ("user", "add", name, "--role", "unit", "--unit", name.upper())
        assert run(capsys, "--db", demo_db, *args)[0] == 0
    monkeypatch.setattr(cli, "read_password", no_prompt)
    code, _, err = run(capsys, "--db", demo_db, "user", "add", "HoiAn", "--role", "viewer")
    assert code == 1 and "«hoian» đã có" in err
    code, _, err = run(capsys, "--db", demo_db, "user", "passwd", "tamky", "--user", "hoian")
    assert code == 1 and "Đổi mật khẩu của người khác" in err


def test_imports_as_a_unit_account(demo_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("mat-khau-hoian\n"))
    run(capsys, "--db", demo_db, "user", "add", "hoian", "--role", "unit", "--unit", "HOIAN")
    other = tmp_path / "tamky.csv"
    other.write_text(
        "ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,140\n"
        "TAMKY,CNS_TO,2022-06,1\n"
    )
    code, _, err = run(capsys, "--db", demo_db, "import", str(other), "--user", "hoian")
    assert code == 1 and "dòng 3" in err and "TAMKY" in err


def test_report_files(demo_db, tmp_path, capsys):
    for suffix in (".pptx", ".pdf", ".png"):
        out = tmp_path / f"hop{suffix}"
        code, text, err = run(
            capsys,
            "--db",
            demo_db,
            "report",
            "--period",
            "2022-H1",
            "--cluster",
            "dongbang",
            "--out",
            str(out),
        )
        assert code == 0, err
        assert "Sơ kết 6 tháng đầu năm 2022 — Cụm thi đua đồng bằng" in text
        assert out.stat().st_size > 10_000
    code, _, err = run(
        capsys,
        "--db",
        demo_db,
        "report",
        "--period",
        "2022-H1",
        "--cluster",
        "XX",
        "--out",
        str(tmp_path / "x.pdf"),
    )
    assert code == 1 and "không có cụm" in err


def test_a_year_without_figures_or_targets_names_the_years_that_have_them(
    demo_db, tmp_path, capsys
):
    out = tmp_path / "hop.pdf"
    code, _, err = run(capsys, "--db", demo_db, "report", "--period", "2026-Q3", "--out", str(out))
    assert code == 1 and not out.exists()
    assert err.strip() == (
        "Lỗi: Không tạo được tài liệu họp quý III/2026 — Toàn tỉnh: năm 2026 chưa có số liệu và "
        "kế hoạch. Chọn năm có số liệu hoặc kế hoạch: 2022, 2021."
    )
    code, text, _ = run(capsys, "--db", demo_db, "progress", "--period", "2030")
    assert code == 0 and text.splitlines()[1] == (
        "Không có gì để xem: năm 2030 chưa có số liệu và kế hoạch. Chọn năm có số liệu hoặc kế "
        "hoạch: 2022, 2021."
    )


def test_serve_hands_the_dashboard_the_database_named_where_cds_ran(tmp_path, monkeypatch):
    # The server runs in the project folder: a relative --db must still name this folder's file.
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    assert cli.main(["init", "--db", "cds.duckdb"]) == 0
    close_store("cds.duckdb")
    started = []
    monkeypatch.setattr(cli.os, "execv", lambda path, command: started.append(command))
    monkeypatch.setattr(cli.os, "chdir", lambda path: None)
    monkeypatch.setenv("CDS_DATA_PATH", "parquet")
    monkeypatch.delenv("CDS_DB", raising=False)  # undone after the test: serve sets it
    assert cli.main(["serve", "--db", "cds.duckdb", "--port", "8600"]) == 0
    assert started and "8600" in started[0]
    assert cli.os.environ["CDS_DB"] == str(tmp_path / "here" / "cds.duckdb")
    assert cli.os.environ["CDS_DATA_PATH"] == str(tmp_path / "here" / "parquet")


def test_serve_refuses_a_database_that_does_not_exist(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli.os, "execv", lambda path, command: pytest.fail("started"))
    code, _, err = run(capsys, "serve", "--db", str(tmp_path / "typo.duckdb"))
    assert code == 1 and "cds init" in err
    assert not (tmp_path / "typo.duckdb").exists()


def test_import_a_list_of_units(demo_db, tmp_path, capsys):
    listed = tmp_path / "don_vi.csv"
    listed.write_text("ma_don_vi,ten_don_vi,ma_cum,ten_cum\nXA_MOI,Xã Mới,VENBIEN,Cụm ven biển\n")
    code, out, _ = run(capsys, "--db", demo_db, "import", str(listed), "--units", "--dry-run")
    assert code == 0
    assert (
        out
        == "Chạy thử: danh sách hợp lệ (1 mới, 0 thay đổi, 0 không đổi; 1 cụm mới); chưa ghi gì.\n"
    )
    code, out, _ = run(capsys, "--db", demo_db, "import", str(listed), "--units")
    assert code == 0 and "Đã nạp danh sách đơn vị: 1 mới" in out
    exported = tmp_path / "danh_sach.xlsx"
    code, out, _ = run(capsys, "--db", demo_db, "export", "--units", "--out", str(exported))
    assert code == 0 and out == f"Đã xuất danh sách 19 đơn vị ra «{exported}».\n"
    code, out, _ = run(capsys, "--db", demo_db, "import", str(exported), "--units", "--dry-run")
    assert "(0 mới, 0 thay đổi, 19 không đổi)" in out
    code, out, _ = run(
        capsys,
        "--db",
        demo_db,
        "progress",
        "--period",
        "2022-06",
        "--by",
        "cluster",
        "--format",
        "csv",
    )
    assert "VENBIEN,CNS_TO,,,,,no_data" in out  # the new cluster, its one unit yet to report
    bad = tmp_path / "bad.csv"
    bad.write_text("ma_don_vi,ten_don_vi,ma_cum\nXA MOI,Xã,VENBIEN\n")
    code, _, err = run(capsys, "--db", demo_db, "import", str(bad), "--units")
    assert code == 1
    assert err.startswith("Lỗi (dòng 2, cột A (ma_don_vi), «XA MOI»): Mã đơn vị không hợp lệ")
    with pytest.raises(SystemExit) as exit_info:  # one kind of file at a time
        cli.main(["--db", demo_db, "import", str(bad), "--units", "--targets"])
    assert exit_info.value.code == 2


def test_import_a_list_of_indicators(demo_db, tmp_path, capsys):
    listed = tmp_path / "chi_tieu.csv"
    listed.write_text(
        "ma_chi_tieu;ten_chi_tieu;ma_nhom;ten_nhom;don_vi_do;cach_tong_hop;tan_suat\n"
        "DN_SO;Doanh nghiệp số mới;KTS;Kinh tế số;Số lượng;Phát sinh;Quý\n"
        "CNS_TO;Tổ công nghệ số;CNS;;;;\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--db", demo_db, "import", str(listed), "--indicators", "--dry-run")
    assert code == 0
    assert out == (
        "Chạy thử: danh sách hợp lệ (1 mới, 1 thay đổi, 0 không đổi; 1 nhóm mới); chưa ghi gì.\n"
    )
    code, out, _ = run(capsys, "--db", demo_db, "import", str(listed), "--indicators")
    assert code == 0
    assert out.splitlines() == [
        "CNS_TO: tên: Số tổ công nghệ số cộng đồng đã thành lập → Tổ công nghệ số",
        "Đã nạp danh sách chỉ tiêu: 1 mới, 1 thay đổi, 0 không đổi; 1 nhóm mới.",
    ]
    exported = tmp_path / "chi_tieu.xlsx"
    code, out, _ = run(capsys, "--db", demo_db, "export", "--indicators", "--out", str(exported))
    assert code == 0 and out == f"Đã xuất danh sách 11 chỉ tiêu ra «{exported}».\n"
    code, out, _ = run(
        capsys, "--db", demo_db, "import", str(exported), "--indicators", "--dry-run"
    )
    assert "(0 mới, 0 thay đổi, 11 không đổi)" in out
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "ma_chi_tieu,ten_chi_tieu,ma_nhom,don_vi_do,cach_tong_hop,tan_suat\nX,Y,KTS,,,\n"
    )
    code, out, err = run(capsys, "--db", demo_db, "import", str(bad), "--indicators")
    assert code == 1 and out == ""
    assert err.splitlines()[0].startswith(
        "Lỗi (dòng 2, cột A (ma_chi_tieu), «X»): Mã chỉ tiêu không hợp lệ"
    )
    assert err.splitlines()[-1].startswith("Tệp bị từ chối: 4 lỗi; không có gì được ghi.")


def test_a_new_database_says_what_comes_next(tmp_path, capsys):
    db = str(tmp_path / "moi.duckdb")
    code, out, _ = run(capsys, "--db", db, "init")
    assert code == 0
    assert out.splitlines()[1].startswith("Tiếp theo: tạo tài khoản của Sở (cds user add TÊN")
    code, out, _ = run(capsys, "--db", db, "progress", "--period", "2026-10")
    assert code == 0
    assert out.splitlines() == [
        "Tiến độ Tháng 10/2026",
        "Không có gì để xem: chưa có số liệu và kế hoạch nào.",
    ]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["progress", "--period", "2022-06", "--cluster", "VENBIEN"],
            "Lỗi: không có cụm thi đua «VENBIEN»: chọn một trong DONGBANG, MIENNUI.",
        ),
        (
            ["progress", "--period", "2022-06", "--group", "KTS"],
            "Lỗi: không có nhóm chỉ tiêu «KTS»: chọn một trong TTHC, DVC, CSDL, CNS, VB, HL, TT.",
        ),
        (
            ["report", "--period", "2022-06", "--cluster", "x", "--out", "x.pdf"],
            "Lỗi: không có cụm thi đua «x»: chọn một trong DONGBANG, MIENNUI.",
        ),
    ],
)
def test_a_cluster_or_group_the_catalogue_lacks_is_named_with_those_it_has(
    demo_db, capsys, argv, said
):
    code, out, err = run(capsys, "--db", demo_db, *argv)
    assert (code, out, err) == (1, "", said + "\n")


def test_a_cluster_code_may_be_typed_in_small_letters(demo_db, capsys):
    code, out, _ = run(
        capsys, "--db", demo_db, "progress", "--period", "2022-06", "--cluster", "miennui"
    )
    assert code == 0 and "TAYGIANG" in out


def test_a_reader_that_stops_early_gets_no_traceback(demo_db):
    # `cds progress … | head -1`: the pipe closes before cds writes.
    command = [sys.executable, "-m", "dashboard.cli", "--db", demo_db, "progress"]
    child = subprocess.Popen(
        [*command, "--period", "2022-06"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    child.stdout.close()
    _, err = child.communicate(timeout=120)
    assert err.decode() == "" and child.returncode == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--period", "2022-06", "--out"],
        ["export", "--out"],
        ["template", "--unit", "HOIAN", "--period", "2022-07", "--out"],
    ],
)
def test_an_out_file_that_cannot_be_written_is_said_not_traced(demo_db, tmp_path, capsys, argv):
    suffix = ".pdf" if argv[0] == "report" else ".xlsx"
    missing = tmp_path / "khong_co" / f"ra{suffix}"
    code, _, err = run(capsys, "--db", demo_db, *argv, str(missing))
    assert code == 1 and err.strip() == (
        f"Lỗi: chưa có thư mục «{missing.parent}» (cho tệp «{missing}»): tạo thư mục ấy hoặc sửa "
        "đường dẫn."
    )
    folder = tmp_path / f"thu_muc{suffix}"  # a folder named like the file
    folder.mkdir()
    code, _, err = run(capsys, "--db", demo_db, *argv, str(folder))
    assert code == 1 and err.strip() == (
        f"Lỗi: không dùng được tệp «{folder}»: đó là một thư mục, không phải tệp. Chọn tệp hoặc "
        "chỗ khác."
    )


@pytest.mark.parametrize(
    ("name", "fix"),
    [
        ("bao_cao.csv", "--db nhận tệp .duckdb; tệp số liệu thì nạp bằng `cds import {path}`."),
        ("hong.duckdb", "tệp có thể đã hỏng hoặc bị ghi đè: dùng bản sao lưu của nó."),
    ],
)
def test_a_file_duckdb_did_not_write_is_no_database(tmp_path, capsys, name, fix):
    # a report handed to --db by mistake was opened as an empty database ("nothing to see")
    path = tmp_path / name
    path.write_bytes(b"ma_don_vi,ma_chi_tieu,ky_bao_cao,gia_tri\nHOIAN,CNS_TO,2022-06,1\n")
    for argv in (["progress", "--period", "2022"], ["init"]):
        code, _, err = run(capsys, "--db", str(path), *argv)
        assert code == 1 and err.strip() == (
            f"Lỗi: «{path}» không phải cơ sở dữ liệu của cds (tệp DuckDB): " + fix.format(path=path)
        )
    assert path.read_bytes().startswith(b"ma_don_vi")  # untouched


def test_a_batch_count_below_one_is_a_usage_error(demo_db, capsys):
    # it reached the database, which answered in English ("LIMIT/OFFSET cannot be negative")
    with pytest.raises(SystemExit) as usage:
        cli.main(["--db", demo_db, "batches", "--limit", "-5"])
    assert usage.value.code == 2
    assert "«-5» không phải số nguyên từ 1 trở lên" in capsys.readouterr().err
