-- Drop the scope_progress rows of $level a refresh recomputes (lists NULL: all).
DELETE FROM scope_progress
WHERE level = $level
    AND ($clusters IS NULL OR cluster_code IN (SELECT unnest($clusters)))
    AND ($indicators IS NULL OR indicator_code IN (SELECT unnest($indicators)))
    AND ($years IS NULL OR year IN (SELECT unnest($years)))
    AND month >= $from_month;
