-- Schema step 2: which units each batch wrote figures for, so "each unit's last upload" is a
-- small lookup, also for a department upload that covers many units. Backfilled from the log.
CREATE TABLE batch_units (
    batch_id VARCHAR NOT NULL,
    unit_code VARCHAR NOT NULL
);

INSERT INTO batch_units (batch_id, unit_code)
SELECT DISTINCT batch_id, unit_code
FROM figures;
