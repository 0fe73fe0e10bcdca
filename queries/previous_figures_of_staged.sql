-- For each staged figure, the figure just before it for the same unit and indicator: an
-- earlier row of the same file, or the latest stored figure before it, which the progress
-- snapshot keeps at the end of the month before (in the figure's year, or else in December of
-- the year before). A stored period the file sends again counts only in the file's version:
-- the snapshot's figure is never later than the file's row for that period, so at the same
-- time the file's row is taken. With $jump_factor (NULL: every figure with one before it) only
-- the figures an upload warns of: a stock below the figure before (falls), or more than
-- $jump_factor times or less than 1/$jump_factor of a positive figure before (jumps); a
-- percent's jump down to at most 1 whose hundredfold would be no jump is flagged as_fraction
-- ("0,93" typed for 93 %).
-- Each staged figure is numbered once (MATERIALIZED: every reference sees the same numbers).
WITH staged AS MATERIALIZED (
    SELECT
        row_number() OVER () AS id,
        source_row, unit_code, indicator_code, period, year, month, year * 12 + month AS t, value
    FROM staged_figures
),
in_file AS (
    -- the latest earlier row of the file, even one whose value is empty
    SELECT
        s.id,
        arg_max_null(p.value, p.t) AS value,
        arg_max_null(p.period, p.t) AS period,
        max(p.t) AS t
    FROM staged AS s
    JOIN staged AS p
        ON s.unit_code = p.unit_code AND s.indicator_code = p.indicator_code AND p.t < s.t
    GROUP BY s.id
),
stored AS (
    SELECT
        s.id,
        CASE WHEN before.last_period IS NOT NULL THEN before.last_value
            ELSE december.last_value END AS value,
        coalesce(before.last_period, december.last_period) AS period,
        CASE WHEN before.last_period IS NOT NULL THEN s.year * 12 + before.last_month
            ELSE (s.year - 1) * 12 + december.last_month END AS t
    FROM staged AS s
    LEFT JOIN unit_progress AS before
        ON before.unit_code = s.unit_code
        AND before.indicator_code = s.indicator_code
        AND before.year = s.year
        AND before.month = s.month - 1
    LEFT JOIN unit_progress AS december
        ON december.unit_code = s.unit_code
        AND december.indicator_code = s.indicator_code
        AND december.year = s.year - 1
        AND december.month = 12
    WHERE coalesce(before.last_period, december.last_period) IS NOT NULL
),
pairs AS (
    SELECT
        s.source_row,
        s.unit_code,
        s.indicator_code,
        s.period,
        s.value,
        CASE WHEN f.t >= coalesce(d.t, 0) THEN f.value ELSE d.value END AS prev_value,
        CASE WHEN f.t >= coalesce(d.t, 0) THEN f.period ELSE d.period END AS prev_period
    FROM staged AS s
    LEFT JOIN in_file AS f USING (id)
    LEFT JOIN stored AS d USING (id)
    WHERE f.id IS NOT NULL OR d.id IS NOT NULL
),
judged AS (
    SELECT
        p.*,
        coalesce(i.kind = 'stock' AND p.value < p.prev_value, false) AS falls,
        coalesce(
            p.prev_value > 0
            AND (p.value > $jump_factor * p.prev_value OR p.value < p.prev_value / $jump_factor),
            false
        ) AS jumps,
        coalesce(
            i.measure = 'percent'
            AND p.value > 0
            AND p.value <= 1
            AND p.value < p.prev_value / $jump_factor
            AND p.value * 100 BETWEEN p.prev_value / $jump_factor AND $jump_factor * p.prev_value,
            false
        ) AS as_fraction
    FROM pairs AS p
    JOIN indicators AS i ON i.code = p.indicator_code
)
SELECT
    source_row, unit_code, indicator_code, period,
    value, prev_value, prev_period, falls, jumps, as_fraction
FROM judged
WHERE $jump_factor IS NULL OR falls OR jumps
ORDER BY source_row, unit_code, indicator_code;
