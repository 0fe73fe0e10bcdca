-- Drop the current rows of the keys a commit changes, before they are replaced.
DELETE FROM current_figures AS c
USING (SELECT unit_code, indicator_code, period FROM staged_figures WHERE change <> 'same') AS s
WHERE s.unit_code = c.unit_code
    AND s.indicator_code = c.indicator_code
    AND s.period = c.period;
