-- How many figures (in the whole log) an indicator has.
SELECT count(*) AS figures
FROM figures
WHERE indicator_code = $code;
