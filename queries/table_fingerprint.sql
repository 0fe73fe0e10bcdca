-- Rows of table $name (catalog.schema.table) and a checksum of every value in them.
SELECT count(*) AS rows, sum(hash(t)) AS checksum
FROM query_table($name) AS t;
