-- The target of every indicator for a unit in a year: its own, else the province-wide one.
SELECT i.code AS indicator_code, coalesce(own.value, province.value) AS target
FROM indicators AS i
LEFT JOIN current_targets AS own
    ON own.indicator_code = i.code AND own.unit_code = $unit AND own.year = $year
LEFT JOIN current_targets AS province
    ON province.indicator_code = i.code AND province.unit_code = '*' AND province.year = $year;
