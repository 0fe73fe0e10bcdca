-- The audit log newest first, optionally of one user, one action, and from/to a time (UTC).
SELECT seq, logged_at, username, action, detail, batch_id
FROM audit_log
WHERE ($username IS NULL OR username = $username)
    AND ($action IS NULL OR action = $action)
    AND ($since IS NULL OR logged_at >= $since)
    AND ($until IS NULL OR logged_at < $until)
ORDER BY seq DESC
LIMIT $limit;
