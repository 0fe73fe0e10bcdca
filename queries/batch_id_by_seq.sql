-- The id of the batch with commit number $seq (the first, should two lake writers tie).
SELECT id
FROM batches
WHERE seq = $seq
ORDER BY id
LIMIT 1;
