-- The current rows of the keys batch $batch_id changes: its own rows, which are the latest in
-- batch order (it took the next number in this transaction, and a concurrent batch changing
-- the same key conflicts with it), unless a tombstone. insert_all_current_figures.sql says
-- the same for the whole log.
INSERT INTO current_figures
SELECT unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    $batch_id, $batch_seq
FROM staged_figures
WHERE change <> 'same' AND NOT deleted
-- By year only: scans skip whole row groups (122,880 rows) by their years, and one commit's
-- rows fill about one, so a finer order inside it lets nothing more be skipped (sorting by
-- indicator and unit as well was a third of this statement for 100,000 rows).
ORDER BY year;
