-- Every year that has figures or targets, newest first.
SELECT DISTINCT year
FROM (
    SELECT year FROM current_figures
    UNION ALL
    SELECT year FROM current_targets
)
ORDER BY year DESC;
