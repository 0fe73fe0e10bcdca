-- Rebuild every current figure from the log: the latest in batch order, unless a tombstone.
INSERT INTO current_figures
SELECT unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    batch_id, batch_seq
FROM (
    SELECT *
    FROM figures
    QUALIFY row_number() OVER (
        PARTITION BY unit_code, indicator_code, period ORDER BY batch_seq DESC, batch_id DESC
    ) = 1
)
WHERE NOT deleted
ORDER BY year, indicator_code, unit_code, month;
