-- The active account with this e-mail (case-insensitive), for single sign-on.
SELECT username, role, unit_code, disabled, password_hash, display_name
FROM users
WHERE lower(email) = lower($email)
ORDER BY username
LIMIT 1;
