-- The base tables of database $database (not views), whose rows a migration moves.
SELECT table_name
FROM duckdb_tables()
WHERE database_name = $database AND schema_name = 'main'
ORDER BY table_name;
