-- The value of one setting, or no row when it was never set.
SELECT value
FROM settings
WHERE key = $key;
