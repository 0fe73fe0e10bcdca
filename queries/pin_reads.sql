-- Reads nothing, but a transaction's first read of a table fixes the state of the database it
-- sees from then on (DuckDB starts its snapshot there, not at BEGIN): Store.pinned runs it.
SELECT count(*) FROM schema_version WHERE false;
