-- Benchmark only: a finished overview frame (registered as finished_frame) kept as a table, to
-- time what merely fetching it costs.
CREATE OR REPLACE TEMP TABLE finished_rows AS SELECT * FROM finished_frame;
