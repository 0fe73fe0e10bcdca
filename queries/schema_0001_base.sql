-- Schema step 1: catalogue, targets and figures logs, batches, accounts, audit log.
-- No PRIMARY KEY, UNIQUE or sequences: the same DDL must run on DuckLake, which has none.
-- Figures and targets are append-only logs; the current value of a key is its row of the
-- latest batch (batch_seq, then batch_id), kept in current_figures / current_targets.
CREATE TABLE schema_version (
    version INTEGER NOT NULL,
    applied_at TIMESTAMP NOT NULL
);

CREATE TABLE settings (
    key VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);

CREATE TABLE clusters (
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE units (
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    cluster_code VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    active BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE indicator_groups (
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE indicators (
    code VARCHAR NOT NULL,
    group_code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    short_name VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,      -- percent | count | score
    kind VARCHAR NOT NULL,         -- ratio | stock | flow | score
    direction VARCHAR NOT NULL,    -- up | down
    frequency VARCHAR NOT NULL,    -- month | quarter | half | year
    description VARCHAR,
    legal_basis VARCHAR,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE batches (
    id VARCHAR NOT NULL,           -- random (batches.new_batch_id), unique without a sequence
    seq BIGINT NOT NULL,           -- commit order; ties (two lake writers) break on id
    username VARCHAR NOT NULL,
    unit_code VARCHAR,
    file_name VARCHAR,
    sha256 VARCHAR,
    kind VARCHAR NOT NULL,         -- figures | targets | revert | demo
    rows_new INTEGER NOT NULL,
    rows_changed INTEGER NOT NULL,
    rows_same INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL, -- UTC
    reverts VARCHAR                -- id of the batch this one reverts
);

CREATE TABLE figures (
    unit_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    period VARCHAR NOT NULL,       -- canonical: 2022-07, 2022-Q3, 2022-H1, 2022
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,        -- the period's last month, 1..12
    value DOUBLE,
    numerator DOUBLE,
    denominator DOUBLE,
    note VARCHAR,
    deleted BOOLEAN NOT NULL DEFAULT false,  -- a revert's tombstone
    batch_id VARCHAR NOT NULL,
    batch_seq BIGINT NOT NULL
);

CREATE TABLE current_figures (
    unit_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    value DOUBLE,
    numerator DOUBLE,
    denominator DOUBLE,
    note VARCHAR,
    batch_id VARCHAR NOT NULL,
    batch_seq BIGINT NOT NULL
);

CREATE TABLE targets (
    unit_code VARCHAR NOT NULL,    -- '*' is the province-wide target for units without their own
    indicator_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    value DOUBLE,
    deleted BOOLEAN NOT NULL DEFAULT false,
    batch_id VARCHAR NOT NULL,
    batch_seq BIGINT NOT NULL
);

CREATE VIEW current_targets AS
SELECT unit_code, indicator_code, year, value, batch_id, batch_seq
FROM (
    SELECT *
    FROM targets
    QUALIFY row_number() OVER (
        PARTITION BY unit_code, indicator_code, year ORDER BY batch_seq DESC, batch_id DESC
    ) = 1
)
WHERE NOT deleted;

CREATE TABLE users (
    username VARCHAR NOT NULL,
    display_name VARCHAR NOT NULL,
    role VARCHAR NOT NULL,         -- admin | unit | viewer
    unit_code VARCHAR,
    password_hash VARCHAR,
    disabled BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE audit_log (
    seq BIGINT NOT NULL,
    logged_at TIMESTAMP NOT NULL,  -- UTC
    username VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    detail VARCHAR,
    batch_id VARCHAR
);
