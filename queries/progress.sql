-- Actual, target and baseline of every scope (unit, cluster or province, by $by) on every
-- indicator for year $year seen at the end of month $month, with the units each scope counts.
-- Unit level: actual is the latest figure of the year up to $month (flows: their sum); the
-- baseline is the last figure of the year before (flows: 0); the target is the unit's own or
-- the province-wide '*' row. Above a unit, only reporting units count (all units while none
-- reports): ratios are sum(numerator) / sum(denominator) and their target is weighted by the
-- denominators, stocks and flows add up, scores are averaged.
WITH scope_units AS (
    SELECT code AS unit_code, cluster_code
    FROM units
    WHERE active AND ($cluster IS NULL OR cluster_code = $cluster)
        AND ($unit IS NULL OR code = $unit)
),
scope_indicators AS (
    SELECT code AS indicator_code, kind, direction
    FROM indicators
    WHERE ($group IS NULL OR group_code = $group)
        AND ($indicator IS NULL OR code = $indicator)
),
actuals AS (
    SELECT
        f.unit_code,
        f.indicator_code,
        sum(f.value) AS total,
        arg_max({'v': f.value, 'n': f.numerator, 'd': f.denominator, 'p': f.period}, f.month)
            AS latest
    FROM current_figures AS f
    JOIN scope_indicators USING (indicator_code)
    WHERE f.year = $year AND f.month <= $month
    GROUP BY f.unit_code, f.indicator_code
),
baselines AS (
    SELECT
        f.unit_code,
        f.indicator_code,
        arg_max({'v': f.value, 'n': f.numerator, 'd': f.denominator}, f.month) AS last
    FROM current_figures AS f
    JOIN scope_indicators USING (indicator_code)
    WHERE f.year = $year - 1
    GROUP BY f.unit_code, f.indicator_code
),
unit_rows AS (
    SELECT
        CASE $by WHEN 'unit' THEN su.unit_code WHEN 'cluster' THEN su.cluster_code ELSE '*' END
            AS scope_code,
        su.cluster_code,
        si.indicator_code,
        si.kind,
        si.direction,
        CASE WHEN si.kind = 'flow' THEN a.total ELSE a.latest.v END AS actual,
        a.latest.n AS numerator,
        a.latest.d AS denominator,
        a.latest.p AS last_period,
        coalesce(own.value, province.value) AS target,
        CASE WHEN si.kind = 'flow' THEN 0 ELSE b.last.v END AS baseline,
        b.last.n AS base_numerator,
        b.last.d AS base_denominator
    FROM scope_units AS su
    CROSS JOIN scope_indicators AS si
    LEFT JOIN actuals AS a
        ON a.unit_code = su.unit_code AND a.indicator_code = si.indicator_code
    LEFT JOIN baselines AS b
        ON b.unit_code = su.unit_code AND b.indicator_code = si.indicator_code
    LEFT JOIN current_targets AS own
        ON own.unit_code = su.unit_code AND own.indicator_code = si.indicator_code
        AND own.year = $year
    LEFT JOIN current_targets AS province
        ON province.unit_code = '*' AND province.indicator_code = si.indicator_code
        AND province.year = $year
),
counted AS (
    SELECT
        *,
        actual IS NOT NULL
            OR count(actual) OVER (PARTITION BY scope_code, indicator_code) = 0 AS counts
    FROM unit_rows
)
SELECT
    scope_code,
    CASE WHEN $by = 'province' THEN NULL ELSE any_value(cluster_code) END AS cluster_code,
    indicator_code,
    any_value(kind) AS kind,
    any_value(direction) AS direction,
    CASE any_value(kind)
        WHEN 'ratio' THEN CASE
            WHEN sum(denominator) > 0 THEN 100 * sum(numerator) / sum(denominator)
            WHEN count(actual) = 1 THEN max(actual)
        END
        WHEN 'score' THEN avg(actual)
        ELSE sum(actual)
    END AS actual,
    CASE any_value(kind)
        WHEN 'ratio' THEN CASE
            WHEN sum(denominator) FILTER (counts AND target IS NOT NULL) > 0
                THEN sum(target * denominator) FILTER (counts)
                    / sum(denominator) FILTER (counts AND target IS NOT NULL)
            ELSE avg(target) FILTER (counts)
        END
        WHEN 'score' THEN avg(target) FILTER (counts)
        ELSE sum(target) FILTER (counts)
    END AS target,
    CASE any_value(kind)
        WHEN 'ratio' THEN CASE
            WHEN sum(base_denominator) FILTER (counts) > 0
                THEN 100 * sum(base_numerator) FILTER (counts)
                    / sum(base_denominator) FILTER (counts)
            WHEN count(baseline) FILTER (counts) = 1 THEN max(baseline) FILTER (counts)
        END
        WHEN 'score' THEN avg(baseline) FILTER (counts)
        ELSE sum(baseline) FILTER (counts)
    END AS baseline,
    sum(numerator) AS numerator,
    sum(denominator) AS denominator,
    max(last_period) AS last_period,
    count(actual) AS units_reporting,
    count(*) AS units_total
FROM counted
GROUP BY scope_code, indicator_code
ORDER BY scope_code, indicator_code;
