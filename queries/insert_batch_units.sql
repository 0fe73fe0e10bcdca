-- Record the units whose figures batch $batch_id wrote.
INSERT INTO batch_units (batch_id, unit_code)
SELECT DISTINCT $batch_id, unit_code
FROM staged_figures
WHERE change <> 'same';
