-- Every version of a unit's figures (optionally of one indicator and period), newest first:
-- who sent which value when.
SELECT
    f.indicator_code, f.period, f.year, f.month, f.value, f.numerator, f.denominator, f.note,
    f.deleted, b.seq AS batch_seq, b.id AS batch_id, b.kind AS batch_kind, b.username,
    b.file_name, b.created_at
FROM figures AS f
JOIN batches AS b ON b.id = f.batch_id
WHERE f.unit_code = $unit
    AND ($indicator IS NULL OR f.indicator_code = $indicator)
    AND ($period IS NULL OR f.period = $period)
ORDER BY f.year DESC, f.month DESC, f.indicator_code, b.seq DESC, b.id DESC;
