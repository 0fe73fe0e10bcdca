-- Record that a browser session started (revoked = false) or ended (revoked = true).
INSERT INTO web_sessions (token_hash, username, created_at, revoked)
VALUES ($token_hash, $username, $created_at, $revoked);
