-- Add the rows of the registered frame new_rows to indicators.
INSERT INTO indicators BY NAME
SELECT *
FROM new_rows;
