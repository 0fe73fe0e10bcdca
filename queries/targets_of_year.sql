-- Every current target of a year: unit (or '*'), indicator, value.
SELECT unit_code, indicator_code, value
FROM current_targets
WHERE year = $year;
