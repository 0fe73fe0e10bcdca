-- The prepared standing of every active unit (of $cluster; NULL: all) on every indicator (of
-- $group, or just $indicator; NULL: all) at the end of month $month of $year, in the shape of
-- scope_progress.sql: a unit's row needs no aggregation, and names its cluster, kind and
-- direction itself (on a lake every table read costs a catalog look-up).
SELECT
    unit_code AS scope_code,
    cluster_code,
    indicator_code,
    kind,
    direction,
    actual,
    target,
    baseline,
    numerator,
    denominator,
    last_period,
    (actual IS NOT NULL)::BIGINT AS units_reporting,
    1::BIGINT AS units_total
FROM unit_progress
WHERE year = $year
    AND month = $month
    AND ($cluster IS NULL OR cluster_code = $cluster)
    AND ($group IS NULL OR indicator_code IN (SELECT code FROM indicators WHERE group_code = $group))
    AND ($indicator IS NULL OR indicator_code = $indicator)
ORDER BY scope_code, indicator_code;
