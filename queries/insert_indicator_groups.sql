-- Add the rows of the registered frame new_rows to indicator_groups.
INSERT INTO indicator_groups BY NAME
SELECT *
FROM new_rows;
