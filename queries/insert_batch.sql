-- Record one batch of figures or targets.
INSERT INTO batches (
    id, seq, username, unit_code, file_name, sha256, kind,
    rows_new, rows_changed, rows_same, created_at, reverts
)
VALUES (
    $id, $seq, $username, $unit_code, $file_name, $sha256, $kind,
    $rows_new, $rows_changed, $rows_same, $created_at, $reverts
);
