"""`cds`: the command line over the same service layer the dashboard uses."""

import argparse
import errno
import getpass
import json
import os
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import (
    accounts,
    batches,
    catalog,
    config,
    demo,
    export,
    formatting,
    indicator_list,
    ingest,
    lake,
    migration,
    periods,
    plans,
    progress,
    report,
    settings,
    sql,
    tables,
    templates,
    unit_list,
    usage_words,
)
from dashboard.status import LABELS
from dashboard.store import StoreBusy, open_store, schema_version

PROGRESS_COLUMNS = ["indicator_code", "actual", "target", "achievement_pct", "expected", "status"]
SCOPE_COLUMN = {"unit": "unit_code", "cluster": "cluster_code", "province": "province_code"}


class CliError(Exception):
    """A failure to report as one line, exit 1."""


def _at_least_one(text: str) -> int:
    """A count the user typed: a whole number from 1."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"«{text}» không phải số nguyên từ 1 trở lên")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cds", description="Theo dõi tiến độ chuyển đổi số — dòng lệnh."
    )
    db_help = (
        "tệp cơ sở dữ liệu (mặc định CDS_DB hoặc data/cds.duckdb), hoặc kho dùng chung "
        "ducklake:postgres:dbname=… host=… (mật khẩu để trong PGPASSWORD hoặc ~/.pgpass)"
    )
    data_help = "thư mục dữ liệu Parquet của kho dùng chung (mặc định CDS_DATA_PATH)"
    parser.add_argument("--db", help=db_help)
    parser.add_argument("--data-path", help=data_help)
    # --db is taken before or after the command; the latter must not reset the former.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    common.add_argument("--data-path", default=argparse.SUPPRESS, help=data_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="LỆNH")

    init = commands.add_parser("init", parents=[common], help="tạo hoặc nâng cấp cơ sở dữ liệu")
    init.add_argument("--demo", action="store_true", help="nạp tỉnh mẫu (Dữ liệu mẫu)")

    prog = commands.add_parser(
        "progress", parents=[common], help="tiến độ thực hiện kế hoạch của một kỳ"
    )
    prog.add_argument("--period", required=True, help="kỳ: 2022-06, 2022-Q2, 2022-H1, 2022")
    prog.add_argument("--by", choices=progress.LEVELS, default="unit")
    prog.add_argument("--cluster", help="mã cụm thi đua, ví dụ DONGBANG")
    prog.add_argument("--group", help="mã nhóm chỉ tiêu, ví dụ TTHC")
    prog.add_argument("--format", choices=("table", "csv", "json"), default="table")

    exp = commands.add_parser(
        "export", parents=[common], help="xuất số liệu (dạng dài, nhập lại được)"
    )
    exp.add_argument("--out", required=True, help="tệp .csv hoặc .xlsx")
    exp.add_argument("--year", type=int, help="chỉ xuất một năm")
    listed = exp.add_mutually_exclusive_group()
    listed.add_argument(
        "--units",
        action="store_true",
        help="danh sách đơn vị (sửa rồi nạp lại bằng import --units)",
    )
    listed.add_argument(
        "--indicators",
        action="store_true",
        help="danh sách chỉ tiêu (sửa rồi nạp lại bằng import --indicators)",
    )
    listed.add_argument(
        "--targets",
        action="store_true",
        help="bảng kế hoạch năm --year, mỗi dòng một đơn vị (điền rồi nạp bằng import --targets)",
    )

    imp = commands.add_parser("import", parents=[common], help="kiểm tra và ghi tệp số liệu")
    imp.add_argument(
        "files",
        nargs="+",
        metavar="file",
        help="tệp .csv, .xlsx hoặc .xls; nhiều tệp (ví dụ thu_muc/*.xlsx) thì mỗi tệp một lô, "
        "tệp bị từ chối không làm dừng các tệp khác",
    )
    kind = imp.add_mutually_exclusive_group()
    kind.add_argument("--targets", action="store_true", help="tệp kế hoạch (giao chỉ tiêu)")
    kind.add_argument(
        "--units", action="store_true", help="tệp danh sách đơn vị (ma_don_vi, ten_don_vi, ma_cum)"
    )
    kind.add_argument(
        "--indicators",
        action="store_true",
        help="tệp danh sách chỉ tiêu (ma_chi_tieu, ten_chi_tieu, ma_nhom, don_vi_do, …)",
    )
    imp.add_argument("--user", help="tài khoản gửi (mặc định: người vận hành máy chủ)")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi")

    tpl = commands.add_parser("template", parents=[common], help="tải mẫu nhập liệu của đơn vị")
    tpl.add_argument("--unit", required=True, help="mã đơn vị, ví dụ HOIAN")
    tpl.add_argument("--period", required=True, help="kỳ: 2022-07, 2022-Q3, 2022-H2, 2022")
    tpl.add_argument("--out", required=True, help="tệp .xlsx hoặc .csv")

    rev = commands.add_parser("revert", parents=[common], help="hoàn tác một lô số liệu")
    rev.add_argument("batch", help="số lô (ví dụ 324) hoặc mã lô")
    rev.add_argument("--user", help="tài khoản thực hiện (mặc định: người vận hành máy chủ)")

    lst = commands.add_parser("batches", parents=[common], help="các lô số liệu đã gửi")
    lst.add_argument("--unit", help="chỉ các lô của một đơn vị")
    lst.add_argument("--limit", type=_at_least_one, default=20, help="số lô gần nhất (mặc định 20)")

    rep = commands.add_parser("report", parents=[common], help="tài liệu họp (.pptx, .pdf, .png)")
    rep.add_argument("--period", required=True, help="kỳ: 2022-H1, 2022-Q2, 2022-06, 2022")
    rep.add_argument("--cluster", help="mã cụm thi đua (mặc định: toàn tỉnh)")
    rep.add_argument("--out", required=True, help="tệp .pptx, .pdf hoặc .png")

    bench = commands.add_parser("bench", parents=[common], help="đo hiệu năng (in JSON)")
    bench.add_argument(
        "--scale",
        choices=("national", "province"),
        default="national",
        help="national: 3.321 đơn vị (mặc định); province: 100 đơn vị",
    )
    bench.add_argument(
        "--lake",
        help="đo thêm trang tổng quan trên kho dùng chung trống này (ducklake:postgres:…)",
    )

    user = commands.add_parser("user", parents=[common], help="tài khoản đăng nhập")
    actions = user.add_subparsers(dest="action", required=True, metavar="VIỆC")
    add = actions.add_parser("add", parents=[common], help="tạo tài khoản (mật khẩu đọc từ stdin)")
    add.add_argument("name", help="tên đăng nhập, ví dụ hoian")
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--unit", help="mã đơn vị của tài khoản đơn vị")
    add.add_argument("--display-name", help="tên hiển thị")
    add.add_argument("--email", help="thư điện tử (đăng nhập một lần)")
    add.add_argument("--user", help="người thực hiện (mặc định: người vận hành máy chủ)")
    passwd = actions.add_parser("passwd", parents=[common], help="đổi mật khẩu (đọc từ stdin)")
    passwd.add_argument("name")
    passwd.add_argument("--user", help="người thực hiện (mặc định: người vận hành máy chủ)")
    disable = actions.add_parser(
        "disable", parents=[common], help="khóa (hoặc --enable mở) tài khoản"
    )
    disable.add_argument("name")
    disable.add_argument("--enable", action="store_true", help="mở lại tài khoản")
    disable.add_argument("--user", help="người thực hiện (mặc định: người vận hành máy chủ)")
    actions.add_parser("list", parents=[common], help="liệt kê tài khoản")

    setting = commands.add_parser(
        "public-view",
        parents=[common],
        help="cho phép xem không cần đăng nhập (màn hình treo tường)",
    )
    setting.add_argument("state", choices=("on", "off"))
    setting.add_argument("--user", help="người thực hiện (mặc định: người vận hành máy chủ)")

    move = commands.add_parser(
        "migrate",
        parents=[common],
        help="chuyển tệp cơ sở dữ liệu sang kho dùng chung (DuckLake) và đối chiếu",
    )
    move.add_argument("--from", dest="source", required=True, help="tệp .duckdb đang dùng")
    move.add_argument("--to", dest="lake", required=True, help="ducklake:postgres:dbname=… host=…")

    serve = commands.add_parser("serve", parents=[common], help="chạy bảng điều khiển (Streamlit)")
    serve.add_argument("--port", type=int, default=8501)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 on success, 1 on a failure (one line on stderr), 2 on bad usage."""
    usage_words.install()
    args = _parser().parse_args(argv)
    for given in (args.db, getattr(args, "lake", None)):
        if given and lake.has_password(given):
            print(
                "Lỗi: không ghi mật khẩu trên dòng lệnh (ai cũng xem được danh sách tiến trình): "
                "đặt nó trong biến PGPASSWORD hoặc tệp ~/.pgpass.",
                file=sys.stderr,
            )
            return 2
    if args.data_path:
        os.environ["CDS_DATA_PATH"] = args.data_path  # `cds serve` hands it to the dashboard
    db = config.db_path(args.db)
    try:
        code = COMMANDS[args.command](db, args)
        sys.stdout.flush()  # here, so a reader that stopped early is caught below
        return code
    except BrokenPipeError:
        # `cds progress … | head`: the reader has what it wanted; say nothing more.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (
        CliError,
        ValueError,
        accounts.AccessDenied,
        lake.LakeError,
        StoreBusy,
        migration.MigrationError,
    ) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except duckdb.IOException as exc:
        if lake.is_lake(db):
            print(f"Lỗi kho dùng chung: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1
        print(
            f"Lỗi: không mở được cơ sở dữ liệu «{db}»: một tiến trình khác (thường là bảng "
            "điều khiển `cds serve`) đang mở nó; dừng tiến trình đó rồi chạy lại. "
            f"{str(exc).splitlines()[0]}",
            file=sys.stderr,
        )
        return 1
    except duckdb.Error as exc:
        print(f"Lỗi cơ sở dữ liệu: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    except OSError as exc:  # an --out in a folder that does not exist, a full or locked disk
        print(f"Lỗi: {_file_problem(exc)}", file=sys.stderr)
        return 1


FILE_PROBLEMS = {
    errno.EACCES: "không có quyền",
    errno.EPERM: "không có quyền",
    errno.EISDIR: "đó là một thư mục, không phải tệp",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
}


def _file_problem(exc: OSError) -> str:
    """A file the command could not open or write, said in Vietnamese with what to do."""
    path = Path(exc.filename or "")
    if isinstance(exc, FileNotFoundError) and not path.parent.exists():
        return (
            f"chưa có thư mục «{path.parent}» (cho tệp «{path}»): tạo thư mục ấy hoặc sửa "
            "đường dẫn."
        )
    why = FILE_PROBLEMS.get(exc.errno, exc.strerror or str(exc))
    return f"không dùng được tệp «{path}»: {why}. Chọn tệp hoặc chỗ khác."


def _existing(db: str) -> str:
    if not lake.is_lake(db) and not Path(db).exists():
        raise CliError(f"chưa có cơ sở dữ liệu «{db}»: chạy `cds init --demo` hoặc `cds init`.")
    return _a_database(db)


def _a_database(db: str) -> str:
    """`db`, unless it is a file DuckDB did not write (a report given to --db by mistake)."""
    path = Path(db)
    if lake.is_lake(db) or not path.is_file() or path.stat().st_size == 0:
        return db
    with path.open("rb") as file:
        if file.read(12)[8:12] == b"DUCK":  # DuckDB's mark, after its header's checksum
            return db
    if path.suffix.lower() in (".duckdb", ".db"):
        fix = "tệp có thể đã hỏng hoặc bị ghi đè: dùng bản sao lưu của nó."
    else:
        fix = f"--db nhận tệp .duckdb; tệp số liệu thì nạp bằng `cds import {db}`."
    raise CliError(f"«{db}» không phải cơ sở dữ liệu của cds (tệp DuckDB): {fix}")


def cmd_init(db: str, args) -> int:
    existed = Path(_a_database(db)).exists()
    store = open_store(db)
    cur = store.cursor()
    if args.demo:
        if settings.is_demo(cur):
            print(f"«{db}» đã có tỉnh mẫu; không nạp lại.")
            return 0
        if not catalog.units(cur).empty:
            raise CliError(f"«{db}» đã có dữ liệu thật; tỉnh mẫu chỉ nạp vào cơ sở dữ liệu trống.")
        count = demo.load(store)
        print(f"Đã nạp tỉnh mẫu (Dữ liệu mẫu): {formatting.number(count)} số liệu vào «{db}».")
        return 0
    if lake.is_lake(db):
        print(f"Kho dùng chung «{db}» đã sẵn sàng (lược đồ bản {schema_version(cur)}).")
    else:
        print(f"Cơ sở dữ liệu «{db}» {'đã được nâng cấp' if existed else 'đã được tạo'}.")
    if catalog.units(cur).empty:
        print(
            "Tiếp theo: tạo tài khoản của Sở (cds user add TÊN --role admin), nạp danh sách "
            "đơn vị và chỉ tiêu (cds import TỆP --units, cds import TỆP --indicators, hoặc "
            "trang Danh mục), rồi giao kế hoạch (cds import TỆP --targets)."
        )
    return 0


def _known(code: str | None, known: pd.DataFrame, what: str) -> str | None:
    """A code the user typed, in capitals, when the catalogue has it (None stays None)."""
    if code is None:
        return None
    if code.upper() not in set(known["code"]):
        raise CliError(f"không có {what} «{code}»: chọn một trong {', '.join(known['code'])}.")
    return code.upper()


def cmd_progress(db: str, args) -> int:
    period = periods.must_parse(args.period)
    cur = open_store(_existing(db)).cursor()
    cluster = _known(args.cluster, catalog.clusters(cur), "cụm thi đua")
    group = _known(args.group, catalog.indicator_groups(cur), "nhóm chỉ tiêu")
    frame = progress.progress(cur, period, args.by, cluster=cluster, group=group)
    scope = SCOPE_COLUMN[args.by]
    out = frame.drop(columns="cluster_code").rename(columns={"scope_code": scope})
    out = out[[scope, *PROGRESS_COLUMNS]]
    for column in ("actual", "target", "achievement_pct", "expected"):
        out[column] = out[column].astype(float).round(4)
    if args.format == "csv":
        sys.stdout.write(out.to_csv(index=False, lineterminator="\n"))
    elif args.format == "json":
        records = json.loads(out.to_json(orient="records", force_ascii=False))
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif out.empty:
        said = progress.nothing_to_show(progress.years(cur), period, "Không có gì để xem")
        print(f"Tiến độ {period.label}\n{said}")
    else:
        print(_table(out, scope, period))
    return 0


def _table(frame: pd.DataFrame, scope: str, period: periods.Period) -> str:
    shown = pd.DataFrame(
        {
            "Phạm vi": frame[scope],
            "Chỉ tiêu": frame["indicator_code"],
            "Thực hiện": frame["actual"].map(lambda v: formatting.number(v, 2)),
            "Kế hoạch": frame["target"].map(lambda v: formatting.number(v, 2)),
            "Đạt (% KH)": frame["achievement_pct"].map(formatting.percent),
            "Tiến độ cần đạt": frame["expected"].map(lambda v: formatting.number(v, 2)),
            "Đánh giá": frame["status"].map(LABELS),
        }
    )
    return f"Tiến độ {period.label}\n" + shown.to_string(index=False)


def cmd_export(db: str, args) -> int:
    cur = open_store(_existing(db)).cursor()
    if args.units:
        count = export.write_table(unit_list.as_file(catalog.units(cur)), Path(args.out))
        print(f"Đã xuất danh sách {formatting.number(count)} đơn vị ra «{args.out}».")
        return 0
    if args.indicators:
        listed = indicator_list.as_file(catalog.indicators(cur), catalog.indicator_groups(cur))
        count = export.write_table(listed, Path(args.out))
        print(f"Đã xuất danh sách {formatting.number(count)} chỉ tiêu ra «{args.out}».")
        return 0
    if args.targets:
        if args.year is None:
            raise CliError("xuất bảng kế hoạch cần --year, ví dụ --year 2023.")
        count = export.write_table(plans.as_file(cur, args.year), Path(args.out))
        print(
            f"Đã xuất bảng kế hoạch năm {args.year} ({formatting.number(count)} dòng: toàn tỉnh "
            f"và các đơn vị) ra «{args.out}»."
        )
        return 0
    count = export.write_figures(cur, Path(args.out), args.year)
    print(f"Đã xuất {formatting.number(count)} số liệu ra «{args.out}».")
    return 0


def _problem_line(problem) -> str:
    where = []
    if isinstance(problem.get("sheet"), str):  # a workbook read from several sheets
        where.append(f"trang «{problem['sheet']}»")
    if pd.notna(problem["row"]):
        where.append(f"dòng {int(problem['row'])}")
    if isinstance(problem["column"], str):
        where.append(f"cột {problem['column']}")
    if isinstance(problem["value"], str):
        where.append(f"«{problem['value']}»")
    prefix = SEVERITY[problem["severity"]] + (f" ({', '.join(where)})" if where else "")
    return f"{prefix}: {problem['message']}"


SEVERITY = {"error": "Lỗi", "warning": "Cảnh báo"}


def _reported(problems: pd.DataFrame) -> bool:
    """Print a file's problems (errors on stderr) and, with any error, that nothing was written;
    whether the file may go on."""
    for problem in problems.to_dict("records"):
        # flushed: piped, the two streams keep the file's order and stay under its heading
        print(
            _problem_line(problem),
            file=sys.stderr if problem["severity"] == "error" else sys.stdout,
            flush=True,
        )
    errors = int((problems["severity"] == "error").sum())
    if errors:
        print(
            f"Tệp bị từ chối: {formatting.number(errors)} lỗi; không có gì được ghi. Sửa các lỗi "
            "trên rồi gửi lại.",
            file=sys.stderr,
        )
    return not errors


def cmd_import(db: str, args) -> int:
    paths = [Path(name) for name in args.files]
    if len(paths) == 1:
        return _import_file(db, args, paths[0])
    # Each file its own batch, all of it or none, whatever became of the files before it.
    codes = []
    for path in paths:
        print(f"== Tệp «{path}»", flush=True)
        codes.append(_import_file(db, args, path))
    refused = sum(code != 0 for code in codes)
    taken = "hợp lệ" if args.dry_run else "đã nhận"
    print(
        f"Tổng cộng {formatting.number(len(paths))} tệp: "
        f"{formatting.number(len(paths) - refused)} tệp {taken}, {formatting.number(refused)} "
        "tệp bị từ chối hoặc không có."
    )
    return max(codes)


def _import_file(db: str, args, path: Path) -> int:
    """One file checked and, unless a dry run, written as one batch; its exit code."""
    if not path.is_file():
        print(
            f"Lỗi: «{path}» là một thư mục: ghi tên các tệp trong đó, ví dụ «{path / '*.xlsx'}»."
            if path.is_dir()
            else f"Lỗi: không có tệp «{path}».",
            file=sys.stderr,
        )
        return 2
    store = open_store(_existing(db))
    actor = accounts.actor(store.cursor(), args.user)
    data = path.read_bytes()
    if args.units or args.indicators:
        lists = (unit_list, "đơn vị") if args.units else (indicator_list, "chỉ tiêu")
        return _import_list(store, actor, data, path.name, args.dry_run, *lists)
    if args.dry_run:
        upload = ingest.check(store.cursor(), data, path.name, actor, targets=args.targets)
    else:
        upload = ingest.submit(store, data, path.name, actor, targets=args.targets)
    what = "kế hoạch" if args.targets else "số liệu"
    if not _reported(upload.problems):
        return 1
    counts = formatting.change_counts(
        upload.count("new"), upload.count("changed"), upload.count("same")
    )
    rows = formatting.number(len(upload.changes))
    if upload.duplicate_of is not None:
        earlier = upload.duplicate_of
        print(
            f"Tệp này đã được gửi lúc {formatting.date_time(earlier['created_at'])} (lô "
            f"#{earlier['seq']}): không có gì thay đổi."
        )
    elif args.dry_run:
        print(f"Chạy thử: tệp hợp lệ, {rows} {what} ({counts}); chưa ghi gì.")
    else:
        print(f"Đã ghi lô #{upload.batch.seq}: {rows} {what} ({counts}).")
    return 0


def _import_list(store, actor, data: bytes, file_name: str, dry_run: bool, kind, what) -> int:
    """A list of units or indicators (`kind`: unit_list or indicator_list) checked and, unless
    a dry run, written."""
    listed = kind.read(store.cursor(), data, file_name)
    if not _reported(listed.problems):
        return 1
    if dry_run:
        print(f"Chạy thử: danh sách hợp lệ ({listed.summary()}); chưa ghi gì.")
        return 0
    written = kind.write(store, actor, listed)
    for row in written.rows[written.rows["change"] == "changed"].itertuples():
        print(f"{row.code}: {row.before}")
    print(f"Đã nạp danh sách {what}: {written.summary()}.")
    return 0


def cmd_template(db: str, args) -> int:
    period = periods.must_parse(args.period)
    cur = open_store(_existing(db)).cursor()
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        out.write_bytes(templates.xlsx_bytes(cur, args.unit.upper(), period))
    elif suffix == ".csv":
        out.write_bytes(templates.csv_bytes(cur, args.unit.upper(), period))
    else:
        raise CliError(f"không tạo được «{out.name}»: chọn tệp .xlsx hoặc .csv.")
    print(f"Đã tạo mẫu nhập liệu {args.unit.upper()} — {period.label}: «{out}».")
    return 0


def cmd_revert(db: str, args) -> int:
    store = open_store(_existing(db))
    cur = store.cursor()
    actor = accounts.actor(cur, args.user)
    batch_id = args.batch
    if args.batch.lstrip("#").isdigit():
        batch_id = sql.scalar(cur, "batch_id_by_seq", seq=int(args.batch.lstrip("#")))
        if batch_id is None:
            raise CliError(f"không có lô số {args.batch}.")
    result = batches.revert(store, batch_id, actor)
    print(
        f"Đã hoàn tác bằng lô #{result.seq}: {result.changed + result.new} số liệu được trả "
        "về giá trị trước đó."
    )
    return 0


def cmd_batches(db: str, args) -> int:
    cur = open_store(_existing(db)).cursor()
    frame = batches.batch_list(cur, unit=args.unit, limit=args.limit)
    if frame.empty:
        print("Chưa có lô số liệu nào.")
        return 0
    shown = tables.batch_history(frame)
    print(shown.to_string(index=False))
    return 0


def cmd_report(db: str, args) -> int:
    period = periods.must_parse(args.period)
    out = Path(args.out)
    if out.suffix.lower() not in report.WRITERS:
        raise CliError(f"không tạo được «{out.name}»: chọn tệp .pptx, .pdf hoặc .png.")
    cur = open_store(_existing(db)).cursor()
    cluster = _known(args.cluster, catalog.clusters(cur), "cụm thi đua")
    started = time.perf_counter()
    pack = report.build(cur, period, cluster)
    out.write_bytes(report.render(pack, out.suffix))
    print(
        f"Đã tạo «{out}»: {pack.title} ({len(pack.slides) + 1} trang, "
        f"{formatting.number(time.perf_counter() - started, 1)} giây)."
    )
    return 0


def cmd_bench(db: str, args) -> int:
    from dashboard import bench  # numpy-heavy; only the benchmark needs it

    print(bench.main(args.scale, args.lake))
    return 0


def read_password(confirm: bool = True) -> str:
    """The new password: prompted twice on a terminal, else the first line of standard input."""
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Mật khẩu: ")
        if confirm and getpass.getpass("Nhập lại mật khẩu: ") != first:
            raise CliError("hai lần nhập mật khẩu không khớp.")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise CliError("không có mật khẩu: gõ mật khẩu khi được hỏi, hoặc đưa vào stdin.")
    return line.rstrip("\r\n")


def cmd_user(db: str, args) -> int:
    store = open_store(_existing(db))
    if args.action == "list":
        frame = accounts.users(store.cursor())
        if frame.empty:
            print(
                "Chưa có tài khoản nào. Tạo quản trị viên đầu tiên: cds user add TEN --role admin"
            )
            return 0
        shown = pd.DataFrame(
            {
                "Tên đăng nhập": frame["username"],
                "Tên hiển thị": frame["display_name"],
                "Vai trò": frame["role"].map(accounts.ROLE_LABELS),
                "Đơn vị": frame["unit_code"],
                "Thư điện tử": frame["email"],
                "Trạng thái": frame["disabled"].map({True: "đã khóa", False: "hoạt động"}),
            }
        ).fillna("")
        print(shown.to_string(index=False))
        return 0
    by = accounts.actor(store.cursor(), args.user)
    if args.action == "add":
        accounts.check_new_account(
            store, by, args.name, args.role, unit_code=args.unit, email=args.email
        )
        created = accounts.add_user(
            store,
            by,
            args.name,
            args.role,
            read_password(),
            unit_code=args.unit,
            display_name=args.display_name,
            email=args.email,
        )
        print(
            f"Đã tạo tài khoản {created.username} ({accounts.ROLE_LABELS[created.role]}"
            f"{' ' + created.unit_code if created.unit_code else ''})."
        )
    elif args.action == "passwd":
        accounts.check_password_change(store, by, args.name)
        accounts.set_password(store, by, args.name, read_password())
        print(f"Đã đổi mật khẩu của {args.name.lower()}.")
    else:
        accounts.set_disabled(store, by, args.name, not args.enable)
        print(f"Đã {'mở' if args.enable else 'khóa'} tài khoản {args.name.lower()}.")
    return 0


def cmd_public_view(db: str, args) -> int:
    store = open_store(_existing(db))
    settings.set_public_view(store, accounts.actor(store.cursor(), args.user), args.state == "on")
    print(
        "Đã bật xem công khai: ai mở bảng điều khiển cũng xem được (không sửa được)."
        if args.state == "on"
        else "Đã tắt xem công khai: phải đăng nhập mới xem được."
    )
    return 0


def cmd_serve(db: str, args) -> int:
    app = Path(__file__).resolve().parent / "entrypoint" / "app.py"
    # The server starts in the project folder (.streamlit/config.toml lives there): paths given
    # relative to where `cds` ran are made absolute first, or a new empty database would open.
    os.environ["CDS_DB"] = db if lake.is_lake(db) else str(Path(_existing(db)).resolve())
    data_path = config.data_path()
    if data_path:
        os.environ["CDS_DATA_PATH"] = str(Path(data_path).resolve())
    os.chdir(Path(__file__).resolve().parent.parent)
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.port",
        str(args.port),
        "--server.headless",
        "true",
    ]
    # Become Streamlit, so a stop signal reaches the server itself and leaves nothing behind.
    os.execv(sys.executable, command)
    return 0  # not reached


def cmd_migrate(db: str, args) -> int:
    counts = migration.to_lake(_existing(args.source), args.lake)
    for table, (rows, _) in counts.items():
        print(f"{table}: {formatting.number(rows)} dòng — khớp")
    print(f"Đã chuyển «{args.source}» sang kho dùng chung; số dòng và tổng số liệu đều khớp.")
    return 0


COMMANDS = {
    "init": cmd_init,
    "progress": cmd_progress,
    "export": cmd_export,
    "import": cmd_import,
    "template": cmd_template,
    "revert": cmd_revert,
    "batches": cmd_batches,
    "report": cmd_report,
    "bench": cmd_bench,
    "user": cmd_user,
    "public-view": cmd_public_view,
    "migrate": cmd_migrate,
    "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
