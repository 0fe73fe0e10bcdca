-- Names of the base tables and views in the main schema, to tell a new file from an old one.
SELECT table_name
FROM information_schema.tables
WHERE table_schema = current_schema();
