-- For each figure batch $batch_id changed: the version before it (deleted when there was none),
-- and whether a later batch's change to it is still in effect (then the batch cannot be undone).
WITH mine AS (
    SELECT *
    FROM figures
    WHERE batch_id = $batch_id
),
earlier AS (
    SELECT f.*
    FROM figures AS f
    SEMI JOIN mine USING (unit_code, indicator_code, period)
    WHERE f.batch_seq < $batch_seq OR (f.batch_seq = $batch_seq AND f.batch_id < $batch_id)
    QUALIFY row_number() OVER (
        PARTITION BY f.unit_code, f.indicator_code, f.period
        ORDER BY f.batch_seq DESC, f.batch_id DESC
    ) = 1
),
later AS (
    SELECT
        f.unit_code,
        f.indicator_code,
        f.period,
        arg_min(f.batch_id, f.batch_seq) AS later_batch_id,
        min(f.batch_seq) AS later_seq
    FROM figures AS f
    SEMI JOIN mine USING (unit_code, indicator_code, period)
    WHERE f.batch_seq > $batch_seq OR (f.batch_seq = $batch_seq AND f.batch_id > $batch_id)
    GROUP BY f.unit_code, f.indicator_code, f.period
)
SELECT
    m.unit_code,
    m.indicator_code,
    m.period,
    m.year,
    m.month,
    p.value,
    p.numerator,
    p.denominator,
    p.note,
    coalesce(p.deleted, true) AS deleted,
    l.later_seq,
    l.later_batch_id IS NOT NULL AND NOT coalesce(
        CASE
            WHEN m.deleted THEN c.unit_code IS NULL
            ELSE c.value IS NOT DISTINCT FROM m.value
                AND c.numerator IS NOT DISTINCT FROM m.numerator
                AND c.denominator IS NOT DISTINCT FROM m.denominator
                AND coalesce(c.note, '') = coalesce(m.note, '')
        END,
        false
    ) AS changed_since
FROM mine AS m
LEFT JOIN earlier AS p USING (unit_code, indicator_code, period)
LEFT JOIN later AS l USING (unit_code, indicator_code, period)
LEFT JOIN current_figures AS c USING (unit_code, indicator_code, period)
ORDER BY m.unit_code, m.indicator_code, m.year, m.month;
