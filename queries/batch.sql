-- One batch by id, with the batch that reverted it, if any.
SELECT b.*, r.id AS reverted_by, r.seq AS reverted_by_seq
FROM batches AS b
LEFT JOIN batches AS r ON r.reverts = b.id
WHERE b.id = $batch_id
LIMIT 1;
