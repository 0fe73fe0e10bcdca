-- Schema step 3: e-mail for single sign-on, and sign-in attempts for the lockout.
ALTER TABLE users ADD COLUMN email VARCHAR;

CREATE TABLE login_attempts (
    username VARCHAR NOT NULL,     -- as typed, lower-cased; also for names that do not exist
    attempted_at TIMESTAMP NOT NULL,  -- UTC
    succeeded BOOLEAN NOT NULL
);

-- Signed-in browser sessions: a row when one starts and another (revoked) when it ends. Only
-- a hash of the browser's cookie is kept.
CREATE TABLE web_sessions (
    token_hash VARCHAR NOT NULL,
    username VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,  -- UTC
    revoked BOOLEAN NOT NULL
);
