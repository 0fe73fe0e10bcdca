-- Drop the derived current rows of the keys a commit touches, before they are rebuilt.
DELETE FROM current_figures AS c
WHERE EXISTS (
    SELECT 1
    FROM staged_figures AS s
    WHERE s.unit_code = c.unit_code
        AND s.indicator_code = c.indicator_code
        AND s.period = c.period
);
