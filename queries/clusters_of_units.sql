-- The clusters the units in list $units belong to.
SELECT DISTINCT cluster_code
FROM units
WHERE code IN (SELECT unnest($units));
