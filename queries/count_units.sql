-- How many rows the units table holds.
SELECT count(*)
FROM units;
