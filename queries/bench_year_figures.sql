-- Benchmark only: the current figures of two years, for the pandas and SQLite baselines.
SELECT unit_code, indicator_code, year, month, value, numerator, denominator
FROM current_figures
WHERE year BETWEEN $year - 1 AND $year;
