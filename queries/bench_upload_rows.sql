-- Benchmark only: $rows figures of the last two months as an upload would send them, changed.
SELECT unit_code AS ma_don_vi, indicator_code AS ma_chi_tieu, period AS ky_bao_cao,
    CASE WHEN numerator IS NULL THEN value + 1 END AS gia_tri,
    numerator + 1 AS tu_so, denominator AS mau_so
FROM current_figures
WHERE year = $year AND month >= $month - 1
ORDER BY unit_code, indicator_code
LIMIT $rows;
