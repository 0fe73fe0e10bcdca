-- Schema step 4: the progress snapshot, kept up to date on every commit so that a dashboard
-- view reads a few thousand prepared rows instead of scanning a year of figures.
-- unit_progress: each active unit's standing on each indicator at the end of each month of
-- every year with figures or targets, aggregated by scope_progress_rows.sql.
CREATE TABLE unit_progress (
    unit_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    actual DOUBLE,             -- latest figure of the year (flows: sum) up to the month
    numerator DOUBLE,
    denominator DOUBLE,
    last_period VARCHAR,
    target DOUBLE,             -- the unit's own, or the province-wide '*'
    baseline DOUBLE,           -- last figure of the year before (flows: 0)
    base_numerator DOUBLE,
    base_denominator DOUBLE
);

-- scope_progress: the same aggregated per cluster and for the whole province.
CREATE TABLE scope_progress (
    level VARCHAR NOT NULL,    -- cluster | province
    scope_code VARCHAR NOT NULL,
    cluster_code VARCHAR,
    indicator_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    direction VARCHAR NOT NULL,
    actual DOUBLE,
    target DOUBLE,
    baseline DOUBLE,
    numerator DOUBLE,
    denominator DOUBLE,
    last_period VARCHAR,
    units_reporting BIGINT NOT NULL,
    units_total BIGINT NOT NULL
);
