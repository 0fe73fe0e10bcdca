-- Append the staged figures that differ from the current ones to the log, as batch $batch_id.
INSERT INTO figures (
    unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    deleted, batch_id, batch_seq
)
SELECT
    unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    deleted, $batch_id, $batch_seq
FROM staged_figures
WHERE change <> 'same';
