-- The year and last month of the newest current figure, or no row on an empty database.
SELECT year, max(month) AS month
FROM current_figures
WHERE year = (SELECT max(year) FROM current_figures)
GROUP BY year;
