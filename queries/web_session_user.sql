-- The account of a browser session that started after $since and has not ended, if active.
SELECT u.username, u.role, u.unit_code, u.disabled, u.password_hash, u.display_name
FROM web_sessions AS s
JOIN users AS u ON u.username = s.username
WHERE s.token_hash = $token_hash
    AND NOT s.revoked
    AND s.created_at >= $since
    AND NOT u.disabled
    AND NOT EXISTS (
        SELECT 1 FROM web_sessions AS r WHERE r.token_hash = $token_hash AND r.revoked
    )
LIMIT 1;
