-- Disable or re-enable an account.
UPDATE users
SET disabled = $disabled
WHERE username = $username;
