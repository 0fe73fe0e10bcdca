"""The benchmark at province scale: it runs, every computation agrees, the numbers are there."""

from dashboard import bench


def test_province_bench_agrees_and_reports_every_number():
    result = bench.run("province")
    assert result["same_results"] is True
    assert result["rows"] == 100 * (24 * 60 + 6 * 20)
    # three uploads of the last two months, each changing every figure (the bench refuses less)
    assert result["ingest_rows"] == 100 * (24 * 2 + 6) and len(result["ingest_s_each"]) == 3
    for key in (
        "ingest_rows_per_s",
        "ingest_vs_raw",
        "overview_p50_ms",
        "overview_p95_ms",
        "uploaded_month_overview_p50_ms",
        "uploaded_month_overview_after_p50_ms",
        "scan_ms",
        "overview_vs_scan",
        "fetch_floor_ms",
        "checkpoint_after_ingest_s",
        "pandas_speedup",
        "sqlite_speedup",
        "page_cold_ms",
        "page_warm_ms",
        "peak_rss_mb",
    ):
        assert result[key] > 0, key


def test_a_wrong_answer_is_caught():
    import pandas as pd

    frame = pd.DataFrame(
        {
            "scope_code": ["A"],
            "indicator_code": ["I"],
            "status": ["done"],
            **{c: [1.0] for c in bench.COMPARED},
        }
    )
    ranking = pd.DataFrame({"unit_code": ["A"], "rank": [1]})
    ours = {"clusters": frame, "units": frame, "ranking": ranking}
    assert bench.agree(ours, ours)
    wrong = frame.assign(actual=[1.1])
    assert not bench.agree(ours, {"clusters": wrong, "units": frame, "ranking": ranking})


def test_the_overview_on_a_lake_gives_the_same_numbers(lake_target):
    result = bench.run("province", lake_target=lake_target)
    assert result["lake_same_results"] is True and result["same_results"] is True
    assert result["lake_overview_p50_ms"] > 0 and result["lake_vs_file"] > 0
