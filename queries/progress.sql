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
        -- arg_max_null: the latest row's values even where they are NULL (not an older row's)
        arg_max_null(f.value, f.month) AS latest_value,
        arg_max_null(f.numerator, f.month) AS latest_numerator,
        arg_max_null(f.denominator, f.month) AS latest_denominator,
        arg_max_null(f.period, f.month) AS latest_period
    FROM current_figures AS f
    SEMI JOIN scope_indicators USING (indicator_code)
    SEMI JOIN scope_units USING (unit_code)
    WHERE f.year = $year AND f.month <= $month
    GROUP BY f.unit_code, f.indicator_code
),
baselines AS (
    SELECT
        f.unit_code,
        f.indicator_code,
        arg_max_null(f.value, f.month) AS last_value,
        arg_max_null(f.numerator, f.month) AS last_numerator,
        arg_max_null(f.denominator, f.month) AS last_denominator
    FROM current_figures AS f
    SEMI JOIN scope_indicators USING (indicator_code)
    SEMI JOIN scope_units USING (unit_code)
    WHERE f.year = $year - 1
    GROUP BY f.unit_code, f.indicator_code
),
year_targets AS (
    SELECT unit_code, indicator_code, value
    FROM current_targets
    WHERE year = $year
),
unit_rows AS (
    SELECT
        CASE $by WHEN 'unit' THEN su.unit_code WHEN 'cluster' THEN su.cluster_code ELSE '*' END
            AS scope_code,
        su.cluster_code,
        si.indicator_code,
        si.kind,
        si.direction,
        CASE WHEN si.kind = 'flow' THEN a.total ELSE a.latest_value END AS actual,
        a.latest_numerator AS numerator,
        a.latest_denominator AS denominator,
        a.latest_period AS last_period,
        coalesce(own.value, province.value) AS target,
        CASE WHEN si.kind = 'flow' THEN 0 ELSE b.last_value END AS baseline,
        b.last_numerator AS base_numerator,
        b.last_denominator AS base_denominator
    FROM scope_units AS su
    CROSS JOIN scope_indicators AS si
    LEFT JOIN actuals AS a
        ON a.unit_code = su.unit_code AND a.indicator_code = si.indicator_code
    LEFT JOIN baselines AS b
        ON b.unit_code = su.unit_code AND b.indicator_code = si.indicator_code
    LEFT JOIN year_targets AS own
        ON own.unit_code = su.unit_code AND own.indicator_code = si.indicator_code
    LEFT JOIN year_targets AS province
        ON province.unit_code = '*' AND province.indicator_code = si.indicator_code
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
GROUP BY scope_code, indicator_code
ORDER BY scope_code, indicator_code;
