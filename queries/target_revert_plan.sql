-- For each target batch $batch_id changed: the version before it (deleted when there was none),
-- and whether a later batch's change to it is still in effect (then the batch cannot be undone).
WITH mine AS (
    SELECT *
    FROM targets
    WHERE batch_id = $batch_id
),
earlier AS (
    SELECT t.*
    FROM targets AS t
    SEMI JOIN mine USING (unit_code, indicator_code, year)
    WHERE t.batch_seq < $batch_seq OR (t.batch_seq = $batch_seq AND t.batch_id < $batch_id)
    QUALIFY row_number() OVER (
        PARTITION BY t.unit_code, t.indicator_code, t.year
        ORDER BY t.batch_seq DESC, t.batch_id DESC
    ) = 1
),
later AS (
    SELECT
        t.unit_code,
        t.indicator_code,
        t.year,
        arg_min(t.batch_id, t.batch_seq) AS later_batch_id,
        min(t.batch_seq) AS later_seq
    FROM targets AS t
    SEMI JOIN mine USING (unit_code, indicator_code, year)
    WHERE t.batch_seq > $batch_seq OR (t.batch_seq = $batch_seq AND t.batch_id > $batch_id)
    GROUP BY t.unit_code, t.indicator_code, t.year
)
SELECT
    m.unit_code,
    m.indicator_code,
    m.year,
    p.value,
    coalesce(p.deleted, true) AS deleted,
    l.later_seq,
    l.later_batch_id IS NOT NULL AND NOT coalesce(
        CASE
            WHEN m.deleted THEN c.unit_code IS NULL
            ELSE c.value IS NOT DISTINCT FROM m.value
        END,
        false
    ) AS changed_since
FROM mine AS m
LEFT JOIN earlier AS p USING (unit_code, indicator_code, year)
LEFT JOIN later AS l USING (unit_code, indicator_code, year)
LEFT JOIN current_targets AS c USING (unit_code, indicator_code, year)
ORDER BY m.unit_code, m.indicator_code, m.year;
