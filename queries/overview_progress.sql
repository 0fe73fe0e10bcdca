-- Everything the overview shows at the end of month $month of $year, in one read: every
-- cluster's prepared progress, the province's (only when no $cluster is chosen) and the
-- standing of the units of $cluster (NULL: every unit), on every indicator of the list
-- $indicators (NULL: all), each row with its level (its place in progress.LEVELS: 0 unit,
-- 1 cluster, 2 province) and only what the overview uses: of the indicator's kind and
-- direction only whether it is a flow and whether less is better. One query rather than one
-- per level, no sort (the page orders what it shows by the catalogue) and no more text than
-- the page shows: each read, each text column and a sort have their cost, and on a lake every
-- table read is a catalogue look-up. The list is a parameter, not a join with indicators, for
-- the same reason.
SELECT
    CASE s.level WHEN 'cluster' THEN 1 ELSE 2 END::TINYINT AS level,
    s.scope_code,
    s.cluster_code,
    s.indicator_code,
    s.kind = 'flow' AS flow,
    s.direction = 'down' AS down,
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
    0::TINYINT,
    p.unit_code,
    p.cluster_code,
    p.indicator_code,
    p.kind = 'flow',
    p.direction = 'down',
    p.actual,
    p.target,
    p.baseline
FROM unit_progress AS p
WHERE p.year = $year
    AND p.month = $month
    AND ($cluster IS NULL OR p.cluster_code = $cluster)
    AND ($indicators IS NULL OR list_contains($indicators, p.indicator_code))
;
