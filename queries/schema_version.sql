-- The highest schema step applied to this database.
SELECT coalesce(max(version), 0) AS version
FROM schema_version;
