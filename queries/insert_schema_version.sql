-- Record that a schema step was applied.
INSERT INTO schema_version (version, applied_at)
VALUES ($version, $applied_at);
