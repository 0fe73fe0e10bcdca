-- For each active unit (of $cluster, or all): how many indicators (of $group, or all) are due in
-- months $first_month..$last_month of $year, how many of those the unit has sent for their
-- latest due period (June for a monthly indicator in the first half, Q2 for a quarterly one),
-- and the unit's last upload of figures.
WITH steps AS (
    SELECT
        code AS indicator_code,
        CASE frequency WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 WHEN 'half' THEN 6 ELSE 12 END
            AS step
    FROM indicators
    WHERE $group IS NULL OR group_code = $group
),
due AS (
    SELECT indicator_code, ($last_month // step) * step AS due_month
    FROM steps
    WHERE ($last_month // step) * step >= $first_month
),
reported AS (
    SELECT f.unit_code, count(*) AS reported
    FROM current_figures AS f
    JOIN due ON due.indicator_code = f.indicator_code AND due.due_month = f.month
    WHERE f.year = $year
    GROUP BY f.unit_code
),
uploads AS (
    SELECT bu.unit_code, max(b.created_at) AS last_upload
    FROM batch_units AS bu
    JOIN batches AS b ON b.id = bu.batch_id
    GROUP BY bu.unit_code
)
SELECT
    u.code AS unit_code,
    u.cluster_code,
    (SELECT count(*) FROM due) AS expected,
    coalesce(r.reported, 0) AS reported,
    up.last_upload
FROM units AS u
LEFT JOIN reported AS r ON r.unit_code = u.code
LEFT JOIN uploads AS up ON up.unit_code = u.code
WHERE u.active AND ($cluster IS NULL OR u.cluster_code = $cluster)
ORDER BY u.cluster_code, u.sort_order, u.code;
