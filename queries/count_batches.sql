-- How many rows the batches table holds.
SELECT count(*)
FROM batches;
