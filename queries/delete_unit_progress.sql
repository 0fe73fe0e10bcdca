-- Drop the unit_progress rows a refresh recomputes (lists NULL: all).
DELETE FROM unit_progress
WHERE ($units IS NULL OR unit_code IN (SELECT unnest($units)))
    AND ($indicators IS NULL OR indicator_code IN (SELECT unnest($indicators)))
    AND ($years IS NULL OR year IN (SELECT unnest($years)))
    AND month >= $from_month;
