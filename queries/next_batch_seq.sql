-- The commit-order number the next batch takes.
SELECT coalesce(max(seq), 0) + 1 AS seq
FROM batches;
