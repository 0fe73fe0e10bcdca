-- Schema step 6: a unit's row in unit_progress also keeps the latest figure itself, the value
-- and end month of last_period (a flow's actual is a sum, not its last figure), so that the
-- check of an upload finds the figure before each of its rows in one snapshot row instead of
-- two years of figures. The migration computes them afresh.
ALTER TABLE unit_progress ADD COLUMN last_value DOUBLE;
ALTER TABLE unit_progress ADD COLUMN last_month INTEGER;
