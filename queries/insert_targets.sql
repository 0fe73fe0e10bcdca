-- Append the staged targets that differ from the current ones to the log, as batch $batch_id.
INSERT INTO targets (unit_code, indicator_code, year, value, deleted, batch_id, batch_seq)
SELECT unit_code, indicator_code, year, value, deleted, $batch_id, $batch_seq
FROM staged_targets
WHERE change <> 'same';
