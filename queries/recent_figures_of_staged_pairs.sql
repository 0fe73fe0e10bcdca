-- Current figures of the staged (unit, indicator) pairs from the year before $year on: what an
-- upload's figures are compared with to warn of drops and jumps.
SELECT f.unit_code, f.indicator_code, f.period, f.year, f.month, f.value
FROM current_figures AS f
SEMI JOIN staged_pairs AS s USING (unit_code, indicator_code)
WHERE f.year >= $year - 1;
