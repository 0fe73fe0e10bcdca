-- Append one write to the audit log, numbered after the last one.
INSERT INTO audit_log (seq, logged_at, username, action, detail, batch_id)
SELECT coalesce(max(seq), 0) + 1, $logged_at, $username, $action, $detail, $batch_id
FROM audit_log;
