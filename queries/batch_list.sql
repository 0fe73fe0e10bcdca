-- Batches newest first, of one unit (NULL for all) and optionally one kind, with who reverted them.
SELECT
    b.id, b.seq, b.username, b.unit_code, b.file_name, b.kind, b.rows_new, b.rows_changed,
    b.rows_same, b.created_at, b.reverts, r.id AS reverted_by, r.seq AS reverted_by_seq
FROM batches AS b
LEFT JOIN batches AS r ON r.reverts = b.id
WHERE ($unit IS NULL OR b.unit_code = $unit)
    AND ($kind IS NULL OR b.kind = $kind)
ORDER BY b.seq DESC, b.id DESC
LIMIT $limit;
