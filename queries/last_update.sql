-- When the latest batch of figures was committed (UTC), or NULL on an empty database.
SELECT max(created_at) AS last_update
FROM batches
WHERE kind IN ('figures', 'revert', 'demo');
