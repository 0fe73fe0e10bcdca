-- One account's name, role, unit and whether it is disabled.
SELECT username, role, unit_code, disabled
FROM users
WHERE username = $username;
