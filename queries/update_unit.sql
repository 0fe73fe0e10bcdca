-- Change a unit's name, cluster, kind or whether it is active; its code (which figures refer to)
-- never changes.
UPDATE units
SET name = $name, cluster_code = $cluster_code, kind = $kind, active = $active
WHERE code = $code;
