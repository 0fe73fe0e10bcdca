-- Names of the base tables and views in the current database's main schema, to tell a new
-- database from an old one.
SELECT table_name
FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = current_schema();
