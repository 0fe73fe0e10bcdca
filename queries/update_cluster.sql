-- Rename a cluster.
UPDATE clusters
SET name = $name
WHERE code = $code;
