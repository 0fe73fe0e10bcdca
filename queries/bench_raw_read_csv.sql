-- Benchmark only: DuckDB's plain CSV reader loading a file into a bare table (the floor).
CREATE OR REPLACE TABLE bench_raw AS
SELECT *
FROM read_csv($path, header = true, all_varchar = true);
