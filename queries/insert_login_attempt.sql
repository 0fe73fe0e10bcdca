-- Record one sign-in attempt.
INSERT INTO login_attempts (username, attempted_at, succeeded)
VALUES ($username, $attempted_at, $succeeded);
