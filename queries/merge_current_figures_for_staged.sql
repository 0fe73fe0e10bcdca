-- Bring the current rows of the keys batch $batch_id changes up to its own rows, which are the
-- latest in batch order (it took the next number in this transaction, and a concurrent batch
-- changing the same key conflicts with it): a changed key's row is rewritten where it lies, a
-- new key's appended; delete_current_figures_for_staged.sql drops a tombstone's (DuckLake
-- takes one matched action per MERGE). insert_all_current_figures.sql says the same for the
-- whole log. In place rather than deleted and appended again: for 100,000 changed keys
-- 0.07 s instead of 0.13 s, a quarter of the write-ahead log, and the snapshot refresh that
-- reads these rows next is faster on rows left where they were.
MERGE INTO current_figures AS c
USING (SELECT * FROM staged_figures WHERE change <> 'same' AND NOT deleted) AS s
ON c.unit_code = s.unit_code AND c.indicator_code = s.indicator_code AND c.period = s.period
WHEN MATCHED THEN UPDATE SET
    value = s.value,
    numerator = s.numerator,
    denominator = s.denominator,
    note = s.note,
    batch_id = $batch_id,
    batch_seq = $batch_seq
WHEN NOT MATCHED THEN INSERT (
    unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    batch_id, batch_seq
) VALUES (
    s.unit_code, s.indicator_code, s.period, s.year, s.month, s.value, s.numerator,
    s.denominator, s.note, $batch_id, $batch_seq
);
