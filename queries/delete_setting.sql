-- Remove a setting before it is written again.
DELETE FROM settings
WHERE key = $key;
