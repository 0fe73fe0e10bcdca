-- Change an indicator's description; its code (which figures refer to) never changes.
UPDATE indicators
SET group_code = $group_code, name = $name, short_name = $short_name, measure = $measure,
    kind = $kind, direction = $direction, frequency = $frequency, description = $description,
    legal_basis = $legal_basis
WHERE code = $code;
