-- For each staged figure, the figure just before it for the same unit and indicator: an
-- earlier row of the same file, or a current figure from the year before $year on (a key the
-- file sends again counts only in the file's version). Used to warn of drops and jumps.
-- Each staged figure is numbered once (MATERIALIZED: every reference sees the same numbers) so
-- that the two million pairs are grouped by one integer instead of by four columns of text.
WITH staged AS MATERIALIZED (
    SELECT
        row_number() OVER () AS id,
        source_row, unit_code, indicator_code, period, year * 12 + month AS t, value
    FROM staged_figures
),
candidates AS (
    SELECT unit_code, indicator_code, period, t, value
    FROM staged
    UNION ALL
    SELECT c.unit_code, c.indicator_code, c.period, c.year * 12 + c.month AS t, c.value
    FROM current_figures AS c
    SEMI JOIN staged AS s ON s.unit_code = c.unit_code AND s.indicator_code = c.indicator_code
    ANTI JOIN staged AS r
        ON r.unit_code = c.unit_code AND r.indicator_code = c.indicator_code
        AND r.period = c.period
    WHERE c.year >= $year - 1
),
previous AS (
    -- the latest candidate before each staged figure, even one whose value is empty
    SELECT
        s.id,
        arg_max_null(p.value, p.t) AS prev_value,
        arg_max_null(p.period, p.t) AS prev_period
    FROM staged AS s
    JOIN candidates AS p
        ON s.unit_code = p.unit_code AND s.indicator_code = p.indicator_code AND p.t < s.t
    GROUP BY s.id
)
SELECT s.source_row, s.indicator_code, s.value, p.prev_value, p.prev_period
FROM staged AS s
JOIN previous AS p USING (id)
ORDER BY s.source_row, s.indicator_code;
