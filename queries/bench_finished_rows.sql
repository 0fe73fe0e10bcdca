-- Benchmark only: a finished overview frame, fetched as is.
SELECT * FROM finished_rows;
