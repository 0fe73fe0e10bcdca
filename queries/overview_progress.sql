-- Everything the overview shows at the end of month $month of $year, in one read: every
-- cluster's prepared progress, the province's (only when no $cluster is chosen) and the
-- standing of the units of $cluster (NULL: every unit), on every indicator of the list
-- $indicators (NULL: all), each row with its level ('cluster', 'province', 'unit') and only the
-- columns the overview uses. One query rather than one per level and no sort (the page orders
-- what it shows by the catalogue): each read, each text column and a sort have their cost, and
-- on a lake every table read is a catalogue look-up. The list is a parameter, not a join with
-- indicators, for the same reason.
SELECT
    s.level,
    s.scope_code,
    s.cluster_code,
    s.indicator_code,
    s.kind,
    s.direction,
    s.actual,
    s.target,
    s.baseline
FROM scope_progress AS s
WHERE s.year = $year
    AND s.month = $month
    AND (s.level = 'cluster' OR $cluster IS NULL)
    AND ($indicators IS NULL OR list_contains($indicators, s.indicator_code))
UNION ALL
SELECT
    'unit',
    p.unit_code,
    p.cluster_code,
    p.indicator_code,
    p.kind,
    p.direction,
    p.actual,
    p.target,
    p.baseline
FROM unit_progress AS p
WHERE p.year = $year
    AND p.month = $month
    AND ($cluster IS NULL OR p.cluster_code = $cluster)
    AND ($indicators IS NULL OR list_contains($indicators, p.indicator_code))
;
