-- Each active unit's actual, target and baseline on each indicator at the end of each month
-- from $from_month to 12 of the years $years, each a year with figures or targets
-- (figure_years.sql). Lists $units and $indicators narrow it (NULL: all); $first_year and
-- $last_year bound $years, so that the scans skip other years' blocks. Actual is the latest
-- figure of the year up to the month (flows: their sum; ratios with parts: numerator /
-- denominator), and that figure is kept as it is (last_period, last_value, last_month); the
-- baseline is the last figure of the year before (flows: 0); the target is the unit's own or
-- the province-wide '*' row. A row is the unit's standing as every view shows it, with its
-- cluster and the indicator's kind and direction, and what clusters add up.
-- From a month after January the standing at the end of the month before, already kept in
-- unit_progress and untouched by a change from $from_month on, is carried forward with its
-- baseline: only the figures from $from_month on are read, and none of the year before, which
-- for the usual upload of the latest month is a small part of the data. Unsorted: where the
-- rows go decides their order (snapshot.py).
WITH grid_years AS (
    SELECT unnest($years) AS year
),
scope_units AS (
    SELECT code AS unit_code, cluster_code
    FROM units
    WHERE active AND ($units IS NULL OR code IN (SELECT unnest($units)))
),
scope_indicators AS (
    SELECT code AS indicator_code, kind, direction
    FROM indicators
    WHERE $indicators IS NULL OR code IN (SELECT unnest($indicators))
),
months AS (
    -- the table's type: a key compared with a cast could not skip blocks by its bounds
    SELECT month::INTEGER AS month FROM range($from_month, 13) AS m(month)
),
grid AS (
    SELECT su.unit_code, su.cluster_code, si.indicator_code, si.kind, si.direction, gy.year, m.month
    FROM scope_units AS su
    CROSS JOIN scope_indicators AS si
    CROSS JOIN grid_years AS gy
    CROSS JOIN months AS m
),
latest AS (
    -- each key's latest figure from $from_month up to each month, and (for flows) their sum
    SELECT
        f.unit_code,
        f.indicator_code,
        f.year,
        m.month,
        arg_max_null(f.value, f.month) AS value,
        arg_max_null(f.numerator, f.month) AS numerator,
        arg_max_null(f.denominator, f.month) AS denominator,
        arg_max_null(f.period, f.month) AS period,
        max(f.month) AS last_month,
        sum(f.value) AS total
    FROM current_figures AS f
    JOIN months AS m ON f.month <= m.month
    SEMI JOIN scope_units USING (unit_code)
    SEMI JOIN scope_indicators USING (indicator_code)
    SEMI JOIN grid_years USING (year)
    WHERE f.year BETWEEN $first_year AND $last_year
        AND f.month >= $from_month
    GROUP BY f.unit_code, f.indicator_code, f.year, m.month
),
carried AS (
    -- each key's standing at the end of the month before $from_month (none before January)
    SELECT p.unit_code, p.indicator_code, p.year, p.actual, p.numerator, p.denominator,
        p.last_period, p.last_value, p.last_month, p.baseline, p.base_numerator,
        p.base_denominator
    FROM unit_progress AS p
    SEMI JOIN scope_units USING (unit_code)
    SEMI JOIN scope_indicators USING (indicator_code)
    SEMI JOIN grid_years USING (year)
    WHERE p.year BETWEEN $first_year AND $last_year
        AND p.month = $from_month - 1
),
baselines AS (
    SELECT
        f.unit_code,
        f.indicator_code,
        f.year + 1 AS year,
        -- arg_max_null: the latest row's values even where they are NULL (not an older row's)
        arg_max_null(f.value, f.month) AS last_value,
        arg_max_null(f.numerator, f.month) AS last_numerator,
        arg_max_null(f.denominator, f.month) AS last_denominator
    FROM current_figures AS f
    SEMI JOIN scope_units USING (unit_code)
    SEMI JOIN scope_indicators USING (indicator_code)
    WHERE f.year BETWEEN $first_year - 1 AND $last_year - 1
        AND f.year + 1 IN (SELECT year FROM grid_years)
        AND $from_month = 1  -- later in the year the baseline is carried with the standing
    GROUP BY f.unit_code, f.indicator_code, f.year
),
year_targets AS (
    -- the bounds reach inside the view's window (by year): only these years' targets are ranked
    SELECT unit_code, indicator_code, year, value
    FROM current_targets
    SEMI JOIN grid_years USING (year)
    WHERE year BETWEEN $first_year AND $last_year
)
SELECT
    g.unit_code,
    g.indicator_code,
    g.year,
    g.month,
    g.cluster_code,
    g.kind,
    g.direction,
    CASE
        WHEN g.kind = 'flow' THEN
            CASE WHEN f.total IS NOT NULL OR c.actual IS NOT NULL
                THEN coalesce(c.actual, 0) + coalesce(f.total, 0) END
        WHEN f.period IS NULL THEN c.actual  -- no figure since: the standing carried
        WHEN g.kind = 'ratio' AND f.denominator > 0 THEN 100 * f.numerator / f.denominator
        ELSE f.value
    END AS actual,
    CASE WHEN f.period IS NULL THEN c.numerator ELSE f.numerator END AS numerator,
    CASE WHEN f.period IS NULL THEN c.denominator ELSE f.denominator END AS denominator,
    coalesce(f.period, c.last_period) AS last_period,
    CASE WHEN f.period IS NULL THEN c.last_value ELSE f.value END AS last_value,
    CASE WHEN f.period IS NULL THEN c.last_month ELSE f.last_month END AS last_month,
    coalesce(own.value, province.value) AS target,
    CASE
        WHEN $from_month > 1 THEN c.baseline
        WHEN g.kind = 'flow' THEN 0
        WHEN g.kind = 'ratio' AND b.last_denominator > 0
            THEN 100 * b.last_numerator / b.last_denominator
        ELSE b.last_value
    END AS baseline,
    CASE WHEN $from_month > 1 THEN c.base_numerator ELSE b.last_numerator END
        AS base_numerator,
    CASE WHEN $from_month > 1 THEN c.base_denominator ELSE b.last_denominator END
        AS base_denominator
FROM grid AS g
LEFT JOIN latest AS f
    ON f.unit_code = g.unit_code
    AND f.indicator_code = g.indicator_code
    AND f.year = g.year
    AND f.month = g.month
LEFT JOIN carried AS c
    ON c.unit_code = g.unit_code AND c.indicator_code = g.indicator_code AND c.year = g.year
LEFT JOIN baselines AS b
    ON b.unit_code = g.unit_code AND b.indicator_code = g.indicator_code AND b.year = g.year
LEFT JOIN year_targets AS own
    ON own.unit_code = g.unit_code
    AND own.indicator_code = g.indicator_code
    AND own.year = g.year
LEFT JOIN year_targets AS province
    ON province.unit_code = '*'
    AND province.indicator_code = g.indicator_code
    AND province.year = g.year;
