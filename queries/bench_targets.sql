-- Benchmark only: every current target, for the pandas and SQLite baselines.
SELECT unit_code, indicator_code, year, value
FROM current_targets;
