-- A name's sign-in attempts since $since, oldest first.
SELECT attempted_at, succeeded
FROM login_attempts
WHERE username = $username AND attempted_at >= $since
ORDER BY attempted_at;
