"""`cds`: the command line over the same service layer the dashboard uses."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import catalog, config, demo, export, formatting, periods, progress, settings
from dashboard.status import LABELS
from dashboard.store import open_store

PROGRESS_COLUMNS = ["indicator_code", "actual", "target", "achievement_pct", "expected", "status"]
SCOPE_COLUMN = {"unit": "unit_code", "cluster": "cluster_code", "province": "province_code"}


class CliError(Exception):
    """A failure to report as one line, exit 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cds", description="Theo dõi tiến độ chuyển đổi số — dòng lệnh."
    )
    db_help = "tệp cơ sở dữ liệu (mặc định CDS_DB hoặc data/cds.duckdb)"
    parser.add_argument("--db", help=db_help)
    # --db is taken before or after the command; the latter must not reset the former.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
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

    serve = commands.add_parser("serve", parents=[common], help="chạy bảng điều khiển (Streamlit)")
    serve.add_argument("--port", type=int, default=8501)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 on success, 1 on a failure (one line on stderr), 2 on bad usage."""
    args = _parser().parse_args(argv)
    db = config.db_path(args.db)
    try:
        return COMMANDS[args.command](db, args)
    except (CliError, ValueError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except duckdb.IOException as exc:
        print(
            f"Lỗi: không mở được cơ sở dữ liệu «{db}» (có thể một tiến trình khác đang mở): "
            f"{str(exc).splitlines()[0]}",
            file=sys.stderr,
        )
        return 1
    except duckdb.Error as exc:
        print(f"Lỗi cơ sở dữ liệu: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1


def _existing(db: str) -> str:
    if not Path(db).exists():
        raise CliError(f"chưa có cơ sở dữ liệu «{db}»: chạy `cds init --demo` hoặc `cds init`.")
    return db


def cmd_init(db: str, args) -> int:
    existed = Path(db).exists()
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
    print(f"Cơ sở dữ liệu «{db}» {'đã được nâng cấp' if existed else 'đã được tạo'}.")
    return 0


def cmd_progress(db: str, args) -> int:
    period = periods.must_parse(args.period)
    cur = open_store(_existing(db)).cursor()
    frame = progress.progress(cur, period, args.by, cluster=args.cluster, group=args.group)
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
    count = export.write_figures(cur, Path(args.out), args.year)
    print(f"Đã xuất {formatting.number(count)} số liệu ra «{args.out}».")
    return 0


def cmd_serve(db: str, args) -> int:
    app = Path(__file__).resolve().parent / "app.py"
    env = {**os.environ, "CDS_DB": db}
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
    return subprocess.call(command, env=env, cwd=Path(__file__).resolve().parent.parent)


COMMANDS = {
    "init": cmd_init,
    "progress": cmd_progress,
    "export": cmd_export,
    "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
