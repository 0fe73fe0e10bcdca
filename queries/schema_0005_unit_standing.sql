-- Schema step 5: a unit's row in unit_progress is now its standing as every view shows it (a
-- ratio with parts: numerator / denominator) and carries the unit's cluster and the
-- indicator's kind and direction, so that a view of units reads this one table as is. The
-- migration computes it afresh.
DROP TABLE unit_progress;
CREATE TABLE unit_progress (
    unit_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    cluster_code VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    direction VARCHAR NOT NULL,
    actual DOUBLE,             -- latest figure of the year up to the month (flows: sum)
    numerator DOUBLE,
    denominator DOUBLE,
    last_period VARCHAR,
    target DOUBLE,             -- the unit's own, or the province-wide '*'
    baseline DOUBLE,           -- last figure of the year before (flows: 0)
    base_numerator DOUBLE,
    base_denominator DOUBLE
);
