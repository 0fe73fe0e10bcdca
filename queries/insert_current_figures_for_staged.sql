-- The current rows of the keys batch $batch_id changes: its own rows, which are the latest in
-- batch order (it took the next number in this transaction, and a concurrent batch changing
-- the same key conflicts with it), unless a tombstone. insert_all_current_figures.sql says
-- the same for the whole log.
INSERT INTO current_figures
SELECT unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    $batch_id, $batch_seq
FROM staged_figures
WHERE change <> 'same' AND NOT deleted
ORDER BY year, indicator_code, unit_code, month;
