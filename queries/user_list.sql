-- Every account without its password hash, admins first.
SELECT username, display_name, role, unit_code, email, disabled,
    password_hash IS NOT NULL AS has_password
FROM users
ORDER BY CASE role WHEN 'admin' THEN 0 WHEN 'unit' THEN 1 ELSE 2 END, username;
