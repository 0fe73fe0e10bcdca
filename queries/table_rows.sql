-- Every row of table $name (catalog.schema.table), to copy into a table of the same columns.
SELECT *
FROM query_table($name);
