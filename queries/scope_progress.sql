-- The prepared progress of every cluster (or the province, by $level) on every indicator at
-- the end of month $month of $year; $cluster, $group and $indicator narrow it (NULL: all).
SELECT
    s.scope_code,
    s.cluster_code,
    s.indicator_code,
    s.kind,
    s.direction,
    s.actual,
    s.target,
    s.baseline,
    s.numerator,
    s.denominator,
    s.last_period,
    s.units_reporting,
    s.units_total
FROM scope_progress AS s
WHERE s.level = $level
    AND s.year = $year
    AND s.month = $month
    AND ($cluster IS NULL OR s.cluster_code = $cluster)
    -- no join unless a group is asked for: on a lake every table read costs a catalog look-up
    AND ($group IS NULL OR s.indicator_code IN (SELECT code FROM indicators WHERE group_code = $group))
    AND ($indicator IS NULL OR s.indicator_code = $indicator)
ORDER BY s.scope_code, s.indicator_code;
