-- The current rows of the keys batch $batch_id gives a first figure: its own rows, unless a
-- tombstone. update_current_figures_for_staged.sql says why they are the current ones, and
-- rewrites the keys it changes.
INSERT INTO current_figures
SELECT unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    $batch_id, $batch_seq
FROM staged_figures
WHERE change = 'new' AND NOT deleted
-- By year only: scans skip whole row groups (122,880 rows) by their years, and one commit's
-- rows fill about one, so a finer order inside it lets nothing more be skipped (sorting by
-- indicator and unit as well was a third of this statement for 100,000 rows).
ORDER BY year;
