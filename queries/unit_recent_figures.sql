-- A unit's current figures from January of $year - 1 to month $month of $year, oldest first.
SELECT indicator_code, period, year, month, value
FROM current_figures
WHERE unit_code = $unit
    AND (year = $year - 1 OR (year = $year AND month <= $month))
ORDER BY indicator_code, year, month;
