-- Drop the current rows of the keys a commit changes, before they are replaced.
DELETE FROM current_figures AS c
WHERE EXISTS (
    SELECT 1
    FROM staged_figures AS s
    WHERE s.change <> 'same'
        AND s.unit_code = c.unit_code
        AND s.indicator_code = c.indicator_code
        AND s.period = c.period
);
