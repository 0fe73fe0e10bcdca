-- How many rows the users table holds.
SELECT count(*)
FROM users;
