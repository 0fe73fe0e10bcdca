-- A unit's current figures in the periods ending in months $first_month..$last_month of $year.
SELECT indicator_code, period, year, month, value, numerator, denominator, note
FROM current_figures
WHERE unit_code = $unit AND year = $year AND month BETWEEN $first_month AND $last_month;
