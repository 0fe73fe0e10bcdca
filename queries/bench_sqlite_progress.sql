-- Benchmark only, SQLite dialect: the same numbers as progress.sql for the SQLite baseline
-- (no arg_max: SQLite takes bare columns from the row of max(month)).
WITH scope_units AS (
    SELECT code AS unit_code, cluster_code
    FROM units
    WHERE active = 1 AND (:cluster IS NULL OR cluster_code = :cluster)
),
latest AS (
    SELECT unit_code, indicator_code, max(month) AS month, value AS v, numerator AS n,
        denominator AS d
    FROM current_figures
    WHERE year = :year AND month <= :month
    GROUP BY unit_code, indicator_code
),
totals AS (
    SELECT unit_code, indicator_code, sum(value) AS total
    FROM current_figures
    WHERE year = :year AND month <= :month
    GROUP BY unit_code, indicator_code
),
baselines AS (
    SELECT unit_code, indicator_code, max(month) AS month, value AS v, numerator AS n,
        denominator AS d
    FROM current_figures
    WHERE year = :year - 1
    GROUP BY unit_code, indicator_code
),
unit_rows AS (
    SELECT
        CASE :by WHEN 'unit' THEN su.unit_code WHEN 'cluster' THEN su.cluster_code ELSE '*' END
            AS scope_code,
        su.cluster_code,
        i.code AS indicator_code,
        i.kind,
        i.direction,
        CASE WHEN i.kind = 'flow' THEN t.total ELSE l.v END AS actual,
        l.n AS numerator,
        l.d AS denominator,
        coalesce(own.value, province.value) AS target,
        CASE WHEN i.kind = 'flow' THEN 0 ELSE b.v END AS baseline,
        b.n AS base_numerator,
        b.d AS base_denominator
    FROM scope_units AS su
    CROSS JOIN indicators AS i
    LEFT JOIN latest AS l ON l.unit_code = su.unit_code AND l.indicator_code = i.code
    LEFT JOIN totals AS t ON t.unit_code = su.unit_code AND t.indicator_code = i.code
    LEFT JOIN baselines AS b ON b.unit_code = su.unit_code AND b.indicator_code = i.code
    LEFT JOIN targets AS own
        ON own.unit_code = su.unit_code AND own.indicator_code = i.code AND own.year = :year
    LEFT JOIN targets AS province
        ON province.unit_code = '*' AND province.indicator_code = i.code
        AND province.year = :year
),
counted AS (
    SELECT *, (actual IS NOT NULL
        OR count(actual) OVER (PARTITION BY scope_code, indicator_code) = 0) AS counts
    FROM unit_rows
)
SELECT
    scope_code,
    indicator_code,
    max(kind) AS kind,
    max(direction) AS direction,
    CASE max(kind)
        WHEN 'ratio' THEN CASE
            WHEN sum(denominator) > 0 THEN 100.0 * sum(numerator) / sum(denominator)
            WHEN count(actual) = 1 THEN max(actual)
        END
        WHEN 'score' THEN avg(actual)
        ELSE sum(actual)
    END AS actual,
    CASE max(kind)
        WHEN 'ratio' THEN CASE
            WHEN sum(denominator) FILTER (WHERE counts AND target IS NOT NULL) > 0
                THEN sum(target * denominator) FILTER (WHERE counts)
                    / sum(denominator) FILTER (WHERE counts AND target IS NOT NULL)
            ELSE avg(target) FILTER (WHERE counts)
        END
        WHEN 'score' THEN avg(target) FILTER (WHERE counts)
        ELSE sum(target) FILTER (WHERE counts)
    END AS target,
    CASE max(kind)
        WHEN 'ratio' THEN CASE
            WHEN sum(base_denominator) FILTER (WHERE counts) > 0
                THEN 100.0 * sum(base_numerator) FILTER (WHERE counts)
                    / sum(base_denominator) FILTER (WHERE counts)
            WHEN count(baseline) FILTER (WHERE counts) = 1 THEN max(baseline) FILTER (WHERE counts)
        END
        WHEN 'score' THEN avg(baseline) FILTER (WHERE counts)
        ELSE sum(baseline) FILTER (WHERE counts)
    END AS baseline,
    count(actual) AS units_reporting,
    count(*) AS units_total,
    max(cluster_code) AS cluster_code
FROM counted
GROUP BY scope_code, indicator_code
ORDER BY scope_code, indicator_code;
