-- Each staged figure against the current one: new, changed (with the old values) or same, in
-- no particular order (a commit needs none; batches.classify sorts what a preview shows).
SELECT
    s.*,
    c.value AS old_value,
    c.numerator AS old_numerator,
    c.denominator AS old_denominator,
    c.note AS old_note,
    CASE
        WHEN c.unit_code IS NULL THEN 'new'
        WHEN c.value IS NOT DISTINCT FROM s.value
            AND c.numerator IS NOT DISTINCT FROM s.numerator
            AND c.denominator IS NOT DISTINCT FROM s.denominator
            AND coalesce(c.note, '') = coalesce(s.note, '') THEN 'same'
        ELSE 'changed'
    END AS change
FROM staged_figures AS s
LEFT JOIN current_figures AS c USING (unit_code, indicator_code, period);
