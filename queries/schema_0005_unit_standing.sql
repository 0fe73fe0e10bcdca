-- Schema step 5: a unit's row in unit_progress is now its standing as every view shows it
-- (a ratio with parts: numerator / denominator), read as is instead of aggregated over one
-- unit; the snapshot is emptied here and computed afresh by the migration.
DELETE FROM unit_progress;
