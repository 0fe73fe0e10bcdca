-- The province-wide ('*') target of an indicator for a year, if set.
SELECT value
FROM current_targets
WHERE unit_code = '*' AND indicator_code = $indicator AND year = $year;
