-- Add the rows of the registered frame new_rows to clusters.
INSERT INTO clusters BY NAME
SELECT *
FROM new_rows;
