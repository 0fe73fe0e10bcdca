-- The years the progress snapshot holds.
SELECT DISTINCT year
FROM scope_progress
WHERE level = 'province';
