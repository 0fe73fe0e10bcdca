-- The sum of the value column of table $name (figures, targets).
SELECT sum(value)
FROM query_table($name);
