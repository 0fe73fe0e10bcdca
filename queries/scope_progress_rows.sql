-- Actual, target and baseline of every cluster or the province (by $by) on every indicator at
-- the end of each month from $from_month to $to_month of $years, with the units each scope
-- counts, aggregated from unit_progress. $first_year and $last_year bound $years; lists
-- $clusters and $indicators narrow it (NULL: all), as does $group. Only reporting units count
-- (all units while none reports): ratios are sum(numerator) / sum(denominator) and their
-- target is weighted by the denominators, stocks and flows add up, scores are averaged.
WITH unit_rows AS (
    SELECT
        CASE $by WHEN 'cluster' THEN p.cluster_code ELSE '*' END AS scope_code,
        p.cluster_code,
        p.kind,
        p.direction,
        p.indicator_code,
        p.year,
        p.month,
        p.actual,
        p.numerator,
        p.denominator,
        p.last_period,
        p.target,
        p.baseline,
        p.base_numerator,
        p.base_denominator
    FROM unit_progress AS p  -- active units only, with their cluster, kind and direction
    WHERE ($clusters IS NULL OR p.cluster_code IN (SELECT unnest($clusters)))
        AND (
            $group IS NULL
            OR p.indicator_code IN (SELECT code FROM indicators WHERE group_code = $group)
        )
        AND ($indicators IS NULL OR p.indicator_code IN (SELECT unnest($indicators)))
        AND p.year IN (SELECT unnest($years))
        AND p.year BETWEEN $first_year AND $last_year  -- lets the scan skip other years
        AND p.month BETWEEN $from_month AND $to_month
)
SELECT
    $by AS level,
    scope_code,
    CASE WHEN $by = 'province' THEN NULL ELSE any_value(cluster_code) END AS cluster_code,
    indicator_code,
    year,
    month,
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
    -- Targets and baselines count the reporting units, or every unit while none reports.
    CASE
        WHEN count(actual) = 0 THEN CASE any_value(kind)
            WHEN 'ratio' THEN avg(target)
            WHEN 'score' THEN avg(target)
            ELSE sum(target)
        END
        ELSE CASE any_value(kind)
            WHEN 'ratio' THEN CASE
                WHEN sum(denominator) FILTER (target IS NOT NULL) > 0
                    THEN sum(target * denominator) / sum(denominator) FILTER (target IS NOT NULL)
                ELSE avg(target) FILTER (actual IS NOT NULL)
            END
            WHEN 'score' THEN avg(target) FILTER (actual IS NOT NULL)
            ELSE sum(target) FILTER (actual IS NOT NULL)
        END
    END AS target,
    CASE
        WHEN count(actual) = 0 THEN CASE any_value(kind)
            WHEN 'ratio' THEN CASE
                WHEN sum(base_denominator) > 0
                    THEN 100 * sum(base_numerator) / sum(base_denominator)
                WHEN count(baseline) = 1 THEN max(baseline)
            END
            WHEN 'score' THEN avg(baseline)
            ELSE sum(baseline)
        END
        ELSE CASE any_value(kind)
            WHEN 'ratio' THEN CASE
                WHEN sum(base_denominator) FILTER (actual IS NOT NULL) > 0
                    THEN 100 * sum(base_numerator) FILTER (actual IS NOT NULL)
                        / sum(base_denominator) FILTER (actual IS NOT NULL)
                WHEN count(baseline) FILTER (actual IS NOT NULL) = 1
                    THEN max(baseline) FILTER (actual IS NOT NULL)
            END
            WHEN 'score' THEN avg(baseline) FILTER (actual IS NOT NULL)
            ELSE sum(baseline) FILTER (actual IS NOT NULL)
        END
    END AS baseline,
    sum(numerator) AS numerator,
    sum(denominator) AS denominator,
    max(last_period) AS last_period,
    count(actual) AS units_reporting,
    count(*) AS units_total
FROM unit_rows
GROUP BY scope_code, indicator_code, year, month
ORDER BY year, month, scope_code, indicator_code;
