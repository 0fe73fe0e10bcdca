-- Benchmark only: a bare scan-and-sum of one year's current figures, the floor of any design.
SELECT count(*), sum(value)
FROM current_figures
WHERE year = $year;
