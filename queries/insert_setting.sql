-- Write a setting.
INSERT INTO settings (key, value)
VALUES ($key, $value);
