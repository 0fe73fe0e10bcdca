-- Drop the current rows of the keys a commit's tombstones (a revert's) clear.
DELETE FROM current_figures AS c
USING (
    SELECT unit_code, indicator_code, period FROM staged_figures WHERE change <> 'same' AND deleted
) AS s
WHERE s.unit_code = c.unit_code
    AND s.indicator_code = c.indicator_code
    AND s.period = c.period;
