-- The prepared standing of every active unit (of $cluster; NULL: all) on every indicator (of
-- $group, or just $indicator; NULL: all) at the end of month $month of $year, in the shape of
-- scope_progress.sql: a unit's row needs no aggregation.
SELECT
    p.unit_code AS scope_code,
    u.cluster_code,
    p.indicator_code,
    i.kind,
    i.direction,
    p.actual,
    p.target,
    p.baseline,
    p.numerator,
    p.denominator,
    p.last_period,
    (p.actual IS NOT NULL)::BIGINT AS units_reporting,
    1::BIGINT AS units_total
FROM unit_progress AS p
JOIN units AS u ON u.code = p.unit_code
JOIN indicators AS i ON i.code = p.indicator_code
WHERE p.year = $year
    AND p.month = $month
    AND u.active
    AND ($cluster IS NULL OR u.cluster_code = $cluster)
    AND ($group IS NULL OR i.group_code = $group)
    AND ($indicator IS NULL OR p.indicator_code = $indicator)
ORDER BY scope_code, p.indicator_code;
