-- Each staged target against the current one: new, changed (with the old value) or same.
SELECT
    s.*,
    c.value AS old_value,
    CASE
        WHEN c.unit_code IS NULL THEN 'new'
        WHEN c.value IS NOT DISTINCT FROM s.value THEN 'same'
        ELSE 'changed'
    END AS change
FROM staged_targets AS s
LEFT JOIN current_targets AS c USING (unit_code, indicator_code, year)
ORDER BY s.source_row;
