-- The prepared progress of every cluster (or the province, by $level) on every indicator at
-- the end of month $month of $year; $cluster, $group and $indicator narrow it (NULL: all).
SELECT
    s.scope_code,
    s.cluster_code,
    s.indicator_code,
    i.kind,
    i.direction,
    s.actual,
    s.target,
    s.baseline,
    s.numerator,
    s.denominator,
    s.last_period,
    s.units_reporting,
    s.units_total
FROM scope_progress AS s
JOIN indicators AS i ON i.code = s.indicator_code
WHERE s.level = $level
    AND s.year = $year
    AND s.month = $month
    AND ($cluster IS NULL OR s.cluster_code = $cluster)
    AND ($group IS NULL OR i.group_code = $group)
    AND ($indicator IS NULL OR s.indicator_code = $indicator)
ORDER BY s.scope_code, s.indicator_code;
