-- An earlier batch made from the same file contents, if any.
SELECT id, seq, created_at, file_name
FROM batches
WHERE sha256 = $sha256 AND kind = $kind
ORDER BY seq
LIMIT 1;
