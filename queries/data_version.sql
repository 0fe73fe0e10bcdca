-- A number every write bumps: the dashboard's caches are keyed on it.
SELECT coalesce(max(seq), 0) AS data_version
FROM audit_log;
