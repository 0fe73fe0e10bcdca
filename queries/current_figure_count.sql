-- How many current figures the database holds.
SELECT count(*) AS figures
FROM current_figures;
