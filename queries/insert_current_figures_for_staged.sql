-- Rebuild the current rows of the keys a commit touches: the latest in batch order, unless a tombstone.
INSERT INTO current_figures
SELECT unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    batch_id, batch_seq
FROM (
    SELECT f.*
    FROM figures AS f
    SEMI JOIN staged_figures AS s USING (unit_code, indicator_code, period)
    QUALIFY row_number() OVER (
        PARTITION BY f.unit_code, f.indicator_code, f.period
        ORDER BY f.batch_seq DESC, f.batch_id DESC
    ) = 1
)
WHERE NOT deleted
ORDER BY year, indicator_code, unit_code, month;
