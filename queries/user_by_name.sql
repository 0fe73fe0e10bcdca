-- One account's name, role, unit, whether it is disabled, its password hash and display name.
SELECT username, role, unit_code, disabled, password_hash, display_name
FROM users
WHERE username = $username;
