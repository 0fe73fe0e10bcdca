-- Add the rows of the registered frame new_rows to units.
INSERT INTO units BY NAME
SELECT *
FROM new_rows;
